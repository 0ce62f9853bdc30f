"""Display titles: an article's title, else its headline segment, else its first line.

Plain-text articles often have no ``title`` in their metadata; listing them by file path is
unreadable. Used by the summary report and the web UI.
"""

from __future__ import annotations

import re

from saidwhat.model import Analysis

MAX_LEN = 160
_LINE = re.compile(r"\S[^\n]*")


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LEN else text[: MAX_LEN - 1].rstrip() + "…"


def derived_title(analysis: Analysis) -> str | None:
    """The headline segment's text, else the first line of the body (skipping a dateline or other
    boilerplate before it), else the first non-blank line (None for an empty text)."""
    text = analysis.doc.text
    for seg in analysis.segments:
        if seg.kind == "headline" and text[seg.start : seg.end].strip():
            return _clip(text[seg.start : seg.end])
    for seg in analysis.segments:
        if seg.kind == "body":
            m = _LINE.search(text, seg.start, seg.end)
            if m:
                return _clip(m.group(0))
    m = _LINE.search(text)
    return _clip(m.group(0)) if m else None


def display_title(analysis: Analysis) -> str:
    return analysis.doc.title or derived_title(analysis) or analysis.doc.source
