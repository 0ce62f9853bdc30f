"""The one write path: an :class:`~saidwhat.model.Analysis` into the normalised tables (and FTS5).

:func:`insert_analysis` runs inside the caller's transaction (see :meth:`Store.add`): it writes every
row of one document or, on any error, nothing (the caller rolls back).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime

from saidwhat.filters import outlet_of
from saidwhat.model import Analysis, Cue, SaidOn, Speaker, Statement
from saidwhat.store.registry import KIND_TYPES, Resolver, add_contributions
from saidwhat.store.types import AddResult
from saidwhat.titles import display_title

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")
_INT64 = (-(2**63), 2**63 - 1)


def effective_date(said_on: str | None, published: str | None) -> str | None:
    """A statement's date for filters and ordering: said_on's calendar date, else the publication date."""
    for value in (said_on, published):
        if value:
            m = _DATE.match(value)
            if m:
                return m.group(0)
    return None


def sql_number(value: float | int | None) -> float | int | str | None:
    """A quantity value as SQLite can hold it: ints beyond 64 bits are kept as their decimal string."""
    if isinstance(value, int) and not isinstance(value, bool) and not _INT64[0] <= value <= _INT64[1]:
        return str(value)
    return value


def _speaker_gid(st: Statement, local: dict[str, int | None], resolver: Resolver) -> int | None:
    sp = st.speaker
    if sp is None:
        return None
    if sp.entity is not None and sp.entity in local:
        return local[sp.entity]
    if sp.name and not sp.anonymous:
        return resolver.resolve(sp.name, KIND_TYPES.get(sp.kind, ""), [sp.text])
    return None


def _flag_latest(conn: sqlite3.Connection, dpk: int, latest: bool) -> None:
    """Set the denormalised ``latest`` flag on the rows of document ``dpk``."""
    flag = int(latest)
    conn.execute("UPDATE statements SET latest = ? WHERE doc = ?", (flag, dpk))
    conn.execute(
        "UPDATE statement_via SET latest = ? WHERE stmt IN (SELECT pk FROM statements WHERE doc = ?)",
        (flag, dpk),
    )
    conn.execute("UPDATE entities SET latest = ? WHERE doc = ?", (flag, dpk))


def _doc_sizes(conn: sqlite3.Connection, dpk: int) -> tuple[int, int]:
    """How many statements and entity mentions document ``dpk`` holds."""
    statements = conn.execute("SELECT COUNT(*) FROM statements WHERE doc = ?", (dpk,)).fetchone()[0]
    mentions = conn.execute(
        "SELECT COALESCE(SUM(n_mentions), 0) FROM entities WHERE doc = ?", (dpk,)
    ).fetchone()[0]
    return int(statements), int(mentions)


def _current(conn: sqlite3.Connection, source: str) -> tuple[int, str, int] | None:
    """``(pk, id, version)`` of the current (not superseded) version of ``source``, if any."""
    row = conn.execute(
        "SELECT pk, id, version FROM documents WHERE source = ? AND superseded_by IS NULL "
        "ORDER BY version DESC LIMIT 1",
        (source,),
    ).fetchone()
    return (int(row[0]), str(row[1]), int(row[2])) if row else None


def _next_version(conn: sqlite3.Connection, source: str) -> int:
    row = conn.execute("SELECT MAX(version) FROM documents WHERE source = ?", (source,)).fetchone()
    return int(row[0] or 0) + 1


def _restore(conn: sqlite3.Connection, old_pk: int, doc_id: str, source: str) -> AddResult:
    """Make the stored, superseded version ``old_pk`` of ``source`` current again.

    It is the same text (same id), so its stored analysis is kept; it gets the next version number
    (the current version always has the highest) and supersedes the version that was current.
    """
    cur = _current(conn, source)
    version = _next_version(conn, source)
    statements, mentions = _doc_sizes(conn, old_pk)
    if cur is not None:
        cur_statements, cur_mentions = _supersede(conn, cur[0], doc_id)
        statements, mentions = statements - cur_statements, mentions - cur_mentions
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    conn.execute(
        "UPDATE documents SET superseded_by = NULL, version = ?, ingested_at = ? WHERE pk = ?",
        (version, now, old_pk),
    )
    _flag_latest(conn, old_pk, True)
    add_contributions(conn, old_pk, 1)
    conn.execute(
        "UPDATE totals SET documents = documents + ?, statements = statements + ?, mentions = mentions + ? "
        "WHERE id = 1",
        (0 if cur else 1, statements, mentions),
    )
    return AddResult("updated", doc_id, version, cur[1] if cur else None)


def insert_analysis(conn: sqlite3.Connection, resolver: Resolver, analysis: Analysis) -> AddResult:
    """Store ``analysis`` (or recognise it as already stored). Must run inside a transaction.

    A text already stored is ``"unchanged"``, unless it is an older, superseded version of the same
    source: then that version becomes current again (``"updated"``, see :func:`_restore`).
    """
    doc = analysis.doc
    row = conn.execute(
        "SELECT pk, source, version, superseded_by FROM documents WHERE id = ?", (doc.id,)
    ).fetchone()
    if row:
        if row[3] is not None and row[1] == doc.source:
            return _restore(conn, int(row[0]), doc.id, doc.source)
        return AddResult("unchanged", doc.id, int(row[2]))
    prev = _current(conn, doc.source)
    version = _next_version(conn, doc.source)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    cur = conn.execute(
        "INSERT INTO documents(id, source, title, published, published_basis, url, author, format, text, "
        "version, ingested_at, n_statements, display_title, outlet) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc.id,
            doc.source,
            doc.title,
            doc.published,
            doc.published_basis,
            doc.url,
            doc.author,
            doc.format,
            doc.text,
            version,
            now,
            len(analysis.statements),
            display_title(analysis),
            outlet_of(doc.url),
        ),
    )
    dpk = cur.lastrowid
    assert dpk is not None
    conn.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)", (dpk, doc.title, doc.text))
    old_statements, old_mentions = _supersede(conn, prev[0], doc.id) if prev else (0, 0)
    conn.executemany(
        'INSERT INTO segments(doc, ord, kind, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(dpk, i, s.kind, s.start, s.end) for i, s in enumerate(analysis.segments)],
    )

    local = _insert_entities(conn, dpk, analysis, resolver)
    for i, st in enumerate(analysis.statements):
        spk = _insert_statement(conn, dpk, i, st, _speaker_gid(st, local, resolver), doc.published)
        _insert_vias(conn, spk, st, local, resolver)
    _insert_timexes_quantities(conn, dpk, analysis)
    add_contributions(conn, dpk, 1)
    conn.execute(
        "UPDATE totals SET documents = documents + ?, versions = versions + 1, statements = statements + ?, "
        "mentions = mentions + ? WHERE id = 1",
        (
            0 if prev else 1,
            len(analysis.statements) - old_statements,
            sum(len(e.mentions) for e in analysis.entities) - old_mentions,
        ),
    )
    return AddResult("updated" if prev else "new", doc.id, version, prev[1] if prev else None)


def _supersede(conn: sqlite3.Connection, ppk: int, new_id: str) -> tuple[int, int]:
    """Mark the previous version ``ppk`` superseded; its statement and mention counts."""
    sizes = _doc_sizes(conn, ppk)
    add_contributions(conn, ppk, -1)
    conn.execute("UPDATE documents SET superseded_by = ? WHERE pk = ?", (new_id, ppk))
    _flag_latest(conn, ppk, False)
    return sizes


def _insert_entities(
    conn: sqlite3.Connection, dpk: int, analysis: Analysis, resolver: Resolver
) -> dict[str, int | None]:
    """The document's entities, resolved to registry ids; their local id → global id."""
    local: dict[str, int | None] = {}
    for i, e in enumerate(analysis.entities):
        gid = resolver.resolve(e.name, e.type, e.aliases)
        local.setdefault(e.id, gid)
        epk = conn.execute(
            "INSERT INTO entities(doc, ord, eid, name, type, gid, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (dpk, i, e.id, e.name, e.type, gid, len(e.mentions)),
        ).lastrowid
        conn.executemany(
            "INSERT INTO entity_aliases(entity, ord, alias) VALUES (?, ?, ?)",
            [(epk, j, a) for j, a in enumerate(e.aliases)],
        )
        conn.executemany(
            "INSERT INTO entity_attributes(entity, ord, key, value) VALUES (?, ?, ?, ?)",
            [(epk, j, k, v) for j, (k, v) in enumerate(e.attributes.items())],
        )
        conn.executemany(
            'INSERT INTO mentions(entity, ord, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            [(epk, j, m.start, m.end, m.text) for j, m in enumerate(e.mentions)],
        )

    return local


