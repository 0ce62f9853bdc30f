"""What the real-news trust tests (test_trust3/4/5) share: the default cut and one way to analyse a
sentence written in the style of news copy."""

from __future__ import annotations

from typing import Any

from saidwhat.attribution.confidence import Evidence
from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text
from saidwhat.settings import Settings

CUT = Settings().min_confidence


def statements(text: str) -> list[Statement]:
    """The statements of ``text``, every confidence kept (the cut is what these tests check)."""
    return analyze_text(text, published="2024-05-14").statements


def the_one(text: str, word: str) -> Statement:
    """The one statement whose content holds ``word`` (fails when there are none or several)."""
    (st,) = [s for s in statements(text) if word in s.content.text]
    return st


def evidence(**kw: Any) -> Evidence:
    """The evidence of a learned relation with a named speaker and nothing else, ``kw`` changed."""
    base: dict[str, Any] = dict(
        learned=True,
        score=1.0,
        speech_cue=False,
        clause=False,
        speaker="named",
        evidence_source=False,
        hedged=False,
        direct=False,
    )
    return Evidence(**{**base, **kw})
