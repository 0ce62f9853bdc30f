"""Analysis with bounded cost per article: the parse in bounded chunks and batches
(:mod:`saidwhat.nlp_limits`), the learned attribution tagger chunk by chunk, and an optional time
budget per article (:mod:`saidwhat.deadline`).

:func:`saidwhat.pipeline.analyze` runs on top of these two functions: :func:`parse_stream` for a
batch run without a time budget, :func:`analyze_within` when each article has one. The stages that
need no parse (``prepare``) and those after it (``finish``) are passed in, so this module depends on
the parser and the tagger only.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.attribution import learned_relations
from saidwhat.attribution.learned import LearnedRelation
from saidwhat.deadline import AnalysisTimeout, Deadline
from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.model import Analysis
from saidwhat.nlp import remember_text
from saidwhat.nlp_limits import ParsedText, pipe_bounded

P = TypeVar("P", bound="HasSource")


class HasSource(Protocol):
    @property
    def source(self) -> SourceDoc: ...


def _chunk_relations(doc: Doc) -> list[LearnedRelation]:
    return learned_relations([doc])[0]


def _shift(rel: LearnedRelation, off: int) -> LearnedRelation:
    def mv(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] + off, span[1] + off)

    return replace(
        rel,
        source=mv(rel.source),
        cue=mv(rel.cue),
        content=[(a + off, b + off) for a, b in rel.content],
    )


def learned_for(items: Sequence[ParsedText[P]]) -> list[list[LearnedRelation]]:
    """The learned tagger's relations for each parsed text: the unchunked ones tagged together (as
    :func:`saidwhat.attribution.learned_relations` does for a batch), a chunked one from its chunks'
    relations (computed during the parse) moved to the whole text's offsets."""
    plain = [p.doc for p in items if not p.chunked]
    plain_rels = iter(learned_relations(plain) if plain else [])
    out: list[list[LearnedRelation]] = []
    for p in items:
        if not p.chunked:
            out.append(next(plain_rels))
            continue
        rels: list[LearnedRelation] = []
        for off, chunk_rels in zip(p.chunks, p.per_chunk, strict=True):
            rels.extend(_shift(r, off) if off else r for r in chunk_rels)
        out.append(rels)
    return out


def parse_stream(
    nlp: Language, prepared: Iterable[P], batch_size: int
) -> Iterator[list[tuple[ParsedText[P], list[LearnedRelation]]]]:
    """Parsed texts with their learned relations, a batch at a time (a long text is a batch of its
    own, parsed in chunks)."""
    parsed = pipe_bounded(
        nlp, ((p.source.text, p) for p in prepared), batch_size=batch_size, per_chunk=_chunk_relations
    )
    batch: list[ParsedText[P]] = []
    for item in parsed:
        remember_text(item.doc, item.context.source.text)
        batch.append(item)
        if item.chunked or len(batch) >= max(1, batch_size):
            yield list(zip(batch, learned_for(batch), strict=True))
            batch = []
    if batch:
        yield list(zip(batch, learned_for(batch), strict=True))


def analyze_within(
    sources: Iterable[SourceDoc],
    nlp: Language,
    seconds: float,
    *,
    prepare: Callable[[SourceDoc], P],
    finish: Callable[[P, Doc, list[LearnedRelation]], Analysis],
    on_error: Callable[[SourceDoc, SaidwhatError], None] | None = None,
) -> Iterator[Analysis]:
    """Analyse each article under its own budget of ``seconds`` (reading the input is outside it).

    An article over budget is stopped (cooperative checks between chunks and stages, and a hard
    stop by ``SIGALRM`` in the main thread) and passed to ``on_error`` with an ``E_TIMEOUT``
    :class:`~saidwhat.deadline.AnalysisTimeout`; the next article is analysed. Without ``on_error``
    the timeout is raised. The models and lexicons that load on first use are loaded before the
    first budget starts (:func:`warm_once`), so that no article pays for them."""
    deadline = Deadline(seconds)
    warm = False
    for src in sources:
        if not warm:
            warm_once(nlp, prepare, finish)
            warm = True
        deadline.restart(src.source)
        try:
            with deadline.hard_stop():
                analysis = _analyze_one(src, nlp, deadline, prepare, finish)
        except AnalysisTimeout as e:
            if on_error is None:
                raise
            on_error(src, e)
            continue
        yield analysis


_WARM_UP = SourceDoc(
    source="<warm-up>",
    text='Officials said on Friday that "talks will resume," Reuters reported.\n\nNo more.',
    stem="warm-up",
    title=None,
    published="2020-01-01",
    published_basis="given",
)


# the language models this process has warmed up (see warm_once)
_WARMED: weakref.WeakSet[Language] = weakref.WeakSet()


def warm_once(
    nlp: Language,
    prepare: Callable[[SourceDoc], P],
    finish: Callable[[P, Doc, list[LearnedRelation]], Analysis],
) -> None:
    """One tiny analysis the first time ``nlp`` is used in this process: it loads what loads on
    first use (lexicons, the learned tagger). Then ``gc.freeze()``: what is loaded by then lives as
    long as the process, so the collector no longer walks it (and a worker forked from a warm
    process no longer writes to the pages it shares with its siblings, see
    :mod:`saidwhat.sandbox`).

    Once per process, not once per call: a worker analyses one article per call
    (:func:`saidwhat.ingest.parallel.run_job`), and a warm-up per call cost 18 ms of CPU per
    article there (4 % of the analysis; docs/scaling.md)."""
    if nlp in _WARMED:
        return
    _analyze_one(_WARM_UP, nlp, Deadline(None), prepare, finish)
    _WARMED.add(nlp)
    gc.collect()
    gc.freeze()


def _analyze_one(
    src: SourceDoc,
    nlp: Language,
    deadline: Deadline,
    prepare: Callable[[SourceDoc], P],
    finish: Callable[[P, Doc, list[LearnedRelation]], Analysis],
) -> Analysis:
    deadline.check("segmentation")
    prep = prepare(src)
    deadline.check("the parse")
    (item,) = pipe_bounded(
        nlp, [(src.text, prep)], batch_size=1, deadline=deadline, per_chunk=_chunk_relations
    )
    remember_text(item.doc, src.text)
    deadline.check("learned attribution")
    (rels,) = learned_for([item])
    deadline.check("entities, dates and attribution")
    return finish(prep, item.doc, rels)
