"""Hand-built analyses for the web tests: a relayed statement, nested spans and a hostile article."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
    Via,
)


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def relay_analysis() -> Analysis:
    """ "Haaretz quoted an unnamed White House official as saying ..." with an embed and comments."""
    text = (
        "Ceasefire talks make progress\n"
        "Haaretz quoted an unnamed White House official as saying that the war in Gaza must end on Friday.\n"
        "“Hamas can be dismantled later,” the official reportedly said.\n"
        "84,000 Palestinians Killed in Gaza: Independent Survey\n"
        "MAKE THE DEAL IN GAZA. DJT\n"
        "(PC, AJA)\n"
        "Reader1: this is all lies\n"
    )
    head = _find(text, "Ceasefire talks make progress\n")
    body1 = (head[1], _find(text, "84,000")[0])
    related = (body1[1], _find(text, "MAKE")[0])
    embed = (related[1], _find(text, "(PC")[0])
    sig = (embed[1], _find(text, "Reader1")[0])
    comment = (sig[1], len(text))
    segments = [
        Segment("headline", *head),
        Segment("body", *body1),
        Segment("related", *related),
        Segment("embed", *embed),
        Segment("signature", *sig),
        Segment("comment", *comment),
    ]
    h = _find(text, "Haaretz")
    off = _find(text, "an unnamed White House official")
    cue1 = _find(text, "quoted")
    c1 = _find(text, "the war in Gaza must end on Friday")
    fri = _find(text, "on Friday")
    gaza = _find(text, "Gaza", c1[0])
    c2 = _find(text, "Hamas can be dismantled later")
    off2 = _find(text, "the official")
    cue2 = _find(text, "said", off2[1])
    hamas = _find(text, "Hamas", c2[0])
    wh = _find(text, "White House")
    deal = _find(text, "MAKE THE DEAL IN GAZA.")
    djt = _find(text, "DJT")
    statements = [
        Statement(
            "s1",
            Content(text[c1[0] : c1[1]], *c1),
            Speaker(text[off[0] : off[1]], *off, name="White House official", anonymous=True, kind="person"),
            Cue("quoted", *cue1, lemma="quote"),
            mode="indirect",
            act="demand",
            via=[Via("Haaretz", *h, name="Haaretz", entity="e1", kind="outlet")],
            said_on=SaidOn("2025-06-27", "on Friday", *fri),
        ),
        Statement(
            "s2",
            Content(text[c2[0] : c2[1]], *c2),
            Speaker("the official", *off2, name="White House official", anonymous=True, kind="person"),
            Cue("said", *cue2, lemma="say"),
            mode="direct",
            act="claim",
            hedged=True,
        ),
        Statement(
            "s3",
            Content(text[deal[0] : deal[1]], *deal),
            Speaker("DJT", *djt, name="Donald Trump", entity="e5", kind="person"),
            None,
            mode="direct",
            act="demand",
            platform="Truth Social",
            segment="embed",
        ),
    ]
    entities = [
        Entity("e1", "Haaretz", "OUTLET", ["Haaretz"], [Mention(*h, "Haaretz")]),
        Entity("e2", "Gaza Strip", "GPE", ["Gaza"], [Mention(*gaza, "Gaza")]),
        Entity("e3", "Hamas", "ORG", ["Hamas"], [Mention(*hamas, "Hamas")]),
        Entity("e4", "White House", "ORG", [], [Mention(*wh, "White House")]),
        Entity("e5", "Donald Trump", "PERSON", ["DJT"], [Mention(*djt, "DJT")]),
    ]
    n = _find(text, "84,000 Palestinians")
    return Analysis(
        doc=DocMeta(
            hashlib.sha256(text.encode()).hexdigest(),
            "relay.txt",
            text,
            title="Ceasefire talks make progress",
            published="2025-06-29",
            published_basis="given",
        ),
        segments=segments,
        statements=statements,
        entities=entities,
        timexes=[Timex("on Friday", *fri, type="DATE", value="2025-06-27")],
        quantities=[Quantity("84,000 Palestinians", *n, value=84000, counts="Palestinians")],
    )


HOSTILE_TITLE = "<script>alert('title')</script> Breaking"
HOSTILE_SPEAKER = "<img src=x onerror=alert('speaker')>"


def hostile_analysis() -> Analysis:
    """An article whose text, title and speaker name try to inject markup and script."""
    text = (
        "<script>alert('xss')</script> Officials spoke.\n"
        "Mallory said that <img src=x onerror=alert(1)> was fine and </textarea><b>bold</b> too.\n"
        'Visit <a href="javascript:alert(2)">this link</a> now, she added.\n'
    )
    sp = _find(text, "Mallory")
    cue = _find(text, "said")
    c = _find(text, "<img src=x onerror=alert(1)> was fine and </textarea><b>bold</b> too")
    c2 = _find(text, 'Visit <a href="javascript:alert(2)">this link</a> now')
    she = _find(text, "she")
    cue2 = _find(text, "added")
    st = [
        Statement(
            "s1",
            Content(text[c[0] : c[1]], *c),
            Speaker("Mallory", *sp, name=HOSTILE_SPEAKER, entity="e1", kind="person"),
            Cue("said", *cue, lemma="say"),
            mode="indirect",
            act="claim",
            via=[Via("Mallory", *sp, name="<svg onload=alert('via')>", kind="outlet")],
        ),
        Statement(
            "s2",
            Content(text[c2[0] : c2[1]], *c2),
            Speaker("she", *she, name=HOSTILE_SPEAKER, entity="e1", kind="person"),
            Cue("added", *cue2, lemma="add"),
            mode="direct",
            act="<b>act</b>",
        ),
    ]
    return Analysis(
        doc=DocMeta(
            hashlib.sha256(text.encode()).hexdigest(),
            "hostile.txt",
            text,
            title=HOSTILE_TITLE,
            published="2025-07-01",
            published_basis="given",
        ),
        segments=[Segment("body", 0, len(text))],
        statements=st,
        entities=[Entity("e1", HOSTILE_SPEAKER, "PERSON", ["Mallory"], [Mention(*sp, "Mallory")])],
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[int]:
    """``app`` served by uvicorn in a background thread on a free loopback port (yielded)."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        yield port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def browse_analyses(n: int = 12) -> list[Analysis]:
    """``n`` copies of :func:`relay_analysis` for the statements browser, one a month of 2025.

    Copy ``i`` (published 2025-``i+1``-15, no stated day, from ``reuters.com`` when ``i`` is even,
    else ``haaretz.com``): its anonymous official (s1) is relayed by Reuters when ``i % 3 == 0``, by
    Haaretz then Reuters (Reuters second in the chain) when ``i % 3 == 1``, else by Haaretz alone.
    """
    import dataclasses

    out = []
    for i in range(n):
        a = relay_analysis()
        published = f"2025-{i + 1:02d}-15"
        text = a.doc.text + f"Copy {i}.\n"
        doc = dataclasses.replace(
            a.doc,
            id=hashlib.sha256(text.encode()).hexdigest(),
            source=f"browse-{i:02d}.txt",
            text=text,
            published=published,
            url=f"https://www.{'reuters' if i % 2 == 0 else 'haaretz'}.com/world/{i}",
            title=f"Ceasefire talks, part {i}",
        )
        segments = [dataclasses.replace(s) for s in a.segments]
        segments[-1].end = len(text)
        s1 = a.statements[0]
        haaretz = s1.via[0]
        reuters = Via(haaretz.text, haaretz.start, haaretz.end, name="Reuters", entity="e6", kind="outlet")
        s1.via = [reuters] if i % 3 == 0 else [haaretz, reuters] if i % 3 == 1 else [haaretz]
        s1.said_on = None
        entities = [*a.entities, Entity("e6", "Reuters", "OUTLET", ["Reuters"], [])]
        out.append(dataclasses.replace(a, doc=doc, segments=segments, entities=entities))
    return out


def expected_anonymous_via_reuters(analyses: list[Analysis], since: str, until: str) -> set[tuple[str, str]]:
    """(doc id, statement id) of every anonymous statement relayed by Reuters dated in [since, until]."""
    found = set()
    for a in analyses:
        for st in a.statements:
            day = st.said_on.value if st.said_on else a.doc.published
            anonymous = st.speaker is not None and st.speaker.anonymous
            if anonymous and any(v.name == "Reuters" for v in st.via) and since <= (day or "") <= until:
                found.add((a.doc.id, st.id))
    return found
