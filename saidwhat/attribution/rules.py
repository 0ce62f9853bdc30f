"""Rule-based attribution candidates from the dependency parse and the quotation spans.

One pass over the tokens of the attributable sentences: a token whose lemma is a cue (lexicon)
yields at most one candidate, built from its children (subject, content clause, relays) with O(1)
work each. Then one pass over the quotations attaches quotes no cue claimed yet (colon quotes,
quotes after "X said:", quote continuations). See docs/attribution.md for the patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from saidwhat.attribution.lexicon import Lexicon
from saidwhat.attribution.quotes import Quote, QuoteIndex
from saidwhat.attribution.syntax import (
    conj_extent,
    full_extent,
    is_negated,
    np_extent,
    relative_head,
    subject_of,
    trim_span,
)
from saidwhat.nlp import doc_text
from saidwhat.segment.patterns import segment_patterns

# clause dependents of a cue verb that hold what was said
_CONTENT_DEPS = frozenset({"ccomp"})
# objects that are never what was said ("for instance", "denied it")
_NOT_CONTENT = frozenset({"it", "this", "that", "instance", "example", "them", "him", "her"})
# prepositions that continue an object content ("described X as Y", "accused X of Y", "thanked X for Y")
_OBJECT_PREPS = frozenset({"as", "of", "for", "over"})
# cues whose "to X" names who heard it ("confirmed to Reuters")
_SAY_TO = frozenset({"say", "speak", "tell", "confirm", "deny", "explain"})
_OPENERS = frozenset({"but", "and", "yet", "so", "or"})  # sentence-initial joiners, not what was said
_MIN_PARAGRAPH_WORDS = 3  # a colon-introduced paragraph shorter than this is a label, not a statement
_MAX_COLON_GAP = 12  # tokens between a cue and the colon that introduces its quote
# where a participle mis-tagged as a noun sits when it is really a cue verb
_CLAUSE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "ROOT", "parataxis"})


@dataclass(slots=True)
class Candidate:
    """An attribution found by a rule, in token / char terms (finalised by the engine)."""

    content: list[tuple[int, int]]  # char spans, in text order
    cue: tuple[int, int] | None = None  # char span
    lemma: str = ""
    act: str = "claim"
    speaker: Mention | None = None
    via: list[Mention] = field(default_factory=list)  # nearest first
    hedged: bool = False
    cue_tok: Token | None = None
    sent_start: int = 0
    sent_end: int = 0
    rule: str = ""
    framing: bool = False  # an "according to X" that opens or closes its sentence
    score: float = 1.0  # the learned tagger's confidence (rules: 1.0)
    off_agent: bool = False  # a passive cue whose speaker is not its by-agent (learned relations)
    said_at: tuple[int, int] | None = None  # a date taken off the content's start: it dates the saying
    in_quote: bool = False  # a third party's report inside a closed quotation (engine._quoted_report)


def char_span(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Char span of token range ``[a, b)`` (b > a)."""
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)


def subtree_chars(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def object_chars(obj: Token) -> tuple[int, int]:
    """Char span of an object content without a comma-set relative clause at its end ("the reality
    of climate change, which makes him an outlier": the reporter's aside, not what was said)."""
    a, b = subtree_chars(obj)
    for t in obj.subtree:
        if (
            t.dep_ == "relcl"
            and t.right_edge.i == obj.right_edge.i
            and t.left_edge.i > obj.left_edge.i
            and t.left_edge.lower_ in ("which", "who")
            and t.doc[t.left_edge.i - 1].text == ","
        ):
            return a, t.doc[t.left_edge.i - 1].idx
    return a, b


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker or relay mention: ``head`` names it, ``core`` is the noun phrase proper, ``span``
    the mention as written (with comma-set appositives; the relative pronoun for "X, who said")."""

    head: Token
    span: tuple[int, int]
    core: tuple[int, int]


def _line_clip(text: str, head: Token, ca: int, cb: int) -> tuple[int, int]:
    """A mention never crosses a line break: keep the line holding the head."""
    nl = text.rfind("\n", ca, head.idx)
    if nl >= 0:
        ca = nl + 1
    nl = text.find("\n", head.idx, cb)
    if nl >= 0:
        cb = nl
    return ca, cb


def mention(doc: Doc, tok: Token, text: str) -> Mention:
    """The mention headed by ``tok`` (``text`` is ``doc.text``, passed in: spaCy rebuilds it per call)."""
    head = relative_head(tok) or tok
    a, b = np_extent(head)
    a = min(a, head.i)
    b = max(b, head.i + 1)
    core = _line_clip(text, head, *char_span(doc, a, b))
    if head is not tok:  # "Netanyahu, who denies": the pronoun as written, the noun for the name
        return Mention(head, (tok.idx, tok.idx + len(tok.text)), core)
    end = full_extent(head, a, b)
    if end == b:
        end = conj_extent(head, b)
    full = _line_clip(text, head, *char_span(doc, a, end))
    return Mention(head, full, core)


def _after(m: Mention, tok: Token, text: str) -> Mention:
    """``m`` cut to start after ``tok`` (and the spaces after it): *Ellis* of *Said Ellis*."""
    start = tok.idx + len(tok.text)
    while start < m.span[1] and text[start] in " \t\u00a0":
        start += 1
    return Mention(m.head, (max(m.span[0], start), m.span[1]), (max(m.core[0], start), m.core[1]))


# what a passive charge is for: "accused of", "criticized for", "charged with"
_CHARGE_PREPS = frozenset({"of", "for", "with"})


def _before(m: Mention, tok: Token, text: str) -> Mention:
    """``m`` cut to end before ``tok`` (and the spaces and commas in front of it)."""
    end = tok.idx
    while end > m.span[0] and text[end - 1] in " ,\t\u00a0":
        end -= 1
    return Mention(m.head, (m.span[0], min(m.span[1], end)), (m.core[0], min(m.core[1], end)))


def _participle_under(verb: Token, subj: Token) -> Token | None:
    """The participle hanging on ``subj`` (``acl``) that ``verb`` is or sits under, if any."""
    t = verb
    for _ in range(5):
        if t.head.i == subj.i:
            return t if t.dep_ == "acl" else None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _controlled_infinitive(verb: Token, kids: list[Token]) -> tuple[int, int] | None:
    """*urged anyone with information about the shootings to contact police*: after an object, the
    first to-infinitive of the cue's clause with no subject of its own is what the one addressed is
    urged to do (object control), even where the parse hangs it on a noun of the object's modifiers
    (*to contact* on *shootings*). The content runs from the object to the infinitive's end."""
    obj = next((o for o in kids if o.dep_ == "dobj" and o.i > verb.i), None)
    if obj is None or obj.lower_ in _NOT_CONTENT:
        return None
    stop = max(t.i for t in verb.subtree)
    for t in verb.doc[obj.i + 1 : stop + 1]:
        if t.dep_ in ("ccomp", "advcl", "relcl", "conj") or t.text in (";", ":"):
            return None  # a clause of its own starts first
        if (
            t.dep_ in ("acl", "xcomp")
            and t.pos_ in ("VERB", "AUX")
            and any(ch.lower_ == "to" and ch.dep_ == "aux" and ch.i < t.i for ch in t.children)
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in t.children)
        ):
            return subtree_chars(obj)[0], subtree_chars(t)[1]
    return None


