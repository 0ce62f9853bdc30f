"""Session 54: the change a total written first says it came from has the total's state; a count since a
day of the week just past, or since the report before, is what those days added (docs/claims.md)."""

from __future__ import annotations

import pytest

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text


def _keys(text: str) -> dict[float, tuple[str, str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return {
        v.value: (v.key.thing, v.key.state, v.key.aspect) for v in facts.quantities if v.value is not None
    }


@pytest.mark.parametrize(
    "text",
    [
        "Sri Lanka now has five confirmed cases after two more people tested positive yesterday.",
        "The number of confirmed cases in Ghana rose to five after two more people tested positive.",
        "Norway's confirmed cases climbed to five, with two new infections reported on Monday.",
    ],
)
def test_the_change_a_total_written_first_came_from_has_its_state(text: str) -> None:
    got = _keys(text)
    # before: the two new cases had no state, a leak against the guideline's increment of a total
    assert got[2] == ("cases", "confirmed", "new")
    assert got[5] == ("cases", "confirmed", "")


def test_a_change_before_the_total_it_brings_keeps_its_reading() -> None:
    got = _keys("Two more people tested positive in Nepal, bringing the number of confirmed cases to seven.")
    assert got[2] == ("cases", "confirmed", "new")


def test_a_total_of_another_place_lends_no_state() -> None:
    got = _keys("Peru now has 40 confirmed cases, with 12 new cases in Chile.")
    assert got[12][1:] == ("", "new")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mexico has reported 12 deaths since Monday.", 12),
        ("Chile has had 300 cases since the last report.", 300),
        ("This represents a rise of 4,638 cases and 18 deaths since the last report on 12 June.", 18),
    ],
)
def test_a_count_since_a_day_just_past_is_an_increment(text: str, number: float) -> None:
    # before: each was read as a total
    assert _keys(text)[number][2] == "new"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Mexico has reported 2,000 cases since April 24, when the outbreak was announced.", 2000),
        ("About 45,000 people have died since Tuesday's earthquake in Haiti.", 45000),
        ("The toll in Peru has risen to 45 since Monday.", 45),
    ],
)
def test_a_count_since_a_date_an_event_or_a_level_reached_stays_a_total(text: str, number: float) -> None:
    assert _keys(text)[number][2] == ""


def test_a_count_in_the_days_before_an_event_is_an_increment() -> None:
    got = _keys(
        "Saudi Arabia reported four pilgrim deaths from the H1N1 flu virus in the days leading up to the"
        " start of the haj rituals."
    )
    # before: a measure of its own, "pilgrim death", with no aspect (the virus's code read as a number)
    assert got[4] == ("deaths", "", "new")


@pytest.mark.parametrize(
    "text",
    [
        "Three child deaths were reported in Peru.",
        "Peru reported three student deaths.",
        "Three pilgrims died in Peru.",
    ],
)
def test_a_noun_of_persons_before_deaths_says_whose_they_are(text: str) -> None:
    # before: "child death" and "student death" were measures of their own
    assert _keys(text)[3] == ("deaths", "", "")


def test_a_group_of_victims_before_deaths_stays_its_own_measure() -> None:
    got = _keys("More than 4,000 US service personnel deaths have been recorded in Iraq.")
    assert got[4000][0] != "deaths"


@pytest.mark.parametrize(
    "text",
    [
        "In Colombia, 2,521 persons were confirmed to carry the AH1N1 virus.",
        "Officials said 2,521 people in Colombia were carrying the virus.",
        "In Colombia, 2,521 people are affected with the disease and are receiving treatment.",
    ],
)
def test_people_who_carry_the_virus_or_are_affected_with_it_are_cases(text: str) -> None:
    # before: no value
    assert _keys(text)[2521][0] == "cases"


def test_the_confirmation_of_a_count_writes_its_state() -> None:
    got = _keys("With the confirmation of 12 new cases in Ecuador, the total reached 48.")
    # before: both without a state
    assert got[12] == ("cases", "confirmed", "new")
    assert got[48] == ("cases", "confirmed", "")


def test_cases_awaiting_confirmation_are_not_confirmed() -> None:
    assert 30 not in _keys("Officials in Chile are awaiting confirmation of 30 cases.")
    assert _keys("Ten cases in Cuba were awaiting confirmation.")[10] == ("cases", "suspected", "")


