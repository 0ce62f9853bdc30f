"""Reports passed on inside another report, and relays the rules miss in a report's own clause
(``attribution/relays.py``: :func:`relayed_reports`; docs/attribution.md, "Relays"). Sentences
written for the tests in the style of wire copy.

The candidate tests run the engine's candidate step (``Engine.candidates`` adds the passed-on
reports after dropping the nested ones); the statement tests the whole analysis (a passed-on source
is not remembered as an antecedent).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from saidwhat.attribution.engine import Engine
from saidwhat.attribution.relays import QUOTED_AS_RULE, RELAYED_RULE, _passed_content
from saidwhat.attribution.rules import Candidate
from saidwhat.entities import extract_entities
from saidwhat.model import Segment, Statement
from saidwhat.pipeline import analyze_text


def candidates(nlp: Any, text: str) -> list[Candidate]:
    doc = nlp(text)
    segs = [Segment("body", 0, len(text))]
    eng = Engine(doc, segs, extract_entities(doc, segs), [], None)
    return eng.candidates()


def at(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0] : span[1]]


def passed(nlp: Any, text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of the passed-on reports found in ``text``."""
    return [
        (at(text, c.speaker.span if c.speaker else None), at(text, c.cue), at(text, c.content[0]))
        for c in candidates(nlp, text)
        if c.rule == RELAYED_RULE
    ]


def statements(text: str) -> list[Statement]:
    return analyze_text(text, published="2024-03-12").statements


def about(sts: list[Statement], piece: str) -> Statement:
    """The statement whose content holds ``piece`` most closely (an outer report holds it too)."""
    return min((s for s in sts if piece in s.content.text), key=lambda s: len(s.content.text))


def via(st: Statement) -> list[str | None]:
    return [v.name or v.text for v in st.via]


# ---- a report's content that is itself a report ---------------------------------------------------
KEFU_LIKE = "The Solicitor General says the judge has advised that the ruling won't affect other trials."
WSJ_LIKE = (
    "The Wall Street Journal said the carrier said in a statement that no fault had been found in "
    "the engines."
)
TOLD_TO = (
    "Sources recall that President Mahama, at a cabinet meeting on Tuesday, told ministers who plan "
    "to run for office to resign by Friday."
)


def test_a_report_opening_with_another_speakers_advice_passes_it_on(nlp: Any) -> None:
    assert passed(nlp, KEFU_LIKE) == [("the judge", "advised", "that the ruling won't affect other trials")]


def test_said_in_a_statement_that_inside_a_report_is_the_inner_speakers(nlp: Any) -> None:
    cands = candidates(nlp, WSJ_LIKE)
    found = [c for c in cands if c.speaker and at(WSJ_LIKE, c.speaker.span) == "the carrier"]
    assert [at(WSJ_LIKE, c.content[0]) for c in found] == ["that no fault had been found in the engines"]


def test_the_that_clause_the_parse_hangs_on_in_a_statement(nlp: Any) -> None:
    """The parse the model gives some such sentences: the clause an ``acl`` of *statement*."""
    words = [
        "Bloomberg",
        "said",
        "the",
        "carmaker",
        "said",
        "in",
        "a",
        "statement",
        "that",
        "no",
        "fault",
        "was",
        "found",
        ".",
    ]
    heads = [1, 1, 3, 4, 1, 4, 7, 5, 12, 10, 12, 12, 7, 1]
    deps = [
        "nsubj",
        "ROOT",
        "det",
        "nsubj",
        "ccomp",
        "prep",
        "det",
        "pobj",
        "mark",
        "det",
        "nsubjpass",
        "auxpass",
        "acl",
        "punct",
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        lemmas=[w.lower() for w in words],
        pos=[
            "PROPN",
            "VERB",
            "DET",
            "NOUN",
            "VERB",
            "ADP",
            "DET",
            "NOUN",
            "SCONJ",
            "DET",
            "NOUN",
            "AUX",
            "VERB",
            "PUNCT",
        ],
    )
    span = _passed_content(doc[4])
    assert span is not None and doc.text[span[0] : span[1]] == "that no fault was found"


