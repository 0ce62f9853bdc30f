"""Repairs of the parse that every stage reads (saidwhat.nlp): a number after a weekday."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhat.pipeline import analyze_text


@pytest.mark.parametrize(
    ("text", "number", "noun"),
    [
        ("The Health Ministry said on Saturday 72 people had died of the virus.", "72", "people"),
        ("Officials said Monday 15 new cases were confirmed.", "15", "cases"),
        ("The ministry said on Friday two more patients had died.", "two", "patients"),
    ],
)
def test_a_number_after_a_weekday_counts_the_next_noun(nlp: Any, text: str, number: str, noun: str) -> None:
    """The parser makes the number a modifier of the weekday and the NER takes "Saturday 72" as one
    date; outside a date ("Monday 15 June") the number opens the next noun phrase."""
    doc = nlp(text)
    num = next(t for t in doc if t.text == number)
    assert num.head.text == noun
    assert num.dep_ == "nummod"
    assert all(number not in e.text for e in doc.ents if e.label_ == "DATE")


def test_a_weekday_with_a_day_and_a_month_keeps_its_number(nlp: Any) -> None:
    doc = nlp("The talks resume on Monday 15 June in Cairo.")
    assert any(e.text == "Monday 15 June" for e in doc.ents)
    assert next(t for t in doc if t.text == "15").head.text in ("Monday", "June")


def test_the_saying_and_the_quantity_keep_the_count() -> None:
    a = analyze_text("The Health Ministry said on Saturday 72 people had died of the virus.")
    assert [s.content.text for s in a.statements] == ["72 people had died of the virus"]
    assert [(q.value, q.counts) for q in a.quantities] == [(72, "people")]
    # said Monday: the weekday is the saying's, not the content's
    b = analyze_text("Officials said Monday 15 new cases were confirmed.")
    assert [s.content.text for s in b.statements] == ["15 new cases were confirmed"]
