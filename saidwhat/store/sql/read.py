"""Rebuilding ``saidwhat/1`` objects from the normalised tables (the inverse of :mod:`.write`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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
    TextSpan,
    Timex,
    Via,
)
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import py_number
from saidwhat.store.types import StatementRecord

STATEMENT_COLUMNS = (
    "s.pk, s.sid, s.speaker_text, s.speaker_start, s.speaker_end, s.speaker_name, s.speaker_entity, "
    "s.speaker_anonymous, s.speaker_kind, s.speaker_ref_start, s.speaker_ref_end, s.cue_text, s.cue_start, "
    "s.cue_end, s.cue_lemma, s.content_text, s.content_start, s.content_end, s.mode, s.act, s.hedged, "
    "s.platform, s.said_on_value, s.said_on_text, s.said_on_start, s.said_on_end, s.segment, s.n_via, "
    "s.confidence"
)


def _statement(row: Sequence[Any], parts: list[TextSpan], via: list[Via]) -> Statement:
    (
        _,
        sid,
        sp_text,
        sp_start,
        sp_end,
        sp_name,
        sp_entity,
        sp_anon,
        sp_kind,
        sp_rs,
        sp_re,
        cue_text,
        cue_start,
        cue_end,
        cue_lemma,
        c_text,
        c_start,
        c_end,
        mode,
        act,
        hedged,
        platform,
        so_value,
        so_text,
        so_start,
        so_end,
        segment,
        _n_via,
        confidence,
    ) = row
    speaker = None
    if sp_text is not None:
        speaker = Speaker(sp_text, sp_start, sp_end, sp_name, sp_entity, bool(sp_anon), sp_kind, sp_rs, sp_re)
    cue = Cue(cue_text, cue_start, cue_end, cue_lemma) if cue_text is not None else None
    said_on = SaidOn(so_value, so_text, so_start, so_end) if so_value is not None else None
    return Statement(
        id=sid,
        content=Content(c_text, c_start, c_end, parts),
        speaker=speaker,
        cue=cue,
        mode=mode,
        act=act,
        via=via,
        hedged=bool(hedged),
        platform=platform,
        said_on=said_on,
        segment=segment,
        confidence=confidence,
    )


def _in(n: int) -> str:
    return ",".join("?" * n)


def load_statements(
    conn: Connection, rows: Sequence[Sequence[Any]]
) -> list[tuple[Statement, list[int | None]]]:
    """Statements for ``rows`` (selected with :data:`STATEMENT_COLUMNS`), with their via gids."""
    pks = [r[0] for r in rows]
    parts: dict[int, list[TextSpan]] = defaultdict(list)
    vias: dict[int, list[tuple[Via, int | None]]] = defaultdict(list)
    for i in range(0, len(pks), 500):
        chunk = pks[i : i + 500]
        for stmt, text, start, end in conn.execute(
            f'SELECT stmt, text, start, "end" FROM statement_parts WHERE stmt IN ({_in(len(chunk))}) '
            "ORDER BY stmt, ord",
            chunk,
        ):
            parts[stmt].append(TextSpan(text, start, end))
        with_via = [r[0] for r in rows[i : i + 500] if r[-1]]
        if with_via:
            for stmt, text, start, end, name, entity, kind, gid in conn.execute(
                f'SELECT stmt, text, start, "end", name, entity, kind, gid FROM statement_via '
                f"WHERE stmt IN ({_in(len(with_via))}) ORDER BY stmt, ord",
                with_via,
            ):
                vias[stmt].append((Via(text, start, end, name, entity, kind), gid))
    out = []
    for r in rows:
        vs = vias.get(r[0], [])
        out.append((_statement(r, parts.get(r[0], []), [v for v, _ in vs]), [g for _, g in vs]))
    return out


def load_records(conn: Connection, pks: Sequence[int]) -> list[StatementRecord]:
    """:class:`StatementRecord` objects for statement ``pks``, in the order given."""
    if not pks:
        return []
    rows = conn.execute(
        f"SELECT {STATEMENT_COLUMNS}, s.speaker_gid, s.date, d.id, d.title, d.source, d.published "
        f"FROM statements s JOIN documents d ON d.pk = s.doc WHERE s.pk IN ({_in(len(pks))})",
        list(pks),
    ).fetchall()
    by_pk = {r[0]: r for r in rows}
    ordered = [by_pk[p] for p in pks if p in by_pk]
    n = len(STATEMENT_COLUMNS.split(","))
    built = load_statements(conn, [r[:n] for r in ordered])
    return [
        StatementRecord(
            doc_id=r[n + 2],
            doc_title=r[n + 3],
            doc_source=r[n + 4],
            published=r[n + 5],
            date=r[n + 1],
            statement=st,
            speaker_gid=r[n],
            via_gids=gids,
        )
        for r, (st, gids) in zip(ordered, built, strict=True)
    ]


def load_analysis(conn: Connection, dpk: int) -> Analysis:
    """The exact ``Analysis`` stored under document key ``dpk``."""
    (doc_id, source, title, published, basis, url, author, fmt, text) = conn.execute(
        "SELECT id, source, title, published, published_basis, url, author, format, text FROM documents "
        "WHERE pk = ?",
        (dpk,),
    ).fetchone()
    doc = DocMeta(doc_id, source, text, title, published, basis, url, author, fmt)
    segments = [
        Segment(k, a, b)
        for k, a, b in conn.execute(
            'SELECT kind, start, "end" FROM segments WHERE doc = ? ORDER BY ord', (dpk,)
        )
    ]
    rows = conn.execute(
        f"SELECT {STATEMENT_COLUMNS} FROM statements s WHERE s.doc = ? ORDER BY s.ord", (dpk,)
    )
    statements = [st for st, _ in load_statements(conn, rows.fetchall())]

    entities: list[Entity] = []
    by_epk: dict[int, Entity] = {}
    for epk, eid, name, etype in conn.execute(
        "SELECT pk, eid, name, type FROM entities WHERE doc = ? ORDER BY ord", (dpk,)
    ):
        e = Entity(eid, name, etype)
        entities.append(e)
        by_epk[epk] = e
    if by_epk:
        for epk, alias in conn.execute(
            "SELECT a.entity, a.alias FROM entity_aliases a JOIN entities e ON e.pk = a.entity "
            "WHERE e.doc = ? ORDER BY a.entity, a.ord",
            (dpk,),
        ):
            by_epk[epk].aliases.append(alias)
        for epk, key, value in conn.execute(
            "SELECT a.entity, a.key, a.value FROM entity_attributes a JOIN entities e ON e.pk = a.entity "
            "WHERE e.doc = ? ORDER BY a.entity, a.ord",
            (dpk,),
        ):
            by_epk[epk].attributes[key] = value
        for epk, start, end, mtext in conn.execute(
            'SELECT m.entity, m.start, m."end", m.text FROM mentions m JOIN entities e ON e.pk = m.entity '
            "WHERE e.doc = ? ORDER BY m.entity, m.ord",
            (dpk,),
        ):
            by_epk[epk].mentions.append(Mention(start, end, mtext))

    timexes = [
        Timex(t, a, b, ty, v, mod, anchor)
        for t, a, b, ty, v, mod, anchor in conn.execute(
            'SELECT text, start, "end", type, value, mod, anchor FROM timexes WHERE doc = ? ORDER BY ord',
            (dpk,),
        )
    ]
    quantities = [
        Quantity(t, a, b, py_number(v), unit, counts, qual, kind, py_number(vmax))
        for t, a, b, v, unit, counts, qual, kind, vmax in conn.execute(
            'SELECT text, start, "end", value, unit, counts, qualifier, kind, value_max FROM quantities '
            "WHERE doc = ? ORDER BY ord",
            (dpk,),
        )
    ]
    return Analysis(doc, segments, statements, entities, timexes, quantities)