def _gerund_content(verb: Token, kids: list[Token]) -> tuple[int, int] | None:
    """*denied using tear gas during the protests*, *admitted taking the money*: a gerund clause
    after an object-taking cue, with no subject of its own, is what its subject denied or admitted
    doing (the parse makes it an ``xcomp``)."""
    for c in kids:
        if (
            c.dep_ == "xcomp"
            and c.i > verb.i
            and c.tag_ == "VBG"
            and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for g in c.children)
        ):
            return subtree_chars(c)
    return None


def _misparsed_complement(obj: Token) -> Token | None:
    """The *that*-clause the parse hung on a cue's object as a relative clause: *told a meeting
    of Pacific Island leaders **that few people understood …*** — a clause opened by *that* as a
    complementizer (``mark``) with a subject of its own is no relative clause (its *that* would be
    the subject or object). For the cues of ``[recipient_clause]`` (the object is the one told)."""
    for t in obj.subtree:
        if t.lower_ in ("so", "such"):
            return None  # "so many layers that it would be a boon": a result clause
        if t.dep_ == "relcl" and t.i > obj.i:
            first = t.left_edge
            if (
                first.lower_ == "that"
                and first.dep_ == "mark"
                and first.head.i == t.i
                and any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children)
            ):
                return t
    return None


def misplaced_subject(verb: Token) -> Token | None:
    """The subject of a cue verb the parse left without one, where the parse put it elsewhere:
    after a sentence-initial cue (:func:`inverted_subject`) or as a conjunct of the phrase before
    the cue (:func:`absorbed_subject`); the two never both apply."""
    return inverted_subject(verb) or absorbed_subject(verb)


def inverted_subject(verb: Token) -> Token | None:
    """The speaker after a sentence-initial cue (*Said Ellis: “…”*, *Added one Republican aide:
    “…”*), which the parse makes the noun the cue modifies (*Said* a compound of *Ellis*) or the
    cue's object: the noun phrase right after the cue, then a colon or a comma."""
    doc = verb.doc
    first = next((t for t in verb.sent if not t.is_punct), None)
    if first is None or first.i != verb.i or not verb.text[:1].isupper() or verb.tag_ != "VBD":
        return None
    noun: Token | None = verb.head if verb.dep_ == "compound" and verb.head.i > verb.i else None
    if noun is None:
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i), None)
    if noun is None or noun.pos_ not in ("PROPN", "NOUN") or noun.i + 1 >= len(doc):
        return None
    return noun if doc[noun.i + 1].text in (":", ",") else None


def absorbed_subject(verb: Token) -> Token | None:
    """The subject the parse read as a conjunct of the phrase before it: *In a panel discussion
    in Washington, **Marc H. Morial**, the chief executive of the National Urban League, forcefully
    told …*; *When terrorists are revealed as part of the … war, **Obama and Clinton** call them …*.
    Only for a main verb with no subject: a name (or a named entity) set off by a comma, whose
    phrase ends right before the verb (adverbs and punctuation between)."""
    if verb.dep_ != "ROOT" or verb.tag_ in ("VB", "VBG", "VBN"):
        return None  # an imperative, a participle: no subject to find
    doc = verb.doc
    start = verb.sent.start
    j = verb.i - 1
    while j > start and (doc[j].is_punct or (doc[j].dep_ == "advmod" and doc[j].head.i == verb.i)):
        j -= 1
    for t in doc[start : j + 1]:
        if (
            t.dep_ == "conj"
            and t.right_edge.i >= j
            and t.left_edge.i > start
            and doc[t.left_edge.i - 1].text == ","
            and (t.pos_ == "PROPN" or t.ent_type_ in _SPEAKER_ENTS)
        ):
            return t
    return None


