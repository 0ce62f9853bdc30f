"""The one write path: an :class:`~saidwhat.model.Analysis` into the normalised tables (and FTS5).

:func:`insert_analysis` runs inside the caller's transaction (see :meth:`Store.add`): it writes every
row of one document or, on any error, nothing (the caller rolls back).
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime

from saidwhat.model import Analysis, Statement
from saidwhat.store.registry import KIND_TYPES, Resolver, add_contributions
from saidwhat.store.types import AddResult

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


def insert_analysis(conn: sqlite3.Connection, resolver: Resolver, analysis: Analysis) -> AddResult:
    """Store ``analysis`` (or recognise it as already stored). Must run inside a transaction."""
    doc = analysis.doc
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone():
        row = conn.execute("SELECT version FROM documents WHERE id = ?", (doc.id,)).fetchone()
        return AddResult("unchanged", doc.id, int(row[0]))
    prev = conn.execute(
        "SELECT pk, id, version FROM documents WHERE source = ? AND superseded_by IS NULL "
        "ORDER BY version DESC LIMIT 1",
        (doc.source,),
    ).fetchone()
    version = int(prev[2]) + 1 if prev else 1
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    cur = conn.execute(
        "INSERT INTO documents(id, source, title, published, published_basis, url, author, format, text, "
        "version, ingested_at, n_statements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        ),
    )
    dpk = cur.lastrowid
    assert dpk is not None
    conn.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?, ?, ?)", (dpk, doc.title, doc.text))
    old_statements = old_mentions = 0
    if prev:
        ppk = prev[0]
        old_statements = conn.execute("SELECT COUNT(*) FROM statements WHERE doc = ?", (ppk,)).fetchone()[0]
        old_mentions = conn.execute(
            "SELECT COALESCE(SUM(n_mentions), 0) FROM entities WHERE doc = ?", (ppk,)
        ).fetchone()[0]
        add_contributions(conn, ppk, -1)
        conn.execute("UPDATE documents SET superseded_by = ? WHERE pk = ?", (doc.id, ppk))
        conn.execute("UPDATE statements SET latest = 0 WHERE doc = ?", (ppk,))
        conn.execute(
            "UPDATE statement_via SET latest = 0 WHERE stmt IN (SELECT pk FROM statements WHERE doc = ?)",
            (ppk,),
        )
        conn.execute("UPDATE entities SET latest = 0 WHERE doc = ?", (ppk,))

    conn.executemany(
        'INSERT INTO segments(doc, ord, kind, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(dpk, i, s.kind, s.start, s.end) for i, s in enumerate(analysis.segments)],
    )

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

    for i, st in enumerate(analysis.statements):
        sp, cue, so, c = st.speaker, st.cue, st.said_on, st.content
        spk = conn.execute(
            "INSERT INTO statements(doc, ord, sid, speaker_text, speaker_start, speaker_end, speaker_name, "
            "speaker_entity, speaker_anonymous, speaker_kind, speaker_ref_start, "
            "speaker_ref_end, speaker_gid, "
            "cue_text, cue_start, cue_end, cue_lemma, content_text, content_start, content_end, mode, act, "
            "hedged, platform, said_on_value, said_on_text, said_on_start, said_on_end, "
            "segment, date, n_via, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?)",
            (
                dpk,
                i,
                st.id,
                sp.text if sp else None,
                sp.start if sp else None,
                sp.end if sp else None,
                sp.name if sp else None,
                sp.entity if sp else None,
                int(sp.anonymous) if sp else None,
                sp.kind if sp else None,
                sp.ref_start if sp else None,
                sp.ref_end if sp else None,
                _speaker_gid(st, local, resolver),
                cue.text if cue else None,
                cue.start if cue else None,
                cue.end if cue else None,
                cue.lemma if cue else None,
                c.text,
                c.start,
                c.end,
                st.mode,
                st.act,
                int(st.hedged),
                st.platform,
                so.value if so else None,
                so.text if so else None,
                so.start if so else None,
                so.end if so else None,
                st.segment,
                effective_date(so.value if so else None, doc.published),
                len(st.via),
                st.confidence,
            ),
        ).lastrowid
        conn.execute(
            "INSERT INTO statements_fts(rowid, content_text, speaker_text, speaker_name) VALUES (?, ?, ?, ?)",
            (spk, c.text, sp.text if sp else None, sp.name if sp else None),
        )
        conn.executemany(
            'INSERT INTO statement_parts(stmt, ord, text, start, "end") VALUES (?, ?, ?, ?, ?)',
            [(spk, j, p.text, p.start, p.end) for j, p in enumerate(c.parts)],
        )
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
