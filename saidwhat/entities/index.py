"""The per-document entity index every stage links mentions through."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from saidwhat.model import Entity


@dataclass
class EntityIndex:
    """Entities of one document, with a lookup from character spans to the entity mentioned there."""

    entities: list[Entity] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    _spans: list[tuple[int, int, Entity]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        spans = sorted(
            ((m.start, m.end, e) for e in self.entities for m in e.mentions), key=lambda s: (s[0], -s[1])
        )
        self._spans = spans
        self._starts = [s[0] for s in spans]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """Mentions overlapping ``[start, end)``, in text order."""
        out: list[tuple[int, int, Entity]] = []
        i = bisect_right(self._starts, end) - 1
        # walk left while mentions could still overlap (mentions are short; bounded by the longest one)
        while i >= 0:
            a, b, e = self._spans[i]
            if b > start and a < end:
                out.append((a, b, e))
            if a < start - 200:
                break
            i -= 1
        out.reverse()
        return out

    def link(self, start: int, end: int) -> Entity | None:
        """The entity mentioned in ``[start, end)``: the mention covering most of it, head-final on ties.

        ``"US President Donald Trump"`` links to Donald Trump; a span that overlaps no mention gives None.
        """
        best: tuple[int, int, Entity] | None = None
        best_key: tuple[int, int] = (0, 0)
        for a, b, e in self.mentions_in(start, end):
            overlap = min(b, end) - max(a, start)
            key = (overlap, a)
            if overlap > 0 and key > best_key:
                best, best_key = (a, b, e), key
        return best[2] if best else None

    def by_id(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
