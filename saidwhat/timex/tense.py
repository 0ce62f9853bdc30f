"""Which way a relative expression points, read from the governing verb in the dependency parse.

``"On Friday, Trump said"`` → ``past``; ``"will meet on Monday"``, ``"is expected to visit on Monday"``,
``"the upcoming visit on Monday"`` → ``future``; nothing decisive → ``None``.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Token

from saidwhat.nlp import doc_text
from saidwhat.timex.lexicon import lexicon

Tense = Literal["past", "future"] | None

_PAST_TAGS = {"VBD"}
_VERBAL = {"VERB", "AUX"}
_MODIFIER_DEPS = {"amod", "advmod", "compound"}
# a participle in one of these relations is a clause of the verb above it
_CLAUSE_DEPS = {"advcl", "conj", "xcomp", "acl"}
# "until Tuesday" in a present clause: the end of a span that has not yet passed
_UNTIL = {"until", "till", "til", "'til", "’til"}
# "through January", "by Friday" in a present clause: the end of a running span, on either side
_THROUGH = {"through", "thru", "by"}
_WORDS = re.compile(r"[\w'’-]+")


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
    """The tense of ``verb``: its auxiliaries first, then a participle clause, then an infinitive."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = [a.lower_ for a in auxes]
    for step in (_aux_tense, _participle_tense, _infinitive_tense):
        decided, tense = step(verb, auxes, lows)
        if decided:
            return tense
    return None


def _aux_tense(verb: Token, auxes: list[Token], lows: list[str]) -> tuple[bool, Tense]:
    """Auxiliaries, a verb of planning, or a past form decide: (decided, tense)."""
    lex = lexicon()
    if any(w in lex.future_aux or w in ("going", "gon") for w in lows):
        return True, "future"
    if any(w in lex.modal_future for w in lows):
        if "have" in lows and (verb.tag_ == "VBN" or "been" in lows):
            # "may have been responsible for a drop on Wednesday", "would have met Friday"
            return True, "past"
        return True, "future"
    if "had" in lows or "'d" in lows:
        return True, "past"
    if verb.lemma_.lower() in lex.plan_verbs:
        # "planned a rally on Saturday", "postponed until Tuesday", "due on Monday"
        return True, "future"
    if any(a.tag_ == "VBD" for a in auxes):
        return True, "past"
    if _has_perfect(lows) and (verb.tag_ == "VBN" or (verb.tag_ == "VBG" and "been" in lows)):
        return True, "past"  # "has searched", "have been searching since Oct. 23"
    if verb.tag_ in _PAST_TAGS:
        return True, "past"
    return False, None


def _participle_tense(verb: Token, auxes: list[Token], lows: list[str]) -> tuple[bool, Tense]:
    participle = verb.tag_ == "VBG" or (verb.tag_ == "VBN" and verb.dep_ == "conj")
    if not auxes and participle and verb.dep_ in _CLAUSE_DEPS:
        # a participle clause takes the tense of the verb it hangs on: "has fluctuated, rising to a
        # high in June from $29.75 in March"; a coordinated participle shares the auxiliary: "will be
        # reviewed and approved on Monday". A bare past participle clause stays past ("the decision,
        # announced Wednesday").
        host = _host_verb(verb)
        inherited = _verb_tense(host) if host is not None else None
        if inherited is not None or verb.tag_ == "VBG":
            return True, inherited
    if verb.tag_ == "VBN" and not auxes:
        # reduced relative ("the talks held on Friday") reads as past
        return True, "past"
    return False, None


