"""Speech acts named by the cue's object or by the content (docs/acts.md, rules 2 and 4).

The cue lexicon gives a statement its act; these rules read the act where the cue alone does not
name it, each from one fact of English:

- **what is rejected names the act** — *rejected the results / the claims / suggestions that …*
  rejects an assertion (deny); *rejected the offer / the request* rejects a proposal (refuse);
  *denied the request for bail* withholds what was asked (refuse). A verb of restating or
  issuing whose direct object is a speech-act noun does that act (*reiterated his appeal to
  residents to …* → demand, *issued a warning* → warn; *rebutted the accusation* is no accusation);
- **an explicit performative** — a content whose main verb is itself a cue of another act,
  said by the speaker of itself (*“I reject these results”*, *said it had called on the firms to
  …*): that act;
- **a commitment** — the speaker says what it will do (*said it would work with regulators*,
  *“We will rebuild”*): promise; what it will not do (*would not take part*): refuse; a
  commitment to retaliate (*will take countermeasures*, *vowed retaliation*): threaten;
- **an obligation laid on others** — *more must be done*, *told him he needed to step down*:
  demand;
- **an answer particle** — a quotation opening *“Yes, …”* confirms, *“No, …”* denies.

The acts are decided only for cues of saying (not beliefs or evidence verbs), never for speakers
or contents. The word lists live in ``saidwhat/data/cues.toml`` (``[rejecting]``,
``[rejected_objects]``, ``[content_acts]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from saidwhat.attribution.lexicon import Lexicon, _load, _words
from saidwhat.model import Speaker
from saidwhat.nlp import doc_text

# the speaker kinds a third-person pronoun subject may stand for
_PRONOUN_KINDS = {
    "he": ("person", "unknown"),
    "she": ("person", "unknown"),
    "it": ("organization", "group", "outlet", "unknown", "place", "document"),
    "they": ("organization", "group", "outlet", "unknown", "place"),
}
_SUBJECTS = ("nsubj", "nsubjpass")
_ANY_SUBJECT = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


@dataclass(frozen=True, slots=True)
class ActLexicon:
    rejecting: frozenset[str]
    restating: frozenset[str]
    rejected: dict[str, str]
    future: frozenset[str]
    deontic: frozenset[str]
    obligation_verbs: frozenset[str]
    not_commitments: frozenset[str]
    retaliation: frozenset[str]
    extraposing: frozenset[str]
    aspectual: frozenset[str]
    neg_raising: frozenset[str]
    answers: tuple[tuple[str, re.Pattern[str]], ...]
    negators: frozenset[str]


@lru_cache(maxsize=1)
def act_lexicon() -> ActLexicon:
    cues = _load("cues.toml")
    ca = cues["content_acts"]
    return ActLexicon(
        rejecting=_words(cues["rejecting"]["verbs"]),
        restating=_words(cues["rejecting"]["restating"]),
        rejected=dict(cues["rejected_objects"]),
        future=_words(ca["future"]),
        deontic=_words(ca["deontic"]),
        obligation_verbs=_words(ca["obligation_verbs"]),
        not_commitments=_words(ca["not_commitments"]),
        retaliation=_words(ca["retaliation"]),
        extraposing=_words(ca["extraposing"]),
        aspectual=_words(ca["aspectual"]),
        neg_raising=_words(ca["neg_raising"]),
        answers=tuple((act, re.compile(rx, re.IGNORECASE)) for act, rx in ca["answers"].items()),
        negators=_words(ca["negators"]),
    )


def object_act(verb: Token, lemma: str, act: str, lex: Lexicon) -> str:
    """The act named by the cue's particle or object: *called for* (a learned cue read as *call*),
    *rejected the results* (deny) or *the offer* (refuse), *reiterated his appeal* (demand, a verb
    of ``restating``)."""
    al = act_lexicon()
    if act == "claim" and " " not in lemma:
        for c in verb.children:
            if c.dep_ in ("prt", "prep") and f"{lemma} {c.lower_}" in lex.phrasal:
                return lex.phrasal[f"{lemma} {c.lower_}"]
    if lemma in al.rejecting:
        return _rejected(verb, act, al)
    if act == "claim" and lemma in al.restating:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and lex.noun_acts.get(obj.lemma_.lower(), "claim") != "claim":
            return lex.noun_acts[obj.lemma_.lower()]
    return act


def _rejected(verb: Token, act: str, al: ActLexicon) -> str:
    """*rejected X*: deny when X is an assertion (a listed noun, or a clause: *rejected that …*,
    *rejected signs the party is winning*), refuse when X is a proposal; else the verb's own act."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return "deny"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:  # "rejected as “fraudulent” the results": the parse hangs the object on "as"
        obj = next(
            (
                t
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for t in c.subtree
                if t.dep_ == "dobj"
            ),
            None,
        )
    if obj is None:
        return act
    named = al.rejected.get(obj.lemma_.lower())
    if named is not None:
        return named
    if any(_content_clause(c) for c in obj.children):
        return "deny"
    return act


