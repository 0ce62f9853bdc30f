"""Property test: any valid Analysis goes into the store and comes back exactly (saidwhat/1 round trip)."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.errors import SaidwhatError
from saidwhat.model import (
    Analysis,
    Content,
    Cue,
    DocMeta,
    Entity,
    Mention,
    Quantity,
    SaidOn,
    Segment,
    Speaker,
    Statement,
    TextSpan,
    Timex,
    Via,
)
from saidwhat.store import Store, open_store

words = st.text(min_size=0, max_size=12)
opt_words = st.none() | words


@st.composite
def span(draw: st.DrawFn, text: str) -> tuple[str, int, int]:
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(a, len(text)))
    return text[a:b], a, b


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(min_size=1, max_size=120))
    doc = DocMeta(
        id="placeholder",
        source=draw(st.sampled_from(["a.txt", "b.html", "https://example.org/x?y=1"])),
        text=text,
        title=draw(opt_words),
        published=draw(st.none() | st.sampled_from(["2025-06-29", "2024-02-29", "1999-12-31"])),
        published_basis=draw(st.none() | st.sampled_from(["metadata", "text", "inferred", "given"])),
        url=draw(opt_words),
        author=draw(opt_words),
        format=draw(st.sampled_from(["text", "html", "jsonl"])),
    )
    cuts = sorted(set(draw(st.lists(st.integers(1, len(text) - 1), max_size=4)) if len(text) > 1 else []))
    bounds = [0, *cuts, len(text)]
    segments = [
        Segment(draw(st.sampled_from(["headline", "body", "related", "comment"])), a, b)
        for a, b in itertools.pairwise(bounds)
    ]
    entities = []
    for i in range(draw(st.integers(0, 3))):
        mentions = [Mention(a, b, t) for t, a, b in draw(st.lists(span(text), max_size=3))]
        entities.append(
            Entity(
                id=f"e{i + 1}",
                name=draw(words),
                type=draw(st.sampled_from(["PERSON", "ORG", "OUTLET", "GPE", "NORP"])),
                aliases=draw(st.lists(words, max_size=3)),
                mentions=mentions,
                attributes=draw(st.dictionaries(words, words, max_size=2)),
            )
        )
    ent_ref = st.none() | st.sampled_from([e.id for e in entities] or ["e9"]) | words
    statements = []
    for i in range(draw(st.integers(0, 3))):
        ct, ca, cb = draw(span(text))
        speaker = None
        if draw(st.booleans()):
            t, a, b = draw(span(text))
            ref = draw(
                st.none() | st.tuples(st.integers(0, len(text)), st.none() | st.integers(0, len(text)))
            )
            speaker = Speaker(
                t,
                a,
                b,
                draw(opt_words),
                draw(ent_ref),
                draw(st.booleans()),
                draw(st.sampled_from(["person", "organization", "outlet", "group", "unknown"])),
                ref[0] if ref else None,
                ref[1] if ref else None,
            )
        cue = None
        if draw(st.booleans()):
            t, a, b = draw(span(text))
            cue = Cue(t, a, b, draw(words))
        said_on = None
        if draw(st.booleans()):
            t, a, b = draw(span(text))
            said_on = SaidOn(
                draw(st.sampled_from(["2025-06-27", "2025-06", "PAST_REF", "2025-W41"])), t, a, b
            )
        vias = [
            Via(
                t,
                a,
                b,
                draw(opt_words),
                draw(ent_ref),
                draw(st.sampled_from(["outlet", "person", "unknown"])),
            )
            for t, a, b in draw(st.lists(span(text), max_size=3))
        ]
        parts = [TextSpan(t, a, b) for t, a, b in draw(st.lists(span(text), max_size=2))]
        statements.append(
            Statement(
                id=f"s{i + 1}",
                content=Content(ct, ca, cb, parts),
                speaker=speaker,
                cue=cue,
                mode=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                act=draw(st.sampled_from(["claim", "deny", "warn"])),
                via=vias,
                hedged=draw(st.booleans()),
                platform=draw(st.none() | st.sampled_from(["X", "Truth Social"])),
                said_on=said_on,
                segment=draw(st.sampled_from(["body", "embed"])),
            )
        )
    timexes = [
        Timex(
            t,
            a,
            b,
            draw(st.sampled_from(["DATE", "TIME", "DURATION", "SET"])),
            draw(opt_words),
            draw(st.none() | st.just("") | words),
            draw(opt_words),
        )
        for t, a, b in draw(st.lists(span(text), max_size=3))
    ]
    numbers = st.none() | st.integers(-(10**40), 10**40) | st.floats(allow_nan=False)
    quantities = [
        Quantity(
            t,
            a,
            b,
            draw(numbers),
            draw(opt_words),
            draw(opt_words),
            draw(opt_words),
            draw(st.sampled_from(["count", "percent", "money", "range"])),
            draw(numbers),
        )
        for t, a, b in draw(st.lists(span(text), max_size=3))
    ]
    return Analysis(doc, segments, statements, entities, timexes, quantities)


@pytest.fixture(scope="module")
def store(module_store_target: Callable[[str], Path | str]) -> Iterator[Store]:
    """One store per backend (SQLite, PostgreSQL): every analysis rebuilds exactly from both."""
    with open_store(module_store_target("prop")) as s:  # type: ignore[assignment]
        text = 'Zebras said "AND OR NEAR( col:x ^y" in (brackets) * -dash'
        s.add(Analysis(DocMeta("seed", "seed.txt", text, "Seed title"), [Segment("body", 0, len(text))]))
        yield s


@settings(max_examples=100, deadline=None)
@given(analysis=analyses())
def test_any_analysis_round_trips_exactly(store: Store, analysis: Analysis) -> None:
    analysis.doc.id = uuid.uuid4().hex  # a fresh id per example: the store is shared across examples
    if store.dialect.name == "postgresql" and "\\u0000" in json.dumps(analysis.to_dict()):
        with pytest.raises(SaidwhatError) as e:  # PostgreSQL's text cannot hold NUL: a clear refusal
            store.add(analysis)
        assert e.value.code == "E_BAD_REQUEST" and store.find(analysis.doc.id) is None
        return
    result = store.add(analysis)
    assert result.status in ("new", "updated")
    rebuilt = store.get(analysis.doc.id)
    assert rebuilt.to_dict() == analysis.to_dict()
    # types survive too (an int stays an int, a float a float, -0.0 stays -0.0): compare the JSON texts
    assert json.dumps(rebuilt.to_dict(), sort_keys=True) == json.dumps(analysis.to_dict(), sort_keys=True)


@settings(max_examples=100, deadline=None)
@given(query=st.text(max_size=40), kind=st.sampled_from(["all", "statement", "article"]))
def test_search_accepts_any_input(store: Store, query: str, kind: str) -> None:
    """No user input reaches FTS5 as syntax: whatever is typed, search answers (possibly nothing)."""
    for hit in store.search(query, kind=kind):  # type: ignore[arg-type]
        assert all(isinstance(text, str) and isinstance(m, bool) for text, m in hit.snippet)
    # operators typed by the user are words to find, not syntax
    assert [h.doc_id for h in store.search(f"zebras NEAR( {query[:0]}", kind="article")] == ["seed"]