def _infinitive_tense(verb: Token, auxes: list[Token], lows: list[str]) -> tuple[bool, Tense]:
    """ "to" + verb takes its tense from the word it depends on."""
    if verb.tag_ != "VB" or "to" not in lows:
        return False, None
    lex = lexicon()
    head = verb.head
    if any(c.lower_ == "had" for c in head.children if c.dep_ in ("aux", "auxpass")):
        return True, "past"  # "had come to sign on Friday"
    if head.i != verb.i and head.lemma_.lower() in lex.future_heads:
        return True, "future"
    if head.i != verb.i and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and verb.dep_ == "xcomp":
        return True, "future"  # "the talks are to resume on Tuesday"
    if head.i != verb.i and head.pos_ in _VERBAL:
        return True, _verb_tense(head)
    return False, None


def _has_perfect(auxes: list[str]) -> bool:
    """One of the auxiliaries (lower case) makes the present perfect."""
    return any(w in ("has", "have", "'ve", "’ve") for w in auxes)


def _host_verb(verb: Token) -> Token | None:
    """The verb a participle clause hangs on: its head, or the verb governing the noun it modifies."""
    head = verb.head
    if head.i == verb.i:
        return None
    if head.pos_ in _VERBAL or head.tag_.startswith("VB"):
        return head
    return _governing_verb(head)


def _present(verb: Token) -> bool:
    """Present simple, progressive or perfect: "expires", "is valid", "are staying", "has given"."""
    lows = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(w in ("had", "'d", "’d", "was", "were", "did") for w in lows):
        return False
    if _has_perfect(lows):
        return True
    if not lows:
        return verb.tag_ in ("VBZ", "VBP")
    return any(w in ("is", "are", "am", "'s", "’s", "'re", "’re", "do", "does") for w in lows)


def _past_perfect(verb: Token) -> bool:
    """``verb`` or the predicate it is the infinitive of is in the past perfect.

    "had been due to expire Friday" (infinitive under an adjective under the auxiliary),
    "had been scheduled to expire at midnight Friday" (under a verb of planning).
    """
    cur = verb
    for _ in range(3):
        if any(c.lower_ in ("had", "'d", "’d") for c in cur.children if c.dep_ in ("aux", "auxpass")):
            return True
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _span_end(tok: Token) -> str | None:
    """ "until", "through", "by" … when the expression is its object (the end of a span), else None."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "pobj":
            return cur.head.lower_ if cur.head.lower_ in _UNTIL | _THROUGH else None
        if cur.dep_ not in ("npadvmod", "nmod", "compound", "nummod", "appos"):
            break
        cur = cur.head
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return prev if prev in _UNTIL | _THROUGH else None


def _words_before(tok: Token) -> Tense:
    """A few words before the expression: "upcoming", "as early as" (future), "since" (past)."""
    lex = lexicon()
    doc = tok.doc
    verb_between = False
    for i in range(tok.i - 1, max(-1, tok.i - 5), -1):
        t = doc[i]
        if t.lower_ in lex.future_words and t.pos_ in ("ADJ", "VERB", "ADV"):
            return "future"
        if t.lower_ == "as" and i > 0 and doc[i - 1].lower_ in ("early", "soon"):
            return "future"
        if t.lower_ == "since" and t.dep_ != "mark" and not verb_between:
            return "past"  # "since Oct. 23", "since shortly after the Oct. 23 slaying"
        verb_between = verb_between or t.pos_ in _VERBAL
        if t.is_sent_start:
            break
    return None


def _possessive(tok: Token) -> bool:
    """ "Tuesday's election": the expression owns a noun (an event named by its date)."""
    return tok.dep_ == "poss" and any(c.dep_ == "case" and c.tag_ == "POS" for c in tok.children)


def _future_before(tok: Token) -> bool:
    """ "ahead of Tuesday's vote", "in the run-up to Sunday's election": a phrase before the noun
    phrase of the expression that puts it ahead (``future_before`` in timex.toml)."""
    doc = tok.doc
    first = doc[min(tok.left_edge.i, tok.head.left_edge.i if _possessive(tok) else tok.left_edge.i)]
    before = _WORDS.findall(doc_text(doc)[max(0, first.idx - 40) : first.idx].lower())
    return any(tuple(before[-len(p) :]) == p for p in lexicon().future_before)


def _modal_only(verb: Token) -> bool:
    """The verb's only pointer forward is a modal ("must rebuild", "can recover"), no will/shall."""
    lex = lexicon()
    lows = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(w in lex.modal_future for w in lows) and not any(
        w in lex.future_aux or w in ("going", "gon") for w in lows
    )