def test_told_someone_to_do_something_inside_a_recollection_is_a_demand(nlp: Any) -> None:
    (c,) = [c for c in candidates(nlp, TOLD_TO) if c.rule == RELAYED_RULE]
    assert at(TOLD_TO, c.speaker.span if c.speaker else None) == "President Mahama"
    assert at(TOLD_TO, c.content[0]).endswith("to resign by Friday") and c.act == "demand"


def test_a_report_that_never_happened_is_not_passed_on(nlp: Any) -> None:
    assert passed(nlp, "Both senators say the network has never told them what to say.") == []


def test_a_report_not_yet_made_is_not_passed_on(nlp: Any) -> None:
    text = "The campaign says the senator will announce plans on Friday for a national service program."
    assert passed(nlp, text) == []


def test_a_denial_inside_an_agencys_report_is_passed_on(nlp: Any) -> None:
    text = (
        "The foreign ministry on Sunday denied reports that relations had been frozen, the official "
        "news agency SUNA reported."
    )
    assert passed(nlp, text) == [("The foreign ministry", "denied", "reports that relations had been frozen")]
    assert passed(nlp, "Police said the suspect denied it.") == []  # an object that says nothing


def test_a_pronoun_inside_a_report_is_no_passed_on_source(nlp: Any) -> None:
    assert passed(nlp, "The coach said he had told the players to rest for two weeks.") == []


def test_a_directive_credited_with_by_inside_a_report(nlp: Any) -> None:
    text = (
        "He said that the raid followed a directive by the Inspector General of Police, Usman Baba, "
        "to officers of the unit to recover illegal weapons in the state."
    )
    (c,) = [c for c in candidates(nlp, text) if c.rule == RELAYED_RULE]
    assert at(text, c.speaker.span if c.speaker else None).startswith("the Inspector General of Police")
    assert at(text, c.cue) == "directive" and c.act == "demand"
    assert at(text, c.content[0]).endswith("to recover illegal weapons in the state")


def test_a_directive_without_an_action_is_no_report(nlp: Any) -> None:
    assert passed(nlp, "He said the raid followed a directive by the governor.") == []


READOUT = (
    "A spokesman for the Chancellor said:\n\n"
    "“The Chancellor met President Lula in Brasilia today. President Lula said that trade between "
    "the two countries had doubled in five years.\n\n"
    "The Chancellor said the two governments would sign a climate accord next year."
)


def test_reports_inside_a_readout_never_closed_are_candidates(nlp: Any) -> None:
    assert passed(nlp, READOUT) == [
        ("President Lula", "said", "that trade between the two countries had doubled in five years")
    ]


def test_a_closed_quotation_is_no_readout(nlp: Any) -> None:
    closed = READOUT.replace("five years.", "five years.”")
    assert passed(nlp, closed) == []


# ---- relays in a report's own clause -------------------------------------------------------------
def test_a_closing_reporting_clause_is_the_relay_of_the_whole_report(nlp: Any) -> None:
    text = "The dam would hold, the governor said, Kenyan state television reported."
    (c,) = candidates(nlp, text)
    assert at(text, c.speaker.span if c.speaker else None) == "the governor"
    assert [at(text, p) for p in c.content] == ["The dam would hold"]
    assert [at(text, v.span) for v in c.via] == ["Kenyan state television"]


def test_a_closing_clause_after_an_indirect_report_names_the_outlet_not_its_country(nlp: Any) -> None:
    text = (
        "The interior minister said the curfew would be lifted, Turkey's state broadcaster TRT reported "
        "on Sunday."
    )
    (c,) = candidates(nlp, text)
    assert [at(text, p) for p in c.content] == ["the curfew would be lifted"]
    assert [at(text, v.core) for v in c.via] == ["TRT"]


