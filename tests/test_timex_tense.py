"""Which way a relative expression points: the tense of its clause (``saidwhat.timex.tense``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from saidwhat.timex import extract_timexes


def values(nlp: Any, text: str, anchor: date) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_timexes(nlp(text), anchor)}


@pytest.mark.parametrize(
    ("text", "anchor", "span", "value"),
    [
        # present perfect progressive is past; "since" a few words before the expression too
        (
            "Investigators have been searching for Kopp since shortly after the Oct. 23 slaying.",
            date(1999, 5, 6),
            "Oct. 23",
            "1998-10-23",
        ),
        ("Workers have been striking at the plant in December.", date(2025, 6, 29), "December", "2024-12"),
        # a participle clause takes the tense of the verb it hangs on
        (
            "Nashua's stock has fluctuated sharply on takeover speculation, rising to a high of $42.875 a "
            "share in June from $29.75 in March.",
            date(1989, 10, 30),
            "March",
            "1989-03",
        ),
        (
            "Officials will meet in Geneva, hoping to reach a deal on Tuesday.",
            date(2025, 6, 29),
            "Tuesday",
            "2025-07-01",
        ),
        ("Prices will rise, reaching a peak in March.", date(2025, 6, 29), "March", "2026-03"),
        # a coordinated participle shares the auxiliary; a bare participle clause stays past
        ("The bill will be reviewed and approved on Monday.", date(2025, 6, 29), "Monday", "2025-06-30"),
        (
            "The decision, announced Wednesday, will be appealed.",
            date(2025, 6, 29),
            "Wednesday",
            "2025-06-25",
        ),
        # "until" under a present or present-perfect verb points forward; a past verb stays past
        (
            "The service has given the Miami relatives until 9 a.m. Tuesday to sign a paper.",
            date(2000, 4, 3),
            "9 a.m. Tuesday",
            "2000-04-04T09:00",
        ),
        ("The offer is valid until Tuesday.", date(2025, 6, 29), "Tuesday", "2025-07-01"),
        ("The relatives stayed until Tuesday.", date(2025, 6, 29), "Tuesday", "2025-06-24"),
        # "by" under a present simple verb is a deadline ahead; under a past or a present perfect one
        # a cutoff reached (a past verb: the last occurrence; the perfect: the nearest)
        (
            "The UK government has deals in place with Baxter and GlaxoSmithKline for up to 90m doses "
            "of a swine flu (H1N1) vaccine by December.",
            date(2009, 5, 28),
            "December",
            "2009-12",
        ),
        ("Doses were shipped to all states by November.", date(2009, 12, 10), "November", "2009-11"),
        ("The virus has killed 10,000 Americans by November.", date(2009, 12, 10), "November", "2009-11"),
        # a "by" phrase the parse hangs on a verb of saying is the content's: no deadline ahead
        (
            "The flu killed 9,000 Canadians, sent 20,000 to the hospital, and sickened 40 million -- a "
            "third of the population -- by mid-November, the agency estimates.",
            date(2009, 12, 10),
            "mid-November",
            "2009-11",
        ),
        # "through" (and "by" in the present perfect) end a running period that may lie on either side:
        # the nearest occurrence
        (
            "A group of lenders has extended Control Data up to $90 million in revolving loans "
            "through January.",
            date(1989, 10, 30),
            "January",
            "1990-01",
        ),
        (
            "Fidelity's junk fund has fallen 2.08% this year through Oct. 19.",
            date(1989, 10, 27),
            "Oct. 19",
            "1989-10-19",
        ),
        # a modal with the perfect is past
        (
            "Concern about the chip may have been responsible for a drop in Compaq's stock on Wednesday.",
            date(1989, 10, 27),
            "Wednesday",
            "1989-10-25",
        ),
        ("He would have turned 50 on Friday.", date(2025, 6, 29), "Friday", "2025-06-27"),
    ],
)
def test_tense_of_the_clause(nlp: Any, text: str, anchor: date, span: str, value: str) -> None:
    v = values(nlp, text, anchor)
    assert v.get(span) == value, v


@pytest.mark.parametrize(
    ("text", "anchor", "span", "value"),
    [
        (
            "This courageous father will leave at 4 in the morning, Castro said.",
            date(2000, 4, 5),
            "4 in the morning",
            "2000-04-05T04:00",
        ),
        (
            "The shooting began at two in the afternoon.",
            date(2000, 4, 5),
            "two in the afternoon",
            "2000-04-05T14:00",
        ),
        (
            "He called at 10 in the evening on Tuesday.",
            date(2000, 4, 5),
            "10 in the evening on Tuesday",
            "2000-04-04T22:00",
        ),
        ("They left at 11 at night.", date(2000, 4, 5), "11 at night", "2000-04-05T23:00"),
    ],
)
def test_hour_in_the_morning_is_a_clock_time(
    nlp: Any, text: str, anchor: date, span: str, value: str
) -> None:
    found = extract_timexes(nlp(text), anchor)
    assert [(t.text, t.type, t.value) for t in found] == [(span, "TIME", value)]


def test_hour_in_the_morning_needs_a_clock_word_before(nlp: Any) -> None:
    text = "The rebels freed two in the morning and three in the afternoon."
    assert values(nlp, text, date(2000, 4, 5)) == {}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an event named by its date, inside a quote, published the next day: a modal in the quote
        # says nothing of when the event was; a past or present clause keeps it behind
        ('"After Tuesday\'s election, the party must rebuild," she said.', "2025-06-24"),
        ('"Tuesday\'s election showed that voters want change," he said.', "2025-06-24"),
        ('"We are still counting the ballots from Tuesday\'s election," an official said.', "2025-06-24"),
        ('"Voters can move on after Tuesday\'s vote," he said.', "2025-06-24"),
        # words before its noun phrase put it ahead; so does a future auxiliary
        ('"Ahead of Tuesday\'s election, we are campaigning hard," he said.', "2025-07-01"),
        ("Campaigning is intense in the run-up to Sunday's vote.", "2025-06-29"),
        ("Monday's meeting will be held in Geneva.", "2025-06-30"),
    ],
)
def test_a_date_owning_an_event_noun(nlp: Any, text: str, value: str) -> None:
    got = [t.value for t in extract_timexes(nlp(text), date(2025, 6, 25)) if t.type == "DATE"]  # a Wednesday
    assert got[:1] == [value], got