def _content_clause(tok: Token) -> bool:
    """A clause that states what its noun holds (*claims **that he lied***, *signs **the party is
    winning***): a finite verb with a subject of its own that is not a relative pronoun."""
    if tok.dep_ not in ("acl", "relcl", "ccomp") or tok.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in tok.children if c.dep_ in _SUBJECTS), None)
    return subj is not None and subj.tag_ not in ("WDT", "WP") and subj.lower_ != "that"


@dataclass(slots=True)
class ContentActs:
    """The act a content states of itself (performative, commitment, obligation, answer)."""

    doc: Doc
    lex: Lexicon

    def act(
        self, act: str, cue: Token | None, parts: list[tuple[int, int]], mode: str, speaker: Speaker | None
    ) -> str:
        al = act_lexicon()
        a, b = parts[0]
        if act == "claim" and mode in ("direct", "mixed"):
            opening = doc_text(self.doc)[a:b].lstrip("“”\"'‘’ ")
            for name, rx in al.answers:
                if rx.match(opening):
                    return name  # "Yes, …", "No, …"
        if act == "promise":
            retaliates = any(t.lemma_.lower() in al.retaliation for p in parts for t in self._span(*p))
            return "threaten" if retaliates else act  # "vowed retaliation", "pledged to retaliate"
        if act not in ("claim", "announce"):
            return act
        verbs = self._clause_verbs(a, b)
        if not verbs:
            return act
        main, subj = verbs[0], _subject(verbs[0])
        mine = self._speaker_itself(subj, cue, speaker, main, mode)
        said = self._performed(main) if mine else None
        if said is not None:
            return said  # "“I reject these results”", "said it had called on …"
        if act == "announce":
            return act
        future = next((v for v in verbs if self._future(v, mode, a)), None)
        if future is not None and self._speaker_itself(_subject(future), cue, speaker, future, mode):
            return self._commitment(future, al)
        if self._obligation(main, al) and not mine and not _first_person(subj):
            return "demand"  # "more must be done", "told him he needed to step down"
        return act

    def _span(self, a: int, b: int) -> Span | list[Token]:
        return self.doc.char_span(a, b, alignment_mode="expand") or []

    def _clause_verbs(self, a: int, b: int) -> list[Token]:
        """The content's main verb (the first token whose head lies outside the span) and the verbs
        joined to it (*opposes this and will take countermeasures*)."""
        span = self._span(a, b)
        if not span:
            return []
        lo, hi = span[0].i, span[-1].i
        root = next((t for t in span if not lo <= t.head.i <= hi or t.head.i == t.i), None)
        if root is None or root.pos_ not in ("VERB", "AUX"):
            return []
        return [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]

    def _speaker_itself(
        self, subj: Token | None, cue: Token | None, speaker: Speaker | None, verb: Token, mode: str
    ) -> bool:
        """The subject is the speaker: *I / we*, a pronoun of the speaker's kind when the cue names
        no one told (*told the minister he …* is ambiguous), the speaker's own words, or no subject
        at all in a headline's *X says will …*."""
        if subj is None:
            return (
                verb.dep_ == "ccomp"
                and cue is not None
                and verb.head.i == cue.i
                and not any(c.dep_ in _ANY_SUBJECT for c in verb.children)
                and any(c.dep_ == "aux" and c.lemma_.lower() in act_lexicon().future for c in verb.children)
            )
        low = subj.lower_
        if low in ("i", "we"):
            return True
        if speaker is None or mode == "direct":
            return False  # in a quotation the speaker is "I" or "we"; "he" is someone else
        if low in _PRONOUN_KINDS:
            told = cue is not None and any(c.dep_ in ("dobj", "dative") for c in cue.children)
            return speaker.kind in _PRONOUN_KINDS[low] and not told
        own = " ".join(t.text for t in subj.subtree if t.dep_ != "det").lower()
        return own in (speaker.text.lower().removeprefix("the "), (speaker.name or "").lower())

    def _performed(self, verb: Token) -> str | None:
        """The act of a content verb that is itself a cue, done by the speaker now or before (*I
        reject*, *it has called on*); None for a plain claim, a negated or a modal one."""
        lemma = verb.lemma_.lower()
        negated = lemma not in act_lexicon().neg_raising and any(c.dep_ == "neg" for c in verb.children)
        if (
            lemma not in self.lex.verb_acts
            or negated
            or any(
                c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "aux" and c.tag_ == "MD")
                for c in verb.children
            )
        ):
            return None  # "I have been asked to resign": what was done to the speaker
        act = object_act(verb, lemma, self.lex.verb_acts[lemma], self.lex)  # "call on / for"
        if (
            act in ("claim", "question")
            and lemma in self.lex.directive_cues
            and any(
                c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                for c in verb.children
            )
        ):
            act = "demand"  # "it has asked authorities to track down …"
        return None if act == "claim" else act

    def _future(self, verb: Token, mode: str, start: int) -> bool:
        """The verb is a future of an action: *will / shall* + a verb that is no state (nor one
        after *continue to*), not passive, not progressive (*will be using* tells what is arranged,
        not what is willed), not a counterfactual (*would have won*, *would … if he had written*),
        not an indirect question (*whether it will …*), its subject no extraposed *it* (*it would
        take days to count*); *would*, the future of the past, only in reported words (in the
        speaker's quoted words it is a conditional: “I'd try to avoid travel”)."""
        al = act_lexicon()
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        modal = next((c for c in aux if c.tag_ == "MD" and c.lemma_.lower() in al.future), None)
        if modal is None:
            return False
        if modal.lower_ in ("would", "'d", "’d") and (mode == "direct" or self._quoted(start, modal)):
            return False
        if any(c.dep_ == "auxpass" or c.lemma_.lower() == "have" for c in aux) or (
            verb.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in aux)
        ):
            return False
        if (
            _stative(verb, al)
            or _counterfactual(verb)
            or any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children)
        ):
            return False
        subj = _subject(verb)
        return not (
            subj is not None
            and subj.lower_ == "it"
            and verb.lemma_.lower() in al.extraposing
            and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
        )

    def _quoted(self, start: int, tok: Token) -> bool:
        """``tok`` lies inside a quotation opened in its sentence or in the content (which starts at
        ``start``; a mixed content may start inside the quotation)."""
        before = doc_text(self.doc)[min(start, tok.sent.start_char) : tok.idx]
        return before.count("“") > before.count("”") or before.count('"') % 2 == 1

    def _commitment(self, verb: Token, al: ActLexicon) -> str:
        if any(c.dep_ == "neg" or c.lower_ in al.negators for c in verb.children):
            return "refuse"  # "would not take part", "will never accept"
        if any(t.lemma_.lower() in al.retaliation for t in verb.subtree):
            return "threaten"  # "will take countermeasures"
        return "promise"

    def _obligation(self, verb: Token, al: ActLexicon) -> bool:
        """*must / ought to* + an action (not the epistemic *must be*, *must have been*; *must not*
        forbids, still a demand), or *need to / have to* + an action with no modal of its own (*will
        have to wait* predicts), not negated (*need not*, *did not have to* lift the obligation),
        not *have yet to*, *has enough drugs to*."""
        aux = [c for c in verb.children if c.dep_ == "aux"]
        if any(c.lower_ in al.deontic for c in aux):
            return verb.lemma_.lower() not in ("be", "have") and not any(
                c.lemma_.lower() == "have" for c in aux
            )
        if verb.lemma_.lower() not in al.obligation_verbs or any(
            c.tag_ == "MD" or c.dep_ in ("neg", "dobj") or c.lower_ == "yet" for c in verb.children
        ):
            return False
        return any(
            c.dep_ == "xcomp"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            and c.lemma_.lower() != "be"
            for c in verb.children
        )


def _stative(verb: Token, al: ActLexicon) -> bool:
    """A state or an outcome (``not_commitments``), also after an aspect verb (*will continue to see*)."""
    if verb.lemma_.lower() in al.not_commitments:
        return True
    inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    aspect = verb.lemma_.lower() in al.aspectual
    return aspect and inner is not None and inner.lemma_.lower() in al.not_commitments


def _subject(verb: Token) -> Token | None:
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subj is None and verb.dep_ == "conj":
        return _subject(verb.head)
    return subj


def _counterfactual(verb: Token) -> bool:
    """An *if* clause in the past perfect or with *were* hangs on ``verb``: a counterfactual (*would
    hide his head if he had written*, *would advise him if his son were still serving*)."""
    return any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)
        and (c.lower_ == "were" or any(g.lower_ in ("had", "'d", "’d", "were") for g in c.children))
        for c in verb.children
    )


def _first_person(subj: Token | None) -> bool:
    return subj is not None and subj.lower_ in ("i", "we")
