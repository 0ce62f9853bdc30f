"""Session 56: rules read off fresh outside swine-flu pages (docs/claims.md, "Clauses after a comma,
beliefs, journeys and patients named by the disease (session 56)")."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text
from tests.claims_fixtures import keys_of as _of

# --- a clause a comma opens after the count is not the count's ---------------------------------------


def test_a_national_word_in_a_with_clause_after_a_comma_does_not_place_the_count() -> None:
    text = (
        "The total number of cases in Ontario now totals 56, with an updated national number expected "
        "later Thursday afternoon."
    )
    # before: Canada (the national number of the with-clause)
    assert _of(text, 56) == [("cases", "", "", "Ontario")]


def test_a_national_word_of_the_counts_own_clause_still_places_it() -> None:
    text = "Thailand has been hit hard. The number of cases nationwide rose to 310 on Tuesday."
    assert _of(text, 310)[0][3] == "Thailand"


# --- involve and comprise name the parts of a whole, as include does ----------------------------------


def test_persons_a_whole_involved_are_its_parts_not_a_tally() -> None:
    text = (
        "A total of 46 persons have been diagnosed with the disease in Cuba. "
        "The Cuban cases have involved 20 children and 26 adults."
    )
    assert _of(text, 46) == [("cases", "", "", "Cuba")]
    # before: 20 and 26 cases of Cuba
    assert _of(text, 20) == []
    assert _of(text, 26) == []


def test_persons_a_whole_comprised_are_its_parts() -> None:
    text = (
        "Indonesia recorded 26 new cases on Tuesday. "
        "The 26 persons comprised two foreigners and 24 Indonesians."
    )
    assert _of(text, 24) == []


def test_a_count_involving_no_verb_of_parts_keeps_its_value() -> None:
    text = "Health officials in Cuba said 46 people have been infected."
    assert _of(text, 46) == [("cases", "", "", "Cuba")]


# --- the adverb of a rise before by ---------------------------------------------------------------------


def test_an_amount_after_upward_by_is_an_increment() -> None:
    text = "Ontario's tally of H1N1 flu cases has crept upward by seven, with all cases continued to be mild."
    # before: a total of seven
    assert _of(text, 7) == [("cases", "", "new", "Ontario")]


# --- a participle of belief before *to* hedges the count --------------------------------------------------


def test_persons_believed_to_have_the_disease_are_no_tally() -> None:
    text = "The five people in Israel believed to have swine flu include a 34-year-old gardener."
    # before: five cases of Israel
    assert _of(text, 5) == []


def test_the_reduced_relative_of_belief_after_an_adverb_hedges_too() -> None:
    text = (
        "Around 200,000 people died in the earthquake in Haiti, "
        "with 1.5 million Haitians now believed to be homeless."
    )
    assert _of(text, 1_500_000) == []


def test_a_count_whose_own_noun_names_the_thing_keeps_its_value_under_belief() -> None:
    text = "In Israel, 48 more deaths are thought to be attributable to the outbreak."
    assert _of(text, 48) == [("deaths", "", "new", "Israel")]


# --- a total a modal would bring is a projection ----------------------------------------------------------


def test_a_total_a_modal_would_bring_is_projected() -> None:
    text = "If confirmed they will bring the total number of swine flu cases reported in Kenya to 20."
    # before: 20 confirmed cases of Kenya, a total
    assert [a for _, _, a, _ in _of(text, 20)] == ["projected"]


def test_a_total_a_relative_clause_would_take_to_is_projected() -> None:
    text = "Kenya confirmed 3 cases on Monday, which would take the tally to 20."
    assert [a for _, _, a, _ in _of(text, 20)] == ["projected"]


def test_a_total_brought_without_a_modal_stays_a_total() -> None:
    text = "Kenya confirmed 3 cases on Monday, bringing the total to 20."
    assert _of(text, 20) == [("cases", "confirmed", "", "Kenya")]


# --- Korea alone is the Republic's; a journey's origin names no nation ------------------------------------


def test_korea_alone_is_south_korea() -> None:
    text = "Korea's swine flu cases rise to 39 after four more confirmed to be infected"
    assert {p for _, _, _, p in _of(text, 39)} == {"South Korea"}


def test_a_journeys_origin_is_not_the_nation_of_the_nations_total() -> None:
    text = (
        "Korea's swine flu cases rise\n\n"
        "All four arrived from the United States, so health authorities will not back down.\n\n"
        "The health authorities said Sunday they have confirmed four more cases of Influenza A, bringing the "
        "nation's total to 39."
    )
    # before: the United States (where the four came from)
    assert "United States" not in {p for _, _, _, p in _of(text, 39)}


# --- patients named by the disease are its cases ----------------------------------------------------------


def test_patients_named_by_the_disease_are_its_cases() -> None:
    text = "Health officials in Japan confirmed some 70 domestic swine flu patients over the weekend."
    # before: no value (a noun of persons the words around said nothing of)
    assert _of(text, 70) == [("cases", "confirmed", "new", "Japan")]


def test_a_total_of_h1n1_patients_is_a_total_of_cases() -> None:
    text = "In Vietnam, the total number of A/H1N1 flu patients rose to 52."
    assert _of(text, 52) == [("cases", "", "", "Vietnam")]


def test_flu_patients_alone_may_be_the_seasons_and_stay_no_value() -> None:
    text = (
        "A Ukrainian official said that the number of flu patients in the country is 450,000, though it has "
        "not been determined how many of those people are suffering from swine flu."
    )
    assert _of(text, 450_000) == []


def test_what_the_disease_s_patients_became_is_still_what_is_counted() -> None:
    assert _of("In Japan, 10 swine flu patients remain in hospital.", 10) == [
        ("hospitalized", "", "", "Japan")
    ]
    assert _of("In Japan, 10 swine flu patients have died.", 10) == [("deaths", "", "", "Japan")]


# --- second batch: ages, kinds of place, the day's reports, clocks, fatal cases, two-word demonyms -----


def test_the_bound_of_an_age_after_persons_is_no_count() -> None:
    text = "Five deaths have also occurred among adults in Utah, and a child under 18 has also died."
    # before: 18 deaths of Utah
    assert _of(text, 18) == []
    assert _of(text, 5) == [("deaths", "", "", "Utah")]


def test_an_age_bound_stays_a_quantity_that_ends_the_window_before_it() -> None:
    text = (
        "1968: An outbreak first detected in Hong Kong killed up to one million people globally, "
        "with those over 65 most likely to die."
    )
    assert _of(text, 65) == []
    assert [t for t, _, _, _ in _of(text, 1_000_000)] == ["deaths"]


def test_a_toll_over_a_number_is_no_age() -> None:
    assert _of("In Utah the death toll rose to over 18.", 18) == [("deaths", "", "", "Utah")]


def test_a_place_named_after_its_kind_and_of_is_the_counts() -> None:
    # before: no place (the name followed *of*, not a preposition)
    assert _of("So far 36 deaths have occurred in the western state of Gujarat.", 36) == [
        ("deaths", "", "", "Gujarat")
    ]
    assert _of("So far 36 deaths have occurred in the province of Ontario.", 36)[0][3] == "Ontario"


def test_deaths_reported_during_the_day_are_what_the_day_added() -> None:
    text = "The Indian health ministry informed that six deaths have been reported during the day."
    # before: a total of six
    assert _of(text, 6) == [("deaths", "", "new", "India")]


def test_a_place_that_names_a_clock_is_no_place_of_the_count() -> None:
    text = (
        "At the regional level, as of 7 November 2009, 23:00 hours, Cairo time, 25,531 laboratory-confirmed "
        "cases were reported to WHO by 22 Member States."
    )
    # before: Cairo's
    assert _of(text, 25_531) == [("cases", "confirmed", "", "")]


def test_the_who_list_form_of_iran_is_iran() -> None:
    text = (
        "These deaths were reported from Saudi Arabia (28), Oman (25), "
        "Islamic Republic of Iran (22), Kuwait (17)."
    )
    assert _of(text, 22) == [("deaths", "", "", "Iran")]


def test_cases_that_have_been_fatal_are_deaths() -> None:
    text = "The UK, where approximately 7500 have been infected, of which three cases have been fatal."
    # before: three cases
    assert _of(text, 3) == [("deaths", "", "", "United Kingdom")]
    assert _of("In Britain, three cases proved fatal.", 3) == [("deaths", "", "", "United Kingdom")]


def test_persons_named_by_a_two_word_demonym_are_persons() -> None:
    # before: a generic measure "south korean"
    text = "So far, 2,089 South Koreans have been infected with the disease."
    assert _of(text, 2089) == [("cases", "", "", "South Korea")]
    assert _of("So far, 20 South Africans have died of the disease.", 20) == [
        ("deaths", "", "", "South Africa")
    ]


def test_people_who_required_hospital_care_are_hospitalised() -> None:
    assert _of("In Alberta, 546 people have required hospital care.", 546) == [
        ("hospitalized", "", "", "Alberta")
    ]


def test_mild_cases_are_cases() -> None:
    text = "Nineteen new mild cases of H1N1 influenza A were confirmed in Nova Scotia over the weekend."
    # before: a generic measure "new mild case"
    assert _of(text, 19) == [("cases", "confirmed", "new", "Nova Scotia")]


def test_confirmed_diagnoses_are_confirmed_cases() -> None:
    assert _of("In Arizona, statewide, the number of confirmed diagnoses is 130.", 130) == [
        ("cases", "confirmed", "", "Arizona")
    ]


# --- a bracket after a verb holds no object; a part set off without commas ---------------------------


def test_a_count_whose_verb_a_bracketed_breakdown_follows_keeps_its_value() -> None:
    text = "In Maharashtra, five patients died (3 in Pune and one each in Mumbai and Nagpur)."
    # before: no value (the verb was read as the next number's, as in "shooting four, killing three")
    assert _of(text, 5) == [("deaths", "", "", "Maharashtra")]
    assert _of(text, 3) == [("deaths", "", "", "Pune")]


def test_a_verb_right_before_a_number_is_still_that_numbers() -> None:
    text = "In Iraq, the gunman opened fire, shooting four people, killing three."
    assert [t for t, _, _, _ in _of(text, 4)] != ["deaths"]


def test_a_part_not_set_off_before_the_counts_verb_is_skipped() -> None:
    text = "Four people including a six-year-old boy tested positive for swine flu in Delhi."
    # before: no value
    assert _of(text, 4) == [("cases", "", "", "Delhi")]


# --- states of parts and of subjects, a part set off, a state's whole ------------------------------------


def test_a_part_that_tested_positive_is_no_longer_suspected() -> None:
    text = "In Peru, 30 people were suspected of having swine flu, 5 of whom tested positive."
    assert _of(text, 30) == [("cases", "suspected", "", "Peru")]
    # before: five suspected cases
    assert _of(text, 5) == [("cases", "", "", "Peru")]


def test_a_part_of_suspected_cases_its_place_defines_stays_suspected() -> None:
    assert _of("Peru has 30 suspected cases, including 5 in Lima.", 5) == [("cases", "suspected", "", "Lima")]


def test_a_state_participle_right_after_the_subjects_head_is_the_totals_state() -> None:
    text = "Deaths suspected to have been caused by swine flu in Peru have risen to 40."
    # before: 40 deaths (the state dropped)
    assert _of(text, 40) == [("deaths", "suspected", "", "Peru")]


def test_a_fronted_phrase_does_not_hide_the_subject_of_a_change() -> None:
    text = "In Peru, deaths suspected to be linked to swine flu rose to 40."
    # before: no value
    assert _of(text, 40) == [("deaths", "suspected", "", "Peru")]
    assert _of("In the United States, deaths from swine flu have risen to 87.", 87) == [
        ("deaths", "", "", "United States")
    ]


def test_a_part_set_off_after_an_increment_is_not_the_totals_whole() -> None:
    text = (
        "Four people including a six-year-old boy tested positive for swine flu in the national capital, "
        "taking the total number of influenza A (H1N1) cases in India to 35, health officials said here "
        "Wednesday."
    )
    assert _of(text, 4) == [("cases", "", "new", "India")]
    # (the 35 had been read as a part of the four, whose *including* came first, and taken its *new*)
    assert _of(text, 35) == [("cases", "", "", "India")]


def test_a_statewide_count_goes_on_with_no_countys_series() -> None:
    text = (
        "Pima County health officials Thursday confirmed 12 more cases of swine flu, bringing the county's "
        "total to 22.\n\nStatewide, the number of confirmed diagnoses is 130."
    )
    assert _of(text, 22) == [("cases", "confirmed", "", "Pima County")]
    assert _of(text, 130) == [("cases", "confirmed", "", "")]


# --- increments added by a passive, in a single day; a clause of *as* with no comma ------------------------


def test_a_count_added_to_a_tally_by_a_passive_is_an_increment() -> None:
    # before: a total of 40
    assert _of("In Peru, 40 cases were added to the tally.", 40) == [("cases", "", "new", "Peru")]
    assert [a for _, _, a, _ in _of("The minister added 45 people had died in Peru.", 45)] == [""]


def test_a_count_of_a_single_day_is_what_the_day_added() -> None:
    assert _of("In Peru, 40 cases were recorded in a single day.", 40) == [("cases", "", "new", "Peru")]
    assert _of("In Peru, 40 cases were confirmed in one day.", 40) == [("cases", "confirmed", "new", "Peru")]


def test_a_place_in_a_clause_of_as_without_a_comma_is_that_clauses() -> None:
    text = (
        "The outbreak in Japan went from just four cases over the weekend to 135 as infections were confirmed"
        " in Kobe."
    )
    # before: Kobe's
    assert {p for _, _, _, p in _of(text, 135)} != {"Kobe"}


# --- the engine: a fact box's country that opens its line, then its figure --------------------------------


def test_a_figure_after_a_country_that_opens_its_line_is_a_count() -> None:
    text = (
        "Swine flu - around the world\n\n"
        "Mexico 152 suspected deaths from swine flu, with a further 1,614 suspected cases\n\n"
        "US 50 confirmed cases, including 28 pupils at a New York school\n\n"
        "Canada Six confirmed cases following tests\n"
    )
    # before: no quantity at all ("Mexico 152", "US 50" were read as names, as "Route 66" is)
    assert _of(text, 152) == [("deaths", "suspected", "", "Mexico")]
    assert _of(text, 50) == [("cases", "confirmed", "", "United States")]


def test_a_name_and_its_number_inside_a_line_stay_a_name() -> None:
    facts = article_facts(
        analyze_text("Traffic on Route 66 was closed after 12 people died in Arizona."), None
    )
    assert all(v.value != 66 for v in facts.quantities)


# --- a place right after *said in*; a projection after a comma -------------------------------------------


def test_a_place_right_after_said_in_before_the_reported_clause_is_the_speakers() -> None:
    text = "Dr. Richard Besser said in Atlanta there were 91 confirmed cases in ten states."
    # before: Atlanta's
    assert "Atlanta" not in {p for _, _, _, p in _of(text, 91)}
    assert _of("The minister said in Mexico 40 people had died.", 40) == [("deaths", "", "", "Mexico")]


def test_a_verb_of_projection_after_a_comma_is_another_predicates() -> None:
    text = "WHO Reports Swine Flu Death Toll Exceeds 700, Expects Spike in Cases"
    # before: a projection
    assert [a for _, _, a, _ in _of(text, 700)] == [""]
    assert [a for _, _, a, _ in _of("Experts say 2 billion people could be infected.", 2_000_000_000)] == [
        "projected"
    ]


# --- a where clause closed by a new subject; a figure doubted complete; the first in a region -------------


def test_a_place_after_a_where_clause_that_a_new_subject_closes_is_not_the_counts() -> None:
    text = (
        "While most are from Mexico, where the outbreak began and 19 people are confirmed dead with the "
        "virus, some are also from Costa Rica, which has also reported cases."
    )
    # before: Costa Rica's
    assert "Costa Rica" not in {p for _, _, _, p in _of(text, 19)}


def test_a_figure_a_modal_doubts_is_complete_is_no_projection() -> None:
    text = "However, the officially confirmed 2,928 cases may be way behind reality, with some quoting more."
    # before: a projection
    assert [a for _, _, a, _ in _of(text, 2928)] == [""]
    assert [a for _, _, a, _ in _of("Officials say 2,928 cases could be confirmed by Friday.", 2928)] == [
        "projected"
    ]


def test_the_region_a_count_is_the_first_in_is_not_its_place() -> None:
    text = (
        "New Zealand's health minister says his country has 11 confirmed cases of swine flu - the first in "
        "the Asia-South Pacific region."
    )
    # before: the region's
    assert _of(text, 11) == [("cases", "confirmed", "", "New Zealand")]


def test_sufferers_whose_own_verb_says_they_died_are_deaths() -> None:
    # before: two cases
    assert [t for t, _, _, _ in _of("Two swine flu sufferers die in NSW", 2)] == ["deaths"]
    assert [t for t, _, _, _ in _of("Two cases die in Peru.", 2)] == ["deaths"]


def test_people_receiving_hospital_treatment_are_hospitalised() -> None:
    text = (
        "Ten people in Scotland are continuing to receive hospital treatment, "
        "three of whom remain in intensive care."
    )
    # before: no value
    assert _of(text, 10) == [("hospitalized", "", "", "Scotland")]


# --- items with a neutral verb of their own; a level reached after an increment; a rise with no *by* ----


def test_items_that_repeat_a_neutral_verb_go_on_with_the_lists_thing() -> None:
    text = (
        "Of all the deaths, 3,406 occurred in the Americas, 530 occurred in South-East Asia and 432 occurred "
        "in the West Pacific."
    )
    # before: 530 and 432 had no value (the verb was read as what they counted)
    assert _of(text, 530) == [("deaths", "", "", "South-East Asia")]
    assert _of(text, 432) == [("deaths", "", "", "West Pacific")]
    assert [t for t, _, _, _ in _of("Mexico reported 20 deaths and 85 recovered.", 85)] == ["recovered"]


def test_the_level_reached_after_an_increment_is_its_total() -> None:
    text = (
        "According to the WHO's tally, pandemic deaths in Europe increased more than 300 from a week ago, "
        "reaching at least 2,422."
    )
    # before: 300 was a total and 2,422 had no value
    assert _of(text, 300) == [("deaths", "", "new", "Europe")]
    assert _of(text, 2422) == [("deaths", "", "", "Europe")]
    assert _of("Deaths in Peru rose to 15.", 15) == [("deaths", "", "", "Peru")]


# --- the people of a region by their own name -----------------------------------------------------------


def test_persons_named_by_their_region_are_persons_of_that_region() -> None:
    # before: generic measures ("queenslander", "victorian case")
    text = "Swine flu deaths are inevitable, as 16 Queenslanders remained in hospital with the illness."
    assert _of(text, 16) == [("hospitalized", "", "", "Queensland")]
    assert _of("Five Texans have died of swine flu.", 5) == [("deaths", "", "", "Texas")]
    assert _of("Another three West Australians with swine flu have died.", 3) == [
        ("deaths", "", "", "Western Australia")
    ]


def test_a_regions_people_modifying_a_counted_noun_name_its_place() -> None:
    text = "The number of Victorian cases jumped by nearly 100 in 24 hours."
    assert _of(text, 100) == [("cases", "", "new", "Victoria")]
    assert _of("Some 200 Britons have tested positive.", 200) == [("cases", "", "", "United Kingdom")]


def test_a_region_demonym_must_name_a_region_of_the_lexicon() -> None:
    import pytest

    from saidwhat.claims.lexicon import LexiconError, _region_demonyms

    with pytest.raises(LexiconError):
        _region_demonyms({"regions": {"Australia": ["Victoria"]}, "demonyms": {"Atlantis": ["Atlantean"]}})
    assert _region_demonyms(
        {"regions": {"Australia": ["Victoria"]}, "demonyms": {"Victoria": ["Victorians"]}}
    ) == {"victorians": "Victoria"}


# --- parts of the day and days just past -------------------------------------------------------------------


def test_counts_of_this_morning_since_the_weekend_and_within_a_day_are_increments() -> None:
    # before: totals
    assert _of("In Peru, 40 cases were reported this morning.", 40) == [("cases", "", "new", "Peru")]
    assert _of("In Peru, 40 people have died since the weekend.", 40) == [("deaths", "", "new", "Peru")]
    assert _of("Peru reported 40 cases within a day.", 40) == [("cases", "", "new", "Peru")]
