"""Issue 16, the default output on real news (session 9, trust4): an event verb or a speech verb with
only a topic, whose content is a noun phrase, reports what was done or what was spoken of, not what
was said — under the default cut (0.3), still in the output with ``--min-confidence 0``. Sentences
written in the style of news copy (none copied from the real-news set)."""

from __future__ import annotations

import pytest

from saidwhat.attribution.confidence import confidence
from saidwhat.attribution.lexicon import lexicon
from tests.trust_support import CUT, evidence, the_one


# ---- events: under the cut, still there ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Detectives are looking for a man seen near the warehouse before the fire.", "warehouse"),
        ("Members of the nurses' union voted against the revised contract.", "contract"),
    ],
)
def test_an_event_verb_with_a_noun_phrase_is_under_the_cut(text: str, word: str) -> None:
    st = the_one(text, word)
    assert 0 < st.confidence < CUT


# ---- a topic spoken of, not what was said --------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two foreign ministers discussed regional security and trade during the visit.", "security"),
        ("The coach mentioned the rain during the news conference.", "rain"),
    ],
)
def test_a_speech_verb_with_a_topic_is_under_the_cut(text: str, word: str) -> None:
    st = the_one(text, word)
    assert 0 < st.confidence < CUT


# ---- what stays --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The governor said that the bridge would reopen in May.", "bridge"),
        ("The farmers' association rejected the trade deal.", "deal"),  # a stance with an object
        ("The minister discussed whether the border should reopen.", "border"),  # a clause
        ("The finance minister mentioned that the budget would be cut.", "budget"),
    ],
)
def test_statements_with_content_or_stance_stay_above_the_cut(text: str, word: str) -> None:
    assert the_one(text, word).confidence >= CUT


# ---- the weights ---------------------------------------------------------------------------------------
def test_the_weights_put_the_surest_of_each_class_under_the_cut() -> None:
    assert confidence(evidence()) >= CUT  # a learned relation of a verb that is not speech, no clause
    assert confidence(evidence(event=True)) < CUT
    assert confidence(evidence(speech_cue=True, topic_only=True)) < CUT
    rule = evidence(learned=False, speech_cue=True, topic_only=True)
    assert confidence(rule) < CUT


def test_stance_verbs_are_neither_events_nor_topics() -> None:
    lex = lexicon()
    for verb in ("support", "oppose", "reject", "protest", "endorse", "call", "say", "deny"):
        assert verb not in lex.event_cues and verb not in lex.topic_cues
