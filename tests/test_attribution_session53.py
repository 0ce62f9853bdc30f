"""Session 53 (docs/attribution.md): a disease, its agent or its toll says nothing, so a subject so
headed is no speaker (``[speakers.mute]`` in attribution.toml); the acronym WHO is no relative pronoun."""

from __future__ import annotations

import pytest

from saidwhat.pipeline import analyze_text


def _speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """Each statement's speaker as written, its name and its cue."""
    return [
        (
            s.speaker.text if s.speaker else None,
            s.speaker.name if s.speaker else None,
            s.cue.text if s.cue else None,
        )
        for s in analyze_text(text).statements
    ]


def _said(text: str) -> list[tuple[str | None, str | None]]:
    return [(who, cue) for who, _, cue in _speakers(text)]


@pytest.mark.parametrize(
    "text",
    [
        # a participle the parse made a clause's verb, with a count of cases for its subject
        "Together with 61 new cases in England and one case in Northern Ireland confirmed on Sunday, a"
        " total of 1,261 people have now caught the virus in the UK.",
        "So many deaths, after apparently a very short time, worried the Mexican authorities.",
        "Two cases confirmed that the virus had spread.",
        "The virus showed that the system had failed.",
    ],
)
def test_a_disease_or_its_toll_is_no_speaker(text: str) -> None:
    assert _said(text) == []


def test_a_court_case_and_a_name_still_speak() -> None:
    # "case" is mute only when counted: a court's case is PolNeAR's source
    assert ("The case", "showed") in _said("The case showed that the system had failed.")
    assert ("Flu Trackers", "said") in _said("Flu Trackers said that 20 people had died.")
    # the speaker of the sentence stays
    assert _said("The outbreak has shown that hospitals are not ready, the minister said.") == [
        ("the minister", "said")
    ]


def _named(text: str) -> list[tuple[str | None, str | None]]:
    return [(who, name) for who, name, _ in _speakers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Phase 6 would trigger support for countries which lack the drugs to respond to the flu that the WHO"
        " has said could be especially dangerous for people with HIV/AIDS.",
        "While eclipsed on the headlines by the highly contagious H1N1 strain, which proved deadly in its"
        " North American epicenter, the WHO stressed it was important to remember the risks posed by avian"
        " influenza.",
    ],
)
def test_the_acronym_who_is_no_relative_pronoun(text: str) -> None:
    # before: the speaker WHO was named after the noun a relative clause modified ("flu", "strain")
    assert [name for _, name in _named(text)] == ["WHO"]


def test_a_relative_pronoun_still_takes_its_antecedent() -> None:
    assert ("who", "Benjamin Netanyahu") in _named(
        "Netanyahu, who denies the report, said the talks would go on."
    )
