"""Session 53: a count drawn *from* a whole of another thing written after it has the whole's state; the
District of Columbia listed after a count of states is the United States; a verb's second object after
the places its first is counted in shares the verb's state; *as a result* takes the cause of the clause
before (docs/claims.md)."""

from __future__ import annotations

import pytest

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text
from tests.claims_fixtures import place_keys


def _states(text: str) -> dict[float, tuple[str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return {v.value: (v.key.thing, v.key.state) for v in facts.quantities if v.value is not None}


def test_deaths_from_confirmed_cases_are_confirmed_deaths() -> None:
    got = _states(
        "According to its latest figures, more than 230 people have been killed by the flu worldwide from"
        " 52,000 confirmed cases, mostly in the United States and Mexico."
    )
    # before: 230 deaths without a state, a leak against the gold's confirmed deaths
    assert got[230] == ("deaths", "confirmed")
    assert got[52000] == ("cases", "confirmed")


def test_from_a_count_of_the_same_thing_is_where_a_change_began() -> None:
    got = _states(
        "The number of people killed by the virus in Mexico rose to 30 from 20 confirmed deaths on Friday."
    )
    assert got[30] == ("deaths", "")


def test_the_district_listed_after_a_count_of_states_is_the_united_states() -> None:
    keys = place_keys(
        "As of Monday, there were slightly more than 2,600 confirmed cases in 43 states and the District of"
        " Columbia, with three confirmed deaths and 94 people hospitalized, Schuchat said. All three"
        " patients who have died had underlying health problems."
    )
    # before: both counts of three deaths were the District of Columbia's
    assert (3.0, "deaths", ("United States",)) in keys
    assert (3.0, "deaths", ("District of Columbia",)) not in keys
    # the district alone stays itself
    assert (2.0, "cases", ("District of Columbia",)) in place_keys(
        "Two cases were found in the District of Columbia."
    )


def test_a_verbs_second_object_after_the_places_the_first_is_counted_in_shares_its_state() -> None:
    got = _states("The CDC has confirmed 2,532 cases in 44 states, and three deaths.")
    # before: the three deaths, joined to the states counted, had no state
    assert got[3] == ("deaths", "confirmed")
    # an adjective's state stays its noun's
    assert _states("The CDC said there were 2,532 confirmed cases in 44 states, and three deaths.")[3] == (
        "deaths",
        "",
    )


def test_a_count_that_dies_as_a_result_has_the_cause_of_the_clause_before() -> None:
    text = (
        "Swine flu has killed 150 people in Mexico, officials said. Between 3 and 5 million people experience"
        " severe illness due to regular, seasonal flu around the world each year, and between 250,000 and"
        " 500,000 die as a result."
    )
    facts = article_facts(analyze_text(text, published="2009-05-01"), None)
    things = {v.low: v.key.thing for v in facts.quantities if v.low is not None}
    # before: the seasonal flu's yearly toll was a value of the swine flu's deaths
    assert things[250000] == "seasonal flu deaths"
    # "as a result of" names its own cause
    got = _states("Swine flu has spread to 20 countries, and 150 people died as a result of the virus.")
    assert got[150] == ("deaths", "")


def test_a_sentences_opening_pronoun_counts_the_disease_the_sentence_before_names_first() -> None:
    text = (
        "Swine flu has killed 150 people in Mexico, officials said. Six years ago came the Severe Acute"
        " Respiratory Syndrome (Sars) epidemic. That too was centred on Asia but caused more than 800 deaths"
        " worldwide. The H1N1 flu strain is a mixture of swine, bird and human viruses. It has killed 85"
        " people in 41 countries."
    )
    things = {v.value: v.key.thing for v in article_facts(analyze_text(text), None).quantities}
    # before: SARS's 800 deaths were the swine flu's deaths of the world
    assert things[800] == "sars deaths"
    # the article's own disease, named first before the pronoun, keeps the count its own
    assert things[85] == "deaths"
    # a determiner is no pronoun: its noun is the subject
    text = (
        "Swine flu has killed 150 people in Mexico. Officials compared it with seasonal flu and swine flu."
        " This infection has killed 30 people in Mexico."
    )
    assert {v.value: v.key.thing for v in article_facts(analyze_text(text), None).quantities}[30] == "deaths"


def test_a_part_of_a_whole_of_two_states_has_no_measure_either() -> None:
    text = (
        "There have been 8,585 probable and confirmed US cases of the new H1N1 strain, with 12 deaths and 507"
        " hospitalisations. The US has 2,000 confirmed cases, with 40 deaths."
    )
    got = _states(text)
    # before: 12 deaths of the United States, a value the guideline leaves out with its whole
    assert 12 not in got
    assert got[40] == ("deaths", "confirmed")
    # states of another clause leave the part its own
    got = _states("Confirmed and suspected cases are rising, but Mexico has 2,000 cases, with 50 deaths.")
    assert got[50] == ("deaths", "")


def test_deaths_probably_linked_to_the_virus_are_no_value() -> None:
    got = _states(
        "Mexican officials said 81 deaths were recorded probably linked to the virus. Mexico said 20 deaths"
        " were linked to the virus."
    )
    # before: 81 deaths of Mexico, a value the guideline leaves out (a measure a reader cannot tell)
    assert 81 not in got
    assert got[20] == ("deaths", "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Among the newly confirmed cases, only 14 were imported cases while the rest caught it at home.",
        "Of the newly confirmed cases, only 14 were imported cases.",
        "Among the confirmed cases, 14 patients are in the south and 21 in the north.",
    ],
)
def test_a_part_of_a_fronted_whole_its_clause_describes_otherwise_is_no_value(sentence: str) -> None:
    # before: 14 confirmed cases of Mexico, the whole's measure
    got = _states("Mexico has confirmed 100 new cases of swine flu. " + sentence)
    assert 14 not in got
    assert got[100] == ("cases", "confirmed")


def test_a_part_of_a_fronted_whole_placed_by_its_clause_stays_a_value() -> None:
    keys = place_keys(
        "Among the 45 deaths, 20 were in Mexico. Of the new cases in England, 124 appeared in Wales."
    )
    assert (124.0, "cases", ("Wales",)) in keys
