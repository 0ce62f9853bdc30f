"""Session 55: a list of places with their counts in brackets breaks down the count before it
(docs/claims.md)."""

from __future__ import annotations

import pytest

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text


def _placed(text: str) -> dict[tuple[float, str], tuple[str, str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return {
        (v.value, ",".join(v.key.about)): (v.key.thing, v.key.state, v.key.aspect)
        for v in facts.quantities
        if v.value is not None
    }


WHO_LIST = (
    "GENEVA, May 6 (Xinhua) -- The World Health Organization said on Wednesday that 22 countries have "
    "officially reported 1,516 cases of influenza A/H1N1 infection. They include Austria (1), Canada (165), "
    "China (1), France (4), Germany (9), Mexico (822 cases, including 29 deaths) and the United States "
    "(403 cases, including one death)."
)


def test_bare_bracketed_counts_after_places_are_the_items_of_the_count_before() -> None:
    got = _placed(WHO_LIST)
    # before: the bare numbers in brackets were no values
    assert got[165, "Canada"] == ("cases", "", "")
    assert got[9, "Germany"] == ("cases", "", "")
    assert got[4, "France"] == ("cases", "", "")
    assert got[822, "Mexico"] == ("cases", "", "")


def test_the_items_take_the_state_of_the_count_of_their_sentence() -> None:
    got = _placed("Confirmed cases in Europe rose to 210 on Friday: Spain (93), Britain (39), Germany (11).")
    assert got[39, "United Kingdom"] == ("cases", "confirmed", "")
    assert got[93, "Spain"] == ("cases", "confirmed", "")


def test_a_noun_written_in_one_item_is_the_measure_of_the_bare_ones() -> None:
    got = _placed("Deaths were reported in Mexico (42 deaths), Canada (1) and the United States (2).")
    assert got[1, "Canada"] == ("deaths", "", "")
    assert got[2, "United States"][0] == "deaths"


def test_one_bracketed_number_is_no_list() -> None:
    got = _placed("Officials have confirmed 40 cases so far. A man from Canada (45) was among them.")
    assert not any(place == "Canada" for _, place in got)


def test_a_list_whose_sentence_names_something_else_takes_no_count_from_before() -> None:
    got = _placed("Mexico has 822 confirmed cases. The teams are Brazil (3), Argentina (2) and Chile (1).")
    assert not any(place in {"Brazil", "Argentina", "Chile"} for _, place in got)


def test_a_list_after_the_sentence_of_its_count_takes_its_state() -> None:
    got = _placed(
        "Confirmed cases in Europe rose to 210 on Friday. They are Spain (93), Britain (39) and Germany (11)."
    )
    assert got[39, "United Kingdom"] == ("cases", "confirmed", "")
    got = _placed(
        "Europe now has 210 confirmed cases. Spain (93), Britain (39) and Germany (11) have the most."
    )
    assert got[93, "Spain"] == ("cases", "confirmed", "")


def _keys(text: str) -> dict[float, tuple[str, str, str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return {
        v.value: (v.key.thing, v.key.state, v.key.aspect, ",".join(v.key.about))
        for v in facts.quantities
        if v.value is not None
    }


def test_a_rise_of_two_coordinated_amounts_is_a_rise_of_both() -> None:
    got = _keys("He said there was a worldwide increase of 940 cases and 95 deaths yesterday.")
    assert got[940][2] == "new"
    assert got[95][:3] == ("deaths", "", "new")  # before: a total
    # a new count and a count of another thing, with no noun of rise, stay apart
    assert _keys("Mexico has 940 new cases and 95 deaths.")[95][2] == ""


def test_a_count_in_a_with_aside_is_no_projection_of_the_verb_around_it() -> None:
    got = _keys(
        "Miami-Dade and Broward counties, with 31 flu deaths, do not expect their vaccines until next week."
    )
    assert got[31][:3] == ("deaths", "", "")  # before: projected
    assert _keys("Mexico, with 300 cases, is expected to see 1,000 more.")[1000][2] == "projected"


def test_a_count_of_the_thing_of_a_whole_fronted_by_out_of_is_a_subset() -> None:
    assert 61 not in _keys("Out of the 238 new cases, 61 cases were found in schools around the country.")
    got = _keys("Out of 25 deaths confirmed to date, 10 of the victims were pregnant women.")
    assert 10 not in got and got[25][0] == "deaths"
    # another state is another measure; a place makes a place's value
    assert _keys("Out of 300 suspected cases, 40 cases were confirmed.")[40][:2] == ("cases", "confirmed")
    assert _keys("Of the 45 deaths, 20 deaths were in Mexico.")[20][3] == "Mexico"


def test_a_state_left_behind_is_no_state_of_the_count() -> None:
    got = _keys("The 141 new cases in England were all patients previously suspected as having swine flu.")
    assert got[141][:3] == ("cases", "", "new")  # before: suspected
    # before: no value (two states written)
    got = _keys("In England, 141 people previously suspected of having swine flu were confirmed on Monday.")
    assert got[141][:2] == ("cases", "confirmed")
    assert _keys("Mexico has 80 suspected cases.")[80][1] == "suspected"


def test_each_before_names_no_place_reads_takes_no_place_from_before() -> None:
    got = _keys("Two new cases are in Delhi, and one each in Madurai, Hyderabad and Chandigarh.")
    assert got[2][3] == "Delhi"
    assert got[1][3] == ""  # before: Delhi's


def test_a_number_word_before_a_noun_the_tagger_reads_as_a_name_counts_the_noun() -> None:
    an = analyze_text("The ministry announced four swine flu-related deaths on Sunday.")
    assert [(q.value, q.counts) for q in an.quantities] == [(4, "swine flu-related deaths")]  # before: none


@pytest.mark.parametrize(
    "text",
    [
        "Peru reported 40 cases last week.",
        "Argentina recorded 40 deaths over the weekend.",
        "Britain recorded 40 cases in the week to Friday.",
    ],
)
def test_a_count_the_week_just_past_added_is_an_increment(text: str) -> None:
    assert _keys(text)[40][2] == "new"  # before: a total


@pytest.mark.parametrize(
    "text",
    [
        "Britain had 40 cases last week.",
        "As of last week, 40 people had died in Germany.",
        "In all, 40 schools were closed earlier this week.",
        "Officials from 40 member states have been pushing this week for a new definition.",
    ],
)
def test_a_level_held_then_or_a_point_of_the_week_is_no_increment(text: str) -> None:
    assert _keys(text)[40][2] == ""


def test_people_who_tested_positive_on_a_day_are_what_the_day_added() -> None:
    got = _keys(
        "In addition, seven Bahraini students tested positive for swine flu after returning Monday night."
    )
    assert got[7][:3] == ("cases", "", "new")  # before: a total
    # a count over the whole outbreak, whatever day the report is dated by
    assert _keys("Since April, 300 people tested positive in Chile, officials said on Monday.")[300][2] == ""
    assert _keys("As of Sunday, 231 people tested positive for the virus in Thailand.")[231][2] == ""


def test_a_place_with_its_number_before_an_item_that_writes_the_noun_shares_it() -> None:
    got = _placed(
        "The UK now has the third highest number of cases in the world after the US with currently 33,902 "
        "and Mexico with 10,262 confirmed cases."
    )
    assert got[33902, "United States"] == ("cases", "confirmed", "")  # before: no value
    assert got[10262, "Mexico"] == ("cases", "confirmed", "")


def test_a_number_word_joined_to_its_country_by_with_is_an_item_of_the_list() -> None:
    got = _placed(
        "Governments reporting infections are Canada with 34, Spain with 13, Britain with eight, "
        "Israel with two, and Austria and Denmark with one each."
    )
    # before: "eight" and "two" were no quantities (small number words with no noun)
    assert got[8, "United Kingdom"][0] == "cases"
    assert got[2, "Israel"][0] == "cases"


def test_an_increment_after_a_sentence_of_several_places_takes_none_of_them() -> None:
    got = _keys(
        "As well as 426 confirmed cases in England there have been 189 people in Scotland diagnosed with the "
        "virus, four in Northern Ireland and two in Wales. However, there are also a further 523 possible "
        "cases under investigation."
    )
    assert got[523][3] == ""  # before: Wales's
    got = _keys("The agency said the UK has 300 cases. A further 20 cases were confirmed on Monday.")
    assert got[20][3] == "United Kingdom"


def test_an_appositive_rise_after_a_count_with_another_is_no_rise_of_the_other() -> None:
    got = _keys(
        "The tally of H1N1 influenza cases reached 11,034 with 85 deaths early today, an increase of nearly "
        "800 since yesterday."
    )
    assert got.get(800, ("",))[0] != "deaths"  # before: 800 new deaths
    assert _keys("Mexico has 300 cases, an increase of 20 since Monday.")[20][:3] == ("cases", "", "new")


def test_a_total_the_world_modifies_is_the_worlds() -> None:
    got = _keys("There were two more deaths in the United States, bringing the global toll to 97.")
    assert got[97][3] == "world"  # before: the United States'
    assert got[2][3] == "United States"
    assert _keys("Two more deaths were reported in the United States, bringing the toll to 97.")[97][3] == (
        "United States"
    )


def test_members_among_a_whole_are_no_tally() -> None:
    assert 7 not in _keys("Scotland has 232 cases. Seven health care workers are among those infected.")


def test_a_total_of_people_under_test_or_tested_negative_counts_no_cases() -> None:
    assert 6 not in _keys(
        "As of today the number of cases under investigation in Northern Ireland is at six."
    )
    got = _keys(
        "Overall, the number of cases investigated and have proved negative in Northern Ireland is 137, "
        "while the number of confirmed cases in Northern Ireland has risen to nine."
    )
    assert 137 not in got and got[9][:2] == ("cases", "confirmed")
    assert _keys("The number of cases in Northern Ireland is at six.")[6][:2] == ("cases", "")


def test_a_share_is_no_count() -> None:
    got = _keys(
        "Kuwait has registered the highest number of cases with 6,640 (23% of all the 28,751 in the region)."
    )
    assert 23 not in got  # before: 23 cases of Kuwait
    got = _keys("The health secretary said the fatality ratio in the Philippines remains low at 0.6%.")
    assert got.get(0.6, ("", "", "rate"))[2] == "rate"  # a rate keeps its value; no count of deaths
    assert _keys("The virus has a fatality rate of 0.4 percent in Indonesia.")[0.4][2] == "rate"


def test_an_item_after_what_the_item_before_has_goes_on_with_the_items() -> None:
    got = _placed(
        "The WHO counted 779 cases in Afghanistan with 14 deaths, 793 in Bahrain with 6 deaths "
        "and 9 in Djibouti."
    )
    assert got[793, "Bahrain"][0] == "cases"  # before: 793 deaths
    assert got[9, "Djibouti"][0] == "cases"
    assert got[6, "Bahrain"][0] == "deaths"
    got = _placed("Mexico has 300 cases with 14 deaths, Canada 200 with 2 deaths and Spain 50.")
    assert got[50, "Spain"][0] == "cases"
    # a part set off by commas is broken down by the item after it; a bare part is an item itself
    assert _keys("Mexico has 300 cases, with 14 deaths, 10 in the capital.")[10][0] == "deaths"
    got = _placed(
        "South America has suffered seven deaths with four in Argentina, two in Chile and one in Colombia."
    )
    assert got[2, "Chile"][0] == "deaths"


def test_a_participle_compound_reaches_past_the_virus_code() -> None:
    an = analyze_text("South Africa has recorded 75 laboratory confirmed H1N1 influenza cases.")
    assert [q.counts for q in an.quantities] == [
        "laboratory confirmed H1N1 influenza cases"
    ]  # before: laboratory


def test_a_day_after_its_month_and_a_comma_is_no_count() -> None:
    an = analyze_text(
        "The ministry reports 597 deaths in Ukraine until December, 24. Nineteen people died yesterday."
    )
    assert [q.value for q in an.quantities] == [597, 19]  # before: 24 was a count
    assert [q.value for q in analyze_text("In December, 24 people died.").quantities] == [24]


def test_more_of_degree_is_no_increment() -> None:
    got = _keys(
        "South Africa has recorded 75 laboratory confirmed H1N1 influenza cases - more commonly known as "
        "swine flu - so far."
    )
    assert got[75][:3] == ("cases", "confirmed", "")  # before: new
    assert _keys("Mexico reported 48 more deaths.")[48][2] == "new"


def test_respectively_after_both_nations_pairs_the_places_of_the_sentence_before() -> None:
    got = _placed(
        "Barbados has 154 cases while Jamaica has 149. "
        "The two countries have reported 3 and 5 deaths, respectively."
    )
    assert got[3, "Barbados"][0] == "deaths"  # before: no value
    assert got[5, "Jamaica"][0] == "deaths"  # before: the world's
    assert (5, "world") not in got


def test_a_world_adverb_in_the_subject_of_the_counts_clause_makes_it_the_worlds() -> None:
    got = _keys(
        "A Washington man became the latest U.S. victim of swine flu on Tuesday as the number of confirmed "
        "cases worldwide ballooned to 9,830."
    )
    assert got[9830][3] == "world"  # before: the United States'
    assert _keys("The number of cases in Mexico rose to 300.")[300][3] == "Mexico"


def test_where_a_member_of_a_count_is_from_is_not_the_counts_place() -> None:
    got = _keys("Egypt has 32 deaths. The four cases include a 45-year-old man from Minya who was admitted.")
    assert got[4][3] == ""  # before: Minya's
    assert _keys("Mexico has 300 cases, including 20 in Mexico City.")[20][3] == "Mexico City"


def test_infected_persons_whose_own_verb_says_they_died_or_recovered_are_not_cases() -> None:
    assert _keys("Twelve infected people have died in Mexico.")[12][0] == "deaths"  # before: cases
    assert _keys("A total of 38 infected patients have been discharged in Mexico.")[38][0] == "recovered"
    assert _keys("Twelve infected pilgrims remain in hospital in Mexico.")[12][0] == "cases"


def test_an_order_of_magnitude_is_vague_whatever_digits_its_noun_writes() -> None:
    got = _keys(
        "Despite reporting tens of thousands of confirmed A(H1N1) cases in China, the ministry reported few."
    )
    assert 10000 not in got  # before: 10,000 confirmed cases of China
    assert 12 not in _keys("Two prefectures have reported dozens of novel H1N1 cases.")


def test_people_pending_investigation_are_no_cases() -> None:
    got = _keys("In addition to these 50 new cases, 48 other cases were pending investigation yesterday.")
    assert 48 not in got and got[50][2] == "new"


def test_a_country_of_two_words_opens_a_gapped_item() -> None:
    got = _placed(
        "Most cases were registered in Canada, 719 cases, Japan 294 cases, Great Britain 112 cases "
        "and Spain 113."
    )
    assert got[112, "United Kingdom"][0] == "cases"  # before: no quantity ("Britain 112" read as a name)


def test_a_total_the_parse_hangs_on_an_adverb_takes_its_value() -> None:
    got = _keys("Mexico revised downwards its confirmed death toll to seven from 20.")
    assert got[7][:2] == ("deaths", "confirmed")  # before: 20 was the value and seven none
    assert 20 not in got


def test_a_suspicion_the_counts_own_predicate_resolves_is_no_state() -> None:
    got = _keys(
        "Four servicemembers suspected of having the H1N1 virus have tested positive, officials said."
    )
    assert got[4][1] == ""  # before: suspected
    assert _keys("Two people suspected of having swine flu have died in Mexico.")[2][:2] == (
        "deaths",
        "suspected",
    )
    assert (
        _keys("Mexico has 30 people suspected of having the virus, 5 of whom tested positive.")[30][1]
        == "suspected"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Australia's swine flu tally has passed 400.",
        "The swine flu tally in Australia hit 400.",
        "The swine flu count in Australia rose to 400.",
    ],
)
def test_a_tally_the_disease_names_counts_its_cases(text: str) -> None:
    assert _keys(text)[400] == ("cases", "", "", "Australia")  # before: no value


def test_a_tally_of_deaths_or_of_another_thing_is_not_cases() -> None:
    assert _keys("Australia's swine flu death tally rose to 4.")[4][0] == "deaths"
    assert 400 not in _keys("The vote count reached 400.")
