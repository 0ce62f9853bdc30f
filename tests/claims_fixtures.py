"""Small hand-made analyses for the claims stage, CLI and pages: :func:`build`, the one builder of an
``Analysis`` from a text and the spans it should carry (used by the claims tests), and four articles
with one measure from three sources over four days (a contradiction, a range, an update), a demand,
and a promise with a deadline. :func:`place_keys`: the values the whole engine gives a text's counts."""

from __future__ import annotations

from typing import Any

from saidwhat.claims import article_facts
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
    Timex,
)
from saidwhat.pipeline import analyze_text

PlaceKey = tuple[float, str, tuple[str, ...]]


def place_keys(text: str) -> list[PlaceKey]:
    """Each claim value of ``text`` analysed by the whole engine, as (number, thing, place)."""
    values = article_facts(analyze_text(text), None).quantities
    return [(float(v.value or 0), v.key.thing, v.key.about) for v in values]


ValueRow = tuple[float | None, str, str, str, str]


def value_rows(text: str) -> list[ValueRow]:
    """Each claim value of ``text`` analysed by the whole engine (published 2009-06-20), as (number,
    thing, state, aspect, places joined by commas)."""
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return [
        (v.value, v.key.thing, v.key.state, v.key.aspect, ",".join(v.key.about)) for v in facts.quantities
    ]


def keys_of(text: str, value: float) -> list[tuple[str, str, str, str]]:
    """The (thing, state, aspect, place) of each claim value of ``text`` whose number is ``value``."""
    return [(t, s, a, p) for v, t, s, a, p in value_rows(text) if v == value]


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``sub`` in ``text`` (ValueError when there is none)."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def _statement(text: str, n: int, d: dict[str, Any], ents: list[Entity], name_speakers: bool) -> Statement:
    """Statement ``s<n>`` from ``d``: content, and optionally speaker (its ``name``: ``d["name"]``,
    else the speaker's text when ``name_speakers``; linked to the entity of that explicit name), cue
    (lemma: ``d["lemma"]``, else the cue), ``said_on`` (text, value), ``act`` and ``mode``."""
    ca, cb = span(text, d["content"])
    speaker = cue = said = None
    if d.get("speaker"):
        sa, sb = span(text, d["speaker"])
        ent = next((e for e in ents if e.name == d.get("name")), None)
        name = d.get("name", d["speaker"] if name_speakers else None)
        speaker = Speaker(d["speaker"], sa, sb, name, ent.id if ent else None)
    if d.get("cue"):
        ua, ub = span(text, d["cue"])
        cue = Cue(d["cue"], ua, ub, d.get("lemma", d["cue"]))
    if "said_on" in d:
        ta, tb = span(text, d["said_on"][0])
        said = SaidOn(d["said_on"][1], d["said_on"][0], ta, tb)
    return Statement(
        f"s{n}",
        Content(d["content"], ca, cb),
        speaker,
        cue,
        act=d.get("act", "claim"),
        said_on=said,
        mode=d.get("mode", "indirect"),
    )


def build(
    text: str,
    doc_id: str = "t1",
    published: str = "2009-05-01",
    *,
    entities: list[tuple[str, str, str]] = (),  # type: ignore[assignment]  # (mention, name, type)
    statements: list[dict[str, Any]] = (),  # type: ignore[assignment]
    timexes: list[tuple[str, str, str]] = (),  # type: ignore[assignment]  # (text, type, value)
    quantities: list[tuple[str, Any, str | None]] = (),  # type: ignore[assignment]  # (text, value, counts)
    titles: dict[str, str] | None = None,  # entity name -> its "title" attribute
    name_speakers: bool = False,
) -> Analysis:
    """An analysed article of one body segment with the given spans (each the first occurrence of its
    text): entities with one mention each, statements (see :func:`_statement`), timexes, quantities."""
    ents = []
    for n, (mention, name, typ) in enumerate(entities):
        a, b = span(text, mention)
        attrs = {"title": titles[name]} if titles and name in titles else {}
        ents.append(Entity(f"e{n}", name, typ, [mention], [Mention(a, b, mention)], attributes=attrs))
    sts = [_statement(text, n, d, ents, name_speakers) for n, d in enumerate(statements, 1)]
    txs = [Timex(sub, *span(text, sub), typ, value) for sub, typ, value in timexes]
    qs = [Quantity(sub, *span(text, sub), value, None, counts) for sub, value, counts in quantities]
    return Analysis(
        DocMeta(doc_id, doc_id, text, published=published),
        [Segment("body", 0, len(text))],
        sts,
        ents,
        txs,
        qs,
    )


def make(
    text: str,
    doc_id: str,
    published: str,
    *,
    quantities: list[tuple[str, Any, str | None]] = (),  # type: ignore[assignment]
    places: list[str] = (),  # type: ignore[assignment]
    statements: list[dict[str, Any]] = (),  # type: ignore[assignment]
    timexes: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
) -> Analysis:
    """:func:`build` with places as GPE entities and every speaker named by its text."""
    return build(
        text,
        doc_id,
        published,
        entities=[(p, p, "GPE") for p in places],
        statements=statements,
        timexes=timexes,
        quantities=quantities,
        name_speakers=True,
    )


ASSAM = "Assam"


def flood_articles() -> list[Analysis]:
    """Four articles about the floods in Assam (ids f1..f4)."""
    t1 = "The ministry said 140 people died in the floods in Assam."
    t2 = "A local official said more than 300 people died in the floods in Assam."
    t3 = "The ministry said 160-180 people died in the floods in Assam."
    t4 = (
        "Gaurav Gogoi demanded an inquiry into the floods in Assam. "
        "The minister said on Monday the embankments will be repaired by the end of July."
    )
    a1 = make(
        t1,
        "f1",
        "2021-07-01",
        quantities=[("140 people", 140, "people")],
        places=[ASSAM],
        statements=[{"speaker": "The ministry", "content": "140 people died in the floods in Assam"}],
    )
    a2 = make(
        t2,
        "f2",
        "2021-07-01",
        quantities=[("more than 300 people", 300, "people")],
        places=[ASSAM],
        statements=[
            {"speaker": "A local official", "content": "more than 300 people died in the floods in Assam"}
        ],
    )
    a2.quantities[0].qualifier = "more than"
    a3 = make(
        t3,
        "f3",
        "2021-07-04",
        quantities=[("160-180 people", 160, "people")],
        places=[ASSAM],
        statements=[{"speaker": "The ministry", "content": "160-180 people died in the floods in Assam"}],
    )
    a3.quantities[0].value_max = 180
    a4 = make(
        t4,
        "f4",
        "2021-07-07",
        places=[ASSAM],
        statements=[
            {
                "speaker": "Gaurav Gogoi",
                "cue": "demanded",
                "lemma": "demand",
                "act": "demand",
                "content": "an inquiry into the floods in Assam",
            },
            {
                "speaker": "The minister",
                "cue": "said",
                "lemma": "say",
                "said_on": ("on Monday", "2021-07-05"),
                "content": "the embankments will be repaired by the end of July",
            },
        ],
        timexes=[("on Monday", "DATE", "2021-07-05"), ("the end of July", "DATE", "2021-07")],
    )
    return [a1, a2, a3, a4]
