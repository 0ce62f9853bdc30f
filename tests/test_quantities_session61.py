"""Session 61: the quantities engine (docs/entities.md, "Quantities")."""

from __future__ import annotations

from saidwhat.pipeline import analyze_text


def _values(text: str) -> list[tuple[str, float | None]]:
    return [(q.text, q.value) for q in analyze_text(text).quantities]


def test_a_number_ending_a_headline_is_no_run_with_a_date_on_the_next_line() -> None:
    text = (
        "Vietnam's A/H1N1 flu cases rise to 320\n\n2009-07-16\nHANOI -- The ministry confirmed 11 more cases."
    )
    # before: no quantity of 320 (read as a run of bare numbers with the date's year)
    assert ("320", 320) in _values(text)


def test_a_run_of_bare_numbers_on_one_line_is_still_an_identifier() -> None:
    assert not any(v == 555 for _, v in _values("Call 202 555 0100 for advice on swine flu."))


def test_a_headline_number_the_parse_left_unattached_counts_the_words_after_it() -> None:
    text = "Medical News\n\nFour New Cases of Swine Flu Take Total Toll to 39\n\nAdded On : 23rd June 2009\n"
    # before: no quantity of "Four" (the parse made it its sentence's root, linked to no noun)
    assert ("Four New Cases", 4) in _values(text)


def test_a_number_of_a_sentence_in_lower_case_still_needs_its_noun_linked() -> None:
    assert not any(t.startswith("Four") for t, _ in _values("Four.\n\nNew cases were found in Peru."))