# the entity types of a speaker the parse hung on a phrase before its verb
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def _misparsed_adverbial(clause: Token) -> tuple[int, int] | None:
    """The clause the parse hung on a cue as an adverbial (*Trump said after the convention **he
    would not accept Cruz's endorsement***: *after the convention* read as opening it), from its
    subject (or its *that*) on: a finite clause with a subject before its verb and no subordinator
    (*if*, *when*, *because*, *as* …: those are adverbials indeed). For the cues of
    ``[adverbial_clause]``."""
    kids = list(clause.children)
    if any(k.dep_ == "mark" and k.lower_ != "that" for k in kids):
        return None
    if any(k.dep_ == "advmod" and k.tag_ in ("WRB", "IN") for k in kids):
        return None  # "when", "where", "how"; "so" / "then" are RB
    subj = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass") and k.i < clause.i), None)
    if subj is None:
        return None
    finite = ("VBD", "VBZ", "VBP", "MD")
    if clause.tag_ not in finite and not any(
        k.dep_ in ("aux", "auxpass") and k.tag_ in finite and k.i < clause.i for k in kids
    ):
        return None
    that = next((k for k in kids if k.lower_ == "that" and k.i < subj.i), None)
    return (that or subj.left_edge).idx, subtree_chars(clause)[1]


def _is_according(tok: Token) -> bool:
    """``tok`` opens *according to*."""
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


def is_supposition(verb: Token, subj: Token) -> bool:
    """*Let's say you think …*, *let us suppose …*: a supposition, no one's statement."""
    return (
        verb.lemma_.lower() in _SUPPOSE
        and subj.lower_ in ("'s", "’s", "us")
        and verb.head.lower_ == "let"
        and verb.head.i < subj.i
    )


# the verbs of *let's say*, *let us suppose* (*let us praise him* is a statement: the writer's)
_SUPPOSE = frozenset({"say", "suppose", "assume", "imagine", "pretend"})


# "MOSCOW (UrduPoint News / Sputnik - 04th June, 2020) White House …": a place in capitals and the
# agency's credit in parentheses, with no dash after it
_PAREN_DATELINE = re.compile(r"[A-Z][A-Z .,'-]{2,40}\s*\([^()\n]{2,80}\)\s*(?:[—–-]{1,2}\s*)?")


