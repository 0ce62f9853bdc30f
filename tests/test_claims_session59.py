"""Session 59: rules read off fresh outside swine-flu pages (docs/claims.md, "A state's people, totals
written after their number, intensive care and lists of new counts (session 59)")."""

from __future__ import annotations

from saidwhat.claims.lexicon import load_lexicon
from tests.claims_fixtures import keys_of as _of

# --- a state's people --------------------------------------------------------------------------------


def test_a_us_states_people_are_persons_of_that_state() -> None:
    # before: a thing "minnesotan", "coloradan", "virginian" of its own, no deaths
    assert _of("Six more Minnesotans have died from H1N1 flu complications.", 6) == [
        ("deaths", "", "new", "Minnesota")
    ]
    assert _of("Two Coloradans have died because of the swine flu.", 2) == [("deaths", "", "", "Colorado")]
    assert _of("The disease has played a part in the deaths of 24 Virginians, he said.", 24) == [
        ("deaths", "", "", "Virginia")
    ]


def test_a_two_word_demonym_names_its_own_state() -> None:
    assert _of("Three West Virginians have died of the flu.", 3) == [("deaths", "", "", "West Virginia")]


def test_names_of_two_places_peoples_are_no_states_demonyms() -> None:
    # Georgians are a nation's people too, New Yorkers a city's, Carolinians two states'
    demonyms = load_lexicon().region_demonyms
    assert demonyms["minnesotans"] == "Minnesota"
    assert not {"georgians", "new yorkers", "carolinians", "washingtonians", "oregonian", "oklahoman"} & set(
        demonyms
    )


# --- a total's noun phrase after its number ----------------------------------------------------------


def test_the_total_after_the_number_a_verb_of_bringing_takes_it_to_is_its_noun_phrase() -> None:
    text = "These cases bring to 10 the total Minnesota deaths related to the H1N1 outbreak since last April."
    # before: a thing "the total death" with no place
    assert _of(text, 10) == [("deaths", "", "", "Minnesota")]
    assert _of("The four cases bring to 10 the total swine flu cases in Minnesota.", 10) == [
        ("cases", "", "", "Minnesota")
    ]


def test_the_number_of_after_the_number_still_reads_as_before() -> None:
    assert _of("The death brings to 12 the number of deaths in Peru.", 12) == [("deaths", "", "", "Peru")]


def test_such_cases_are_the_cases_named_before() -> None:
    text = "The city has recorded 1,299 cases during the period, and 6,196 such cases so far."
    # before: a thing "case" of its own
    assert _of(text, 6196) == [("cases", "", "", "")]


# --- intensive care is in hospital -------------------------------------------------------------------


def test_people_in_intensive_care_are_no_count_of_cases() -> None:
    # before: 94 cases of Australia, 5 cases of Victoria, 20 cases
    assert _of("There are currently 94 people in intensive care with swine flu in Australia.", 94) == [
        ("icu", "", "", "Australia")
    ]
    assert _of("FIVE Victorians with swine flu were in intensive care units last night.", 5) == [
        ("icu", "", "", "Victoria")
    ]
    text = "Nationwide, 52 people are in hospital, including 20 in intensive care, with swine flu."
    assert _of(text, 20) == [("icu", "", "", "")]


def test_a_part_of_them_takes_what_its_own_words_say_before_the_wholes_verb() -> None:
    text = "The ministry said 62 people were hospitalised, 12 of them in intensive care."
    # before: 12 hospitalized (the whole's verb), or no value at all
    assert _of(text, 12) == [("icu", "", "", "")]
    assert _of("The ministry said 62 people were hospitalised, 12 of them have died.", 12) == [
        ("deaths", "", "", "")
    ]
    assert _of("Officials confirmed 40 cases, 12 of them in Lima.", 12) == [
        ("cases", "confirmed", "", "Lima")
    ]


def test_cases_alone_stay_cases() -> None:
    assert _of("Officials said 45 people in Peru have swine flu.", 45) == [("cases", "", "", "Peru")]


# --- a total of last week ----------------------------------------------------------------------------


def test_a_place_that_had_a_total_last_week_had_a_level_not_an_increment() -> None:
    text = "The highest number of cases in the region is Fiji, which had a total of 97 cases last week."
    # before: 97 new cases
    assert _of(text, 97) == [("cases", "", "", "Fiji")]


def test_a_count_reported_last_week_is_still_what_the_week_added() -> None:
    assert _of("Peru reported 40 cases last week.", 40) == [("cases", "", "new", "Peru")]


# --- a participle of saying opens a clause of its own ------------------------------------------------


def test_a_count_after_saying_takes_no_predicate_from_the_clause_before() -> None:
    text = (
        "The authorities in Tahiti announced over the weekend that three people died, saying that 10,000 "
        "people in the archipelago have now contracted the H1N1 virus."
    )
    # before: 10,000 deaths
    assert [k[0] for k in _of(text, 10000)] == ["cases"]
    assert [k[0] for k in _of(text, 3)] == ["deaths"]


