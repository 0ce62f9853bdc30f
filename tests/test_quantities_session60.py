"""Session 60: numbers typed apart and finite verbs after a number (docs/entities.md, "Quantities"), read off
fresh outside swine-flu pages."""

from __future__ import annotations

from saidwhat.pipeline import analyze_text
from tests.claims_fixtures import keys_of as _of

# --- numbers typed apart --------------------------------------------------------------------------------


def _quantity(text: str, value: float) -> tuple[str, float | None] | None:
    for q in analyze_text(text).quantities:
        if q.value == value:
            return q.text, q.value
    return None


def test_a_space_typed_after_a_thousands_comma_keeps_one_number() -> None:
    text = "The Robert Koch Institute registered more than 25, 000 new cases between April and October 20."
    # before: 25 cases
    assert _quantity(text, 25_000) == ("more than 25, 000 new cases", 25_000)
    assert _of(text, 25) == []


def test_a_list_of_numbers_with_commas_stays_a_list() -> None:
    assert _quantity("The children were aged 1, 2 and 5.", 1002) is None
    assert _quantity("Cases rose in weeks 12, 130 and 250 of the count.", 12_130) is None


def test_three_groups_of_digits_set_apart_by_spaces_are_one_number() -> None:
    text = "Besides there have been 3 414 040 registered cases of flu disease in Ukraine since October 29."
    # before: no quantity of that number
    assert _quantity(text, 3_414_040) == ("3 414 040 registered cases", 3_414_040)


def test_three_columns_of_a_row_are_no_number_of_groups() -> None:
    text = "Totals: Canada 112 420 300. Mexico 1 112 42."
    # (a first version of the rule read 112,420,300)
    assert _quantity(text, 112_420_300) is None


def test_a_phone_number_is_still_no_number_of_groups() -> None:
    assert _quantity("For advice call 0370 60 60 900 today.", 370_060_060_900) is None


def test_a_finite_verb_after_a_number_is_no_noun_it_counts() -> None:
    # before: a thing "took place"
    assert _of("Among the 17 deaths, 13 took place in Maharashtra state.", 13) == [
        ("deaths", "", "", "Maharashtra")
    ]


def test_a_number_word_after_a_semicolon_may_leave_out_its_noun() -> None:
    text = "There were 61 deaths: 56 in Mexico; three in the U.S.; one in Canada."
    # before: no quantity of "three" (a number word's noun was left out only after a comma or a conjunction)
    assert _quantity(text, 3) == ("three", 3)
    assert _of(text, 3) == [("deaths", "", "", "United States")]
