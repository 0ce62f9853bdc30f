"""Session 61: rules of English read while building a new annotated development set (docs/claims.md,
"Fronted spans ... (session 61)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- a span that opens its sentence dates the clause after it -----------------------------------------


def test_a_fronted_span_since_a_day_is_what_the_days_added() -> None:
    # before: no aspect (the span's pattern read only a lower-case "since")
    assert _of("Since Monday, 17 people have died of swine flu in Brazil.", 17) == [
        ("deaths", "", "new", "Brazil")
    ]


def test_a_fronted_span_reaches_past_the_subject_of_its_clause() -> None:
    # before: no aspect (the comma after the span was read as a clause's break)
    assert _of("Since yesterday, Mexico has confirmed 25 cases of swine flu.", 25) == [
        ("cases", "confirmed", "new", "Mexico")
    ]


def test_a_fronted_span_of_months_with_a_capital() -> None:
    text = "During the first six months of the year, 300 people died of swine flu in Argentina."
    assert _of(text, 300) == [("deaths", "", "new", "Argentina")]


def test_a_fronted_span_does_not_make_a_level_new() -> None:
    assert _of("Since Monday, Mexico's death toll has reached 45.", 45) == [("deaths", "", "", "Mexico")]
    assert _of("Since Tuesday, Argentina has a total of 300 confirmed cases.", 300) == [
        ("cases", "confirmed", "", "Argentina")
    ]
    assert _of("Since Monday, Spain's tally has been 120 cases.", 120) == [("cases", "", "", "Spain")]


def test_a_fronted_span_with_another_clause_between_is_not_the_counts() -> None:
    text = "Since Monday, when the school closed, officials have counted 30 cases of swine flu in Chile."
    assert _of(text, 30) == [("cases", "", "", "Chile")]


# --- a capital's dateline in capitals before a colon --------------------------------------------------


def test_a_capitals_dateline_before_a_colon_and_a_sentence_places_the_lead() -> None:
    text = "RIYADH: Four new cases of swine flu were identified yesterday, the Ministry of Health said."
    # before: no place (the count after the colon was read as a list line headed by a place)
    assert _of(text, 4) == [("cases", "", "new", "Saudi Arabia")]


def test_a_capitals_dateline_of_two_words_is_its_countrys() -> None:
    # before: the place "NEW DELHI" (the dateline read as the count's own place)
    assert _of("NEW DELHI: Four new cases of swine flu were identified yesterday.", 4) == [
        ("cases", "", "new", "India")
    ]


def test_a_country_in_capitals_heading_a_count_is_still_a_list_line() -> None:
    text = "PERU: 20 cases of swine flu, 2 deaths.\nCHILE: 30 cases of swine flu, 1 death."
    assert _of(text, 30) == [("cases", "", "", "Chile")]
