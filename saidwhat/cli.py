"""The ``saidwhat`` command line: a thin typer layer over the library.

User errors print one line ``error[CODE] source[:line]: message`` on stderr (codes in
``docs/errors.md``); the rest of a batch is still processed and the exit code is 1 at the end.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from saidwhat import __version__
from saidwhat.cli_help import Command, Group, examples
from saidwhat.errors import SaidwhatError
from saidwhat.settings import Settings, check_max_bytes, check_min_confidence, check_timeout

# only what every command needs is imported here: the commands import the rest when they run, so
# that reading the store (search, statements, export, ...) never loads spaCy (tests/test_cli_imports.py)
if TYPE_CHECKING:
    from saidwhat.filters import StatementFilter
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.ingest.service import Analyser
    from saidwhat.store import SearchHit, StatementRecord, StoreProtocol

T = TypeVar("T")

app = typer.Typer(
    name="saidwhat",
    help="Who said what, according to whom, and when — from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    cls=Group,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class Batch:
    """Collects the user errors of a run so that the whole batch is processed before exiting."""

    def __init__(self) -> None:
        self.errors = 0

    def report(self, e: SaidwhatError) -> None:
        self.errors += 1
        # print() rather than rich: the line must never be wrapped or marked up
        print(e.one_line(), file=sys.stderr)

    def note(self, message: str) -> None:
        print(f"note: {message}", file=sys.stderr)

    def exit(self) -> None:
        if self.errors:
            raise typer.Exit(1)


def fail(e: SaidwhatError) -> NoReturn:
    print(e.one_line(), file=sys.stderr)
    raise typer.Exit(1)


def _valid_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from saidwhat.ingest.dates import parse_iso_date

    day = parse_iso_date(value)
    if day is None:
        fail(SaidwhatError("E_DATE", f"{value!r} is not a valid YYYY-MM-DD date", option))
    return day


def _settings(
    db: str | Path | None = None,
    max_bytes: int | None = None,
    timeout: float | None = None,
    min_confidence: float | None = None,
) -> Settings:
    """The environment's settings with the command's options on top (a bad value: one line, exit 1)."""
    try:
        s = Settings()
        if min_confidence is not None:
            s.min_confidence = check_min_confidence(min_confidence)
        if db is not None:
            s.db = str(db)
        s.max_bytes = check_max_bytes(
            max_bytes if max_bytes is not None else s.max_bytes,
            "--max-bytes" if max_bytes is not None else "SAIDWHAT_MAX_BYTES",
        )
        if timeout is not None:
            s.analysis_timeout = check_timeout(timeout)
        else:
            s.analysis_timeout = check_timeout(s.analysis_timeout, "SAIDWHAT_ANALYSIS_TIMEOUT")
    except SaidwhatError as e:
        fail(e)
    return s


def _sources(
    paths: list[str], settings: Settings, published: str | None, batch: Batch
) -> Iterator[SourceDoc]:
    """Every readable article of the inputs, in order, with a progress bar for multi-file runs."""
    from saidwhat.ingest.service import read_paths

    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )
    task = progress.add_task("analysing", total=None)
    shown: list[bool] = []

    def advance(done: int, total: int) -> None:
        if total <= 1 or not err.is_terminal:
            return
        if not shown:
            progress.start()
            shown.append(True)
        progress.update(task, completed=done, total=total)

    try:
        yield from read_paths(
            paths,
            settings,
            published=published,
            on_error=batch.report,
            on_skip=batch.note,
            on_progress=advance,
        )
    finally:
        if shown:
            progress.stop()


def _version(value: bool) -> None:
    if value:
        out.print(f"saidwhat {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """saidwhat: a sourced, time-aware record of who said what, according to whom, and when."""


PathsArg = Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store: an SQLite file or a postgresql:// URL (default ./saidwhat.db or $SAIDWHAT_DB)."
    ),
]
PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", metavar="DATE", help="YYYY-MM-DD publication date for inputs that have none."
    ),
]
MinConfidenceOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        metavar="X",
        min=0.0,
        max=1.0,
        help="Only statements whose confidence (0 to 1) is at least X (default: all).",
    ),
]
# analyze / ingest: the cut of their output (Settings.min_confidence), not a query filter
CutOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        metavar="X",
        min=0.0,
        max=1.0,
        help="Leave out statements whose confidence is below X "
        "(default 0.3 or SAIDWHAT_MIN_CONFIDENCE; 0 keeps them all).",
    ),
]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since", metavar="DATE", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD (its first day)."
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Up to this date: YYYY, YYYY-MM or YYYY-MM-DD (its last day)."
    ),
]
SpeakerOpt = Annotated[
    str | None,
    typer.Option(
        "--speaker",
        metavar="NAME",
        help="Speakers whose name or an alias has a word starting with NAME, any case (Donald, official); "
        "digits are an entity id.",
    ),
]
ActOpt = Annotated[
    str | None,
    typer.Option(
        "--act",
        metavar="ACT",
        help="Only this speech act (claim, demand, deny, warn, ...: see docs/acts.md).",
    ),
]
ModeOpt = Annotated[
    str | None, typer.Option("--mode", metavar="MODE", help="Only direct, indirect or mixed speech.")
]
ViaOpt = Annotated[
    str | None,
    typer.Option(
        "--via",
        metavar="NAME",
        help="Only statements relayed by this outlet or source (matched as --speaker).",
    ),
]
AnonymousOpt = Annotated[
    bool | None,
    typer.Option("--anonymous/--named", help="Only anonymous speakers, or only named ones (default: both)."),
]
HedgedOpt = Annotated[
    bool | None,
    typer.Option(
        "--hedged/--unhedged", help="Only hedged statements (reportedly, ...) or only others (default: both)."
    ),
]
PlatformOpt = Annotated[
    str | None,
    typer.Option(
        "--platform", metavar="NAME", help="Only statements posted on this platform (Truth Social, X)."
    ),
]
SegmentOpt = Annotated[
    str | None,
    typer.Option(
        "--segment",
        metavar="PART",
        help="Only statements in this part of the article (body, headline, embed, ...).",
    ),
]
OutletOpt = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        metavar="HOST",
        help="Only statements of articles from this outlet (its URL's host: reuters.com).",
    ),
]
StatementStoryOpt = Annotated[
    str | None,
    typer.Option(
        "--story", metavar="ID", help="Only statements of articles in this story (see `saidwhat stories`)."
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")]
MaxBytesOpt = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Largest article text accepted, in bytes (default 5 MB, at most 10 MB)"),
]
FollowLinksOpt = Annotated[
    bool,
    typer.Option("--follow-links", help="In directories, read symbolic links that lead out of them."),
]
TimeoutOpt = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help="Seconds one article may take (over it: E_TIMEOUT, next article); default 600, 0: none.",
    ),
]


@app.command(
    cls=Command,
    epilog=examples(
        "saidwhat analyze article.txt --pretty",
        "saidwhat analyze feed.xml --out json/",
        "cat page.html | saidwhat analyze - --published 2025-06-29",
    ),
)
def analyze(
    paths: PathsArg,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Write DIR/<stem>.json per input instead of JSON to stdout.")
    ] = None,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = None,
    timeout: TimeoutOpt = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    follow_links: FollowLinksOpt = False,
    min_confidence: CutOpt = None,
) -> None:
    """Analyse articles and print their saidwhat/1 JSON (one document per line), or write DIR/<stem>.json."""
    from saidwhat.ingest.service import analyse

    batch = Batch()
    settings = _settings(max_bytes=max_bytes, timeout=timeout, min_confidence=min_confidence)
    settings.follow_links = follow_links
    given = _valid_date(published, "--published")
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            fail(SaidwhatError("E_READ", f"cannot create output directory: {e.strerror}", str(out_dir)))
    seen: dict[str, int] = {}
    for src, analysis in analyse(_sources(paths, settings, given, batch), settings, batch.report):
        text = json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2 if pretty else None)
        if out_dir is None:
            sys.stdout.write(text + "\n")
            continue
        stem = src.stem
        if stem in seen:  # two inputs with one stem: keep both
            seen[stem] += 1
            stem = f"{stem}-{seen[stem]}"
        else:
            seen[stem] = 1
        (out_dir / f"{stem}.json").write_text(text + "\n", encoding="utf-8")
    batch.exit()


@app.command(
    cls=Command,
    epilog=examples(
        "saidwhat ingest ../shared/samples",
        "saidwhat ingest news/ feed.xml --db news.db",
        "saidwhat ingest undated.txt --published 2025-06-29 -q",
    ),
)
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = None,
    timeout: TimeoutOpt = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Do not print the closing 'stored in DB: N new, ...' line (errors and notes still are).",
        ),
    ] = False,
    follow_links: FollowLinksOpt = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            metavar="N",
            min=1,
            help="Analyse in N worker processes (default: the number of cores; 1: in this process).",
        ),
    ] = None,
    use_ray: Annotated[
        bool, typer.Option("--ray", help="Analyse on a local Ray started for this run (the 'ray' extra).")
    ] = False,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            metavar="ADDRESS",
            help="Analyse on the Ray cluster at ADDRESS (host:port, ray://..., auto); implies --ray.",
        ),
    ] = None,
    min_confidence: CutOpt = None,
) -> None:
    """Analyse articles and store them (idempotent: unchanged articles are not stored twice)."""
    from saidwhat.ingest.service import store_sources
    from saidwhat.store import open_store

    batch = Batch()
    settings = _settings(db, max_bytes, timeout, min_confidence)
    settings.follow_links = follow_links
    given = _valid_date(published, "--published")
    try:
        analyser = _analyser(workers, use_ray or ray_address is not None, ray_address)
        with open_store(settings.db, aliases=settings.aliases) as store:
            report = store_sources(
                store,
                _sources(paths, settings, given, batch),
                settings,
                on_error=batch.report,
                analyser=analyser,
            )
    except SaidwhatError as e:
        fail(e)
    if not quiet:
        err.print(
            f"stored in {settings.db}: {report.count('new')} new, {report.count('updated')} updated, "
            f"{report.count('unchanged')} unchanged; {report.statements} statements"
            + (f"; {batch.errors} input error(s)" if batch.errors else "")
        )
    batch.exit()


def _analyser(workers: int | None, use_ray: bool, address: str | None) -> Analyser | None:
    """The analyser of ``ingest``: Ray's actor pool, N worker processes, or this process (None)."""
    if use_ray:
        if workers is not None:
            raise SaidwhatError("E_BAD_REQUEST", "--workers and --ray exclude each other", "--workers")
        from saidwhat.ingest.raypool import RayAnalyser

        return RayAnalyser(address)
    from saidwhat.ingest.parallel import ProcessAnalyser, default_workers

    n = workers if workers is not None else default_workers()
    return ProcessAnalyser(n) if n > 1 else None


