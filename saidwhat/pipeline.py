"""The analysis pipeline: ingest → segment → nlp → the document stages (entities → timexes →
quantities → attribution, see :mod:`saidwhat.stages`).

spaCy parses each document once (batched ``nlp.pipe``); every later stage reads that parse and
adds typed results. :func:`analyze` is the one entry point used by the ingest service, the CLI,
the API and the benchmarks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.attribution.learned import LearnedRelation
from saidwhat.bounded import analyze_within, parse_stream
from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc, content_hash
from saidwhat.model import Analysis, DocMeta, Segment
from saidwhat.nlp import load_nlp, remember_text
from saidwhat.segment import find_published, segment_text
from saidwhat.stages import DOCUMENT_STAGES, DocState, StageRegistry


@dataclass(slots=True)
class Prepared:
    """A document after the stages that need no parse."""

    source: SourceDoc
    segments: list[Segment]
    published: str | None
    published_basis: str | None


def prepare(src: SourceDoc) -> Prepared:
    segments = segment_text(src.text, src.hints)
    published, basis = src.published, src.published_basis
    if published is None or basis == "given":
        # metadata wins; a date written in the text wins over --published, which is for undated inputs;
        # an inference from the text only fills a gap
        found, found_basis = find_published(src.text, segments)
        if found is not None and (published is None or found_basis == "text"):
            published, basis = found, found_basis
    return Prepared(src, segments, published, basis)


def _anchor(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def analyze_parsed(
    prep: Prepared,
    parsed: Doc,
    learned: list[LearnedRelation] | None = None,
    stages: StageRegistry = DOCUMENT_STAGES,
) -> Analysis:
    """Every document stage after the parse for one document (``learned``: the learned tagger's
    relations when computed for a batch, see :func:`analyze`)."""
    src = prep.source
    remember_text(parsed, src.text)
    state = DocState(
        source=src,
        segments=prep.segments,
        published=prep.published,
        published_basis=prep.published_basis,
        anchor=_anchor(prep.published),
        parse=parsed,
        learned=learned,
    )
    stages.run(state)
    meta = DocMeta(
        id=content_hash(src.text),
        source=src.source,
        text=src.text,
        title=src.title,
        published=prep.published,
        published_basis=prep.published_basis,
        url=src.url,
        author=src.author,
        format=src.format,
    )
    return Analysis(
        doc=meta,
        segments=prep.segments,
        statements=state.statements,
        entities=state.index().entities,
        timexes=state.timexes,
        quantities=state.quantities,
    )


def analyze(
    sources: Iterable[SourceDoc],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    stages: StageRegistry = DOCUMENT_STAGES,
    timeout: float | None = None,
    on_error: Callable[[SourceDoc, SaidwhatError], None] | None = None,
) -> Iterator[Analysis]:
    """Analyse documents in order, parsing them in batches.

    The learned attribution tagger also reads a batch at a time (its neural half is cheaper per
    document that way, see docs/learned-attribution.md); a result is yielded once its batch is
    tagged. Batches are bounded in characters and a long text is parsed in chunks (docs/limits.md).
    With ``timeout`` (seconds), each article is analysed alone under that budget; one over it is
    passed to ``on_error`` as ``E_TIMEOUT`` (raised without ``on_error``) and skipped."""
    nlp = nlp or load_nlp()

    def finish(prep: Prepared, doc: Doc, rels: list[LearnedRelation]) -> Analysis:
        return analyze_parsed(prep, doc, rels, stages)

    if timeout is not None and timeout > 0:
        yield from analyze_within(sources, nlp, timeout, prepare=prepare, finish=finish, on_error=on_error)
        return
    for batch in parse_stream(nlp, (prepare(s) for s in sources), batch_size):
        for item, doc_rels in batch:
            yield finish(item.context, item.doc, doc_rels)


def analyze_text(
    text: str, *, published: str | None = None, source: str = "<text>", title: str | None = None
) -> Analysis:
    """Analyse one text (convenience for the library user and the tests)."""
    src = SourceDoc(
        source=source,
        text=text,
        stem="text",
        title=title,
        published=published,
        published_basis="given" if published else None,
    )
    return next(analyze([src]))
