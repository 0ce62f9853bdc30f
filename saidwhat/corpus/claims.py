"""The claims corpus stage: each stored article's claim facts (``claim_facts``) and each story's grouped
claims, positions and promises (``claim_reports``).

:func:`saidwhat.claims.article_facts` depends on one article and its story only, so the stage keeps
one row per current article (``saidwhat/1-claim-facts`` JSON). Each story is grouped on its own
(:func:`group_story`: :func:`saidwhat.claims.build_claims` & co. over the story's facts) and kept as
one row of JSON lists; the readers (CLI, web) assemble the rows they need (:func:`claims_report`,
:func:`positions_report`, :func:`promises_report`). ``on_added`` brings the facts in line with the
store (the documents just stored, current articles still without a row, superseded versions dropped,
articles whose story changed), dropping the reports of the stories it touches in the same
transactions; ``on_finished`` (once after an ingest's last batch) groups every story that has facts
and no report; ``rebuild`` recomputes both tables. ``on_added`` then ``on_finished`` and ``rebuild``
give the same tables for the same stored articles. A reader that finds a story without a current
report (an ingest under way) groups its facts itself.

The story of an article comes from the stage's ``story_of(store, doc_id)`` lookup (default
:func:`no_story`), or, when given, from ``stories(store)``, every article's story in one query (read
once per ``on_added`` or ``rebuild``); :data:`saidwhat.corpus.CORPUS_STAGES` passes the stories stage's.

The facts depend on the article alone, the story only labels them (:func:`saidwhat.claims.serial.with_story`):
``article_part`` computes them without a story, in the process that analysed the article when an
ingest runs (``saidwhat.corpus``), and ``on_added`` labels them with the story; only the articles
that came without a part are read back from the store and computed here (as ``rebuild`` does).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from saidwhat.claims import (
    ArticleFacts,
    article_facts,
    build_claims,
    build_positions_report,
    build_promises_report,
    facts_from_dict,
    facts_to_dict,
)
from saidwhat.claims.lexicon import ClaimsLexicon, load_lexicon
from saidwhat.claims.promises import status
from saidwhat.claims.serial import FACTS_SCHEMA, with_story
from saidwhat.model import Analysis
from saidwhat.store.migrations import Migration
from saidwhat.store.protocol import Connection, StoreProtocol

StoryOf = Callable[[StoreProtocol, str], str | None]
Stories = Callable[[StoreProtocol], Mapping[str, str | None]]
JSON = dict[str, Any]

TABLE = "claim_facts"
CHUNK = 50  # rows written per transaction

MIGRATIONS = (
    Migration(
        1,
        "claim facts per current article (saidwhat/1-claim-facts JSON)",
        (
            "CREATE TABLE claim_facts (doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, story TEXT, "
            "published TEXT, facts TEXT NOT NULL)",
            "CREATE INDEX claim_facts_story ON claim_facts(story)",
            "CREATE INDEX claim_facts_source ON claim_facts(source)",
        ),
    ),
    Migration(
        2,
        "grouped claims, positions and promises of each story (JSON lists), built from claim_facts",
        (
            "CREATE TABLE claim_reports (story TEXT PRIMARY KEY, n_articles INTEGER NOT NULL, "
            "latest TEXT, articles TEXT NOT NULL, claims TEXT NOT NULL, positions TEXT NOT NULL, "
            "promises TEXT NOT NULL, token TEXT NOT NULL)",
        ),
    ),
)
REPORT_COLUMNS = ("claims", "positions", "promises")
PART_KEY = f"claims:{FACTS_SCHEMA}"  # the per-article part: the facts, without a story, as JSON
NO_STORY = ""  # claim_reports.story of the articles without a story


def no_story(store: StoreProtocol, doc_id: str) -> str | None:
    """The story lookup until a stories stage exists: no article has a story."""
    return None


def _key(story: str | None) -> str:
    return NO_STORY if story is None else story


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _facts_of_story(conn: Connection, story: str | None) -> list[ArticleFacts]:
    if story is None:
        rows = conn.execute("SELECT facts FROM claim_facts WHERE story IS NULL")
    else:
        rows = conn.execute("SELECT facts FROM claim_facts WHERE story = ?", (story,))
    return [facts_from_dict(json.loads(text)) for (text,) in rows]


@dataclass(slots=True)
class StoryReport:
    """One story's grouped results (a row of ``claim_reports``): article references, claims (ids local
    to the story), position cells, promises (statuses are set when read, for the date asked)."""

    story: str | None
    n_articles: int
    latest: str | None
    articles: list[JSON]
    claims: list[JSON]
    positions: list[JSON]
    promises: list[JSON]

    def row(self) -> tuple[str, int, str | None, str, str, str, str, str]:
        """The ``claim_reports`` row, with a new token (readers cache what they parsed by it)."""
        return (
            _key(self.story),
            self.n_articles,
            self.latest,
            _dumps(self.articles),
            _dumps(self.claims),
            _dumps(self.positions),
            _dumps(self.promises),
            uuid.uuid4().hex,
        )


def group_story(facts: list[ArticleFacts], story: str | None, lex: ClaimsLexicon) -> StoryReport:
    """The grouped results of one story's facts (every fact must be of that story)."""
    claims = build_claims(facts, lex, story)
    days = [f.article.published for f in facts if f.article.published]
    return StoryReport(
        story,
        len(facts),
        max(days)[:10] if days else None,
        claims["articles"],
        claims["claims"],
        build_positions_report(facts, lex, story)["cells"],
        build_promises_report(facts, None, lex, story)["promises"],
    )


