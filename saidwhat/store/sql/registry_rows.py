"""The registry tables as the resolver reads and writes them (:class:`saidwhat.store.registry.Resolver`).

:class:`RegistryRows` runs one query per look-up. :class:`DocumentRows` is what the write path uses
for one document (:func:`saidwhat.store.sql.write.insert_analysis`): it loads, in a few multi-row
queries, every registry row the document's names can look up (:meth:`DocumentRows.prefetch`: entities
by normalised name and by alias, the match keys' entities, their rows and name variants) and answers
the resolver's look-ups from memory. Every write is applied to what is held in memory at once, so a
look-up answers exactly what the same query would return after the writes so far; a look-up of
something not loaded queries the database and keeps the answer. The writes themselves (new entities,
aliases, match keys) are held back and sent together (:meth:`DocumentRows.flush`) before any query of
the registry tables, any update of their rows, and the rows that refer to a gid: a few statements per
document instead of one per name, the key rows met several times folded into one row each with the
same result. The ids, keys and rows written are therefore the ones :class:`RegistryRows` gives -- with
a few queries per document instead of several per name (about 500 statements per article on
PostgreSQL).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from saidwhat.store.protocol import Connection
from saidwhat.store.sql.dialect import Dialect

KEY_LIMIT = 200  # candidates read per non-exact key: bounds the cost of a very common key
_NO_LIMIT = 2**62  # LIMIT -1 is SQLite only
_CHUNK = 200  # keys per multi-key query (SQLite allows 500 terms of a compound SELECT)
_VARIANTS = "key >= 'n:' AND key < 'n;'"  # the n: (name variant) keys


def key_limit(key: str) -> int | None:
    """How many gids (lowest first) a look-up of ``key`` reads: every one for a name key."""
    return None if key.startswith("n:") else KEY_LIMIT


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


# an alias row (written at once by RegistryRows, held back and sent in one go by DocumentRows)
_ADD_ALIAS = (
    "INSERT INTO registry_aliases(norm, gid, alias, origin) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


class RegistryRows:
    """The resolver's look-ups and writes, one query each."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- look-ups ------------------------------------------------------------------------------------

    def by_norm(self, norm: str) -> list[tuple[int, str]]:
        """``(gid, type)`` of the registry entities named ``norm`` (normalised), by gid."""
        rows = self.conn.execute(
            "SELECT gid, type FROM registry_entities WHERE norm = ? ORDER BY gid", (norm,)
        ).fetchall()
        return [(int(g), str(t)) for g, t in rows]

    def by_alias(self, norm: str) -> list[tuple[int, str, str]]:
        """``(gid, type, norm)`` of the registry entities with the alias ``norm`` (any order)."""
        rows = self.conn.execute(
            "SELECT r.gid, r.type, r.norm FROM registry_aliases a JOIN registry_entities r ON r.gid = a.gid "
            "WHERE a.norm = ?",
            (norm,),
        ).fetchall()
        return [(int(g), str(t), str(n)) for g, t, n in rows]

    def key_gids(self, keys: Sequence[str]) -> set[int]:
        """The gids found under ``keys`` (each key: its :func:`key_limit` lowest)."""
        gids: set[int] = set()
        for key in dict.fromkeys(keys):
            limit = key_limit(key)
            rows = self.conn.execute(
                "SELECT gid FROM registry_keys WHERE key = ? ORDER BY gid LIMIT ?",
                (key, _NO_LIMIT if limit is None else limit),
            ).fetchall()
            gids.update(int(g) for (g,) in rows)
        return gids

    def entity(self, gid: int) -> tuple[str, str, str] | None:
        """``(name, type, norm)`` of registry entity ``gid``."""
        row = self.conn.execute(
            "SELECT name, type, norm FROM registry_entities WHERE gid = ?", (gid,)
        ).fetchone()
        return None if row is None else (str(row[0]), str(row[1]), str(row[2]))

    def entities(self, gids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        """``gid -> (name, type, norm)`` of the registry entities ``gids`` (those that exist)."""
        if not gids:
            return {}
        rows = self.conn.execute(
            f"SELECT gid, name, type, norm FROM registry_entities WHERE gid IN ({_marks(len(gids))})",
            list(gids),
        ).fetchall()
        return {int(g): (str(n), str(t), str(m)) for g, n, t, m in rows}

    def variants(self, gids: Sequence[int]) -> dict[int, list[tuple[str, str, int]]]:
        """``gid -> [(name, type, uses)]``: the name variants (``n:`` keys) of each entity, by key."""
        out: dict[int, list[tuple[str, str, int]]] = {g: [] for g in gids}
        if not gids:
            return out
        for g, n, t, u in self.conn.execute(
            f"SELECT gid, name, type, uses FROM registry_keys WHERE gid IN ({_marks(len(gids))}) "
            f"AND {_VARIANTS} ORDER BY gid, key",
            list(gids),
        ).fetchall():
            out[int(g)].append((str(n), str(t), int(u)))
        return out

    # -- writes --------------------------------------------------------------------------------------

    def create(self, name: str, norm: str, etype: str) -> int:
        """A new registry entity; its gid."""
        row = self.conn.execute(
            "INSERT INTO registry_entities(name, norm, type, created_at) VALUES (?, ?, ?, ?) RETURNING gid",
            (name, norm, etype, _now()),
        ).fetchone()
        return int(row[0])

    def claim(self, gid: int, name: str, norm: str, etype: str) -> bool:
        """Rename the stored entity ``gid`` (a rebuild reusing its id); False when there is none."""
        cur = self.conn.execute(
            "UPDATE registry_entities SET name = ?, norm = ?, type = ? WHERE gid = ?",
            (name, norm, etype, gid),
        )
        return bool(cur.rowcount)

    def rename(self, gid: int, name: str, norm: str) -> None:
        self.conn.execute("UPDATE registry_entities SET name = ?, norm = ? WHERE gid = ?", (name, norm, gid))

    def retype(self, gid: int, etype: str, key: str) -> None:
        """Entity ``gid`` is of type ``etype``, and so is its name variant under ``key``."""
        self.conn.execute("UPDATE registry_entities SET type = ? WHERE gid = ?", (etype, gid))
        self.conn.execute("UPDATE registry_keys SET type = ? WHERE gid = ? AND key = ?", (etype, gid, key))

    def add_alias(self, norm: str, gid: int, alias: str, origin: str) -> None:
        self.conn.execute(_ADD_ALIAS, (norm, gid, alias, origin))

    def add_keys(self, gid: int, name: str, etype: str, keys: Sequence[str], count: bool) -> None:
        """File ``gid`` under ``keys`` as the variant ``name``; the first key (its ``n:`` key) counts a use
        (``count``) when it is there already."""
        # one statement: a key already filed is updated only when it is the first (a no-op update
        # of the others would be DO NOTHING's), so a key listed twice is sent once
        unique = list(dict.fromkeys(keys))
        self.conn.execute(
            "INSERT INTO registry_keys(key, gid, name, type) VALUES "
            + ", ".join(["(?, ?, ?, ?)"] * len(unique))
            + f" ON CONFLICT(key, gid) DO UPDATE SET uses = registry_keys.uses + {int(count)} "
            "WHERE registry_keys.key = ?",
            [*(v for k in unique for v in (k, gid, name, etype)), keys[0]],
        )

    def prefetch(self, norms: Iterable[str], keys: Iterable[str]) -> None:
        """Nothing to load: every look-up is a query."""
        del norms, keys

    def flush(self) -> None:
        """Nothing held back: every write was sent."""

    def finish(self) -> None:
        """After a document's last write: nothing to do (new entities took the sequence's keys)."""


class DocumentRows(RegistryRows):
    """The registry rows one document's names can look up, loaded together, written through (see the
    module docstring). Lives for one write transaction."""

    def __init__(self, conn: Connection, dialect: Dialect) -> None:
        super().__init__(conn)
        self.dialect = dialect
        self._next_gid: int | None = None  # the gid of the next new registry entity, once taken
        self._norms: dict[str, list[int]] = {}  # norm -> gids named so, ascending
        self._aliases: dict[str, set[int]] = {}  # alias norm -> gids
        self._keys: dict[str, tuple[list[int], bool]] = {}  # key -> (lowest gids, more exist)
        self._entities: dict[int, list[str]] = {}  # gid -> [name, type, norm]
        self._variants: dict[int, dict[str, list[Any]]] = {}  # gid -> {n: key: [name, type, uses]}
        # writes held back until the next read of the registry tables or row referring to a gid
        # (:meth:`flush`): new entities, aliases, and key rows folded per (key, gid)
        self._new_entities: list[tuple[int, str, str, str, str]] = []
        self._new_aliases: list[tuple[str, int, str, str]] = []
        self._new_keys: dict[tuple[str, int], list[Any]] = {}  # -> [name, type, first inc, all incs]

    # -- loading -------------------------------------------------------------------------------------

    def _in(self, column: str, values: Sequence[object], array: str) -> tuple[str, list[object]]:
        """``column IN (?, ...)``, or on PostgreSQL ``column = ANY(?::array)``: one parameter, so one
        statement text whatever the number of values (psycopg converts a statement of more than 50
        parameters anew each time, and the server parses and plans each text)."""
        if self.dialect.name == "postgresql":
            return f"{column} = ANY(?::{array})", [list(values)]
        return f"{column} IN ({_marks(len(values))})", list(values)

    def _load_norms(self, norms: Sequence[str]) -> None:
        if norms:
            self.flush()
        for part in _chunks(norms):
            for n in part:
                self._norms[n] = []
            where, params = self._in("norm", part, "text[]")
            rows = self.conn.execute(
                f"SELECT gid, name, type, norm FROM registry_entities WHERE {where} ORDER BY gid", params
            ).fetchall()
            for g, name, t, norm in rows:
                self._norms[str(norm)].append(int(g))
                self._entities.setdefault(int(g), [str(name), str(t), str(norm)])

    def _load_aliases(self, norms: Sequence[str]) -> None:
        if norms:
            self.flush()
        for part in _chunks(norms):
            for n in part:
                self._aliases[n] = set()
            where, params = self._in("a.norm", part, "text[]")
            rows = self.conn.execute(
                "SELECT a.norm, r.gid, r.name, r.type, r.norm FROM registry_aliases a "
                f"JOIN registry_entities r ON r.gid = a.gid WHERE {where}",
                params,
            ).fetchall()
            for alias, g, name, t, norm in rows:
                self._aliases[str(alias)].add(int(g))
                self._entities.setdefault(int(g), [str(name), str(t), str(norm)])

    def _load_keys(self, keys: Sequence[str]) -> None:
        if keys:
            self.flush()
        names = [k for k in keys if key_limit(k) is None]
        for part in _chunks(names):
            found: dict[str, list[int]] = {k: [] for k in part}
            where, params = self._in("key", part, "text[]")
            for k, g in self.conn.execute(
                f"SELECT key, gid FROM registry_keys WHERE {where} ORDER BY key, gid", params
            ).fetchall():
                found[str(k)].append(int(g))
            for k, gids in found.items():
                self._keys[k] = (sorted(gids), False)
        others = [k for k in keys if key_limit(k) is not None]
        for part in _chunks(others):
            found = {k: [] for k in part}
            if self.dialect.name == "postgresql":  # one statement text, planned in well under a ms
                sql = (
                    "SELECT k.key, r.gid FROM unnest(?::text[]) AS k(key) CROSS JOIN LATERAL "
                    "(SELECT gid FROM registry_keys WHERE key = k.key ORDER BY gid LIMIT ?) r"
                )
                args: list[object] = [list(part), KEY_LIMIT + 1]
            else:  # SQLite has no LATERAL: a compound SELECT of one limited scan per key
                sql = " UNION ALL ".join(
                    "SELECT key, gid FROM (SELECT key, gid FROM registry_keys WHERE key = ? ORDER BY gid "
                    f"LIMIT ?) k{i}"
                    for i in range(len(part))
                )
                args = [p for k in part for p in (k, KEY_LIMIT + 1)]
            for k, g in self.conn.execute(sql, args).fetchall():
                found[str(k)].append(int(g))
            for k, gids in found.items():
                gids.sort()
                self._keys[k] = (gids[:KEY_LIMIT], len(gids) > KEY_LIMIT)

    def _load_entities(self, gids: Iterable[int]) -> None:
        missing = sorted({g for g in gids if g not in self._entities})
        if missing:
            self.flush()
        for i in range(0, len(missing), _CHUNK):
            where, params = self._in("gid", missing[i : i + _CHUNK], "bigint[]")
            for g, n, t, m in self.conn.execute(
                f"SELECT gid, name, type, norm FROM registry_entities WHERE {where}", params
            ).fetchall():
                self._entities[int(g)] = [str(n), str(t), str(m)]

    def _load_variants(self, gids: Iterable[int]) -> None:
        missing = sorted({g for g in gids if g not in self._variants})
        if missing:
            self.flush()
        for i in range(0, len(missing), _CHUNK):
            part = missing[i : i + _CHUNK]
            for g in part:
                self._variants[g] = {}
            if self.dialect.name == "postgresql":
                # one index range of (gid, key) per gid: the row comparisons only ix_registry_keys_gid
                # serves (without statistics, as in a new store, the planner took the primary key's
                # range of every n: key and filtered it by gid: a scan growing with the registry)
                sql = (
                    "SELECT g.gid, k.key, k.name, k.type, k.uses FROM unnest(?::bigint[]) AS g(gid) "
                    "CROSS JOIN LATERAL (SELECT key, name, type, uses FROM registry_keys WHERE "
                    "(gid, key) >= (g.gid, 'n:') AND (gid, key) < (g.gid, 'n;') OFFSET 0) k ORDER BY 1, 2"
                )
                params: list[object] = [list(part)]
            else:
                where, params = self._in("gid", part, "bigint[]")
                sql = (
                    f"SELECT gid, key, name, type, uses FROM registry_keys WHERE {where} "
                    f"AND {_VARIANTS} ORDER BY gid, key"
                )
            for g, k, n, t, u in self.conn.execute(sql, params).fetchall():
                self._variants[int(g)][str(k)] = [str(n), str(t), int(u)]

    def prefetch(self, norms: Iterable[str], keys: Iterable[str]) -> None:
        """Load the entities named ``norms`` or aliased so, the gids under ``keys``, and the rows and
        variants of all of them."""
        new_norms = [n for n in dict.fromkeys(norms) if n not in self._norms]
        new_aliases = [n for n in dict.fromkeys(norms) if n not in self._aliases]
        new_keys = [k for k in dict.fromkeys(keys) if k not in self._keys]
        self._load_norms(new_norms)
        self._load_aliases(new_aliases)
        self._load_keys(new_keys)
        gids: set[int] = set(self._entities)
        for k in new_keys:
            gids.update(self._keys[k][0])
        self._load_entities(gids)
        self._load_variants(gids)

    # -- look-ups from memory ------------------------------------------------------------------------

    def by_norm(self, norm: str) -> list[tuple[int, str]]:
        if norm not in self._norms:
            self._load_norms([norm])
        self._load_entities(self._norms[norm])
        return [(g, self._entities[g][1]) for g in self._norms[norm]]

    def by_alias(self, norm: str) -> list[tuple[int, str, str]]:
        if norm not in self._aliases:
            self._load_aliases([norm])
        self._load_entities(self._aliases[norm])
        return [(g, self._entities[g][1], self._entities[g][2]) for g in self._aliases[norm]]

    def key_gids(self, keys: Sequence[str]) -> set[int]:
        self._load_keys([k for k in dict.fromkeys(keys) if k not in self._keys])
        return {g for k in keys for g in self._keys[k][0]}

    def entity(self, gid: int) -> tuple[str, str, str] | None:
        self._load_entities([gid])
        row = self._entities.get(gid)
        return None if row is None else (row[0], row[1], row[2])

    def entities(self, gids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        self._load_entities(gids)
        return {g: (r[0], r[1], r[2]) for g in gids if (r := self._entities.get(g)) is not None}

    def variants(self, gids: Sequence[int]) -> dict[int, list[tuple[str, str, int]]]:
        self._load_variants(gids)
        return {g: [(str(n), str(t), int(u)) for n, t, u in self._variants[g].values()] for g in gids}

    # -- writes: to the database, and to what is held --------------------------------------------------

    def create(self, name: str, norm: str, etype: str) -> int:
        """A new registry entity with the gid the database would give it (its next key, taken once per
        document and counted on here), written at the next :meth:`flush`."""
        if self._next_gid is None:
            self._next_gid = self.dialect.new_keys(self.conn, "registry_entities", "gid", 1)[0]
        gid, self._next_gid = self._next_gid, self._next_gid + 1
        self._new_entities.append((gid, name, norm, etype, _now()))
        self._entities[gid] = [name, etype, norm]
        self._variants[gid] = {}  # a new entity has no keys yet
        if norm in self._norms:
            bisect.insort(self._norms[norm], gid)
        return gid

    def flush(self) -> None:
        """Send the writes held back, in a few statements: the new entities, then the key rows (one
        row per (key, gid) whatever the number of meetings, see :meth:`add_keys`), then the aliases.
        Called before any read of the registry tables, any update of their rows, and any insert of a
        row referring to a gid (the foreign keys), so every statement sees what the one-write-per-call
        order would have written by then."""
        if self._new_entities:
            self.conn.executemany(
                "INSERT INTO registry_entities(gid, name, norm, type, created_at) VALUES (?, ?, ?, ?, ?)",
                self._new_entities,
            )
            self._new_entities = []
        if self._new_keys:
            self._flush_keys()
        if self._new_aliases:
            self.conn.executemany(_ADD_ALIAS, self._new_aliases)
            self._new_aliases = []

    def _flush_keys(self) -> None:
        """The held key rows as upserts. A (key, gid) met n times in the document, each meeting adding
        ``inc_i`` (its call's ``count`` when the key is the call's first, else 0), ends as the calls one
        by one would leave it: a new row ``uses = 1 + inc_2 + ... + inc_n``, a stored row ``uses +
        inc_1 + ... + inc_n``. The rows go in two statements, by ``inc_1``: inserted with ``uses =
        1 - inc_1 + sum`` and updated by ``excluded.uses - 1 + inc_1`` (an update adding 0 is
        skipped, as the calls' ``DO NOTHING`` or ``+ 0`` left the row's values)."""
        groups: dict[int, list[tuple[str, int, str, str, int]]] = {0: [], 1: []}
        for (key, gid), (name, etype, first, total) in self._new_keys.items():
            groups[first].append((key, gid, name, etype, 1 - first + total))
        self._new_keys = {}
        for first, rows in groups.items():
            if not rows:
                continue
            delta = "excluded.uses" if first else "excluded.uses - 1"
            tail = (
                f" ON CONFLICT(key, gid) DO UPDATE SET uses = registry_keys.uses + {delta} WHERE {delta} <> 0"
            )
            if self.dialect.name == "postgresql":  # one statement text whatever the number of rows
                columns = list(zip(*rows, strict=True))
                self.conn.execute(
                    "INSERT INTO registry_keys(key, gid, name, type, uses) SELECT * FROM "
                    "unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])" + tail,
                    [list(c) for c in columns],
                )
            else:
                self.conn.executemany(
                    "INSERT INTO registry_keys(key, gid, name, type, uses) VALUES (?, ?, ?, ?, ?)" + tail,
                    rows,
                )

    def finish(self) -> None:
        """After the document's last write: the held writes are sent, and the identity sequence of
        ``registry_entities`` continues after the gids :meth:`create` gave (one statement per document,
        not one per new entity)."""
        self.flush()
        if self._next_gid is not None:
            self.dialect.keys_taken(self.conn, "registry_entities", "gid", self._next_gid - 1)

    def claim(self, gid: int, name: str, norm: str, etype: str) -> bool:
        self.flush()
        found = super().claim(gid, name, norm, etype)
        if found:
            self._move(gid, norm)
            self._entities[gid] = [name, etype, norm]
        return found

    def _move(self, gid: int, norm: str) -> None:
        """Entity ``gid`` is now named ``norm``: move it between the held by-name lists."""
        for gids in self._norms.values():
            if gid in gids:
                gids.remove(gid)
        if norm in self._norms:
            bisect.insort(self._norms[norm], gid)

    def rename(self, gid: int, name: str, norm: str) -> None:
        self.flush()
        super().rename(gid, name, norm)
        self._move(gid, norm)
        row = self._entities.get(gid)
        if row is not None:
            row[0], row[2] = name, norm

    def retype(self, gid: int, etype: str, key: str) -> None:
        self.flush()
        super().retype(gid, etype, key)
        row = self._entities.get(gid)
        if row is not None:
            row[1] = etype
        variant = self._variants.get(gid, {}).get(key)
        if variant is not None:
            variant[1] = etype

    def add_alias(self, norm: str, gid: int, alias: str, origin: str) -> None:
        self._new_aliases.append((norm, gid, alias, origin))
        if norm in self._aliases:
            self._aliases[norm].add(gid)

    def add_keys(self, gid: int, name: str, etype: str, keys: Sequence[str], count: bool) -> None:
        """As :meth:`RegistryRows.add_keys`, held back: each (key, gid) keeps the name and type of its
        first meeting and what its meetings add (see :meth:`_flush_keys`)."""
        for key in dict.fromkeys(keys):
            inc = int(count) if key == keys[0] else 0
            held_row = self._new_keys.get((key, gid))
            if held_row is None:
                self._new_keys[(key, gid)] = [name, etype, inc, inc]
            else:
                held_row[3] += inc
        for i, key in enumerate(keys):
            held = self._keys.get(key)
            if held is not None and gid not in held[0]:
                gids, more = held
                limit = key_limit(key)
                if not (more and gid > gids[-1]):
                    bisect.insort(gids, gid)
                    if limit is not None and len(gids) > limit:
                        del gids[limit:]
                        self._keys[key] = (gids, True)
            variants = self._variants.get(gid)
            if variants is None or not key.startswith("n:"):
                continue
            if key in variants:
                if i == 0:
                    variants[key][2] += int(count)
            elif not variants:
                variants[key] = [name, etype, 1]
            else:  # a new variant: its place in key order is the database's collation; read it again
                del self._variants[gid]
