"""Which way a relative expression points, read from the governing verb in the dependency parse.

``"On Friday, Trump said"`` → ``past``; ``"will meet on Monday"``, ``"is expected to visit on Monday"``,
``"the upcoming visit on Monday"`` → ``future``; nothing decisive → ``None``.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Token

from saidwhat.timex.lexicon import lexicon

Tense = Literal["past", "future"] | None

_PAST_TAGS = {"VBD"}
_VERBAL = {"VERB", "AUX"}
_MODIFIER_DEPS = {"amod", "advmod", "compound"}


def _governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (itself excluded), or None at the sentence root."""
    cur = tok
    for _ in range(12):
        head = cur.head
        if head is cur:
            return cur if cur.pos_ in _VERBAL else None
        if head.pos_ in _VERBAL or head.tag_.startswith("VB"):
            return head
        cur = head
    return None


def _verb_tense(verb: Token) -> Tense:
    lex = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = [a.lower_ for a in auxes]
    if any(w in lex.future_aux or w in ("going", "gon") for w in lows):
        return "future"
    if any(w in lex.modal_future for w in lows):
        return "future"
    if "had" in lows or "'d" in lows:
        return "past"
    if verb.lemma_.lower() in lex.plan_verbs:
        # "planned a rally on Saturday", "postponed until Tuesday", "due on Monday"
        return "future"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(w in ("has", "have", "'ve", "’ve") for w in lows) and verb.tag_ == "VBN":
        return "past"
    if verb.tag_ in _PAST_TAGS:
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        # reduced relative ("the talks held on Friday") reads as past
        return "past"
    if verb.tag_ == "VB" and "to" in lows:
        head = verb.head
        if any(c.lower_ == "had" for c in head.children if c.dep_ in ("aux", "auxpass")):
            return "past"  # "had come to sign on Friday"
        if head is not verb and head.lemma_.lower() in lex.future_heads:
            return "future"
        if head is not verb and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and verb.dep_ == "xcomp":
            return "future"  # "the talks are to resume on Tuesday"
        if head is not verb and head.pos_ in _VERBAL:
            return _verb_tense(head)
    return None


def _past_perfect(verb: Token) -> bool:
    """``verb`` or the predicate it is the infinitive of is in the past perfect.

    "had been due to expire Friday" (infinitive under an adjective under the auxiliary),
    "had been scheduled to expire at midnight Friday" (under a verb of planning).
    """
    cur = verb
    for _ in range(3):
        if any(c.lower_ in ("had", "'d", "’d") for c in cur.children if c.dep_ in ("aux", "auxpass")):
            return True
        if cur.dep_ not in ("xcomp", "acomp") or cur.head is cur:
            return False
        cur = cur.head
    return False


def tense_at(tok: Token) -> Tense:
    """The tense governing the expression whose syntactic head is ``tok``.

    Future: will/shall/'ll, going to, a modal, a verb of planning or delay, "is to", present
    progressive, a forward-pointing adjective ("upcoming", "next") or "as early as" before it.
    Past: the past perfect (before anything else: "had been due to expire Friday"), a past-tense
    verb or auxiliary, present perfect, a bare past participle. Otherwise None
    (present simple, nominal sentences): the caller decides.
    """
    lex = lexicon()
    doc = tok.doc
    verb = tok if tok.pos_ in _VERBAL else _governing_verb(tok)
    if verb is not None and _past_perfect(verb):
        # the past perfect overrides an intention: "had been scheduled to expire at midnight Friday"
        return "past"
    for i in range(tok.i - 1, max(-1, tok.i - 5), -1):
        t = doc[i]
        if t.lower_ in lex.future_words and t.pos_ in ("ADJ", "VERB", "ADV"):
            return "future"
        if t.lower_ == "as" and i > 0 and doc[i - 1].lower_ in ("early", "soon"):
            return "future"
        if t.lower_ == "since" and i == tok.i - 1:
            return "past"  # "since Oct. 23"
        if t.is_sent_start:
            break
    # "Dermer's upcoming visit to Washington on Monday": a forward word on a noun on the way up
    cur = tok
    for _ in range(6):
        if cur.pos_ in _VERBAL:
            break
        if any(c.lower_ in lex.future_words and c.dep_ in _MODIFIER_DEPS for c in cur.children):
            return "future"
        if cur.head is cur:
            break
        cur = cur.head
    if verb is None:
        return None
    tense = _verb_tense(verb)
    if tense is None and verb.dep_ == "conj" and verb.head.pos_ in _VERBAL:
        # "will hold a meeting on Sunday and visit on Monday": the conjunct shares the auxiliary
        tense = _verb_tense(verb.head)
    if tense is None and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in lex.present_not_future:
        return "future"
    return tense
