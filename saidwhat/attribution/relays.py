"""Relays the context gives (docs/attribution.md, "Relays"): after the statements of a document are
built, a statement that names no relay of its own takes one from what encloses it.

* **Inside another statement**: a statement whose cue and speaker lie in the content of a report
  (*say, report, tell, write, recall, note*) by someone else is passed on by that speaker (*…,
  experts warned …, the magazine said*) — not a pronoun speaker (*Warren told Stumpf, after he
  admitted …*: the one spoken to, not a relayed source).
* **A readout never closed**: *A spokesperson for the Prime Minister said:* and a quotation whose
  opening mark is never closed in the rest of the text — every later statement is part of the
  spokesperson's readout (*The PM said …* → the PM via the spokesperson).
* **An outlet's report**: after a named outlet *reports / notes / reveals / details* (*The Los
  Angeles Times notes that …*), the statements later in the same paragraph come from that report
  (*“…,” said the battalion chief* → via the Times); an outlet that *says* speaks for itself.
* **The outlet writing the copy is never a relay** of its own copy: in a text whose dateline credits
  Reuters (*WASHINGTON, May 17 (Reuters) –*), *X told Reuters* is X's statement, no relay.

Only ``via`` changes: no statement is added or dropped, no speaker changes.

Reports passed on inside another report (:func:`relayed_reports`, run on the rule candidates before
statements are built): the rules leave them out, as a cue inside another's content is nested, or
find no content for them. A report verb's content that *is* a report by a named or described
speaker (*Mr Kefu says **the judge has advised** the decision won't affect …*; *the Wall Street
Journal said **the airline said in a statement that** …*; *Sources recall that **President Buhari
… told** cabinet members … to resign*), a directive credited with *by* inside a report (*He said the
operation followed **a directive by the Commissioner** to personnel to mop up …*) and the reports
inside a readout never closed (*A spokesperson said: “… **President Xi said that** …*) are
candidates of their own; :func:`context_relays` then gives them the outer speaker as relay.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from saidwhat.attribution.lexicon import Lexicon
from saidwhat.attribution.quotes import QuoteIndex
from saidwhat.attribution.rules import Candidate, Mention, RuleExtractor, char_span, mention, subtree_chars
from saidwhat.attribution.syntax import is_negated, subject_of, trim_span
from saidwhat.model import Speaker, Statement, Via
from saidwhat.nlp import doc_text

# "WASHINGTON, May 17 (Reuters) –" / "GAZA CITY (AP) -": the agency credited on the first line
_CREDIT = re.compile(r"^[^\n]{0,80}?\(([A-Z][A-Za-z. ]{1,20})\)\s*[—–-]{1,2}\s")
_REPORT_WORDS = 4  # fewest words of an outlet's report that sources its paragraph
_LOOK_BACK = 8  # statements starting before a cue that may enclose it
_QUOTE_MARKS = '"“”'
# an outlet's report whose paragraph it sources ("The Los Angeles Times notes that …"); not "say":
# an outlet that says something speaks for itself ("The Times said it would send a reporter")
_REPORT_LEMMAS = frozenset({"report", "note", "reveal", "detail"})
# a report passed on inside another's content: "…, experts warned …, the magazine said"
_RELAYING_LEMMAS = frozenset({"say", "report", "tell", "write", "recall", "note"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which"})


def _as_via(sp: Speaker) -> Via:
    return Via(text=sp.text, start=sp.start, end=sp.end, name=sp.name, entity=sp.entity, kind=sp.kind)


def _same_source(a: Speaker, b: Speaker) -> bool:
    if a.entity is not None and a.entity == b.entity:
        return True
    if a.name is not None and b.name is not None and a.name.casefold() == b.name.casefold():
        return True
    return a.start == b.start or (a.ref_start is not None and a.ref_start == b.ref_start)


def _credit(text: str) -> str | None:
    m = _CREDIT.match(text)
    return m.group(1).strip().casefold() if m is not None else None


def _relay_chain(outer: Statement) -> list[Via]:
    assert outer.speaker is not None
    return [_as_via(outer.speaker), *outer.via]


def _enclosing(st: Statement, by_start: Sequence[Statement], starts: Sequence[int]) -> Statement | None:
    """The statement by someone else whose content holds ``st``'s cue (``by_start``: the
    statements by content start; the few starting before the cue are looked at)."""
    if st.cue is None or st.speaker is None or st.cue.lemma in ("accord", "according to"):
        return None  # "X said, according to the BBC, that …": the BBC relays X, not the other way
    if st.speaker.text.strip().lower() in _PRONOUNS:
        return None  # "he admitted …" inside another's words is most often the one spoken to or about
    a, b = min(st.cue.start, st.speaker.start), max(st.cue.end, st.speaker.end)
    k = bisect_right(starts, a)
    for o in by_start[max(0, k - _LOOK_BACK) : k]:
        if o is st or o.speaker is None or _same_source(o.speaker, st.speaker):
            continue
        if o.cue is None or o.cue.lemma not in _RELAYING_LEMMAS:
            continue
        spans = [(p.start, p.end) for p in o.content.parts] or [(o.content.start, o.content.end)]
        if any(pa <= a and b <= pb for pa, pb in spans):
            return o
    return None


def _readout(text: str, st: Statement, quotes: QuoteIndex) -> bool:
    """A statement introduced by *X said:* whose quotation is never closed in the rest of the text."""
    if st.cue is None or st.speaker is None:
        return False
    colon = text.find(":", st.cue.end, st.cue.end + 3)
    if colon < 0:
        return False
    q = quotes.starting_in(colon, st.content.start + 1)
    if q is None or q.closed or text[colon + 1 : q.start].strip():
        return False
    return not any(ch in _QUOTE_MARKS for ch in text[q.end :])


def _outlet_report(st: Statement) -> bool:
    """A named outlet reporting something with content (*The Los Angeles Times notes that …*)."""
    return (
        st.speaker is not None
        and st.speaker.kind == "outlet"
        and st.speaker.entity is not None
        and st.speaker.text.strip().lower() not in _PRONOUNS  # "the AP, which first reported the story"
        and len(st.content.text.split()) >= _REPORT_WORDS  # a report with content, not "the story"
        and st.cue is not None
        and st.cue.lemma in _REPORT_LEMMAS
    )


def _paragraph_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def context_relays(text: str, statements: Sequence[Statement], quotes: QuoteIndex) -> None:
    """Fill ``via`` of the statements that have none from their context (module docstring)."""
    credit = _credit(text)
    if credit is not None:
        for st in statements:
            st.via = [v for v in st.via if (v.name or v.text).strip().casefold() != credit]
    by_start = sorted(statements, key=lambda s: s.content.start)
    starts = [s.content.start for s in by_start]
    readout: Statement | None = None
    outlet: tuple[Statement, int] | None = None  # an outlet's report and its paragraph's end
    for st in sorted(statements, key=lambda s: (s.cue or s.content).start):
        anchor = (st.cue or st.content).start
        if outlet is not None and anchor >= outlet[1]:
            outlet = None
        if st.speaker is not None and not st.via:
            outer = _enclosing(st, by_start, starts)
            if outer is None and readout is not None and anchor >= readout.content.end:
                outer = readout
            if outer is None and outlet is not None and st.speaker.kind != "outlet":
                outer = outlet[0]
            if outer is not None and outer.speaker and not _same_source(outer.speaker, st.speaker):
                st.via = _relay_chain(outer)
        if readout is None and _readout(text, st, quotes):
            readout = st
        if _outlet_report(st):
            assert st.cue is not None
            outlet = (st, _paragraph_end(text, st.cue.end))


# ---- reports passed on inside another report (candidates) --------------------------------------
RELAYED_RULE = "relayed"
# verbs of a report passed on beyond ``[relays] relayed_cues``: what one tells another to do
_PASSED_DIRECTIVES = frozenset({"advise", "order", "instruct", "direct", "urge", "ask"})
# cues that direct with an infinitive but inform or ask with a clause
_INFORMING = frozenset({"tell", "advise", "ask"})
# nouns of a directive credited with "by": "a directive by the Commissioner to personnel to …"
_DIRECTIVE_NOUNS = frozenset({"directive", "order", "instruction", "instructions", "call", "appeal"})
# what a report is made in: "said in a statement that …"
_STATEMENT_NOUNS = frozenset({"statement", "interview", "letter", "message", "post", "tweet", "release"})
_SUBJECTS = ("nsubj",)
# objects that say nothing ("denied it")
_NOT_CONTENT = frozenset({"it", "this", "that", "them", "him", "her", "everything", "nothing", "anything"})
_SPEAKER_POS = ("PROPN", "NOUN")


def _span_tokens(doc: Doc, a: int, b: int) -> Span | None:
    return doc.char_span(a, b, alignment_mode="expand")


def _content_root(span: Span) -> Token | None:
    """The token of ``span`` whose head lies outside it (the clause the content is)."""
    for t in span:
        if t.head.i == t.i or not (span.start <= t.head.i < span.end):
            return t
    return None


def _noun_speaker(verb: Token) -> Token | None:
    """The first subject of ``verb`` that names someone (a noun, not a pronoun)."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i), None)
    return subj if subj is not None and subj.pos_ in _SPEAKER_POS else None


