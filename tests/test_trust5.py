"""Issue 16, the default output on real news (session 10, trust5): constructions in which a verb of
an event or of speech reports what was done, decided, aimed at or spoken of, not what was said —
under the default cut (0.3), still in the output with ``--min-confidence 0``. Sentences written for
these tests in the style of news copy (none copied from the real-news set)."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhat.attribution.confidence import confidence
from saidwhat.attribution.engine import Engine
from saidwhat.attribution.learned import LearnedRelation
from saidwhat.attribution.lexicon import lexicon
from saidwhat.entities import extract_entities
from saidwhat.model import Segment, Statement
from tests.trust_support import CUT, evidence, the_one


# ---- an event verb with a to-infinitive it controls: what was decided, not said ----------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Dock workers in the northern port voted on Friday to strike over pensions.", "pensions"),
        ("Members of the Transport Workers Union have voted to strike over pensions.", "pensions"),
    ],
)
def test_an_event_verb_with_its_own_infinitive_is_under_the_cut(text: str, word: str) -> None:
    st = the_one(text, word)
    assert st.content.text.startswith("to ")
    assert 0 < st.confidence < CUT


# ---- a noun phrase stays a noun phrase with infinitives inside it or a purpose clause beside it ----------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a topic verb: the plans were spoken of
        (
            "Chancellor Emma Schulz and President Luis Ortega discussed their joint plans to expand rail "
            "links between the two countries.",
            "rail links",
        ),
        # an event verb: the money was approved, the infinitive says what for
        (
            "Governor Maria Lopez has approved an extra $5 million in relief money to support farmers "
            "hit by the drought.",
            "relief money",
        ),
    ],
)
def test_a_noun_phrase_with_a_nonfinite_modifier_is_still_a_noun_phrase(text: str, word: str) -> None:
    st = the_one(text, word)
    assert 0 < st.confidence < CUT


# ---- the addressee of a speech verb is no content -----------------------------------------------------
def test_reassuring_someone_says_nothing_yet() -> None:
    text = (
        "Samoa chief justice Peter Lane has moved to re-assure government prosecutors in the wake of the "
        "controversial decision to drop a fraud charge against a senior minister."
    )
    st = the_one(text, "prosecutors")
    assert 0 < st.confidence < CUT
    assert "assure" in lexicon().topic_cues and "reassure" in lexicon().topic_cues


def test_an_attempt_at_a_speech_act_with_only_an_addressee_is_under_the_cut() -> None:
    st = the_one("Prime Minister John Hale sought to reassure allies at the summit in Oslo.", "allies")
    assert st.content.text.startswith("to reassure")
    assert 0 < st.confidence < CUT


def _engine_with(text: str, cue: str, content: str, source: str, nlp: Any) -> list[Statement]:
    def at(piece: str) -> tuple[int, int]:
        i = text.index(piece)
        return i, i + len(piece)

    doc = nlp(text)
    segs = [Segment("body", 0, len(text))]
    rel = LearnedRelation(source=at(source), cue=at(cue), content=[at(content)], score=0.9)
    return Engine(doc, segs, extract_entities(doc, segs), [], None, learned=[rel]).run()


def test_a_cue_that_ends_in_a_topic_verb_is_a_topic_act(nlp: Any) -> None:
    # the tagger's cue holds the verb of attempt and the speech verb: "has moved to reassure"
    text = "Judge Helen Mayer has moved to reassure jurors in the wake of threats against the court."
    sts = _engine_with(
        text,
        "has moved to reassure",
        "jurors in the wake of threats against the court",
        "Judge Helen Mayer",
        nlp,
    )
    (st,) = [s for s in sts if "jurors" in s.content.text]
    assert 0 < st.confidence < CUT
    # the same cue with a verb of saying in it is a promise about the topic, not a topic act
    text2 = "Judge Helen Mayer has promised to reassure jurors in the wake of threats against the court."
    sts2 = _engine_with(
        text2,
        "has promised to reassure",
        "jurors in the wake of threats against the court",
        "Judge Helen Mayer",
        nlp,
    )
    (st2,) = [s for s in sts2 if "jurors" in s.content.text]
    assert st2.confidence >= CUT


# ---- a cue in a to-infinitive of purpose: an aim, not an act that took place ----------------------------
def test_a_cue_in_a_purpose_infinitive_is_under_the_cut() -> None:
    text = (
        "The European Commission has earmarked 40 million euros in emergency aid to support fishing "
        "communities."
    )
    st = the_one(text, "fishing communities")
    assert st.cue is not None and st.cue.lemma == "support"
    assert 0 < st.confidence < CUT


# ---- the belief of a group left unnamed ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Investigators believe the fire started in the kitchen.", "kitchen"),
        ("Geologists suspect the quake was caused by waste water injection.", "quake"),
    ],
)
def test_a_belief_of_a_bare_plural_is_under_the_cut(text: str, word: str) -> None:
    st = the_one(text, word)
    assert 0 < st.confidence < CUT


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Fire chief Dan Moss believes the fire started in the kitchen.", "kitchen"),  # a named person
        ("The two investigators believe the fire started in the kitchen.", "kitchen"),  # counted, definite
        ("Democrats fear the bill will fail in the Senate.", "Senate"),  # a named group
    ],
)
def test_other_beliefs_stay_above_the_cut(text: str, word: str) -> None:
    assert the_one(text, word).confidence >= CUT


# ---- what stays ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a clause
        ("Prime Minister John Hale sought to reassure allies that the treaty would hold.", "treaty"),
        ("Prime Minister John Hale promised to raise the issue with Beijing.", "Beijing"),  # a promise
        ("The union said its members had voted to strike over pensions.", "pensions"),  # said: a report
        ("Mayor Tom Reyes announced new grants to promote local theatres.", "grants"),  # announce: speech
        # a gerund is no infinitive of the cue, and "raise" has a sense that is no speech
        ("Senator Ruth Daley supports raising the state pension age to 68.", "pension"),
        ("Governor Ken Okafor seeks to raise the cap on new charter schools by ten a year.", "cap"),
        # an infinitival relative after "the first ...": one who did endorse, no purpose
        ("Mayor Lena Ford was the first city leader to endorse the stadium plan.", "stadium"),
    ],
)
def test_statements_with_content_stay_above_the_cut(text: str, word: str) -> None:
    assert the_one(text, word).confidence >= CUT


def test_the_first_or_only_one_to_act_is_no_purpose(nlp: Any) -> None:
    from saidwhat.attribution.statements import _purpose

    doc = nlp(
        "Two senators from Ohio on Wednesday became the first sitting members of Congress to endorse "
        "the governor's bid."
    )
    (verb,) = [t for t in doc if t.lower_ == "endorse"]
    assert verb.dep_ == "advcl"  # the parse reads a purpose; the ordinal makes it a relative clause
    assert not _purpose(verb)
    doc = nlp(
        "The European Commission has earmarked 40 million euros in emergency aid to support fishing "
        "communities."
    )
    (verb,) = [t for t in doc if t.lower_ == "support"]
    assert _purpose(verb)


def test_the_purpose_weight_puts_the_surest_aim_under_the_cut() -> None:
    assert confidence(evidence()) >= CUT  # a learned relation of a verb that is not speech, no clause
    assert confidence(evidence(purpose=True)) < CUT
    # a verb of saying in a purpose clause mostly reports the saying ("called a news conference to
    # announce his resignation"): it stays above
    assert confidence(evidence(speech_cue=True, purpose=True)) >= CUT