def test_paragraphs_run_together_end_their_sentences() -> None:
    text = (
        "Canada posted a jump of 1,043 new cases, with its total infections now reaching 7,775 including 21"
        " deaths.Australia showed an increase of 758 new cases including four deaths, bringing its total to"
        " 4,038 infections and seven deaths."
    )
    facts = article_facts(analyze_text(text, published="2009-06-29"), None)
    about = {v.value: v.key.about for v in facts.quantities}
    # before: Australia's totals were Canada's, the two sentences read as one
    assert about[4038] == ("Australia",)
    assert about[7775] == ("Canada",)


def test_an_abbreviation_run_into_a_name_ends_no_sentence() -> None:
    from saidwhat.claims.text import sentences

    text = "Texas Gov.Perry said 30 people had died. Officials agreed."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Texas Gov.Perry said 30 people had died.",
        "Officials agreed.",
    ]
    run = "It rose to 12 on Friday.The largest increase was in Peru."
    assert [run[a:b] for a, b in sentences(run)] == [
        "It rose to 12 on Friday.",
        "The largest increase was in Peru.",
    ]


def _about(text: str) -> dict[float, tuple[str, ...]]:
    facts = article_facts(analyze_text(text, published="2009-07-22"), None)
    return {v.value: v.key.about for v in facts.quantities if v.value is not None}


def test_a_place_in_a_clause_opened_by_as_after_the_count_is_that_clauses() -> None:
    got = _about(
        "Chile announced that the country's death toll from swine flu has risen from 40 to 68, as the virus"
        " cuts deeper across Latin America where hundreds of deaths have been linked to the pandemic."
    )
    # before: Latin America's
    assert got[68] == ("Chile",)


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        ("Peru has 300 cases, some of them in Lima.", 300, ("Peru",)),
        (
            "The United States is the second worst hit country with 403 confirmed cases, and two deaths,"
            " one of a Mexican toddler in a Texas hospital and the other a woman.",
            2,
            ("United States",),
        ),
        (
            "Two more people in the Middle East died from swine flu. The latest deaths bring the toll across"
            " the region to 8, with half of the deaths being in Saudi Arabia.",
            8,
            (),
        ),
    ],
)
def test_the_place_of_a_part_named_after_a_count_is_not_the_counts(
    text: str, number: float, place: tuple[str, ...]
) -> None:
    # before: Lima's, Texas's and Saudi Arabia's
    assert _about(text)[number] == place


def test_a_majority_named_after_a_count_still_reads_as_before() -> None:
    assert _about("The virus has killed 80 people, the vast majority of them in Mexico.")[80] == ("world",)
    assert _about("Mexico reported 40 cases, as of Monday, in Oaxaca.")[40] != ()


def test_a_participle_of_another_noun_projects_no_count() -> None:
    got = _keys(
        "The number of cases in Saudi Arabia now tops 300, adding to worries over the expected influx of"
        " some two million pilgrims."
    )
    # before: a projection, no value
    assert got[300] == ("cases", "", "")
    assert _keys("The expected 300 deaths in Peru have not happened.")[300][2] == "projected"
    assert _keys("The number of deaths in Chile is expected to reach 400.")[400][2] == "projected"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The age range of these cases in Peru is 2-58 years old, with 16 as median age.", 16),
        ("The 30 patients in Peru had 32 as the average age.", 32),
    ],
)
def test_a_number_named_as_a_groups_mean_age_is_an_age(text: str, number: int) -> None:
    an = analyze_text(text, published="2009-06-20")
    (q,) = [q for q in an.quantities if q.value == number]
    # before: a count, which the claims read as cases of Peru
    assert (q.kind, q.unit) == ("age", "year")
    assert number not in _keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "Argentina has recorded 20 deaths since Friday, and 300 since the outbreak began.",
        "Argentina recorded 20 new deaths, and 300 so far.",
    ],
)
def test_a_list_item_counted_from_the_start_is_no_increment(text: str) -> None:
    got = _keys(text)
    assert got[20] == ("deaths", "", "new")
    # before: the 300 took the increment's aspect
    assert got[300] == ("deaths", "", "")


