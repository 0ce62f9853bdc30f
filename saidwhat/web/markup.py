"""Article text as well-formed, escaped HTML: overlapping spans turned into nested markup.

Statements, speakers, cues, entity mentions, dates and quantities are half-open ``[start, end)``
intervals over the document text, and they overlap freely (a statement's content holds entity
mentions, dates and other statements; a speaker may sit inside another statement's content).
HTML needs proper nesting, so :func:`render_spans` walks the boundaries of all intervals in order
and keeps a stack of open elements: when an element must close while elements opened after it are
still open, those are closed first and reopened right after, so every element is split into
properly nested pieces that carry the same attributes. Every piece of text and every attribute
value is escaped; the only markup in the output is the tags built here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from saidwhat.claims.model import show_number
from saidwhat.model import Analysis, TextSpan

_CLASS_SAFE = re.compile(r"[^a-z0-9_-]+")


def css_token(value: str | None) -> str:
    """A class-name-safe token from data (``"claim"`` → ``claim``; anything odd is dropped)."""
    return _CLASS_SAFE.sub("", (value or "").lower())[:40] or "other"


@dataclass(frozen=True, slots=True)
class Span:
    """One element to wrap around ``text[start:end]``.

    ``rank`` orders elements that start and end at the same place: lower ranks go outside.
    ``attrs`` values are plain text (escaped on output); names must be literal attribute names.
    """

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    rank: int = 0

    def open_tag(self) -> Markup:
        parts = [Markup("<") + Markup(self.tag)]
        for name, value in self.attrs:
            parts.append(Markup(' {}="{}"').format(Markup(name), value))
        return Markup("").join(parts) + Markup(">")

    def close_tag(self) -> Markup:
        return Markup("</") + Markup(self.tag) + Markup(">")


def render_spans(text: str, spans: Iterable[Span], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` as escaped HTML with every span wrapped in properly nested elements.

    Spans are clipped to ``[start, end)``; empty or reversed spans are dropped.
    """
    stop = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    if stop <= start:
        return Markup("")
    live: list[tuple[int, Span]] = []
    for i, s in enumerate(spans):
        a, b = max(s.start, start), min(s.end, stop)
        if a < b:
            live.append((i, Span(a, b, s.tag, s.attrs, s.rank)))
    bounds = sorted({start, stop, *(s.start for _, s in live), *(s.end for _, s in live)})
    by_start: dict[int, list[tuple[int, Span]]] = {}
    for item in live:
        by_start.setdefault(item[1].start, []).append(item)

    def order(item: tuple[int, Span]) -> tuple[int, int, int]:
        return (-item[1].end, item[1].rank, item[0])

    out: list[Markup] = []
    stack: list[tuple[int, Span]] = []
    for k, pos in enumerate(bounds):
        # close what ends here; whatever sits above it on the stack is closed and reopened
        lowest = next((j for j, (_, s) in enumerate(stack) if s.end <= pos), None)
        reopen: list[tuple[int, Span]] = []
        if lowest is not None:
            while len(stack) > lowest:
                item = stack.pop()
                out.append(item[1].close_tag())
                if item[1].end > pos:
                    reopen.append(item)
        if k == len(bounds) - 1:
            break
        for item in sorted(reopen + by_start.get(pos, []), key=order):
            out.append(item[1].open_tag())
            stack.append(item)
        out.append(escape(text[pos : bounds[k + 1]]))
    for item in reversed(stack):
        out.append(item[1].close_tag())
    return Markup("").join(out)


def _tip(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def article_spans(analysis: Analysis) -> list[Span]:
    """The spans of an article: statements (content, speaker, cue), entities, dates, quantities."""
    spans: list[Span] = []
    for st in analysis.statements:
        cls = f"q q-{css_token(st.mode)} qa-{css_token(st.act)}"
        pieces = st.content.parts or [TextSpan(st.content.text, st.content.start, st.content.end)]
        for p in pieces:
            spans.append(Span(p.start, p.end, "span", (("class", cls), ("data-st", st.id)), rank=1))
        if st.speaker is not None:
            who = st.speaker.name or st.speaker.text
            spans.append(
                Span(
                    st.speaker.start,
                    st.speaker.end,
                    "span",
                    (("class", "sp"), ("data-st", st.id), ("title", _tip("speaker", who))),
                    rank=2,
                )
            )
        if st.cue is not None:
            spans.append(
                Span(st.cue.start, st.cue.end, "span", (("class", "cue"), ("data-st", st.id)), rank=2)
            )
    for ent in analysis.entities:
        tip = _tip(ent.name, ent.type)
        cls = f"ent ent-{css_token(ent.type)}"
        for m in ent.mentions:
            spans.append(Span(m.start, m.end, "span", (("class", cls), ("title", tip)), rank=3))
    for tx in analysis.timexes:
        tip = _tip(tx.value or "unresolved", tx.type)
        spans.append(Span(tx.start, tx.end, "span", (("class", "tx"), ("title", tip)), rank=3))
    for qt in analysis.quantities:
        value = "" if qt.value is None else show_number(qt.value)
        tip = _tip(" ".join(x for x in (qt.qualifier, value, qt.unit, qt.counts) if x), qt.kind)
        spans.append(Span(qt.start, qt.end, "span", (("class", "qty"), ("title", tip)), rank=4))
    return spans


SEGMENT_LABELS: dict[str, str] = {
    "headline": "Headline",
    "body": "",
    "related": "Related headline (inserted, not part of the story)",
    "embed": "Embedded post",
    "signature": "Signature",
    "comment": "Reader comments",
    "boilerplate": "Page furniture",
}


@dataclass(frozen=True, slots=True)
class Block:
    """One segment of the article, rendered."""

    kind: str
    label: str
    html: Markup
    collapsed: bool


def _segment_ranges(analysis: Analysis) -> list[tuple[str, int, int]]:
    """Segments in order, with any gap the segmenter left shown as body."""
    n = len(analysis.doc.text)
    out: list[tuple[str, int, int]] = []
    pos = 0
    for seg in sorted(analysis.segments, key=lambda s: (s.start, s.end)):
        a, b = max(seg.start, pos), min(seg.end, n)
        if a > pos:
            out.append(("body", pos, a))
        if a < b:
            out.append((seg.kind, a, b))
            pos = b
    if pos < n:
        out.append(("body", pos, n))
    return out


def _merge(ranges: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Adjacent segments of the same kind become one block (several comments: one collapsed box)."""
    merged: list[tuple[str, int, int]] = []
    for kind, a, b in ranges:
        if merged and merged[-1][0] == kind and merged[-1][2] == a:
            merged[-1] = (kind, merged[-1][1], b)
        else:
            merged.append((kind, a, b))
    return merged


def article_blocks(analysis: Analysis) -> list[Block]:
    """The article as a list of segment blocks, each holding its highlighted text."""
    text = analysis.doc.text
    spans = article_spans(analysis)
    blocks: list[Block] = []
    for kind, a, b in _merge(_segment_ranges(analysis)):
        if not text[a:b].strip():
            continue
        # trim the blank lines around a block: the block boxes separate them already
        while a < b and text[a] in "\r\n":
            a += 1
        while b > a and text[b - 1] in "\r\n \t":
            b -= 1
        blocks.append(
            Block(
                kind=css_token(kind),
                label=SEGMENT_LABELS.get(kind, kind),
                html=render_spans(text, spans, a, b),
                collapsed=kind == "comment",
            )
        )
    return blocks
