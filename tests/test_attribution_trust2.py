"""Issue 16, wrong speakers and non-statements of the default output on real news (session 8,
trust2): each class on a sentence written in the style of news copy."""

from __future__ import annotations

from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text


def statements(text: str) -> list[Statement]:
    return analyze_text(text, published="2024-05-14").statements


def name(st: Statement) -> str | None:
    return st.speaker.name if st.speaker else None


# ---- a subject inside an "according to" clause is reported, not introduced -------------------------
def test_him_after_according_to_continues_with_the_reporter_not_the_one_reported_about() -> None:
    sts = statements(
        "Governor Samuel Okafor said he would not resign before the deadline.\n\n"
        "According to him, Michael Adeyemi gave the commissioners until Friday to see him.\n\n"
        "“I will speak to my people first,” the Daily Herald quoted him as saying."
    )
    (quote,) = [s for s in sts if s.content.text.startswith("I will speak")]
    assert quote.speaker is not None and quote.speaker.text == "him"
    assert name(quote) == "Samuel Okafor"


def test_a_main_clause_subject_without_according_to_is_still_who_he_continues_with() -> None:
    sts = statements(
        "Governor Samuel Okafor said he would not resign before the deadline.\n\n"
        "Michael Adeyemi gave the commissioners until Friday to see him.\n\n"
        "“I will speak to my people first,” the Daily Herald quoted him as saying."
    )
    (quote,) = [s for s in sts if s.content.text.startswith("I will speak")]
    assert name(quote) == "Michael Adeyemi"
