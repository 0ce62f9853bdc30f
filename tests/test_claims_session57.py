"""Session 57: rules read off fresh outside swine-flu pages (docs/claims.md, "Levels reached, negative
tests, shared subjects and appositions (session 57)")."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text


def _values(text: str) -> list[tuple[float | None, str, str, str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return [
        (v.value, v.key.thing, v.key.state, v.key.aspect, ",".join(v.key.about)) for v in facts.quantities
    ]


def _of(text: str, value: float) -> list[tuple[str, str, str, str]]:
    return [(t, s, a, p) for v, t, s, a, p in _values(text) if v == value]


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
