"""Session 58: rules read off fresh outside swine-flu pages (docs/claims.md, "Recent dates, comparisons,
own verbs of parts and shared predicates (session 58)")."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.claims.lexicon import load_lexicon
from saidwhat.claims.quantity import resolve_diseases
from saidwhat.pipeline import analyze_text
from tests.claims_fixtures import keys_of as _of


def _published(text: str, published: str, value: float) -> list[tuple[str, str, str, tuple[str, ...]]]:
    facts = article_facts(analyze_text(text, published=published), None)
    keys = [(v.key, v.value) for v in facts.quantities]
    return [(k.thing, k.state, k.aspect, k.about) for k, v in keys if v == value]


# --- a recent date is no past year ------------------------------------------------------------------


def test_a_span_of_days_ending_in_the_publication_year_is_no_past_year() -> None:
    text = (
        "According to the ministry's weekly report, 2,935 cases were confirmed in the Chinese mainland "
        "from Dec. 28, 2009, to Jan. 3, 2010."
    )
    # before: China+2009 (a claim of the year 2009)
    assert _published(text, "2010-01-06", 2935) == [("cases", "confirmed", "", ("China",))]


def test_a_day_written_without_its_year_is_no_past_year() -> None:
    text = "From October 29th to December 29th, over 675 people died from the virus in Ukraine."
    # before: Ukraine+2009
    assert _published(text, "2010-01-04", 675) == [("deaths", "", "", ("Ukraine",))]


def test_a_week_of_the_month_before_is_no_past_year() -> None:
    text = (
        "Egypt has recorded 16,000 cases of swine flu. The fourth week of December 2009 recorded the "
        "highest rate of infection, with 2,685 new cases."
    )
    assert all("2009" not in about for *_, about in _published(text, "2010-02-12", 2685))


def test_a_year_alone_still_dates_a_figure_of_that_year() -> None:
    text = "In 2008, seasonal flu killed 36,000 people in the United States."
    assert _published(text, "2009-06-01", 36000)[0][3] == ("United States", "2008")
    old = "The Asian flu killed 2 million people in 1957."
    assert "1957" in _published(old, "2009-06-01", 2000000)[0][3]


# --- the story's disease: a tie goes to the disease more counts name -------------------------------------


def test_an_article_of_two_diseases_is_of_the_one_more_counts_name() -> None:
    text = (
        "Swine flu has killed 265 people in Egypt. The total number of H1N1 cases in Egypt is 16,000. "
        "The H1N1 virus has infected 2,685 people in Cairo. The ministry also announced the 29th death "
        "from bird flu in Egypt. Egypt has reported 97 cases of infection with avian flu."
    )
    lex = load_lexicon()
    facts = article_facts(analyze_text(text, published="2010-02-12"), None, lex)
    values = resolve_diseases(list(facts.quantities), lex)
    things = {v.value: v.key.thing for v in values}
    # before: "h1n1 deaths", "h1n1 cases" and the bird flu count as the story's bare "cases" (the tie of
    # one article each went to the disease first in alphabetical order)
    assert things[265] == "deaths"
    assert things[16000] == "cases"
    assert things[97] == "bird flu cases"


# --- a difference is no tally ------------------------------------------------------------------------------


def test_more_than_another_place_is_a_difference_not_an_increment() -> None:
    text = "Wisconsin has reported 2,200 confirmed cases. That's 500 more cases than in Texas."
    assert _of(text, 500) == []  # before: new cases
    assert _of("Texas has 300 more cases than Ohio.", 300) == []


def test_more_than_an_earlier_day_is_still_what_the_day_added() -> None:
    assert _of("Mexico reported 40 more cases than the day before.", 40) == [("cases", "", "new", "Mexico")]
    assert _of("There were 12 more deaths in Mexico than on Monday.", 12)[0][2] == "new"


def test_a_sentence_after_a_count_is_no_comparison() -> None:
    text = (
        "In September, a police academy in Baghdad was targeted by a suicide bomber who killed seven "
        "people and wounded 30. More than 20 died in a suicide attack in January."
    )
    assert _of(text, 30) != []


# --- a count's own verb says what it counts ----------------------------------------------------------------


def test_cases_in_a_place_that_have_been_hospitalised_are_hospitalisations() -> None:
    text = "A total of 105 cases in the UK have been hospitalised since the start of the pandemic."
    assert _of(text, 105) == [("hospitalized", "", "", "United Kingdom")]  # before: cases


def test_a_part_of_cases_whose_verb_says_hospitalised_counts_hospitalisations() -> None:
    text = (
        "Statewide, 802 people have been identified as cases of the H1N1 virus in California. Of the cases, "
        "47 have been hospitalized and nine have required intensive care."
    )
    assert [k[0] for k in _of(text, 47)] == ["hospitalized"]  # before: cases


def test_fatal_cases_with_the_disease_named_between_are_deaths() -> None:
    text = "So far Hong Kong has a cumulative total of 40 fatal human swine flu cases."
    assert _of(text, 40) == [("deaths", "", "", "Hong Kong")]  # before: cases
    assert _of("Mexico has 20 swine flu cases.", 20) == [("cases", "", "", "Mexico")]


def test_hospitalised_cases_with_the_disease_named_between_are_hospitalisations() -> None:
    text = "Northern Ireland reported a cumulative total of 527 hospitalised swine flu cases."
    assert [k[0] for k in _of(text, 527)] == ["hospitalized"]  # before: a generic measure


# --- places -------------------------------------------------------------------------------------------------


def test_a_whole_before_include_takes_no_place_from_its_first_part() -> None:
    text = (
        "The State of Michigan today announced 17 new probable cases. The 17 new probable cases include "
        "one in Allegan County, six in Kent County and four in Macomb County."
    )
    # before: the second 17 was Allegan County's
    assert all(k[3] != "Allegan County" for k in _of(text, 17))
    assert _of(text, 6) == [("cases", "probable", "new", "Kent County")]


def test_nationals_counted_as_members_are_no_nation_of_here() -> None:
    text = (
        "SEOUL, July 10 (Yonhap) -- South Korea's health authorities said Friday that they have confirmed "
        "20 additional cases of influenza A, including three Americans, bringing the total number of "
        "infections here to 367."
    )
    assert [k[3] for k in _of(text, 367)] == ["South Korea"]  # before: the United States
    uk = "Health officials confirmed nine UK cases on Friday, bringing the nation's total to 20."
    assert [k[3] for k in _of(uk, 20)] == ["United Kingdom"]


def test_a_peoples_adjective_before_capital_names_no_country() -> None:
    text = (
        "With 14 new cases of swine flu reported Tuesday, the total number in the Indian capital now "
        "stands at 9,495, a health department official said."
    )
    assert [k[3] for k in _of(text, 9495)] == [""]  # before: India
    assert [k[3] for k in _of("Mexican health officials reported 300 cases.", 300)] == ["Mexico"]


def test_a_journeys_goal_is_not_the_one_country_a_text_is_about() -> None:
    text = (
        "The Department of Health said the case occurred in a person who had contact with someone who had "
        "returned from a trip to New York. The latest two cases confirmed here bring to nine the total "
        "number of cases reported in the Republic to date."
    )
    assert [k[3] for k in _of(text, 9)] == [""]  # before: the United States


def test_a_count_is_on_an_island() -> None:
    text = (
        "Almost half of the cases have been reported in Attica, followed by 159 cases on Crete and 127 on "
        "the Ionian Islands."
    )
    assert [k[3] for k in _of(text, 127)] == ["Ionian Islands"]  # before: Attica


def test_two_counts_joined_by_and_share_their_predicates_place() -> None:
    text = (
        "There have been more than 15,500 cases worldwide, resulting in 99 deaths. Of these, almost 5,000 "
        "cases and 85 deaths have been reported in Mexico."
    )
    assert [k[3] for k in _of(text, 5000)] == ["Mexico"]  # before: none
    assert [k[3] for k in _of(text, 85)] == ["Mexico"]


def test_an_item_from_a_place_of_its_own_takes_not_the_item_befores() -> None:
    text = (
        "The institute confirmed that 24 deaths had been reported, while in 24 deaths three were from "
        "Islamabad, 12 from Punjab, five from Sindh, two from AJK and one from Gilgit-Baltistan."
    )
    assert [k[3] for k in _of(text, 12)] == [""]  # before: Islamabad
    assert [k[3] for k in _of(text, 2)] == [""]  # before: Sindh
    assert [k[3] for k in _of(text, 5)] == ["Sindh"]


def test_one_or_more_is_no_figure() -> None:
    text = (
        "Philippine health officials confirmed two more cases on Saturday, bringing the total to 16. Classes "
        "can be suspended if there is already one or more confirmed case of A/H1N1."
    )
    assert _of(text, 1) == []
    assert _of(text, 16) == [("cases", "confirmed", "", "Philippines")]


def test_the_year_in_the_viruss_name_is_no_date() -> None:
    text = "In Ireland, 1,043 cases of confirmed pandemic (H1N1) 2009 have been hospitalised to date."
    # before: Ireland+2009
    assert _published(text, "2010-01-07", 1043) == [("hospitalized", "confirmed", "", ("Ireland",))]


def test_a_season_just_past_is_no_past_year() -> None:
    text = (
        "The A/H1N1 influenza outbreak, which has killed nearly 800 people on the Chinese mainland, has "
        "passed its peak in the autumn-winter flu season, the Ministry of Health said Tuesday."
    )
    assert _published(text, "2010-03-03", 800) == [("deaths", "", "", ("China",))]  # before: China+2009


def test_where_the_virus_began_is_not_where_its_toll_is() -> None:
    text = (
        "At least 7,826 people are now known to have died following infection with the H1N1 virus since it "
        "first emerged in Mexico in April."
    )
    assert [k[3] for k in _of(text, 7826)] == [""]  # before: Mexico
    assert [k[3] for k in _of("Officials in Chile are fighting a virus that has killed 30.", 30)] == ["Chile"]


def test_none_of_a_whole_of_persons_is_no_tally() -> None:
    text = "None of the about 2,000 passengers who disembarked Monday have tested positive for the virus."
    assert _of(text, 2000) == []  # before: 2,000 cases
    assert [k[0] for k in _of("None of the 45 cases in Mexico has been fatal.", 45)] == ["cases"]


def test_cases_that_turned_out_a_false_alarm_are_no_cases() -> None:
    text = (
        "The French Health ministry announced on Monday that another six cases turned out to be a false "
        "alarm."
    )
    assert _of(text, 6) == []  # before: cases of France


def test_who_probably_have_it_are_probable_cases() -> None:
    text = (
        "Twenty-eight students at a private New York City high school have confirmed cases of swine flu and "
        "17 more probably have it, Mayor Michael Bloomberg said Monday."
    )
    assert [k[1] for k in _of(text, 17)] == ["probable"]  # before: confirmed


def test_a_daily_average_is_a_rate() -> None:
    text = (
        "Fears have been growing in South Korea over the fast spread of the new flu as a daily average of "
        "some 8,000 new cases of A/H1N1 was reported recently."
    )
    assert [k[2] for k in _of(text, 8000)] == ["rate"]  # before: new


def test_a_year_that_modifies_a_noun_dates_only_its_own_clause() -> None:
    text = (
        "Swine flu: How serious a threat? The 1918 Spanish flu pandemic was caused by an H1N1 form of "
        "influenza A With the UK confirming two cases of swine flu and the World Health Organization raising "
        "its alert level from three to four, how serious a threat does the disease pose to us all"
    )
    # before: United Kingdom+1918
    assert _published(text, "2009-04-28", 2) == [("cases", "confirmed", "", ("United Kingdom",))]
    own = "The 1918 pandemic killed 50 million people worldwide."
    assert _published(own, "2009-04-28", 50000000)[0][3] == ("world", "1918")


def test_a_peoples_adjective_naming_a_flu_is_no_place() -> None:
    text = "The Spanish flu killed 50 million people in 1918 and 1919."
    assert _published(text, "2009-04-28", 50000000)[0][3] == ("1919",)  # before: Spain+1919
    assert [k[3] for k in _of("The Spanish health ministry confirmed 20 cases.", 20)] == ["Spain"]


def test_a_yearly_toll_is_seasonal_flus_in_an_article_on_seasonal_flu_too() -> None:
    text = (
        "Swine flu has killed 60 people in Mexico. Seasonal flu is a familiar threat, and seasonal flu "
        "vaccines are made every year. In a normal flu season, about 36,000 people die in the United States. "
        "While the very young and the very old are most at risk with seasonal flu, the new strain strikes "
        "young adults."
    )
    facts = article_facts(analyze_text(text, published="2009-04-25"), None)
    diseases = {v.value: v.disease for v in facts.quantities}
    assert diseases[36000] == "seasonal flu"  # before: none (the story's disease)
    assert diseases[60] != "seasonal flu"


def test_the_subject_of_reached_names_the_count_however_long_its_modifiers() -> None:
    text = (
        "Deaths in Japan related to the swine flu epidemic reached 100 after the Kyoto Municipal Government "
        "said Sunday that a man died."
    )
    assert _of(text, 100) == [("deaths", "", "", "Japan")]  # before: no value
    assert [k[0] for k in _of("The virus has reached 30 countries.", 30)] == ["country"]


def test_an_adverbial_year_that_opens_the_sentence_dates_it() -> None:
    text = "During the 2003 SARS outbreak more than 8,000 people contracted the disease and 774 people died."
    assert all("2003" in k[3] for k in _published(text, "2009-05-01", 774))


def test_a_number_of_infected_counts_cases() -> None:
    text = "Colombia's number of infected rose to 53 with three new cases reported on Wednesday."
    assert _of(text, 53) == [("cases", "", "", "Colombia")]  # before: a generic measure "infected"


def test_a_breakdown_in_brackets_gives_its_places_to_its_items() -> None:
    text = (
        "Confirmed cases in Canada: 34 (eight in Nova Scotia, eight in Ontario, 11 in B.C., six in Alberta, "
        "one in Quebec)"
    )
    assert [k[3] for k in _of(text, 34)] == ["Canada"]  # before: Nova Scotia


def test_a_tagged_name_ends_in_no_function_word() -> None:
    text = (
        "In Egypt, Lebanon and Saudi Arabia authorities also all reported new cases of the flu.\n"
        "Spokesman for Egypt's health spokesman Abdel Rahman Shahin said two Sudanese women and one "
        "Egyptian-American child, all coming from abroad, were the latest victims, raising the number in "
        "Egypt to 26.\nSaudi Arabia also announced three new cases Tuesday bringing the total number of "
        "infected people in the Kingdom to 17.\nLebanon's cases have risen to nine."
    )
    assert all(k[3] != "Kingdom to" for k in _of(text, 3))  # before: "Kingdom to"


def test_an_item_named_after_province_of_takes_not_the_item_befores_place() -> None:
    text = (
        "The country's capital, Panama City, is the worst hit region with 124 cases, followed by the "
        "Atlantic province of Colom with 23 cases."
    )
    assert [k[3] for k in _of(text, 23)] == [""]  # before: Panama City
    assert [k[3] for k in _of("Mexico has 300 cases, followed by the state of Texas with 20 cases.", 20)] == [
        "Texas"
    ]


def test_a_bare_number_of_a_parallel_clause_counts_the_first_clauses_noun() -> None:
    text = (
        "Mexico has reported over 7,600 cases including 113 deaths, Canada has reported over 5,700 including "
        "13 deaths, and the United Kingdom has reported over 2,500 including 1 death."
    )
    # before: the 5,700 and the 2,500 were deaths (the noun of the part before them)
    assert _of(text, 5700) == [("cases", "", "", "Canada")]
    assert _of(text, 2500) == [("cases", "", "", "United Kingdom")]
    assert _of(text, 13) == [("deaths", "", "", "Canada")]
    other = "Mexico has reported 300 cases including 20 deaths, and Canada has reported 40 deaths."
    assert _of(other, 40) == [("deaths", "", "", "Canada")]


def test_people_infected_with_the_virus_who_died_are_deaths() -> None:
    text = "Five people infected with influenza A (H1N1) died Monday, the highest daily toll in South Korea."
    assert [k[0] for k in _of(text, 5)] == ["deaths"]  # before: cases
    same = "Five people infected with the virus were confirmed in Seoul."
    assert [k[0] for k in _of(same, 5)] == ["cases"]


def test_a_total_after_a_change_in_a_city_is_the_subject_countrys() -> None:
    text = (
        "Chinese mainland reported two cases in the city of Fuzhou of Fujian Province, bringing the total "
        "number of confirmed cases to 51 as of 7:00 p.m. Wednesday."
    )
    assert [k[3] for k in _of(text, 51)] == ["China"]  # before: Fuzhou
    uk = "Nine new cases in the UK, eight in England and one in Scotland, bringing the total to 48."
    assert [k[3] for k in _of(uk, 48)] == ["United Kingdom"]