# --- the adverbs of the possible ---------------------------------------------------------------------


def test_possibly_and_potentially_infected_people_are_suspected_cases() -> None:
    text = (
        "Last Saturday it was reported that one suspected case of swine flu had been detected, with four "
        "others possibly infected."
    )
    # before: 4 cases with no state (a leak of a suspected count into the cases)
    assert [k[:2] for k in _of(text, 4)] == [("cases", "suspected")]
    text = "The government said 20,000 people had potentially been infected since the end of June."
    assert [k[:2] for k in _of(text, 20000)] == [("cases", "suspected")]


# --- a list of new counts in brackets ----------------------------------------------------------------


def test_bracketed_items_after_new_cases_are_new_cases() -> None:
    text = "New cases were also reported from Rajasthan (47), Maharashtra (20) and West Bengal (1)."
    # before: totals of each state
    assert _of(text, 47) == [("cases", "", "new", "Rajasthan")]
    assert _of(text, 20) == [("cases", "", "new", "Maharashtra")]
    deaths = "Fresh deaths were reported from Rajasthan (4) and Gujarat (2)."
    assert _of(deaths, 2) == [("deaths", "", "new", "Gujarat")]


def test_bracketed_items_after_a_plain_noun_stay_totals() -> None:
    text = "Confirmed cases were reported in Rajasthan (47), Maharashtra (20) and West Bengal (1)."
    assert _of(text, 47) == [("cases", "confirmed", "", "Rajasthan")]


# --- a partitive's whole ------------------------------------------------------------------------------


def test_a_partitives_whole_is_no_increment_the_clause_after_it_says() -> None:
    text = (
        "St. Vincent has seen a spike in new cases, with 15 of its 17 cases reported in the last week alone."
    )
    # before: 17 new cases (the span after the whole is the part's)
    assert [k[2] for k in _of(text, 17)] == [""]
    assert _of("Peru reported 17 cases in the last week.", 17) == [("cases", "", "new", "Peru")]
    # a whole that writes its own increment keeps it
    assert [k[2] for k in _of("Officials said 15 of the 17 new cases were in Lima.", 17)] == ["new"]


# --- ages, rates and their divisors ------------------------------------------------------------------


def test_an_average_age_is_no_count_however_long_its_subject() -> None:
    text = (
        "The average age of people who have come down with swine flu (in lab confirmed cases) is 18, "
        "she said."
    )
    # before: 18 confirmed cases
    assert _of(text, 18) == []


def test_a_count_per_million_is_a_rate() -> None:
    # before: 242 hospitalized, a total
    assert _of("That amounts to 242 hospitalizations per million people in Alberta.", 242) == [
        ("hospitalized", "", "rate", "Alberta")
    ]


def test_the_divisor_of_a_rate_is_no_count() -> None:
    text = "There has been approximately 1 death per 40,000 cases of H1N1 flu in France."
    # before: 40,000 cases of France
    assert _of(text, 40000) == []
    assert _of("France has 40,000 cases of H1N1 flu.", 40000) == [("cases", "", "", "France")]


def test_lethal_cases_are_deaths() -> None:
    # before: a thing "lethal case"
    assert _of("Three lethal cases of swine flu were reported in Russia.", 3) == [
        ("deaths", "", "", "Russia")
    ]


# --- what became of the cases ------------------------------------------------------------------------


def test_cases_reported_to_have_died_are_deaths() -> None:
    text = "To date, 55 laboratory-confirmed H1N1 cases in Peru are reported to have died."
    # before: 55 confirmed cases
    assert _of(text, 55) == [("deaths", "confirmed", "", "Peru")]
    # a verb of belief is no report of it
    assert [k[0] for k in _of("To date, 55 cases in Peru are believed to have died.", 55)] != ["deaths"]


def test_a_part_of_a_pronouns_whole_that_its_clause_describes_otherwise_is_no_value() -> None:
    text = (
        "To date, 55 laboratory-confirmed H1N1 cases in Peru are reported to have died. Of those, 46 cases "
        "had underlying medical conditions, while five had no underlying conditions."
    )
    # before: 46 cases of Peru
    assert _of(text, 46) == []
    assert [k[0] for k in _of("Peru has 300 cases. Of those, 12 cases have died.", 12)] == ["deaths"]


# --- a capital's colon before a sentence is a dateline -----------------------------------------------


def test_a_capitals_name_and_a_colon_before_a_sentence_is_a_dateline() -> None:
    text = (
        "Islamabad: Twenty-four people have died of swine flu so far, the National Institute of Health said."
    )
    # before: 24 deaths of Islamabad (a list line's head)
    assert _of(text, 24) == [("deaths", "", "", "Pakistan")]
    text = "New Delhi: Six swine flu deaths were reported Friday, taking the toll in India to 606."
    assert all(place != "New Delhi" for *_, place in _of(text, 6))