_STATEMENT_COLUMNS = (
    "doc, ord, sid, speaker_text, speaker_start, speaker_end, speaker_name, "
    "speaker_entity, speaker_anonymous, speaker_kind, speaker_ref_start, "
    "speaker_ref_end, speaker_gid, "
    "cue_text, cue_start, cue_end, cue_lemma, content_text, content_start, content_end, mode, act, "
    "hedged, platform, said_on_value, said_on_text, said_on_start, said_on_end, "
    "segment, date, n_via, confidence"
)


def _speaker_columns(sp: Speaker | None) -> tuple[object, ...]:
    if sp is None:
        return (None,) * 9
    return (
        sp.text,
        sp.start,
        sp.end,
        sp.name,
        sp.entity,
        int(sp.anonymous),
        sp.kind,
        sp.ref_start,
        sp.ref_end,
    )


def _cue_columns(cue: Cue | None) -> tuple[object, ...]:
    return (None,) * 4 if cue is None else (cue.text, cue.start, cue.end, cue.lemma)


def _said_on_columns(so: SaidOn | None) -> tuple[object, ...]:
    return (None,) * 4 if so is None else (so.value, so.text, so.start, so.end)


def _insert_statement(
    conn: sqlite3.Connection, dpk: int, i: int, st: Statement, speaker_gid: int | None, published: str | None
) -> int:
    sp, so, c = st.speaker, st.said_on, st.content
    row = (
        dpk,
        i,
        st.id,
        *_speaker_columns(sp),
        speaker_gid,
        *_cue_columns(st.cue),
        c.text,
        c.start,
        c.end,
        st.mode,
        st.act,
        int(st.hedged),
        st.platform,
        *_said_on_columns(so),
        st.segment,
        effective_date(so.value if so else None, published),
        len(st.via),
        st.confidence,
    )
    spk = conn.execute(
        f"INSERT INTO statements({_STATEMENT_COLUMNS}) VALUES ({', '.join('?' * len(row))})", row
    ).lastrowid
    conn.execute(
        "INSERT INTO statements_fts(rowid, content_text, speaker_text, speaker_name) VALUES (?, ?, ?, ?)",
        (spk, c.text, sp.text if sp else None, sp.name if sp else None),
    )
    conn.executemany(
        'INSERT INTO statement_parts(stmt, ord, text, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(spk, j, p.text, p.start, p.end) for j, p in enumerate(c.parts)],
    )
    assert spk is not None
    return spk


