"""Degrees and honours after a full name and a comma are the name's, never entities (session 53)."""

from __future__ import annotations

import pytest

from saidwhat.pipeline import analyze_text


def _entities(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in analyze_text(text, published="2009-04-28").entities]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The virus is spreading, said CDC Director Thomas R. Frieden, MD, MPH, on Monday.", {"MD", "MPH"}),
        ("The study was led by Jane Elizabeth Doe, PhD, of the university.", {"PhD"}),
    ],
)
def test_degrees_after_a_full_name_are_no_entities(text: str, gone: set[str]) -> None:
    names = {name for name, _ in _entities(text)}
    assert not names & gone
    assert any(" " in name for name, kind in _entities(text) if kind == "PERSON")


def test_a_town_and_its_state_stay_places() -> None:
    # one word before the comma is no full name: "Frederick, MD" is a town and Maryland
    assert ("MD", "GPE") in _entities("A clinic in Frederick, MD, closed on Monday after the outbreak.")