@dataclass(slots=True)
class ClaimsStage:
    """Claim facts of every current article and the grouped results of each story (see the module
    docstring)."""

    story_of: StoryOf = no_story
    needs: tuple[str, ...] = ()
    lexicon: ClaimsLexicon | None = None
    name: str = "claims"
    migrations: tuple[Migration, ...] = field(default=MIGRATIONS)
    stories: Stories | None = None  # every article's story at once (else story_of, article by article)

    # -- the per-article part -------------------------------------------------------------------------

    def part_key(self) -> str | None:
        """None with a lexicon of its own: a part made elsewhere used the default one."""
        return PART_KEY if self.lexicon is None else None

    def _facts(self, analysis: Analysis) -> JSON:
        return facts_to_dict(article_facts(analysis, None, self.lexicon or load_lexicon()))

    def article_part(self, analysis: Analysis) -> str:
        """The facts of one article without a story (:func:`with_story` adds it), as JSON."""
        return json.dumps(self._facts(analysis), ensure_ascii=False, separators=(",", ":"))

    def _story_lookup(self, store: StoreProtocol) -> Callable[[str], str | None]:
        """The story of an article, for one ``on_added`` or ``rebuild`` (the stories are read once)."""
        if self.stories is not None:
            return self.stories(store).get
        seen: dict[str, str | None] = {}

        def story(doc_id: str) -> str | None:
            if doc_id not in seen:
                seen[doc_id] = self.story_of(store, doc_id)
            return seen[doc_id]

        return story

    def _rows(
        self,
        store: StoreProtocol,
        doc_ids: Iterable[str],
        story_of: Callable[[str], str | None],
        parts: Mapping[str, str],
    ) -> list[tuple[str, str, str | None, str | None, str]]:
        rows = []
        for doc_id in doc_ids:
            story = story_of(doc_id)
            part = parts.get(doc_id)
            d = json.loads(part) if part is not None else None
            if d is None or d["article"]["id"] != doc_id:
                d = self._facts(store.get(doc_id))
            with_story(d, story)
            text = json.dumps(d, ensure_ascii=False, sort_keys=True)
            rows.append((doc_id, d["article"]["source"], story, d["article"]["published"], text))
        return rows

    def _write(
        self,
        store: StoreProtocol,
        doc_ids: Sequence[str],
        old: dict[str, str | None],
        story_of: Callable[[str], str | None],
        parts: Mapping[str, str] | None = None,
    ) -> None:
        """Facts of ``doc_ids``; the reports of their stories (old and new) are dropped in the same
        transaction, so that a stored report is always built from the facts stored."""
        for i in range(0, len(doc_ids), CHUNK):
            rows = self._rows(store, doc_ids[i : i + CHUNK], story_of, parts or {})
            stories = {_key(r[2]) for r in rows} | {_key(old[r[0]]) for r in rows if r[0] in old}
            with store.transaction() as conn:
                conn.executemany("DELETE FROM claim_reports WHERE story = ?", [(s,) for s in sorted(stories)])
                conn.executemany("DELETE FROM claim_facts WHERE doc_id = ?", [(r[0],) for r in rows])
                conn.executemany("INSERT INTO claim_facts VALUES (?, ?, ?, ?, ?)", rows)

    def _regroup(self, store: StoreProtocol) -> None:
        """Build the report of every story that has facts and no report (read and written in one
        transaction); drop the reports of stories without facts."""
        lex = self.lexicon or load_lexicon()
        with store.snapshot() as conn:
            with_facts = {s for (s,) in conn.execute("SELECT DISTINCT story FROM claim_facts")}
            built = {s for (s,) in conn.execute("SELECT story FROM claim_reports")}
        todo = sorted({_key(s) for s in with_facts} - built)
        for key in todo:
            story = None if key == NO_STORY else key
            with store.transaction() as conn:
                report = group_story(_facts_of_story(conn, story), story, lex)
                conn.execute("DELETE FROM claim_reports WHERE story = ?", (key,))
                if report.n_articles:
                    conn.execute("INSERT INTO claim_reports VALUES (?, ?, ?, ?, ?, ?, ?, ?)", report.row())
        gone = sorted(built - {_key(s) for s in with_facts})
        if gone:
            with store.transaction() as conn:
                conn.executemany("DELETE FROM claim_reports WHERE story = ?", [(s,) for s in gone])

    def on_added(
        self, store: StoreProtocol, doc_ids: Sequence[str], parts: Mapping[str, str] | None = None
    ) -> None:
        current = store.document_ids()
        with store.snapshot() as conn:
            stored: dict[str, str | None] = {
                d: s for d, s in conn.execute("SELECT doc_id, story FROM claim_facts")
            }
        live = set(current)
        stale = [d for d in stored if d not in live]
        if stale:
            with store.transaction() as conn:
                conn.executemany(
                    "DELETE FROM claim_reports WHERE story = ?",
                    [(_key(s),) for s in {stored[d] for d in stale}],
                )
                conn.executemany("DELETE FROM claim_facts WHERE doc_id = ?", [(d,) for d in stale])
        added = [d for d in dict.fromkeys(doc_ids) if d in live]
        todo = set(added)
        story_of = self._story_lookup(store)
        # articles without facts yet, or whose story has changed since their facts were computed
        missing = [d for d in current if d not in todo and (d not in stored or stored[d] != story_of(d))]
        self._write(store, [*added, *missing], stored, story_of, parts)

    def on_finished(self, store: StoreProtocol) -> None:
        """After an ingest's last batch: group the stories the batches touched (once per ingest, not
        per batch: a story's grouping costs in proportion to its size)."""
        self._regroup(store)

    def rebuild(self, store: StoreProtocol) -> None:
        with store.transaction() as conn:
            conn.execute("DELETE FROM claim_reports")
            conn.execute("DELETE FROM claim_facts")
        self._write(store, store.document_ids(), {}, self._story_lookup(store))
        self._regroup(store)