def _insert_vias(
    conn: sqlite3.Connection, spk: int, st: Statement, local: dict[str, int | None], resolver: Resolver
) -> None:
    """The relay chain of one statement, nearest relay first, each resolved to a registry id."""
    vias = []
    for j, v in enumerate(st.via):
        if v.entity is not None and v.entity in local:
            vgid = local[v.entity]
        elif v.name:
            vgid = resolver.resolve(v.name, KIND_TYPES.get(v.kind, ""), [v.text])
        else:
            vgid = None
        vias.append((spk, j, v.text, v.start, v.end, v.name, v.entity, v.kind, vgid))
    conn.executemany(
        'INSERT INTO statement_via(stmt, ord, text, start, "end", name, entity, kind, gid) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        vias,
    )


def _insert_timexes_quantities(conn: sqlite3.Connection, dpk: int, analysis: Analysis) -> None:
    conn.executemany(
        'INSERT INTO timexes(doc, ord, text, start, "end", type, value, mod, anchor) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (dpk, i, t.text, t.start, t.end, t.type, t.value, t.mod, t.anchor)
            for i, t in enumerate(analysis.timexes)
        ],
    )
    conn.executemany(
        'INSERT INTO quantities(doc, ord, text, start, "end", value, unit, counts, '
        "qualifier, kind, value_max) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                dpk,
                i,
                q.text,
                q.start,
                q.end,
                sql_number(q.value),
                q.unit,
                q.counts,
                q.qualifier,
                q.kind,
                sql_number(q.value_max),
            )
            for i, q in enumerate(analysis.quantities)
        ],
    )
