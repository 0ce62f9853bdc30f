"""The saidwhat/1 dataclasses: exact JSON round trip and the contract checker."""

from __future__ import annotations

import itertools
import json

from hypothesis import given
from hypothesis import strategies as st

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
    check_contract,
)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> tuple[int, int, str]:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b, text[a:b]

    cuts = sorted(set(draw(st.lists(st.integers(1, n - 1), max_size=4)) if n > 1 else []))
    bounds = [0, *cuts, n]
    kinds = st.sampled_from(["headline", "body", "related", "embed", "signature", "comment", "boilerplate"])
    segments = [Segment(draw(kinds), a, b) for a, b in itertools.pairwise(bounds)]
    statements = []
    for i in range(draw(st.integers(0, 3))):
        a, b, t = span()
        sa, sb, stext = span()
        ca, cb, ctext = span()
        va, vb, vtext = span()
        ref = draw(st.none() | st.tuples(st.integers(0, n), st.integers(0, n)))
        statements.append(
            Statement(
                id=f"s{i + 1}",
                content=Content(t, a, b, parts=[TextSpan(t, a, b)] if draw(st.booleans()) else []),
                speaker=Speaker(
                    stext,
                    sa,
                    sb,
                    name=draw(st.none() | st.text(max_size=5)),
                    entity=None,
                    anonymous=draw(st.booleans()),
                    kind="person",
                    ref_start=ref[0] if ref else None,
                    ref_end=ref[1] if ref else None,
                )
                if draw(st.booleans())
                else None,
                cue=Cue(ctext, ca, cb, "say") if draw(st.booleans()) else None,
                mode=draw(st.sampled_from(["direct", "indirect", "mixed"])),
                act=draw(st.sampled_from(["claim", "deny", "warn"])),
                via=[Via(vtext, va, vb, name="X", entity="e1", kind="outlet")] if draw(st.booleans()) else [],
                hedged=draw(st.booleans()),
                platform=draw(st.none() | st.just("X")),
                said_on=SaidOn("2025-06-27", vtext, va, vb) if draw(st.booleans()) else None,
                segment="body",
            )
        )
    ea, eb, etext = span()
    return Analysis(
        doc=DocMeta(
            id="x",
            source="s",
            text=text,
            title=draw(st.none() | st.text(max_size=9)),
            published=draw(st.none() | st.just("2025-01-02")),
            published_basis=None,
        ),
        segments=segments,
        statements=statements,
        entities=[Entity("e1", "N", "PERSON", ["N"], [Mention(ea, eb, etext)], {"title": "Dr"})],
        timexes=[Timex(etext, ea, eb, "DATE", "2025", mod=draw(st.none() | st.just("APPROX")))],
        quantities=[
            Quantity(
                etext,
                ea,
                eb,
                draw(st.integers(-5, 10**20) | st.floats(allow_nan=False, allow_infinity=False)),
                counts="x",
                qualifier=draw(st.none() | st.just("about")),
            )
        ],
    )


@given(analyses())
def test_json_round_trip_is_exact(a: Analysis) -> None:
    d = a.to_dict()
    again = Analysis.from_dict(json.loads(json.dumps(d)))
    assert again.to_dict() == d
    assert check_contract(d) == []


def test_check_contract_finds_broken_offsets_and_gaps() -> None:
    a = Analysis(
        doc=DocMeta(id="x", source="s", text="Hello world"),
        segments=[Segment("body", 0, 5), Segment("body", 6, 11)],
        timexes=[Timex("world", 5, 10, "DATE", "2025")],
    )
    problems = check_contract(a.to_dict())
    assert any("segments[1] starts at 6, expected 5" in p for p in problems)
    assert any("timexes[0]" in p and "' worl'" in p for p in problems)


def test_from_dict_refuses_other_schemas() -> None:
    try:
        Analysis.from_dict({"schema": "other/2", "doc": {}})
    except ValueError as e:
        assert "saidwhat/1" in str(e)
    else:
        raise AssertionError("a document of another schema was accepted")