def _read(db: str | None, query: Callable[[StoreProtocol], T]) -> T:
    """Run one read-only query against the store; a store error is one line and exit 1."""
    from saidwhat.store import open_store

    try:
        settings = _settings(db)
        with open_store(settings.db, read_only=True, aliases=settings.aliases) as store:
            return query(store)
    except SaidwhatError as e:
        fail(e)


def _print_jsonl(rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


def _speaker_label(name: str | None, text: str | None) -> str:
    return name or text or "—"


def _filter(store: StoreProtocol, f: StatementFilter) -> None:
    """Say on stderr which entities and names --speaker / --via matched."""
    for who, role in ((f.speaker, "speaker"), (f.via, "via")):
        if who is None:
            continue
        m = store.match_names(who, role="speaker" if role == "speaker" else "via")
        found = [f"{e.name} (#{e.gid}, {e.count} statement(s))" for e in m.entities] + [
            f"{n} (no entity)" for n in m.names
        ]
        said = ", ".join(found) if found else f"no {role}; see `saidwhat entities`"
        print(f"--{role} {who!r} matched: {said}", file=sys.stderr)


def _build_filter(**given: Any) -> StatementFilter:
    from saidwhat.filters import build_filter

    try:
        return build_filter(**given)
    except SaidwhatError as e:
        fail(e)


@app.command(
    cls=Command,
    epilog=examples(
        "saidwhat search dismantled",
        'saidwhat search "hostage deal" --speaker Trump --since 2025-06',
        "saidwhat search ceasefire --via Haaretz --json",
    ),
)
def search(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help='Words and "quoted phrases" (all must match; word* is a prefix).'
        ),
    ],
    speaker: SpeakerOpt = None,
    act: ActOpt = None,
    mode: ModeOpt = None,
    via: ViaOpt = None,
    anonymous: AnonymousOpt = None,
    hedged: HedgedOpt = None,
    platform: PlatformOpt = None,
    min_confidence: MinConfidenceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", metavar="N", min=1, max=1000, help="Most results to show.")
    ] = 20,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search over statements and articles (statement filters leave articles out)."""
    f = _build_filter(
        speaker=speaker,
        act=act,
        mode=mode,
        via=via,
        anonymous=anonymous,
        hedged=hedged,
        platform=platform,
        since=since,
        until=until,
        min_confidence=min_confidence,
    )

    def query_store(store: StoreProtocol) -> list[SearchHit]:
        _filter(store, f)
        return store.search(query, **f.query(), limit=limit)

    hits = _read(db, query_store)
    if as_json:
        _print_jsonl(h.to_dict() for h in hits)
        return
    table = Table(title=Text(f"{len(hits)} result(s) for {query!r}"), show_lines=False)
    for col in ("kind", "date", "speaker", "match", "source"):
        table.add_column(col, overflow="fold")
    for h in hits:
        st = h.statement.statement if h.statement else None
        who = _speaker_label(st.speaker.name, st.speaker.text) if st and st.speaker else ""
        match = Text()
        for part, is_match in h.snippet:
            match.append(part, style="bold yellow" if is_match else None)
        table.add_row(Text(h.kind), Text(h.date or ""), Text(who), match, Text(h.doc_title or h.doc_source))
    out.print(table)


@app.command(
    cls=Command,
    epilog=examples(
        "saidwhat statements --speaker Trump --act demand",
        "saidwhat statements --speaker official --anonymous --since 2025-06",
        "saidwhat statements --hedged --platform 'Truth Social' --json",
    ),
)
def statements(
    speaker: SpeakerOpt = None,
    act: ActOpt = None,
    mode: ModeOpt = None,
    via: ViaOpt = None,
    anonymous: AnonymousOpt = None,
    hedged: HedgedOpt = None,
    platform: PlatformOpt = None,
    min_confidence: MinConfidenceOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    segment: SegmentOpt = None,
    outlet: OutletOpt = None,
    story: StatementStoryOpt = None,
    limit: Annotated[
        int, typer.Option("--limit", metavar="N", min=1, max=10000, help="Most statements to show.")
    ] = 50,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List stored statements, newest first."""
    f = _build_filter(
        speaker=speaker,
        act=act,
        mode=mode,
        via=via,
        anonymous=anonymous,
        hedged=hedged,
        platform=platform,
        since=since,
        until=until,
        min_confidence=min_confidence,
        segment=segment,
        outlet=outlet,
        story=story,
    )

    def query_store(store: StoreProtocol) -> list[StatementRecord]:
        _filter(store, f)
        return store.browse_statements(f, limit=limit).records

    rows = _read(db, query_store)
    if as_json:
        _print_jsonl(r.to_dict() for r in rows)
        return
    table = Table(title=f"{len(rows)} statement(s)")
    for col in ("date", "speaker", "via", "act", "mode", "content"):
        table.add_column(col, overflow="fold")
    for r in rows:
        st = r.statement
        who = _speaker_label(st.speaker.name, st.speaker.text) if st.speaker else "—"
        via_names = " > ".join(v.name or v.text for v in st.via)
        content = st.content.text if len(st.content.text) <= 160 else st.content.text[:157] + "…"
        table.add_row(*(Text(c) for c in (r.date or "", who, via_names, st.act, st.mode, content)))
    out.print(table)


