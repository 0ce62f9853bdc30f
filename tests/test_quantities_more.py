"""Quantities, issue 18: changes ("rose by three to 78", "from 20 to seven"), bracketed figures in lists
of counts ("Chile (412)"), and the bare second member of a change or a split ("... and one in Peru")."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from saidwhat.model import Quantity
from saidwhat.quantities import extract_quantities
from saidwhat.timex import extract_timexes


def run(nlp: Any, text: str) -> list[Quantity]:
    out = extract_quantities(nlp(text), [])
    for q in out:
        assert text[q.start : q.end] == q.text
    return out


def got(qs: list[Quantity]) -> list[tuple[str, int | float | None, str | None, str]]:
    return [(q.text, q.value, q.counts, q.kind) for q in qs]


# ---------------------------------------------------------------- 1. "by N to M" after a change


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll in the province rose by three to 78 on Friday.",
            [("three", 3, "dead", "count"), ("78", 78, "dead", "count")],
        ),
        (
            "The official number of measles cases in Wales increased by 22 to 530 this week.",
            [("22", 22, "measles cases", "count"), ("530", 530, "measles cases", "count")],
        ),
        (
            "Reported infections in the county were up by 12 to 160 on Monday.",
            [("12", 12, None, "count"), ("160", 160, None, "count")],
        ),
        (
            "Turnout fell by 5% to 40% in the last vote.",
            [("5%", 5, None, "percent"), ("40%", 40, None, "percent")],
        ),
    ],
)
def test_by_n_to_m_after_a_change_is_an_amount_and_a_total(nlp: Any, text: str, expected: list[Any]) -> None:
    qs = run(nlp, text)
    assert got(qs) == expected
    assert all(q.value_max is None for q in qs)


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high"),
    [
        # the unit written once after both numbers is shared: a range of the amount of the change
        ("The firm hopes its exports grew by 8 to 12 percent last year.", "8 to 12 percent", 8, 12),
        # a projected change is given as a range
        ("Admissions are expected to rise by 10 to 20 next week.", "10 to 20", 10, 20),
    ],
)
def test_by_n_to_m_that_is_a_range(nlp: Any, text: str, fragment: str, low: int, high: int) -> None:
    qs = [q for q in run(nlp, text) if q.value_max is not None]
    assert [(q.text, q.value, q.value_max, q.kind) for q in qs] == [(fragment, low, high, "range")]


# ---------------------------------------------------------------- "from N to M"


def test_from_to_after_a_change_is_the_old_and_the_new_value(nlp: Any) -> None:
    qs = run(nlp, "The toll rose from 10 to 20 deaths.")
    assert got(qs) == [("10", 10, "deaths", "count"), ("20 deaths", 20, "deaths", "count")]
    # "leapt" is tagged a noun by the small model: the word itself says the change
    qs = run(nlp, "Reported cases have leapt from 297 to 951.")
    assert [(q.value, q.value_max) for q in qs] == [(297, None), (951, None)]
    qs = run(nlp, "The water temperature rose from 10 to 20 degrees.")
    assert [(q.value, q.kind, q.unit) for q in qs] == [(10, "measure", "degree"), (20, "measure", "degree")]


@pytest.mark.parametrize(
    "text",
    [
        "From 10 to 20 soldiers were injured in the ambush.",
        "The army sent from 10 to 20 soldiers to the border.",
    ],
)
def test_from_to_without_a_change_is_a_range(nlp: Any, text: str) -> None:
    assert [(q.value, q.value_max, q.counts, q.kind) for q in run(nlp, text)] == [
        (10, 20, "soldiers", "range")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Stricter tests have cut the number of confirmed deaths in Chile from 20 to seven, they say.",
            [("20", 20, "confirmed deaths", "count"), ("seven", 7, "confirmed deaths", "count")],
        ),
        (
            "The death toll in the valley has gone from two to seven.",
            [("two", 2, "dead", "count"), ("seven", 7, "dead", "count")],
        ),
    ],
)
def test_a_number_word_in_a_change_is_kept_with_its_partners_counts(
    nlp: Any, text: str, expected: list[Any]
) -> None:
    assert got(run(nlp, text)) == expected


# ---------------------------------------------------------------- 3. the parts of a split


def test_the_second_part_of_a_split_is_kept(nlp: Any) -> None:
    qs = run(nlp, "So far 31 deaths have been reported -- 30 in Chile and one in Peru.")
    assert got(qs) == [
        ("31 deaths", 31, "deaths", "count"),
        ("30", 30, None, "count"),
        ("one", 1, None, "count"),
    ]
    qs = run(nlp, "Officials counted 12 in the north and three in the south.")
    assert [q.value for q in qs] == [12, 3]


@pytest.mark.parametrize(
    "text",
    [
        "No one came; the two remain apart, and one of the guards left.",
        "They trade with one another and the one in Paris.",
        "They moved from one to another.",
        "Only one in five residents and one in ten in the capital agreed.",
    ],
)
def test_pronoun_like_one_stays_out(nlp: Any, text: str) -> None:
    assert [q for q in run(nlp, text) if q.value == 1] == []


# ---------------------------------------------------------------- 2. bracketed figures in a list


@pytest.mark.parametrize(
    ("text", "values", "counts"),
    [
        (
            "Confirmed infections in Chile (412), Peru (38) and Norway (5) were reported on Monday.",
            [412, 38, 5],
            "Confirmed infections",
        ),
        (
            "Other nations with confirmed infections are Chile (12), Peru (8), Norway (5) and Iceland (2).",
            [12, 8, 5, 2],
            "confirmed infections",
        ),
        (
            "The agency also listed the following infections: Chile (7), Peru (6), Norway (4).",
            [7, 6, 4],
            "infections",
        ),
    ],
)
def test_a_bracketed_figure_after_a_name_is_a_value_of_the_lists_noun(
    nlp: Any, text: str, values: list[int], counts: str
) -> None:
    qs = run(nlp, text)
    assert [(q.value, q.counts, q.kind) for q in qs] == [(v, counts, "count") for v in values]
    assert all(q.text == str(q.value) for q in qs)  # the brackets are not part of the span


def test_a_list_noun_restricted_after_it_gives_no_counts(nlp: Any) -> None:
    # "infections confirmed by laboratories": the noun alone does not say what is counted
    qs = run(nlp, "Regions with infections confirmed by laboratories include Chile (93) and Peru (39).")
    assert [(q.value, q.counts) for q in qs] == [(93, None), (39, None)]


@pytest.mark.parametrize(
    "text",
    [
        "1. Free the hostages\n(2) Rebuild the town",
        "The plan has steps: (1) free the hostages, (2) rebuild the town.",
        "Smith (2009) found otherwise.",
        "The hospital (1) and the school (2) were hit.",
    ],
)
def test_item_markers_years_and_labels_in_brackets_are_no_values(nlp: Any, text: str) -> None:
    assert [q for q in run(nlp, text) if q.value in (1, 2, 2009)] == []


def test_a_bracketed_number_after_a_person_is_an_age(nlp: Any) -> None:
    qs = run(nlp, "John Smith (32) was arrested.")
    assert [(q.value, q.kind) for q in qs] == [(32, "age")]
    qs = run(nlp, "Cases rose in Chile (32) and Peru (12).")
    assert [q.kind for q in qs] == ["count", "count"]


# ---------------------------------------------------------------- scale suffixes the tokenizer splits


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        # British news writes millions as "m" after a currency amount; spaCy splits "100m" in two
        ("Mr Obama promised an immediate $100m for Haiti's relief effort.", "$100m", 100_000_000, "USD"),
        ("The UN is releasing $10m (£6m) from its fund.", "£6m", 6_000_000, "GBP"),
        ("The government has given £6.15 m to the relief effort.", "£6.15 m", 6_150_000, "GBP"),
        ("The US spends $8.9 bn of the aid money.", "$8.9 bn", 8_900_000_000, "USD"),
        ("A US$3m grant was approved.", "US$3m", 3_000_000, "USD"),
        ("He won £20k in the draw.", "£20k", 20_000, "GBP"),
        ("The studio paid $5M for the rights.", "$5M", 5_000_000, "USD"),
        # the full stop after the suffix ends the sentence and is no part of the amount
        ("The government will triple its aid to £20m.", "£20m", 20_000_000, "GBP"),
    ],
)
def test_a_scale_suffix_after_a_currency_amount_multiplies_it(
    nlp: Any, text: str, fragment: str, value: int, unit: str
) -> None:
    q = next(q for q in run(nlp, text) if q.text == fragment)
    assert (q.value, q.unit, q.kind) == (value, unit, "money")


@pytest.mark.parametrize(
    "text", ["He ran the 100m in ten seconds.", "They built a 20m wall.", "The shop at £50 M Street closed."]
)
def test_a_bare_m_after_digits_is_no_million(nlp: Any, text: str) -> None:
    assert all(q.value is not None and q.value < 1000 for q in run(nlp, text))


def test_the_age_of_n_is_an_age(nlp: Any) -> None:
    qs = run(nlp, "Robin Cook, who has died suddenly at the age of 59, was a politician.")
    assert [(q.text, q.kind, q.unit, q.counts) for q in qs] == [("age of 59", "age", "year", None)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Those who died were typically aged between 10 and 50.", "aged between 10 and 50"),
        ("The pupils, aged from 5 to 18, were sent home.", "aged from 5 to 18"),
        ("Patients aged 10 to 50 were treated.", "aged 10 to 50"),
    ],
)
def test_a_range_after_a_word_of_age_is_a_range_of_ages(nlp: Any, text: str, span: str) -> None:
    # before: a range counted nothing ("between 10 and 50"), or "aged 10" an age and "50" a count
    qs = run(nlp, text)
    assert [(q.text, q.kind, q.unit, q.counts) for q in qs] == [(span, "age", "year", None)]
    # a range without a word of age still counts
    assert [q.kind for q in run(nlp, "Between 10 and 50 people died.")] == ["range"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Most of the dead are between 25 and 45, officials said.", "between 25 and 45"),
        ("Nearly 80% of those who died were between 20 and 54, the department said.", "between 20 and 54"),
        ("The victims were mostly between 18 and 30.", "between 18 and 30"),
    ],
)
def test_a_range_a_copula_gives_to_the_dead_is_their_ages(nlp: Any, text: str, span: str) -> None:
    # before: a range of people, which the claims read as deaths
    ages = [q for q in run(nlp, text) if q.text == span]
    assert [(q.kind, q.unit, q.counts) for q in ages] == [("age", "year", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The number of deaths is between 20 and 30.",
        "The dead were between 20 and 30 people.",
        "Between 25 and 45 people are dead.",
    ],
)
def test_a_range_a_copula_gives_to_a_total_or_before_a_noun_is_a_count(nlp: Any, text: str) -> None:
    assert [q.kind for q in run(nlp, text)] == ["range"]


def test_a_dot_before_three_digits_of_a_plural_count_separates_thousands(nlp: Any) -> None:
    qs = run(nlp, "The count includes 5.123 cases in the US, while 20.000 people are dying per day.")
    # before: 5.123 and 20.0 as decimals
    assert [(q.value, q.counts) for q in qs] == [(5123, "cases"), (20000, "people")]
    # a decimal before a singular, or with other than three digits, stays a decimal
    assert [q.value for q in run(nlp, "The index rose 2.5 points.")] == [2.5]
    assert 1473 not in [q.value for q in run(nlp, "($1 = 1.473 Singapore dollar)")]


def test_the_noun_of_a_total_right_after_its_number_is_what_it_counts(nlp: Any) -> None:
    text = (
        "Nineteen more people have been infected, bringing to 111 the total number of confirmed cases in"
        " the Philippines, the Department of Health said."
    )
    # before: 111 counted nothing (the total's noun stood after the number)
    assert [(q.text, q.counts) for q in run(nlp, text) if q.value == 111] == [("111", "confirmed cases")]
    # whatever the parse makes of the shifted object: here it reads "the total number" as the subject of
    # "said" (before session 29, 111 counted nothing in this wording of the same sentence)
    text = (
        "Nineteen more people have been infected with influenza A(H1N1) virus, bringing to 111 the total"
        " number of confirmed cases in the Philippines, the Department of Health (DOH) said Saturday."
    )
    assert [(q.text, q.counts) for q in run(nlp, text) if q.value == 111] == [("111", "confirmed cases")]
    text = "Two more people died, bringing to 20 the death toll in Mexico."
    assert [(q.text, q.counts) for q in run(nlp, text) if q.value == 20] == [("20", "dead")]


def test_a_level_a_figure_reaches_counts_the_figure(nlp: Any) -> None:
    text = "The number of global swine flu deaths surged past the 10,000 mark, the WHO announced on Friday."
    # before: 10,000 counted "mark"
    qs = [q for q in run(nlp, text) if q.value == 10000]
    assert [(q.text, q.counts) for q in qs] == [("10,000 mark", "global swine flu deaths")]


def test_a_number_word_after_a_toll_verb_stands_for_its_gapped_object(nlp: Any) -> None:
    text = "The virus has killed at least 60 people in Mexico and infected seven in the United States."
    # before: "seven" was read as a pronoun-like number and dropped
    assert [(q.text, q.value) for q in run(nlp, text)] == [("at least 60 people", 60), ("seven", 7)]
    # a number word after such a verb with no quantity before it is still none
    assert run(nlp, "The virus infected seven in the United States.") == []


def test_the_object_of_a_verb_of_reaching_gives_the_total_of_its_clause(nlp: Any) -> None:
    text = (
        "Over the past week the number of people infected by the virus has risen sharply, going up by around"
        " 1,000 a day since Monday to reach 8,451 on Saturday."
    )
    # before: 8,451 counted nothing (the object of "reach", not a preposition's)
    assert [(q.text, q.counts) for q in run(nlp, text) if q.value == 8451] == [("8,451", "people infected")]
    # a subject of its own is not the total's clause
    assert [q.counts for q in run(nlp, "The number of cases rose as Mexico reached 1,000 tests.")][
        -1
    ] == "tests"
    # a dateline the parser reads as a second subject of the total's clause is not its own subject
    text = (
        "GENEVA, Dec. 11 (Xinhua) -- The death toll of A/H1N1 influenza continues to increase worldwide,"
        " reaching at least 9,596 by Dec. 6, the World Health Organization (WHO) said in a latest update on"
        " Friday."
    )
    # before session 29: 9,596 counted nothing
    assert [q.counts for q in run(nlp, text) if q.value == 9596] == ["dead"]


def test_a_word_glued_to_a_number_is_split_off(nlp: Any) -> None:
    # a page's markup lost the space: the word and the number are two tokens, and the number is read
    text = "The WHO said the number of lab confirmed cases is now over318,925. The toll rose to1,000."
    qs = run(nlp, text)
    # before: neither number was read (the chunk "over318,925" had no shape of a number)
    got = [(q.text, q.value, q.qualifier) for q in qs]
    assert got == [("over318,925", 318925, "over"), ("1,000", 1000, None)]
    assert qs[1].counts == "dead"
    # names that end in digits stay whole
    assert [t.text for t in nlp("H1N1 and G20 and A1")] == ["H1N1", "and", "G20", "and", "A1"]


def test_a_figure_with_a_total_is_not_the_totals_value(nlp: Any) -> None:
    text = "The WHO said. • Suspected death toll in Mexico now 149 with 1,600 ill\n• EU warns against travel"
    # before: in a bullet, 1,600 was read as the value of the toll: a count of the dead
    assert [q.counts for q in run(nlp, text) if q.value == 1600] == [None]
    # a part the total includes is of the total's noun
    text = "Since May 1, the department has monitored a total of 240 cases, including the 16 confirmed."
    assert [q.counts for q in run(nlp, text) if q.value == 16] == ["cases"]


def test_a_totals_value_written_as_four_digits_is_no_year(nlp: Any) -> None:
    text = "With this, the total number of positive cases has mounted to 1707 across the country."
    # before: rejected as a year (and the timexes read it as one)
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(1707, "positive cases")]
    assert [(q.value, q.counts) for q in run(nlp, "The toll rose to 1200 on Monday.")] == [(1200, "dead")]
    # a year-like number of no total stays none
    assert run(nlp, "It rose in 1999.") == []


def test_a_whole_after_of_is_a_count_unless_a_ratios_base(nlp: Any) -> None:
    text = "The child - one of 91 cases of swine flu in the US - had been visiting relatives."
    # before: 91 was read as the denominator of a ratio and dropped
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(91, "cases")]
    # a power of ten or five and under is the base of a proportion
    got = [q.value for q in run(nlp, "Eight of 10 voters agreed, and two of three Americans did.")]
    assert 10 not in got and 3 not in got
    assert 100 not in [q.value for q in run(nlp, "Some 99 of 100 doctors agree.")]
    # after "out of" the whole stays the base of a proportion
    assert 20 not in [q.value for q in run(nlp, "The CDC said 19 out of 20 cases go unrecorded.")]


def test_thousands_set_apart_by_a_space_are_one_number(nlp: Any) -> None:
    text = "The total number of confirmed cases now stands at 2 844, the department said. Some 12 500 people."
    # before: 2 and 844 (SI style: a space between groups of three digits)
    assert [q.value for q in run(nlp, text)] == [2844, 12500]
    # a phone number's groups, and two counts, stay apart
    assert 900 not in [q.value for q in run(nlp, "Call 0370 60 60 900 now.")]
    assert [q.value for q in run(nlp, "He scored 2 goals in 3 games.")] == [2, 3]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # before: "laboratory" (the parse makes it the subject of "confirmed")
        (
            "The United States has reported 642 laboratory confirmed human cases.",
            "laboratory confirmed human cases",
        ),
        # before: no counts at all (the noun was not linked to the number)
        ("Canada has 165 laboratory-confirmed cases.", "laboratory-confirmed cases"),
        ("Mexico has 7 flu-related deaths.", "flu-related deaths"),
        ("Spain has 20 lab confirmed cases.", "lab confirmed cases"),
    ],
)
def test_a_noun_before_a_participle_is_half_of_a_compound_adjective(nlp: Any, text: str, counts: str) -> None:
    assert [q.counts for q in run(nlp, text)] == [counts]


def test_a_plural_noun_before_a_participle_is_what_is_counted(nlp: Any) -> None:
    # a plural noun after a number above one is the counted noun, whatever follows it
    assert [q.counts for q in run(nlp, "The 12 states reported cases.")] == ["states"]
    assert [q.counts for q in run(nlp, "Officials found 12 people killed in the attack.")] == ["people"]


def test_a_list_of_places_counts_what_the_places_have(nlp: Any) -> None:
    text = (
        "The following countries have reported laboratory confirmed cases with no deaths: "
        "Austria (1), Canada (165), China (1)."
    )
    # before: Austria's figure was an age (the tagger took Austria for a person), the others
    # counted "countries"
    got = [(q.kind, q.value, q.counts) for q in run(nlp, text)]
    assert got == [
        ("count", 1, "confirmed cases"),
        ("count", 165, "confirmed cases"),
        ("count", 1, "confirmed cases"),
    ]
    text = "Countries with confirmed deaths: Mexico (45), United States (2)."
    assert [q.counts for q in run(nlp, text)] == ["confirmed deaths", "confirmed deaths"]
    # a person's bracketed number stays an age
    assert [q.kind for q in run(nlp, "The victim, John Smith (32), was treated.")] == ["age"]


def test_a_noun_after_no_is_never_what_a_list_counts(nlp: Any) -> None:
    text = (
        "The following countries have reported laboratory confirmed cases with no deaths – "
        "Austria (1), Canada (165), China (1)."
    )
    # before: the parse hangs the list on "no deaths", and the figures counted deaths
    assert [q.counts for q in run(nlp, text)] == ["confirmed cases"] * 3


def test_a_verb_of_dying_the_tagger_read_as_a_noun_counts_the_dead(nlp: Any) -> None:
    # before: "die" and "succumb" were the nouns counted (headline style: no subject noun)
    assert [q.counts for q in run(nlp, "Two more die of swine flu in Argentina.")] == ["dead"]
    assert [q.counts for q in run(nlp, "Three more succumb to swine flu in Pune.")] == ["dead"]


def test_ones_stands_for_the_noun_of_the_count_before_it(nlp: Any) -> None:
    got = [q.counts for q in run(nlp, "Peru has 40 probable cases and 12 confirmed ones.")]
    # before: "confirmed ones"
    assert got == ["probable cases", "confirmed cases"]
    # only in its sentence
    got = [q.counts for q in run(nlp, "Peru has 40 probable cases. Chile has 12 confirmed ones.")]
    assert got == ["probable cases", "confirmed ones"]


def test_half_a_dozen_is_six(nlp: Any) -> None:
    text = "Half a dozen new cases were confirmed. Half a million people were infected. A dozen died."
    # before: 12 (the number started at the article) and no value for half a million
    assert [q.value for q in run(nlp, text)] == [6, 500000, 12]
    assert run(nlp, "He ate half a pie.") == []


def test_a_count_right_after_a_dates_day_is_a_count(nlp: Any) -> None:
    # before: "11 100" was read as one number set apart by a space inside the date, then dropped
    text = "On June 11 100 new cases were reported in Chile."
    doc = nlp(text)
    qs = extract_quantities(doc, extract_timexes(doc, date(2009, 6, 12), text=text))
    assert [(q.value, q.counts) for q in qs] == [(100, "new cases")]
    # a run of bare numbers outside a date stays an identifier
    assert run(nlp, "Call 202 555 0100 now.") == []


# ---------------------------------------------------------------- session 31: outside copy's forms


def test_a_number_set_off_after_a_place_is_no_age(nlp: Any) -> None:
    # before: "in Britain, 34." was an age, as "John Smith, 34," is
    qs = run(nlp, "In Canada, there are now 201 confirmed cases; in Britain, 34.")
    assert [(q.value, q.kind) for q in qs] == [(201, "count"), (34, "count")]
    assert [q.kind for q in run(nlp, "Police named the victim as John Smith, 34.")] == ["age"]
    assert [q.kind for q in run(nlp, "The boy's mother, Maria Lopez, 29, said he was fine.")] == ["age"]
    # names NER takes for places are still persons' (Timeline17's IraqWar articles)
    assert [q.kind for q in run(nlp, "It cheered the likes of Talab Hadi, 38, a horticulturist.")] == ["age"]
    assert [q.kind for q in run(nlp, "Corporal Ian Malone, of Dublin, 28, was a member.")] == ["age"]


def test_a_figure_after_a_lines_label_counts_the_labels_noun(nlp: Any) -> None:
    text = "Swine flu in numbers\nConfirmed cases in Britain: 339\nDeaths: 7\nPeru: 3 cases"
    # before: the two figures counted nothing
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (339, "Confirmed cases"),
        (7, "Deaths"),
        (3, "cases"),
    ]
    # a clause before a colon is no label, nor a place's name, nor a singular noun
    text = "The ministry gave the following figures for the regions of the country: 339 in the north."
    assert [q.counts for q in run(nlp, text)] == [None]
    assert [q.counts for q in run(nlp, "Total: 12")] == [None]


def test_up_to_after_a_verb_of_rising_is_its_particle_not_a_bound(nlp: Any) -> None:
    # before: "up to 12", a bound ("at most 12")
    assert [(q.text, q.qualifier) for q in run(nlp, "The toll has gone up to 12.")] == [("12", None)]
    assert [(q.text, q.qualifier) for q in run(nlp, "The virus killed up to 159 people.")] == [
        ("up to 159 people", "up to")
    ]


def test_a_tables_figures_count_their_columns_headings(nlp: Any) -> None:
    text = "Cases by country\nCountry Cases Deaths\nMexico 2,059 56\nUnited States 896 2\nCanada 214 100"
    # before: "Mexico 2,059" was an identifier, "214 100" one number, and no figure counted anything
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (2059, "Cases"),
        (56, "Deaths"),
        (896, "Cases"),
        (2, "Deaths"),
        (214, "Cases"),
        (100, "Deaths"),
    ]
    text = "Country\tConfirmed cases\tDeaths\nMexico\t2,059\t56"
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(2059, "Confirmed cases"), (56, "Deaths")]
    # no header of plurals, no table: a run of numbers is an identifier still
    assert run(nlp, "Flight numbers\nFlight 202 555") == []


def test_a_header_flattened_to_single_spaces_keeps_its_columns_labels(nlp: Any) -> None:
    # a web table stored as text: the header's cells lose their borders ("Total Confirmed Cases" is one
    # cell, "Country" the rows' names), a rate column and a bracketed date of a figure stand in the rows
    text = (
        "Country Deaths Total Confirmed Cases Mortality rate(%)\n"
        "Hong Kong 4 6,417 0.0623\n"
        "Indonesia 3 812 (11 Aug) 0.3695\n"
        "New Zealand 14 2,984 (11 Aug) 0.469"
    )
    # before: the seven words were seven cells, no figure counted anything and "4", "6,417" were
    # identifiers (a number after a name)
    got = [(q.value, q.counts) for q in run(nlp, text)]
    assert got[:6] == [
        (4, "Deaths"),
        (6417, "Total Confirmed Cases"),
        (0.0623, "Mortality rate"),  # a rate's column counts its rate, no case
        (3, "Deaths"),
        (812, "Total Confirmed Cases"),
        (0.3695, "Mortality rate"),
    ]
    # a header whose words make no column of counts is no table's: a run of numbers is an identifier
    assert run(nlp, "Flight numbers and gates\nFlight 202 555") == []


def test_a_number_word_before_of_them_is_a_partitive_count(nlp: Any) -> None:
    text = "Vietnam confirmed 13 more cases on June 27, seven of them in Hanoi."
    # before: "seven" was dropped as pronoun-like, and the 13 took Hanoi for its place
    assert [q.value for q in run(nlp, text)] == [13, 7]
    assert [q.value for q in run(nlp, "Seven of those were in Hanoi.")] == [7]
    # "one of" stays a pronoun's phrase
    assert run(nlp, "One of them was in Hanoi.") == []


def test_the_definite_two_of_them_is_no_partitive_count(nlp: Any) -> None:
    # before (session 34's partitive): "the two of them" was a count of two, a value of cases in claims
    assert run(nlp, "The two of them went home on Monday.") == []
    assert run(nlp, "All three of those were discharged.") == []


def test_a_number_word_that_gives_a_totals_value_is_a_count(nlp: Any) -> None:
    # before: "three" was dropped as pronoun-like (the total names no thing), where "3" was kept
    text = "Two cases were confirmed in Guatemala, bringing the total to three."
    assert [q.value for q in run(nlp, text)] == [2, 3]
    assert [q.value for q in run(nlp, "One new case was found, bringing the total number to five.")] == [1, 5]
    # a number that picks one out of a set is no value of the total
    assert run(nlp, "The total is one of the highest.") == []


def test_a_counts_object_with_its_noun_left_out_counts_the_noun_before(nlp: Any) -> None:
    # before: "six" was dropped as pronoun-like and "95" counted nothing
    text = "Jamaica now has 13 cases while the Bahamas is reporting six."
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(13, "cases"), (6, "cases")]
    text = "Britain has confirmed 47 suspected cases and Spain has confirmed 95."
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(47, "suspected cases"), (95, "suspected cases")]
    # no count before it in its sentence: a number word alone stays a pronoun's
    assert run(nlp, "The Bahamas is reporting six.") == []


def test_a_number_after_a_totals_copula_counts_what_the_total_counts(nlp: Any) -> None:
    # before: "six" was dropped as pronoun-like (a small number word that counted nothing)
    text = "New Zealand's confirmed number of deaths from swine flu is six."
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(6, "deaths")]
    assert [(q.value, q.counts) for q in run(nlp, "The death toll is six.")] == [(6, "dead")]
    # a subject that is no total gives nothing
    assert run(nlp, "The problem is two.") == []


def test_a_number_with_its_own_modifier_shares_the_noun_of_the_next(nlp: Any) -> None:
    # before: "12" and "5" counted nothing
    got = [(q.value, q.counts) for q in run(nlp, "There are 12 suspected and 5 confirmed cases in Peru.")]
    assert got == [(12, "suspected cases"), (5, "confirmed cases")]
    got = [(q.value, q.counts) for q in run(nlp, "Peru has 5 confirmed and 12 suspected cases.")]
    assert got == [(5, "confirmed cases"), (12, "suspected cases")]
    # the next number's noun needs a modifier of its own to be shared
    assert [q.counts for q in run(nlp, "Officials found 12 suspected and 5 cases.")][:1] == [None]


def test_indian_digit_grouping_is_one_number(nlp: Any) -> None:
    # before: "1,07,000" was no number at all
    assert [(q.value, q.counts) for q in run(nlp, "India has reported 1,07,000 cases.")] == [
        (107000, "cases")
    ]
    assert [q.value for q in run(nlp, "The toll passed 13,370, and 1,00,000 were tested.")] == [13370, 100000]


def test_a_day_of_deixis_is_no_noun_counted(nlp: Any) -> None:
    # before: "confirmed today" and "died yesterday" were the nouns counted
    assert [q.counts for q in run(nlp, "Britain has 27 cases, with a further 9 confirmed today.")] == [
        "cases",
        None,
    ]
    assert [q.counts for q in run(nlp, "Mexico said 5 died yesterday.")] == ["dead"]
    # AP's weekday without "on": the count was taken for a name ("358 Tuesday") and dropped
    assert [q.value for q in run(nlp, "Cases jumped to 358 Tuesday, officials said.")] == [358]


def test_a_virus_code_before_a_noun_modifies_it(nlp: Any) -> None:
    # before: the parse split "A/H1N1" and "A(H1N1)" at random: "two more influenza" was counted, and
    # "two more A/H1N1 death cases" and "45 more A/H1N1 flu cases" counted nothing
    text = "Turkey reported two more influenza A/H1N1 death cases in the past 24 hours."
    assert [q.counts for q in run(nlp, text)] == ["influenza A/H1N1 death cases"]
    assert [q.counts for q in run(nlp, "Vietnam confirmed 45 more A/H1N1 flu cases.")] == ["A/H1N1 flu cases"]
    assert [q.counts for q in run(nlp, "Thailand has 1,209 Influenza A(H1N1) cases.")] == [
        "Influenza A(H1N1) cases"
    ]
    # a code that ends its phrase is still what the parse counted
    text = "The ministry confirmed a further 7 H1N1, or Swine flu, deaths in the country."
    assert [q.counts for q in run(nlp, text)] == ["H1N1"]


def test_one_in_every_n_is_a_ratio(nlp: Any) -> None:
    # before: "37 confirmed cases" was a count
    assert run(nlp, "One in every 37 confirmed cases in Argentina has been fatal.") == []
    assert [q.value for q in run(nlp, "In every 10 cases, 3 died.")] == [10, 3]


def test_a_lists_lines_count_what_its_heading_names(nlp: Any) -> None:
    text = (
        "The following countries have reported laboratory confirmed cases with no deaths:\n"
        "Austria 1\nCanada 165\nMexico 822 (29 deaths)"
    )
    # before: "Austria 1" and "Canada 165" were identifiers, and 822 counted nothing
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (1, "laboratory confirmed cases"),
        (165, "laboratory confirmed cases"),
        (822, "laboratory confirmed cases"),
        (29, "deaths"),
    ]
    text = "Confirmed cases by country:\nMexico: 1,112\nUnited States - 896"
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (1112, "Confirmed cases"),
        (896, "Confirmed cases"),
    ]
    text = "Countries with confirmed cases:\n* Mexico (1,112)\n* United States (896)"
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (1112, "confirmed cases"),
        (896, "confirmed cases"),
    ]
    # a list's lines may stand a blank line apart
    text = "Confirmed cases by country:\n\nMexico: 1,112\n\nCanada: 214"
    assert [(q.value, q.counts) for q in run(nlp, text)] == [
        (1112, "Confirmed cases"),
        (214, "Confirmed cases"),
    ]
    # a list in one sentence: each item a country's name and a figure after the heading's colon
    text = "Countries with confirmed cases: Mexico 1,112, United States 896, Canada 214."
    got = [(q.value, q.counts) for q in run(nlp, text)]
    assert got == [(1112, "confirmed cases"), (896, "confirmed cases"), (214, "confirmed cases")]
    assert run(nlp, "The flights were: Apollo 11, Flight 93.") == []
    # one line is no list, and a heading needs its colon
    assert run(nlp, "Confirmed cases by country:\nFlight 202") == []
    assert [q.counts for q in run(nlp, "Confirmed cases by country\nMexico: 1,112\nCanada: 214")] == [
        None,
        None,
    ]


def test_indian_scale_words_multiply(nlp: Any) -> None:
    # before: "1.5 lakh" was 1.5 lakhs counted
    got = [(q.value, q.counts) for q in run(nlp, "The number of swine flu cases in India rose to 1.5 lakh.")]
    assert got == [(150000, "swine flu cases")]
    assert [(q.value, q.counts) for q in run(nlp, "India has 14 lakh doses of vaccine.")] == [
        (1400000, "doses")
    ]
    assert [q.value for q in run(nlp, "The state has set aside 200 crore for hospitals.")] == [2000000000]


def test_a_number_spelled_out_and_restated_in_digits_is_one_number(nlp: Any) -> None:
    text = "The Department of Health confirmed five (5) new cases of A(H1N1) in the Philippines."
    # before: neither number was a quantity (a bare "five", and "(5)" bracketed after no name)
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(5, "new cases")]
    assert [(q.value, q.counts) for q in run(nlp, "Twenty-one (21) people had died.")] == [(21, "people")]
    # digits that restate another number are no restatement
    assert [q.value for q in run(nlp, "Five (6) people had died.")] != [5]


def test_a_plus_sign_glued_to_a_number_is_its_plus(nlp: Any) -> None:
    # before: "10,000+" was no number
    got = [(q.value, q.qualifier, q.counts) for q in run(nlp, "Mexico has 10,000+ confirmed cases.")]
    assert got == [(10000, "plus", "confirmed cases")]
    assert [q.value for q in run(nlp, "Mexico has 10,000 + 500 cases.")] == [10000, 500]


def test_an_m_attached_before_a_plural_noun_is_a_million(nlp: Any) -> None:
    # before: "12m doses" was 12 metres of doses, "5m euros" no quantity at all and "50m people" 50
    got = [(q.value, q.unit, q.counts) for q in run(nlp, "The US is releasing 12m doses of the drug.")]
    assert got == [(12_000_000, None, "doses")]
    assert [(q.value, q.unit) for q in run(nlp, "The EU gave 5m euros in aid.")] == [(5_000_000, "EUR")]
    assert [q.value for q in run(nlp, "The 1918 flu killed more than 50m people.")] == [50_000_000]
    # metres measure lengths, not plural counts: an m before an adjective or a preposition stays one
    assert [q.value for q in run(nlp, "An area 50m by 200m was closed.")] == [50, 200]


def test_half_joined_by_a_hyphen_halves_the_word_after_it(nlp: Any) -> None:
    # before: "a half-dozen" was a dozen, and "a half-million" no number
    got = [(q.value, q.counts) for q in run(nlp, "It spread to at least a half-dozen other countries.")]
    assert got == [(6, "countries")]
    assert [q.value for q in run(nlp, "A half-million people were infected.")] == [500_000]


def test_a_number_word_a_count_rose_to_is_a_count(nlp: Any) -> None:
    # before: "six" and "five" were dropped as pronoun-like (no total noun names them)
    text = "Uruguay's confirmed cases went up to six when its health authorities reported four new cases."
    assert [q.value for q in run(nlp, text)] == [6, 4]
    assert [q.value for q in run(nlp, "Paraguay's confirmed cases rose to five.")] == [5]
    text = "Two women have died, putting the total fatality of the virus to eight."
    assert [q.value for q in run(nlp, text)] == [2, 8]
    # *one* stays a pronoun's
    assert run(nlp, "His hopes rose to one.") == []


def test_an_m_attached_before_a_race_is_metres(nlp: Any) -> None:
    # before: "the 100m hurdles" was a hundred million hurdles
    got = [q.value for q in run(nlp, "She won the 100m hurdles.")]
    assert got == [100]
    # a plural count stays a million
    assert [q.value for q in run(nlp, "She won 100m fans.")] == [100_000_000]


def test_a_totals_noun_after_an_unhyphenated_compound_modifier(nlp: Any) -> None:
    # before: "laboratory" (the parser's object of "number of") was the counted noun
    text = "Officials raised the total number of laboratory confirmed cases in Canada to 719."
    assert [(q.value, q.counts) for q in run(nlp, text)] == [(719, "laboratory confirmed cases")]


def test_a_tolls_modifier_may_say_it_counts_cases(nlp: Any) -> None:
    # before: every toll counted the dead ("confirmation toll": 42 deaths)
    got = [q.counts for q in run(nlp, "South Korea's A/H1N1 flu confirmation toll stands at 42.")]
    assert got == ["confirmed cases"]
    assert [q.counts for q in run(nlp, "The infection toll rose to 900.")] == ["infections"]
    assert [q.counts for q in run(nlp, "The death toll rose to 140.")] == ["dead"]


def test_a_four_digit_count_after_a_verb_or_a_tallys_label_is_no_year(nlp: Any) -> None:
    # before: both were rejected as years (a WHO update and a fact box's line)
    text = "Mexico has reported 2059 laboratory confirmed human cases of infection, including 56 deaths."
    assert [q.value for q in run(nlp, text)] == [2059, 56]
    text = "  • Canada – total cases 1118, total deaths 2"
    assert [q.value for q in run(nlp, text)] == [1118, 2]
    # a year stays one: after a preposition, or after a determiner that makes it a modifier
    assert run(nlp, "It rose in 1999.") == []
    assert 2008 not in [q.value for q in run(nlp, "The report covered the 2008 deaths.")]


def test_a_four_digit_number_before_a_name_after_a_verb_stays_a_year(nlp: Any) -> None:
    # a plural proper noun is a name, no counted noun ("were married 1907 Manledd Chapel Llanidloes")
    text = "They were married 1907 Manledd Chapel Llanidloes and moved to Australia."
    assert 1907 not in [q.value for q in run(nlp, text)]


def test_a_bound_a_copula_gives_to_people_is_their_age(nlp: Any) -> None:
    # before: "under 18" was a count of 18 (a value of Peru's cases)
    text = "In Peru, 75 percent of those infected are under 18, and most victims were over 60."
    assert [(q.value, q.kind) for q in run(nlp, text) if q.value in (18, 60)] == [(18, "age"), (60, "age")]
    # a total's bound and a bound of people counted stay counts
    assert [q.kind for q in run(nlp, "The death toll is over 100.")] == ["count"]
    assert [q.kind for q in run(nlp, "The dead were over 100 people.")] == ["count"]


def test_numbers_joined_to_an_age_are_ages(nlp: Any) -> None:
    # before: 27, 12 and 40 were counts (27 a value of deaths)
    text = "Two pregnant women aged 23 and 27 died. Victims aged 5, 12 and 40 were treated."
    assert [(q.value, q.kind) for q in run(nlp, text) if q.value != 2] == [
        (23, "age"),
        (27, "age"),
        (5, "age"),
        (12, "age"),
        (40, "age"),
    ]
    # a number with a noun of its own is a count
    got = [(q.value, q.kind) for q in run(nlp, "A man aged 40 and 20 children died.")]
    assert (20, "count") in got
