"""The attribution engine: rule candidates + quotations + embeds + the learned tagger → Statements.

Order of work (each step linear in the document):
1. quotations (one character scan) and segment lookup (binary search);
2. rule candidates, one pass over the tokens of attributable sentences (:mod:`.rules`);
3. quotations no rule claimed, attached to a nearby cue (split quotes, "X said:" paragraphs);
4. learned relations (:mod:`.learned`) that overlap no rule statement;
5. one pass in text order that resolves speakers and relays, and fills mode, act, hedging,
   platform and ``said_on``; embedded posts become statements of their author.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from saidwhat.attribution.confidence import Evidence, confidence, weights
from saidwhat.attribution.learned import LearnedRelation, predict_batch
from saidwhat.attribution.learned.neural import packaged_neural
from saidwhat.attribution.lexicon import Lexicon, lexicon
from saidwhat.attribution.quotes import Quote, QuoteIndex, find_quotes
from saidwhat.attribution.rules import (
    Candidate,
    Mention,
    RuleExtractor,
    asked_participle,
    dateline_end,
    is_supposition,
    mention,
    misplaced_subject,
)
from saidwhat.attribution.speakers import Resolved, SpeakerResolver
from saidwhat.attribution.syntax import relative_head, subject_of, trim_span
from saidwhat.entities.index import EntityIndex
from saidwhat.model import Content, Cue, SaidOn, Segment, Speaker, Statement, TextSpan, Timex, Via
from saidwhat.nlp import doc_text, sentence_spans
from saidwhat.symbols import trim_symbols

# segments whose text is never the content of an article's statement
SKIP_KINDS = frozenset({"comment", "signature", "boilerplate", "related"})
_MAX_HOSTS = 3  # cues of one sentence a quotation after it may continue
MIN_QUOTE_WORDS = 3  # an unattached quotation shorter than this is a scare quote, not a statement
_MIN_LEAD_REST = 3  # words a clause must keep after a leading date is taken off it
# a source is a word, not only a possessive mark ("'s") or punctuation
_NAMEISH = re.compile(r"(?<!['’])[^\W\d_]|[^\W\d_]{2,}")
_EMBED_SIG = re.compile(
    r"[—–-]\s*(?P<name>[^\n(@]+?)\s*\((?P<handle>@\w+)\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})"
)
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(-\d{2})?")
_CONTEXT = 300  # characters around a cue searched for platform words
# "“…” ― Sonya Herridge": a name after a dash that follows a quotation, on the same line (initials
# such as "Edwin G. Monroy" stay in the name)
_DASH_NAME = re.compile(
    r"[ \t\u00a0]*[―—–]{1,2}[ \t\u00a0]*([A-Z](?:[^\n.,;:!?“”\"()@]|(?<=[ \t\u00a0][A-Z])\.){1,60})"
)
# "PENCE: Well, look, …": a capitalised name opening a line, then a colon
_COLON_LINE = re.compile(r"(?m)^[ \t\u00a0]*[“\"]?([A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*)*):[ \t]+(\S[^\n]*)$")


# "…, as quoted by Xinhua." / "as reported by the Kathmandu Post": a relay closing the sentence
_QUOTED_BY = re.compile(
    r",?[ \t]+as[ \t]+(?:quoted|cited|reported)[ \t]+by[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,3}"
    r"([A-Z][\w.&'’-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w.&'’-]*){0,4})[ \t]*(?=[.;\n]|$)"
)
# "ANA PEREIRA, speaking via a translator:" alone on its line (transcripts), then quoted paragraphs
_SPEAKER_LINE = re.compile(
    r"(?m)^[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}),[ \t]+((?:speaking|writing|testifying|"
    r"answering|responding|replying|through|via|in|on|at)\b[^\n:]{0,60}:)[ \t]*$"
)
_NEXT_PARA = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*(?=[\"“])")
_SINGLE_CLOSERS = frozenset({",'", ",’", ".'", ".’", "?'", "?’", "!'", "!’"})
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|we|us|our)\b")


class _Segments:
    def __init__(self, segments: Sequence[Segment], n: int) -> None:
        segs = sorted(segments, key=lambda s: s.start) or [Segment("body", 0, n)]
        self.segs = segs
        self.starts = [s.start for s in segs]

    def at(self, pos: int) -> Segment | None:
        k = bisect_right(self.starts, pos) - 1
        if k >= 0 and self.segs[k].end > pos:
            return self.segs[k]
        return None

    def kind(self, pos: int) -> str:
        seg = self.at(pos)
        return seg.kind if seg is not None else "body"


class Engine:
    """Extracts the statements of one parsed document."""

    def __init__(
        self,
        doc: Doc,
        segments: Sequence[Segment],
        entities: EntityIndex,
        timexes: Sequence[Timex],
        published: date | None,
        lex: Lexicon | None = None,
        use_learned: bool = True,
        learned: list[LearnedRelation] | None = None,
    ) -> None:
        self.use_learned = use_learned
        # the learned tagger's relations when already computed (for a batch: learned_relations)
        self.learned_rels = learned
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex or lexicon()
        self.segments = _Segments(segments, len(self.text))
        self.entities = entities
        self.timexes = sorted(
            (t for t in timexes if t.value and t.type in ("DATE", "TIME") and _DATE_VALUE.match(t.value)),
            key=lambda t: t.start,
        )
        self.timex_starts = [t.start for t in self.timexes]
        self.published = published
        self.quotes = QuoteIndex(find_quotes(self.text))
        self.rules = RuleExtractor(doc, self.lex, self.quotes)
        self.resolver = SpeakerResolver(self.text, self.lex, entities)
        self.resolver.quotes = self.quotes
        self.conf = weights()
        # an unparsed doc (no sentence boundaries) is one sentence
        self.sent_spans = sentence_spans(doc)
        self.sents = [(s.start_char, s.end_char) for s in self.sent_spans]
        self.sent_starts = [s[0] for s in self.sents]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Char extent of the sentence holding ``pos`` (binary search)."""
        k = bisect_right(self.sent_starts, pos) - 1
        return self.sents[k] if k >= 0 else (0, len(self.text))

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
            # "“We will win, the mayor said.")
            q = self.quotes.covering(anchor)
            inside = q is not None and (q.closed or q.start < c.sent_start) and c.rule != "colon-line"
            if not self._attributable(anchor) or inside:
                continue
            self._fit_content(c)
            self._lead_time(c)
            if c.content:
                kept.append(c)
        return self._dedupe(self._drop_nested(self._split_joined(kept)))

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
                lone and name.isupper() and self._reports_itself(m.start(2), m.end(2))
            ):
                continue  # a dateline ("PARIS: The ministry said …"), not a speaker
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

    def _attributable(self, pos: int) -> bool:
        kind = self.segments.kind(pos)
        return kind not in SKIP_KINDS and kind != "embed"

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

    def _end_before(self, c: Candidate, i: int, joiners: tuple[str, ...]) -> bool:
        """End ``c``'s one content before token ``i`` and the joiners in front of it (", and",
        ", though"), when three words or more are left; whether it was cut."""
        a, _ = c.content[0]
        j = i - 1
        while j >= 0 and self.doc[j].dep_ in joiners:
            j -= 1
        if j < 0 or self.doc[j].idx < a:
            return False
        end = self.doc[j].idx + len(self.doc[j].text)
        if len(self.text[a:end].split()) < 3:
            return False
        c.content = [trim_span(self.text, a, end)]
        return True

    @staticmethod
    def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
        """Drop candidates whose cue sits inside another's content (a report inside a report)."""
        spans = sorted((a, b) for c in cands for a, b in c.content)
        starts = [s[0] for s in spans]
        keep: list[Candidate] = []
        for c in cands:
            if c.cue is None:
                keep.append(c)
                continue
            k = bisect_right(starts, c.cue[0]) - 1
            nested = False
            # spans are few per sentence; look back over the ones starting before the cue
            j = k
            while j >= 0 and j > k - 8:
                a, b = spans[j]
                if a <= c.cue[0] and c.cue[1] <= b and (a, b) not in c.content:
                    nested = True
                    break
                j -= 1
            if not nested:
                keep.append(c)
        return keep

    # ---- 3. quotations no rule claimed --------------------------------------------------------
    def attach_quotes(self, cands: list[Candidate]) -> None:
        """Quotations no rule claimed: the rest of a split quote ("“X,” he said. “Y.”"), or a quote
        with its own cue next to it."""
        claimed = sorted(p for c in cands for p in c.content)
        cstarts = [s[0] for s in claimed]
        hosts = sorted((c for c in cands if c.cue is not None), key=lambda c: c.cue[1] if c.cue else 0)
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
        return cand

    # ---- 4. learned relations ------------------------------------------------------------------
    def learned(self, cands: list[Candidate]) -> list[Candidate]:
        """Relations of the learned tagger that touch nothing the rules found (content, speaker,
        cue or relay), whose cue is a speech or cognition lemma and which name a source."""
        if not self.use_learned:
            return []
        rels = self.learned_rels
        if rels is None:
            rels = learned_relations([self.doc], self.lex)[0]
        self._learned_speakers(cands, rels)
        taken = sorted(
            [p for c in cands for p in c.content]
            + [c.cue for c in cands if c.cue is not None]
            + [c.speaker.span for c in cands if c.speaker is not None]
            + [v.span for c in cands for v in c.via]
        )
        out: list[Candidate] = []
        starts = [t[0] for t in taken]
        for rel in rels:
            c = self._from_learned(rel, taken, starts)
            if c is not None:
                out.append(c)
        return out + self._inner_learned(cands, rels, {c.cue for c in out})

    def _inner_learned(
        self, cands: list[Candidate], rels: list[LearnedRelation], used: set[tuple[int, int] | None]
    ) -> list[Candidate]:
        """Relations the tagger found inside a rule statement's content, with a cue and a source of
        their own: *Lynch said X, though she noted Y*; *“…,” Tester said, referring to the 1
        percent excuse*; *A Quinnipiac poll found that 74 percent … said …*. The relation may touch
        rule contents only (never a rule's cue, speaker or relay), not inside the content of a
        rule in ``[learned] inner_excluded_rules`` (lists, transcripts, asides); a rule content
        it starts inside, three words or more in, ends before it."""
        lex = self.lex
        rels = [
            r
            for r in rels
            if r.score >= lex.learned_inner_score
            and r.cue is not None
            and r.source is not None
            and r.content
            and r.cue not in used
        ]
        if not rels:
            return []
        hard = sorted(
            [c.cue for c in cands if c.cue is not None]
            + [c.speaker.span for c in cands if c.speaker is not None]
            + [v.span for c in cands for v in c.via]
        )
        hard_starts = [h[0] for h in hard]
        # by span only: two candidates may share a content part, and candidates do not order
        parts = sorted(((p, c) for c in cands for p in c.content), key=lambda pc: pc[0])
        part_starts = [p[0][0] for p in parts]
        out: list[Candidate] = []
        for rel in rels:
            assert rel.cue is not None and rel.source is not None
            spans = [*rel.content, rel.cue, rel.source]
            if any(_touches(hard, hard_starts, a, b) for a, b in spans):
                continue
            hosts: list[Candidate] = []
            for a, b in spans:
                k = bisect_right(part_starts, b - 1) - 1
                # content parts rarely nest deeper than a few levels: a bounded look-back
                for j in range(k, max(-1, k - 8), -1):
                    (pa, pb), host = parts[j]
                    if pb > a and pa < b and all(h is not host for h in hosts):
                        hosts.append(host)
            if not hosts or any(h.rule in lex.learned_inner_excluded for h in hosts):
                continue
            c = self._from_learned(rel, [], [])
            if c is None:
                continue
            first = min(a for a, _ in spans)
            for h in hosts:
                if len(h.content) == 1 and h.content[0][0] < first < h.content[0][1]:
                    tok = self.doc.char_span(first, rel.source[1], alignment_mode="expand")
                    if tok is not None and len(tok):
                        self._end_before(h, tok[0].i, ("cc", "punct", "mark", "advmod"))
            out.append(c)
        return out

    def _learned_speakers(self, cands: list[Candidate], rels: list[LearnedRelation]) -> None:
        """A rule statement whose cue has no subject the parse can show (“…,” Flynn, a top Trump
        surrogate, said — the parser made a quoted title the subject and hung the name on the
        quote's clause) takes the noun phrase standing between its quotation and its cue
        (:meth:`_between_quote_and_cue`), else the source the tagger found for the same cue:
        outside quotations, and outside the content or at its edge (the statement leaves the
        speaker out of its content)."""
        # (a passive has no subject by design: "have been accused of …" keeps no speaker)
        open_ = [
            c
            for c in cands
            if c.speaker is None
            and not c.hedged
            and c.cue is not None
            and c.content
            and c.rule not in ("passive", "passive-charge")
        ]
        for c in open_:
            c.speaker = self._between_quote_and_cue(c)
        open_ = [c for c in open_ if c.speaker is None]
        if not open_:
            return
        floor = self.lex.learned_min_score
        with_cue = sorted(
            (r for r in rels if r.source is not None and r.cue is not None and r.score >= floor),
            key=lambda r: r.cue[0] if r.cue else 0,
        )
        cue_starts = [r.cue[0] for r in with_cue if r.cue is not None]
        for c in open_:
            assert c.cue is not None
            # relations whose cue starts before this cue ends; cues are short, so a few look-backs
            k = bisect_right(cue_starts, c.cue[1] - 1)
            for rel in with_cue[max(0, k - 4) : k]:
                assert rel.cue is not None and rel.source is not None
                ca, cb = rel.cue
                if not (ca < c.cue[1] and c.cue[0] < cb):
                    continue
                sa, sb = rel.source
                # never a word of a quotation; inside the content only at its edge (the parse hung
                # the speaker on the content's clause), and the statement then leaves it out
                if self.quotes.covering(sa) is not None or not self._attributable(sa):
                    continue
                if any(a < sa and sb < b for a, b in c.content):
                    continue  # inside a content part: a word of what was said
                if not _subtract(self.text, c.content, (sa, sb)):
                    continue  # it would leave nothing of the content
                m = self._source_mention(sa, sb)
                if m is not None:
                    c.speaker = m
                    break

    def _between_quote_and_cue(self, c: Candidate) -> Mention | None:
        """*“…,” Flynn, a top Trump surrogate, said*: the words between the closing mark of the
        quotation that opens the content part before the cue and the cue, when they are a noun
        phrase (a name or a description, with a comma-set apposition; no verb, nothing quoted, one
        line) — whatever the parse made of them (here it hung the name on the quoted clause; the
        statement then leaves it out of the content)."""
        assert c.cue is not None
        ca = c.cue[0]
        before = [a for a, b in c.content if a < ca and b <= ca]
        q = self.quotes.covering(max(before)) if before else None
        if q is None or not q.closed or not 0 < ca - q.end <= _GAP_MAX:
            return None
        gap = self.text[q.end : ca]
        if "\n" in gap or any(ch in gap for ch in "\"“”«»()[]:;"):
            return None
        a, b = trim_span(self.text, q.end, ca)
        span = self.doc.char_span(a, b, alignment_mode="contract")
        if span is None or not len(span) or len(span) > _GAP_TOKENS:
            return None
        words = [t for t in span if not t.is_punct]
        if (
            not words
            or any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") and t.dep_ != "compound" for t in words)
            or words[0].pos_ not in ("PROPN", "DET", "PRON", "ADJ", "NOUN")
            or not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words)
        ):
            return None
        head = next((t for t in words if t.pos_ in ("PROPN", "NOUN", "PRON")), words[0])
        # the head of the first name: its last token before a comma ("Flynn" of "Flynn, a top …")
        for t in words:
            if t.i > head.i and t.pos_ in ("PROPN", "NOUN") and self.text[head.idx : t.idx].count(",") == 0:
                head = t
        return Mention(head, (a, b), (a, b))

    def _source_mention(self, a: int, b: int) -> Mention | None:
        """The speaker mention of a tagged source span (its head: the span's syntactic root); never
        the news dateline opening the line (*WASHINGTON --* of *WASHINGTON -- President Obama*)."""
        a = max(a, dateline_end(self.text, a))
        if a >= b:
            return None
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return None
        if all(t.is_punct or t.lower_ in _NOT_A_SOURCE for t in span):
            # an article alone stands for the words up to its noun (*The* of *The article closes
            # with …*: *The article*); a possessive mark alone names no one
            art = span[-1]
            head = art.head
            if (
                art.lower_ in ("the", "a", "an")
                and art.i < head.i <= art.i + 4
                and head.pos_ in ("NOUN", "PROPN")
            ):
                ta, tb = art.idx, head.idx + len(head.text)
                return Mention(head, (ta, tb), (ta, tb))
            return None
        if len(span) == 1 and relative_head(span[0]) is not None:
            return mention(self.doc, span[0], self.text)  # "which", written; the noun, resolved
        ta, tb = trim_span(self.text, a, b)
        return Mention(span.root, (ta, tb), (ta, tb))

    def _untagged_source(self, cue: Token, content: list[tuple[int, int]]) -> Mention | None:
        """The source of a relation the tagger found without one, where the parse shows it: the
        owner of a noun cue (*his infamous comment about 47 percent …*), or the subject the parse
        misplaced before a verb cue (*…, Obama and Clinton call them “lone wolves”*); never inside
        the content."""
        tok: Token | None = None
        if cue.pos_ == "NOUN":
            tok = next((c for c in cue.children if c.dep_ == "poss" and c.i < cue.i), None)
        elif cue.pos_ in ("VERB", "AUX"):
            # a verb joined to one without a subject shares what that one finds (*… call them
            # “lone wolves” and describe their actions as crimes*)
            head = cue.head if cue.dep_ == "conj" and cue.head.i < cue.i else cue
            tok = misplaced_subject(head)
        if tok is None:
            return None
        m = mention(self.doc, tok, self.text)
        if any(a < m.span[1] and m.span[0] < b for a, b in content):
            return None
        return m

    def _from_learned(
        self, rel: LearnedRelation, taken: list[tuple[int, int]], starts: list[int]
    ) -> Candidate | None:
        lex = self.lex
        if rel.score < lex.learned_min_score or not rel.content or rel.cue is None:
            return None
        if rel.source is None and rel.score < lex.learned_no_source_score:
            return None  # the score of a sourceless relation is already halved: only the surest
        if rel.source is not None and not _NAMEISH.search(self.text[rel.source[0] : rel.source[1]]):
            return None  # a source without a word of its own ("'s", a dash)
        for a, b in [*rel.content, rel.cue]:
            if not self._attributable(a) or _touches(taken, starts, a, b):
                return None
        doc = self.doc
        cspan = doc.char_span(rel.cue[0], rel.cue[1], alignment_mode="expand")
        if cspan is None or not len(cspan):
            return None
        speaker = None
        if rel.source is not None:
            speaker = self._source_mention(*rel.source)
            if speaker is None:
                return None
        root = cspan.root
        if speaker is not None and is_supposition(root, speaker.head):
            return None
        if root.lemma_.lower() in lex.not_cues:
            return None  # "Shareholders also heard that …": the listeners do not speak
        lemma = root.lemma_.lower()
        phrase = " ".join(t.lemma_.lower() for t in cspan)
        known = lemma in lex.learned_cues or rel.score >= lex.learned_any_cue_score
        if not known:
            return None  # not a speech or belief cue
        if any(c.dep_ == "auxpass" for c in root.children) and rel.score < lex.learned_passive_score:
            return None  # a passive ("is wanted by") only when the tagger is sure
        if speaker is None:
            speaker = self._untagged_source(root, rel.content)
        sa, sb = self.sentence_at(rel.content[0][0])
        return Candidate(
            content=[trim_span(self.text, a, b) for a, b in rel.content],
            cue=rel.cue,
            lemma=lemma,
            act=lex.phrasal.get(phrase) or lex.act_of(lemma),
            speaker=speaker,
            cue_tok=root,
            sent_start=sa,
            sent_end=sb,
            rule="learned",
            score=rel.score,
        )

    # ---- 5. statements -----------------------------------------------------------------------
    def run(self) -> list[Statement]:
        cands = self.candidates()
        self.attach_quotes(cands)
        cands.extend(self.learned(cands))
        cands.sort(key=lambda c: (c.speaker.span if c.speaker else c.cue or c.content[0])[0])
        self.claimed = sorted(p for c in cands for p in c.content)
        self.claimed_starts = [p[0] for p in self.claimed]
        out: list[Statement] = []
        embeds = self._embeds()
        for c in cands:
            st = self._statement(c)
            if st is not None:
                out.append(st)
        out.extend(embeds)
        out.sort(key=lambda s: (s.content.start, s.content.end))
        for i, st in enumerate(out, 1):
            st.id = f"s{i}"
        return out

    def _via(self, m: Mention) -> Via:
        res = self.resolver.resolve(m.head, m.core)
        # a named relay is given as its name ("Walla" of "the Israeli news website Walla")
        a, b = res.link_span if res.entity is not None and res.antecedent is None else m.core
        ta, tb = trim_symbols(self.text, a, b)  # "Reuters 📰" is "Reuters"
        a, b = (ta, tb) if tb > ta else (a, b)
        head = m.head
        v = Via(text=self.text[a:b], start=a, end=b, kind=res.kind)
        if res.entity is not None:
            v.name, v.entity = res.entity.name, res.entity.id
        elif res.name:
            v.name = res.name
        self.resolver.remember(a, head, v.text, res, [])
        return v

    def _statement(self, c: Candidate) -> Statement | None:
        text = self.text
        parts = self._said_parts(c)
        # "which he said were …": the speaker and cue are never part of what was said
        for hole in (c.speaker.span if c.speaker else None, c.cue):
            if hole is not None:
                parts = _subtract(text, parts, hole)
        if not parts:
            return None
        seg_kind = self.segments.kind(parts[0][0])
        mode, parts = self._mode(parts)
        start, end = parts[0][0], parts[-1][1]
        content = Content(
            text=text[start:end],
            start=start,
            end=end,
            parts=[TextSpan(text[a:b], a, b) for a, b in parts] if len(parts) > 1 else [],
        )
        via = [self._via(m) for m in c.via]
        speaker: Speaker | None = None
        spoken = "none"
        platform = self._platform(c, parts)
        if c.speaker is not None:
            a, b = self._speaker_extent(c.speaker.span, c.cue[0] if c.cue else start)
            if self._speaker_fits(a, b, parts):
                core = c.speaker.core if c.speaker.core != c.speaker.span else (a, b)
                res = self.resolver.resolve(c.speaker.head, core)
                speaker = self._speaker(a, b, res)
                spoken = self._speaker_state(c.speaker.head, res)
                if res.antecedent is not None and not via:
                    via = [Via(v.text, v.start, v.end, v.name, v.entity, v.kind) for v in res.antecedent.via]
                if platform is None and c.lemma in self.lex.post_cues and res.antecedent is not None:
                    platform = res.antecedent.platform
                self.resolver.remember(a, c.speaker.head, text[core[0] : core[1]], res, via, platform)
        cue = None
        if c.cue is not None:
            cue = Cue(text=text[c.cue[0] : c.cue[1]], start=c.cue[0], end=c.cue[1], lemma=c.lemma)
        hedged = c.hedged or self._hedged(c, parts)
        st = Statement(
            id="",
            content=content,
            speaker=speaker,
            cue=cue,
            mode=mode,
            act=self._act(c, parts, mode),
            via=via,
            hedged=hedged,
            platform=platform,
            said_on=self._said_on(c, parts, speaker),
            segment=seg_kind,
        )
        st.confidence = self._confidence(c, parts, mode, hedged, spoken)
        return st

    def _said_parts(self, c: Candidate) -> list[tuple[int, int]]:
        """The candidate's non-empty content parts; none for a request for anonymity (*who asked
        not to be named*); an *as quoted by X* closing them becomes the relay."""
        parts = [(a, b) for a, b in c.content if b > a]
        if parts and self._matches(parts[0][0], self.lex.anonymity_content):
            return []
        if parts and not c.via:
            parts = self._quoted_by(c, parts)
        return parts

    def _speaker_extent(self, span: tuple[int, int], anchor: int) -> tuple[int, int]:
        """The speaker span trimmed, never starting in the dateline the parse hung on the name, and
        kept inside the segment of ``anchor`` (the cue)."""
        text = self.text
        a, b = trim_span(text, *span)
        d = dateline_end(text, a)
        if a < d < b:
            a, b = trim_span(text, d, b)
        seg = self.segments.at(anchor)
        if seg is not None and seg.start <= b <= seg.end:
            a, b = trim_span(text, max(a, seg.start), b)
        return trim_symbols(text, a, b)  # "John Smith 🔥": an emoji is never part of a speaker

    def _speaker_fits(self, a: int, b: int, parts: list[tuple[int, int]]) -> bool:
        return b > a and not any(a < pb and pa < b for pa, pb in parts) and self._attributable(a)

    def _confidence(
        self, c: Candidate, parts: list[tuple[int, int]], mode: str, hedged: bool, spoken: str
    ) -> float:
        """The statement's confidence from what the engine knows of it (:mod:`.confidence`)."""
        evidence = c.speaker is not None and c.speaker.head.lemma_.lower() in self.conf.evidence_heads
        return confidence(
            Evidence(
                learned=c.rule == "learned",
                score=c.score,
                speech_cue=self._speech_cue(c),
                clause=mode != "indirect" or self._has_clause(parts),
                speaker=spoken,
                evidence_source=evidence,
                hedged=hedged,
                direct=mode == "direct",
                no_comment=self._matches(parts[0][0], self.lex.refusal_content),
                negated=self._negated(c),
                asked=c.cue_tok is not None and asked_participle(c.cue_tok),
            ),
            self.conf,
        )

    def _matches(self, a: int, patterns: tuple[re.Pattern[str], ...]) -> bool:
        """The content starting at ``a`` opens with one of ``patterns`` (``cues.toml``
        ``[no_content]``: a request for anonymity, a refusal to comment)."""
        window = self.text[a : a + 100]
        return any(rx.match(window) for rx in patterns)

    def _negated(self, c: Candidate) -> bool:
        """The cue is negated (*did not call for*, *never said*)."""
        tok = c.cue_tok
        return tok is not None and any(ch.dep_ == "neg" for ch in tok.children)

    def _directive(self, parts: list[tuple[int, int]]) -> bool:
        """The content is a directive: a to-infinitive or an object with a participle (*his players to
        forget the defeat*, *the sanctions lifted*), no finite clause of its own."""
        if self._has_finite(parts):
            return False
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if t.pos_ == "VERB" and (
                    t.tag_ == "VBN" or any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in t.children)
                ):
                    return True
        return False

    def _has_finite(self, parts: list[tuple[int, int]]) -> bool:
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is not None and any(
                t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", []) for t in span
            ):
                return True
        return False

    def _speech_cue(self, c: Candidate) -> bool:
        """A cue of saying: every rule's, a learned relation's when its lemma is a verb or noun of
        saying of the lexicon (not a belief, an evidence verb or an event)."""
        lex = self.lex
        if c.lemma in lex.belief_cues:
            return False  # "Police believe …": a belief, not speech
        if c.rule != "learned":
            return True
        return c.lemma in lex.verb_acts or c.lemma in lex.noun_acts or c.lemma in lex.phrasal

    def _has_clause(self, parts: list[tuple[int, int]]) -> bool:
        """The content holds a finite verb or a to-infinitive (not only a noun phrase)."""
        for a, b in parts:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                if t.pos_ in ("VERB", "AUX") and (
                    "Fin" in t.morph.get("VerbForm", [])
                    or any(ch.lower_ == "to" and ch.dep_ == "aux" for ch in t.children)
                ):
                    return True
        return False

    def _speaker_state(self, head: Token, res: Resolved) -> str:
        """How the speaker was found: named, described, resolved (through an antecedent) or
        unresolved (a pronoun or description left without a name; generic *you*)."""
        if head.lower_ == "you":
            return "unresolved"  # "You could say …": no one in particular
        if res.antecedent is not None or (head.lower_ in self.lex.pronouns and res.name is not None):
            return "resolved"
        if res.entity is not None or head.pos_ == "PROPN":
            return "named"
        if res.name is None:
            return "unresolved"
        return "described"

    def _speaker(self, a: int, b: int, res: Resolved) -> Speaker:
        sp = Speaker(text=self.text[a:b], start=a, end=b, anonymous=res.anonymous, kind=res.kind)
        if res.entity is not None:
            sp.name, sp.entity = res.entity.name, res.entity.id
        else:
            sp.name = res.name
        if res.link_span != (a, b):
            sp.ref_start, sp.ref_end = res.link_span
        return sp

    def _mode(self, parts: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
        """direct when every part is a quotation (content then excludes the marks), mixed when
        quotations are part of a paraphrase, indirect otherwise."""
        quoted = 0
        inners: list[tuple[int, int]] = []
        any_quote = False
        for a, b in parts:
            qs = self.quotes.within(a, b)
            any_quote = any_quote or bool(qs)
            if len(qs) == 1 and qs[0].start <= a + 1 and qs[0].end >= b - 1:
                quoted += 1
                inners.append(trim_span(self.text, max(qs[0].inner_start, a), min(qs[0].inner_end, b)))
            elif not qs and (single := self._single_quoted(a, b)) is not None:
                quoted += 1  # "'We are ready for talks,' the spokesman said": a quotation too
                inners.append(single)
        if quoted == len(parts):
            return "direct", [s for s in inners if s[1] > s[0]] or parts
        return ("mixed" if any_quote else "indirect"), parts

    def _quoted_by(self, c: Candidate, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """*…, as quoted by Xinhua* / *as reported by the Kathmandu Post* closing the content (or
        right after it, in its sentence): the outlet relays the statement; the phrase leaves the
        content."""
        a, b = parts[-1]
        end = max(b, min(c.sent_end, b + 80))
        m = _QUOTED_BY.search(self.text, a, end)
        if m is None or m.start() < a:
            return parts
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            return parts
        c.via = [Mention(span.root, (m.start(1), m.end(1)), (m.start(1), m.end(1)))]
        if m.start() < b:
            cut = trim_span(self.text, a, m.start())
            parts = [*parts[:-1], cut] if cut[1] > cut[0] else parts[:-1]
        return parts

    def _single_quoted(self, a: int, b: int) -> tuple[int, int] | None:
        """A part set in single quotation marks (British style, *'We are ready,' he said*): the
        mark opens the part at a word start and a closing mark ends it or follows it after a comma
        or full stop. The quotation scanner leaves single marks alone (apostrophes)."""
        t = self.text
        a, b = trim_span(t, a, b)
        if b - a < 3 or t[a] not in "'‘" or (a > 0 and t[a - 1].isalnum()):
            return None
        if t[b - 1] in "'’" and b - 2 > a:
            inner = (a + 1, b - 1)
        elif t[b : b + 2] in _SINGLE_CLOSERS or (b < len(t) and t[b] in "'’"):
            inner = (a + 1, b)
        else:
            return None
        body = t[inner[0] : inner[1]]
        if any(ch in body for ch in "'‘’") and not re.search(r"\w['’]\w", body):
            return None  # more marks than apostrophes: not one quotation
        return trim_span(t, *inner)

    def _act(self, c: Candidate, parts: list[tuple[int, int]], mode: str) -> str:
        act = c.act
        if self._negated(c):
            return "claim" if act == "demand" else act  # "did not directly call for new sanctions"
        if act in ("claim", "question") and c.lemma in self.lex.directive_cues and self._directive(parts):
            return "demand"  # "told X to …", "wants the sanctions lifted"
        if (
            act in ("claim", "announce")
            and mode in ("direct", "mixed")
            and (
                self._imperative(parts)
                or any(rx.search(self.text, a, b) for a, b in parts for rx in self.lex.demand_patterns)
            )
        ):
            return "demand"
        if (
            act == "claim"
            and mode == "direct"
            and self.text[parts[-1][0] : parts[-1][1]].rstrip("”\"' ").endswith("?")
        ):
            return "question"
        return act

    def _imperative(self, parts: list[tuple[int, int]]) -> bool:
        """A quoted sentence that opens with a bare verb and has no subject ("MAKE THE DEAL")."""
        doc = self.doc
        for a, b in parts:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            first = True
            for tok in span:
                if tok.is_punct or tok.is_space:
                    continue
                if first or tok.is_sent_start:
                    low = tok.lower_
                    if (
                        (tok.tag_ == "VB" or (tok.is_upper and low in _IMPERATIVE_CAPS))
                        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
                        and low not in ("be", "have", "do")
                    ):
                        return True
                first = False
        return False

    def _outside(self, c: Candidate, parts: list[tuple[int, int]]) -> tuple[int, int]:
        anchor = c.cue or (c.speaker.span if c.speaker else None) or parts[0]
        return max(c.sent_start, anchor[0] - _CONTEXT), min(c.sent_end, anchor[1] + _CONTEXT)

    def _hedged(self, c: Candidate, parts: list[tuple[int, int]]) -> bool:
        a, b = self._outside(c, parts)
        span = self.doc.char_span(a, b, alignment_mode="contract")
        if span is None:
            return False
        for tok in span:
            if tok.lower_ in self.lex.hedge_words and not any(p[0] <= tok.idx < p[1] for p in parts):
                return True
        return False

    def _platform(self, c: Candidate, parts: list[tuple[int, int]]) -> str | None:
        a, b = self._outside(c, parts)
        region = list(self.text[a:b])
        for pa, pb in parts:
            for i in range(max(pa, a), min(pb, b)):
                region[i - a] = " "
        s = "".join(region)
        best: tuple[int, str] | None = None
        for name, rx in self.lex.platforms:
            m = rx.search(s)
            if m is not None and (best is None or m.start() < best[0]):
                best = (m.start(), name)
        if best is None and c.lemma == "tweet":
            return "X"
        return best[1] if best else None

    def _in_content(self, a: int, b: int) -> bool:
        """Whether ``[a, b)`` lies in the content of any statement (bounded look-back)."""
        k = bisect_right(self.claimed_starts, a) - 1
        for j in range(k, max(-1, k - 6), -1):
            pa, pb = self.claimed[j]
            if pa <= a and b <= pb:
                return True
        return False

    def _governs(self, c: Candidate, t: Timex) -> bool:
        """The time expression modifies the cue's clause ("confirmed on Saturday that"), or frames
        the whole sentence from its start ("On Sunday, he reiterated …")."""
        if t.start - c.sent_start <= 12:
            return True
        if c.cue_tok is None:
            return False
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        cue = c.cue_tok
        governors = {cue.i}
        g = cue
        for _ in range(4):  # the cue and the verbs it hangs off ("…, adding that")
            if g.head.i == g.i:
                break
            g = g.head
            governors.add(g.i)
        node = span.root
        for _ in range(8):
            if node.i in governors:
                return True
            if node.head.i == node.i or (node.pos_ in ("VERB", "AUX") and node.i != span.root.i):
                break  # another clause's time ("as delegations convened on Sunday")
            node = node.head
        return False

    def _said_on(self, c: Candidate, parts: list[tuple[int, int]], speaker: Speaker | None) -> SaidOn | None:
        a, b = c.sent_start, c.sent_end
        k = bisect_right(self.timex_starts, a - 1)
        anchor = (c.cue or parts[0])[0]
        best: Timex | None = None
        while k < len(self.timexes) and self.timexes[k].start < b:
            t = self.timexes[k]
            k += 1
            if c.said_at is not None and (t.start, t.end) == c.said_at:
                best = t
                break
            if any(t.start < pb and pa < t.end for pa, pb in parts) or self._in_content(t.start, t.end):
                continue
            if speaker is not None and t.start < speaker.end and speaker.start < t.end:
                continue
            if not self._governs(c, t) or not self._attributable(t.start):
                continue
            if best is None or abs(t.start - anchor) < abs(best.start - anchor):
                best = t
        if best is None or best.value is None:
            return None
        if self.published is not None and best.value[:10] > self.published.isoformat():
            return None  # said after the article was published: a misread date, not when it was said
        return SaidOn(value=best.value[:10], text=best.text, start=best.start, end=best.end)

    # ---- embedded posts -------------------------------------------------------------------------
    def _embeds(self) -> list[Statement]:
        out: list[Statement] = []
        for seg in self.segments.segs:
            if seg.kind != "embed":
                continue
            st = self._embed(seg)
            if st is not None:
                out.append(st)
        return out

    def _embed(self, seg: Segment) -> Statement | None:
        text = self.text
        body = text[seg.start : seg.end]
        sigs = list(_EMBED_SIG.finditer(body))
        m = sigs[-1] if sigs else None  # the post's author line closes the embed
        end = seg.start + m.start() if m is not None else seg.end
        a, b = trim_span(text, seg.start, end)
        # drop a trailing link ("… https://t.co/x", "pic.twitter.com/x")
        link = re.search(r"\s*(?:https?://\S+|pic\.twitter\.com/\S+)\s*$", text[a:b])
        if link is not None:
            a, b = trim_span(text, a, a + link.start())
        if b <= a:
            return None
        content = Content(text=text[a:b], start=a, end=b)
        speaker = None
        said_on = None
        platform = None
        if m is not None:
            name = m.group("name")
            na = seg.start + m.start("name")
            # "Benjamin Netanyahu – בנימין נתניהו": the Latin-script name before a dash
            cut = re.split(r"\s+[–—-]\s+", name, maxsplit=1)[0]
            nb = na + len(cut.rstrip())
            speaker = Speaker(text=text[na:nb], start=na, end=nb, kind="person")
            ent = self.entities.link(na, nb)
            if ent is not None:
                speaker.name, speaker.entity = ent.name, ent.id
                speaker.kind = {"ORG": "organization", "OUTLET": "outlet"}.get(ent.type, "person")
            platform = "X"
            da = seg.start + m.start("date")
            dtext = m.group("date")
            value = _parse_date(dtext)
            if value is not None:
                said_on = SaidOn(value=value, text=dtext, start=da, end=da + len(dtext))
        if re.search(r"instagram\.com", body, re.I):
            platform = "Instagram"
        elif re.search(r"facebook\.com", body, re.I):
            platform = "Facebook"
        parts = [(a, b)]
        act = "praise" if re.match(r"\W*(thank|thanks|congratulations)\b", content.text, re.I) else "claim"
        if act == "claim" and self._imperative(parts):
            act = "demand"
        return Statement(
            id="",
            content=content,
            speaker=speaker,
            cue=None,
            mode="direct",
            act=act,
            platform=platform,
            said_on=said_on,
            segment="embed",
        )


_IMPERATIVE_CAPS = frozenset(
    {
        "make",
        "get",
        "stop",
        "bring",
        "end",
        "give",
        "let",
        "move",
        "keep",
        "go",
        "release",
        "free",
        "vote",
        "save",
        "send",
        "take",
        "do",
        "come",
        "return",
        "drop",
        "finish",
        "build",
        "fight",
        "act",
        "put",
    }
)


# a tagged source made of these words alone names no one
_NOT_A_SOURCE = frozenset({"the", "a", "an", "'s", "’s", "'", "’"})

# a speaker between a quotation and its cue: at most this many characters and tokens
_GAP_MAX = 120
_GAP_TOKENS = 16


def _touches(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of the sorted, short ``spans`` (a bounded look-back)."""
    k = bisect_right(starts, b - 1) - 1
    return any(spans[j][1] > a for j in range(k, max(-1, k - 8), -1))


def _subtract(text: str, parts: list[tuple[int, int]], hole: tuple[int, int]) -> list[tuple[int, int]]:
    """``parts`` without ``hole`` (trimmed pieces, empty ones dropped)."""
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if hole[1] <= a or b <= hole[0]:
            out.append((a, b))
            continue
        for x, y in ((a, hole[0]), (hole[1], b)):
            x, y = trim_span(text, x, y)
            if y > x:
                out.append((x, y))
    return out


def _parse_date(s: str) -> str | None:
    m = re.match(r"([A-Za-z]+)\.? (\d{1,2}), (\d{4})", s)
    if m is None:
        return None
    month = _MONTHS.get(m.group(1)[:3].lower())
    if month is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(2))).isoformat()
    except ValueError:
        return None


def learned_relations(docs: Sequence[Doc], lex: Lexicon | None = None) -> list[list[LearnedRelation]]:
    """The learned tagger's relations for several parsed documents at once (the CRF, mixed with
    the neural tagger as ``[learned]`` in cues.toml says; see docs/learned-attribution.md)."""
    lex = lex or lexicon()
    weight = lex.learned_neural_weight
    neural = packaged_neural() if weight > 0.0 else None
    return predict_batch(docs, posterior=lex.learned_posterior, neural=neural, weight=weight)


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
