"""The state of the attribution engine for one document (:class:`EngineState`: the parse, its
text, segments, entities, dates, quotations, sentences, the rule extractor and the speaker
resolver) and the helpers every step reads. The steps are mixins over it: candidates in
:mod:`.engine`, learned relations in :mod:`.learned_steps`, statements in :mod:`.statements`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Token

from saidwhat.attribution.confidence import weights
from saidwhat.attribution.learned import LearnedRelation
from saidwhat.attribution.lexicon import Lexicon, lexicon
from saidwhat.attribution.quotes import QuoteIndex, find_quotes
from saidwhat.attribution.rules import (
    Candidate,
    RuleExtractor,
)
from saidwhat.attribution.speakers import SpeakerResolver
from saidwhat.attribution.syntax import trim_span
from saidwhat.entities.index import EntityIndex
from saidwhat.model import Segment, Timex
from saidwhat.nlp import doc_text, sentence_spans

# segments whose text is never the content of an article's statement
SKIP_KINDS = frozenset({"comment", "signature", "boilerplate", "related"})
_DATE_VALUE = re.compile(r"^\d{4}-\d{2}(-\d{2})?")


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


class EngineState:
    """What the steps of :class:`~saidwhat.attribution.engine.Engine` share about one document."""

    # the content parts of every candidate, sorted (set by ``Engine.run``), and their starts
    claimed: list[tuple[int, int]]
    claimed_starts: list[int]

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
        # the phrase roots of each content (StatementBuilder._content_roots), read by four checks
        self.roots_memo: dict[tuple[tuple[int, int], ...], list[Token]] = {}

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """Char extent of the sentence holding ``pos`` (binary search)."""
        k = bisect_right(self.sent_starts, pos) - 1
        return self.sents[k] if k >= 0 else (0, len(self.text))

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

    def _attributable(self, pos: int) -> bool:
        kind = self.segments.kind(pos)
        return kind not in SKIP_KINDS and kind != "embed"


def _touches(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps one of the sorted, short ``spans`` (a bounded look-back)."""
    k = bisect_right(starts, b - 1) - 1
    return any(spans[j][1] > a for j in range(k, max(-1, k - 8), -1))
