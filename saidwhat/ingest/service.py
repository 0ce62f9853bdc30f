"""The one ingest service: inputs → readers → analysis → store → corpus stages.

Used by ``saidwhat analyze`` / ``saidwhat ingest``, by the web Add-article form and by the parallel
analysers (:mod:`saidwhat.ingest.parallel` worker processes, :mod:`saidwhat.ingest.raypool` Ray
actors), so that every way in reads, dates, analyses and stores articles the same way:

* :func:`read_paths` — files, directories or ``-`` through :func:`saidwhat.ingest.discover` and the
  reader table, reporting each bad input or record to ``on_error`` (the error catalogue of
  ``docs/errors.md``) and progress (inputs done, inputs in all; first ``(0, n)``) to ``on_progress``;
* :func:`read_upload` — the bytes of an upload or a pasted text through the same readers;
* :func:`analyse` — :class:`SourceDoc` s to ``(source, Analysis)`` pairs, parsed in batches, the
  statements below ``settings.min_confidence`` left out (:func:`keep_confident`; also applied by
  :func:`store_sources` to every analyser's answers);
* :func:`store_sources` — analyse and store, skipping before analysis every text the store already
  holds (its id is the text's content hash), then tell the corpus stages what was added. Its
  ``analyser`` is :func:`analyse` by default; the web server passes one that runs the analysis in
  its sandboxed worker process (:mod:`saidwhat.web.upload`), ``ingest --workers``/``--ray`` one that
  runs it in worker processes or Ray actors: every analyser answers in input order and the store is
  written here, in the calling thread, so every way in stores the same way;
* :func:`prepare` — an analysis with the corpus stages' per-article parts
  (:meth:`saidwhat.corpus.CorpusRegistry.article_parts`), made where it was analysed: by the
  default analyser, the worker processes and the Ray actors of an ingest (not by the web's sandbox,
  whose answers are stored without them). :func:`store_sources` hands the parts of each document it
  stores to the corpus stages, which read back from the store only the documents without them.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from saidwhat.corpus import CORPUS_STAGES, CorpusRegistry
from saidwhat.errors import SaidwhatError
from saidwhat.ingest import InputFile, discover, given_date, kind_by_suffix, read_input, sniff_head
from saidwhat.ingest.base import SourceDoc, content_hash
from saidwhat.ingest.readers import READERS, RawInput
from saidwhat.ingest.text import SIDECAR_SUFFIX
from saidwhat.ingest.warc import file_stem
from saidwhat.model import Analysis
from saidwhat.settings import Settings
from saidwhat.store.protocol import StoreProtocol
from saidwhat.store.types import AddResult

ErrorFn = Callable[[SaidwhatError], None]
ProgressFn = Callable[[int, int], None]
# sources, settings, where an article's own error goes (E_TIMEOUT) → each source with its
# analysis, in order: :func:`analyse`, or the web's sandboxed one
Analyser = Callable[
    [Iterable[SourceDoc], Settings, Callable[[SaidwhatError], None] | None],
    Iterator[tuple[SourceDoc, Analysis]],
]
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def read_paths(
    paths: Sequence[str],
    settings: Settings,
    *,
    on_error: ErrorFn,
    published: str | None = None,
    on_skip: Callable[[str], None] | None = None,
    on_progress: ProgressFn | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[SourceDoc]:
    """Every readable article of ``paths``, in order; each bad input or record goes to ``on_error``."""
    files: list[InputFile] = []
    for f in discover(paths, on_skip=on_skip, follow_links=settings.follow_links):
        if isinstance(f, SaidwhatError):
            on_error(f)
        else:
            files.append(f)
    if on_progress is not None:
        on_progress(0, len(files))
    for done, f in enumerate(files, start=1):
        for item in read_input(f, settings, published=published, stdin=stdin):
            if isinstance(item, SaidwhatError):
                on_error(item)
            else:
                yield item
        if on_progress is not None:
            on_progress(done, len(files))


@dataclass(frozen=True, slots=True)
class Upload:
    """An article sent to the web form: a file's bytes (``uploaded``) or a pasted text."""

    data: bytes
    filename: str = "pasted.txt"
    uploaded: bool = False
    title: str | None = None
    published: str | None = None


