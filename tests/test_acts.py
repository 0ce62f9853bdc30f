"""The speech-act registry: one list read by the cue lexicon check, the stylesheet and the charts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import saidwhat.acts as acts_mod
from saidwhat.acts import acts, check_cue_lexicon, css
from saidwhat.errors import SaidwhatError
from saidwhat.schema import Schema, check
from saidwhat.web.chart import act_colour

ROOT = Path(__file__).resolve().parent.parent


def test_the_stylesheet_act_rules_are_generated_from_the_registry() -> None:
    sheet = (ROOT / "saidwhat/web/static/style.css").read_text(encoding="utf-8")
    block = re.search(
        r"generated from saidwhat/data/acts.toml.*?\*/\n(.*?)/\* end of act colours \*/", sheet, re.S
    )
    assert block is not None and block.group(1) == css()


def test_docs_charts_and_lexicon_use_the_registered_acts() -> None:
    table = (ROOT / "docs/acts.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `(\w+)` \|", table, re.M)
    assert documented and set(documented) == set(acts())
    assert {act_colour(a) for a in acts()} == {a.colour for a in acts().values()}
    check_cue_lexicon()


def test_a_typo_in_the_cue_lexicon_names_the_file_and_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    real = acts_mod.read_toml

    def typo(name: str) -> dict[str, Any]:
        data = real(name)
        if name == "cues.toml":
            data["verbs"]["warn"] = "wran"
        return data

    monkeypatch.setattr(acts_mod, "read_toml", typo)
    with pytest.raises(SaidwhatError) as e:
        check_cue_lexicon()
    assert e.value.code == "E_LEXICON" and e.value.source == "saidwhat/data/cues.toml"
    assert "verbs.'warn'" in e.value.message and "'wran'" in e.value.message


def test_schema_errors_name_the_key() -> None:
    schema = Schema(tables={"words": Schema(any_key=str), "limit": int})
    check({"words": {"a": "b"}, "limit": 3}, schema, "x.toml")
    for bad, key in (({"wrods": {}}, "wrods"), ({"words": {"a": 1}}, "words.a"), ({"limit": True}, "limit")):
        with pytest.raises(SaidwhatError) as e:
            check(bad, schema, "x.toml")
        assert e.value.code == "E_LEXICON" and key in e.value.message and e.value.source == "x.toml"


@pytest.mark.parametrize(
    ("module", "name"),
    [("saidwhat.timex.lexicon", "timex.toml"), ("saidwhat.quantities.lexicon", "quantities.toml")],
)
def test_lexicons_are_checked_against_their_schema(module: str, name: str) -> None:
    import importlib

    from saidwhat.schema import read_toml

    schema = importlib.import_module(module).SCHEMA
    data = read_toml(name)
    check(data, schema, name)  # the shipped file passes
    first = next(k for k, v in data.items() if isinstance(v, dict))
    data[first + "s_typo"] = data.pop(first)
    with pytest.raises(SaidwhatError) as e:
        check(data, schema, name)
    assert e.value.code == "E_LEXICON" and f"{first}s_typo" in e.value.message and e.value.source == name
