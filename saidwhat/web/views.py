"""View models: what the templates show about a statement, built from ``saidwhat/1`` objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from saidwhat.model import Statement
from saidwhat.web.markup import css_token


@dataclass(frozen=True, slots=True)
class Hop:
    """One voice in a relay chain: a label and, when known, the entity page it links to."""

    label: str
    gid: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class StatementView:
    id: str
    speaker: Hop
    anonymous: bool
    speaker_kind: str
    cue: str | None
    content: str
    mode: str
    act: str
    act_class: str
    chain: list[Hop]
    hedged: bool
    platform: str | None
    said_on: str | None
    said_on_text: str | None
    segment: str
    doc_id: str = ""
    doc_title: str | None = None
    date: str | None = None
    flags: list[str] = field(default_factory=list)


def speaker_label(st: Statement) -> str:
    if st.speaker is None:
        return "unattributed"
    return st.speaker.name or st.speaker.text


def statement_view(
    st: Statement,
    *,
    speaker_gid: int | None = None,
    via_gids: list[int | None] | None = None,
    entity_gids: Mapping[str, int] | None = None,
    doc_id: str = "",
    doc_title: str | None = None,
    date: str | None = None,
    article_label: str = "this article",
) -> StatementView:
    """A statement for display. Global entity ids come from the store record or a doc's eid → gid map.

    The relay chain reads from the voice to the reader: speaker → nearest relay → … → the article.
    """
    gids = entity_gids or {}
    sp = st.speaker
    if speaker_gid is None and sp is not None and sp.entity is not None:
        speaker_gid = gids.get(sp.entity)
    speaker = Hop(speaker_label(st), speaker_gid, "anonymous" if sp is not None and sp.anonymous else "voice")
    chain = [speaker]
    for i, via in enumerate(st.via):
        gid = via_gids[i] if via_gids is not None and i < len(via_gids) else None
        if gid is None and via.entity is not None:
            gid = gids.get(via.entity)
        chain.append(Hop(via.name or via.text, gid, "relay"))
    if st.platform:
        chain.insert(1, Hop(st.platform, None, "platform"))
    chain.append(Hop(article_label, None, "article"))
    flags: list[str] = []
    if sp is not None and sp.anonymous:
        flags.append("anonymous source")
    if st.hedged:
        flags.append("hedged")
    if st.segment not in ("body", "headline"):
        flags.append(f"in {st.segment}")
    return StatementView(
        id=st.id,
        speaker=speaker,
        anonymous=bool(sp and sp.anonymous),
        speaker_kind=sp.kind if sp else "unknown",
        cue=st.cue.text if st.cue else None,
        content=st.content.text,
        mode=st.mode,
        act=st.act,
        act_class=css_token(st.act),
        chain=chain,
        hedged=st.hedged,
        platform=st.platform,
        said_on=st.said_on.value if st.said_on else None,
        said_on_text=st.said_on.text if st.said_on else None,
        segment=st.segment,
        doc_id=doc_id,
        doc_title=doc_title,
        date=date,
        flags=flags,
    )
