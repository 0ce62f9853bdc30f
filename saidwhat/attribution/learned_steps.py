"""Step 4 of the attribution engine (:mod:`.engine`): relations of the learned tagger
(:mod:`.learned`) that overlap no rule statement, relations inside a rule statement's content,
and speakers the tagger finds for rule statements the parse left without one.

:class:`LearnedSteps` holds these steps; :class:`~saidwhat.attribution.engine.Engine` inherits them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from saidwhat.attribution.learned import LearnedRelation, predict_batch
from saidwhat.attribution.learned.neural import packaged_neural
from saidwhat.attribution.lexicon import Lexicon, lexicon
from saidwhat.attribution.rules import (
    Candidate,
    Mention,
    dateline_end,
    is_supposition,
    mention,
    misplaced_subject,
)
from saidwhat.attribution.state import EngineState, _touches
from saidwhat.attribution.statements import _subtract
from saidwhat.attribution.syntax import relative_head, trim_span

# a source is a word, not only a possessive mark ("'s") or punctuation
_NAMEISH = re.compile(r"(?<!['’])[^\W\d_]|[^\W\d_]{2,}")
# a tagged source made of these words alone names no one
_NOT_A_SOURCE = frozenset({"the", "a", "an", "'s", "’s", "'", "’"})
# a speaker between a quotation and its cue: at most this many characters and tokens
_GAP_MAX = 120
_GAP_TOKENS = 16


class LearnedSteps(EngineState):
    """The learned-relation steps of the engine."""

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
        rels = [r for r in rels if _inner_relation(r, lex.learned_inner_score, used)]
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
            hosts = _content_hosts(parts, part_starts, spans)
            if not hosts or any(h.rule in lex.learned_inner_excluded for h in hosts):
                continue
            c = self._from_learned(rel, [], [])
            if c is None:
                continue
            self._cut_hosts(hosts, min(a for a, _ in spans), rel.source[1])
            out.append(c)
        return out

    def _cut_hosts(self, hosts: list[Candidate], first: int, end: int) -> None:
        """A host whose one content part an inner relation (``[first, end)`` up to its source's end)
        starts inside ends before it."""
        for h in hosts:
            if len(h.content) == 1 and h.content[0][0] < first < h.content[0][1]:
                tok = self.doc.char_span(first, end, alignment_mode="expand")
                if tok is not None and len(tok):
                    self._end_before(h, tok[0].i, ("cc", "punct", "mark", "advmod"))

    def _learned_speakers(self, cands: list[Candidate], rels: list[LearnedRelation]) -> None:
        """A rule statement whose cue has no subject the parse can show (“…,” Flynn, a top Trump
        surrogate, said — the parser made a quoted title the subject and hung the name on the
        quote's clause) takes the noun phrase standing between its quotation and its cue
        (:meth:`_between_quote_and_cue`), else the source the tagger found for the same cue:
        outside quotations, and outside the content or at its edge (the statement leaves the
        speaker out of its content)."""
        open_ = [c for c in cands if _wants_speaker(c)]
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
                m = self._tagged_speaker(c, *rel.source)
                if m is not None:
                    c.speaker = m
                    break

    def _tagged_speaker(self, c: Candidate, sa: int, sb: int) -> Mention | None:
        """The mention of the source ``[sa, sb)`` the tagger found for ``c``'s cue: never a word of a
        quotation; inside the content only at its edge (the parse hung the speaker on the
        content's clause), and the statement then leaves it out."""
        if self.quotes.covering(sa) is not None or not self._attributable(sa):
            return None
        if any(a < sa and sb < b for a, b in c.content):
            return None  # inside a content part: a word of what was said
        if not _subtract(self.text, c.content, (sa, sb)):
            return None  # it would leave nothing of the content
        return self._source_mention(sa, sb)

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
        if "\n" in gap or any(ch in gap for ch in '"“”«»()[]:;'):
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

    def _not_its_speaker(self, root: Token, speaker: Mention, content: list[tuple[int, int]]) -> bool:
        """The tagged source cannot be the cue's speaker: a supposition's subject (*if he says …*),
        or a relative source whose content holds its own antecedent (:meth:`_says_its_antecedent`)."""
        return is_supposition(root, speaker.head) or self._says_its_antecedent(speaker, content)

    def _says_its_antecedent(self, speaker: Mention, content: list[tuple[int, int]]) -> bool:
        """*… released a grainy image from security camera footage, that shows an unarmed suspect*:
        a relative source (or, where the parse split the sentence, a bare *that*/*which*) stands for
        a noun before it; a content part holding that noun, or running up to the pronoun, is the
        clause the pronoun hangs on, never what it says — the tagger misread the sentence, and the
        relation is dropped."""
        head = speaker.head
        antecedent = relative_head(head)
        if antecedent is not None:
            return any(a <= antecedent.idx < b for a, b in content)
        if head.lower_ not in ("that", "which") or speaker.span[1] - speaker.span[0] != len(head.text):
            return False
        return any(
            b <= speaker.span[0] and not self.text[b : speaker.span[0]].strip(" ,;") for _, b in content
        )

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
        content = [trim_span(self.text, a, b) for a, b in rel.content]
        if speaker is not None and self._not_its_speaker(root, speaker, content):
            return None
        if root.lemma_.lower() in lex.not_cues:
            return None  # "Shareholders also heard that …": the listeners do not speak
        lemma = root.lemma_.lower()
        phrase = " ".join(t.lemma_.lower() for t in cspan)
        known = lemma in lex.learned_cues or rel.score >= lex.learned_any_cue_score
        if not known:
            return None  # not a speech or belief cue
        passive = any(c.dep_ == "auxpass" for c in root.children)
        if passive and rel.score < lex.learned_passive_score:
            return None  # a passive ("is wanted by") only when the tagger is sure
        if speaker is None:
            speaker = self._untagged_source(root, rel.content)
        sa, sb = self.sentence_at(rel.content[0][0])
        return Candidate(
            content=content,
            cue=rel.cue,
            lemma=lemma,
            act=lex.phrasal.get(phrase) or lex.act_of(lemma),
            speaker=speaker,
            cue_tok=root,
            sent_start=sa,
            sent_end=sb,
            rule="learned",
            score=rel.score,
            # "A few hours before Modi's Cabinet list was announced, Babul Supriyo took to social
            # media": a passive cue's speaker is its by-agent; another source is the tagger's guess
            off_agent=passive and speaker is not None and not _agent_of(root, speaker),
        )


def _agent_of(verb: Token, speaker: Mention) -> bool:
    """Whether ``speaker`` lies in the by-agent of the passive ``verb`` (*was first reported by The
    Washington Post*)."""
    for c in verb.children:
        if c.dep_ == "agent":
            a, b = c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)
            if a <= speaker.span[0] < b or a <= speaker.head.idx < b:
                return True
    return False


def _wants_speaker(c: Candidate) -> bool:
    """A rule candidate with a cue and a content but no speaker, unhedged and not passive (a
    passive has no subject by design: "have been accused of …" keeps no speaker)."""
    return (
        c.speaker is None
        and not c.hedged
        and c.cue is not None
        and bool(c.content)
        and c.rule not in ("passive", "passive-charge")
    )


def _inner_relation(r: LearnedRelation, floor: float, used: set[tuple[int, int] | None]) -> bool:
    """A relation that may stand inside a rule content: scored at ``floor`` or more, with a cue
    (one no outer relation used), a source and a content."""
    return (
        r.score >= floor
        and r.cue is not None
        and r.source is not None
        and bool(r.content)
        and r.cue not in used
    )


def _content_hosts(
    parts: list[tuple[tuple[int, int], Candidate]], part_starts: list[int], spans: list[tuple[int, int]]
) -> list[Candidate]:
    """The candidates whose content parts (sorted by span, ``part_starts`` their starts) overlap any
    of ``spans``, each once, in the order found."""
    hosts: list[Candidate] = []
    for a, b in spans:
        k = bisect_right(part_starts, b - 1) - 1
        # content parts rarely nest deeper than a few levels: a bounded look-back
        for j in range(k, max(-1, k - 8), -1):
            (pa, pb), host = parts[j]
            if pb > a and pa < b and all(h is not host for h in hosts):
                hosts.append(host)
    return hosts


def learned_relations(docs: Sequence[Doc], lex: Lexicon | None = None) -> list[list[LearnedRelation]]:
    """The learned tagger's relations for several parsed documents at once (the CRF, mixed with
    the neural tagger as ``[learned]`` in cues.toml says; see docs/learned-attribution.md)."""
    lex = lex or lexicon()
    weight = lex.learned_neural_weight
    neural = packaged_neural() if weight > 0.0 else None
    return predict_batch(docs, posterior=lex.learned_posterior, neural=neural, weight=weight)