def _forward_modifier(tok: Token) -> bool:
    """ "Dermer's upcoming visit to Washington on Monday": a forward word on a noun on the way up."""
    lex = lexicon()
    cur = tok
    for _ in range(6):
        if cur.pos_ in _VERBAL:
            break
        if any(c.lower_ in lex.future_words and c.dep_ in _MODIFIER_DEPS for c in cur.children):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def tense_at(tok: Token) -> Tense:
    """The tense governing the expression whose syntactic head is ``tok``.

    Future: will/shall/'ll, going to, a modal (not with the perfect: "may have been"), a verb of
    planning or delay, "is to", a forward-pointing adjective ("upcoming", "next") or "as early as"
    before it, "until" under a present or present-perfect verb ("has given them until Tuesday"),
    "by" under a present simple verb ("has doses in place by December").
    Past: the past perfect (before anything else: "had been due to expire Friday"), a past-tense
    verb or auxiliary, the present perfect (also progressive), a bare past participle, "since" a
    few words before. A participle clause takes the tense of the verb it hangs on. Otherwise None
    (present simple, nominal sentences, "through" in a present clause, "by" in a present perfect
    one): the caller decides.
    """
    lex = lexicon()
    verb = tok if tok.pos_ in _VERBAL else _governing_verb(tok)
    if verb is not None and _past_perfect(verb):
        # the past perfect overrides an intention: "had been scheduled to expire at midnight Friday"
        return "past"
    before = _words_before(tok)
    if before is not None:
        return before
    if _forward_modifier(tok) or _future_before(tok):
        return "future"
    if verb is None:
        return None
    tense = _verb_tense(verb)
    if tense == "future" and _possessive(tok) and _modal_only(verb):
        # "After Tuesday's election, the party must rebuild": the modal says nothing of when the
        # event named by its date took place; the nearest occurrence
        return None
    prep = _span_end(tok)
    if prep and tense != "future" and _present(verb):
        if prep in _UNTIL:
            return "future"  # "has given the relatives until 9 a.m. Tuesday", "is valid until Friday"
        if prep == "by" and tense is None and verb.lemma_.lower() not in lex.saying:
            # "by" in a present simple clause is a deadline ahead ("has deals in place for 90m doses
            # by December", "is ready by Friday"); in the present perfect the cutoff is reached
            # ("has killed 10,000 by mid-November"): the nearest occurrence, below. Under a verb of
            # saying it belongs to what is said ("killed 10,000 ... by mid-November, the CDC
            # estimates"), whose own tense the parse lost: the nearest occurrence too
            return "future"
        # "has extended loans through January" (ahead), "has fallen 2% through Oct. 19" (behind): the
        # end of a running period may lie on either side, so no tense (the nearest occurrence)
        tense = None
    if tense is None and verb.dep_ == "conj" and verb.head.pos_ in _VERBAL:
        # "will hold a meeting on Sunday and visit on Monday": the conjunct shares the auxiliary
        tense = _verb_tense(verb.head)
    if tense is None and verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in lex.present_not_future:
        return "future"
    return tense


def present_perfect_at(tok: Token) -> bool:
    """The clause of the expression headed by ``tok`` is in the present perfect ("have suffered ... in
    recent years"), also through a participle clause ("have provided by sharing information ... in
    recent days")."""
    verb = tok if tok.pos_ in _VERBAL else _governing_verb(tok)
    for _ in range(4):
        if verb is None:
            return False
        lows = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if _has_perfect(lows):
            return True
        if lows or verb.tag_ not in ("VBG", "VBN"):
            return False
        verb = _host_verb(verb)
    return False
