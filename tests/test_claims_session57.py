"""Session 57: rules read off fresh outside swine-flu pages (docs/claims.md, "Levels reached, negative
tests, shared subjects and appositions (session 57)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of
from tests.claims_fixtures import value_rows as _values

# --- the level a change reached is its total ------------------------------------------------------------


def test_the_level_after_a_rise_with_no_by_is_a_total() -> None:
    text = (
        "Spain's confirmed swine flu cases have jumped more than 70 percent in a week to 291, "
        "the Health Ministry said."
    )
    # before: new (the level read as an item of the rise's percent)
    assert _of(text, 291) == [("cases", "confirmed", "", "Spain")]


def test_an_infinitive_of_reaching_before_the_level_makes_it_the_total() -> None:
    text = (
        "The number of swine flu deaths worldwide has grown by more than 370 over a week to pass 6,000, "
        "World Health Organisation data showed."
    )
    # before: both rates ("over a week" read as a frequency)
    assert _of(text, 370) == [("deaths", "", "new", "world")]
    assert _of(text, 6000) == [("deaths", "", "", "world")]


def test_to_reach_after_a_rise_gives_the_total_the_measures_state() -> None:
    text = (
        "The number of confirmed swine flu cases in New Zealand has risen by 23 in the past 24 hours "
        "to reach 109, the Ministry of Health says."
    )
    # before: no state on the 109
    assert _of(text, 109) == [("cases", "confirmed", "", "New Zealand")]


def test_a_rate_per_week_is_still_a_rate() -> None:
    text = "Swine flu is spreading in Britain, where 100,000 new cases a week are being reported."
    assert _of(text, 100000)[0][2] == "rate"


def test_a_bringing_participle_after_a_part_set_off_is_the_whole_clauses() -> None:
    text = (
        "Ten more people have died from swine flu in Turkey. A second statement said the disease had "
        "claimed four more lives, including a one-year-old, pushing the national toll to 40."
    )
    # before: 40 new (a part of the four, after "including")
    assert _of(text, 40) == [("deaths", "", "", "Turkey")]
    assert _of(text, 4) == [("deaths", "", "new", "Turkey")]


# --- negative tests and instances ------------------------------------------------------------------------


def test_people_hospitalized_who_tested_negative_are_no_value() -> None:
    text = (
        "Two Israelis have tested positive for swine flu, the Health Ministry said. Another four people "
        "hospitalized with symptoms of the disease have tested negative."
    )
    assert _of(text, 4) == []
    assert _of(text, 2) == [("cases", "", "", "Israel")]


def test_people_who_had_not_contracted_the_virus_are_no_value() -> None:
    text = (
        "Lab results confirmed that two children hospitalized earlier in the week in Israel had not "
        "contracted the virus."
    )
    assert _of(text, 2) == []


def test_in_one_case_is_an_adverbial_of_instance() -> None:
    text = (
        "Five people with swine flu are in intensive care in Victoria. "
        '"In one case, the person is in hospital because of trauma," he said.'
    )
    assert _of(text, 1) == []


def test_one_death_in_many_cases_keeps_the_cases() -> None:
    text = "Britain has had its first death, one death in 1,261 cases, officials said."
    assert _of(text, 1261) == [("cases", "", "", "United Kingdom")]


def test_each_members_age_after_a_count_of_persons_is_no_count() -> None:
    text = (
        "In Cologne, two men, one 25 and the other 51, were diagnosed with the H1N1 virus after "
        "returning from New York."
    )
    # before: 51 cases of Cologne
    assert _of(text, 51) == []
    assert _of(text, 25) == []


# --- another disease's subject is shared by what *and* joins -----------------------------------------------


_SEASONAL = (
    "Swine flu has now killed four people in Massachusetts. Swine flu cases rose to 1,287 and swine flu "
    "hospitalizations to 134. "
)


def test_a_second_object_of_seasonal_flus_verb_is_seasonal_flus() -> None:
    text = _SEASONAL + (
        "By contrast, seasonal influenza causes 250,000 hospitalizations and 36,000 deaths each year "
        "nationwide."
    )
    # before: 36,000 deaths (of swine flu) of the United States
    assert all(t != "deaths" for t, _, _, _ in _of(text, 36000))


def test_a_predicate_joined_by_and_shares_seasonal_flus_subject() -> None:
    text = _SEASONAL + (
        "By comparison, seasonal flu causes about 250,000 to 500,000 deaths a year, and results in "
        "about 3,000,000 cases of severe illness, according to the WHO."
    )
    assert all(t != "cases" for t, _, _, _ in _of(text, 3000000))


# --- states joined by a conjunction are ambiguous ---------------------------------------------------------


def test_confirmed_or_probable_cases_are_left_out() -> None:
    text = "Officials report 99 confirmed or probable cases of H1N1 swine flu in Illinois."
    # before: a generic measure "confirmed or probable case"
    assert _of(text, 99) == []


def test_the_number_of_likely_or_confirmed_cases_is_left_out() -> None:
    text = "As the number of likely or confirmed swine flu cases in Illinois rose to 54, schools closed."
    # before: a generic measure "or"
    assert _of(text, 54) == []


# --- places -------------------------------------------------------------------------------------------------


def test_a_place_in_an_apposition_on_the_fronted_place_is_not_the_counts() -> None:
    text = (
        "In Nova Scotia, the province that reported Canada's first confirmed cases, two more people were "
        "diagnosed with the illness Sunday, bringing the province's total to 33."
    )
    # before: Canada
    assert _of(text, 33) == [("cases", "confirmed", "", "Nova Scotia")]


def test_indian_affairs_names_no_india() -> None:
    text = (
        "OTTAWA -- As four more people in Quebec and Manitoba were confirmed dead Tuesday after they "
        "contracted swine flu, three chiefs from northern Manitoba demanded a meeting with the federal "
        "and Indian affairs ministers. The deaths announced Tuesday bring the national toll to 11."
    )
    # before: India
    assert _of(text, 11)[0][3] != "India"


def test_a_list_item_with_its_own_unknown_name_takes_no_place_before_it() -> None:
    text = (
        "Slight increases were reported in DuPage County, with 82 cases, Kane with 57, and Lake "
        "County with 149."
    )
    assert _of(text, 82)[0][3] == "DuPage County"
    # before: DuPage County
    assert _of(text, 57)[0][3] == ""


def test_an_item_whose_region_in_names_after_it_takes_no_place_before_it() -> None:
    text = (
        "Sixty-five swine flu deaths were reported in the WHO's regional office for South East Asia and "
        "39 in its Western Pacific region since the outbreak began."
    )
    # before: South East Asia
    assert [p for _, _, _, p in _of(text, 39)] in ([""], [])


def test_a_where_clause_after_an_apposition_is_about_its_antecedent() -> None:
    text = (
        "France has registered 1,022 cases of swine flu, far fewer than in Britain, Europe's hardest hit "
        "country, where some 110,000 people have been infected by the virus."
    )
    assert _of(text, 1022) == [("cases", "", "", "France")]
    # before: France (Europe's, in the apposition, and Britain set apart by "than in")
    assert _of(text, 110000) == [("cases", "", "", "United Kingdom")]


def test_a_where_clause_on_two_places_keeps_the_first() -> None:
    text = (
        "The new cases include 10 children from Welford Primary School in Handsworth, Birmingham, where "
        "60 cases have already been confirmed."
    )
    assert _of(text, 60)[0][3] in ("Birmingham", "Handsworth")


def test_the_global_toll_a_share_is_taken_from_is_not_the_counts_place() -> None:
    text = (
        "The death toll recorded on November 1 reached at least 6,071, it added. The Americas region "
        "accounts for nearly three quarters of the global toll with 4,399 deaths, an increase of 224 in "
        "a week."
    )
    # before: the world's
    assert all(p != "world" for _, _, _, p in _of(text, 4399))
    assert all(p != "world" for _, _, _, p in _of(text, 224))


def test_the_global_toll_a_count_brings_is_still_the_worlds() -> None:
    text = "Two more people died in the United States, bringing the global toll to 97."
    assert _of(text, 97) == [("deaths", "", "", "world")]


def test_a_toll_of_the_virus_across_the_archipelago_is_not_the_worlds() -> None:
    text = (
        "The second Indonesian victim died in Saudi Arabia last Thursday. Meanwhile, the Health Ministry "
        "said that as of Sunday the H1N1 virus had infected 561 individuals across the archipelago."
    )
    # before: the world's (a toll of the virus)
    assert [p for _, _, _, p in _of(text, 561)] in ([""], [])


def test_a_citys_count_takes_no_country_from_the_sentences_before() -> None:
    text = (
        "Also, 229 fresh swine flu cases were reported in India on Tuesday. In the national capital, "
        "two deaths were reported. The city had Monday reported 70 fresh cases of the H1N1 virus."
    )
    assert _of(text, 229) == [("cases", "", "new", "India")]
    # before: India
    assert [p for _, _, _, p in _of(text, 70)] == [""]


# --- the thing a count names ------------------------------------------------------------------------------


def test_deaths_linked_to_the_virus_by_a_hyphen_are_deaths() -> None:
    text = "It brings the total number of reported H1N1-linked deaths in Saudi Arabia to six."
    # before: a generic measure "reported h1n1-linked death"
    assert _of(text, 6) == [("deaths", "", "", "Saudi Arabia")]


def test_hospitalized_cases_are_the_hospitalized() -> None:
    text = (
        "The Utah Department of Health said 81 more people have been hospitalized in the past week, "
        "bringing the total of hospitalized cases in Utah to 210."
    )
    # before: a generic measure "hospitalized case"
    assert _of(text, 210) == [("hospitalized", "", "", "Utah")]


def test_people_affected_so_far_with_the_flu_are_cases() -> None:
    text = (
        "Also, 229 fresh swine flu cases were reported in India, taking the total number of people "
        "affected so far with the flu to 6,588."
    )
    # before: a generic measure "affected"
    assert _of(text, 6588) == [("cases", "", "", "India")]


def test_a_part_of_the_new_cases_that_names_a_kind_of_person_is_no_tally() -> None:
    text = (
        "The Philippines reported 19 new cases on Monday. 11 of the new cases are males and eight are female."
    )
    assert all(t != "cases" for t, _, _, _ in _of(text, 11))


def test_new_ones_name_no_thing_of_their_own() -> None:
    text = "Manitoba cases now at 226 after 74 new ones confirmed Tuesday."
    assert _of(text, 226) == [("cases", "", "", "Manitoba")]
    # before: a generic measure "new one"
    assert all(t != "new one" for t, _, _, _ in _of(text, 74))


def test_the_number_of_the_virus_counts_its_cases() -> None:
    text = "Duque said the new cases brought to 428 the total number of A(H1N1) in the Philippines."
    # before: a generic measure "a(h1n1"
    assert _of(text, 428) == [("cases", "", "", "Philippines")]


def test_a_case_of_adverse_reaction_is_no_case_of_the_disease() -> None:
    text = (
        "One case of adverse reaction to the vaccine has been reported to the Irish Medicines Board in "
        "Ireland."
    )
    assert all(t != "cases" for t, _, _, _ in _of(text, 1))


def test_nz_names_new_zealand() -> None:
    text = (
        "Three NZ swine flu deaths\n\nNew Zealand appears to have had its first swine flu deaths, the "
        "chief coroner said."
    )
    # before: a generic measure "nz swine flu death"
    assert [t for t, _, _, _ in _of(text, 3)] == ["deaths"]


def test_the_bound_after_the_copula_of_a_share_of_persons_is_an_age() -> None:
    text = (
        "Dr Devlin said that 70 per cent of those who had contracted the H1N1 virus in Ireland were under "
        "30 and that 27 people in Ireland had been hospitalised."
    )
    # before: 30 cases of Ireland
    assert _of(text, 30) == []
    assert _of(text, 27) == [("hospitalized", "", "", "Ireland")]


# --- second round: the second wave, South Asia, the Gulf, Latin America, Europe, Africa ---------------


def test_the_whole_of_a_rate_is_no_count_and_a_count_after_it_is() -> None:
    text = (
        "Kuwait has the highest number of cases per head with 2.46 over a thousand, followed by Oman with "
        "1.12 cases (over a thousand). Over a thousand people have died in Mexico."
    )
    # before: 1,000 cases of Kuwait and of Oman
    assert [(t, p) for t, _, _, p in _of(text, 1000)] == [("deaths", "Mexico")]


def test_a_count_in_brackets_after_a_share_restates_it() -> None:
    text = (
        "Of the 179 cases in Panama, 62 percent are of children younger than 15, while 25 percent (45 cases) "
        "are aged between 20 and 49."
    )
    # before: 45 cases of Panama
    assert _of(text, 45) == []


def test_counts_in_brackets_after_a_rate_stay() -> None:
    text = (
        "In Mexico the rate is more than likely equivalent to the global rate of 0.4% (167 deaths, 39620 "
        "cases)."
    )
    assert [t for t, _, _, _ in _of(text, 167)] == ["deaths"]


def test_the_object_of_surpassing_is_not_the_counts_place() -> None:
    text = "The U.S. has surpassed Mexico to register 10,053 cases so far."
    # before: Mexico
    assert _of(text, 10053) == [("cases", "", "", "United States")]


def test_a_relative_clause_on_the_place_surpassed_is_its_own() -> None:
    text = (
        "Brazil became the country with the highest death toll in late August when it surpassed the United "
        "States, which now has 593 swine-flu-related fatalities."
    )
    assert _of(text, 593) == [("deaths", "", "", "United States")]


def test_a_countrywide_toll_is_not_its_parts_place() -> None:
    text = (
        "Three more persons - one each in Pune, Vadodara and Mumbai - died of swine flu taking the "
        "countrywide toll to 10 in nine days."
    )
    # before: Pune
    assert [p for _, _, _, p in _of(text, 10)] == [""]


def test_a_list_item_in_a_place_we_do_not_know_takes_no_place_before_it() -> None:
    text = (
        "Nine more swine flu deaths were reported in India on Sep 25. The deaths were reported from "
        "Maharashtra (1 each in Mumbai and Pune), three in Karnataka (2 in Bangalore and 1 in Udupi)."
    )
    assert ("deaths", "", "", "Bangalore") in _of(text, 2)
    # before: Bangalore
    assert [p for v, _, _, _, p in _values(text) if v == 1 and p == "Bangalore"] == []


def test_a_count_in_the_region_is_not_the_worlds() -> None:
    text = (
        "There have been five deaths in the region since the flu battle began, one in Qatar and four in "
        "Saudi Arabia."
    )
    # before: the world's (its parts in two countries)
    assert [p for _, _, _, p in _of(text, 5)] == [""]
    assert _of(text, 4) == [("deaths", "", "", "Saudi Arabia")]


def test_parts_in_two_countries_still_make_the_world() -> None:
    text = "Twenty-seven deaths have been confirmed -- 26 in Mexico and one in the United States."
    assert _of(text, 27) == [("deaths", "confirmed", "", "world")]


def test_the_number_of_new_ones_a_copula_gives_is_an_increment() -> None:
    text = (
        "The largest numbers of new cases reported in the past 24 hours were 1,163 from the United States, "
        "369 from Mexico, and 197 from Canada."
    )
    # before: no aspect
    assert _of(text, 1163) == [("cases", "", "new", "United States")]
    assert _of(text, 369) == [("cases", "", "new", "Mexico")]


def test_the_number_of_the_new_flu_is_no_increment() -> None:
    text = "The number of new flu infections in South Korea is 61."
    assert _of(text, 61) == [("cases", "", "", "South Korea")]


def test_the_items_a_subject_of_new_cases_lists_are_new() -> None:
    text = (
        "The new cases were registered in Great Britain, 11, Switzerland with 4, Italy 4 and another 3 in "
        "Germany."
    )
    # before: no aspect but Germany's
    assert _of(text, 11) == [("cases", "", "new", "United Kingdom")]
    assert ("cases", "", "new", "Italy") in _of(text, 4)


def test_a_list_after_the_highest_number_of_new_cases_is_new() -> None:
    text = (
        "Egypt has recently recorded the highest number of new cases, 850, followed by Iran 515 and Oman 500."
    )
    assert _of(text, 850) == [("cases", "", "new", "Egypt")]


def test_a_verb_of_reporting_with_its_frequency_makes_no_rate_of_the_next_clause() -> None:
    text = (
        "Because the Arizona Department of Health Services reports the number of flu cases each week, the "
        "ADHS reported a total of 1,480 swine flu cases in Arizona."
    )
    # before: a rate
    assert _of(text, 1480) == [("cases", "", "", "Arizona")]


def test_a_fronted_frequency_still_makes_a_rate() -> None:
    text = "In Arizona each week, 100 people die of the flu."
    assert _of(text, 100)[0][2] == "rate"


def test_an_item_of_a_bulleted_list_takes_no_place_of_the_paragraph_before() -> None:
    text = (
        "Genesee County has added three more cases to its tally within the past month, bringing the total "
        "up to 13.\n\nThese are the tallies for other counties in the region since June 27:\n"
        "• Shiawassee has added two new cases for a total of four.\n"
    )
    assert _of(text, 13) == [("cases", "", "", "Genesee County")]
    # before: Genesee County
    assert [p for _, _, _, p in _of(text, 2)] == [""]


def test_the_total_brought_up_to_a_number_is_the_changed_measures() -> None:
    text = (
        "Panama's Ministry of Health reported twenty new confirmed cases of H1N1 influenza in Panama, "
        "bringing the total up to 107 cases."
    )
    # before: no state
    assert _of(text, 107) == [("cases", "confirmed", "", "Panama")]


def test_ages_and_younger_are_no_count() -> None:
    text = "The swine flu cases in Yavapai County have been in people 25 and younger."
    # before: 25 cases
    assert _of(text, 25) == []


def test_at_least_and_up_to_bounds_keep_their_count() -> None:
    text = "All the fatalities have been in Mexico, where the government is reporting at least 20 deaths."
    assert _of(text, 20) == [("deaths", "", "", "Mexico")]


def test_a_seasonal_strain_is_seasonal_flu() -> None:
    text = (
        "H1N1 was responsible for most of the hospital cases in Michigan, but at least one patient was "
        "infected with a seasonal strain of influenza."
    )
    assert all(t == "seasonal flu cases" for t, _, _, _ in _of(text, 1))


def test_the_newest_ones_are_new() -> None:
    text = "The WHO total did not include the newest three Mexico deaths."
    assert _of(text, 3) == [("deaths", "", "new", "Mexico")]


def test_deaths_related_to_the_virus_after_its_code_are_deaths() -> None:
    text = (
        "Honduras reported its first case on May 21st. Six A/H1N1 related deaths have been reported so far."
    )
    # before: a generic measure "a/h1n1"
    assert [t for t, _, _, _ in _of(text, 6)] == ["deaths"]


def test_a_where_clause_of_the_world_tally_a_source_gives_is_no_nation() -> None:
    text = (
        "She added that Argentina, Brazil and Uruguay could cooperate. With the total number of deaths in "
        "Latin America hitting 1,303, according to an AFP tally of national government figures, the region "
        "accounts for 70 percent."
    )
    # before: Uruguay (the national word of the source's phrase)
    assert _of(text, 1303) == [("deaths", "", "", "Latin America")]


def test_a_health_body_of_scotland_places_its_figures() -> None:
    text = (
        "Health Protection Scotland said there had been 10 new laboratory-confirmed cases today, taking the "
        "total to 508."
    )
    # before: no place
    assert _of(text, 508) == [("cases", "confirmed", "", "Scotland")]


def test_the_number_of_the_virus_infection_counts_cases() -> None:
    text = (
        "The World Health Organization's latest figures show that 73 countries have officially reported "
        "25,288 of influenza A (H1N1) infection including 139 deaths."
    )
    # before: a generic measure "influenza a (h1n1) infection"
    assert _of(text, 25288) == [("cases", "", "", "world")]


def test_a_change_from_a_count_to_a_four_digit_number_reaches_a_count() -> None:
    text = "Australia's cases have leapt from 297 to 1051. Chile's cases have jumped from 250 to 411."
    # before: 1051 read as a year, no value
    assert _of(text, 1051) == [("cases", "", "", "Australia")]


def test_a_dash_glued_after_a_datelines_bracket_parts_the_words() -> None:
    text = "BELL COUNTY (June 24, 2009)—Seventy-nine cases of swine flu have been confirmed in Bell County."
    # before: "nine cases" (the token "2009)—Seventy")
    assert _of(text, 79) == [("cases", "confirmed", "", "Bell County")]
    assert _of(text, 9) == []


def test_an_age_written_with_a_space_before_year_old_is_an_age() -> None:
    text = (
        "The institute notified the Health Ministry that a 28 year-old woman, who recently returned from "
        "New York, and her 56 year-old mother, carry the virus."
    )
    # before: 56 cases
    assert _of(text, 56) == []


# --- third round: provinces and states, East Asia, Western Europe, British and American papers ------------


def test_people_in_hospitals_with_a_word_between_are_hospitalised() -> None:
    text = (
        "There are currently 355 people in English hospitals with the virus, 43 of which are in critical "
        "care."
    )
    # before: 355 cases
    assert _of(text, 355) == [("hospitalized", "", "", "")]


def test_what_a_hospital_has_is_not_hospitalised() -> None:
    text = (
        "A HSE spokesman said there were currently 289 hospital critical care beds in hospitals in Ireland."
    )
    assert all(t != "hospitalized" for t, _, _, _ in _of(text, 289))


def test_patients_treated_in_hospitals_after_the_discharged_are_hospitalised() -> None:
    text = "Among the patients, 523 have been discharged from hospitals, 341 were being treated in hospitals."
    # before: 341 recovered (the item before's thing)
    assert [t for t, _, _, _ in _of(text, 341)] == ["hospitalized"]


def test_cases_that_with_sets_out_after_a_death_toll_are_deaths() -> None:
    text = (
        "A total of 182 patients in Britain have died from swine flu with 14 cases in Wales, 33 in Scotland "
        "and 11 in Northern Ireland."
    )
    # before: 14 cases of Wales
    assert _of(text, 14) == [("deaths", "", "", "Wales")]


def test_cases_with_a_death_toll_after_them_stay_cases() -> None:
    text = "Mexico reported 20 deaths, with 1,000 cases in total."
    assert _of(text, 1000) == [("cases", "", "", "Mexico")]


def test_a_hyphenated_world_wide_is_the_worlds() -> None:
    text = (
        "Including the New Zealand, Israeli and new Spanish reports, there were 92 confirmed cases "
        "world-wide on Tuesday."
    )
    # before: Spain
    assert _of(text, 92) == [("cases", "confirmed", "", "world")]


def test_the_place_of_a_total_written_after_its_number() -> None:
    text = (
        "The virus killed an assistant principal at a New York school, bringing to five the number of U.S. "
        "deaths from the disease."
    )
    # before: New York
    assert _of(text, 5) == [("deaths", "", "", "United States")]


def test_a_relative_clause_on_the_virus_does_not_place_the_count() -> None:
    text = (
        "Two people in a remote community have tested positive for the H1N1 influenza A virus that has been "
        "spreading in North America and elsewhere since it first appeared in Mexico in April."
    )
    # before: Mexico
    assert all(p != "Mexico" for _, _, _, p in _of(text, 2))


def test_an_increment_after_a_sentence_on_its_measure_takes_its_country() -> None:
    text = (
        "The number of swine flu cases increased sharply in Germany last week.\n\nThe Robert Koch Federal "
        "Institute, responsible for disease control and prevention, announced on Thursday July 23 an "
        "increase of 637 cases in one day."
    )
    # before: no place
    assert _of(text, 637) == [("cases", "", "new", "Germany")]


def test_the_new_of_a_countrys_name_makes_no_increment() -> None:
    text = "As of today, the total number of confirmed cases in New Zealand was 945, up from 912 yesterday."
    assert _of(text, 945) == [("cases", "confirmed", "", "New Zealand")]


# --- fourth round: the first weeks, Africa and the islands, US cities, the southern winter ---------------


def test_a_figure_called_previous_is_an_earlier_value() -> None:
    text = (
        "Mexican authorities corrected the number of people killed by swine flu to seven from a previous 20."
    )
    # before: 20 deaths of Mexico
    assert _of(text, 20) == []


def test_the_whole_after_out_of_takes_no_state_of_its_part() -> None:
    text = (
        "The Director General of the Ghana Health Service says so far 40 cases of H1N1 have been confirmed "
        "in the country out of over 300 reported cases nationwide."
    )
    assert _of(text, 40) == [("cases", "confirmed", "", "Ghana")]
    # before: 300 confirmed cases
    assert _of(text, 300) == [("cases", "", "", "Ghana")]


def test_a_laboratorys_city_is_not_the_place_of_the_cases_it_confirmed() -> None:
    text = (
        "Four students at a private school in Windsor have contracted the virus. Strang said the National "
        "Microbiology Laboratory in Winnipeg confirmed the four cases of the H1N1 virus late Saturday."
    )
    # before: Winnipeg
    assert all(p != "Winnipeg" for _, _, _, p in _of(text, 4))


def test_people_younger_than_an_age_give_no_count_of_it() -> None:
    text = "In Illinois, 199 people younger than 18 have been hospitalized since April and three have died."
    # before: 18 hospitalized
    assert _of(text, 18) == []


def test_a_statewide_increment_takes_no_city_from_the_sentence_before() -> None:
    text = (
        "Mesa County, which includes Grand Junction, has reported 15 cases of flu this season. Statewide, "
        "183 more people were hospitalized with all types of flu last week, including 59 confirmed cases "
        "of swine flu, officials said."
    )
    # before: Grand Junction
    assert all(p != "Grand Junction" for _, _, _, p in _of(text, 59))


def test_hospitals_before_the_count_place_what_they_name_there() -> None:
    text = (
        "Deaths in Britain from MRSA and C difficile infections in hospitals - the former a reported 1,652 "
        "and the latter 8,324 - are an accident of life."
    )
    assert all(t != "hospitalized" for t, _, _, _ in _of(text, 1652))


def test_the_counts_of_a_ranking_after_a_count_are_not_its_parts() -> None:
    text = (
        "Winter has come to Chile, fourth on the World Health Organization's list of confirmed cases of the "
        "virus, with 7,376 infected, after the United States (33,902), Mexico (10,262) and Canada (7,983)."
    )
    # before: the world's (its "parts" in three countries)
    assert all(p != "world" for _, _, _, p in _of(text, 7376))
    assert _of(text, 33902) == [("cases", "confirmed", "", "United States")]