def asked_participle(verb: Token) -> bool:
    """*Asked if the government was ready …, the spokesman declined*: a past participle of *ask*
    with no subject or auxiliary of its own — the main clause's subject was asked, it asked nothing."""
    return (
        verb.lemma_.lower() == "ask"
        and verb.tag_ == "VBN"
        and verb.dep_ in ("advcl", "ROOT", "ccomp")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def dateline_end(text: str, pos: int) -> int:
    """Where the news dateline opening the line that holds ``pos`` ends (*WASHINGTON (AP) — *,
    *GAZA CITY, Oct 6 (Reuters) - *; segment.toml ``lead_dateline_cs``); the line's start when it
    opens with none."""
    line = text.rfind("\n", 0, pos) + 1
    head = text[line : line + 160]
    m = segment_patterns().lead_dateline.match(head) or _PAREN_DATELINE.match(head)
    return line + m.end() if m else line


class RuleExtractor:
    """Finds rule candidates in one document."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteIndex) -> None:
        self.doc = doc
        self.lex = lex
        self.quotes = quotes
        self.text = doc_text(doc)

    # ---- cue verbs -------------------------------------------------------------------------
    def from_token(self, tok: Token, sent: Span) -> Candidate | None:
        low = tok.lower_
        if _is_according(tok):
            return self._according(tok, sent)
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and (
            lemma in self.lex.verb_acts
            or (lemma in self.lex.passive_cues and any(c.dep_ == "auxpass" for c in tok.children))
        ):
            return self._verb(tok, lemma, sent)
        if tok.pos_ == "NOUN" and low.endswith("ing") and tok.dep_ in _CLAUSE_DEPS:
            # a participle the tagger took for a noun: "He called for urgency, writing, “…”"
            for guess in (low[:-3], low[:-3] + "e", low[:-4]):
                if guess in self.lex.verb_acts:
                    return self._verb(tok, guess, sent)
        if tok.pos_ == "NOUN" and lemma in self.lex.noun_acts:
            return self._noun(tok, lemma, sent)
        return None

    def _content_of(self, verb: Token, lemma: str) -> tuple[list[tuple[int, int]], str]:
        """Content char spans of a cue verb and which rule found them."""
        spans = self._clause_content(verb, lemma)
        if spans:
            return spans, "ccomp"
        kids = list(verb.children)
        if " " in lemma:  # "call for a deal": the preposition's object
            found = self._phrasal_content(kids, lemma)
            if found is not None:
                return found, "phrasal"
            lemma = lemma.split()[0]
        if lemma in self.lex.to_content:
            span = self._to_content(verb, kids)
            if span is not None:
                return [span], "xcomp"
        if lemma in self.lex.np_content:
            span = self._object_content(verb, kids, lemma)
            if span is not None:
                return [span], "dobj"
            span = _gerund_content(verb, kids)
            if span is not None:
                return [span], "xcomp"
        return [], ""

    def _clause_content(self, verb: Token, lemma: str) -> list[tuple[int, int]]:
        """The reported clause of a cue: its ``ccomp``, also where the parse hung it on *citing*,
        on the cue's object (``[recipient_clause]``) or as an adverbial (``[adverbial_clause]``)."""
        spans = [subtree_chars(c) for c in verb.children if c.dep_ in _CONTENT_DEPS]
        if spans:
            return spans
        for c in verb.children:  # "Walla reported, citing two officials, that …": clause hung on "citing"
            if c.dep_ == "advcl" and c.lemma_.lower() in self.lex.quote_verbs:
                spans = [subtree_chars(g) for g in c.children if g.dep_ in _CONTENT_DEPS]
                if spans:
                    return spans
        for c in verb.children if lemma in self.lex.recipient_clause else ():
            if c.dep_ == "dobj" and c.i > verb.i:
                clause = _misparsed_complement(c)
                if clause is not None:
                    return [(clause.left_edge.idx, subtree_chars(clause)[1])]
        for c in verb.children if lemma in self.lex.adverbial_clause else ():
            if c.dep_ == "advcl" and c.i > verb.i:
                span = _misparsed_adverbial(c)
                if span is not None:
                    return [span]
        return []

    @staticmethod
    def _phrasal_content(kids: list[Token], lemma: str) -> list[tuple[int, int]] | None:
        """The content of a phrasal cue (*call for a deal*, *called on Dean to apologize*): the
        preposition's object (and the clause after it)."""
        prep = lemma.split()[1]
        for c in kids:
            if c.dep_ in ("prep", "prt") and c.lower_ == prep:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                later = [g for g in kids if g.i > c.i and g.dep_ in ("xcomp", "ccomp")]
                if obj is not None and later:  # "called on Dean to apologize"
                    return [(subtree_chars(obj)[0], subtree_chars(later[0])[1])]
                if obj is not None and prep == "for" and obj.lower_ not in _NOT_CONTENT:
                    return [subtree_chars(obj)]
        return None

    @staticmethod
    def _to_content(verb: Token, kids: list[Token]) -> tuple[int, int] | None:
        """The infinitive of a ``[to_content]`` cue (*urged Republicans to join …*)."""
        for c in kids:
            if c.dep_ in ("xcomp",) and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children):
                a, b = subtree_chars(c)
                # "urged Republicans to join …": PolNeAR keeps the one urged
                obj = next((o for o in kids if o.dep_ == "dobj" and verb.i < o.i < c.i), None)
                if obj is not None:
                    a = subtree_chars(obj)[0]
                return a, b
        return _controlled_infinitive(verb, kids)

    def _object_content(self, verb: Token, kids: list[Token], lemma: str) -> tuple[int, int] | None:
        """The object of a ``[np_content]`` cue (*denied the charges*), with what completes it:
        *called the charges “insane”*, *described X as …*, *accused X of …*."""
        obj = next((c for c in kids if c.dep_ == "dobj" and c.i > verb.i), None)
        if lemma == "call" and not any(c.dep_ == "oprd" for c in kids):
            obj = None  # "called a meeting" is no statement; "called the charges “insane”" is
        if obj is None or obj.lower_ in _NOT_CONTENT:
            return None
        a, b = object_chars(obj)
        for c in kids:  # "called the charges “insane”", "described X as …", "accused X of …"
            if c.i > obj.i and c.dep_ == "prep" and c.lower_ == "of" and c.i == obj.right_edge.i + 1:
                # "accused Holt of being a Democrat": what Holt is accused of
                a, b = subtree_chars(c)
                a = self.doc[c.i + 1].idx if c.i + 1 < len(self.doc) else a
                break
            if c.i > obj.i and (
                c.dep_ in ("oprd", "ccomp")
                or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
                or (c.dep_ == "prep" and lemma == "express" and c.i == obj.right_edge.i + 1)
            ):
                b = max(b, subtree_chars(c)[1])
        return a, b

    def _passive_content(self, verb: Token) -> list[tuple[int, int]]:
        """ "The ministry is said to be preparing a plan": the subject and the infinitive.

        Not when the infinitive holds a cue with a reported clause of its own (*the Chief of Staff is
        expected to state that …*: the Chief of Staff's statement), nor when the sentence names its
        source (*is expected to …, according to Haaretz*: Haaretz's statement)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if subj is None or comp is None:
            return []
        acts = self.lex.verb_acts
        for t in comp.subtree:
            if t.pos_ == "VERB" and t.lemma_.lower() in acts and any(k.dep_ == "ccomp" for k in t.children):
                return []
        if any(_is_according(t) for t in verb.sent):
            return []
        return [subtree_chars(subj), subtree_chars(comp)]

    @staticmethod
    def _passive_charge(verb: Token) -> list[tuple[int, int]]:
        """ "Peacekeepers have been accused of hurting civilians": the one charged and the charge.

        The speaker is the agent when there is one (*was criticized by X for …*), else nobody."""
        if not any(c.dep_ == "auxpass" for c in verb.children):
            return []
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        # the charge hangs on the verb, or (a parse slip) on the agent: "by the union for cutting"
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        hosts = [verb, *agents]
        prep = next(
            (
                c
                for h in hosts
                for c in h.children
                if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS and c.i > verb.i
            ),
            None,
        )
        if subj is None or prep is None or not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            return []
        return [subtree_chars(subj), subtree_chars(prep)]

    def _charge_agent(self, verb: Token, cand: Candidate) -> None:
        """The agent of a passive charge is its speaker ("was criticized by the UN for …"), without
        the charge when the parse hung it on the agent ("by the union for cutting pensions")."""
        by = next(
            (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
        )
        if by is None:
            return
        m = mention(self.doc, by, self.text)
        cut = cand.content[-1][0]
        if m.span[0] < cut < m.span[1]:
            end = trim_span(self.text, m.span[0], cut)[1]
            m = Mention(m.head, (m.span[0], end), (m.core[0], min(m.core[1], end)))
        cand.speaker = m

    def _colon_quote(self, verb: Token, sent: Span) -> Quote | None:
        """The quotation introduced by a colon after the cue ("posting in all caps: “…”")."""
        doc = self.doc
        end = min(sent.end, verb.i + _MAX_COLON_GAP)
        for i in range(verb.i + 1, end):
            t = doc[i]
            if t.text == ":" or (t.text == "," and i == verb.i + 1):
                return self.quotes.starting_in(t.idx + 1, t.idx + 4)
            if self.quotes.covering(t.idx) is not None:
                return None
            if t.pos_ == "VERB" and t.lemma_.lower() in self.lex.verb_acts:
                return None
        return None

    def _past_opener(self, first: Token, stop: int, a: int) -> int:
        """Start of a parenthetical cue's content after the words that only join it to what came
        before: *But / And / Yet* (*But the economic weapons, he added, are …*) and, before an
        *as* clause, *If* (*If, as I've suggested, he and other developers benefit …*)."""
        doc = self.doc
        i = first.i
        while i < stop and (doc[i].dep_ == "cc" or doc[i].lower_ in _OPENERS or doc[i].is_punct):
            i += 1
        j = i
        while j < stop and (doc[j].dep_ == "mark" or doc[j].is_punct):
            j += 1
        if j == stop:  # only a subordinator before the cue's clause: "If, as I've suggested, …"
            i = j
        return a if i == first.i else doc[i].idx

    def _colon_paragraph(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """The paragraph after a cue whose line ends with a colon ("Limbaugh added:" then the words
        set apart without quotation marks, as scraped block quotes and posts come)."""
        doc, text = self.doc, self.text
        for i in range(verb.i + 1, min(sent.end, verb.i + _MAX_COLON_GAP)):
            t = doc[i]
            if t.pos_ == "VERB" and t.lemma_.lower() in self.lex.verb_acts:
                return None
            if t.text != ":":
                continue
            a = t.idx + 1
            while a < len(text) and text[a].isspace() and text[a] != "\n":
                a += 1
            if a >= len(text) or text[a] != "\n":
                return None  # the colon does not end its line
            while a < len(text) and text[a].isspace():
                a += 1
            b = text.find("\n", a)
            b = len(text) if b < 0 else b
            if len(text[a:b].split()) < _MIN_PARAGRAPH_WORDS or self.quotes.covering(a) is not None:
                return None  # a quotation is _colon_quote's
            return a, b
        return None

    def _split_lead(self, verb: Token) -> Quote | None:
        """The quotation that ends with a comma right before the cue's clause ("“X,” he said, “Y”",
        "“X,” said Mr. Obama, “Y”"): the first half of a quote split by its cue."""
        subjects = [c.left_edge.idx for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        j = min(subjects, default=verb.idx)
        while j > 0 and self.text[j - 1] in " \t\u00a0":
            j -= 1
        q = self.quotes.covering(j - 1) if j > 0 else None
        if q is None or not q.closed or q.end != j:
            return None
        return q if self.text[q.inner_start : q.inner_end].rstrip().endswith(",") else None

    def _verb_act(self, verb: Token, lemma: str) -> tuple[str, str] | None:
        """The cue's lemma (with its particle: *call for*, *point out*) and speech act; None for a
        cue that states nothing itself (*expressed* without an object of ``express_objects``, and
        the quote verbs: *Haaretz quoted X as saying*, the inner verb carries the statement)."""
        lex = self.lex
        act = lex.verb_acts.get(lemma, "claim")
        # "call for", "point out": particle or preposition child
        for c in verb.children:
            key = f"{lemma} {c.lower_}"
            if c.dep_ in ("prt", "prep") and key in lex.phrasal:
                act = lex.phrasal[key]
                lemma = key
                break
        if lemma == "express":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.lemma_.lower() not in lex.express_objects:
                return None
            act = lex.express_objects[obj.lemma_.lower()]
        if lemma in lex.quote_verbs:
            return None  # "Haaretz quoted X as saying": the inner verb carries the statement
        return lemma, act

    def _verb_content(
        self, verb: Token, lemma: str, sent: Span, content: list[tuple[int, int]], rule: str
    ) -> tuple[list[tuple[int, int]], str] | None:
        """The content of a cue past its clause (:meth:`_content_of` gave ``content``, ``rule``):
        a colon quotation, a colon paragraph, a passive, a passive charge, a parenthetical cue;
        None when it has none."""
        lex = self.lex
        colon = self._colon_quote(verb, sent)
        if colon is not None and rule != "ccomp":
            content, rule = [(colon.start, colon.end)], "colon"
            lead = self._split_lead(verb)
            if lead is not None:  # "“If you …,” he said, “you now have …”": one statement, two parts
                content.insert(0, (lead.start, lead.end))
        if not content and colon is None:
            para = self._colon_paragraph(verb, sent)
            if para is not None:
                content, rule = [para], "colon-paragraph"
        if not content and lemma in lex.passive_cues:
            content = self._passive_content(verb)
            rule = "passive" if content else rule
        if not content and lemma in lex.passive_charges:
            content = self._passive_charge(verb)
            rule = "passive-charge" if content else rule
        if content:
            return content, rule
        parenthetical = self._parenthetical(verb, lemma)
        return (parenthetical, "parenthetical") if parenthetical is not None else None

    def _parenthetical(self, verb: Token, lemma: str) -> list[tuple[int, int]] | None:
        """The content around a parenthetical cue: *The main point, KAN reported, remains …*,
        *As many tax experts have pointed out, Mr. Trump is free to …*; None for another cue."""
        as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if verb.head.i == verb.i:
            return None
        if not (verb.dep_ == "parataxis" or (as_clause and lemma in self.lex.as_cues)):
            return None
        ha, hb = subtree_chars(verb.head)
        va, vb = subtree_chars(verb)
        ha = self._past_opener(verb.head.left_edge, verb.left_edge.i, ha)
        return [s for s in ((ha, va), (vb, hb)) if s[1] > s[0]]

    def _verb_subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The cue's subject (also where the parse misplaced it, and the one who issued a text
        *saying …*) and whether the cue is passive."""
        subj, passive = subject_of(verb, quoted=self.quoted, speaks=self._speaks)
        if subj is None and not passive:
            subj = misplaced_subject(verb)
        if subj is None and not passive and verb.dep_ == "acl" and verb.tag_ == "VBG":
            subj = self._text_source(verb.head)  # "issued a press release saying …"
        return subj, passive

    def _clause_act(self, verb: Token, act: str) -> str:
        """The act turned by a negation (*did not confirm*), else, for a plain claim, named by a
        noun in the cue's clause (*added in an all-caps warning*, *said in a statement*)."""
        lex = self.lex
        if is_negated(verb):
            act = {"confirm": "deny", "deny": "confirm", "praise": "claim"}.get(act, act)
        if act == "claim":
            for c in verb.children:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in lex.noun_acts:
                            act = lex.noun_acts[g.lemma_.lower()]
        return act

    def _subject_speaker(self, verb: Token, subj: Token, cand: Candidate) -> None:
        """The speaker of an active cue that has none yet, from its subject (or the subject's named
        owner), and the hedge of a bare plural report noun (*reports suggest*)."""
        lex = self.lex
        if (poss := self._owner(subj)) is not None:  # "President Trump’s comments suggested"
            cand.speaker = mention(self.doc, poss, self.text)
        else:  # a person, a group, or a document ("the report said")
            cand.speaker = mention(self.doc, subj, self.text)
            if subj.i > verb.i and cand.speaker.span[0] <= verb.idx:  # "Said Ellis: …"
                cand.speaker = _after(cand.speaker, verb, self.text)
            acl = _participle_under(verb, subj)
            if acl is not None:
                # "several senators (now) saying …": the noun phrase ends before its participle
                cand.speaker = _before(cand.speaker, acl.left_edge, self.text)
            self._cited_by(subj, cand)
        if (
            subj.lower_ in lex.report_nouns
            and subj.tag_ == "NNS"
            and not any(c.dep_ in ("det", "poss", "compound") for c in subj.children)
        ):
            cand.hedged = True  # "reports suggest"

    def _verb(self, verb: Token, lemma: str, sent: Span) -> Candidate | None:
        lex = self.lex
        cue = self._verb_act(verb, lemma)
        if cue is None:
            return None
        lemma, act = cue
        content, rule = self._content_of(verb, lemma)
        if lemma == "call" and rule in ("xcomp", "phrasal"):
            act = "demand"  # "called on X to …"
        found = self._verb_content(verb, lemma, sent, content, rule)
        if found is None:
            return None
        content, rule = found
        subj, passive = self._verb_subject(verb)
        if subj is not None:
            if is_supposition(verb, subj):
                return None
            subj = self._past_dateline(subj)
        cand = Candidate(
            content=content,
            cue=(verb.idx, verb.idx + len(verb.text)),
            lemma=lemma,
            act=self._clause_act(verb, act),
            cue_tok=verb,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            rule=rule,
        )
        self._relays(verb, cand)
        if cand.speaker is None and subj is not None:
            self._citing(verb, subj, sent, cand)
        if passive:
            cand.hedged = lemma in lex.passive_cues
            if rule == "passive-charge":
                self._charge_agent(verb, cand)
        elif subj is not None and cand.speaker is None:
            self._subject_speaker(verb, subj, cand)
        if rule in ("dobj", "xcomp", "phrasal") and not passive and not self._plausible(cand, subj):
            return None  # "the high stakes confirm …": a cue verb with no one to say it
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            self._quoted_as(verb, cand)
        return cand

    def _past_dateline(self, subj: Token) -> Token | None:
        """A subject inside the news dateline that opens its line (*WASHINGTON -- President Obama,
        dedicating the museum on Saturday, said …*: the parser made the place the subject and the
        name its apposition) gives way to its apposition after the dateline, else to no one."""
        end = dateline_end(self.text, subj.idx)
        if subj.idx >= end:
            return subj
        return next((c for c in subj.children if c.dep_ == "appos" and c.idx >= end), None)

    def _speaks(self, noun: Token) -> bool:
        """A noun naming people, a group or an organization (not an event), or a text that a
        participle of saying follows and no one issued (*a letter saying …*, ``[speakers.texts]``)."""
        lex = self.lex
        low = noun.lemma_.lower()
        heads = (lex.person_heads, lex.anon_heads, lex.group_heads)
        if noun.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        if noun.pos_ == "NOUN" and any(low in h for h in heads):
            return True
        return self._text_source(noun) is noun

    def _text_source(self, noun: Token) -> Token | None:
        """Who speaks through a text followed by a participle of saying: the text itself (*a
        series of online postings that included **one** saying …*), or the one who issued it
        (***Rubio's campaign** issued a press release saying …*, ***she** released a statement
        saying …*: PolNeAR's source); None when ``noun`` is no such text."""
        lex = self.lex
        if noun.lower_ not in lex.text_nouns and noun.lemma_.lower() not in lex.text_nouns:
            return None
        if not any(
            c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in lex.text_participles
            for c in noun.children
        ):
            return None
        verb = noun.head if noun.dep_ in ("dobj", "pobj", "nsubjpass") else None
        while verb is not None and verb.dep_ == "prep":
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subj is not None and (subj.tag_ == "PRP" or self._speaks(subj)):
            return subj
        return noun

    def _relays(self, verb: Token, cand: Candidate) -> None:
        """Relays in the cue's clause: "told Reuters", "in an interview with Channel 12", "citing X"."""
        lex = self.lex
        for c in verb.children:
            if c.dep_ in ("dative", "dobj") and cand.lemma == "tell" and self._outletish(c):
                self._add_via(cand, c)
            elif c.dep_ == "prep" and c.lower_ in ("in", "during"):
                self._interview_relays(c, cand)
            elif c.dep_ == "prep" and c.lower_ == "to" and cand.lemma in _SAY_TO:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and self._outletish(obj):  # "said to Reuters"
                    self._add_via(cand, obj)
            elif c.dep_ == "advcl" and c.lemma_.lower() == "cite":
                self._cited_relay(verb, c, cand)
            elif c.dep_ == "advmod" and c.lower_ in lex.hedge_words:
                cand.hedged = True
            elif c.dep_ == "ccomp" and cand.speaker is None:
                self._citing_inside(verb, c, cand)

    def _interview_relays(self, prep: Token, cand: Candidate) -> None:
        """ "in an interview with Channel 12", "during an interview to X": via the interviewer."""
        for g in prep.children:
            if g.dep_ == "pobj" and g.lemma_.lower() in self.lex.interview_nouns:
                for p in g.children:
                    if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                        for o in p.children:
                            if o.dep_ == "pobj":
                                self._add_via(cand, o)

    def _cited_relay(self, verb: Token, citing: Token, cand: Candidate) -> None:
        """ "Citing sources familiar with the matter, Walla reported …": the cited are the speaker,
        the subject the relay."""
        obj = next((g for g in citing.children if g.dep_ == "dobj"), None)
        subj = next((g for g in verb.children if g.dep_ == "nsubj"), None)
        if obj is not None and subj is not None and self._sourcelike(obj):
            cand.speaker = mention(self.doc, obj, self.text)
            self._add_via(cand, subj)

    def _citing_inside(self, verb: Token, clause: Token, cand: Candidate) -> None:
        """ "The Times of Israel reported, citing a source familiar with the talks, that …": the parse
        hangs "citing" on the reported clause; the cited are the speaker, the subject the relay, and
        the content starts after the citing phrase."""
        doc = self.doc
        for g in clause.children:
            if g.dep_ != "advcl" or g.lemma_.lower() != "cite" or not (verb.i < g.i < clause.i):
                continue
            obj = next((o for o in g.children if o.dep_ == "dobj"), None)
            subj = next((o for o in verb.children if o.dep_ == "nsubj"), None)
            if obj is None or subj is None or not self._sourcelike(obj):
                return
            k = g.right_edge.i + 1
            while k < clause.right_edge.i and doc[k].is_punct:
                k += 1
            start = doc[k].idx
            cand.content = [(max(a, start), b) if a <= g.idx < b else (a, b) for a, b in cand.content]
            cand.speaker = mention(doc, obj, self.text)
            self._add_via(cand, subj)
            return

    def _citing(self, verb: Token, subj: Token, sent: Span, cand: Candidate) -> None:
        """ "Citing sources familiar with the matter, Walla reported" when the parse missed the advcl:
        the noun phrase between "citing" and the next comma is the speaker, the subject the relay."""
        doc = self.doc
        for i in range(sent.start, min(verb.i, sent.start + 3)):
            if doc[i].lower_ != "citing":
                continue
            j = i + 1
            while j < min(verb.i, i + 16) and doc[j].text != ",":
                j += 1
            if j <= i + 1 or j >= verb.i or subj.i < j:
                return
            np = doc[i + 1 : j]
            if not self._sourcelike(np.root):
                return
            span = char_span(doc, i + 1, j)
            cand.speaker = Mention(np.root, span, span)
            self._add_via(cand, subj)
            return

    def quoted(self, pos: int) -> bool:
        return self.quotes.covering(pos) is not None

    def _plausible(self, cand: Candidate, subj: Token | None) -> bool:
        """Whether the subject of an object-taking cue ("denied X") can be a speaker."""
        tok = cand.speaker.head if cand.speaker is not None else subj
        if tok is None:
            return False
        low = tok.lower_
        lex = self.lex
        return (
            tok.pos_ in ("PROPN", "PRON")
            or tok.text[:1].isupper()
            or low in lex.pronouns
            or low in lex.anon_heads
            or low in lex.person_heads
            or tok.lemma_.lower() in lex.person_heads
            or low in lex.group_heads
            or low in lex.outlet_heads
            or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        )

    def _owner(self, subj: Token) -> Token | None:
        """The named owner of a non-source subject: "Trump’s comments", "President Trump’s tone"."""
        low = subj.lemma_.lower()
        if subj.pos_ != "NOUN" or not (low in self.lex.noun_acts or low in self.lex.owned_nouns):
            return None
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        return poss if poss is not None and poss.pos_ == "PROPN" else None

    def _sourcelike(self, tok: Token) -> bool:
        """Whether a cited noun can be a source (not "citing weekend conversations")."""
        low = tok.lower_
        lex = self.lex
        return (
            tok.pos_ == "PROPN" or low in lex.anon_heads or low in lex.person_heads or low in lex.outlet_heads
        )

    def _outletish(self, tok: Token) -> bool:
        """Whether a relay target looks like a news outlet (proper name or outlet description)."""
        return tok.pos_ == "PROPN" or tok.lemma_.lower() in self.lex.outlet_heads

    def _add_via(self, cand: Candidate, tok: Token) -> None:
        m = mention(self.doc, tok, self.text)
        if all(v.core != m.core for v in cand.via):
            cand.via.append(m)

    def _cited_by(self, subj: Token, cand: Candidate) -> None:
        """ "Military sources cited by Channel 13 …": via Channel 13."""
        for c in subj.children:
            if c.dep_ == "acl" and c.lemma_.lower() in self.lex.quote_verbs:
                for g in c.children:
                    if g.dep_ == "agent":
                        for o in g.children:
                            if o.dep_ == "pobj":
                                self._add_via(cand, o)

    def _quoted_as(self, verb: Token, cand: Candidate) -> None:
        """ "Haaretz quoted an unnamed official as saying …": speaker the official, via Haaretz."""
        outer = verb.head.head
        if outer.lemma_.lower() not in self.lex.quote_verbs:
            return
        obj = next((c for c in outer.children if c.dep_ == "dobj"), None)
        subj = next((c for c in outer.children if c.dep_ == "nsubj"), None)
        if obj is None:
            return
        cand.speaker = mention(self.doc, obj, self.text)
        cand.via = []
        if subj is not None:
            self._add_via(cand, subj)
        for c in outer.children:
            if c.dep_ == "advmod" and c.lower_ in self.lex.hedge_words:
                cand.hedged = True

    # ---- "according to X" ----------------------------------------------------------------
    def _according(self, tok: Token, sent: Span) -> Candidate | None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        clause = tok.head
        if clause.i == tok.i:
            return None
        ca, cb = subtree_chars(clause)
        pa, pb = subtree_chars(tok)
        rest = self.text[pb : sent.end_char].strip(" .,;:!?”\"'\n")
        lead = self.text[sent.start_char : pa].strip(" “\"'\n")
        if not rest:  # "…, according to the Israeli daily Haaretz."
            ca, cb = sent.start_char, pa
        elif not lead:  # "According to Channel 13, …"
            ca, cb = pb, sent.end_char
        content = [s for s in ((ca, pa), (pb, cb)) if s[1] > s[0]]
        cand = Candidate(
            content=content,
            cue=(tok.idx, to.idx + len(to.text)),
            lemma="according to",
            act="claim",
            cue_tok=tok,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            rule="according",
        )
        cand.speaker = mention(self.doc, pobj, self.text)
        cand.framing = not lead or not rest
        return cand

    # ---- noun cues --------------------------------------------------------------------------
    def _noun(self, noun: Token, lemma: str, sent: Span) -> Candidate | None:
        """ "Trump’s warning that …", "a statement that …"."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        cand = Candidate(
            content=[subtree_chars(clause)],
            cue=(noun.idx, noun.idx + len(noun.text)),
            lemma=lemma,
            act=self.lex.noun_acts[lemma],
            cue_tok=noun,
            sent_start=sent.start_char,
            sent_end=sent.end_char,
            rule="noun",
        )
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            cand.speaker = mention(self.doc, poss, self.text)
        return cand
