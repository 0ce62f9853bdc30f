"""Safe FTS5 queries from user input, and snippets as plain ``(text, is_match)`` parts.

User input is never passed to FTS5 as query syntax: it is split into words and ``"quoted phrases"``,
each emitted as an FTS5 string (``"..."`` with inner quotes doubled), joined by implicit AND. A word
ending in ``*`` becomes a prefix query. Unbalanced quotes, ``AND``/``OR``/``NOT``/``NEAR``, parentheses,
``:`` or ``^`` are plain text. Input with no letter or digit gives no query.

The cost of a query is bounded (issue 14: 166 × ``t*`` took minutes, quadratic in the terms): each term
is reduced to its tokens (letters and digits, as the ``unicode61`` tokenizer splits them), repeated
terms are searched once, at most :data:`MAX_TOKENS` tokens are searched (later terms are ignored, a
longer phrase is cut), at most :data:`MAX_PREFIXES` terms are prefixes and a prefix needs at least
:data:`MIN_PREFIX_CHARS` letters or digits before the ``*`` (otherwise the term is searched as a whole
word). :func:`parse_query` says what it left out; any input still gives an answer, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saidwhat.store.types import SnippetPart

# private-use code points bracket the matches in snippet()/highlight() output
OPEN, CLOSE = "\ue000", "\ue001"
_PHRASE = re.compile(r'"([^"]*)"')
# what FTS5's unicode61 tokenizer keeps as a token: runs of letters, digits (and private-use marks)
_TOKEN = re.compile(r"[^\W_]+")
# above this many matches in a table, ranking every match costs too much (hundreds of ms): that
# table's hits come newest first instead (both backends)
RANK_LIMIT = 10_000
MAX_TOKENS = 32
MAX_PREFIXES = 4
MIN_PREFIX_CHARS = 3


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The FTS5 MATCH expression for a user's query (None: nothing to find) and what was left out."""

    match: str | None
    terms: tuple[str, ...]
    notes: tuple[str, ...]
    # the same bounded terms for other engines: (the letters-and-digits tokens, is_prefix) each
    parts: tuple[tuple[tuple[str, ...], bool], ...] = ()


def _chunks(user: str) -> list[tuple[str, bool]]:
    """``(text, is_phrase)`` pieces of the input: quoted phrases and the text between them."""
    pos = 0
    chunks: list[tuple[str, bool]] = []
    for m in _PHRASE.finditer(user):
        chunks.append((user[pos : m.start()], False))
        chunks.append((m.group(1), True))
        pos = m.end()
    chunks.append((user[pos:], False))
    return chunks


def _raw_terms(user: str) -> list[tuple[str, list[re.Match[str]], bool]]:
    """Every term of the input as ``(text, its tokens, is_prefix)``, in order, empty ones left out."""
    out: list[tuple[str, list[re.Match[str]], bool]] = []
    for text, is_phrase in _chunks(user):
        text = text.replace(OPEN, " ").replace(CLOSE, " ").replace("\x00", " ")  # NUL ends an FTS5 string
        if is_phrase:
            tokens = list(_TOKEN.finditer(text))
            if tokens:
                out.append((text, tokens, False))
            continue
        for word in text.replace('"', " ").split():
            core = word.rstrip("*")
            tokens = list(_TOKEN.finditer(core))
            if tokens:
                out.append((core, tokens, word.endswith("*")))
    return out


def parse_query(user: str) -> ParsedQuery:
    """The bounded FTS5 query for ``user``'s words and phrases (see the module's docstring)."""
    terms: list[str] = []
    parts: list[tuple[tuple[str, ...], bool]] = []
    notes: list[str] = []
    seen: set[tuple[tuple[str, ...], bool]] = set()
    budget, prefixes = MAX_TOKENS, 0
    for text, tokens, prefix in _raw_terms(user):
        if prefix and len(tokens[-1].group()) < MIN_PREFIX_CHARS:
            prefix = False
            notes.append(f"{text}* is searched as a whole word (a prefix needs {MIN_PREFIX_CHARS} letters)")
        elif prefix and prefixes >= MAX_PREFIXES:
            prefix = False
            notes.append(f"{text}* is searched as a whole word (at most {MAX_PREFIXES} prefixes)")
        key = (tuple(t.group().casefold() for t in tokens), prefix)
        if key in seen:
            continue
        if budget <= 0:
            notes.append(f"only the first {MAX_TOKENS} words are searched")
            break
        if len(tokens) > budget:
            notes.append(f"only the first {MAX_TOKENS} words are searched")
            text, tokens, prefix = text[: tokens[budget - 1].end()], tokens[:budget], False
        seen.add(key)
        budget -= len(tokens)
        prefixes += prefix
        terms.append(_quote(text) + ("*" if prefix else ""))
        parts.append((tuple(t.group() for t in tokens), bool(prefix)))
    return ParsedQuery(
        " ".join(terms) if terms else None, tuple(terms), tuple(dict.fromkeys(notes)), tuple(parts)
    )


def fts_query(user: str) -> str | None:
    """The FTS5 MATCH expression for ``user``'s words and phrases, or None when there is nothing to find."""
    return parse_query(user).match


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
