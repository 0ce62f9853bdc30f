"""The error catalogue in docs/errors.md and saidwhat.errors.CATALOGUE list the same codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from saidwhat.errors import CATALOGUE, SaidwhatError

DOC = Path(__file__).resolve().parent.parent / "docs" / "errors.md"


def test_docs_list_every_code_and_only_those() -> None:
    documented = set(re.findall(r"^\| `(E_[A-Z_]+)` \| (\d+) \|", DOC.read_text(encoding="utf-8"), re.M))
    assert documented == {(code, str(status)) for code, (status, _) in CATALOGUE.items()}


def test_error_line_is_one_line_with_code_and_place() -> None:
    e = SaidwhatError("E_JSONL", "line is not a JSON object:\n  got a list", "feed.jsonl", 7)
    assert e.one_line() == "error[E_JSONL] feed.jsonl:7: line is not a JSON object: got a list"
    assert e.status == 422
    assert e.to_dict() == {
        "error": {
            "code": "E_JSONL",
            "message": "line is not a JSON object:\n  got a list",
            "source": "feed.jsonl",
            "line": 7,
        }
    }


def test_unknown_code_is_a_bug() -> None:
    with pytest.raises(ValueError):
        SaidwhatError("E_NOPE", "x")