def _upload_input(upload: Upload) -> tuple[RawInput, str]:
    safe = _SAFE_NAME.sub("_", Path(upload.filename).name)[-100:].lstrip(".") or "upload.txt"
    digest = hashlib.sha256(upload.data).hexdigest()[:16]
    source = f"upload:{safe}" if upload.uploaded else f"paste:{digest}"
    raw = RawInput(source, file_stem(Path(safe)), data=upload.data)
    if safe.lower().endswith(SIDECAR_SUFFIX):
        raise SaidwhatError("E_EMPTY", "the input holds no article", upload.filename)
    kind = kind_by_suffix(Path(safe)) or sniff_head(upload.data[:4096])
    if kind is None:
        raise SaidwhatError(
            "E_UNSUPPORTED",
            "unsupported file type (expected .txt, .html, .jsonl, .xml/.rss/.atom, .warc[.gz])",
            upload.filename,
        )
    return raw, kind


def read_upload(upload: Upload, settings: Settings) -> list[SourceDoc]:
    """The articles of an upload or pasted text; the first bad input or record is raised.

    Sources are ``upload:<name>`` (``#N`` / ``:N`` for the records of a container) or
    ``paste:<hash>``; ``title`` and ``published`` (for undated articles) apply to every article."""
    raw, kind = _upload_input(upload)
    given = given_date(upload.published)
    docs: list[SourceDoc] = []
    try:
        for item in READERS[kind](raw, settings):
            if isinstance(item, SaidwhatError):
                raise item
            if item.published is None and given is not None:
                item.published, item.published_basis = given, "given"
            if upload.title is not None:
                item.title = upload.title
            docs.append(item)
    except SaidwhatError as exc:
        raise SaidwhatError(exc.code, exc.message, upload.filename, exc.line) from None
    if not docs:
        raise SaidwhatError("E_EMPTY", "the input holds no article", upload.filename)
    return docs


def prepare(analysis: Analysis, stages: CorpusRegistry = CORPUS_STAGES) -> Analysis:
    """``analysis`` with the corpus stages' parts of it (``analysis.prepared``; in place). Called where
    the article was analysed, before the writer's :func:`keep_confident`: :func:`store_sources` keeps
    the parts only when that cut removed no statement (else the stages read the stored article back).
    A stage that fails here leaves no parts: the writer computes them from the stored article, where
    the failure is reported."""
    try:
        analysis.prepared = stages.article_parts(analysis)
    except Exception:  # the writer computes them again, from the stored article, and reports it
        analysis.prepared = None
    return analysis


def analyse_prepared(
    sources: Iterable[SourceDoc],
    settings: Settings,
    on_error: Callable[[SaidwhatError], None] | None = None,
    *,
    stages: CorpusRegistry = CORPUS_STAGES,
) -> Iterator[tuple[SourceDoc, Analysis]]:
    """:func:`analyse`, each analysis with the parts of ``stages`` (:func:`prepare`): an ingest's
    analyser in the calling process."""
    for src, analysis in analyse(sources, settings, on_error):
        yield src, prepare(analysis, stages)


def keep_confident(analysis: Analysis, threshold: float) -> Analysis:
    """``analysis`` with only the statements whose confidence is at least ``threshold``
    (``settings.min_confidence``; in place). Ids are kept: a statement has the same id with or
    without the cut. 0 keeps them all."""
    if threshold > 0:
        analysis.statements = [s for s in analysis.statements if s.confidence >= threshold]
    return analysis


