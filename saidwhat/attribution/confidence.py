"""The confidence of a statement: how sure the engine is that it is a statement of that speaker.

A base by origin (a rule of the cue lexicon, or the learned tagger's score) times one factor per
weakness: a cue that is not a verb of saying (a verb of belief weighs more), a content that is a
bare noun phrase, no speaker or an unresolved pronoun, a speaker reached through resolution, a
source that is evidence rather than a speaker, hedging, an event verb or a speech verb with only a
topic for its noun-phrase content, a cue in a to-infinitive of purpose, a belief of a group left
unnamed. Weights are data (``attribution.toml`` ``[confidence]``); the
calibration is in docs/attribution.md ("Confidence").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class ConfidenceWeights:
    rule: float
    learned_base: float
    learned_slope: float
    not_speech_cue: float
    belief: float
    off_agent: float
    no_clause: float
    no_speaker: float
    unresolved: float
    resolved: float
    evidence_source: float
    hedged: float
    direct: float
    no_comment: float
    negated: float
    asked: float
    event: float
    topic_only: float
    purpose: float
    group_belief: float
    evidence_heads: frozenset[str]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the engine knows about one statement when it scores it."""

    learned: bool
    score: float  # the tagger's score (1.0 for rules)
    speech_cue: bool
    clause: bool  # the content holds a clause or a quotation
    speaker: str  # "named" | "described" | "resolved" | "unresolved" | "none"
    evidence_source: bool
    hedged: bool
    direct: bool
    no_comment: bool = False  # "declined to comment": a refusal with no content
    negated: bool = False  # "did not call for": what was not said
    asked: bool = False  # "Asked if …, the spokesman said": the question was put to the speaker
    belief: bool = False  # "Archaeologists believe …": a state of mind, not something said
    off_agent: bool = False  # "… list was announced, Babul Supriyo took to …": not the passive's agent
    event: bool = False  # "Police issued a news release": an event verb with a noun phrase, no speech
    topic_only: bool = False  # "discussed numerous matters": a topic spoken of, not what was said
    purpose: bool = False  # "funds to support the operations": an aim, not an act that took place
    group_belief: bool = False  # "Archaeologists believe …": the belief of a group left unnamed


def _unit(name: str, value: Any) -> float:
    v = float(value)
    if not 0.0 <= v <= 2.0:
        raise ValueError(f"[confidence] {name} must lie between 0 and 2, not {value!r}")
    return v


@lru_cache(maxsize=1)
def weights() -> ConfidenceWeights:
    with resources.files("saidwhat").joinpath("data", "attribution.toml").open("rb") as fh:
        raw = tomllib.load(fh)["confidence"]
    nums = {k: _unit(k, v) for k, v in raw.items() if k != "evidence_heads"}
    return ConfidenceWeights(**nums, evidence_heads=frozenset(w.lower() for w in raw["evidence_heads"]))


# flags of :class:`Evidence` that multiply the confidence by the weight of the same name, in this
# order (the order of the products is kept: the rounded result depends on it)
_FLAG_WEIGHTS = (
    "evidence_source",
    "hedged",
    "no_comment",
    "negated",
    "asked",
    "off_agent",
    "event",
    "topic_only",
    "purpose",
    "group_belief",
)


def confidence(ev: Evidence, w: ConfidenceWeights | None = None) -> float:
    """The confidence in [0, 1], rounded to 3 decimals."""
    w = w or weights()
    c = w.learned_base + w.learned_slope * ev.score if ev.learned else w.rule
    if ev.belief:
        c *= w.belief
    elif not ev.speech_cue:
        c *= w.not_speech_cue
    if not ev.clause:
        c *= w.no_clause
    c *= {"none": w.no_speaker, "unresolved": w.unresolved, "resolved": w.resolved}.get(ev.speaker, 1.0)
    for flag in _FLAG_WEIGHTS:
        if getattr(ev, flag):
            c *= getattr(w, flag)
    if ev.direct and not ev.learned:
        c *= w.direct
    return round(min(0.99, max(0.01, c)), 3)
