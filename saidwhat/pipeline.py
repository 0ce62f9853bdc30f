"""The analysis pipeline: ingest → segment → nlp → entities → timex/quantities → attribution.

spaCy parses each document once (batched ``nlp.pipe``); every later stage reads that parse and
adds typed results. :func:`analyze` is the one entry point used by the CLI, the API and the
benchmarks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.attribution import extract_statements
from saidwhat.attribution.learned import LearnedRelation
from saidwhat.bounded import analyze_within, parse_stream
from saidwhat.entities import EntityIndex, extract_entities
from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.model import Analysis, DocMeta, Segment, Statement
from saidwhat.nlp import load_nlp, remember_text
from saidwhat.quantities import extract_quantities
from saidwhat.segment import find_published, segment_text
from saidwhat.timex import extract_timexes


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def link_statements(statements: list[Statement], index: EntityIndex) -> None:
    """Give speakers and relays their canonical entity (the resolved mention when there is one)."""
    for st in statements:
        sp = st.speaker
        # an anonymous source is never the named thing inside its description
        # ("an unnamed White House official" is not the White House)
        if sp is not None and not sp.anonymous and sp.entity is None:
            a = sp.ref_start if sp.ref_start is not None else sp.start
            b = sp.ref_end if sp.ref_end is not None else sp.end
            ent = index.link(a, b)
            if ent is not None:
                sp.entity, sp.name = ent.id, ent.name
        for via in st.via:
            if via.entity is not None:
                continue
            ent = index.link(via.start, via.end)
            if ent is not None:
                via.entity, via.name = ent.id, ent.name


def analyze_parsed(prep: Prepared, parsed: Doc, learned: list[LearnedRelation] | None = None) -> Analysis:
    """Every stage after the parse for one document (``learned``: the learned tagger's relations
    when computed for a batch, see :func:`analyze`)."""
    src = prep.source
    anchor = _anchor(prep.published)
    remember_text(parsed, src.text)
    index = extract_entities(parsed, prep.segments)
    timexes = extract_timexes(parsed, anchor, text=src.text)
    quantities = extract_quantities(parsed, timexes)
    statements = extract_statements(parsed, prep.segments, index, timexes, anchor, learned)
    link_statements(statements, index)
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
        statements=statements,
        entities=index.entities,
        timexes=timexes,
        quantities=quantities,
    )


def analyze(
    sources: Iterable[SourceDoc],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
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
    if timeout is not None and timeout > 0:
        yield from analyze_within(
            sources, nlp, timeout, prepare=prepare, finish=analyze_parsed, on_error=on_error
        )
        return
    for batch in parse_stream(nlp, (prepare(s) for s in sources), batch_size):
        for item, doc_rels in batch:
            yield analyze_parsed(item.context, item.doc, doc_rels)


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