# -- the reports readers ask for (CLI and web): the stored reports of the stories ----------------------

Scalar = str | int | float | bool | None


def _stage_version(conn: Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM stage_migrations WHERE stage = ?", ("claims",)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


# parsed report parts, by (store location, story, column), with the token of the row they came from: a
# long-lived reader (the web server) parses a story's report once, until the stage rebuilds it
_CACHE: OrderedDict[tuple[str, str, str], tuple[str, StoryReport]] = OrderedDict()
_CACHE_SIZE = 3000
_CACHE_LOCK = threading.Lock()


def _cached(location: str, key: str, column: str, token: str) -> StoryReport | None:
    with _CACHE_LOCK:
        hit = _CACHE.get((location, key, column))
        if hit is None or hit[0] != token:
            return None
        _CACHE.move_to_end((location, key, column))
        return hit[1]


def _remember(location: str, key: str, column: str, token: str, rep: StoryReport) -> None:
    with _CACHE_LOCK:
        _CACHE[(location, key, column)] = (token, rep)
        _CACHE.move_to_end((location, key, column))
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)


def _stored_reports(
    store: StoreProtocol, conn: Connection, counts: dict[str | None, int], column: str
) -> dict[str | None, StoryReport]:
    """The stored, current reports of the stories in ``counts`` (parsed, or from the cache)."""
    out: dict[str | None, StoryReport] = {}
    fresh: list[tuple[str, str]] = []
    for key, n, token in conn.execute("SELECT story, n_articles, token FROM claim_reports"):
        s = None if key == NO_STORY else key
        if s not in counts or counts[s] != n:
            continue  # not asked for, or its facts changed (an ingest is under way)
        hit = _cached(store.location, key, column, token)
        if hit is not None:
            out[s] = hit
        else:
            fresh.append((key, token))
    sql = f"SELECT n_articles, latest, articles, {column} FROM claim_reports WHERE story = ? AND token = ?"
    for key, token in fresh:
        row = conn.execute(sql, (key, token)).fetchone()
        if row is None:
            continue
        s = None if key == NO_STORY else key
        rep = StoryReport(s, int(row[0]), row[1], json.loads(row[2]), [], [], [])
        setattr(rep, column, json.loads(row[3]))
        _remember(store.location, key, column, token, rep)
        out[s] = rep
    return out