def test_a_four_digit_count_after_a_verb_is_no_year() -> None:
    text = "The United States has reported 1639 laboratory confirmed human cases, including two deaths."
    an = analyze_text(text, published="2009-05-09")
    # before: NER's DATE made it a year, so the count was lost and the deaths dated 1639
    assert not an.timexes
    facts = article_facts(an, None)
    got = {v.value: v.key for v in facts.quantities}
    assert (got[1639].thing, got[1639].state, got[1639].about) == ("cases", "confirmed", ("United States",))
    assert got[2].about == ("United States",)


@pytest.mark.parametrize(
    "text",
    ["The company reported 1989 earnings of $5 million.", "Police arrested 1992 protesters in the city."],
)
def test_a_four_digit_year_of_other_plurals_stays_a_year(text: str) -> None:
    an = analyze_text(text, published="2009-05-09")
    assert [t.value for t in an.timexes][:1] in (["1989"], ["1992"])


@pytest.mark.parametrize(
    "text",
    [
        "Trinidad and Tobago follows with 53 cases. Cuba's total remains at 46.",
        "Trinidad and Tobago follows with 53 cases. The Cuba total has jumped to 46.",
    ],
)
def test_a_bare_total_that_remains_or_names_its_place_counts_the_thing_before(text: str) -> None:
    # before: no value
    assert _keys(text)[46] == ("cases", "", "")
    assert _about(text)[46] == ("Cuba",)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("St. Lucia reported 55 cases with one death to date.", "Saint Lucia"),
        ("St Kitts and Nevis has six cases.", "Saint Kitts and Nevis"),
    ],
)
def test_the_short_forms_of_saints_countries_are_the_countries(text: str, country: str) -> None:
    # before: no place
    assert country in {a for about in _about(text).values() for a in about}


def test_a_bare_count_reads_no_noun_of_the_next_sentence() -> None:
    got = _keys(
        "H1N1 cases in the Dominican Republic stand at 491.\n\nEighteen U.S. soldiers had been reported"
        " positive with the flu."
    )
    # before: "soldier cases", the group read from the next paragraph's noun
    assert got[491] == ("cases", "", "")


def test_another_after_unqualified_cases_adds_confirmed_ones() -> None:
    got = _keys("Laos has 100 cases. Another 30 cases were confirmed in Laos on Sunday.")
    # before: a total of its own (unqualified cases read as another state than confirmed)
    assert got[30] == ("cases", "confirmed", "new")
    other = _keys("The UK has 100 confirmed cases. Another 486 possible UK cases are being investigated.")
    assert other[486] == ("cases", "suspected", "")


def test_an_elliptical_more_after_another_nouns_count_is_not_the_thing_before() -> None:
    got = _keys(
        "The five deaths from swine flu registered in Bulgaria so far had complications. 80 000 packages of"
        " anti-flu medications have been distributed around the country already, and 10 000 more are"
        " available at the Health Ministry. Another 60 000 are to be delivered in the coming days."
    )
    # before: 10,000 and 60,000 new deaths
    assert got.get(10000, ("",))[0] != "deaths"
    assert got.get(60000, ("",))[0] != "deaths"
    assert _keys("The toll in Spain rose to 20. The ministry reported 13 more, taking its total to 93.")[
        13
    ] == (
        "deaths",
        "",
        "new",
    )


def test_a_place_in_a_relative_clause_on_another_noun_is_not_the_counts() -> None:
    got = _about(
        "In Britain some 110,000 people have been infected by the virus that first surfaced in Mexico."
    )
    # before: Mexico's
    assert got[110000] == ("United Kingdom",)
    assert _about("Peru reported 40 cases that were confirmed in Lima.")[40] == ("Lima",)


def test_a_four_digit_count_after_a_total_of_is_no_year() -> None:
    text = (
        "Bulgaria's Chief Epidemiologist has stated that 634 cases of swine flu have been positively"
        " identified with a total of 1673 cases being tested."
    )
    an = analyze_text(text, published="2009-11-12")
    # before: 1673 a year, which dated the 634 cases (their place read "Bulgaria, 1673")
    assert not an.timexes
    assert _about(text)[634] == ("Bulgaria",)


