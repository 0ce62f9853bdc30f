"""The attribution vocabulary (``saidwhat/data/cues.toml`` and ``attribution.toml``), loaded once.

Everything the rules look up per token is a frozenset or a dict, so a lookup costs O(1).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Cue lemmas with their speech act, and the speaker / relay / hedge / platform word lists."""

    verb_acts: dict[str, str]
    np_content: frozenset[str]
    to_content: frozenset[str]
    noun_acts: dict[str, str]
    phrasal: dict[str, str]
    express_objects: dict[str, str]
    pronouns: dict[str, str]
    anon_heads: frozenset[str]
    anon_modifiers: frozenset[str]
    anon_indefinite_roles: frozenset[str]
    anon_indefinite: frozenset[str]
    anon_phrases: tuple[str, ...]
    definite: frozenset[str]
    same: frozenset[str]
    outlet_heads: frozenset[str]
    group_heads: frozenset[str]
    person_heads: frozenset[str]
    person_nouns: frozenset[str]  # nouns only a person can be, no role ("correspondent", "witness")
    org_heads: frozenset[str]
    speaking_things: frozenset[str]
    mute_heads: frozenset[str]  # *the virus shows*: a disease, its agent or its toll says nothing
    mute_counted: frozenset[str]  # the same, with a number or a quantifier only (*two cases*)
    experiencer_adjectives: frozenset[str]  # *it was confident that …*: a subject that is someone
    raising_adjectives: frozenset[str]  # *it is ready to …*: before an infinitive, a subject that is someone
    quote_verbs: frozenset[str]
    relaying_cues: frozenset[str]
    relayed_cues: frozenset[str]
    interview_nouns: frozenset[str]
    hedge_words: frozenset[str]
    passive_cues: frozenset[str]
    passive_charges: frozenset[str]
    report_nouns: frozenset[str]
    text_nouns: frozenset[str]
    text_participles: frozenset[str]
    platforms: tuple[tuple[str, re.Pattern[str]], ...]
    demand_patterns: tuple[re.Pattern[str], ...]
    post_cues: frozenset[str]
    owned_nouns: frozenset[str]
    colon_not_names: frozenset[str]
    colon_max_words: int
    as_cues: frozenset[str]
    recipient_clause: frozenset[str]
    adverbial_clause: frozenset[str]
    joined_rules: frozenset[str]
    joined_deps: frozenset[str]
    learned_cues: frozenset[str]
    learned_min_score: float
    learned_any_cue_score: float
    learned_no_source_score: float
    learned_passive_score: float
    learned_inner_score: float
    learned_posterior: bool
    learned_neural_weight: float
    learned_inner_excluded: frozenset[str]
    anonymity_content: tuple[re.Pattern[str], ...]
    belief_cues: frozenset[str]
    directive_cues: frozenset[str]
    event_cues: frozenset[str]
    topic_cues: frozenset[str]
    topic_cues_other_senses: frozenset[str]
    refusal_content: tuple[re.Pattern[str], ...]
    not_cues: frozenset[str]

    def act_of(self, lemma: str) -> str:
        return self.verb_acts.get(lemma) or self.noun_acts.get(lemma) or self.phrasal.get(lemma) or "claim"


def _load(name: str) -> dict[str, Any]:
    with resources.files("saidwhat").joinpath("data", name).open("rb") as fh:
        return tomllib.load(fh)


