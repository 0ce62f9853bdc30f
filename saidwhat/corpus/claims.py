"""The claims corpus stage: each stored article's claim facts, kept as JSON in ``claim_facts``.

:func:`saidwhat.claims.article_facts` depends on one article and its story only, so the stage keeps
one row per current article (``saidwhat/1-claim-facts`` JSON) and the cross-article grouping
(:func:`saidwhat.claims.build_claims` & co.) runs when a reader asks (CLI, web), over the rows of one
story or of all. ``on_added`` brings the table in line with the store: facts of the documents just
stored, of any current article still without a row (a store ingested before this stage existed),
rows of superseded versions dropped, and facts recomputed for an article whose story changed;
``rebuild`` recomputes every row. Both give the same table for the same stored articles.

The story of an article comes from the stage's ``story_of(store, doc_id)`` lookup, by default
:func:`no_story` (``None`` for every article) until a stories stage exists; that stage is then
registered first and its lookup passed to :class:`ClaimsStage`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from saidwhat.claims import (
    article_facts,
    build_claims,
    build_positions_report,
    build_promises_report,
    facts_to_dict,
)
from saidwhat.claims.lexicon import ClaimsLexicon, load_lexicon
from saidwhat.store.migrations import Migration
from saidwhat.store.protocol import StoreProtocol

StoryOf = Callable[[StoreProtocol, str], str | None]

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
)


def no_story(store: StoreProtocol, doc_id: str) -> str | None:
    """The story lookup until a stories stage exists: no article has a story."""
    return None


@dataclass(slots=True)
class ClaimsStage:
    """Claim facts of every current article (see the module docstring)."""

    story_of: StoryOf = no_story
    needs: tuple[str, ...] = ()
    lexicon: ClaimsLexicon | None = None
    name: str = "claims"
    migrations: tuple[Migration, ...] = field(default=MIGRATIONS)

    def _rows(
        self, store: StoreProtocol, doc_ids: Iterable[str]
    ) -> list[tuple[str, str, str | None, str | None, str]]:
        lex = self.lexicon or load_lexicon()
        rows = []
        for doc_id in doc_ids:
            story = self.story_of(store, doc_id)
            facts = article_facts(store.get(doc_id), story, lex)
            text = json.dumps(facts_to_dict(facts), ensure_ascii=False, sort_keys=True)
            rows.append((doc_id, facts.article.source, story, facts.article.published, text))
        return rows

    def _write(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None:
        for i in range(0, len(doc_ids), CHUNK):
            rows = self._rows(store, doc_ids[i : i + CHUNK])
            with store.transaction() as conn:
                conn.executemany(
                    "INSERT INTO claim_facts VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET "
                    "source = excluded.source, story = excluded.story, published = excluded.published, "
                    "facts = excluded.facts",
                    rows,
                )

    def on_added(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None:
        current = store.document_ids()
        with store.snapshot() as conn:
            stored = {d: s for d, s in conn.execute("SELECT doc_id, story FROM claim_facts")}
        live = set(current)
        stale = [d for d in stored if d not in live]
        if stale:
            with store.transaction() as conn:
                conn.executemany("DELETE FROM claim_facts WHERE doc_id = ?", [(d,) for d in stale])
        added = [d for d in dict.fromkeys(doc_ids) if d in live]
        todo = set(added)
        # articles without facts yet, or whose story has changed since their facts were computed
        missing = [
            d for d in current if d not in todo and (d not in stored or stored[d] != self.story_of(store, d))
        ]
        self._write(store, [*added, *missing])

    def rebuild(self, store: StoreProtocol) -> None:
        with store.transaction() as conn:
            conn.execute("DELETE FROM claim_facts")
        self._write(store, store.document_ids())


# -- the reports readers ask for (CLI and web): build_* over the stored facts --------------------------

JSON = dict[str, Any]
Scalar = str | int | float | bool | None


def _matches(claim: JSON, text: str) -> bool:
    key = claim["key"]
    words = [
        *key.get("about", []),
        key.get("measure") or "",
        key.get("counts") or "",
        key.get("proposition") or "",
    ]
    return any(text in w.lower() for w in words)


def claims_report(store: StoreProtocol, story: str | None = None, about: str | None = None) -> JSON:
    """``saidwhat/1-claims`` over the stored facts; ``about``: only claims whose place, measure, counted
    thing or proposition contains it (case-insensitive; ids keep their numbers)."""
    report = build_claims(store.claim_facts(story), story=story)
    if about and about.strip():
        text = about.strip().lower()
        report["claims"] = [c for c in report["claims"] if _matches(c, text)]
        used = {v["article"] for c in report["claims"] for v in c["values"]}
        report["articles"] = [a for a in report["articles"] if a["id"] in used]
        report["about"] = about.strip()
    return report


def positions_report(store: StoreProtocol, story: str | None = None) -> JSON:
    return build_positions_report(store.claim_facts(story), story=story)


def promises_report(store: StoreProtocol, story: str | None = None, as_of: date | None = None) -> JSON:
    return build_promises_report(store.claim_facts(story), as_of=as_of, story=story)


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
