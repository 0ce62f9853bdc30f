"""Quantities: values, what they count, kinds, qualifiers, and what is never a quantity."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.model import Quantity, Timex
from saidwhat.quantities import extract_quantities
from saidwhat.quantities.lexicon import load_lexicon, parse_numeral, parse_words


def run(nlp: Any, text: str, timexes: list[Timex] | None = None) -> list[Quantity]:
    out = extract_quantities(nlp(text), timexes or [])
    for q in out:
        assert text[q.start : q.end] == q.text
    return out


def one(qs: list[Quantity], fragment: str) -> Quantity:
    found = [q for q in qs if fragment in q.text]
    assert len(found) == 1, f"{fragment!r}: {qs}"
    return found[0]


# ---------------------------------------------------------------- samples


def test_sample000_quantities(nlp: Any, sample_000: str) -> None:
    qs = run(nlp, sample_000)
    q = one(qs, "84,000")
    assert (q.value, q.counts, q.kind) == (84000, "Palestinians", "count")
    q = one(qs, "three")
    assert (q.value, q.counts, q.text) == (3, "criminal cases", "three criminal cases")
    q = one(qs, "billions")
    assert (q.kind, q.unit, q.qualifier, q.value) == ("money", "USD", "at least", 1_000_000_000)
    assert not [q for q in qs if q.value in (2019, 2025, 29)], qs


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Israel will free 250 additional Palestinian prisoners.", "Palestinian prisoners"),
        ("Hamas holds 28 deceased hostages.", "deceased hostages"),
    ],
)
def test_counts_leave_out_state_words_but_keep_kinds(nlp: Any, text: str, counts: str) -> None:
    assert [q.counts for q in run(nlp, text)] == [counts]


def test_sample002_quantities(nlp: Any, sample_002: str) -> None:
    qs = run(nlp, sample_002)
    q = one(qs, "48")
    # as in the saidwhat/1 contract: "remaining" is left out of `counts` (the same count as "48
    # hostages remain"); the span keeps it
    assert (q.value, q.counts, q.text) == (48, "hostages", "48 remaining hostages")
    q = one(qs, "1,700")
    assert (q.value, q.counts, q.qualifier, q.text) == (
        1700,
        "detainees",
        "more than",
        "more than 1,700 detainees",
    )
    q = one(qs, "250")
    assert (q.value, q.counts) == (250, "inmates")
    q = one(qs, "20-point")
    assert (q.value, q.kind, q.unit, q.counts) == (20, "measure", "point", "framework")
    q = one(qs, "two sides")
    assert (q.value, q.counts) == (2, "sides")
    firsts = [q for q in qs if q.kind == "ordinal"]
    assert firsts and all((q.value, q.counts) == (1, "phase") for q in firsts)
    assert not [q for q in qs if q.value in (7, 2023)], qs


# ---------------------------------------------------------------- cases


@pytest.mark.parametrize(
    ("text", "fragment", "value", "kind", "unit", "counts", "qualifier", "value_max"),
    [
        (
            "Israel released 1,700 Palestinian detainees.",
            "1,700",
            1700,
            "count",
            None,
            "Palestinian detainees",
            None,
            None,
        ),
        ("They found three criminal cases.", "three", 3, "count", None, "criminal cases", None, None),
        (
            "About two hundred thousand people marched.",
            "two hundred",
            200000,
            "count",
            None,
            "people",
            "About",
            None,
        ),
        ("The fund holds $5 million.", "$5", 5_000_000, "money", "USD", None, None, None),
        ("The plan costs €3bn.", "€3bn", 3_000_000_000, "money", "EUR", None, None, None),
        ("He paid 300 shekels.", "300", 300, "money", "ILS", None, None, None),
        ("Turnout was 45 percent.", "45", 45, "percent", "%", None, None, None),
        ("Nearly 45% of voters stayed home.", "45%", 45, "percent", "%", "voters", "Nearly", None),
        ("Between 10 and 20 soldiers were hurt.", "10", 10, "range", None, "soldiers", None, 20),
        ("Some 10-20 soldiers were hurt.", "10-20", 10, "range", None, "soldiers", "Some", 20),
        (
            "It will cost between 10 and 20 million dollars.",
            "10",
            10_000_000,
            "range",
            "USD",
            None,
            None,
            20_000_000,
        ),
        ("At least 12 people died.", "12", 12, "count", None, "people", "At least", None),
        ("Up to 300 trucks may enter.", "300", 300, "count", None, "trucks", "Up to", None),
        ("The first phase starts now.", "first", 1, "ordinal", None, "phase", None, None),
        ("A dozen soldiers left.", "dozen", 12, "count", None, "soldiers", None, None),
        ("The road is 5 km long.", "5 km", 5, "measure", "km", None, None, None),
        (
            "Israel will free 250 inmates serving life sentences.",
            "250",
            250,
            "count",
            None,
            "inmates",
            None,
            None,
        ),
        ("The army moved 2.5 million people.", "2.5", 2_500_000, "count", None, "people", None, None),
        ("Israel sent 2000 troops.", "2000", 2000, "count", None, "troops", None, None),
    ],
)
def test_cases(
    nlp: Any,
    text: str,
    fragment: str,
    value: int,
    kind: str,
    unit: str | None,
    counts: str | None,
    qualifier: str | None,
    value_max: int | None,
) -> None:
    q = one(run(nlp, text), fragment)
    assert (q.value, q.kind, q.unit, q.counts, q.qualifier, q.value_max) == (
        value,
        kind,
        unit,
        counts,
        qualifier,
        value_max,
    )


@pytest.mark.parametrize(
    "text",
    [
        "The attack took place on October 7, 2023.",
        "He was indicted in 2019.",
        "The 2019 indictment followed.",
        "It happened on the 45th of May.",
        "Call 555-1234 or +1 202 555 0100 today.",
        "1. Release the hostages\n2. Withdraw the troops\n(3) Rebuild",
        "See https://t.co/hfkct0Sqw7 and follow @user12 for news.",
        "Israeli Channel 12 and Kan 11 reported it.",
        "Resolution 2334 was cited.",
        "The F-35 and COVID-19 and 9/11 and 24/7 were mentioned.",
        "The talks lasted three days and resumed at 10:30.",
        "Several sources and many officials said so.",
        "No one came; the two remain apart.",
        "They invoked their Fifth Amendment rights.",
        "He welcomed several hundred guests.",
        "It is one of the things we need.",
        "The 1995 state income tax filings leaked.",
        "The blast hit 131 West 23rd Street.",
        "First responders arrived for the first time.",
        "At one point he paused; in the first place, one thing was clear.",
    ],
)
def test_not_quantities(nlp: Any, text: str) -> None:
    assert run(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Values 1,2,3 were listed.",
        "He wrote 10^400 on the board.",
        "A 1e999 overflow.",
        "twenty-two hundred thousand million people",
        "It was 99999999999999999999999 dollars.",
    ],
)
def test_bad_numbers_invent_nothing(nlp: Any, text: str) -> None:
    for q in run(nlp, text):
        assert q.value is not None and math.isfinite(q.value)
        assert "10^400" not in q.text and "1e999" not in q.text and "1,2,3" not in q.text
        assert q.value not in (1_000_000, 10, 400, 1, 2, 3)


def test_percentage_points_and_plus(nlp: Any) -> None:
    q = one(run(nlp, "The forecast fell 0.2 percentage points."), "0.2")
    assert (q.value, q.kind, q.unit) == (0.2, "percent", "percentage point")
    q = one(run(nlp, "He has a 90-plus rating."), "90")
    assert (q.value, q.qualifier, q.text) == (90, "plus", "90-plus")


def test_ratio_denominator_and_possessive_of(nlp: Any) -> None:
    qs = run(nlp, "Nearly eight of 10 voters agree. It holds 25 percent of the world’s inmates.")
    assert all(q.value != 10 for q in qs)
    assert one(qs, "25").counts == "world’s inmates"


def test_from_to_is_a_change_not_a_range(nlp: Any) -> None:
    qs = run(nlp, "The toll rose from 10 to 20 deaths.")
    assert all(q.kind != "range" for q in qs)
    assert one(qs, "20").value == 20


def test_timexes_exclude_numbers(nlp: Any) -> None:
    text = "After three years, 48 hostages remain."
    tx = Timex(text="three years", start=6, end=17, type="DURATION", value="P3Y")
    qs = run(nlp, text, [tx])
    assert [(q.value, q.counts) for q in qs] == [(48, "hostages")]


def test_number_words_parser() -> None:
    lex = load_lexicon()
    assert parse_words(["twenty", "two"], lex) == 22
    assert parse_words(["two", "hundred", "thousand"], lex) == 200_000
    assert parse_words(["twenty", "two", "hundred"], lex) == 2200
    assert parse_words(["one", "million", "two", "hundred", "thousand"], lex) == 1_200_000
    assert parse_words(["twenty", "two", "hundred", "thousand", "million"], lex) is None
    assert parse_words(["two", "three"], lex) is None
    assert parse_words(["thousand", "thousand"], lex) is None
    assert parse_numeral("1,2,3", lex) is None
    assert parse_numeral("1e999", lex) is None
    assert parse_numeral("01,000", lex) is None
    assert parse_numeral("84,000", lex) == 84000


_PIECES = [
    "1,700",
    "48",
    "three",
    "hundred",
    "thousand",
    "million",
    "$",
    "€",
    "%",
    "percent",
    "-",
    "and",
    "between",
    "more than",
    "about",
    "hostages",
    "remaining",
    "Palestinian",
    "detainees",
    "first",
    "phase",
    "2019",
    "May",
    "10^400",
    "1e999",
    "1,2,3",
    "(2)",
    "\n1.",
    ".",
    ",",
    "of",
    "billions",
    "dollars",
    "twenty-two",
    "0.5",
    "99999999999999999999",
    "km",
    "20-point",
    "framework",
    "@x1",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=0, max_size=25))
def test_spans_match_and_values_are_finite(nlp: Any, pieces: list[str]) -> None:
    text = " ".join(pieces)
    for q in run(nlp, text):
        for v in (q.value, q.value_max):
            if v is not None:
                assert math.isfinite(v) and abs(v) <= 1e15
        assert q.value is not None
        assert q.kind in ("count", "percent", "money", "ordinal", "range", "measure", "age")


# ---------------------------------------------------------------- issue 16: tolls, magnitudes, ages


@pytest.mark.parametrize(
    ("text", "fragment", "counts"),
    [
        ("The death toll from the earthquake rose to 140 on Sunday, officials said.", "140", "dead"),
        ("The toll has climbed to 57, the health ministry said.", "57", "dead"),
        ("Rescuers said the number of dead rose to 300 overnight.", "300", "dead"),
        ("The quake left more than 2,000 dead and thousands homeless.", "2,000", "dead"),
        ("Gunmen stormed the market, killing at least 12 and wounding 30.", "12", "dead"),
        ("Gunmen stormed the market, killing at least 12 and wounding 30.", "30", "injured"),
        ("At least 30 were killed in the blast near the mosque.", "30", "dead"),
        ("Police said 14 died when the bus overturned.", "14", "dead"),
        # a noun counted stays as written
        ("Floods have killed 200 villagers since June.", "200", "villagers"),
    ],
)
def test_death_tolls_count_the_dead(nlp: Any, text: str, fragment: str, counts: str) -> None:
    q = one(run(nlp, text), fragment)
    assert (q.kind, q.counts) == ("count", counts)


def test_a_toll_that_is_money_is_no_count_of_the_dead(nlp: Any) -> None:
    q = one(run(nlp, "The economic toll rose to $3 billion."), "$3")
    assert (q.kind, q.unit, q.counts) == ("money", "USD", None)


@pytest.mark.parametrize(
    ("text", "fragment", "value", "kind", "unit", "counts"),
    [
        (
            "The company lost hundreds of millions of dollars last year.",
            "hundreds",
            100_000_000,
            "money",
            "USD",
            None,
        ),
        ("Tens of thousands of people marched in the capital.", "Tens", 10_000, "count", None, "people"),
        (
            "Hundreds of thousands of refugees crossed the border.",
            "Hundreds",
            100_000,
            "count",
            None,
            "refugees",
        ),
        ("Tens of millions of euros were wasted, auditors said.", "Tens", 10_000_000, "money", "EUR", None),
        ("Dozens of protesters were arrested on Friday.", "Dozens", 12, "count", None, "protesters"),
    ],
)
def test_plural_scales_multiply_to_their_magnitude(
    nlp: Any, text: str, fragment: str, value: int, kind: str, unit: str | None, counts: str | None
) -> None:
    q = one(run(nlp, text), fragment)
    assert (q.value, q.kind, q.unit, q.counts, q.qualifier) == (value, kind, unit, counts, "at least")
    assert q.value_max is None


@pytest.mark.parametrize(
    ("text", "fragment", "value"),
    [
        ("John Smith, 32, was arrested on Monday at his home.", "32", 32),
        ("A 32-year-old man was arrested after the attack.", "32-year-old", 32),
        ("The victim, a mother of two aged 45, was named by police.", "aged 45", 45),
        ("Smith is 67 years old and lives in Ohio.", "67 years old", 67),
        ("Smith, 45, and his wife, 43, were injured.", "43", 43),
    ],
)
def test_ages_are_ages_not_counts(nlp: Any, text: str, fragment: str, value: int) -> None:
    q = one(run(nlp, text), fragment)
    assert (q.value, q.kind, q.unit, q.counts) == (value, "age", "year", None)


def test_a_number_set_off_after_a_plural_is_no_age(nlp: Any) -> None:
    qs = run(nlp, "Police arrested 300 protesters and 32 journalists on Monday.")
    assert [q.kind for q in qs] == ["count", "count"]
    assert not [q for q in run(nlp, "The fund, worth 120 million dollars, closed.") if q.kind == "age"]


def test_a_verb_has_one_subject_the_nearer_number(nlp: Any) -> None:
    # the parse gives "had died" two subjects, 12 and 3: only the nearer counts the dead
    qs = run(
        nlp, "The ministry said 62 people were hospitalised, 12 of them in intensive care, and 3 had died."
    )
    assert [(q.value, q.counts) for q in qs] == [(62, "people"), (12, None), (3, "dead")]


def test_a_number_word_before_of_and_a_count_is_a_part_of_it(nlp: Any) -> None:
    # before: "Twenty" was taken for a pronoun-like word and dropped, as "the two of the 45" still is
    qs = run(nlp, "Twenty of the 45 cases are in New York.")
    assert [(q.text, q.value, q.counts) for q in qs] == [("Twenty", 20, None), ("45 cases", 45, "cases")]
    assert [q.value for q in run(nlp, "The two of the 45 cases are in New York.")] == [45]
    # a year after "of the" is no whole
    assert run(nlp, "The party set down its aims in Clause Four of the 1918 constitution.") == []


def test_magnitude_is_a_unit_before_or_after_the_number(nlp: Any) -> None:
    # before: "a magnitude 7.0 quake" was 7 quakes, "6.1 magnitude aftershock" 6.1 "magnitude aftershocks"
    for text, value, counted in (
        ("A magnitude 7.0 quake struck Haiti on Tuesday.", 7, "quake"),
        ("A 6.1 magnitude aftershock hit on Wednesday.", 6.1, "aftershock"),
    ):
        (q,) = run(nlp, text)
        assert (q.value, q.unit, q.kind, q.counts) == (value, "magnitude", "measure", counted)


def test_a_number_word_after_a_fronted_of_whole_is_a_part(nlp: Any) -> None:
    # before: "eight" was dropped as pronoun-like, and the claims gave its place to the whole
    qs = run(nlp, "Of the 13 new cases, eight were in England and five in Scotland.")
    assert [(q.text, q.value) for q in qs] == [("13 new cases", 13), ("eight", 8), ("five", 5)]
    assert [q.value for q in run(nlp, "Of these, two were serious.")] == []


def test_a_gapped_clause_gives_its_own_subject_the_value(nlp: Any) -> None:
    # before: 1,626 counted the dead (the toll's verb, left out after "its confirmed cases")
    qs = run(nlp, "Mexico's death toll rose to 56 and its confirmed cases to 1,626.")
    assert [(q.value, q.counts) for q in qs] == [(56, "dead"), (1626, None)]


def test_a_conjunction_after_a_number_ends_its_noun_phrase(nlp: Any) -> None:
    # before: 1,300 counted "as more test results" (the parse reads "as" as an adverb)
    qs = run(nlp, "The number of suspected cases has fallen to 1,300 as more test results came in.")
    assert [(q.value, q.counts) for q in qs] == [(1300, None)]


def test_number_as_a_verb_is_no_identifier(nlp: Any) -> None:
    # before: "number 65" was read as an identifier ("at number 10") and dropped
    assert [q.value for q in run(nlp, "Worldwide deaths from the virus now number 65.")] == [65]
    assert [q.value for q in run(nlp, "Confirmed cases in Britain now number 1,320.")] == [1320]
    assert [q.value for q in run(nlp, "He lives at number 10 with his family.")] == []


def test_a_gapped_item_opened_by_a_countrys_article_is_a_count(nlp: Any) -> None:
    # before: "States 896" was read as a name's number ("Flight 93"), no quantity
    qs = run(nlp, "Mexico has 1,626 cases, the United States 896 and Canada 165.")
    assert [(q.text, q.value) for q in qs] == [("1,626 cases", 1626), ("896", 896), ("165", 165)]


def test_a_number_word_before_more_and_a_verb_is_a_count(nlp: Any) -> None:
    # before: "five" was refused as pronoun-like (a small number word with no noun)
    qs = run(nlp, "Britain's confirmed cases rose to 39 after five more were confirmed.")
    assert [(q.text, q.value) for q in qs] == [("39", 39), ("five", 5)]
    # "more" before a noun is that noun's count; alone at the start of a sentence a word is still none
    assert [q.value for q in run(nlp, "The two more famous cases were in Texas.")] == [2]
    assert run(nlp, "Two more were confirmed.") == []
    # so is one after *a further* or *another*
    text = "There are now 15 confirmed cases in the UK, after a further two were confirmed on Saturday."
    assert [q.value for q in run(nlp, text)] == [15, 2]


def test_a_gapped_object_leaves_out_the_noun_of_the_count_past_the_places_counted(nlp: Any) -> None:
    # before: 822 counted "countries" (the count right before it, where the cases are counted)
    text = (
        "The WHO said 1,516 cases had been confirmed in 22 countries, with Mexico reporting 822 and the "
        "United States 642."
    )
    assert [(q.text, q.counts) for q in run(nlp, text)][:3] == [
        ("1,516 cases", "cases"),
        ("22 countries", "countries"),
        ("822", "cases"),
    ]
    # session 46: the places counted are one list with the claims stage's (saidwhat/place_nouns.py);
    # before, "prefectures" was not in the engine's, and 822 counted prefectures
    text = "Japan said 1,516 cases had been confirmed in 22 prefectures, with Osaka reporting 822."
    assert [(q.text, q.counts) for q in run(nlp, text)][2:] == [("822", "cases")]