def test_a_closing_clause_with_its_source_after_the_verb(nlp: Any) -> None:
    text = "The interior minister said talks were being held in Doha, reported Tolo News."
    (c,) = candidates(nlp, text)
    assert [at(text, p) for p in c.content] == ["talks were being held in Doha"]
    assert [at(text, v.core) for v in c.via] == ["Tolo News"]
    (c,) = candidates(nlp, "He said the talks had failed, reported the news.")
    assert c.via == []  # no name after the verb


def test_according_to_a_report_by_an_outlet_names_the_outlet(nlp: Any) -> None:
    text = "The governor said the dam would hold, according to a report by local broadcaster KTN."
    (c,) = candidates(nlp, text)
    assert [at(text, p) for p in c.content] == ["the dam would hold"]
    assert [at(text, v.core) for v in c.via] == ["KTN"]
    text = "Police said the bridge had collapsed, according to reports."
    (c,) = candidates(nlp, text)
    assert [at(text, v.core) for v in c.via] == ["reports"]  # no outlet named: the reports stay


def test_a_closing_clause_that_reports_something_of_its_own_is_no_relay(nlp: Any) -> None:
    text = "Trump said the polls were rigged, but Clinton said nothing."
    first = next(c for c in candidates(nlp, text) if at(text, c.cue) == "said")
    assert first.via == []


def test_the_agent_of_a_passive_quoted_is_the_relay(nlp: Any) -> None:
    text = "The minister was quoted by Xinhua as saying the border would reopen on Monday."
    (c,) = candidates(nlp, text)
    assert [at(text, v.span) for v in c.via] == ["Xinhua"]


def test_the_clause_before_x_quoted_y_as_saying_is_ys(nlp: Any) -> None:
    text = (
        "Only a ceasefire was discussed with the militants, Dunya News quoted the minister as saying "
        "during a news conference."
    )
    (c,) = [c for c in candidates(nlp, text) if c.rule == QUOTED_AS_RULE]
    assert at(text, c.speaker.span if c.speaker else None) == "the minister"
    assert [at(text, p) for p in c.content] == ["Only a ceasefire was discussed with the militants"]
    assert [at(text, v.core) for v in c.via] == ["Dunya News"]


def test_as_quoted_by_a_described_outlet_is_the_relay(nlp: Any) -> None:
    text = "Iran's foreign minister said talks would resume next week, as quoted by state media."
    (c,) = candidates(nlp, text)
    assert [at(text, p) for p in c.content] == ["talks would resume next week"]
    assert [at(text, v.span) for v in c.via] == ["state media"]
    text = "He said the plan would work, as reported by several people at the meeting."
    (c,) = candidates(nlp, text)
    assert c.via == []  # people at a meeting are no outlet


def test_told_a_name_after_an_outlet_noun(nlp: Any) -> None:
    text = "The governor told local broadcaster NTV that the dam was safe."
    (c,) = candidates(nlp, text)
    assert [at(text, v.core) for v in c.via] == ["NTV"]
    (c,) = candidates(nlp, "“We will fight on,” he told a news conference in the capital.")
    assert c.via == []


# ---- as statements (the engine's hook) -----------------------------------------------------------
def test_passed_on_reports_are_statements_relayed_by_the_outer_speaker() -> None:
    sts = statements(WSJ_LIKE)
    inner = about(sts, "no fault")
    assert inner.speaker is not None and inner.speaker.text == "the carrier"
    assert via(inner) == ["Wall Street Journal"]
    st = about(statements(READOUT), "trade between")
    assert st.speaker is not None and st.speaker.name == "Lula"
    assert via(st) == ["spokesman for the Chancellor"]


def test_a_pronoun_after_a_passed_on_report_is_the_reporter() -> None:
    sts = statements(
        "Attorney General Mark Dreyfus says the judge has advised the ruling won't affect other trials.\n\n"
        "But he says the government will still appeal."
    )
    assert via(about(sts, "other trials")) == ["Mark Dreyfus"]
    st = about(sts, "still appeal")
    assert st.speaker is not None and st.speaker.name == "Mark Dreyfus"
