"""The linear-time replacements of quadratic scans give exactly what the scans gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.entities.extract import _form_hits
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


def _scan(text: str, forms: list[str]) -> list[tuple[int, int, str]]:
    """The search _form_hits replaces: each form looked for over the whole text."""
    hits: list[tuple[int, int, str]] = []
    for form in forms:
        pos = text.find(form)
        while pos != -1:
            end = pos + len(form)
            before = text[pos - 1] if pos else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "_@#-" or after.isalnum() or after in "_-"):
                hits.append((pos, end, form))
            pos = text.find(form, end)
    return hits


_ALPHABET = "Kaz_-@#'. \n1éß"
words = st.text(alphabet=_ALPHABET, min_size=1, max_size=5)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80), st.lists(words, max_size=6, unique=True))
def test_form_hits_are_the_scan(text: str, forms: list[str]) -> None:
    assert sorted(_form_hits(text, forms)) == sorted(_scan(text, forms))


def test_form_hits_on_names() -> None:
    # "#Katz" and "Katz-Smotrich" are not the surname alone; "O'Katz" holds "Katz" after a quote mark
    text = "Katz met Gvir. #Katz, Katz-Smotrich and O'Katz; Katz."
    found = sorted(_form_hits(text, ["Katz", "Gvir", "O'Katz"]))
    assert found == [(0, 4, "Katz"), (9, 13, "Gvir"), (40, 46, "O'Katz"), (42, 46, "Katz"), (48, 52, "Katz")]
