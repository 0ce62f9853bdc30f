"""A readable summary of a store (``saidwhat summary``, the end of ``make run``)."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from saidwhat.model import Analysis, Statement
from saidwhat.store import StoreProtocol
from saidwhat.titles import display_title

MAX_DOCS = 20
MAX_STATEMENTS = 12


def _who(st: Statement) -> str:
    if st.speaker is None:
        return "(no speaker)"
    name = st.speaker.name or st.speaker.text
    if st.speaker.anonymous and st.speaker.name and st.speaker.name != st.speaker.text:
        name = f"{name} [anonymous]"
    elif st.speaker.anonymous:
        name += " [anonymous]"
    return name


def _chain(st: Statement) -> str:
    return " → ".join([_who(st), *(v.name or v.text for v in st.via)])


def _clip(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def describe(analysis: Analysis, console: Console, max_statements: int = MAX_STATEMENTS) -> None:
    """One article: date, segments, then its statements as speaker → relays: content."""
    doc = analysis.doc
    kinds = Counter(s.kind for s in analysis.segments)
    seg = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in kinds.items())
    console.print(f"[bold]{escape(display_title(analysis))}[/bold]  [dim]{escape(doc.source)}[/dim]")
    console.print(
        f"  published {doc.published or 'unknown'} ({doc.published_basis or 'no evidence'}); segments: {seg}"
    )
    console.print(
        f"  {len(analysis.statements)} statements, {len(analysis.entities)} entities, "
        f"{len(analysis.timexes)} dates, {len(analysis.quantities)} quantities"
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("who → via", "act", "mode", "when", "what"):
        table.add_column(col, overflow="fold")
    for st in analysis.statements[:max_statements]:
        when = st.said_on.value if st.said_on else ""
        extras = [x for x in (st.platform, "hedged" if st.hedged else None) if x]
        # a quote split around its cue shows its parts, not the cue between them
        said = " … ".join(p.text for p in st.content.parts) if st.content.parts else st.content.text
        what = _clip(said) + (f"  [{', '.join(extras)}]" if extras else "")
        table.add_row(*(Text(c) for c in (_chain(st), st.act, st.mode, when, what)))
    console.print(table)
    if len(analysis.statements) > max_statements:
        console.print(f"  … and {len(analysis.statements) - max_statements} more")
    console.print()


def print_summary(store: StoreProtocol, console: Console) -> None:
    stats = store.stats()
    console.print(
        f"[bold]{stats.documents} article(s)[/bold], {stats.statements} statements, "
        f"{stats.entities} entities in the store\n"
    )
    for summary in store.documents(limit=MAX_DOCS):
        describe(store.get(summary.id), console)
    speakers = store.speakers(10)
    relays = store.relays(10)
    if speakers:
        console.print(
            "[bold]Most quoted:[/bold] " + escape("; ".join(f"{s.name} ({s.count})" for s in speakers))
        )
    if relays:
        console.print(
            "[bold]Most cited relays:[/bold] " + escape("; ".join(f"{r.name} ({r.count})" for r in relays))
        )
