"""Speaker and relay names matched by word prefix (the ``speaker`` / ``via`` statement filters).

A name typed by a user (``Donald``, ``Benjamin``, ``official``, ``White House``) matches, after
:func:`saidwhat.store.registry.normalise` (case, accents, spacing), every registry entity with
statements (speaker) or relayed statements (via) whose canonical name or an alias contains it at
the start of a word, and every name of a speaker / relay without a registry entity (anonymous
sources) that does. A registry id (int) matches that entity only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from saidwhat.store.protocol import Connection
from saidwhat.store.registry import normalise
from saidwhat.store.types import NamedCount, NameMatch

Role = Literal["speaker", "via"]
_COUNTER = {"speaker": "n_statements", "via": "n_relayed"}
_UNLINKED = {
    "speaker": "SELECT DISTINCT speaker_name FROM statements WHERE latest = 1 AND speaker_gid IS NULL "
    "AND speaker_name IS NOT NULL",
    "via": "SELECT DISTINCT v.name FROM statement_via v JOIN statements s ON s.pk = v.stmt "
    "WHERE s.latest = 1 AND v.gid IS NULL AND v.name IS NOT NULL",
}


def word_prefix(query: str) -> re.Pattern[str]:
    """The pattern of a normalised query at the start of a word of a normalised name."""
    return re.compile(r"(?<!\w)" + re.escape(query))


def match_names(conn: Connection, who: int | str, role: Role = "speaker") -> NameMatch:
    counter = _COUNTER[role]
    if isinstance(who, int):
        rows = conn.execute(
            f"SELECT gid, name, type, {counter} FROM registry_entities WHERE gid = ?", (who,)
        ).fetchall()
        return NameMatch(str(who), [NamedCount(*r) for r in rows], [])
    q = normalise(who)
    if not q:
        return NameMatch(who, [], [])
    pattern = word_prefix(q)
    found: dict[int, NamedCount] = {}
    for gid, name, etype, n, norm in conn.execute(
        f"SELECT gid, name, type, {counter}, norm FROM registry_entities WHERE {counter} > 0 "
        "AND instr(norm, ?) > 0 UNION ALL "
        f"SELECT e.gid, e.name, e.type, e.{counter}, a.norm FROM registry_aliases a JOIN registry_entities e "
        f"ON e.gid = a.gid WHERE e.{counter} > 0 AND instr(a.norm, ?) > 0",
        (q, q),
    ):
        if gid not in found and pattern.search(norm):
            found[gid] = NamedCount(gid, name, etype, n)
    names = sorted({n for (n,) in conn.execute(_UNLINKED[role]) if pattern.search(normalise(n))})
    entities = sorted(found.values(), key=lambda e: (-e.count, e.gid))
    return NameMatch(who, entities, names)


def name_clause(match: NameMatch, role: Role = "speaker") -> tuple[str, list[object]] | None:
    """A WHERE clause over ``statements s`` for what ``match`` matched; None when it matched nothing."""
    if match.empty:
        return None
    gids: list[object] = [e.gid for e in match.entities]
    names: list[object] = list(match.names)
    gid_in, name_in = ",".join("?" * len(gids)), ",".join("?" * len(names))
    if role == "speaker":
        parts = [f"s.speaker_gid IN ({gid_in})"] if gids else []
        if names:
            parts.append(f"(s.speaker_gid IS NULL AND s.speaker_name IN ({name_in}))")
        return "(" + " OR ".join(parts) + ")", gids + names
    parts = [f"v.gid IN ({gid_in})"] if gids else []
    if names:
        parts.append(f"(v.gid IS NULL AND v.name IN ({name_in}))")
    return (
        f"EXISTS (SELECT 1 FROM statement_via v WHERE v.stmt = s.pk AND ({' OR '.join(parts)}))",
        gids + names,
    )


# where a registry entity is named in the latest versions: its per-document entities' mentions, and
# the speaker / relay spans of statements that name it without a per-document entity (a speaker-only
# entity such as a name the NER missed has only these)
_NAMED = (
    "SELECT SUM(m), COUNT(DISTINCT doc) FROM ("
    "SELECT e.doc AS doc, e.n_mentions AS m FROM entities e WHERE e.latest = 1 AND e.gid = ? "
    "UNION ALL SELECT s.doc, 1 FROM statements s WHERE s.latest = 1 AND s.speaker_gid = ? "
    "AND s.speaker_entity IS NULL "
    "UNION ALL SELECT s.doc, 1 FROM statement_via v JOIN statements s ON s.pk = v.stmt "
    "WHERE v.latest = 1 AND v.gid = ? AND v.entity IS NULL AND s.latest = 1) u"
)


def named_counts(conn: Connection, gid: int) -> tuple[int, int]:
    """(mentions, documents) of registry entity ``gid``, counting unlinked speaker and relay spans."""
    mentions, documents = conn.execute(_NAMED, (gid, gid, gid)).fetchone()
    return int(mentions or 0), int(documents or 0)


def named_counts_many(conn: Connection, gids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """:func:`named_counts` of several registry entities in one query (a gid named nowhere: (0, 0))."""
    out = {gid: (0, 0) for gid in gids}
    if not gids:
        return out
    marks = ",".join("?" * len(gids))
    sql = (
        "SELECT g, SUM(m), COUNT(DISTINCT doc) FROM ("
        "SELECT e.gid AS g, e.doc AS doc, e.n_mentions AS m FROM entities e "
        f"WHERE e.latest = 1 AND e.gid IN ({marks}) "
        "UNION ALL SELECT s.speaker_gid, s.doc, 1 FROM statements s "
        f"WHERE s.latest = 1 AND s.speaker_gid IN ({marks}) "
        "AND s.speaker_entity IS NULL "
        "UNION ALL SELECT v.gid, s.doc, 1 FROM statement_via v JOIN statements s ON s.pk = v.stmt "
        f"WHERE v.latest = 1 AND v.gid IN ({marks}) AND v.entity IS NULL AND s.latest = 1) u GROUP BY g"
    )
    for gid, mentions, documents in conn.execute(sql, [*gids, *gids, *gids]):
        out[int(gid)] = (int(mentions or 0), int(documents or 0))
    return out
