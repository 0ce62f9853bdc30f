"""The readable store summary (`saidwhat summary`, the end of `make run`)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from saidwhat.model import Analysis, Content, Cue, DocMeta, Segment, Speaker, Statement, TextSpan, Via
from saidwhat.report import print_summary
from saidwhat.store import Store

TEXT = '"We will not pay," the [bold]mayor[/bold] told the Gazette. "Not now."'


def analysis() -> Analysis:
    a, b = TEXT.index("We"), TEXT.index("pay") + 3
    c, d = TEXT.index("Not now"), TEXT.index("Not now") + 7
    sp = TEXT.index("the [bold]")
    cue = TEXT.index("told")
    gz = TEXT.index("Gazette")
    return Analysis(
        doc=DocMeta(id="d1", source="a.txt", text=TEXT, published="2025-03-12", published_basis="metadata"),
        segments=[Segment("body", 0, len(TEXT))],
        statements=[
            Statement(
                id="s1",
                content=Content(
                    TEXT[a:d], a, d, parts=[TextSpan(TEXT[a:b], a, b), TextSpan(TEXT[c:d], c, d)]
                ),
                speaker=Speaker(TEXT[sp : cue - 1], sp, cue - 1, kind="person"),
                cue=Cue("told", cue, cue + 4, "tell"),
                mode="direct",
                act="refuse",
                via=[Via("Gazette", gz, gz + 7, name="Gazette", kind="outlet")],
            )
        ],
    )


def test_summary_shows_parts_chain_and_literal_markup(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(analysis())
        console = Console(record=True, width=200)
        print_summary(store, console)
    out = console.export_text()
    assert "1 article(s), 1 statements" in out
    assert "published 2025-03-12 (metadata)" in out
    assert "We will not pay … Not now" in out  # the cue between the parts is not shown as content
    assert "the [bold]mayor[/bold] → Gazette" in out  # article text is never rich markup
    assert "refuse" in out and "direct" in out