def test_a_place_after_a_comma_and_a_numbered_clause_is_that_clauses() -> None:
    got = _about(
        "Mexico has recorded 48 H1N1 flu deaths, two have been reported in the US and Canadian officials"
        " said a woman died."
    )
    # before: the United States'
    assert got[48] == ("Mexico",)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Three people who returned from Mexico have died in Bulgaria.", ("deaths", "", "")),
        ("Three people who have been confirmed by the virus have died in Bulgaria.", ("deaths", "", "")),
        ("Two students who had been to Cancun tested positive in Peru.", ("cases", "", "")),
    ],
)
def test_the_verb_after_a_relative_clause_on_the_persons_counted_is_theirs(
    text: str, key: tuple[str, str, str]
) -> None:
    # before: no value (the window stopped at *who*)
    assert list(_keys(text).values()) == [key]


@pytest.mark.parametrize(
    "text",
    [
        "Tests are being carried out on 390 people in the UK who may have the H1N1 virus, the agency said.",
        "Twenty new patients in the UAE who were diagnosed with swine flu made full recoveries.",
    ],
)
def test_a_relative_clause_that_says_what_the_persons_are_keeps_its_reading(text: str) -> None:
    assert not [k for k in _keys(text).values() if k[0] in ("cases", "deaths")]


def test_a_partitive_of_which_is_no_relative_clause_on_another_noun() -> None:
    assert _about("The WHO has confirmed 1,200 cases worldwide, 800 of which are in Mexico.")[800] == (
        "Mexico",
    )


def test_a_countrys_initials_are_the_country_the_article_names() -> None:
    got = _about(
        "South Africa now has six confirmed swine flu deaths, with the official number of confirmed cases in"
        " SA at 2 844, the health ministry said on Monday. The institute confirmed three new cases in SA at"
        " the weekend."
    )
    # before: a place "SA" of its own
    assert got[2844] == ("South Africa",)
    assert got[3] == ("South Africa",)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "The number of confirmed cases worldwide ballooned to 9,830 with experts predicting as many as"
            " 100,000 in the U.S. are likely infected.",
            9830,
        ),
        ("Mexico has 300 cases, with officials expecting more.", 300),
    ],
)
def test_a_projection_in_an_absolute_clause_after_the_count_is_that_clauses(text: str, number: int) -> None:
    # before: a projection, no value
    assert _keys(text)[number][2] == ""
    assert _keys("The virus could infect 300 people, with children most at risk.")[300][2] == "projected"


def test_newly_on_the_counts_verb_group_makes_it_an_increment() -> None:
    assert _keys("In Paraguay, 45 people were newly diagnosed with the flu.")[45] == ("cases", "", "new")
    assert _keys("In Peru, 12 cases have been newly confirmed.")[12] == ("cases", "confirmed", "new")
    assert _keys("In Chile, 12 people were diagnosed.")[12] == ("cases", "", "")


def test_a_count_added_to_a_total_is_an_increment() -> None:
    assert _keys("Chile added 45 cases to its tally on Monday.")[45] == ("cases", "", "new")
    # *added* as a verb of saying puts nothing to a total
    assert _keys("The minister added 45 people had died in Peru.")[45] == ("deaths", "", "")


def test_both_gives_the_count_after_it_to_each_of_two_items() -> None:
    facts = article_facts(
        analyze_text(
            "Canada has 496 confirmed cases and Costa Rica nine cases, both with one death.",
            published="2009-05-17",
        ),
        None,
    )
    deaths = sorted(v.key.about for v in facts.quantities if v.key.thing == "deaths")
    # before: only Costa Rica's
    assert deaths == [("Canada",), ("Costa Rica",)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mexico and the United States have reported 42 and 2 deaths, respectively.",
            {42: ("Mexico",), 2: ("United States",)},
        ),
        (
            "Chile, Peru and Bolivia have 300, 200 and 100 cases respectively.",
            {300: ("Chile",), 200: ("Peru",), 100: ("Bolivia",)},
        ),
    ],
)
def test_respectively_pairs_the_numbers_with_the_places_in_order(
    text: str, expected: dict[int, tuple[str, ...]]
) -> None:
    # before: only the last number had a value, and no place
    got = _about(text)
    assert {n: got.get(n) for n in expected} == expected
