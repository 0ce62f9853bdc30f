"""The cross-document entity registry: one global id per real-world thing, and the alias file.

Each per-document entity (and each speaker or relay named without one) is resolved to a global id
(``registry_entities.gid``) on write:

0. a pronoun or page label ("you", "Views"; ``saidwhat/data/non_speakers.toml``) gets none;
1. the user's alias file: a ``[[merge]]`` whose name or aliases contain the entity's canonical name
   sends it to the merge's canonical name;
2. a surname alone joins the one full name of the same document with that surname;
3. the rules of :mod:`saidwhat.entities.crossdoc` over the candidates found through the key index
   (``registry_keys``): same core name, transliteration and title variants, a surname of exactly one
   person, acronyms, mistyped names; an ambiguous name joins nothing;
4. an existing registry entity with the same normalised canonical name and a compatible type;
5. when step 3 found no candidate: a registry alias equal to the normalised name, when exactly one
   compatible entity has it;
6. otherwise a new registry entity.

``[[split]]`` entries detach names from an entity: a split alias is never registered for, resolved
through aliases to, or joined by a step-3 rule to that entity. See ``docs/store.md`` for the file
format and ``docs/entities.md`` ("Across documents") for the rules.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from saidwhat.entities.crossdoc import (
    ORG,
    PERSON,
    SAME_NAME_OTHER_TYPE,
    Candidate,
    Name,
    acronyms_of,
    bare_surname_variant,
    decide,
    family,
    index_keys,
    known_non_person,
    parse_name,
    probe_keys,
    refused,
    same_person,
)
from saidwhat.entities.resources import possessor
from saidwhat.errors import SaidwhatError
from saidwhat.store.protocol import Connection
from saidwhat.store.sql.registry_rows import RegistryRows

ALIASES_ENV = "SAIDWHAT_ALIASES"

_WS = re.compile(r"\s+")
_EDGE = " \t\n.,;:!?\"'“”‘’()[]{}"
# type families that may name the same thing; "" / UNKNOWN / MISC are compatible with anything
_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"PERSON", "PER"}),
    frozenset({"ORG", "ORGANIZATION", "OUTLET"}),
    frozenset({"GPE", "LOC", "FAC"}),
)
_WILDCARD = frozenset({"", "UNKNOWN", "MISC"})
# speaker / via ``kind`` -> registry type, for speakers named without a linked entity
KIND_TYPES = {
    "person": "PERSON",
    "organization": "ORG",
    "outlet": "OUTLET",
    "group": "NORP",
    "unknown": "UNKNOWN",
}


def normalise(name: str) -> str:
    """The matching key of a name: NFKC, case-folded, single spaces, no edge punctuation, no "the"."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    s = _WS.sub(" ", s).strip(_EDGE)
    if s.endswith("'s"):
        s = s[:-2].rstrip(_EDGE)
    if s.startswith("the "):
        s = s[4:]
    return s


def compatible(a: str, b: str) -> bool:
    """Whether entity types ``a`` and ``b`` may denote the same thing."""
    a, b = a.upper(), b.upper()
    if a == b or a in _WILDCARD or b in _WILDCARD:
        return True
    return any(a in f and b in f for f in _FAMILIES)


@dataclass(frozen=True, slots=True)
class MergeRule:
    name: str
    type: str | None
    names: frozenset[str]  # normalised name + aliases
    aliases: tuple[str, ...]  # as written in the file


@dataclass(frozen=True, slots=True)
class SplitRule:
    name: str
    aliases: frozenset[str]  # normalised


@dataclass(frozen=True, slots=True)
class AliasRules:
    """The parsed alias file (empty when there is none)."""

    merges: tuple[MergeRule, ...] = ()
    splits: tuple[SplitRule, ...] = ()
    path: Path | None = None
    _split_pairs: frozenset[tuple[str, str]] = field(default=frozenset(), repr=False)

    def merge_for(self, norm: str, etype: str) -> MergeRule | None:
        """The first merge rule naming ``norm`` (a normalised canonical name) with a compatible type."""
        for rule in self.merges:
            if norm in rule.names and (rule.type is None or compatible(rule.type, etype)):
                return rule
        return None

    def is_split(self, alias_norm: str, entity_norm: str) -> bool:
        """Whether the user said ``alias`` must not resolve to the entity named ``entity``."""
        return (alias_norm, entity_norm) in self._split_pairs


