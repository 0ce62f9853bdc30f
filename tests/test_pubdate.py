"""Tests for saidwhat.segment.find_published: explicit date lines, inference from an embedded post's
date and weekday references, and null without evidence."""

from __future__ import annotations

from datetime import date

import pytest

from saidwhat.model import Segment
from saidwhat.segment import find_published, segment_text
from saidwhat.segment.pubdate import parse_date


def published(text: str) -> tuple[str | None, str | None]:
    return find_published(text, segment_text(text))


BODY = (
    "Negotiators met again in Cairo, officials said, and both delegations described the atmosphere as "
    "constructive.\n\nThe talks are expected to continue."
)


def test_sample_002_explicit_date_line(sample_002: str) -> None:
    assert published(sample_002) == ("2025-10-06", "text")


def test_sample_000_inferred(sample_000: str) -> None:
    # Sample 000 has no date line. The evidence in its text:
    # - the embedded tweet is dated "June 29, 2025" (a Sunday): the article is from that day or later;
    # - past: "confirmed on Saturday", "a press conference on Friday, Trump said", "On Sunday, he
    #   reiterated his stance on Truth Social" (Trump's "MAKE THE DEAL IN GAZA" post);
    # - future: "Dermer's upcoming visit to Washington on Monday", "will hold a security meeting on Sunday".
    # A past Sunday and a future Sunday are the same day only when the article is written on that
    # Sunday: Saturday June 28 and Friday June 27 lie just before it, Monday June 30 just after it.
    # Any later day would push the "will hold ... on Sunday" meeting a week ahead (July 6) while
    # "upcoming ... on Monday" also slides to July 7: Sunday June 29 is the one day consistent with all.
    assert published(sample_000) == ("2025-06-29", "inferred")


def test_no_evidence() -> None:
    assert published(BODY) == (None, None)
    assert published("") == (None, None)
    assert published("On Sunday, he said the talks would resume. He will travel on Monday.") == (None, None)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("date 2025-10-06 ", "2025-10-06"),
        ("Published: October 6, 2025\n\n", "2025-10-06"),
        ("Published on Monday, October 6, 2025 at 10:15\n", "2025-10-06"),
        ("Posted 6 Oct 2025\n", "2025-10-06"),
        ("2025-10-06T08:30:00Z\n", "2025-10-06"),
        ("Updated 6 Oct. 2025\n", "2025-10-06"),
        ("Headline Of The Story\nPublished: Sept. 28, 2016\n", "2016-09-28"),
    ],
)
def test_explicit_date_lines(top: str, expected: str) -> None:
    assert published(top + BODY) == (expected, "text")


def test_published_preferred_over_updated() -> None:
    text = "Updated: October 8, 2025\nPublished: October 6, 2025\n" + BODY
    assert published(text) == ("2025-10-06", "text")


def test_invalid_calendar_date_is_not_a_date() -> None:
    assert published("date 2025-02-31 " + BODY) == (None, None)
    assert parse_date("February 30, 2024") is None
    assert parse_date("February 29, 2024") == date(2024, 2, 29)
    assert parse_date("29th June 2025") == date(2025, 6, 29)
    assert parse_date("Sept. 11, 2016") == date(2016, 9, 11)


def test_date_deep_in_the_body_is_not_a_date_line() -> None:
    text = BODY + "\n\n" + ("More text follows here. " * 40) + "\nPublished: October 6, 2025\n"
    assert published(text) == (None, None)


TWEET = "We are close. https://t.co/abc\n— Jane Doe (@janedoe) March 3, 2025\n"  # a Monday


def test_inferred_from_post_date_and_weekdays() -> None:
    # the post is from Monday March 3; "Speaking on Wednesday, ... said" is past and "will arrive on
    # Wednesday" future: the article is from Wednesday March 5
    text = (
        "Talks Edge Forward\n"
        "Speaking on Wednesday, the minister said the talks had stalled over the final map.\n"
        + TWEET
        + "The envoy will arrive on Wednesday to meet both sides, officials said.\n"
    )
    assert published(text) == ("2025-03-05", "inferred")


def test_one_sided_weekday_evidence_is_not_enough() -> None:
    # only past references: the article could be from any later day
    text = "Talks Edge Forward\nOn Tuesday, the minister said the talks had stalled.\n" + TWEET + BODY
    assert published(text) == (None, None)


def test_ambiguous_weekday_evidence_gives_none() -> None:
    # past Tuesday and future Wednesday: published on Tuesday or Wednesday, nothing decides
    text = (
        "Talks Edge Forward\nOn Tuesday, the minister said the talks had stalled.\n"
        + TWEET
        + "The envoy will arrive on Wednesday to meet both sides.\n"
    )
    assert published(text) == (None, None)


def test_body_date_alone_is_no_anchor() -> None:
    # an old event written with its year says nothing about when the article appeared
    text = (
        "Talks Edge Forward\nOn July 6, 2015, the senator made a comment. Speaking on Monday, the "
        "spokesman said it still held. The committee will meet on Monday.\n\n" + BODY
    )
    assert published(text) == (None, None)


def test_dates_in_comments_are_ignored() -> None:
    article = (
        "Talks Edge Forward\n"
        "Speaking on Wednesday, the minister said the talks had stalled over the final map and the "
        "envoy will arrive on Wednesday to meet both sides.\n"
    )
    text = article + TWEET
    # the same text with the post as an embed infers a date; as a (hinted) reader comment it cannot
    assert find_published(text, segment_text(text)) == ("2025-03-05", "inferred")
    hints = [Segment("body", 0, len(article)), Segment("comment", len(article), len(text))]
    assert find_published(text, segment_text(text, hints)) == (None, None)


def test_dateline_month_day_takes_its_year_from_the_text() -> None:
    lead = "LOS ANGELES, Sept. 28 (UPI) — Singer Jane Doe sat down with the candidate for a new interview.\n"
    tweet = "Watch now https://t.co/abc\n— Apple Music (@AppleMusic) September 27, 2016\n"
    assert published("Jane Doe Sings\n" + lead + tweet) == ("2016-09-28", "inferred")
    # no year anywhere: no date
    assert published("Jane Doe Sings\n" + lead + BODY) == (None, None)
    # across the new year
    lead_jan = "PARIS, Jan 2 (Reuters) - Officials met again after talks on December 30, 2025 failed.\n"
    assert published("Talks Resume\n" + lead_jan + BODY) == ("2026-01-02", "inferred")


def test_kickers_are_not_datelines() -> None:
    text = "Talks Resume\nBREAKING, June 3 — Officials met on June 1, 2025 in Cairo.\n" + BODY
    assert published(text) == (None, None)


def test_embedded_facebook_post_date_is_not_the_articles() -> None:
    text = "Talks Resume\n" + BODY + "\nPosted by City Council on Monday, June 30, 2025\n" + BODY
    assert published(text) == (None, None)