def story_reports(store: StoreProtocol, story: str | None, column: str) -> list[StoryReport]:
    """The grouped results of one story (every story when ``story`` is None), in story order, with
    ``column`` (claims, positions or promises) filled: read from ``claim_reports`` (parsed once per
    process and row); a story whose facts changed since its report was built (an ingest under way)
    is grouped from its facts here. The lists returned are shared: callers copy what they change."""
    if column not in REPORT_COLUMNS:
        raise ValueError(f"unknown report column {column!r}")
    counts = dict(store.claim_stories())  # {} before the stage ran (no claim_facts table)
    if story is not None:
        counts = {story: counts[story]} if story in counts else {}
    if not counts:
        return []
    with store.snapshot() as conn:
        out = _stored_reports(store, conn, counts, column) if _stage_version(conn) >= 2 else {}
        stale = [s for s in counts if s not in out]
        grouped = {s: _facts_of_story(conn, s) for s in stale}
    lex = load_lexicon()
    for s, facts in grouped.items():
        out[s] = group_story(facts, s, lex)
    return [out[s] for s in sorted(out, key=_key)]


def _matches(claim: JSON, text: str) -> bool:
    key = claim["key"]
    words = [
        *key.get("about", []),
        key.get("measure") or "",
        key.get("counts") or "",
        key.get("proposition") or "",
    ]
    return any(text in w.lower() for w in words)


def _all_claims(parts: list[StoryReport]) -> list[JSON]:
    """The stories' claims one after another, numbered across them: quantity claims c1…, then
    assertion claims a<n+1>… (as one grouping of every story's facts numbers them)."""
    quantity = [c for p in parts for c in p.claims if c["kind"] == "quantity"]
    assertion = [c for p in parts for c in p.claims if c["kind"] != "quantity"]
    return [
        *({**c, "id": f"c{n}"} for n, c in enumerate(quantity, 1)),
        *({**c, "id": f"a{n}"} for n, c in enumerate(assertion, len(quantity) + 1)),
    ]


def claims_report(store: StoreProtocol, story: str | None = None, about: str | None = None) -> JSON:
    """``saidwhat/1-claims`` of one story or of all (each story grouped on its own); ``about``: only
    claims whose place, measure, counted thing or proposition contains it (case-insensitive; ids keep
    their numbers)."""
    parts = story_reports(store, story, "claims")
    report: JSON = {
        "schema": "saidwhat/1-claims",
        "story": story,
        "claims": _all_claims(parts) if story is None else [c for p in parts for c in p.claims],
        "articles": [a for p in parts for a in p.articles],
    }
    if about and about.strip():
        text = about.strip().lower()
        report["claims"] = [c for c in report["claims"] if _matches(c, text)]
        used = {v["article"] for c in report["claims"] for v in c["values"]}
        report["articles"] = [a for a in report["articles"] if a["id"] in used]
        report["about"] = about.strip()
    return report