def test_a_place_and_a_colon_before_a_bare_count_still_head_a_list_line() -> None:
    assert _of("Lima: 20 cases\nCusco: 5 cases", 20) == [("cases", "", "", "Lima")]
    assert _of("Peru: 20 cases have been confirmed.", 20) == [("cases", "confirmed", "", "Peru")]


def test_a_naming_aside_after_the_disease_leaves_the_verb_the_counts() -> None:
    text = "So far 40 cases of H1N1, otherwise known as swine flu, have been confirmed in Ghana."
    # before: 40 cases with no state (the verb of confirming past the window)
    assert _of(text, 40) == [("cases", "confirmed", "", "Ghana")]


def test_a_ranking_followed_by_bracketed_places_goes_on_with_its_measure() -> None:
    text = (
        "In the rest of South America, the death toll has been highest in Argentina, where 538 have died. "
        "It is followed by Peru (133), Chile (132) and Colombia (100)."
    )
    # before: no value of the list
    assert _of(text, 133) == [("deaths", "", "", "Peru")]
    assert _of(text, 100) == [("deaths", "", "", "Colombia")]


def test_a_fronted_whole_named_by_a_virus_code_is_still_a_whole() -> None:
    text = "Of those diagnosed with the H1N1 virus, 56 were male and 49 female, a spokesman said."
    # before: 56 cases (the digits of "H1N1" hid the fronted whole)
    assert _of(text, 56) == []
    assert [k[0] for k in _of("Of those infected with H1N1, 12 have died.", 12)] == ["deaths"]


def test_people_infected_who_remained_hospitalized_are_hospitalized() -> None:
    text = "Thirty-five people infected remained hospitalized with seven in critical condition."
    # before: 35 cases
    assert [k[0] for k in _of(text, 35)] == ["hospitalized"]


def test_a_rise_up_to_a_level_is_an_increment_and_the_level_it_reached() -> None:
    text = "South Korea's confirmed cases are up 60 to 202, the ministry said."
    # before: one range of 60 to 202, no value of either
    assert _of(text, 60) == [("cases", "confirmed", "new", "South Korea")]
    assert _of(text, 202) == [("cases", "confirmed", "", "South Korea")]
    assert _of("Police rounded up 30 people.", 30) == []


def test_cases_a_test_ruled_out_are_no_cases() -> None:
    text = (
        "Of these, swine flu has been confirmed in 50 cases, clinically presumed in 28 cases and ruled out "
        "in 185 cases, leaving 11 still under investigation."
    )
    # before: 185 cases
    assert _of(text, 185) == []
    assert _of(text, 28) == [("cases", "suspected", "", "")]


def test_the_divisor_after_out_of_every_is_no_count() -> None:
    text = (
        "There were 102.5 cases of flu like illness diagnosed by GPs in the previous seven days out of every "
        "100,000 people in Wales."
    )
    # before: 100,000 cases of Wales
    assert _of(text, 100000) == []


def test_a_moving_target_is_no_goal() -> None:
    text = "The numbers are a moving target, with two additional cases reported in El Progreso on April 30."
    # before: 2 cases of the aspect target
    assert [k[2] for k in _of(text, 2)] == ["new"]


def test_cases_awaiting_laboratory_test_results_are_no_cases() -> None:
    # before: 129 cases (the guideline: people awaiting results are not cases)
    assert _of("There are still 129 cases that are awaiting laboratory test results.", 129) == []
    assert _of("Peru has 12 cases that were confirmed on Monday.", 12) == [("cases", "confirmed", "", "Peru")]


def test_a_count_of_a_whole_state_or_nation_is_no_item_of_the_place_before() -> None:
    text = "There have been a total of 10 confirmed cases of H1N1 flu in Coconino County and 729 statewide."
    # before: 729 confirmed cases of Coconino County
    assert _of(text, 729) == [("cases", "confirmed", "", "")]
    assert _of("There have been 10 cases in Toronto and 729 nationwide.", 729) == [("cases", "", "", "")]
    # the state's or nation's own name stays
    assert _of("Texas has 500 cases statewide.", 500) == [("cases", "", "", "Texas")]
    assert _of("Mexico has reported 150 deaths nationwide.", 150) == [("deaths", "", "", "Mexico")]


def test_all_before_a_count_that_its_clause_describes_otherwise_is_no_value() -> None:
    text = (
        "The official H1N1 death toll in South Africa now stands at six. All three cases belonged in the "
        "high-risk category."
    )
    # before: 3 cases (the set is the dead told before)
    assert _of(text, 3) == []
    assert _of("The ministry said all 12 cases were confirmed by the CDC.", 12) == [
        ("cases", "confirmed", "", "")
    ]
    assert _of("In all, 45 cases have been reported in Peru.", 45) == [("cases", "", "", "Peru")]
