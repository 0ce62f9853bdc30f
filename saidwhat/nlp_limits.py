"""Bounds on the cost of parsing one text: tokenisation linear in the text, the parser never sees
more than a bounded span, and the character offsets of the result exact.

Three measures, each invisible on ordinary articles (their parse is the one spaCy gives unchanged):

* **Suffix search in a window.** spaCy's tokenizer peels prefixes and suffixes off a
  whitespace-free chunk one at a time and searches the whole remaining chunk for a suffix each
  time: a chunk of 20,000 ``)`` costs 10,000 scans of up to 20,000 characters. Every suffix rule but
  the unbounded ones matches a few characters at the end, so :class:`WindowedSuffixSearch` tries
  those only at the last positions where they can match (an exact equivalent, proved from the
  pattern itself), and the unbounded ones (``\\.\\.+$``) alone over the chunk.
* **Long runs in pieces.** A whitespace-free run longer than :data:`MAX_RUN` characters (real
  words and URLs are under 100) becomes tokens of :data:`MAX_RUN` characters as they stand
  (200,000 ``)`` are 400 tokens, not 200,000). The parts are joined into one ``Doc`` whose text is
  the original text, character for character.
* **Long texts in chunks.** A text over :data:`CHUNK_ABOVE` characters or
  :data:`CHUNK_ABOVE_TOKENS` estimated tokens is parsed in chunks of at most :data:`CHUNK_CHARS`
  characters and :data:`CHUNK_TOKENS` tokens cut at paragraph breaks (else line breaks, sentence
  ends, spaces), joined with ``Doc.from_docs`` into one ``Doc`` whose text is the original text; the
  parser, the tagger and the learned attribution tagger never see more than one chunk. Batches of
  documents are bounded in characters and tokens too (:data:`BATCH_CHARS`, :data:`BATCH_TOKENS`),
  so memory follows the chunk, not the text. Tokens, not characters, set the parser's memory: a
  text of short lines has three times the tokens of prose of the same length.

Costs measured with ``bench/hostile.py`` are in docs/limits.md.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.deadline import Deadline

T = TypeVar("T")

# a whitespace-free run longer than this becomes tokens of this many characters
MAX_RUN = 500
# texts longer than this (in characters) are parsed in chunks; the longest article of the corpora
# (PolNeAR, TimeBank, realnews) has 34,000 characters, so none of them is chunked
CHUNK_ABOVE = 100_000
# the longest chunk the parser sees
CHUNK_CHARS = 20_000
# the most characters parsed in one ``nlp.pipe`` batch (several short documents, or one chunk)
BATCH_CHARS = 50_000
# The parser's peak memory follows the tokens of one call, not its characters: about 17 KB per token
# (measured: one call on 4,150 tokens of prose, 20,000 characters, peaks at 72 MB; on 12,000 tokens
# of "Yes." lines, also 20,000 characters, at 208 MB; 99,000 characters of such lines, parsed whole,
# at 1 GB). So tokens, estimated by :func:`estimate_tokens`, bound each call too: a text of more
# than CHUNK_ABOVE_TOKENS is chunked (the longest article of the corpora has ~7,000), a chunk holds
# at most CHUNK_TOKENS (a chunk of CHUNK_CHARS of prose has ~4,150) and a batch BATCH_TOKENS.
CHUNK_ABOVE_TOKENS = 12_000
CHUNK_TOKENS = 4_500
BATCH_TOKENS = 12_000

_sre_parse: Any = importlib.import_module("re._parser")
_sre: Any = importlib.import_module("re._constants")

# a suffix rule wider than this is searched over the whole chunk
_WINDOW_CAP = 64


def _split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression, as source text."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            # a ']' (or '^]') right after '[' is a literal
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _ends_at_end(alternative: str, flags: int) -> bool:
    """Whether every match of the alternative ends at ``$`` (its last element is the anchor)."""
    tree = _sre_parse.parse(alternative, flags)
    if not len(tree):
        return False
    op, av = tree[-1]
    return bool(op == _sre.AT and av == _sre.AT_END)


@dataclass(frozen=True, slots=True)
class _Leftmost:
    """What the tokenizer reads of a match: its start and end (``find_suffix`` takes the length)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class WindowedSuffixSearch:
    """``suffix_search`` for spaCy's tokenizer, exact and in time independent of the chunk length.

    The tokenizer's suffix pattern is an alternation of rules anchored at the end (``…$``). A
    rule whose matches are at most ``width`` characters long can only match at the last
    ``width + 1`` positions (``$`` also matches before a final newline), so those rules are searched
    from there (``search(s, pos)``: lookbehinds still see the characters before ``pos``); the rest
    (unbounded or not anchored) are searched over the whole string. Of the two matches the leftmost
    is the one the whole alternation returns."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        bounded: list[str] = []
        rest: list[str] = []
        width = 0
        alternatives = _split_alternatives(pattern.pattern)
        for alt in alternatives:
            _lo, hi = _sre_parse.parse(alt, pattern.flags).getwidth()
            if _ends_at_end(alt, pattern.flags) and hi <= _WINDOW_CAP:
                bounded.append(alt)
                width = max(width, int(hi))
            else:
                rest.append(alt)
        self.width = width
        self.bounded = re.compile("|".join(bounded), pattern.flags) if bounded else None
        self.rest = re.compile("|".join(rest), pattern.flags) if rest else None

    def __call__(self, s: str) -> re.Match[str] | _Leftmost | None:
        if self.bounded is None or len(s) <= self.width + 1:
            return self.pattern.search(s)
        m1 = self.bounded.search(s, len(s) - self.width - 1)
        m2 = self.rest.search(s) if self.rest is not None else None
        if m1 is None:
            return m2
        if m2 is None or m1.start() <= m2.start():
            return m1
        return _Leftmost(m2.start(), m2.end())

    @property
    def __self__(self) -> re.Pattern[str]:
        # spaCy serialises a tokenizer's rules as ``suffix_search.__self__.pattern``
        return self.pattern

    def __reduce__(self) -> tuple[Any, ...]:
        return (WindowedSuffixSearch, (self.pattern,))


_RUN = re.compile(r"\S{" + str(MAX_RUN + 1) + ",}")
# letters and digits are language; a long stretch of a line without any (brackets, quote marks,
# emoji, rules of dashes, spaced or not) is not
_JUNK = re.compile(r"(?:[^\w\n]|_)+")


def long_runs(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans made tokens of :data:`MAX_RUN` characters: whitespace-free runs
    over :data:`MAX_RUN` characters, and stretches of one line over :data:`MAX_RUN` characters
    holding no letter or digit (spaces trimmed at both ends), merged where they touch."""
    found = [m.span() for m in _RUN.finditer(text)]
    for m in _JUNK.finditer(text):
        a, b = m.span()
        if b - a <= MAX_RUN:
            continue
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a > MAX_RUN:
            found.append((a, b))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


