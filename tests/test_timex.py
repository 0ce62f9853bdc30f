"""The time-expression tagger: spans, TimeML values, tense-aware resolution, no false positives."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhat.model import Timex
from saidwhat.timex import extract_timexes

SUN = date(2025, 6, 29)  # Sunday: sample 000's publication date
MON = date(2025, 10, 6)  # Monday: sample 002's publication date


def tag(nlp: Any, text: str, anchor: date | None = SUN) -> list[Timex]:
    return extract_timexes(nlp(text), anchor)


def values(nlp: Any, text: str, anchor: date | None = SUN) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(nlp, text, anchor)}


def one(nlp: Any, text: str, anchor: date | None = SUN) -> Timex:
    found = tag(nlp, text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "typ", "value"),
    [
        # calendar dates
        ("The deal was signed on June 29, 2025 in Cairo.", "June 29, 2025", "DATE", "2025-06-29"),
        ("The deal was signed on 29 June 2025 in Cairo.", "29 June 2025", "DATE", "2025-06-29"),
        ("The embassies were bombed on Aug. 7, 1998.", "Aug. 7, 1998", "DATE", "1998-08-07"),
        ("The attack of October 7, 2023 changed everything.", "October 7, 2023", "DATE", "2023-10-07"),
        ("The file is dated 2025-10-06.", "2025-10-06", "DATE", "2025-10-06"),
        ("The vote was held on the 4th of July, 2024.", "the 4th of July, 2024", "DATE", "2024-07-04"),
        # months without a year, years, decades, centuries
        ("The operation was launched in May with the goal of victory.", "May", "DATE", "2025-05"),
        ("The army withdrew in March.", "March", "DATE", "2025-03"),
        ("The talks will resume in September.", "September", "DATE", "2025-09"),
        ("Elections were held last November.", "last November", "DATE", "2024-11"),
        ("Prices rose in late January.", "late January", "DATE", "2025-01"),
        ("The case dates back to his 2019 indictment.", "2019", "DATE", "2019"),
        ("The firm grew fast in the 1990s.", "the 1990s", "DATE", "199"),
        ("Such wars ended in the 20th century.", "the 20th century", "DATE", "19"),
        ("The plant closed in July 1997.", "July 1997", "DATE", "1997-07"),
        # seasons
        ("The summit will take place this summer.", "this summer", "DATE", "2025-SU"),
        ("The law was passed last fall.", "last fall", "DATE", "2024-FA"),
        ("The offensive began in the spring of 2024.", "the spring of 2024", "DATE", "2024-SP"),
        # quarters and halves
        ("Sales fell in the fourth quarter of 1990.", "the fourth quarter of 1990", "DATE", "1990-Q4"),
        ("Output rose in the first half of 2024.", "the first half of 2024", "DATE", "2024-H1"),
        ("Revenue rose in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"),
        ("Unemployment peaked in October of that year.", "October of that year", "DATE", None),
        # relative days and parts of days
        ("The minister resigned yesterday.", "yesterday", "DATE", "2025-06-28"),
        ("The cabinet meets tonight.", "tonight", "TIME", "2025-06-29TNI"),
        ("The minister spoke this morning.", "this morning", "TIME", "2025-06-29TMO"),
        ("Police arrived at 10:35 a.m. and left.", "10:35 a.m.", "TIME", "2025-06-29T10:35"),
        ("The vote happened the day before yesterday.", "the day before yesterday", "DATE", "2025-06-27"),
        # relative periods
        ("Inflation rose last year.", "last year", "DATE", "2024"),
        ("The bill passed earlier this month.", "earlier this month", "DATE", "2025-06"),
        ("He left two weeks ago.", "two weeks ago", "DATE", "2025-W24"),
        ("They met three days ago.", "three days ago", "DATE", "2025-06-26"),
        ("The war began a decade ago.", "a decade ago", "DATE", "2015"),
        ("Profits will grow next year.", "next year", "DATE", "2026"),
        # durations
        ("The truce lasted two weeks.", "two weeks", "DURATION", "P2W"),
        ("The siege lasted a decade.", "a decade", "DURATION", "P10Y"),
        ("Prices doubled over the past three years.", "the past three years", "DURATION", "P3Y"),
        ("She held a five-hour meeting.", "five-hour", "DURATION", "PT5H"),
        ("The talks could take several years.", "several years", "DURATION", "PXY"),
        ("The board met for 18 months.", "18 months", "DURATION", "P18M"),
        # sets
        ("The council meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The paper is printed daily in Tel Aviv.", "daily", "SET", "P1D"),
        ("The festival is held each July.", "each July", "SET", "XXXX-07"),
        ("The US spends billions of dollars a year on aid.", "a year", "SET", "P1Y"),
        # fuzzy references
        ("The minister is currently abroad.", "currently", "DATE", "PRESENT_REF"),
        ("The army recently withdrew.", "recently", "DATE", "PAST_REF"),
        ("A deal could come in the near future.", "the near future", "DATE", "FUTURE_REF"),
        ("We will talk about it in the future.", "the future", "DATE", "FUTURE_REF"),
    ],
)
def test_categories(nlp: Any, text: str, span: str, typ: str, value: str | None) -> None:
    t = one(nlp, text)
    assert (t.text, t.type, t.value) == (span, typ, value)
    assert text[t.start : t.end] == t.text


def test_weeks(nlp: Any) -> None:
    assert values(nlp, "The first phase should be completed this week.", MON) == {"this week": "2025-W41"}
    assert values(nlp, "Talks collapsed last week.", MON) == {"last week": "2025-W40"}
    assert values(nlp, "Talks resume next week.", MON) == {"next week": "2025-W42"}
    # ISO weeks run Monday to Sunday: on a Sunday, "this week" is the week ending that day
    assert values(nlp, "Talks collapsed last week.", SUN) == {"last week": "2025-W25"}
    assert values(nlp, "Talks collapsed this week.", SUN) == {"this week": "2025-W26"}


def test_range_gives_both_ends(nlp: Any) -> None:
    v = values(nlp, "Between March and May the army fought in the north.")
    assert v == {"March": "2025-03", "May": "2025-05"}


def test_anchored_duration(nlp: Any) -> None:
    t = one(nlp, "Trump said a ceasefire could be reached within the next week.")
    assert (t.text, t.type, t.value) == ("the next week", "DURATION", "P1W")


def test_spans_never_cross_a_line_break(nlp: Any) -> None:
    v = values(nlp, "The operation was launched in May\n2019 was a hard year for the army.")
    assert v == {"May": "2025-05", "2019": "2019"}


def test_modifiers(nlp: Any) -> None:
    assert one(nlp, "The unit was set up in the mid-1990s.").mod == "MID"
    t = one(nlp, "The hearing lasted more than four hours.")
    assert (t.text, t.value, t.mod) == ("more than four hours", "PT4H", "MORE_THAN")
    t = one(nlp, "The plan takes effect early next year.")
    assert (t.text, t.value, t.mod) == ("early next year", "2026", "START")


def test_financial_year_ago_is_the_same_quarter(nlp: Any) -> None:
    v = values(
        nlp,
        "Net income rose in the third quarter to $5 million from $4 million a year ago.",
        date(1989, 10, 26),
    )
    assert v == {"the third quarter": "1989-Q3", "a year ago": "1988-Q3"}


def test_expressions_counted_from_the_text(nlp: Any) -> None:
    text = (
        "Obama took office in January 2009 and unemployment peaked in October of that year. "
        "The deal closed on July 18. A week later, it collapsed."
    )
    v = values(nlp, text, date(2016, 2, 5))
    assert v["October of that year"] == "2009-10"
    assert v["July 18"] == "2015-07-18"
    assert v["A week later"] == "2015-07-25"
    v = values(
        nlp, "The treaty was signed on May 22, 1995. The following year, it collapsed.", date(1998, 4, 18)
    )
    assert v == {"May 22, 1995": "1995-05-22", "The following year": "1996"}
    v = values(nlp, "On Friday the bomb exploded at 10:35 a.m. in the capital.", date(1998, 8, 9))
    assert v == {"Friday": "1998-08-07", "10:35 a.m.": "1998-08-07T10:35"}


def test_fractional_durations(nlp: Any) -> None:
    assert values(nlp, "She spent 5 1/2 hours there.") == {"5 1/2 hours": "PT5H30M"}
    assert values(nlp, "He served 2 1/2 years in jail.") == {"2 1/2 years": "P2Y6M"}
    # the half after the unit: "a minute and a half", "a year and a half"
    assert values(nlp, "A minute and a half later, a pilot called.") == {"A minute and a half": "PT1M30S"}
    assert values(nlp, "He stayed for a year and a half.") == {"a year and a half": "P1Y6M"}
    assert values(nlp, "The hearing lasted an hour and a half.") == {"an hour and a half": "PT1H30M"}
    assert values(nlp, "He took a second look.") == {}


def test_anaphoric_units_take_the_time_last_named(nlp: Any) -> None:
    v = values(
        nlp, "He fled to Florida in June 1998 and returned to Cuba later that year.", date(2000, 1, 28)
    )
    assert v == {"June 1998": "1998-06", "later that year": "1998"}
    v = values(
        nlp, "Imports reached $37 million in 1988, a small share of all imports that year.", date(1989, 11, 2)
    )
    assert v["that year"] == "1988"
    v = values(
        nlp,
        "Slepian was killed on Oct. 23, 1998. Earlier that day, he had been to a service.",
        date(1999, 10, 24),
    )
    assert v["Earlier that day"] == "1998-10-23"
    # nothing named before: the value stays open, never guessed from the publication date
    assert values(nlp, "That year was a bad one.", date(1999, 10, 24)) == {"That year": None}
    # "that quarter" is the quarter last named, not the quarter of the last date
    text = "Profit fell in the second quarter. On Oct. 31, it said results for that quarter were poor."
    v = values(nlp, text, date(1989, 11, 2))
    assert v["that quarter"] == v["the second quarter"] == "1989-Q2"


def test_week_of_a_date_is_that_iso_week(nlp: Any) -> None:
    v = values(nlp, "The case may be resolved at a hearing the week of March 6, he said.", date(2000, 2, 24))
    assert v == {"the week of March 6": "2000-W10"}
    assert values(nlp, "It ended the week of Jan. 3, 2000.") == {"the week of Jan. 3, 2000": "2000-W01"}


def test_year_possessive_quarter_is_one_expression(nlp: Any) -> None:
    anchor = date(1989, 10, 26)
    cases = {
        "Sales for this year's third quarter fell.": ("this year's third quarter", "1989-Q3"),
        "It takes effect in next year's first quarter.": ("next year's first quarter", "1990-Q1"),
        "Net rose in last year's fourth quarter.": ("last year's fourth quarter", "1988-Q4"),
        "Sales fell in the last half of 1989.": ("the last half of 1989", "1989-H2"),
    }
    for text, (span, value) in cases.items():
        assert values(nlp, text, anchor) == {span: value}


def test_one_day_after_a_modal_is_the_future(nlp: Any) -> None:
    t = one(nlp, "Islam will one day be the second largest religion in the country.")
    assert (t.text, t.type, t.value) == ("one day", "DATE", "FUTURE_REF")
    assert values(nlp, "Such plants could one day replace coal.") == {"one day": "FUTURE_REF"}
    t = one(nlp, "He stayed one day in Paris.")
    assert (t.type, t.value) == ("DURATION", "P1D")


def test_plural_part_of_day_is_a_set(nlp: Any) -> None:
    t = one(nlp, "The new flights leave Bombay on Tuesday nights.")
    assert (t.text, t.type, t.value) == ("Tuesday nights", "SET", "XXXX-WXX-2TNI")


def test_or_so_and_spaced_mid_afternoon(nlp: Any) -> None:
    t = one(nlp, "The talks broke down a week or so ago.", date(1991, 2, 25))
    assert (t.text, t.value, t.mod) == ("a week or so ago", "1991-W08", "APPROX")
    t = one(nlp, "By mid afternoon, the shelling had stopped.", date(1998, 3, 6))
    assert (t.text, t.type, t.value) == ("mid afternoon", "TIME", "1998-03-06TAF")


# ------------------------------------------------------------------ tense-aware resolution


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("On Friday, Trump said a deal was close.", "Friday", "2025-06-27"),
        ("Israeli sources confirmed on Saturday that progress had been made.", "Saturday", "2025-06-28"),
        ("On Monday, the minister resigned.", "Monday", "2025-06-23"),
        ("The minister will resign on Monday.", "Monday", "2025-06-30"),
        ("The envoy is expected to arrive on Tuesday.", "Tuesday", "2025-07-01"),
        ("Dermer's upcoming visit to Washington on Monday is part of the effort.", "Monday", "2025-06-30"),
        ("Protesters planned a large rally on Saturday.", "Saturday", "2025-07-05"),
        ("Friday's meeting ended without a deal.", "Friday", "2025-06-27"),
        ("The talks will resume on Thursday and end on Friday.", "Thursday", "2025-07-03"),
        # the publication day's own weekday is that day, in either tense (AP style names the day)
        ("On Sunday, he reiterated his stance.", "Sunday", "2025-06-29"),
        ("The command will hold a security meeting on Sunday.", "Sunday", "2025-06-29"),
        # explicit direction words win over tense
        ("The vote is next Friday.", "next Friday", "2025-07-04"),
        ("The vote was last Sunday.", "last Sunday", "2025-06-22"),
        # a month/day without a year follows the tense too
        ("The talks will resume on Jan. 5.", "Jan. 5", "2026-01-05"),
        ("The plant opened on Dec. 5.", "Dec. 5", "2024-12-05"),
        # the past perfect overrides an intention, also through an adjective or a verb of planning
        ("The offer had been due to expire Friday evening.", "Friday evening", "2025-06-27TEV"),
        ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "2025-06-27T24:00"),
        ("The offer is scheduled to expire Friday.", "Friday", "2025-07-04"),
    ],
)
def test_tense_aware_resolution(nlp: Any, text: str, span: str, value: str) -> None:
    v = values(nlp, text)
    assert v.get(span) == value, v


def test_same_weekday_past_and_future_clause(nlp: Any) -> None:
    v = tag(nlp, "On Friday, Trump said he would meet Netanyahu on Friday next week.")
    assert v[0].value == "2025-06-27"
    past = one(nlp, "The ministers met on Wednesday.")
    future = one(nlp, "The ministers will meet on Wednesday.")
    assert (past.value, future.value) == ("2025-06-25", "2025-07-02")


def test_no_anchor_leaves_relative_values_open(nlp: Any) -> None:
    v = values(nlp, "He resigned on Friday, in March and last year, on Aug. 7, 1998.", None)
    assert v["Friday"] is None and v["last year"] is None
    assert v["March"] == "XXXX-03"
    assert v["Aug. 7, 1998"] == "1998-08-07"


# ------------------------------------------------------------------ precision


@pytest.mark.parametrize(
    "text",
    [
        "Protesters may march to the square if police allow it.",
        "The protesters will march on the embassy.",
        "He sat down and we talked about the sun and the moon.",
        "She finished second in the race and took a second look.",
        "The lions spring from the bushes.",
        "Prices fall when supply rises.",
        "Theresa May said the deal was done.",
        "The fall of the government surprised nobody.",
        "He spent a second term in office.",
        "USA Today reported the story.",
        "The company has 2000 employees and 1500 trucks.",
        "A 6-year-old boy was rescued.",
        "They paid $1990 for the car.",
        "Less than a quarter of the donors gave more.",
        "He blamed thousands of $12-an-hour workers.",
        "It was the worst result in the past nine elections.",
        "He cannot make fun of the NBC Nightly News ratings.",
    ],
)
def test_no_false_positives(nlp: Any, text: str) -> None:
    assert tag(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It happened on 31 February 2025.",
        "It happened on the 45th of May.",
        "The year 20255 is far away.",
        "It was February 30.",
        "Meet at 25:99 or 13 p.m.",
        "It was 99/99/2025 and 2025-13-45.",
        "He was born in 1066 or 0000.",
    ],
)
def test_bad_input_never_invents_a_date(nlp: Any, text: str) -> None:
    for t in tag(nlp, text):
        assert text[t.start : t.end] == t.text
        _assert_valid_value(t)
        assert "20255" not in t.text


def test_bad_input_keeps_only_the_possible_part(nlp: Any) -> None:
    assert values(nlp, "It happened on 31 February 2025.") == {"31 February 2025": "2025-02"}
    assert values(nlp, "It happened on the 45th of May.") in (
        {"the 45th of May": "2025-05"},
        {"May": "2025-05"},
    )
    assert values(nlp, "The year 20255 is far away.") == {}


# ------------------------------------------------------------------ value shape (property test)

_DATE_VALUE = re.compile(
    r"^(?:\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}(?:-WE)?|SP|SU|FA|WI))?|\d{2,3}"
    r"|XXXX-(?:\d{2}(?:-\d{2})?|WXX-[1-7]|SP|SU|FA|WI|Q[1-4]|XX-XX)|PRESENT_REF|PAST_REF|FUTURE_REF)"
    r"(?:T(?:MO|AF|EV|NI|\d{2}:\d{2}))?$"
)
_DURATION_VALUE = re.compile(
    r"^P(?=.)(?:(?:\d+(?:\.\d+)?|X)(?:Y|Q|M|W|DE|CE|D))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)


def _assert_valid_value(t: Timex) -> None:
    v = t.value
    if v is None:
        return
    if t.type in ("DATE", "TIME"):
        assert _DATE_VALUE.match(v), (t.text, v)
        if re.match(r"^\d{4}-\d{2}-\d{2}", v):
            date.fromisoformat(v[:10])
        elif re.match(r"^\d{4}-\d{2}$", v):
            assert 1 <= int(v[5:7]) <= 12
        elif re.match(r"^\d{4}-W\d{2}", v):
            date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
        m = re.search(r"T(\d{2}):(\d{2})$", v)
        if m:
            assert int(m.group(1)) <= 24 and int(m.group(2)) <= 59
    elif t.type == "DURATION":
        assert _DURATION_VALUE.match(v), (t.text, v)
    else:
        assert _DURATION_VALUE.match(v) or _DATE_VALUE.match(v), (t.text, v)


_WORDS = [
    "on",
    "Friday",
    "May",
    "may",
    "march",
    "March",
    "the",
    "31",
    "45th",
    "of",
    "February",
    "2025",
    "20255",
    "1990s",
    "last",
    "next",
    "week",
    "year",
    "ago",
    "two",
    "a",
    "decade",
    "every",
    "Monday",
    "sat",
    "sun",
    "second",
    "spring",
    "fall",
    "we",
    "will",
    "said",
    "10",
    "p.m.",
    ":",
    "30",
    "quarter",
    "third",
    "-",
    "yesterday",
    "tonight",
    "morning",
    "this",
    "early",
    "mid",
    "Sept.",
    "7,",
    "1998",
    ".",
    ",",
    "'80s",
    "century",
    "20th",
    "within",
    "between",
    "and",
    "days",
    "hours",
    "now",
    "recently",
    "Christmas",
    "1/2",
    "5",
    "earlier",
    "later",
    "the",
    "1988",
    "period",
    "noon",
    "at",
    "Thanksgiving",
    "half",
    "first",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=18),
    anchor=st.one_of(
        st.none(), st.dates(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
    ),
)
def test_property_spans_and_values(nlp: Any, words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    found = tag(nlp, text, anchor)
    prev_end = -1
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end  # no overlaps
        prev_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        _assert_valid_value(t)


# ------------------------------------------------------------------ the sample articles


def _find(found: list[Timex], text: str, span: str, context: str) -> Timex:
    pos = text.index(context)
    for t in found:
        if t.text == span and pos <= t.start < pos + len(context):
            return t
    raise AssertionError(f"no timex {span!r} in {context!r}: {[(t.text, t.value) for t in found]}")


def test_sample_000(nlp: Any, sample_000: str) -> None:
    found = tag(nlp, sample_000, SUN)
    for t in found:
        assert sample_000[t.start : t.end] == t.text
    assert _find(found, sample_000, "Saturday", "confirmed on Saturday").value == "2025-06-28"
    assert _find(found, sample_000, "Friday", "press conference on Friday").value == "2025-06-27"
    assert _find(found, sample_000, "Sunday", "On Sunday, he reiterated").value == "2025-06-29"
    assert _find(found, sample_000, "Monday", "Washington on Monday").value == "2025-06-30"
    nw = _find(found, sample_000, "the next week", "within the next week")
    assert (nw.type, nw.value) == ("DURATION", "P1W")
    assert _find(found, sample_000, "June 29, 2025", "June 29, 2025").value == "2025-06-29"
    assert _find(found, sample_000, "May", "launched in May").value == "2025-05"
    assert _find(found, sample_000, "2019", "2019 indictment").value == "2019"


def test_sample_002(nlp: Any, sample_002: str) -> None:
    found = tag(nlp, sample_002, MON)
    for t in found:
        assert sample_002[t.start : t.end] == t.text
    sn = _find(found, sample_002, "Sunday night", "Sunday night")
    assert sn.value == "2025-10-05TNI"
    assert _find(found, sample_002, "Monday", "meet Monday").value == "2025-10-06"
    assert _find(found, sample_002, "this week", "completed this week").value == "2025-W41"
    assert _find(found, sample_002, "October 7, 2023", "October 7, 2023").value == "2023-10-07"


# ------------------------------------------------------------------ durations, sets, names


def test_over_an_amount_and_later(nlp: Any) -> None:
    t = one(nlp, "Just over an hour later, he was declared dead at a nearby hospital.", date(1998, 10, 25))
    assert (t.text, t.type, t.value, t.mod) == ("over an hour", "DURATION", "PT1H", "MORE_THAN")
    # "over" as a preposition is no modifier and stays out of the span
    t = one(nlp, "The talks were spread over two days.")
    assert (t.text, t.value, t.mod) == ("two days", "P2D", None)
    # "later" with no time fine enough before it: the distance, "later" outside the span
    v = values(
        nlp,
        "In January, the firm hired a new chief. A few days later, it announced lower earnings.",
        date(1989, 10, 27),
    )
    assert v == {"January": "1989-01", "A few days": "PXD"}
    v = values(
        nlp,
        "In January, the firm hired a new chief. Three days later, it announced lower earnings.",
        date(1989, 10, 27),
    )
    assert v == {"January": "1989-01", "Three days": "P3D"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Demonstrators gather daily outside the relatives' home.", "daily", "P1D"),
        ("It has become a daily public rally.", "daily", "P1D"),
        ("Clinton said in his weekly radio address that terrorism would be punished.", "weekly", "P1W"),
        ("We are investigating hundreds of leads on a daily basis.", "daily", "P1D"),
    ],
)
def test_frequency_words_are_sets(nlp: Any, text: str, span: str, value: str) -> None:
    t = one(nlp, text)
    assert (t.text, t.type, t.value) == (span, "SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "The letter was published on the front page of the Communist Party daily Granma.",
        "The Israeli daily Haaretz reported the talks.",
        "The company raised its quarterly dividend.",
    ],
)
def test_newspapers_and_reporting_periods_are_not_sets(nlp: Any, text: str) -> None:
    assert tag(nlp, text) == []


def test_long_adjectives_and_qualified_units(nlp: Any) -> None:
    assert values(nlp, "They held a day-long strike.") == {"day-long": "P1D"}
    assert values(nlp, "The decades-long conflict ended.") == {"decades-long": "PXDE"}
    assert values(nlp, "After a several-year slump, sales rose.") == {"several-year": "PXY"}
    v = values(nlp, "Eight trading days after Oct. 12, the index had fallen 4.3%.", date(1989, 10, 30))
    assert v["Eight trading days"] == "P8D"


def test_season_with_a_spoken_year(nlp: Any) -> None:
    t = one(nlp, "Prices collapsed in the winter of nineteen ninety-four.")
    assert (t.text, t.value) == ("the winter of nineteen ninety-four", "1994-WI")


def test_recent_years_with_the_present_perfect_is_a_stretch(nlp: Any) -> None:
    anchor = date(1998, 2, 13)
    v = values(nlp, "Mexico and Colombia have suffered from a rash of kidnappings in recent years.", anchor)
    assert v == {"recent years": "PXY"}
    v = values(nlp, "As the yen soared in recent years, its problems became visible.", anchor)
    assert v == {"recent years": "PAST_REF"}


def test_year_ended_a_date_is_twelve_months(nlp: Any) -> None:
    anchor = date(1989, 10, 30)
    text = "Cilcorp said the businesses had revenue of $76 million for the year ended March 31."
    found = tag(nlp, text, anchor)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the year", "DURATION", "P1Y"),
        ("March 31", "DATE", "1989-03-31"),
    ]
    v = values(nlp, "In the fiscal year ended Jan. 31, the company reported sales of $59 million.", anchor)
    assert v["the fiscal year"] == "P1Y"
    # without an end date "the fiscal year" is still the current one
    v = values(nlp, "Profit should increase throughout the fiscal year.", anchor)
    assert v == {"the fiscal year": "1989"}


def test_a_day_of_a_month_keeps_the_unknown_day(nlp: Any) -> None:
    v = values(nlp, "Police spotted his car last October. That same day, he fled.", date(1999, 2, 6))
    assert v == {"last October": "1998-10", "That same day": "1998-10-XX"}


def test_second_day_of_a_range_and_election_day(nlp: Any) -> None:
    v = values(nlp, "The summit will be held on April 24 and 25.", date(1999, 2, 10))
    assert v == {"April 24": "1999-04-24", "25": "1999-04-25"}
    v = values(nlp, "Violence will be a theme of our campaign from now to Election Day.", date(1998, 10, 26))
    assert v["Election Day"] == "1998-11-03"  # the Tuesday after the first Monday of November
    v = values(nlp, "Voters go to the polls on Election Day.", date(2016, 10, 1))
    assert v == {"Election Day": "2016-11-08"}


def test_quoted_titles_are_not_times(nlp: Any) -> None:
    text = 'Baker said on ABC-TV\'s "This Week With David Brinkley" that the resolutions failed.'
    assert tag(nlp, text, date(1991, 2, 25)) == []
    assert values(nlp, "The poster showed Gary Cooper from the film ``High Noon.''") == {}
    # a quoted one-word answer is a date
    assert values(nlp, '"Friday," he said.') == {"Friday": "2025-06-27"}


def test_comparable_period_a_year_before(nlp: Any) -> None:
    anchor = date(1989, 11, 1)
    text = (
        "It lost $8.1 million for the third quarter. "
        "It earned $2 million for the corresponding period last year."
    )
    v = values(nlp, text, anchor)
    assert v == {"the third quarter": "1989-Q3", "the corresponding period last year": "1988-Q3"}
    text = "Net fell in the third quarter. Revenue was up from the quarter a year ago."
    assert values(nlp, text, anchor)["the quarter a year ago"] == "1988-Q3"


def test_then_current_is_past(nlp: Any) -> None:
    assert values(nlp, "The then current chairman resigned.") == {"then current": "PAST_REF"}
    assert values(nlp, "The current chairman resigned.") == {"current": "PRESENT_REF"}


LIVE_PAGE = (
    "Rescuers are searching the rubble in the capital. "
    "1618 The European Commission has approved 3m euros of emergency funding. "
    "1609 The US military is sending a team. "
    "“We need engineers.” 1651 Officials say the main hospital collapsed in 2008 and 1995 Was a bad year."
)


def test_a_live_pages_entry_stamps_are_times_of_its_day_not_years(nlp: Any) -> None:
    got = {t.text: (t.type, t.value) for t in tag(nlp, LIVE_PAGE, date(2010, 1, 13))}
    assert got["1618"] == ("TIME", "2010-01-13T16:18")
    assert got["1609"] == ("TIME", "2010-01-13T16:09")
    assert got["1651"] == ("TIME", "2010-01-13T16:51")
    assert got["2008"] == ("DATE", "2008")  # "in 2008" stays a year


def test_a_clock_time_before_its_zone_is_no_year(nlp: Any) -> None:
    # before: the year 1700 (which the claims then read as the year a count was about)
    text = "The WHO tally at 0700 GMT (1700 AEST) showed confirmed cases had soared beyond 8,000."
    got = {t.text: (t.type, t.value) for t in tag(nlp, text, date(2009, 5, 17))}
    assert got["1700"] == ("TIME", "2009-05-17T17:00")
    assert values(nlp, "The flu of 1918 killed millions.")["1918"] == "1918"


def test_a_few_stamp_like_years_make_no_live_page(nlp: Any) -> None:
    # two sentences opening with a year before a capitalised word are no live page
    text = "The war began. 1939 Was the year it started. Peace came. 1945 Ended it."
    got = {t.text: (t.type, t.value) for t in tag(nlp, text, date(2010, 1, 13))}
    assert got["1939"] == ("DATE", "1939")


def test_years_after_an_abbreviation_make_no_live_page(nlp: Any) -> None:
    text = (
        "Griffith Evans, b. 1825 Dolgellau, married Mary (b. 1827 - d. 1905 Kangaroo Flat). "
        "James Owen, b. 1808 Llansantffraed, died in 1886."
    )
    got = {t.text: (t.type, t.value) for t in tag(nlp, text, date(2009, 7, 1))}
    assert got["1825"] == ("DATE", "1825") and got["1808"] == ("DATE", "1808")


def test_a_chronology_of_years_is_no_live_page(nlp: Any) -> None:
    text = (
        "He studied cardiology in Arizona. 2000 Dr Murray opens a practice in Las Vegas. "
        "2006 Dr Murray meets the singer. 2008 Dr Murray is hired for the tour. "
        "2009 The singer dies in Los Angeles."
    )
    got = {t.text: (t.type, t.value) for t in tag(nlp, text, date(2009, 7, 1))}
    assert got["2006"] == ("DATE", "2006") and got["2008"] == ("DATE", "2008")


def test_a_bare_number_a_change_reaches_is_no_year(nlp: Any) -> None:
    anchor = date(2009, 8, 10)
    # before session 29: DATE 1707, and the count was lost
    assert (
        values(nlp, "The total number of positive cases has mounted to 1707 across the country.", anchor)
        == {}
    )
    assert values(nlp, "Three more deaths were reported, bringing the toll to 1200.", anchor) == {}
    # a change from a year, a date a deadline moves to, a year before a noun stay years
    assert values(nlp, "The meeting was moved from 1990 to 1995.", anchor) == {"1990": "1990", "1995": "1995"}
    assert values(nlp, "The deadline was pushed to 2010.", anchor) == {"2010": "2010"}
    assert values(nlp, "Sales rose to 1990 levels.", anchor) == {"1990": "1990"}
