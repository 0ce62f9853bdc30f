"""Safe FTS5 queries from user input, and snippets as plain ``(text, is_match)`` parts.

User input is never passed to FTS5 as query syntax: it is split into words and ``"quoted phrases"``,
each emitted as an FTS5 string (``"..."`` with inner quotes doubled), joined by implicit AND. A word
ending in ``*`` becomes a prefix query. Unbalanced quotes, ``AND``/``OR``/``NOT``/``NEAR``, parentheses,
``:`` or ``^`` are plain text. Input with no letter or digit gives no query.
"""

from __future__ import annotations

import re

from saidwhat.store.types import SnippetPart

# private-use code points bracket the matches in snippet()/highlight() output
OPEN, CLOSE = "\ue000", "\ue001"
_PHRASE = re.compile(r'"([^"]*)"')


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _has_word(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


def fts_query(user: str) -> str | None:
    """The FTS5 MATCH expression for ``user``'s words and phrases, or None when there is nothing to find."""
    terms: list[str] = []
    pos = 0
    chunks: list[tuple[str, bool]] = []  # (text, is_phrase)
    for m in _PHRASE.finditer(user):
        chunks.append((user[pos : m.start()], False))
        chunks.append((m.group(1), True))
        pos = m.end()
    chunks.append((user[pos:], False))
    for text, is_phrase in chunks:
        text = text.replace(OPEN, " ").replace(CLOSE, " ").replace("\x00", " ")  # NUL ends an FTS5 string
        if is_phrase:
            if _has_word(text):
                terms.append(_quote(text))
            continue
        for word in text.replace('"', " ").split():
            prefix = word.endswith("*")
            core = word.rstrip("*")
            if _has_word(core):
                terms.append(_quote(core) + ("*" if prefix else ""))
    return " ".join(terms) if terms else None


def parse_marked(marked: str) -> list[SnippetPart]:
    """Split FTS5 output with :data:`OPEN`/:data:`CLOSE` markers into ``(text, is_match)`` parts."""
    parts: list[SnippetPart] = []
    in_match = False
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = "".join(buf)
            if parts and parts[-1][1] == in_match:
                parts[-1] = (parts[-1][0] + text, in_match)
            else:
                parts.append((text, in_match))
            buf.clear()

    for ch in marked:
        if ch == OPEN and not in_match:
            flush()
            in_match = True
        elif ch == CLOSE and in_match:
            flush()
            in_match = False
        elif ch not in (OPEN, CLOSE):
            buf.append(ch)
    flush()
    return parts