def _strings(value: Any, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise SaidwhatError("E_ALIASES", f"{where}: 'aliases' must be a list of non-empty strings", str(path))
    return list(value)


def load_rules(path: Path | None) -> AliasRules:
    """Parse the alias file at ``path`` (or ``$SAIDWHAT_ALIASES``; none → no rules).

    Raises ``SaidwhatError("E_READ")`` when the file cannot be read and ``E_ALIASES`` when it is not
    valid TOML or not in the documented shape.
    """
    if path is None:
        env = os.environ.get(ALIASES_ENV, "").strip()
        if not env:
            return AliasRules()
        path = Path(env)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SaidwhatError(
            "E_READ", f"cannot read the alias file: {exc.strerror or exc}", str(path)
        ) from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SaidwhatError("E_ALIASES", f"the alias file is not valid TOML: {exc}", str(path)) from exc
    unknown = set(data) - {"merge", "split"}
    if unknown:
        raise SaidwhatError("E_ALIASES", f"unknown alias file keys: {sorted(unknown)}", str(path))
    merges: list[MergeRule] = []
    splits: list[SplitRule] = []
    for kind in ("merge", "split"):
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise SaidwhatError("E_ALIASES", f"'{kind}' must be an array of tables ([[{kind}]])", str(path))
        for i, entry in enumerate(entries):
            where = f"[[{kind}]] #{i + 1}"
            if (
                not isinstance(entry, dict)
                or not isinstance(entry.get("name"), str)
                or not entry["name"].strip()
            ):
                raise SaidwhatError("E_ALIASES", f"{where}: needs a non-empty 'name'", str(path))
            aliases = _strings(entry.get("aliases", []), where, path)
            name = entry["name"].strip()
            if kind == "merge":
                etype = entry.get("type")
                if etype is not None and not isinstance(etype, str):
                    raise SaidwhatError("E_ALIASES", f"{where}: 'type' must be a string", str(path))
                names = frozenset(normalise(n) for n in [name, *aliases])
                merges.append(MergeRule(name, etype.upper() if etype else None, names, tuple(aliases)))
            else:
                splits.append(SplitRule(name, frozenset(normalise(a) for a in aliases)))
    pairs = frozenset((a, normalise(s.name)) for s in splits for a in s.aliases)
    return AliasRules(tuple(merges), tuple(splits), path, pairs)


class Resolver:
    """Resolves names to global ids inside the write transaction of one connection.

    ``rebuild=True`` is the mode of :func:`rebuild_registry`: the key index and aliases have been
    emptied, only entities resolved since ("claimed") can be matched, and a new entity takes the
    global id the stored row had before (``prefer``) when no other name has claimed it yet.
    """

    def __init__(
        self,
        conn: Connection,
        rules: AliasRules,
        *,
        rebuild: bool = False,
        document: Iterable[tuple[str, str]] = (),
        rows: RegistryRows | None = None,
    ) -> None:
        self.conn = conn
        self.rules = rules
        self.rebuild = rebuild
        # the registry tables: one query per look-up, or a document's rows loaded together (the write path)
        self.rows = rows if rows is not None else RegistryRows(conn)
        self.claimed: set[int] = set()
        self.begin_document(document)

    def begin_document(self, entities: Iterable[tuple[str, str]]) -> None:
        """Start resolving one document whose entities are ``(name, type)``: a surname alone there
        joins the one full name of the document with that surname ("Dr Murray" by "Conrad Murray")."""
        self.doc_persons: dict[str, list[tuple[str, Name]]] = {}
        for name, etype in entities:
            parsed = parse_name(name, etype)
            if parsed is not None and parsed.is_full:
                self.doc_persons.setdefault(parsed.surname, []).append((name, parsed))

    def _in_document(self, parsed: Name) -> str | None:
        """The document's one full name that a bare surname refers to (None: none or several)."""
        # as in the document stage: a surname typed ORG joins, one typed GPE ("Haiti") never does
        if len(parsed.words) != 1 or parsed.caps or parsed.family not in (PERSON, ORG):
            return None
        if not parsed.display[:1].isupper():
            return None
        if parsed.family != PERSON and known_non_person(parsed):
            return None
        word = parsed.words[0]
        fulls = [f for s, names in self.doc_persons.items() if bare_surname_variant(word, s) for f in names]
        if not fulls:
            return None
        best = max(fulls, key=lambda f: (f[1].completeness(), f[0]))
        if all(same_person(best[1], f[1]) for f in fulls):
            return best[0]
        return None

    def _by_norm(self, norm: str, etype: str) -> int | None:
        rows = self.rows.by_norm(norm)
        if self.rebuild:
            rows = [(g, t) for g, t in rows if g in self.claimed]
        exact = [g for g, t in rows if t == etype]
        if exact:
            return int(exact[0])
        for g, t in rows:
            if compatible(t, etype):
                return int(g)
        return None

    def _by_alias(self, norm: str, etype: str) -> int | None:
        rows = self.rows.by_alias(norm)
        cands = {int(g) for g, t, n in rows if compatible(t, etype) and not self.rules.is_split(norm, n)}
        return cands.pop() if len(cands) == 1 else None

    def _create(self, name: str, norm: str, etype: str, prefer: int | None = None) -> int:
        if prefer is not None and prefer not in self.claimed and self.rows.claim(prefer, name, norm, etype):
            self.claimed.add(prefer)
            return prefer
        gid = self.rows.create(name, norm, etype)
        self.claimed.add(gid)
        return gid

    def _add_aliases(
        self, gid: int, names: Iterable[str], origin: str, entity_norm: str | None = None
    ) -> None:
        """Record ``names`` as aliases of ``gid`` (``entity_norm``: its normalised name, when known)."""
        if entity_norm is None:
            row = self.rows.entity(gid)
            assert row is not None
            entity_norm = row[2]
        for alias in names:
            norm = normalise(alias)
            if not norm or norm == entity_norm or self.rules.is_split(norm, entity_norm):
                continue
            self.rows.add_alias(norm, gid, alias.strip(), origin)

    # -- the key index ---------------------------------------------------------------------------

    def _candidates(self, keys: list[str]) -> list[Candidate]:
        gids = self.rows.key_gids(keys)
        if not gids:
            return []
        order = sorted(gids)
        entities = self.rows.entities(order)
        variants: dict[int, list[Name]] = {}
        for gid, rows in self.rows.variants(order).items():
            for n, t, _ in rows:
                v = parse_name(n, t)
                if v is not None:
                    variants.setdefault(gid, []).append(v)
        return [
            Candidate(gid, entities[gid][1], tuple(variants.get(gid, ())), entities[gid][0])
            for gid in order
            if gid in entities
        ]

    def _index(self, gid: int, name: Name, count: bool = True) -> None:
        self.rows.add_keys(gid, name.display, name.etype, index_keys(name), count)

    def _name_of(self, gid: int) -> str:
        row = self.rows.entity(gid)
        return row[0] if row else ""

    def _blocked(self, norm: str) -> Callable[[Candidate], bool]:
        if not self.rules.splits:
            return lambda c: False

        def blocked(c: Candidate) -> bool:
            names = [c.name, *(v.display for v in c.variants)]
            return any(self.rules.is_split(norm, normalise(n)) for n in names)

        return blocked

    def _promote(self, gid: int) -> str:
        """Canonical name: the most complete variant of the entity's type family written more than
        once (any variant when none is), then the most used; a tie keeps the current name. Returns
        the entity's normalised name afterwards."""
        row = self.rows.entity(gid)
        assert row is not None
        name, etype, norm = row
        fam = family(etype)
        variants = []
        for vname, vtype, uses in self.rows.variants([gid])[gid]:
            v = parse_name(vname, vtype)
            if v is not None and (v.family == fam or fam == "any"):
                variants.append((v, int(uses)))
        pool = [vu for vu in variants if vu[1] > 1] or variants
        if not pool:
            return str(norm)
        best = max(pool, key=lambda vu: (vu[0].completeness(), vu[1]))
        current = [vu for vu in pool if vu[0].label == name]
        if current and (current[0][0].completeness(), current[0][1]) >= (best[0].completeness(), best[1]):
            return str(norm)
        if best[0].label != name:
            norm = normalise(best[0].label)
            self.rows.rename(gid, best[0].label, norm)
            self._add_aliases(gid, [name], "auto", norm)
        return str(norm)

    def _acronym_aliases(self, gid: int, name: Name, aliases: list[str]) -> None:
        """An organisation's acronyms written in the document ("Iraqi Islamic Party (IIP)") become keys."""
        mine = set(acronyms_of(name))
        for alias in aliases:
            parsed = parse_name(alias, name.etype)
            # a listed acronym ("EU", "IMF") means its own body, whatever a document pairs it with
            if (
                parsed is not None
                and parsed.caps
                and parsed.core == parsed.acronym
                and parsed.acronym in mine
            ):
                self._index(gid, parsed)

    # -- resolving -------------------------------------------------------------------------------

    def lookups(self, name: str, etype: str) -> tuple[list[str], list[str]]:
        """The normalised names and match keys :meth:`resolve` looks up for ``name`` (as it would be
        called now): what :meth:`prefetch` loads."""
        name = possessor(name)
        norm = normalise(name)
        if not norm or refused(name):
            return [], []
        etype = etype.strip().upper() or "UNKNOWN"
        rule = self.rules.merge_for(norm, etype)
        if rule is not None:
            return [normalise(rule.name)], []
        parsed = parse_name(name, etype)
        if parsed is None:
            return [], []
        norms, keys = [norm], probe_keys(parsed)
        full = self._in_document(parsed)
        if full is not None:
            more = self.lookups(full, "PERSON")
            norms, keys = norms + more[0], keys + more[1]
        return norms, keys

    def prefetch(self, names: Iterable[tuple[str, str]]) -> None:
        """Load the registry rows that resolving ``(name, type)`` pairs will look up, together (a
        :class:`~saidwhat.store.sql.registry_rows.DocumentRows` does; one query per look-up does not)."""
        norms: list[str] = []
        keys: list[str] = []
        for name, etype in names:
            n, k = self.lookups(name, etype)
            norms += n
            keys += k
        self.rows.prefetch(norms, keys)

    def resolve(
        self,
        name: str,
        etype: str,
        aliases: Iterable[str] = (),
        *,
        prefer: int | None = None,
        count: bool = True,
    ) -> int | None:
        """The global id for an entity named ``name`` of type ``etype`` (created when new).

        ``aliases`` are other names the document used for it; they are recorded as registry aliases (a
        merge rule is matched on the canonical name only, so a shared surname cannot pull in another
        person). Returns None for a name that normalises to nothing or that names no entity ("you",
        "Views", see ``saidwhat/data/non_speakers.toml``). ``prefer``: the global id to reuse when a
        new entity is created during a rebuild. ``count=False``: a look-up that is not a use of the name
        (the full name a surname of the same document stands for).
        """
        name = possessor(name)  # "Donald Trump's plan" names Donald Trump
        norm = normalise(name)
        if not norm or refused(name):
            return None
        etype = etype.strip().upper() or "UNKNOWN"  # never an entity of empty type
        alias_list = [a for a in aliases if normalise(a) and not refused(a)]
        parsed = parse_name(name, etype)
        rule = self.rules.merge_for(norm, etype)
        if rule is not None:
            target_type = rule.type or etype
            rnorm = normalise(rule.name)
            gid = self._by_norm(rnorm, target_type)
            if gid is None:
                gid = self._create(rule.name, rnorm, target_type, prefer)
            self._add_aliases(gid, rule.aliases, "file")
            self._add_aliases(gid, [name, *alias_list], "auto")
            for known in (parse_name(rule.name, target_type), parsed):
                if known is not None:
                    self._index(gid, known)
            self.claimed.add(gid)
            return gid
        if parsed is None:
            return None
        full = self._in_document(parsed)
        if full is not None:
            gid = self.resolve(full, "PERSON", prefer=prefer, count=False)
            if gid is not None and not self._blocked(norm)(Candidate(gid, "PERSON", (), self._name_of(gid))):
                self._index(gid, parsed)
                self._add_aliases(gid, [name, *alias_list], "auto")
                return gid
        decision = decide(parsed, self._candidates(probe_keys(parsed)), self._blocked(norm))
        gid = decision.gid
        if gid is None:
            gid = self._by_norm(norm, etype)
        if (
            gid is None
            and decision.rule == "new"
            and not (parsed.family == PERSON and len(parsed.words) == 1)
        ):
            gid = self._by_alias(norm, etype)  # never for a name alone ("Tony" aliased in one article)
        if gid is None:
            gid = self._create(parsed.label, normalise(parsed.label), parsed.etype, prefer)
        else:
            self.claimed.add(gid)
            if decision.rule == SAME_NAME_OTHER_TYPE:  # a person's name first seen typed ORG
                self.rows.retype(gid, etype, f"n:{parsed.core}")
        self._index(gid, parsed, count)
        entity_norm = self._promote(gid)
        if parsed.family in ("org", "any"):
            self._acronym_aliases(gid, parsed, alias_list)
        self._add_aliases(gid, [name, *alias_list], "auto", entity_norm)
        return gid


def rebuild_registry(conn: Connection, rules: AliasRules) -> int:
    """Re-resolve every stored entity, speaker and relay in storage order (one open transaction).

    The key index and aliases are rebuilt from scratch, so the result is the one a fresh ingest in
    the same order gives; an entity keeps its global id when it is resolved again first. Registry
    entities no longer used are deleted and the counters recomputed. Returns how many per-document
    entities changed global id.
    """
    changed = 0
    resolver = Resolver(conn, rules, rebuild=True)
    conn.execute("DELETE FROM registry_aliases")
    conn.execute("DELETE FROM registry_keys")
    doc_pks = [r[0] for r in conn.execute("SELECT pk FROM documents ORDER BY pk")]
    for dpk in doc_pks:
        local: dict[str, int | None] = {}
        rows = conn.execute(
            "SELECT pk, eid, name, type, gid FROM entities WHERE doc = ? ORDER BY ord", (dpk,)
        ).fetchall()
        resolver.begin_document((r[2], r[3]) for r in rows)
        for epk, eid, name, etype, old in rows:
            aliases_ = [
                a
                for (a,) in conn.execute(
                    "SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY ord", (epk,)
                )
            ]
            gid = resolver.resolve(name, etype, aliases_, prefer=old)
            local.setdefault(eid, gid)
            if gid != old:
                changed += 1
                conn.execute("UPDATE entities SET gid = ? WHERE pk = ?", (gid, epk))
        for spk, text, name, entity, anon, kind, old in conn.execute(
            "SELECT pk, speaker_text, speaker_name, speaker_entity, speaker_anonymous, speaker_kind, "
            "speaker_gid FROM statements WHERE doc = ? AND speaker_text IS NOT NULL",
            (dpk,),
        ).fetchall():
            if entity is not None and entity in local:
                sgid = local[entity]
            elif name and not anon:
                sgid = resolver.resolve(name, KIND_TYPES.get(kind, ""), [text], prefer=old)
            else:
                sgid = None
            conn.execute("UPDATE statements SET speaker_gid = ? WHERE pk = ?", (sgid, spk))
        for vstmt, vord, text, name, entity, kind, old in conn.execute(
            "SELECT v.stmt, v.ord, v.text, v.name, v.entity, v.kind, v.gid FROM statement_via v "
            "JOIN statements s ON s.pk = v.stmt WHERE s.doc = ?",
            (dpk,),
        ).fetchall():
            if entity is not None and entity in local:
                vgid = local[entity]
            elif name:
                vgid = resolver.resolve(name, KIND_TYPES.get(kind, ""), [text], prefer=old)
            else:
                vgid = None
            conn.execute("UPDATE statement_via SET gid = ? WHERE stmt = ? AND ord = ?", (vgid, vstmt, vord))
    conn.execute(
        "DELETE FROM registry_entities WHERE gid NOT IN ("
        "SELECT gid FROM entities WHERE gid IS NOT NULL "
        "UNION SELECT speaker_gid FROM statements WHERE speaker_gid IS NOT NULL "
        "UNION SELECT gid FROM statement_via WHERE gid IS NOT NULL)"
    )
    recount(conn)
    return changed


def entity_variants(conn: Connection, gid: int) -> list[str]:
    """The names joined into entity ``gid`` (as first written), other than its canonical name."""
    row = conn.execute("SELECT norm FROM registry_entities WHERE gid = ?", (gid,)).fetchone()
    if row is None:
        return []
    seen = {row[0]}
    out: list[str] = []
    for (name,) in conn.execute(
        "SELECT name FROM registry_keys WHERE gid = ? AND key >= 'n:' AND key < 'n;' ORDER BY name", (gid,)
    ):
        norm = normalise(name)
        if norm not in seen:
            seen.add(norm)
            out.append(name)
    return out


_RECOUNT_SET = (
    "n_statements = (SELECT COUNT(*) FROM statements s WHERE s.latest = 1 AND s.speaker_gid = r.gid), "
    "n_relayed = (SELECT COUNT(DISTINCT v.stmt) FROM statement_via v WHERE v.latest = 1 AND v.gid = r.gid), "
    "n_mentions = (SELECT COALESCE(SUM(e.n_mentions), 0) FROM entities e "
    "WHERE e.latest = 1 AND e.gid = r.gid), "
    "n_documents = (SELECT COUNT(DISTINCT e.doc) FROM entities e WHERE e.latest = 1 AND e.gid = r.gid)"
)


def recount(conn: Connection) -> None:
    """Recompute the usage counters of every registry entity from the tables (after re-resolution)."""
    conn.execute(f"UPDATE registry_entities AS r SET {_RECOUNT_SET}")


_DELTA_ROWS = 500  # registry entities per counter UPDATE


def add_contributions(conn: Connection, dpk: int, sign: int) -> None:
    """Add (``sign=1``) or remove (``sign=-1``) document ``dpk``'s share of the registry counters.

    Cost is proportional to the document, not to the store: the write path calls it for a new document
    and, negated, for the version it supersedes.
    """
    delta: dict[int, list[int]] = {}
    queries = (
        (
            0,
            "SELECT speaker_gid, COUNT(*) FROM statements WHERE doc = ? AND speaker_gid IS NOT NULL "
            "GROUP BY speaker_gid",
        ),
        (
            1,
            "SELECT v.gid, COUNT(DISTINCT v.stmt) FROM statement_via v JOIN statements s ON s.pk = v.stmt "
            "WHERE s.doc = ? AND v.gid IS NOT NULL GROUP BY v.gid",
        ),
        (2, "SELECT gid, SUM(n_mentions) FROM entities WHERE doc = ? AND gid IS NOT NULL GROUP BY gid"),
    )
    for slot, sql in queries:
        for gid, n in conn.execute(sql, (dpk,)):
            counts = delta.setdefault(gid, [0, 0, 0, 0])
            counts[slot] = sign * int(n)
            if slot == 2:
                counts[3] = sign
    # one UPDATE joined to the deltas as VALUES rows (column1..column5 in SQLite and PostgreSQL alike)
    rows = [(gid, *c) for gid, c in delta.items()]
    for i in range(0, len(rows), _DELTA_ROWS):
        part = rows[i : i + _DELTA_ROWS]
        conn.execute(
            "UPDATE registry_entities SET n_statements = n_statements + v.column2, "
            "n_relayed = n_relayed + v.column3, n_mentions = n_mentions + v.column4, "
            "n_documents = n_documents + v.column5 "
            f"FROM (VALUES {', '.join(['(?, ?, ?, ?, ?)'] * len(part))}) AS v "
            "WHERE registry_entities.gid = v.column1",
            [x for row in part for x in row],
        )
