"""Session 60: rules read off fresh outside swine-flu pages (docs/claims.md, "Tests that confirm, numbers
typed apart, ages and populations (session 60)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- what a test confirms is confirmed ---------------------------------------------------------------


def test_a_test_that_confirms_a_clause_confirms_its_count() -> None:
    text = (
        "New York City was dealing with a growing threat Sunday after tests confirmed that eight students"
        " at a private Catholic high school had contracted swine flu."
    )
    # before: no state (the cue of a statement whose speaker was "tests")
    assert _of(text, 8) == [("cases", "confirmed", "", "")]


def test_a_source_that_confirms_a_clause_still_only_says_it() -> None:
    assert _of("The WHO today confirmed that the virus has infected 4,379 people.", 4379) == [
        ("cases", "", "", "world")
    ]


def test_the_plural_present_of_confirm_confirms() -> None:
    # before: no state ("confirms" and "confirmed" were words of the state, "confirm" was not)
    assert _of("Officials confirm 12 more cases of swine flu in county.", 12) == [
        ("cases", "confirmed", "new", "")
    ]


def test_the_cases_a_verb_confirms_are_the_deaths_they_are_cases_of() -> None:
    text = "Russia has for the first time confirmed four cases of swine flu deaths."
    # before: deaths with no state (*confirmed* was read as the state of another thing's noun)
    assert _of(text, 4) == [("deaths", "confirmed", "", "Russia")]


def test_an_adjective_of_another_things_noun_is_still_not_the_counts() -> None:
    text = "Two more people died, bringing the number of confirmed cases to five."
    assert _of(text, 2) == [("deaths", "", "new", "")]


def test_cases_that_could_not_be_confirmed_are_unconfirmed() -> None:
    text = "The virus caused seven deaths. The other 13 cases could not be confirmed yet, he said."
    # before: confirmed
    assert _of(text, 13) == [("cases", "suspected", "", "")]
    assert _of("So far 20 cases have not yet been confirmed.", 20) == [("cases", "suspected", "", "")]


def test_a_negation_of_another_verb_leaves_the_confirmation() -> None:
    text = "Scotland is heading into summer. That did not stop 47 new cases being confirmed there today."
    assert _of(text, 47) == [("cases", "confirmed", "new", "")]


def test_a_relative_clause_on_a_plural_count_gives_its_state() -> None:
    text = "Their cases are amongst 23 new cases of swine flu in Scotland which were confirmed today."
    # before: no state (the relative clause was read as another's)
    assert _of(text, 23) == [("cases", "confirmed", "new", "Scotland")]


def test_a_relative_clause_on_a_place_says_nothing_of_the_count() -> None:
    assert _of("There are 40 cases in Mexico, which has reported 12 deaths.", 40) == [
        ("cases", "", "", "Mexico")
    ]


def test_a_part_after_its_qualifier_is_still_a_part() -> None:
    text = (
        "The suspected death toll from swine flu climbed to 149. Health Secretary Jose Angel Cordova says"
        " only 20 of the deaths have been confirmed to be from swine flu."
    )
    # before: a thing "death" of its own
    assert _of(text, 20) == [("deaths", "confirmed", "", "")]


def test_a_span_of_a_day_after_the_counts_own_verb_and_its_complements_makes_it_new() -> None:
    text = "Five people have died of swine flu in the last 24 hours in Mexico City."
    # before: no aspect (the cause phrase stood between the verb and the span)
    assert _of(text, 5) == [("deaths", "", "new", "Mexico City")]


def test_a_span_after_another_clause_is_that_clauses() -> None:
    text = "Five people have died in Peru, and officials said 20 more were hospitalized in the past 24 hours."
    assert _of(text, 5) == [("deaths", "", "", "Peru")]


def test_a_part_a_verb_of_confirming_takes_as_its_object_is_confirmed() -> None:
    text = "Mexico confirmed 20 of the 149 suspected deaths."
    # before: suspected (the whole's adjective)
    assert _of(text, 20) == [("deaths", "confirmed", "", "Mexico")]
    assert _of(text, 149) == [("deaths", "suspected", "", "Mexico")]


def test_a_part_whose_own_test_came_back_positive_stays_stateless() -> None:
    assert _of("Of the 40 suspected cases in Peru, 12 have tested positive.", 12) == [
        ("cases", "", "", "Peru")
    ]


def test_the_letter_of_a_virus_code_is_one_with_its_code() -> None:
    text = "The confirmed A/H1N1 flu cases on the Chinese mainland rose to 24."
    # before: no state (the run of modifiers stopped at the code's *a*)
    assert _of(text, 24) == [("cases", "confirmed", "", "China")]


def test_cases_that_were_cleared_are_no_cases() -> None:
    text = (
        "The ministry said the country now has 310 suspected cases of A/H1N1 flu, and 677 cases were cleared."
    )
    # before: 677 cases
    assert _of(text, 677) == []
    assert _of(text, 310) == [("cases", "suspected", "", "")]


def test_a_clause_that_clears_something_else_leaves_the_count() -> None:
    text = "US: One death, 403 confirmed cases Masked staff took them away before they cleared customs."
    assert _of(text, 403) == [("cases", "confirmed", "", "United States")]


def test_an_amount_qualifier_makes_four_digits_a_count_not_a_year() -> None:
    text = "The virus has killed 152 people in Mexico and had infected nearly 2000."
    # before: the deaths' place was ("Mexico", "2000"), the 2000 read as a year
    assert _of(text, 152) == [("deaths", "", "", "Mexico")]


# --- no count: an age, a population -------------------------------------------------------------------


def test_a_persons_age_after_who_was_is_no_count() -> None:
    text = (
        "Mayor Michael Bloomberg said the death of Wiener, who was 55 and had taught for decades, is a loss."
    )
    # before: 55 deaths
    assert _of(text, 55) == []


def test_the_number_a_nation_of_takes_is_its_population() -> None:
    text = (
        "Ukraine's Health Ministry said Monday that 67 people in the nation of 40 million have died of flu."
    )
    # before: 40,000,000 deaths
    assert _of(text, 40_000_000) == []


def test_in_the_region_of_is_about_not_a_population() -> None:
    text = "The death toll from the earthquake in Haiti is in the region of 150,000, the government said."
    assert _of(text, 150_000) == [("deaths", "", "", "Haiti")]


# --- the nouns a count's words name --------------------------------------------------------------------


def test_registered_cases_are_cases() -> None:
    # before: a thing "registered case"
    assert _of("Not including the fatality, there are 78 registered cases of H1N1 in Bulgaria.", 78) == [
        ("cases", "", "", "Bulgaria")
    ]


def test_people_who_passed_away_died() -> None:
    assert _of("Two people in Estonia passed away from complications of swine flu.", 2) == [
        ("deaths", "", "", "Estonia")
    ]


def test_flu_related_hospitalizations_are_hospitalized() -> None:
    text = "Peru reported 120 flu-related hospitalizations on Monday."
    assert _of(text, 120) == [("hospitalized", "", "", "Peru")]


def test_humans_are_persons() -> None:
    text = "The CDC announced that so far 6,552 humans have been infected with the A(H1N1) influenza virus."
    # before: a thing "human"
    assert _of(text, 6552) == [("cases", "", "", "United States")]


# --- lists ---------------------------------------------------------------------------------------------


def test_a_semicolon_separates_the_items_of_a_list_as_a_comma_does() -> None:
    text = "There are 16 probable cases in Chicago; 11 in Cook County; 8 in Kane County; and 1 in Lake County"
    # before: no value of the items after a semicolon
    assert _of(text, 8) == [("cases", "probable", "", "Kane County")]
    assert _of(text, 1) == [("cases", "probable", "", "Lake County")]


def test_a_number_with_its_own_predicate_after_a_semicolon_says_what_it_counts() -> None:
    assert _of("Pima County reported 22 cases; 11 were hospitalized.", 11) == [
        ("hospitalized", "", "", "Pima County")
    ]


def test_a_list_items_place_after_a_compass_or_area_adjective_is_its_own() -> None:
    # before: the place of the item before (United States, Chicago)
    assert _of("There were 40 cases in the US, 6 in western Canada, 2 in Spain.", 6) == [
        ("cases", "", "", "Canada")
    ]
    assert _of(
        "There are 16 probable cases in Chicago, 11 in suburban Cook County, 8 in Kane County.", 11
    ) == [("cases", "probable", "", "Cook County")]


def test_a_number_opening_its_sentence_with_of_those_is_a_part_of_the_count_before() -> None:
    text = (
        "As of Sunday, there were 20 confirmed cases of swine flu in the United States. Eight of those were"
        " in New York, seven in California, two in Texas."
    )
    # before: no value of the parts
    assert _of(text, 8) == [("cases", "confirmed", "", "New York")]
    assert _of(text, 7) == [("cases", "confirmed", "", "California")]


def test_a_part_of_those_that_its_clause_sets_apart_otherwise_is_no_value() -> None:
    assert _of("Mexico has 40 confirmed cases. Ten of them are children.", 10) == []


# --- a round-up's labels -------------------------------------------------------------------------------


def test_a_round_ups_label_names_the_thing_of_its_counts() -> None:
    text = (
        "Developments on swine-flu outbreaks, according to the WHO:\n\nDeaths: Global total of 76 — 68 in"
        " Mexico, six in U.S., one in Canada and one in Costa Rica. Officials said victims had other"
        " conditions.\n\nConfirmed cases: WHO says 40 countries have reported more than 8,829 cases."
    )
    # before: no value of the deaths (their numbers name no thing), no state of the cases
    assert _of(text, 76) == [("deaths", "", "", "world")]
    assert _of(text, 68) == [("deaths", "", "", "Mexico")]
    assert _of(text, 8829) == [("cases", "confirmed", "", "world")]


def test_a_label_reaches_only_the_first_sentence_after_it() -> None:
    text = "Deaths: Global total of 76. Officials said 12 were children."
    assert _of(text, 12) == []