@app.command(cls=Command)
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="json, jsonl (saidwhat/1 documents) or csv (a row per statement)."
        ),
    ] = "jsonl",
    db: DbOpt = None,
    output: Annotated[
        Path | None, typer.Option("--out", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export the store: saidwhat/1 documents as JSON / JSON Lines, or one CSV row per statement."""
    from saidwhat.store import export as export_store

    if fmt not in ("json", "jsonl", "csv"):
        fail(SaidwhatError("E_BAD_REQUEST", f"must be json, jsonl or csv, not {fmt!r}", "--format"))

    def write(store: StoreProtocol) -> None:
        if output is None:
            export_store(store, fmt, sys.stdout)
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as fh:
                export_store(store, fmt, fh)
        except OSError as e:
            raise SaidwhatError("E_READ", f"cannot write the export: {e.strerror}", str(output)) from e

    _read(db, write)


@app.command(
    cls=Command,
    epilog="Example: saidwhat copy saidwhat.db postgresql://newsroom@db.example.org/saidwhat",
)
def copy(
    src: Annotated[str, typer.Argument(help="The store to copy: an SQLite file or a postgresql:// URL.")],
    dst: Annotated[str, typer.Argument(help="An empty (or new) store to copy it into.")],
) -> None:
    """Copy a store exactly into another, between SQLite and PostgreSQL (either way)."""
    from saidwhat.store import open_store
    from saidwhat.store.copy import copy_store

    try:
        settings = _settings()
        with (
            open_store(src, read_only=True, aliases=settings.aliases) as source,
            open_store(dst, aliases=settings.aliases) as target,
        ):
            result = copy_store(source, target)
            stats = target.stats()
    except SaidwhatError as e:
        fail(e)
    err.print(
        f"copied {stats.documents} documents ({stats.versions} versions, {stats.statements} statements, "
        f"{stats.entities} entities) from {source.location} to {target.location}"
    )
    del result


@app.command(cls=Command)
def entities(
    query: Annotated[str | None, typer.Argument(help="Only entities whose name contains this.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000, help="Most entities to show.")] = 50,
    db: DbOpt = None,
    as_json: JsonOpt = False,
    aliases: Annotated[
        Path | None,
        typer.Option(
            "--aliases", help="Apply this alias file (its merge and split entries, docs/store.md) first."
        ),
    ] = None,
) -> None:
    """List the entities of the store with the names merged into each, aliases and mention counts."""
    if aliases is not None:  # join / split by hand, then list
        from saidwhat.store import open_store

        try:
            with open_store(_settings(db).db, aliases=aliases) as store:
                changed = store.reapply_aliases(aliases)
        except SaidwhatError as e:
            fail(e)
        err.print(f"applied {aliases}: {changed} stored entit{'y' if changed == 1 else 'ies'} changed id")
    found = _read(db, lambda s: [(r, s.entity_variants(r.gid)) for r in s.entities(limit=limit, query=query)])
    rows = [r for r, _ in found]
    if as_json:
        _print_jsonl({**r.to_dict(), "merged": v} for r, v in found)
        return
    table = Table(title=f"{len(rows)} entit{'y' if len(rows) == 1 else 'ies'}")
    for col in ("id", "name", "type", "mentions", "documents", "statements", "merged", "aliases"):
        table.add_column(col, overflow="fold")
    for r, merged in found:
        table.add_row(
            *(
                Text(c)
                for c in (
                    str(r.gid),
                    r.name,
                    r.type,
                    str(r.mentions),
                    str(r.documents),
                    str(r.statements),
                    ", ".join(merged[:6]),
                    ", ".join(r.aliases[:6]),
                )
            )
        )
    out.print(table)


@app.command(cls=Command)
def summary(db: DbOpt = None) -> None:
    """A readable summary of what the store holds: articles, voices, relays."""
    from saidwhat.report import print_summary

    _read(db, lambda store: print_summary(store, out))


@app.command(cls=Command)
def rebuild(db: DbOpt = None) -> None:
    """Rebuild every corpus stage (stories, claims, ...) from the stored articles."""
    from saidwhat.corpus import CORPUS_STAGES
    from saidwhat.store import open_store

    settings = _settings(db)
    try:
        with open_store(settings.db, aliases=settings.aliases) as store:
            names = CORPUS_STAGES.rebuild(store)
    except SaidwhatError as e:
        fail(e)
    err.print(f"rebuilt {len(names)} corpus stage(s){': ' + ', '.join(names) if names else ''}")


@app.command(
    cls=Command,
    epilog=examples(
        "saidwhat serve",
        "saidwhat serve --port 8080 --read-only",
        "SAIDWHAT_DB=news.db saidwhat serve --host 0.0.0.0",
    ),
)
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Serve without the Add-article page.")
    ] = False,
    max_bytes: MaxBytesOpt = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer to this Host name (repeatable; default: the bind address and localhost).",
        ),
    ] = None,
    analysis_timeout: Annotated[
        float | None,
        typer.Option(
            "--analysis-timeout",
            min=0.1,
            help="Seconds one added article may take to analyse (default: SAIDWHAT_ANALYSIS_TIMEOUT or 600).",
        ),
    ] = None,
    analysis_memory: Annotated[
        int | None,
        typer.Option(
            "--analysis-memory",
            min=0,
            help="MB one added article may use (default: SAIDWHAT_ANALYSIS_MEMORY_MB or 4096; 0: none).",
        ),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API (OpenAPI docs at /docs)."""
    from saidwhat.web import serve as serve_web

    settings = _settings(db, max_bytes, analysis_timeout)
    if analysis_memory is not None:
        settings.analysis_memory_mb = analysis_memory
    try:
        serve_web(settings, host=host, port=port, read_only=read_only, allow_hosts=allow_host or ())
    except SaidwhatError as e:
        fail(e)


# -- across articles: claims, positions, promises (stored by the claims corpus stage) ----------------

StoryOpt = Annotated[str | None, typer.Option("--story", help="Only this story (its id).")]
ReportJsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object (the contract's shape).")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="CSV, one row per item, instead of a table.")]


def _report(db: str | None, build: Callable[[StoreProtocol], dict[str, Any]]) -> tuple[dict[str, Any], bool]:
    """A cross-article report from the stored claim facts, and whether the store has articles without any."""

    def run(store: StoreProtocol) -> tuple[dict[str, Any], bool]:
        return build(store), store.count_documents() > 0 and not store.claim_stories()

    return _read(db, run)


def _emit(
    report: dict[str, Any],
    as_json: bool,
    as_csv: bool,
    rows: Callable[[dict[str, Any]], Any],
    columns: tuple[str, ...],
    unbuilt: bool,
) -> bool:
    """JSON or CSV on stdout (True), else False: the caller prints its table."""
    if unbuilt:
        print("note: no claim facts are stored yet: run `saidwhat rebuild` once", file=sys.stderr)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return True
    if as_csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(report))
        return True
    return False


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _with_unit(measure: Any, unit: str | None) -> Any:
    return f"{measure} ({unit})" if measure and unit else measure


@app.command()
def claims(
    story: StoryOpt = None,
    about: Annotated[
        str | None, typer.Option("--about", help="Only claims whose place, measure or proposition has this.")
    ] = None,
    db: DbOpt = None,
    as_json: ReportJsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Quantity and assertion claims across the stored articles: values by source, updates, contradictions."""
    from saidwhat.claims.model import show_amount
    from saidwhat.corpus.claims import CLAIM_COLUMNS, claim_rows, claims_report

    report, unbuilt = _report(db, lambda s: claims_report(s, story, about))
    if _emit(report, as_json, as_csv, claim_rows, CLAIM_COLUMNS, unbuilt):
        return
    table = Table(title=f"{len(report['claims'])} claim(s)")
    for col in ("claim", "measure / proposition", "about", "date", "value", "source", "notes"):
        table.add_column(col, overflow="fold")
    # the unit an amount is in ("aid (GBP)"), where the key has one
    units = {c["id"]: (c.get("key") or {}).get("unit") for c in report["claims"]}
    for row in claim_rows(report):
        first = row["index"] == 0
        notes = "; ".join(
            x
            for x in (
                str(row["updates"] or ""),
                f"contradicts {row['contradicts']}" if row["contradicts"] else "",
            )
            if x
        )
        value = show_amount(row) if row["kind"] == "quantity" else str(row["stance"])
        table.add_row(
            *(
                Text(str(c or ""))
                for c in (
                    row["claim"] if first else "",
                    (_with_unit(row["measure"], units.get(str(row["claim"]))) or row["proposition"])
                    if first
                    else "",
                    row["about"] if first else "",
                    row["said_on"] or row["published"],
                    value,
                    row["source"] or "(the article)",
                    notes,
                )
            )
        )
    out.print(table)


@app.command()
def positions(
    story: StoryOpt = None, db: DbOpt = None, as_json: ReportJsonOpt = False, as_csv: CsvOpt = False
) -> None:
    """Each actor's stance on each issue across the stored articles, with changes and evidence."""
    from saidwhat.corpus.claims import POSITION_COLUMNS, position_rows, positions_report

    report, unbuilt = _report(db, lambda s: positions_report(s, story))
    if _emit(report, as_json, as_csv, position_rows, POSITION_COLUMNS, unbuilt):
        return
    table = Table(title=f"{len(report['cells'])} position(s)")
    for col in ("actor", "issue", "stance", "first", "last", "changes", "evidence"):
        table.add_column(col, overflow="fold")
    for c in report["cells"]:
        changes = "; ".join(f"{x['on']}: {x['from']} → {x['to']}" for x in c["changes"])
        table.add_row(
            *(
                Text(str(x or ""))
                for x in (
                    c["actor"],
                    c["issue"],
                    c["stance"],
                    c["first"],
                    c["last"],
                    changes,
                    len(c["evidence"]),
                )
            )
        )
    out.print(table)


@app.command()
def promises(
    story: StoryOpt = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="YYYY-MM-DD for the status (default: the latest article's date)."),
    ] = None,
    db: DbOpt = None,
    as_json: ReportJsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """Promises, predictions, threats and deadlines with their due dates and status as of a date."""
    from datetime import date

    from saidwhat.corpus.claims import PROMISE_COLUMNS, promise_rows, promises_report

    day = _valid_date(as_of, "--as-of")
    when = date.fromisoformat(day) if day else None
    report, unbuilt = _report(db, lambda s: promises_report(s, story, when))
    if _emit(report, as_json, as_csv, promise_rows, PROMISE_COLUMNS, unbuilt):
        return
    table = Table(title=f"{len(report['promises'])} promise(s), as of {report['as_of'] or '—'}")
    for col in ("speaker", "act", "said on", "due", "status", "text", "follow-ups"):
        table.add_column(col, overflow="fold")
    for p in report["promises"]:
        table.add_row(
            *(
                Text(str(x or ""))
                for x in (
                    p["speaker"] or "—",
                    p["act"],
                    p["said_on"],
                    p["due"],
                    p["status"],
                    p["text"],
                    len(p["followups"]),
                )
            )
        )
    out.print(table)


# -- stories and timelines (the stories corpus stage, saidwhat/corpus/stories.py) ---------------------

StoryJsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object (the API's shape).")]


def _note_no_stories(found: bool) -> None:
    if not found:
        print("note: no stories stored yet (ingest articles, or run `saidwhat rebuild`)", file=sys.stderr)


def _print_json(doc: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _story_table(stories: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'}")
    for col in ("id", "title", "first", "last", "size", "voices"):
        table.add_column(col, overflow="fold")
    for s in stories:
        voices = ", ".join(v["name"] for v in s["speakers"][:3])
        table.add_row(
            *(Text(str(c or "")) for c in (s["id"], s["title"], s["first"], s["last"], s["size"], voices))
        )
    return table


def _timeline_table(doc: dict[str, Any], titles: dict[str, str]) -> Table:
    table = Table(title=f"timeline of {doc['story'] or 'every story'}: {len(doc['dates'])} date(s)")
    for col in ("date", "score", "who", "entry", "article"):
        table.add_column(col, overflow="fold")
    for d in doc["dates"]:
        for i, e in enumerate(d["entries"]):
            text = e["text"] if len(e["text"]) <= 200 else e["text"][:197] + "…"
            first = i == 0
            table.add_row(
                Text(d["date"] if first else ""),
                Text(f"{d['score']:g}" if first else ""),
                Text(e.get("speaker") or ""),
                Text(text),
                Text(titles.get(e["article"]) or e["article"][:12]),
            )
    return table


@app.command("stories")
def stories_command(db: DbOpt = None, as_json: StoryJsonOpt = False) -> None:
    """List the stories of the store: title, span, size and voices (biggest first)."""
    from saidwhat.corpus.stories import stories_report

    doc = _read(db, stories_report)
    _note_no_stories(bool(doc["stories"]))
    if as_json:
        _print_json(doc)
        return
    out.print(_story_table(doc["stories"]))


@app.command("story")
def story_command(
    story_id: Annotated[
        str, typer.Argument(metavar="ID", help="A story id (st<N>, see `saidwhat stories`).")
    ],
    top: Annotated[int | None, typer.Option("--top", min=1, help="Keep the K best dates.")] = None,
    db: DbOpt = None,
    as_json: StoryJsonOpt = False,
) -> None:
    """One story: title, span, entities, voices, articles and its timeline."""
    from saidwhat.corpus.stories import story_report

    doc = _read(db, lambda store: story_report(store, story_id, top))
    if as_json:
        _print_json(doc)
        return
    out.print(_story_table([doc]))
    ents = ", ".join(f"{e['name']} ({e['count']})" for e in doc["entities"])
    out.print(Text(f"entities: {ents}"))
    arts = Table(title=f"{doc['size']} article(s)")
    for col in ("published", "title", "source", "id"):
        arts.add_column(col, overflow="fold")
    for a in doc["articles"]:
        arts.add_row(*(Text(a[k] or "") for k in ("published", "title", "source")), Text(a["id"][:12]))
    out.print(arts)
    titles = {a["id"]: a["title"] or a["source"] for a in doc["articles"]}
    out.print(_timeline_table(doc["timeline"], titles))


@app.command("timeline")
def timeline_command(
    story_id: Annotated[str | None, typer.Argument(metavar="[STORY]", help="A story id (st<N>).")] = None,
    every: Annotated[bool, typer.Option("--all", help="One timeline over every stored article.")] = False,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Keep the K best dates.")] = None,
    db: DbOpt = None,
    as_json: StoryJsonOpt = False,
) -> None:
    """The key dates of a story (or of every article with --all): what happened and who said what."""
    from saidwhat.corpus.stories import timeline_report

    if (story_id is None) == (not every):
        fail(SaidwhatError("E_BAD_REQUEST", "give a story id or --all (not both)", "timeline"))
    doc = _read(db, lambda store: timeline_report(store, None if every else story_id, top))
    if every:
        _note_no_stories(bool(doc["dates"]))
    if as_json:
        _print_json(doc)
        return
    out.print(_timeline_table(doc, {}))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
