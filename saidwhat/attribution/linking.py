"""Linking statements to the document's entities: attribution's last step (moved from the pipeline)."""

from __future__ import annotations

from saidwhat.entities import EntityIndex
from saidwhat.model import Statement


def link_statements(statements: list[Statement], index: EntityIndex) -> None:
    """Give speakers and relays their canonical entity (the resolved mention when there is one)."""
    for st in statements:
        sp = st.speaker
        # an anonymous source is never the named thing inside its description
        # ("an unnamed White House official" is not the White House)
        if sp is not None and not sp.anonymous and sp.entity is None:
            a = sp.ref_start if sp.ref_start is not None else sp.start
            b = sp.ref_end if sp.ref_end is not None else sp.end
            ent = index.link(a, b)
            if ent is not None:
                sp.entity, sp.name = ent.id, ent.name
        for via in st.via:
            if via.entity is not None:
                continue
            ent = index.link(via.start, via.end)
            if ent is not None:
                via.entity, via.name = ent.id, ent.name