def analyse(
    sources: Iterable[SourceDoc],
    settings: Settings,
    on_error: Callable[[SaidwhatError], None] | None = None,
) -> Iterator[tuple[SourceDoc, Analysis]]:
    """Each source with its analysis, in order (parsed ``settings.batch_size`` at a time).

    With ``settings.analysis_timeout``, an article over its budget is passed to ``on_error`` as
    ``E_TIMEOUT`` (raised without ``on_error``) and skipped; the batch goes on. spaCy and the model
    are loaded only once there is a first source to analyse: a re-ingest of unchanged inputs (all
    skipped by content hash) never loads them."""
    todo = iter(sources)
    first = next(todo, None)
    if first is None:
        return
    from saidwhat.pipeline import analyze

    pending: list[SourceDoc] = []

    def tagged() -> Iterator[SourceDoc]:
        for src in itertools.chain([first], todo):
            pending.append(src)
            yield src

    def over_budget(_src: SourceDoc, e: SaidwhatError) -> None:
        pending.pop(0)  # results come in order: the article stopped is the oldest pending
        if on_error is None:
            raise e
        on_error(e)

    runs = analyze(
        tagged(), batch_size=settings.batch_size, timeout=settings.analysis_timeout, on_error=over_budget
    )
    for analysis in runs:
        yield pending.pop(0), keep_confident(analysis, settings.min_confidence)


@dataclass(slots=True)
class IngestReport:
    """What :func:`store_sources` did: one result per source, in order."""

    results: list[AddResult] = field(default_factory=list)
    statements: int = 0  # statements of the articles read (the stored count for unchanged ones)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


def store_sources(
    store: StoreProtocol,
    sources: Iterable[SourceDoc],
    settings: Settings,
    *,
    stages: CorpusRegistry = CORPUS_STAGES,
    analyser: Analyser | None = None,
    on_error: Callable[[SaidwhatError], None] | None = None,
) -> IngestReport:
    """Analyse and store ``sources``; the corpus stages hear of each batch of stored documents.

    A text the store already holds is ``"unchanged"`` without being analysed (the stored analysis
    is kept either way, see ``docs/store.md``). ``analyser`` (default :func:`analyse_prepared` with
    ``stages``) gets the sources still to analyse; the parts its analyses carry (:func:`prepare`) go
    to the stages with the documents stored."""
    report = IngestReport()
    slots: list[AddResult | None] = []
    waiting: list[int] = []
    added: list[str] = []
    parts: dict[str, dict[str, str]] = {}  # the corpus stages' parts of the documents in ``added``
    restoring: set[int] = set()  # slots of superseded versions made current again (analyses kept)

    def to_analyse() -> Iterator[SourceDoc]:
        for src in sources:
            slots.append(None)
            known = store.find(content_hash(src.text))
            # a superseded version of the same source goes to the store, which makes it current again
            if known is not None and not (known.superseded_by and known.source == src.source):
                slots[-1] = AddResult("unchanged", known.id, known.version)
                report.statements += known.statements
                continue
            if known is not None:
                restoring.add(len(slots) - 1)
            waiting.append(len(slots) - 1)
            yield src

    def failed(e: SaidwhatError) -> None:
        waiting.pop(0)  # its slot stays empty: no result
        if on_error is None:
            raise e
        on_error(e)

    run = analyser if analyser is not None else functools.partial(analyse_prepared, stages=stages)
    for _src, analysis in run(to_analyse(), settings, failed):
        # every analyser (worker processes, Ray actors, the web's sandbox) gets the same cut; parts made
        # before a cut that removes statements are not those of the stored analysis
        n = len(analysis.statements)
        # an analysis pickled by an older saidwhat (a Ray node of another version) has no parts
        prepared = getattr(analysis, "prepared", None)
        result = store.add(keep_confident(analysis, settings.min_confidence))
        slot = waiting.pop(0)
        slots[slot] = result
        report.statements += len(analysis.statements)
        if result.status != "unchanged":
            added.append(result.doc_id)
            # a version made current again keeps its stored analysis: the stages read it back
            if prepared and n == len(analysis.statements) and slot not in restoring:
                parts[result.doc_id] = prepared
        analysis.prepared = None
        if len(added) >= settings.batch_size:
            stages.on_added(store, added, parts)
            added, parts = [], {}
    stages.on_added(store, added, parts)
    stages.finish(store)
    report.results = [r for r in slots if r is not None]
    return report
