"""The linear-time replacements of quadratic scans give exactly what the scans gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.spans import SpanSet

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])), max_size=25
)


@settings(max_examples=300, deadline=None)
@given(spans, spans)
def test_spanset_overlaps_is_the_scan(kept: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    built = SpanSet(kept)
    grown = SpanSet()
    for a, b in kept:
        grown.add(a, b)
    for a, b in queries:
        want = any(s < b and a < e for s, e in kept)
        assert built.overlaps(a, b) == want
        assert grown.overlaps(a, b) == want


@settings(max_examples=300, deadline=None)
@given(spans)
def test_spanset_greedy_choice_is_the_scan(cands: list[tuple[int, int]]) -> None:
    # how extract_timexes uses it: keep a candidate unless it overlaps one kept before
    taken: list[tuple[int, int]] = []
    chosen = SpanSet()
    for a, b in cands:
        hit = any(s < b and a < e for s, e in taken)
        assert chosen.overlaps(a, b) == hit
        if not hit:
            taken.append((a, b))
            chosen.add(a, b)
