"""Quotation spans found in one linear scan of the text.

Marks: curly “ ” and straight ", plus the LaTeX-style `` '' of some corpora and the '' … '' of
others (two apostrophes open a quote where a straight quote would: at a word start). Only the outermost
quotation is tracked (inner quotes, of any depth, are part of it). A quotation left open at the end
of a paragraph continues when the next paragraph opens with a quote mark (the newspaper convention
for multi-paragraph quotes); otherwise it ends at the paragraph end (``closed=False``). A stray
closing mark at the start of a line opens a quote (a reader quoting with the wrong mark).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

OPENERS = frozenset("“„«")
CLOSERS = frozenset("”»")
STRAIGHT = '"'
# every character the scan acts on (the others are skipped in one regex search)
_MARKS = re.compile("[" + "".join(sorted(OPENERS | CLOSERS)) + "\"'`\n]")
# at most this many characters inside one quotation; longer "quotes" are stray marks (dropped,
# and the scan goes on from where it is: the text is read once)
MAX_QUOTE = 5000


@dataclass(frozen=True, slots=True)
class Quote:
    """``[start, end)`` includes the marks; ``inner_start``/``inner_end`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


# a sentence's end and the spaces after it, right before a mark
_SENTENCE_END = re.compile(r"[.!?][^\S\n]+$")


def _opens_straight(text: str, i: int) -> bool:
    """A straight quote opens when preceded by start, space, an opening bracket or a dash."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:/"


def _opens_double_apostrophe(text: str, i: int) -> bool:
    """Two apostrophes open a quotation ("''It's anti-reform,'' he said") at a word start."""
    opens = text.startswith("''", i) and _opens_straight(text, i)
    return opens and i + 2 < len(text) and not text[i + 2].isspace()


def _close(text: str, open_at: int, end: int, closed: bool, width: int) -> Quote:
    inner_start = open_at + (2 if text.startswith(("``", "''"), open_at) else 1)
    return Quote(open_at, end + (width if closed else 0), inner_start, end, closed)


def find_quotes(text: str) -> list[Quote]:
    """All outermost quotations of ``text`` in order (one pass, O(len(text)))."""
    return _QuoteScan(text).run()


class _QuoteScan:
    """The state of :func:`find_quotes`' scan: the quotations found, the open one (if any), what
    closes it, and the nesting inside it."""

    __slots__ = ("closers", "depth", "n", "open_at", "out", "straight", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.out: list[Quote] = []
        self.open_at = -1  # start offset of the open quotation, -1 when none
        self.closers = CLOSERS
        self.depth = 0  # nested curly openers inside the open quotation
        self.straight = 0  # inner straight quotations open inside a curly one

    def run(self) -> list[Quote]:
        text, n = self.text, self.n
        i = 0
        while i < n:
            # jump to the next character that can open, close or end a quotation; the characters
            # skipped only matter for a runaway quotation, which is dropped where the scan would have
            m = _MARKS.search(text, i)
            j = m.start() if m is not None else n
            if self.open_at >= 0:
                drop_at = max(i, self.open_at + MAX_QUOTE + 1)
                if drop_at < j:
                    self.open_at = -1
                    self.depth = 0
                    i = drop_at + 1
                    continue
            if j >= n:
                break
            i = self._outside(j) if self.open_at < 0 else self._inside(j)
        if self.open_at >= 0:
            self._emit(self._trimmed(n), False, 0)
        return self.out

    def _outside(self, i: int) -> int:
        """A mark with no quotation open: it may open one. Returns where the scan goes on."""
        text = self.text
        ch = text[i]
        if text.startswith("``", i) or _opens_double_apostrophe(text, i):
            self.open_at, self.closers = i, frozenset()
            return i + 2
        if ch in OPENERS or (ch in CLOSERS and (i == 0 or text[i - 1] == "\n")):
            self.open_at, self.closers, self.depth, self.straight = i, CLOSERS, 0, 0
        elif ch == STRAIGHT and _opens_straight(text, i):
            self.open_at, self.closers = i, CLOSERS | {STRAIGHT}
        return i + 1

    def _inside(self, i: int) -> int:
        """A mark inside the open quotation: it nests, closes or ends it. Returns where the scan
        goes on."""
        text = self.text
        ch = text[i]
        if text.startswith("''", i):
            self._emit(i, True, 2)
            return i + 2
        if ch in OPENERS and self.closers is CLOSERS:
            if self.depth or not _SENTENCE_END.search(text, max(self.open_at, i - 4), i):
                self.depth += 1
            # else a new paragraph of the same quotation whose break the text lost ("… 11 weeks
            # early. “He suffered …”): English nests quotes in single marks, so a double opener that
            # starts a sentence inside an open double quotation goes on with it, nesting nothing
        elif ch == STRAIGHT and self.closers is CLOSERS:
            self._straight_inside(i)
        elif ch in self.closers and self.depth > 0 and ch != STRAIGHT:
            self.depth -= 1
        elif ch in self.closers:
            self._emit(i, True, 1)
        elif ch == "\n":
            return self._paragraph_end(i)
        elif i - self.open_at > MAX_QUOTE:
            # a runaway mark: drop the quotation and go on from here (never rescan: linear time)
            self.open_at = -1
            self.depth = 0
        return i + 1

    def _straight_inside(self, i: int) -> None:
        """A straight mark inside a curly quotation: an inner quote opens or closes, or, in closing
        position with no inner quote open, it closes the quotation (mixed marks: “Immunity deals
        should not be a requirement," Chaffetz said)."""
        if _opens_straight(self.text, i):
            self.straight += 1
        elif self.straight > 0:
            self.straight -= 1
        elif self.depth == 0:
            self._emit(i, True, 1)

    def _paragraph_end(self, i: int) -> int:
        """A paragraph end inside a quotation: it continues only if the next paragraph opens a
        quote, else it ends here, unclosed. Returns where the scan goes on."""
        text, n = self.text, self.n
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j < n and (text[j] in OPENERS or text[j] == STRAIGHT or text.startswith(("``", "''"), j)):
            return j + (2 if text.startswith(("``", "''"), j) else 1)
        self._emit(self._trimmed(i), False, 0)
        self.depth = 0
        return i + 1

    def _trimmed(self, end: int) -> int:
        """``end`` moved back over the spaces before it, not past the open quotation's start."""
        while end > self.open_at and self.text[end - 1].isspace():
            end -= 1
        return end

    def _emit(self, end: int, closed: bool, width: int) -> None:
        """Close the open quotation at ``end`` (its closing mark ``width`` long)."""
        self.out.append(_close(self.text, self.open_at, end, closed, width))
        self.open_at = -1


class QuoteIndex:
    """Quotes by position: which quotation covers or starts near an offset (binary search)."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def covering(self, pos: int) -> Quote | None:
        """The quotation with ``start <= pos < end``."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.quotes[k].end > pos:
            return self.quotes[k]
        return None

    def starting_in(self, start: int, end: int) -> Quote | None:
        """The first quotation that starts in ``[start, end)``."""
        k = bisect_right(self._starts, start - 1)
        if k < len(self.quotes) and self.quotes[k].start < end:
            return self.quotes[k]
        return None

    def within(self, start: int, end: int) -> list[Quote]:
        """Quotations overlapping ``[start, end)``."""
        k = max(0, bisect_right(self._starts, start) - 1)
        out: list[Quote] = []
        while k < len(self.quotes) and self.quotes[k].start < end:
            if self.quotes[k].end > start:
                out.append(self.quotes[k])
            k += 1
        return out
