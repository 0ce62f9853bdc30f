"""Relays the context gives (docs/attribution.md, "Relays"): a readout never closed, an outlet's
report, the outlet writing the copy, "quoted him as saying". Sentences written for the tests."""

from __future__ import annotations

from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text


def statements(text: str) -> list[Statement]:
    return analyze_text(text, published="2024-03-12").statements


def about(sts: list[Statement], piece: str) -> Statement:
    return next(s for s in sts if piece in s.content.text)


def via(st: Statement) -> list[str | None]:
    return [v.name or v.text for v in st.via]


READOUT = (
    "A spokesman for the President said:\n\n"
    "“President Ana Costa today met the Prime Minister of Portugal in Lisbon. "
    "The two leaders spoke for an hour.\n\n"
    "The President said the two countries would sign a fisheries accord next year.\n\n"
    "The Prime Minister said trade between them had doubled in five years."
)


def test_statements_in_a_readout_never_closed_are_relayed_by_its_speaker() -> None:
    sts = statements(READOUT)
    accord = about(sts, "fisheries accord")
    assert accord.speaker is not None and accord.speaker.name == "Ana Costa"
    assert via(accord) == ["spokesman for the President"]
    assert via(about(sts, "trade between them")) == ["spokesman for the President"]
    assert via(about(sts, "met the Prime Minister")) == []  # the spokesman's own words


def test_a_readout_closed_by_its_mark_relays_nothing_after_it() -> None:
    closed = READOUT.replace("for an hour.", "for an hour.”")
    sts = statements(closed)
    assert via(about(sts, "fisheries accord")) == []


def test_a_role_after_for_is_not_the_speakers_own() -> None:
    """*the President* never resolves to *a spokesman for the President*."""
    sts = statements(
        "A spokesman for the President said the visit was a success. The President said trade had doubled."
    )
    st = about(sts, "trade had doubled")
    assert st.speaker is not None and st.speaker.name != "spokesman for the President"


def test_quotes_later_in_an_outlets_report_paragraph_come_from_that_report() -> None:
    sts = statements(
        "The New York Times notes, however, that the dam had been inspected in May. "
        "“We never saw a crack,” said the chief engineer of the county. "
        "Neighbours also said that the water rose within an hour.\n\n"
        "The mayor said the town would be rebuilt."
    )
    assert via(about(sts, "never saw a crack")) == ["New York Times"]
    assert via(about(sts, "water rose")) == ["New York Times"]
    assert via(about(sts, "rebuilt")) == []  # the next paragraph is the writer's own reporting


def test_the_outlet_writing_the_copy_is_no_relay() -> None:
    told = "A senior police official told Reuters that the suspects had fled to Bolivia."
    assert via(statements(told)[0]) == ["Reuters"]
    (st,) = statements("LIMA, May 3 (Reuters) - " + told)
    assert via(st) == []


def test_a_quote_an_outlet_quoted_him_as_saying() -> None:
    sts = statements(
        "Finance Minister John Okello was asked about the budget on Monday.\n\n"
        "“We will not cut salaries,” the Daily Monitor quoted him as saying."
    )
    st = about(sts, "cut salaries")
    assert st.mode == "direct" and st.speaker is not None and st.speaker.name == "John Okello"
    assert via(st) == ["Daily Monitor"]


def test_according_to_him_resolves_the_pronoun() -> None:
    sts = statements(
        "Labour Minister Chris Obi said he would consult his party first. "
        "According to him, the president gave ministers a week to decide."
    )
    st = about(sts, "a week to decide")
    assert st.speaker is not None and st.speaker.name == "Chris Obi"


def test_an_outlet_that_says_something_speaks_for_itself() -> None:
    sts = statements(
        "The New York Times said it would send a reporter to the border. "
        "The mayor said the town would be rebuilt."
    )
    assert via(about(sts, "rebuilt")) == []


def test_a_report_inside_anothers_report_is_relayed_by_the_outer_speaker() -> None:
    sts = statements(
        "While experts outside the study warned against jumping to conclusions about a new species, "
        "further research could mark the first time a new one has been found, the magazine Nature said."
    )
    st = next(s for s in sts if s.speaker is not None and s.speaker.text == "experts outside the study")
    assert len(st.via) == 1 and "Nature" in st.via[0].text
