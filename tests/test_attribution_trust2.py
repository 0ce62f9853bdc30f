"""Issue 16, wrong speakers and non-statements of the default output on real news (session 8,
trust2): each class on a sentence written in the style of news copy."""

from __future__ import annotations

import re

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


# ---- the one a "quoting / citing" names is a source, not what was said ---------------------------------
def test_quoting_people_familiar_is_no_statement_of_the_paper() -> None:
    sts = statements(
        "Output at the plant fell sharply in April, the Financial Times reported on Monday, quoting "
        "people familiar with the company's accounts."
    )
    assert [s.content.text for s in sts] == ["Output at the plant fell sharply in April"]


def _says_nothing(text: str, content: str, lemma: str) -> bool:
    from saidwhat.attribution.lexicon import lexicon
    from saidwhat.attribution.rules import Candidate
    from saidwhat.attribution.statements import StatementBuilder
    from saidwhat.nlp import load_nlp

    builder = StatementBuilder.__new__(StatementBuilder)
    builder.doc = load_nlp()(text)
    builder.lex = lexicon()
    a = re.search(rf"\b{re.escape(content)}\b", text).start()  # type: ignore[union-attr]
    part = (a, a + len(content))
    return builder._says_nothing(Candidate(content=[part], lemma=lemma), [part])


def test_a_content_of_function_words_only_says_nothing() -> None:
    text = "Divers searched the wreck for weeks, finding a hoard of bronze coins."
    assert _says_nothing(text, "a", "find")
    assert not _says_nothing(text, "a hoard of bronze coins", "find")


def test_citing_a_thing_or_a_quotation_stays_a_content() -> None:
    text = "The senator cited the figure at a forum last week, quoting officials who called it “a disgrace.”"
    assert not _says_nothing(text, "the figure at a forum last week", "cite")
    assert _says_nothing(text, "officials", "quote")


# ---- a count before a singular noun is no subject ------------------------------------------------
def test_a_count_and_a_compound_participle_before_a_plural_noun_make_no_speaker() -> None:
    """*5,469 laboratory confirmed human cases*: "5,469 laboratory" is no noun phrase; "confirmed"
    premodifies "cases", the subject of "had been reported"."""
    sts = statements("As of Friday, 5,469 laboratory confirmed human cases had been reported.")
    assert [name(s) for s in sts] == []


def test_a_counted_group_that_reports_its_object_keeps_its_statement() -> None:
    sts = statements("Some 300 staff reported injuries at the plant.")
    assert [(s.speaker.text if s.speaker else None, s.content.text) for s in sts] == [
        ("Some 300 staff", "injuries at the plant")
    ]


def test_a_year_before_a_noun_is_no_count() -> None:
    sts = statements("A 2009 report confirmed earlier findings about the outbreak.")
    assert [s.speaker.text for s in sts if s.speaker] == ["A 2009 report"]
