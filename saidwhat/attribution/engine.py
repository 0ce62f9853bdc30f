"""The attribution engine: rule candidates + quotations + embeds + the learned tagger → Statements.

Order of work (each step linear in the document):
1. quotations (one character scan) and segment lookup (binary search);
2. rule candidates, one pass over the tokens of attributable sentences (:mod:`.rules`);
3. quotations no rule claimed, attached to a nearby cue (split quotes, "X said:" paragraphs);
4. learned relations (:mod:`.learned`) that overlap no rule statement
   (:class:`~saidwhat.attribution.learned_steps.LearnedSteps`, which :class:`Engine` inherits);
5. one pass in text order that resolves speakers and relays, and fills mode, act, hedging,
   platform and ``said_on``; embedded posts become statements of their author
   (:class:`~saidwhat.attribution.statements.StatementBuilder`, which :class:`Engine` inherits).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from saidwhat.attribution.learned import LearnedRelation
from saidwhat.attribution.learned_steps import LearnedSteps, learned_relations
from saidwhat.attribution.lexicon import Lexicon
from saidwhat.attribution.quotes import Quote
from saidwhat.attribution.relays import context_relays, relayed_reports
from saidwhat.attribution.rules import (
    Candidate,
    Mention,
    mention,
)
from saidwhat.attribution.state import _touches
from saidwhat.attribution.statements import StatementBuilder
from saidwhat.attribution.syntax import is_negated, subject_of, trim_span
from saidwhat.entities.index import EntityIndex
from saidwhat.model import Segment, Statement, Timex
from saidwhat.nlp import doc_text

_MAX_HOSTS = 3  # cues of one sentence a quotation after it may continue
MIN_QUOTE_WORDS = 3  # an unattached quotation shorter than this is a scare quote, not a statement
_MIN_LEAD_REST = 3  # words a clause must keep after a leading date is taken off it
# "“…” ― Sonya Herridge": a name after a dash that follows a quotation, on the same line (initials
# such as "Edwin G. Monroy" stay in the name)
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[―—–]{1,2}[ \t\u00a0]*([A-Z](?:[^\n.,;:!?“”\"()@]|(?<=[ \t\u00a0][A-Z])\.){1,60})"
)
# "PENCE: Well, look, …": a capitalised name opening a line, then a colon
_COLON_LINE = re.compile(r"(?m)^[ \t\u00a0]*[“\"]?([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)*):[ \t]+(\S[^\n]*)$")


# "ANA PEREIRA, speaking via a translator:" alone on its line (transcripts), then quoted paragraphs
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}),[ \t]+((?:speaking|writing|testifying|"
    r"answering|responding|replying|through|via|in|on|at)\b[^\n:]{0,60}:)[ \t]*$"
)
_NEXT_PARA = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*(?=[\"“])")
# conjunctions that make a report a case rather than a report ("when / if X says …")
_SUPPOSING = frozenset({"if", "when", "whenever", "unless", "once"})
# a year written before a noun ("a 2009 report said") is no count
_YEARLIKE = re.compile(r"^(1[89]|20)\d\d$")


def _count_fragment(c: Candidate) -> bool:
    """*5,469 laboratory confirmed human cases had been reported*: a count above one right before a
    singular common noun, then a participle and a plural noun that is not its object but the
    argument of another verb: the noun and the participle premodify that plural noun (*N
    laboratory-confirmed cases*), so there is no subject and no saying. A plural object of the verb
    keeps the reading of a group that reports (*300 staff reported injuries*)."""
    sp, cue = c.speaker, c.cue_tok
    if sp is None or cue is None or sp.head.tag_ != "NN" or cue.i != sp.head.i + 1:
        return False
    doc = sp.head.doc
    num = doc[sp.head.i - 1] if sp.head.i > 0 else None
    if num is None or num.tag_ != "CD" or num.head.i != sp.head.i or _YEARLIKE.match(num.text):
        return False
    if num.text.lower() in ("1", "one"):
        return False
    for t in doc[cue.i + 1 : cue.i + 4]:
        if t.tag_ == "NNS":
            return not (t.head.i == cue.i and t.dep_ == "dobj")
        if t.tag_ not in ("JJ", "NN", "VBN", "HYPH"):
            return False
    return False


# quantifiers that count what they modify, as a number does ("most cases", "so many deaths")
_QUANTIFIERS = frozenset({"many", "most", "some", "several", "few", "all", "more", "no"})


def _mute(c: Candidate, lex: Lexicon) -> bool:
    """A speaker headed by a noun of a disease, its agent or its toll (``[speakers.mute]``): *the virus
    shows*, *So many deaths worried the Mexican authorities*, *one case in Northern Ireland confirmed on
    Sunday* (a participle the parse made a clause's verb). Such a thing says nothing, so the cue is no
    saying; a name (*Flu Trackers said*) is not a noun, and *case* is mute only when counted (a court's
    *the case shows* is PolNeAR's source)."""
    sp = c.speaker
    if sp is None or sp.head.pos_ != "NOUN" or sp.head.ent_type_ in ("PERSON", "ORG", "NORP"):
        return False
    if not sp.span[0] <= sp.head.idx < sp.span[1]:
        return False  # the speaker written is another's ("the flu that the WHO has said could be …")
    lemma = sp.head.lemma_.lower()
    if lemma in lex.mute_heads:
        return True
    return lemma in lex.mute_counted and any(
        k.dep_ == "nummod" or (k.dep_ == "amod" and k.lower_ in _QUANTIFIERS) for k in sp.head.children
    )


# verbs that take a predicate and, with an expletive *it*, an extraposed clause: *it is clear that*
_EXTRAPOSING = frozenset({"be", "seem", "appear", "remain", "become"})
_EXTRAPOSED = frozenset({"ccomp", "csubj", "xcomp", "advcl", "acl", "relcl"})


def _infinitive(clause: Token) -> bool:
    return clause.dep_ == "xcomp" or any(k.dep_ == "aux" and k.tag_ == "TO" for k in clause.children)


def _expletive(c: Candidate, lex: Lexicon) -> bool:
    """*It was unclear how much protection current vaccines might offer*, *it is plausible to assume
    that …*, *it is an act of epic solipsism to argue …*, *it's little wonder that …*: an *it* whose
    verb is a copula (or *seem*, *appear*) with a predicate, and a clause after it (extraposition),
    refers to nothing: the clause is the subject. A statement whose speaker is that *it* has no one
    speaking (the cue is the predicate, a verb inside the clause whose subject is anyone, or a clause
    fronted before it: *before accusing China of over-reaction, it is worth stepping back …*): it
    keeps no speaker (PolNeAR's *Attribution-no-source*), never the organization that spoke last.
    Not an *it* that feels or does something (*It was confident that it could reassure …*, *it is
    ready to use …*: ``[speakers.expletive]``), nor one with a verb of its own (*It said …*,
    *It is expected to announce …*)."""
    sp = c.speaker
    if sp is None or sp.head.lower_ != "it" or sp.span[1] - sp.span[0] != 2:
        return False
    verb = sp.head.head
    if sp.head.dep_ not in ("nsubj", "expl") or verb.lemma_.lower() not in _EXTRAPOSING:
        return False
    preds = [k for k in verb.children if k.dep_ in ("acomp", "attr", "oprd") and k.i > verb.i]
    if not preds and verb.lemma_.lower() == "be":
        return False
    words = {p.lower_ for p in preds}
    for k in (k for h in (verb, *preds) for k in h.children):
        if k.dep_ not in _EXTRAPOSED or k.i < verb.i or k.pos_ not in ("VERB", "AUX"):
            continue
        return not (words & lex.experiencer_adjectives or (_infinitive(k) and words & lex.raising_adjectives))
    return False


_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")


class Engine(LearnedSteps, StatementBuilder):
    """Extracts the statements of one parsed document."""

    # ---- 2. rule candidates -------------------------------------------------------------------
    def _sentence_candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        for tok in sent:
            c = self.rules.from_token(tok, sent)
            if c is not None:
                found.append(c)
        relays = [c for c in found if c.rule == "according"]
        if not relays:
            return found
        out = [c for c in found if c.rule != "according"]
        for rel in relays:
            # "According to KAN, Israeli sources confirmed …": KAN relays the sentence's statements
            assert rel.cue_tok is not None and rel.speaker is not None
            src = rel.speaker
            clause = rel.cue_tok.head
            hosts = [
                c
                for c in out
                if c.cue_tok is not None
                and c.rule != "according"
                and (rel.framing or c.cue_tok.i == clause.i or clause in c.cue_tok.ancestors)
                and not (src.span[0] <= c.cue_tok.idx < src.span[1])
            ]
            if not hosts:
                out.append(rel)
            for h in hosts:
                if all(v.core != src.core for v in h.via) and (
                    h.speaker is None or h.speaker.core != src.core
                ):
                    h.via.append(src)
        return out

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for sent in self.sent_spans:
            if not self._attributable(sent.start_char) and not self._attributable(sent.end_char - 1):
                continue
            out.extend(self._sentence_candidates(sent))
        out.extend(self._colon_lines())
        out.extend(self._speaker_lines())
        kept: list[Candidate] = []
        for c in out:
            anchor = (c.cue or c.content[0])[0]
            # a cue inside a quotation is the quoted speaker's own report: nested, not ours (but an
            # unclosed quotation opened in the cue's own sentence may have swallowed its cue:
            # "“We will win, the mayor said."; not when the cue's subject is the quoted speaker's
            # own first person: "“I’ve said before that we have made progress …")
            q = self.quotes.covering(anchor)
            inside = (
                q is not None
                and (q.closed or q.start < c.sent_start or self._first_person(c))
                and c.rule != "colon-line"
            )
            if inside and q is not None and q.closed and self._quoted_report(c, q):
                inside = False  # "“… because the President said if anyone wants …,” he said"
                c.in_quote = True
            if not self._attributable(anchor) or inside:
                continue
            if not c.in_quote:  # a report inside a quotation keeps its clause
                self._fit_content(c)
            self._lead_time(c)
            if c.content:
                kept.append(c)
        passed = relayed_reports(self.doc, self.lex, self.quotes, kept)
        return self._dedupe([*self._drop_nested(self._split_joined(kept)), *passed])

    def _colon_lines(self) -> list[Candidate]:
        """Lines that open with a name and a colon: transcripts ("PENCE: …"), headlines ("Pence: …")."""
        out: list[Candidate] = []
        lex = self.lex
        found = list(_COLON_LINE.finditer(self.text))
        # one capitalised opener in the whole text may be a dateline; several are a transcript
        lone = sum(1 for m in found if m.group(1).isupper()) == 1
        for m in found:
            name = m.group(1)
            words = name.split()
            if len(words) > lex.colon_max_words or any(
                w.lower().strip(".") in lex.colon_not_names for w in words
            ):
                continue
            if len(m.group(2).split()) < MIN_QUOTE_WORDS or not self._attributable(m.start(1)):
                continue
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or not len(span):
                continue
            if self._place(m.start(1), m.end(1)) or (
                ((lone and name.isupper()) or len(found) == 1) and self._reports_itself(m.start(2), m.end(2))
            ):
                # a dateline ("PARIS: The ministry said …", "Islamabad: A Pakistan minister has
                # warned …" where the tagger knows no place), not a speaker
                continue
            if not any(t.pos_ == "PROPN" or t.is_upper for t in span) and not (
                self.segments.kind(m.start(1)) == "headline" and self._named_elsewhere(name)
            ):
                continue  # (in the body, "Sanders: Win in a walk." heads a section)
            a, b = trim_span(self.text, m.start(2), m.end(2))
            sa, sb = self.sentence_at(m.start(1))
            colon = m.end(1)
            out.append(
                Candidate(
                    content=[(a, b)],
                    cue=(colon, colon + 1),
                    lemma=":",
                    speaker=Mention(span.root, (m.start(1), m.end(1)), (m.start(1), m.end(1))),
                    sent_start=sa,
                    sent_end=max(sb, b),
                    rule="colon-line",
                )
            )
        return out

    def _speaker_lines(self) -> list[Candidate]:
        """Transcript layout: a line holding only a name and how they spoke, ending in a colon
        (*ANA PEREIRA, speaking via a translator:*), then paragraphs that open with a quotation:
        one statement of that name, each paragraph a part, up to the first paragraph that does not
        open with a quotation mark."""
        out: list[Candidate] = []
        text = self.text
        for m in _SPEAKER_LINE.finditer(text):
            name = m.group(1)
            if not self._attributable(m.start(1)) or self._place(m.start(1), m.end(1)):
                continue
            span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None or not len(span) or not (name.isupper() or all(t.pos_ == "PROPN" for t in span)):
                continue
            parts: list[tuple[int, int]] = []
            pos = m.end()
            while True:
                nxt = _NEXT_PARA.match(text, pos)
                if nxt is None:
                    break
                q = self.quotes.covering(nxt.end())
                if q is None or q.start != nxt.end():
                    break
                parts.append((q.start, q.end))
                pos = q.end
            if not parts:
                continue
            colon = m.end(2) - 1
            out.append(
                Candidate(
                    content=parts,
                    cue=(colon, colon + 1),
                    lemma=":",
                    speaker=Mention(span.root, (m.start(1), m.end(1)), (m.start(1), m.end(1))),
                    sent_start=m.start(),
                    sent_end=parts[-1][1],
                    rule="colon-line",
                )
            )
        return out

    def _reports_itself(self, a: int, b: int) -> bool:
        """The sentence at ``a`` is a report with a named or described source of its own (*The
        ministry said …*), and the line has no first person (a speaker's own turn): what stands
        before it in capitals is a dateline, not its speaker."""
        if _FIRST_PERSON.search(self.text, a, b):
            return False
        span = self.doc.char_span(a, min(len(self.text), a + 1), alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span[0].sent.root
        if root.lemma_.lower() not in self.lex.verb_acts:
            return False
        return any(
            c.dep_ == "nsubj" and c.i < root.i and c.lower_ not in self.lex.pronouns for c in root.children
        )

    def _place(self, a: int, b: int) -> bool:
        """The name is a place (an entity of type GPE/LOC covering it, or the tagger's place words
        alone): the dateline of a news lead, never a speaker."""
        for ma, mb, ent in self.entities.mentions_in(a, b):
            if ma <= a and b <= mb:
                return ent.type in ("GPE", "LOC")
        span = self.doc.char_span(a, b, alignment_mode="expand")
        words = [t for t in span if not t.is_punct] if span is not None else []
        return bool(words) and all(t.ent_type_ in ("GPE", "LOC") for t in words)

    def _named_elsewhere(self, name: str) -> bool:
        """Whether ``name`` is written capitalized inside a sentence elsewhere in the text (after
        a lower-case word): a name the tagger took for a common noun (headline *Politifact: Donald
        Trump Is Right …*, then *Following Monday's debate Politifact did a fact-check*)."""
        return re.search(r"\b[a-z][\w’']*[ \t]+" + re.escape(name) + r"\b", self.text) is not None

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """One candidate per content: the one with a speaker, taking the more specific act."""
        by_content: dict[tuple[tuple[int, int], ...], Candidate] = {}
        for c in cands:
            key = tuple(c.content)
            old = by_content.get(key)
            if old is None:
                by_content[key] = c
                continue
            keep, drop = (old, c) if old.speaker is not None or c.speaker is None else (c, old)
            if keep.act == "claim" and drop.act != "claim":
                keep.act = drop.act
            by_content[key] = keep
        return list(by_content.values())

    def _quoted_report(self, c: Candidate, q: Quote) -> bool:
        """*“I have no answer yet, because **the chairman said** anyone with questions should see
        him,” the director said*: inside a closed quotation, a report of a third party, named or
        described (a verb of ``[relays] relayed_cues`` with its clause, not negated), is that
        party's statement, passed on by the quotation's speaker (:func:`context_relays` gives the
        relay); the quotation stays its speaker's."""
        verb = c.cue_tok
        subj = self._reporting_third_party(c)
        if verb is None or subj is None:
            return False
        sp = mention(self.doc, subj, self.text)
        inside = all(q.inner_start <= a and b <= q.inner_end for a, b in c.content)
        if sp.span[0] < q.inner_start or not inside:
            return False
        c.speaker = sp
        self._clause_after_object(c, verb)
        return True

    def _reporting_third_party(self, c: Candidate) -> Token | None:
        """The subject of a report made inside a quotation by someone the text names or describes
        (see :meth:`_quoted_report`), or None where the cue makes no such report."""
        verb = c.cue_tok
        if c.rule != "ccomp" or c.lemma not in self.lex.relayed_cues or verb is None or c.speaker is not None:
            return None  # the rules take no subject inside a quotation: a speaker is one outside it
        subj = next((ch for ch in verb.children if ch.dep_ == "nsubj" and ch.i < verb.i), None)
        if subj is None or subj.pos_ not in ("PROPN", "NOUN") or is_negated(verb):
            return None
        lex = self.lex
        if subj.pos_ == "NOUN" and (
            not any(ch.dep_ in ("det", "poss") for ch in subj.children)
            or subj.lemma_.lower() not in lex.person_heads | lex.org_heads | lex.anon_heads | lex.group_heads
        ):
            return None  # "when managers say I moan …": a bare plural is no one in particular;
            # "his performance confirms where he stands": no one who speaks
        if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
            return None  # "Obama saying, ‘…’ would do it", "Mr. Trump, tell me …": no report made
        if any(ch.dep_ == "mark" and ch.lower_ in _SUPPOSING for ch in verb.children):
            return None  # "if the minister says …", "when critics say …": a case, not a report
        return subj

    def _clause_after_object(self, c: Candidate, verb: Token) -> None:
        """*the President said anyone with questions should come*: the parse made the clause's
        subject the verb's object (and its modifier the verb's); the clause starts after the cue."""
        a, b = c.content[0]
        dobj = next((ch for ch in verb.children if ch.dep_ == "dobj" and ch.i > verb.i), None)
        if (
            len(c.content) != 1
            or dobj is None
            or dobj.left_edge.i != verb.i + 1
            or dobj.idx >= a
            or c.lemma in self.lex.recipient_clause  # "told parents the money …": the one told
        ):
            return
        clause = self.doc.char_span(a, b, alignment_mode="expand")
        between = self.doc[verb.i + 1 : clause[0].i] if clause is not None and len(clause) else ()

        def on_verb(t: Token) -> bool:
            return any(x.head.i == verb.i and x.dep_ in ("dobj", "prep") for x in (t, *t.ancestors))

        if between and all(on_verb(t) for t in between):
            c.content = [(dobj.idx, b)]

    @staticmethod
    def _first_person(c: Candidate) -> bool:
        """The cue's subject is *I* or *we* (or it has none): inside a quotation, the quoted speaker
        speaking of their own words."""
        return c.speaker is None or c.speaker.head.lower_ in ("i", "we")

    def _fit_content(self, c: Candidate) -> None:
        """Widen content to whole quotations it touches (not a transcript line's: its quote may run on
        into the next speaker's turn), clip it to the cue's segment."""
        seg = self.segments.at(c.cue[0] if c.cue else c.content[0][0])
        lo, hi = (seg.start, seg.end) if seg is not None else (0, len(self.text))
        parts: list[tuple[int, int]] = []
        for a, b in c.content:
            for q in self.quotes.within(a, b) if c.rule != "colon-line" else ():
                a, b = min(a, q.start), max(b, q.end)
            a, b = trim_span(self.text, max(a, lo), min(b, hi))
            a, b = trim_span(self.text, a, min(self._close_coordination(a, b), hi))
            if b > a:
                parts.append((a, b))
        c.content = parts

    def _close_coordination(self, a: int, b: int) -> int:
        """End of a content whose parse subtree stops on a coordinator whose conjunct the parse hung
        elsewhere (*declined to threaten Moscow or* | *even directly declare it responsible*, *urges
        her husband to come out of the car and* | *repeatedly says …*): before the coordinator."""
        span = self.doc.char_span(a, b, alignment_mode="contract")
        if span is None or len(span) < 2 or span[-1].dep_ != "cc":
            return b
        return span[-1].idx

    def _lead_time(self, c: Candidate) -> None:
        """A date right after the cue that opens a clause without *that* dates the saying, not the
        content: *Hamas said on Friday it was ready to release …* (the parse may hang it on the
        clause's verb, but news writes the time of the statement there)."""
        if c.rule != "ccomp" or c.cue is None or len(c.content) != 1:
            return
        a, b = c.content[0]
        if a < c.cue[1] or self.text[c.cue[1] : a].strip():
            return
        k = bisect_right(self.timex_starts, a - 1)
        for t in self.timexes[k : k + 1]:
            if self.text[a : t.start].strip().lower() not in ("", "on") or t.end >= b:
                continue
            ra, rb = trim_span(self.text, t.end, b)
            if len(self.text[ra:rb].split()) >= _MIN_LEAD_REST:
                c.content = [(ra, rb)]
                c.said_at = (t.start, t.end)

    def _split_joined(self, cands: list[Candidate]) -> list[Candidate]:
        """A cue verb of the same speaker joined to a content's end is a report of its own.

        *Perdue said he didn't believe X, arguing that Y* / *China said it was opposed and warned
        North Korea to refrain*: the parse hangs the participle or conjunct inside the first
        content, but PolNeAR (and a reader) sees two statements with one speaker. The first content
        ends before the joined cue, which keeps its own content and takes the first's speaker.
        Only a cue with no subject of its own is joined (*said that Y had warned Z* is a report
        inside a report, dropped later as nested)."""
        if len(cands) < 2:
            return cands
        by_cue = sorted(
            (c for c in cands if c.cue is not None and c.cue_tok is not None),
            key=lambda c: c.cue[0] if c.cue else 0,
        )
        # the host is a candidate of the cue's own sentence: bounded work per cue
        by_sent: dict[int, list[Candidate]] = {}
        for c in cands:
            by_sent.setdefault(c.sent_start, []).append(c)
        for inner in by_cue:
            if inner.rule in self.lex.joined_rules:
                self._join(inner, by_sent[inner.sent_start])
        return cands

    def _join(self, inner: Candidate, cands: list[Candidate]) -> None:
        """Make ``inner`` a statement of its own when its cue is joined to the end of another
        candidate's content (see :meth:`_split_joined`)."""
        tok = inner.cue_tok
        if (
            tok is None
            or inner.cue is None
            or tok.dep_ not in self.lex.joined_deps
            or any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in tok.children)
            or not inner.content
            or inner.content[0][0] < inner.cue[1]
        ):
            return
        for outer in cands:
            if outer is inner or outer.speaker is None or len(outer.content) != 1:
                continue
            a, b = outer.content[0]
            if not (a < inner.cue[0] and inner.content[-1][1] <= b):
                continue
            # the first content ends before the joiners of the cue (", and", ", also")
            if not self._end_before(outer, tok.i, ("cc", "punct", "advmod", "aux", "neg")):
                return
            inner.speaker = outer.speaker
            if not inner.via:
                inner.via = list(outer.via)
            return

    def _drop_nested(self, cands: list[Candidate]) -> list[Candidate]:
        """Drop candidates whose cue sits inside another's content (a report inside a report),
        except a relayed report (:meth:`_relayed_report`) and a third party's report inside a
        closed quotation (:meth:`_quoted_report`)."""
        spans = sorted((a, b, i) for i, c in enumerate(cands) for a, b in c.content)
        starts = [s[0] for s in spans]
        keep: list[Candidate] = []
        for c in cands:
            if c.cue is None or c.in_quote:
                keep.append(c)
                continue
            k = bisect_right(starts, c.cue[0]) - 1
            nested = False
            # spans are few per sentence; look back over the ones starting before the cue
            j = k
            while j >= 0 and j > k - 8:
                a, b, i = spans[j]
                if a <= c.cue[0] and c.cue[1] <= b and (a, b) not in c.content:
                    nested = not self._relayed_report(cands[i], a, c)
                    break
                j -= 1
            if not nested:
                keep.append(c)
        return keep

    def _relayed_report(self, outer: Candidate, start: int, inner: Candidate) -> bool:
        """*Mr Kefu says **the judge has advised** the decision won't affect other trials*; *the
        Wall Street Journal said **the airline said** in a statement that …*: a report verb whose
        content opens with another named or described speaker's report passes that report on —
        the inner statement is kept (its relay, the outer speaker, comes from
        :mod:`.relays`)."""
        lex = self.lex
        if outer.lemma not in lex.relaying_cues or inner.lemma not in lex.relayed_cues:
            return False
        sp = inner.speaker
        if sp is None or sp.head.pos_ not in ("PROPN", "NOUN") or inner.rule != "ccomp":
            return False
        lead = self.text[start : sp.span[0]].strip().lower()
        return lead in ("", "that")

    # ---- 3. quotations no rule claimed --------------------------------------------------------
    def attach_quotes(self, cands: list[Candidate]) -> None:
        """Quotations no rule claimed: the rest of a split quote ("“X,” he said. “Y.”"), or a quote
        with its own cue next to it."""
        # a report inside a quotation neither claims it nor hosts the next one
        claimed = sorted(p for c in cands if not c.in_quote for p in c.content)
        cstarts = [s[0] for s in claimed]
        hosts = sorted(
            (c for c in cands if c.cue is not None and not c.in_quote), key=lambda c: c.cue[1] if c.cue else 0
        )
        cue_ends = [c.cue[1] for c in hosts if c.cue is not None]
        by_cue = {c.cue: c for c in hosts if c.cue is not None}

        def is_claimed(q: Quote) -> bool:
            # content spans rarely nest deeper than a few levels: a bounded look-back
            return _touches(claimed, cstarts, q.start, q.end)

        for q in self.quotes.quotes:
            if not self._attributable(q.start) or is_claimed(q):
                continue
            if len(self.text[q.inner_start : q.inner_end].split()) < MIN_QUOTE_WORDS:
                # a short opening part is kept only before a cue that already has the rest
                # ("''Hopefully,'' the president said, ''this museum can help …''")
                self._quote_cue_or_join(q, by_cue, opening_only=True)
                continue
            k = bisect_right(cue_ends, q.start) - 1
            # the nearest cue, or an earlier one of its sentence ("“X,” she said, emphasizing why
            # …. “Y.”": the quote goes on with "said", not with "emphasizing")
            host = next(
                (
                    hosts[j]
                    for j in range(k, max(-1, k - _MAX_HOSTS), -1)
                    if hosts[j].sent_start == hosts[k].sent_start and self._continues(hosts[j], q)
                ),
                None,
            )
            if host is not None:
                host.content.append(trim_span(self.text, q.start, q.end))
                continue
            c = self._quote_cue_or_join(q, by_cue, opening_only=False)
            if c is not None:
                cands.append(c)
                if c.cue is not None:
                    # a later quotation may go on with this one ("“X?” she said. “Y.”")
                    j = bisect_right(cue_ends, c.cue[1])
                    cue_ends.insert(j, c.cue[1])
                    hosts.insert(j, c)
                    by_cue.setdefault(c.cue, c)

    def _quote_cue_or_join(
        self, q: Quote, by_cue: dict[tuple[int, int], Candidate], *, opening_only: bool
    ) -> Candidate | None:
        """The candidate :meth:`_quote_cue` finds for ``q``, unless a candidate with that cue exists:
        then ``q`` is a part of that statement (*“By locking in China,” Mr. Obama said, “it now
        allowed me …”*: the rule found the part after the cue) and is joined to it — only as its
        opening part when ``opening_only`` — and None is returned."""
        c = self._quote_cue(q)
        host = by_cue.get(c.cue) if c is not None and c.cue is not None else None
        if host is None:
            return c
        if not opening_only or (host.content and host.content[0][0] > q.end):
            host.content = sorted([*host.content, trim_span(self.text, q.start, q.end)])
        return None

    def _continues(self, host: Candidate, q: Quote) -> bool:
        """Whether ``q`` goes on with ``host``'s direct quote: right after its cue ("“X,” he said,
        “Y”"), or opening the next sentence of the same paragraph ("“X,” he said. “Y.”")."""
        if not host.content or host.cue is None or self.quotes.covering(host.content[-1][0]) is None:
            return False
        if self.segments.kind(host.cue[0]) != self.segments.kind(q.start):
            return False
        tail = max(host.cue[1], host.speaker.span[1] if host.speaker else 0, host.content[-1][1])
        if tail > q.start:
            return False
        gap = self.text[tail : q.start]
        if len(gap) <= 4 and not gap.strip(" ,:."):
            return True
        return (
            host.sent_end <= q.start
            and not self.text[host.sent_end : q.start].strip()
            and ("\n" not in self.text[host.sent_end : q.start])
        )

    def _quote_cue(self, q: Quote) -> Candidate | None:
        """A cue verb right after ("…,” said Trump"), a "X said:" ending the previous sentence, or a
        name after a dash ("“…” ― Sonya Herridge")."""
        doc = self.doc
        m = _DASH_NAME.match(self.text, q.end)
        if m is not None and len(m.group(1).split()) <= 6:
            a, b = trim_span(self.text, m.start(1), m.end(1))
            name = doc.char_span(a, b, alignment_mode="expand")
            if (
                name is not None
                and len(name)
                and all(t.is_title or not t.is_alpha for t in name if t.is_alpha or t.is_punct)
            ):
                sa, sb = self.sentence_at(q.start)
                return Candidate(
                    content=[trim_span(self.text, q.start, q.end)],
                    cue=trim_span(self.text, q.end, m.start(1)),
                    lemma="―",
                    speaker=Mention(name.root, (a, b), (a, b)),
                    sent_start=sa,
                    sent_end=max(sb, b),
                    rule="dash",
                )
        span = doc.char_span(q.end, min(len(self.text), q.end + 60), alignment_mode="contract")
        tail = self.text[max(q.start, q.inner_end - 1) : q.inner_end] + self.text[q.end : q.end + 1]
        if span is not None and any(ch in ",?!—" for ch in tail):
            for tok in span[:6]:
                if tok.is_sent_start:
                    break
                if tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.verb_acts:
                    return self._quote_candidate(q, tok)
                saying = self._saying_of(tok)
                if saying is not None:
                    return self._quote_candidate(q, saying)
        # "He added:" / "X said:" just before the quotation
        j = q.start - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        if j >= 0 and self.text[j] == ":":
            before = doc.char_span(max(0, j - 80), j, alignment_mode="contract")
            if before is not None:
                for tok in reversed(before):
                    if tok.pos_ == "VERB" and tok.lemma_.lower() in self.lex.verb_acts:
                        return self._quote_candidate(q, tok)
        return None

    def _saying_of(self, tok: Token) -> Token | None:
        """*“…,” the Daily Monitor quoted him as saying*: the saying of a quote verb carries the
        statement."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.quote_verbs:
            return None
        for p in tok.children:
            if p.lower_ == "as":
                for g in p.children:
                    if g.dep_ == "pcomp" and g.lemma_.lower() in self.lex.verb_acts:
                        return g
        return None

    def _quote_candidate(self, q: Quote, verb: Token) -> Candidate | None:
        subj, _ = subject_of(verb, quoted=self.rules.quoted)
        if subj is None:
            return None
        sa, sb = self.sentence_at(verb.idx)
        cand = Candidate(
            content=[trim_span(self.text, q.start, q.end)],
            cue=(verb.idx, verb.idx + len(verb.text)),
            lemma=verb.lemma_.lower(),
            act=self.lex.verb_acts.get(verb.lemma_.lower(), "claim"),
            cue_tok=verb,
            sent_start=sa,
            sent_end=sb,
            rule="quote",
        )
        cand.speaker = mention(self.doc, subj, self.text)
        self.rules._relays(verb, cand)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            self.rules._quoted_as(verb, cand)  # "“…,” Vanguard quoted him as saying"
        return cand

    # ---- 5. statements -----------------------------------------------------------------------
    def run(self) -> list[Statement]:
        cands = self.candidates()
        self.attach_quotes(cands)
        cands.extend(self.learned(cands))
        kept: list[Candidate] = []
        for c in cands:
            if _count_fragment(c):
                continue
            if _mute(c, self.lex):
                if c.cue_tok is not None and c.cue_tok.pos_ in ("VERB", "AUX"):
                    continue  # "the virus shows signs": a verb with a mute subject says nothing
                # "The death of Scott has turned Charlotte into the latest epicenter for the national
                # debate about …": a noun of saying keeps its content, whose speaker is not the death
                c.speaker = None
            elif _expletive(c, self.lex):
                c.speaker = None  # "it was unclear whether …": said, by no one in particular
            kept.append(c)
        cands = kept
        cands.sort(key=lambda c: (c.speaker.span if c.speaker else c.cue or c.content[0])[0])
        self.claimed = sorted(p for c in cands for p in c.content)
        self.claimed_starts = [p[0] for p in self.claimed]
        self.resolver.contents = self.claimed
        out: list[Statement] = []
        embeds = self._embeds()
        for c in cands:
            st = self._statement(c)
            if st is not None:
                out.append(st)
        out.extend(embeds)
        context_relays(self.text, out, self.quotes)
        out.sort(key=lambda s: (s.content.start, s.content.end))
        for i, st in enumerate(out, 1):
            st.id = f"s{i}"
        return out


def extract_statements(
    doc: Doc,
    segments: Sequence[Segment],
    entities: EntityIndex,
    timexes: Sequence[Timex],
    published: date | None,
    learned: list[LearnedRelation] | None = None,
) -> list[Statement]:
    """Who said what in ``doc``, according to whom and when (see docs/attribution.md).

    ``timexes`` carry values already resolved against ``published``; a statement is never dated
    after ``published``. ``learned``: the learned tagger's relations for ``doc`` when they were
    computed with those of other documents (:func:`learned_relations`)."""
    if not doc_text(doc).strip():
        return []
    return Engine(doc, segments, entities, timexes, published, learned=learned).run()


__all__ = ["Engine", "extract_statements", "learned_relations"]