def _infinitive_in(tokens: Span | list[Token]) -> bool:
    return any(t.lower_ == "to" and t.dep_ == "aux" and t.head.pos_ == "VERB" for t in tokens)


def _passed_content(verb: Token, np_content: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """What the passed-on report says: its clause (*has advised **the decision won't …***), the
    *that*-clause of *in a statement* (*said in a statement **that no evidence …***), the object of
    a cue whose object is what was said (*denied **reports that …***), the infinitive of a
    directive (*told ministers **to resign***), or — where the parse hung the infinitive inside the
    object (*told **members who have declared their ambition to resign***) — the rest of the
    verb's phrase."""
    kids = [c for c in verb.children if c.i > verb.i]
    clause = next((c for c in kids if c.dep_ == "ccomp"), None)
    if clause is not None:
        return subtree_chars(clause)
    said_in = _statement_clause(kids)
    if said_in is not None:
        return said_in
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None and verb.lemma_.lower() in np_content and obj.lower_ not in _NOT_CONTENT:
        return subtree_chars(obj)  # "the ministry denied reports that …"
    if verb.lemma_.lower() in _PASSED_DIRECTIVES | {"tell"}:
        return _directive_content(verb, kids, obj)
    return None


def _statement_clause(kids: list[Token]) -> tuple[int, int] | None:
    """The *that*-clause the parse hangs on *statement* in *said in a statement that …*."""
    for c in kids:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _STATEMENT_NOUNS:
            continue
        for g in obj.children:
            if g.dep_ in ("acl", "relcl") and g.left_edge.lower_ == "that":
                return g.left_edge.idx, subtree_chars(g)[1]
    return None


def _directive_content(verb: Token, kids: list[Token], obj: Token | None) -> tuple[int, int] | None:
    """A directive's *to*-infinitive, or the rest of the verb's phrase when the parse hung the
    infinitive inside the object (never a *wh*-object: *told them **what** to say*)."""
    for c in kids:
        if c.dep_ == "xcomp" and _infinitive_in([*c.children]):
            return subtree_chars(c)
    if obj is not None and obj.tag_ not in ("WP", "WDT") and _infinitive_in(list(obj.subtree)):
        return obj.left_edge.idx, subtree_chars(verb)[1]
    return None


def _inverted_source(v: Token) -> Token | None:
    """The source after its verb in a closing clause with no subject (*…, reported Tolo News.*,
    which the parse reads as the verb's object): a name right after the verb, closing the clause."""
    if v.lemma_.lower() not in ("report", "say") or any(k.dep_ in ("nsubj", "nsubjpass") for k in v.children):
        return None
    obj = next((k for k in v.children if k.dep_ == "dobj" and k.i > v.i), None)
    if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != v.i + 1:
        return None
    return obj


def _unrealised(verb: Token) -> bool:
    """A report not (yet) made: a modal or *to* before the verb (*the candidate **will announce**
    plans*, *would tell*, *is expected to confirm*)."""
    return any(k.dep_ == "aux" and (k.tag_ == "MD" or k.lower_ == "to") for k in verb.children)


def _named(tok: Token, outlet_heads: frozenset[str]) -> Token:
    """The outlet's name set after its description (*Turkey's state broadcaster **TRT***), else ``tok``."""
    if tok.lemma_.lower() in outlet_heads:
        for k in tok.children:
            if k.dep_ == "appos" and k.i > tok.i and k.pos_ == "PROPN":
                return k
    return tok


def _relay(doc: Doc, tok: Token, text: str, outlet_heads: frozenset[str]) -> Mention:
    """The relay mention of ``tok``, named: *TRT* of *Turkey's state broadcaster TRT*, *KTN* of
    *local broadcaster KTN* (the description before a name leaves the core)."""
    tok = _named(tok, outlet_heads)
    m = mention(doc, tok, text)
    if tok.pos_ != "PROPN" and not tok.text[:1].isupper():  # the tagger may make a name a noun
        return m
    desc = [k for k in tok.children if k.dep_ in ("compound", "amod") and k.i < tok.i]
    last = max((k.i for k in desc if k.lemma_.lower() in outlet_heads), default=None)
    if last is None or last + 1 > tok.i:
        return m
    start = doc[last + 1].idx
    return Mention(m.head, (max(m.span[0], start), m.span[1]), (max(m.core[0], start), m.core[1]))


class _Passed:
    """Builds the candidates of :func:`relayed_reports` for one document."""

    def __init__(self, doc: Doc, lex: Lexicon, quotes: QuoteIndex, cands: Sequence[Candidate]) -> None:
        self.doc = doc
        self.lex = lex
        self.quotes = quotes
        self.text = doc_text(doc)
        self.cues = {c.cue[0] for c in cands if c.cue is not None}
        # a rule candidate inside another's content is dropped as nested unless the engine keeps it
        # as a relayed report (a clause, ``ccomp``): only those stand for a passed-on report
        self.reports = {c.cue[0] for c in cands if c.cue is not None and c.rule == "ccomp"}
        self.verbs = lex.relayed_cues | _PASSED_DIRECTIVES

    def candidate(
        self, outer: Candidate, cue: Token, speaker: Token, span: tuple[int, int]
    ) -> Candidate | None:
        a, b = trim_span(self.text, *span)
        if b <= a or cue.idx in self.reports:
            return None
        self.cues.add(cue.idx)
        self.reports.add(cue.idx)
        lemma = cue.lemma_.lower()
        act = self.lex.act_of(lemma)
        # "tell / advise / ask" direct only with an infinitive (*told ministers to resign*); with a
        # clause they inform or ask (*has advised the decision won't affect …*, *asked whether …*)
        content = list(self.doc.char_span(a, b, alignment_mode="expand") or [])
        if lemma in (_PASSED_DIRECTIVES - _INFORMING) | _DIRECTIVE_NOUNS or (
            lemma in _INFORMING and _infinitive_in(content)
        ):
            act = "demand"
        return Candidate(
            content=[(a, b)],
            cue=char_span(self.doc, cue.i, cue.i + 1),
            lemma=lemma,
            act=act,
            speaker=mention(self.doc, speaker, self.text),
            cue_tok=cue,
            sent_start=outer.sent_start,
            sent_end=outer.sent_end,
            rule=RELAYED_RULE,
        )

    def opening_report(self, outer: Candidate) -> Candidate | None:
        """*Mr Kefu says **the judge has advised** …*: the outer content opens with a report."""
        if outer.lemma not in self.lex.relaying_cues or len(outer.content) != 1:
            return None
        span = _span_tokens(self.doc, *outer.content[0])
        root = _content_root(span) if span is not None else None
        if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in self.verbs:
            return None
        subj = _noun_speaker(root)
        if subj is None or is_negated(root) or _unrealised(root):
            return None  # "has never told them what to say", "will announce plans": no report passed on
        lead = self.text[outer.content[0][0] : subj.left_edge.idx].strip().lower()
        content = _passed_content(root, self.lex.np_content)
        if lead not in ("", "that") or content is None:
            return None
        return self.candidate(outer, root, subj, content)

    def directive(self, outer: Candidate) -> Candidate | None:
        """*He said the operation followed **a directive by the Commissioner** … to mop up …*."""
        if outer.lemma not in self.lex.relaying_cues or len(outer.content) != 1:
            return None
        span = _span_tokens(self.doc, *outer.content[0])
        for n in span or ():
            if n.pos_ != "NOUN" or n.lemma_.lower() not in _DIRECTIVE_NOUNS:
                continue
            by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
            if by is None or agent is None or agent.pos_ not in _SPEAKER_POS:
                continue
            a = subtree_chars(by)[1]
            b = min(subtree_chars(n.head)[1], outer.content[0][1])
            rest = self.doc.char_span(a, b, alignment_mode="expand")
            if rest is not None and _infinitive_in(rest):
                return self.candidate(outer, n, agent, (a, b))
        return None

    def readout(self, outer: Candidate) -> list[Candidate]:
        """*A spokesperson said:* and a quotation never closed: the reports in its first paragraph
        (the rules leave cues inside a quotation out) are candidates of their own."""
        if outer.cue is None or outer.speaker is None:
            return []
        colon = self.text.find(":", outer.cue[1], outer.cue[1] + 3)
        if colon < 0:
            return []
        q = self.quotes.starting_in(colon, colon + 4)
        if q is None or q.closed or any(ch in _QUOTE_MARKS for ch in self.text[q.end :]):
            return []
        rules = RuleExtractor(self.doc, self.lex, self.quotes)
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        out: list[Candidate] = []
        for tok in span or ():
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.verb_acts or tok.idx in self.cues:
                continue
            c = rules.from_token(tok, tok.sent)
            # the rules take no subject inside a quotation: the readout's own reports have one
            subj, passive = subject_of(tok)
            if c is None or not c.content or passive or subj is None or subj.pos_ not in _SPEAKER_POS:
                continue
            self.cues.add(tok.idx)
            c.speaker = mention(self.doc, subj, self.text)
            c.rule = RELAYED_RULE
            out.append(c)
        return out

    # ---- relays the rules miss in a candidate's own clause ----------------------------------------
    def framing_clause(self, c: Candidate, cands: list[Candidate]) -> None:
        """*The ceasefire would hold, the minister said, **Iranian state television reported**.*: a
        reporting clause that closes another report, set off by a comma and reporting nothing after
        its verb, passes the whole report on — its subject is the relay, it leaves the content, and
        its own candidate (the same words read as its report) goes."""
        if c.cue is None or c.speaker is None or not c.content:
            return
        a, b = c.content[-1]
        span = self.doc.char_span(a, b, alignment_mode="expand")
        for v in span or ():
            if v.pos_ != "VERB" or v.lemma_.lower() not in self.lex.relaying_cues or v.idx < c.cue[1]:
                continue
            subj = _noun_speaker(v) or _inverted_source(v)
            if subj is None or not self._closes(v, b):
                continue
            first = min(subj.left_edge, v, key=lambda t: t.i)
            if first.idx > a and self.doc[first.i - 1].text != ",":
                continue
            cut = self.doc[first.i - 1].idx if first.i > 0 and first.idx > a else first.idx
            parts = [(pa, min(pb, cut)) for pa, pb in c.content if pa < cut]
            parts = [trim_span(self.text, pa, pb) for pa, pb in parts]
            parts = [(pa, pb) for pa, pb in parts if pb > pa]
            if not parts:
                return
            c.content = parts
            c.via.append(_relay(self.doc, subj, self.text, self.lex.outlet_heads))
            cands[:] = [o for o in cands if o.cue is None or o.cue[0] != v.idx]
            return

    def _closes(self, v: Token, end: int) -> bool:
        """``v`` reports nothing after it (no clause, no object but the one told) and its phrase
        runs to ``end``."""
        for k in v.children:
            if k.i < v.i:
                continue
            told = k.dep_ in ("dobj", "dative") and v.lemma_.lower() == "tell"  # "…, he told Reuters"
            src = _inverted_source(v)
            inverted = src is not None and k.i == src.i  # "…, reported Tolo News"
            if k.dep_ not in _CLOSING_DEPS and not told and not inverted:
                return False
        return subtree_chars(v)[1] >= end - 1 and v.idx + len(v.text) <= end

    def quoted_by(self, c: Candidate) -> None:
        """*The minister was quoted **by Xinhua** as saying …* / *was quoted as saying by the state
        news agency*: the agent of a passive *quote / cite* is the relay."""
        v = c.cue_tok
        if v is None or c.via or v.dep_ != "pcomp" or v.head.lower_ != "as":
            return
        q = v.head.head
        if q.lemma_.lower() not in self.lex.quote_verbs or not any(k.dep_ == "auxpass" for k in q.children):
            return
        for holder in (q, v):
            for k in holder.children:
                if k.dep_ == "agent" or (k.dep_ == "prep" and k.lower_ == "by"):
                    obj = next((g for g in k.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.pos_ in _SPEAKER_POS:
                        c.via.append(_relay(self.doc, obj, self.text, self.lex.outlet_heads))
                        return

    def as_quoted_by(self, c: Candidate) -> None:
        """*…, as quoted by **state media** / as reported by **the state news agency***: the outlet
        described, not named, relays the statement; the phrase leaves the content."""
        if c.via or not c.content:
            return
        a, b = c.content[-1]
        m = _AS_BY.search(self.text, a, b)
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand") if m else None
        if m is None or span is None or not len(span):
            return
        if not {span.root.lemma_.lower(), span.root.lower_} & self.lex.outlet_heads:  # media → medium
            return
        c.via.append(Mention(span.root, (span.start_char, span.end_char), (span.start_char, span.end_char)))
        cut = trim_span(self.text, a, m.start())
        c.content = [*c.content[:-1], cut] if cut[1] > cut[0] else c.content[:-1]

    def report_by(self, c: Candidate) -> None:
        """*…, according to **a report by local broadcaster KTN***: the relay is the outlet whose
        report it is, not *a report*; the phrase leaves the content."""
        for i, m in enumerate(c.via):
            if m.head.lemma_.lower() not in self.lex.report_nouns:
                continue
            prep = next((k for k in m.head.children if k.dep_ == "prep" and k.lower_ in _REPORT_PREPS), None)
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
            if obj is None or not (obj.pos_ == "PROPN" or obj.lemma_.lower() in self.lex.outlet_heads):
                continue
            c.via[i] = _relay(self.doc, obj, self.text, self.lex.outlet_heads)
            if c.content:
                a, b = c.content[-1]
                k = self.text.rfind("according to", a, b)
                if k > a and m.head.idx > k:
                    cut = trim_span(self.text, a, k)
                    c.content = [*c.content[:-1], cut] if cut[1] > cut[0] else c.content[:-1]
            return

    def told_outlet(self, c: Candidate) -> None:
        """*told **local broadcaster NTV** that …*: the one told is a name after an outlet noun (the
        parse may tag the name a common noun); not *told a news conference*, *his radio audience*."""
        v = c.cue_tok
        if v is None or c.via or c.lemma != "tell":
            return
        for k in v.children:
            if (
                k.dep_ in ("dobj", "dative")
                and k.text[:1].isupper()
                and any(
                    g.dep_ in ("compound", "appos") and g.lemma_.lower() in self.lex.outlet_heads
                    for g in k.children
                )
            ):
                c.via.append(_relay(self.doc, k, self.text, self.lex.outlet_heads))
                return


# "…, as quoted by state media" closing a content (a named outlet is the statement builder's)
_AS_BY = re.compile(r",?\s+as\s+(?:quoted|cited|reported)\s+by\s+([^,.;\n]{2,60}?)\s*[.;]?\s*$")
# "a report by / from / in X"
_REPORT_PREPS = frozenset({"by", "from", "in", "of"})
# what may follow the verb of a closing reporting clause: "…, state television reported on Sunday."
_CLOSING_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})


QUOTED_AS_RULE = "quoted-as"


def _fronted_quoted_as(doc: Doc, lex: Lexicon, text: str, seen: set[int]) -> list[Candidate]:
    """*Only the ceasefire was discussed, **ARY News quoted the minister as saying** during a press
    conference*: the clause before *X quoted Y as saying* is Y's, relayed by X (the rules read the
    clause after *as saying* only)."""
    out: list[Candidate] = []
    for v in doc:
        if v.lemma_.lower() not in lex.quote_verbs or v.pos_ != "VERB":
            continue
        kids = list(v.children)
        subj = next((k for k in kids if k.dep_ == "nsubj" and k.i < v.i), None)
        obj = next((k for k in kids if k.dep_ == "dobj" and k.i > v.i), None)
        clause = next((k for k in kids if k.dep_ == "ccomp" and k.i < v.i), None)
        as_ = next((k for k in kids if k.dep_ == "prep" and k.lower_ == "as" and k.i > v.i), None)
        cue = next((g for g in as_.children if g.dep_ == "pcomp"), None) if as_ is not None else None
        if subj is None or obj is None or clause is None or cue is None or cue.idx in seen:
            continue
        if cue.lemma_.lower() not in lex.verb_acts or any(g.dep_ == "ccomp" for g in cue.children):
            continue
        a, b = trim_span(text, *subtree_chars(clause))
        if b <= a or doc[subj.left_edge.i - 1].text != ",":
            continue  # the clause set off by a comma before its reporter
        seen.add(cue.idx)
        out.append(
            Candidate(
                content=[(a, b)],
                cue=char_span(doc, cue.i, cue.i + 1),
                lemma=cue.lemma_.lower(),
                act=lex.act_of(cue.lemma_.lower()),
                speaker=mention(doc, obj, text),
                via=[_relay(doc, subj, text, lex.outlet_heads)],
                cue_tok=cue,
                sent_start=v.sent.start_char,
                sent_end=v.sent.end_char,
                rule=QUOTED_AS_RULE,
            )
        )
    return out


def relayed_reports(doc: Doc, lex: Lexicon, quotes: QuoteIndex, cands: list[Candidate]) -> list[Candidate]:
    """Candidates for the reports passed on inside the content of ``cands`` (module docstring),
    which the engine adds after dropping nested candidates; each is relayed by the outer speaker
    in :func:`context_relays`. Also gives ``cands`` the relays of their own clause that the rules
    miss (a closing reporting clause, a passive *quoted by*, *told local broadcaster NTV*): the
    candidate of a closing clause is removed from ``cands``."""
    passed = _Passed(doc, lex, quotes, cands)
    for c in list(cands):
        passed.framing_clause(c, cands)
        passed.quoted_by(c)
        passed.told_outlet(c)
        passed.as_quoted_by(c)
        passed.report_by(c)
    out: list[Candidate] = []
    for outer in cands:
        if outer.speaker is None or outer.cue is None:
            continue
        for found in (passed.opening_report(outer), passed.directive(outer)):
            if found is not None:
                out.append(found)
        out.extend(passed.readout(outer))
    out.extend(_fronted_quoted_as(doc, lex, passed.text, passed.cues))
    return out


__all__ = ["QUOTED_AS_RULE", "RELAYED_RULE", "context_relays", "relayed_reports"]