class BoundedTokenizer:
    """spaCy's tokenizer, with the long runs of :func:`long_runs` (whitespace-free runs over
    :data:`MAX_RUN` characters: never a word of a language written with spaces, the longest in our
    corpora has 87; and long stretches without a letter or digit) made tokens of :data:`MAX_RUN`
    characters as they stand, without peeling punctuation off one character at a time: 200,000
    ``)`` are 400 tokens, not 200,000. A text without such a run is tokenised by spaCy's tokenizer
    alone (same tokens); with one, the parts between runs are tokenised by it and everything is
    joined into one ``Doc`` whose text is the input text."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.inner = tokenizer

    def __call__(self, text: str) -> Doc:
        if len(text) <= MAX_RUN:
            return self.inner(text)
        runs = long_runs(text)
        if not runs:
            return self.inner(text)
        vocab = self.inner.vocab  # type: ignore[attr-defined]
        docs: list[Doc] = []
        for part, words, space_after in run_pieces(text, runs):
            if words:
                spaces = [False] * len(words)
                spaces[-1] = space_after
                docs.append(Doc(vocab, words=words, spaces=spaces))
            else:
                docs.append(self.inner(part))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        # everything else (vocab, rules, explain, to_disk, …) is the wrapped tokenizer's
        if name == "inner":  # not set yet (unpickling)
            raise AttributeError(name)
        return getattr(self.inner, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (BoundedTokenizer, (self.inner,))


def run_pieces(text: str, runs: list[tuple[int, int]] | None = None) -> list[tuple[str, list[str], bool]]:
    """``text`` as ``(part, words, space_after)``: the text between long runs (``words`` empty:
    for spaCy's tokenizer) and each run of :func:`long_runs` cut in words of at most
    :data:`MAX_RUN` characters, with whether one space follows it (spaCy attaches a single space to
    the token before it). The parts, with those spaces, concatenate to ``text``."""
    pieces: list[tuple[str, list[str], bool]] = []
    pos = 0
    for a, b in long_runs(text) if runs is None else runs:
        if a > pos:
            pieces.append((text[pos:a], [], False))
        words = [text[k : min(k + MAX_RUN, b)] for k in range(a, b, MAX_RUN)]
        space = text[b : b + 1] == " "
        pieces.append((text[a:b] + (" " if space else ""), words, space))
        pos = b + (1 if space else 0)
    if pos < len(text):
        pieces.append((text[pos:], [], False))
    return pieces


def harden(nlp: Language) -> Language:
    """Install the bounded tokenizer and the windowed suffix search on ``nlp`` (once)."""
    tok: Any = nlp.tokenizer
    if isinstance(tok, BoundedTokenizer):
        return nlp
    search = getattr(tok, "suffix_search", None)
    owner = getattr(search, "__self__", None)
    if isinstance(owner, re.Pattern):
        tok.suffix_search = WindowedSuffixSearch(owner)
    nlp.tokenizer = BoundedTokenizer(tok)
    return nlp


# ---------------------------------------------------------------------------------------------
# chunks

_PARA = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENT = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")
# what the tokenizer roughly makes of a text: words and single symbols (it splits no word into more
# than a few tokens, and keeps runs of symbols apart only up to MAX_RUN, so this is an upper bound
# of the right order)
_TOKEN = re.compile(r"\w+|[^\w\s]")


def estimate_tokens(text: str, a: int = 0, b: int | None = None) -> int:
    """The number of words and symbols of ``text[a:b]`` (an estimate of its tokens; linear)."""
    end = len(text) if b is None else b
    if end - a <= 0:
        return 0
    return sum(1 for _ in _TOKEN.finditer(text, a, end))


def _token_limit(text: str, a: int, b: int, budget: int) -> int:
    """The end of the longest stretch from ``a`` (before ``b``) that holds at most ``budget``
    estimated tokens."""
    for count, m in enumerate(_TOKEN.finditer(text, a, b), start=1):
        if count > budget:
            return m.start()
    return b


def _cut(text: str, a: int, b: int, limit: int) -> int:
    """Where to end the chunk that starts at ``a`` (``b``: the end of the text): the last
    paragraph break before ``a + limit``, else line break, sentence end, space, else ``a + limit``."""
    hi = _token_limit(text, a, min(b, a + limit), CHUNK_TOKENS)
    if b <= hi:
        return b
    limit = max(hi - a, 1)
    lo = a + limit // 4  # a chunk is never cut shorter than a quarter of the limit
    for sep in (_PARA, _LINE, _SENT, _SPACE):
        last = -1
        for m in sep.finditer(text, lo, hi):
            last = m.end()
        if last > a:
            return last
    return hi


def chunk_spans(text: str, limit: int | None = None, above: int | None = None) -> list[tuple[int, int]]:
    """The ``[start, end)`` chunks ``text`` is parsed in: one when it is at most ``above``
    (:data:`CHUNK_ABOVE`) characters long and holds at most :data:`CHUNK_ABOVE_TOKENS` estimated
    tokens, else consecutive chunks of at most ``limit`` (:data:`CHUNK_CHARS`) characters and
    :data:`CHUNK_TOKENS` tokens ending after a paragraph break where there is one (see
    :func:`_cut`). They cover the text exactly."""
    limit = CHUNK_CHARS if limit is None else limit
    above = CHUNK_ABOVE if above is None else above
    n = len(text)
    if n <= above and (n <= CHUNK_ABOVE_TOKENS or estimate_tokens(text) <= CHUNK_ABOVE_TOKENS):
        return [(0, n)]
    spans: list[tuple[int, int]] = []
    a = 0
    while a < n:
        b = _cut(text, a, n, limit)
        spans.append((a, b))
        a = b
    return spans


@dataclass(slots=True)
class ParsedText(Generic[T]):
    """One text parsed: ``doc`` is its whole ``Doc``; ``chunks`` the character offset of each chunk
    it was parsed in (``[0]`` for an ordinary text) and ``per_chunk`` what the ``per_chunk`` hook of
    :func:`pipe_bounded` returned for each (empty without a hook or for an unchunked text)."""

    doc: Doc
    context: T
    chunks: list[int] = field(default_factory=lambda: [0])
    per_chunk: list[Any] = field(default_factory=list)

    @property
    def chunked(self) -> bool:
        return len(self.chunks) > 1


def _groups(
    items: Iterable[tuple[str, T]], batch_size: int
) -> Iterator[list[tuple[str, T, list[tuple[int, int]]]]]:
    """Texts in batches of at most ``batch_size`` documents, :data:`BATCH_CHARS` characters and
    :data:`BATCH_TOKENS` estimated tokens (a chunked text is a batch of its own)."""
    group: list[tuple[str, T, list[tuple[int, int]]]] = []
    chars = tokens = 0
    for text, ctx in items:
        spans = chunk_spans(text)
        size = estimate_tokens(text) if len(spans) == 1 else 0
        full = (
            len(group) >= max(1, batch_size)
            or chars + len(text) > BATCH_CHARS
            or tokens + size > BATCH_TOKENS
        )
        if group and (len(spans) > 1 or full):
            yield group
            group, chars, tokens = [], 0, 0
        group.append((text, ctx, spans))
        chars += len(text)
        tokens += size
        if len(spans) > 1:
            yield group
            group, chars, tokens = [], 0, 0
    if group:
        yield group


def pipe_bounded(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    *,
    batch_size: int = 16,
    deadline: Deadline | None = None,
    per_chunk: Callable[[Doc], Any] | None = None,
) -> Iterator[ParsedText[T]]:
    """``nlp.pipe(items, as_tuples=True)`` with bounded work per call: documents in batches of at
    most ``batch_size`` and :data:`BATCH_CHARS` characters, a long text parsed chunk by chunk
    (:func:`chunk_spans`) and joined with ``Doc.from_docs`` (its text is the input text; it carries
    no ``tensor``: the token vectors stay with the chunks). ``per_chunk(doc)`` runs on each chunk of a
    chunked text right after its parse (the chunk's token vectors are dropped after it), its results
    kept in :attr:`ParsedText.per_chunk`. ``deadline`` is checked before every batch and chunk."""
    harden(nlp)
    for group in _groups(items, batch_size):
        if len(group) == 1 and len(group[0][2]) > 1:
            yield _parse_chunked(nlp, *group[0], deadline=deadline, per_chunk=per_chunk)
            continue
        if deadline is not None:
            deadline.check("the parse")
        texts = [text for text, _ctx, _spans in group]
        for doc, (_text, ctx, _spans) in zip(nlp.pipe(texts, batch_size=len(texts)), group, strict=True):
            yield ParsedText(doc, ctx)


def _parse_chunked(
    nlp: Language,
    text: str,
    ctx: T,
    spans: list[tuple[int, int]],
    *,
    deadline: Deadline | None,
    per_chunk: Callable[[Doc], Any] | None,
) -> ParsedText[T]:
    docs: list[Doc] = []
    results: list[Any] = []
    for a, b in spans:
        if deadline is not None:
            deadline.check("the parse")
        doc = nlp(text[a:b])
        if per_chunk is not None:
            results.append(per_chunk(doc))
            # a copy: a slice is a view that keeps the whole array alive
            doc.tensor = doc.tensor[:0].copy()
        docs.append(doc)
    # (spaCy's stub lacks ``exclude``)
    join: Any = Doc.from_docs
    joined: Doc = join(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    return ParsedText(joined, ctx, [a for a, _b in spans], results)