def positions_report(store: StoreProtocol, story: str | None = None) -> JSON:
    """``saidwhat/1-positions`` of one story or of all (cells by story, actor, issue)."""
    parts = story_reports(store, story, "positions")
    return {
        "schema": "saidwhat/1-positions",
        "story": story,
        "cells": [c for p in parts for c in p.positions],
        "articles": [a for p in parts for a in p.articles],
    }


def promises_report(store: StoreProtocol, story: str | None = None, as_of: date | None = None) -> JSON:
    """``saidwhat/1-promises`` of one story or of all, in date order, with each status as of ``as_of``
    (default: the latest publication date of the articles)."""
    parts = story_reports(store, story, "promises")
    if as_of is None:
        days = [p.latest for p in parts if p.latest]
        as_of = date.fromisoformat(max(days)) if days else None
    lex = load_lexicon()
    proms = sorted(
        (x for p in parts for x in p.promises), key=lambda x: (x["said_on"] or "", x["article"], x["start"])
    )
    return {
        "schema": "saidwhat/1-promises",
        "story": story,
        "as_of": as_of.isoformat() if as_of else None,
        "promises": [{**x, "status": status(x["due"], as_of, lex)} for x in proms],
        "articles": [a for p in parts for a in p.articles],
    }


CLAIM_COLUMNS = (
    "claim", "kind", "measure", "about", "proposition", "index", "value", "low", "high", "qualifier",
    "text", "stance", "source", "via", "said_on", "published", "article", "statement", "start", "end",
    "updates", "contradicts",
)  # fmt: skip
POSITION_COLUMNS = (
    "actor", "entity", "issue", "stance", "first", "last", "story", "changes", "evidence",
)  # fmt: skip
PROMISE_COLUMNS = (
    "speaker", "entity", "act", "text", "said_on", "due", "due_text", "status", "story", "article",
    "statement", "followups",
)  # fmt: skip


def _via(v: JSON) -> str:
    return " > ".join(x["name"] for x in v.get("via", []))


def _value_notes(claim: JSON, i: int) -> tuple[str, str]:
    updates = "; ".join(f"{u['kind']} from {u['from']}" for u in claim["updates"] if u["to"] == i)
    contra = "; ".join(
        str(c["b"] if c["a"] == i else c["a"]) for c in claim["contradictions"] if i in (c["a"], c["b"])
    )
    return updates, contra


def claim_rows(report: JSON) -> list[dict[str, Scalar]]:
    """One CSV row per value of every claim."""
    rows: list[dict[str, Scalar]] = []
    for c in report["claims"]:
        key = c["key"]
        for i, v in enumerate(c["values"]):
            updates, contra = _value_notes(c, i)
            rows.append(
                {
                    "claim": c["id"],
                    "kind": c["kind"],
                    "measure": key.get("measure"),
                    "about": "; ".join(key.get("about", [])),
                    "proposition": key.get("proposition"),
                    "index": i,
                    **{k: v.get(k) for k in ("value", "low", "high", "qualifier", "text", "stance")},
                    "source": v["source"]["name"] if v.get("source") else None,
                    "via": _via(v),
                    **{k: v.get(k) for k in ("said_on", "published", "article", "statement", "start", "end")},
                    "updates": updates,
                    "contradicts": contra,
                }
            )
    return rows


def position_rows(report: JSON) -> list[dict[str, Scalar]]:
    """One CSV row per cell (actor × issue)."""
    return [
        {
            **{k: c.get(k) for k in ("actor", "entity", "issue", "stance", "first", "last", "story")},
            "changes": "; ".join(f"{x['on']}: {x['from']} -> {x['to']}" for x in c["changes"]),
            "evidence": "; ".join(f"{e['article']}#{e['statement'] or ''}" for e in c["evidence"]),
        }
        for c in report["cells"]
    ]


def promise_rows(report: JSON) -> list[dict[str, Scalar]]:
    """One CSV row per promise, prediction, threat or deadline."""
    return [
        {
            **{k: p.get(k) for k in PROMISE_COLUMNS if k != "followups"},
            "followups": "; ".join(f"{f['article']}#{f['statement'] or ''}" for f in p["followups"]),
        }
        for p in report["promises"]
    ]