def _words(items: list[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


def _decoding(value: str) -> bool:
    if value not in ("posterior", "viterbi"):
        raise ValueError(f"[learned] decoding must be 'posterior' or 'viterbi', not {value!r}")
    return value == "posterior"


def _weight(value: Any) -> float:
    w = float(value)
    if not 0.0 <= w <= 1.0:
        raise ValueError(f"[learned] neural_weight must lie between 0 and 1, not {value!r}")
    return w


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = _load("cues.toml")
    attr = _load("attribution.toml")
    sp = attr["speakers"]
    return Lexicon(
        verb_acts=dict(cues["verbs"]),
        np_content=_words(cues["np_content"]["verbs"]),
        to_content=_words(cues["to_content"]["verbs"]),
        noun_acts=dict(cues["nouns"]),
        phrasal=dict(cues["phrasal"]),
        express_objects=dict(cues["express_objects"]),
        pronouns=dict(sp["pronouns"]),
        anon_heads=_words(sp["anonymous"]["heads"]),
        anon_modifiers=_words(sp["anonymous"]["modifiers"]),
        anon_indefinite_roles=_words(sp["anonymous"]["indefinite_roles"]),
        anon_indefinite=_words(sp["anonymous"]["indefinite"]),
        anon_phrases=tuple(p.lower() for p in sp["anonymous"]["unnamed_phrases"]),
        definite=_words(sp["anonymous"]["definite"]),
        same=_words(sp["anonymous"]["same"]),
        outlet_heads=_words(sp["outlet_heads"]["heads"]),
        group_heads=_words(sp["group_heads"]["heads"]),
        person_heads=_words(sp["person_heads"]["heads"]),
        person_nouns=_words(sp["person_heads"]["nouns"]),
        org_heads=_words(sp["org_heads"]["heads"]),
        speaking_things=_words(sp["org_heads"]["things"]),
        mute_heads=_words(sp["mute"]["heads"]),
        mute_counted=_words(sp["mute"]["counted"]),
        experiencer_adjectives=_words(sp["expletive"]["experiencers"]),
        raising_adjectives=_words(sp["expletive"]["raising"]),
        quote_verbs=_words(attr["relays"]["quote_verbs"]),
        relaying_cues=_words(attr["relays"]["relaying_cues"]),
        relayed_cues=_words(attr["relays"]["relayed_cues"]),
        interview_nouns=_words(attr["relays"]["interview_nouns"]),
        hedge_words=_words(attr["hedges"]["words"]),
        passive_cues=_words(attr["hedges"]["passive_cues"]),
        passive_charges=_words(attr["hedges"]["passive_charges"]),
        report_nouns=_words(attr["hedges"]["report_nouns"]),
        platforms=tuple((name, re.compile(rx)) for name, rx in attr["platforms"].items()),
        demand_patterns=tuple(re.compile(rx) for rx in attr["acts"]["demand_patterns"]),
        post_cues=_words(attr["acts"]["post_cues"]),
        owned_nouns=_words(sp["owned"]["nouns"]),
        text_nouns=_words(sp["texts"]["nouns"]),
        text_participles=_words(sp["texts"]["participles"]),
        colon_not_names=_words(attr["colon_lines"]["not_names"]),
        colon_max_words=int(attr["colon_lines"]["max_name_words"]),
        as_cues=_words(cues["as_clause"]["verbs"]),
        recipient_clause=_words(cues["recipient_clause"]["verbs"]),
        adverbial_clause=_words(cues["adverbial_clause"]["verbs"]),
        joined_rules=_words(cues["joined"]["rules"]),
        joined_deps=_words(cues["joined"]["deps"]),
        learned_cues=_words(cues["learned"]["cue_lemmas"])
        | frozenset(cues["verbs"])
        | frozenset(cues["nouns"]),
        learned_min_score=float(cues["learned"]["min_score"]),
        learned_any_cue_score=float(cues["learned"]["any_cue_score"]),
        learned_no_source_score=float(cues["learned"]["no_source_score"]),
        learned_passive_score=float(cues["learned"]["passive_score"]),
        learned_inner_score=float(cues["learned"]["inner_score"]),
        learned_posterior=_decoding(cues["learned"]["decoding"]),
        learned_neural_weight=_weight(cues["learned"]["neural_weight"]),
        learned_inner_excluded=_words(cues["learned"]["inner_excluded_rules"]),
        belief_cues=_words(cues["acts"]["belief_cues"]),
        directive_cues=_words(cues["acts"]["directive_cues"]),
        event_cues=_words(cues["acts"]["event_cues"]),
        topic_cues=_words(cues["acts"]["topic_cues"]),
        topic_cues_other_senses=_words(cues["acts"]["topic_cues_other_senses"]),
        anonymity_content=tuple(re.compile(rx, re.IGNORECASE) for rx in cues["no_content"]["anonymity"]),
        refusal_content=tuple(re.compile(rx, re.IGNORECASE) for rx in cues["no_content"]["refusals"]),
        not_cues=_words(cues["no_content"]["not_cues"]),
    )
