"""Cross-document entities: pairwise merge precision and recall of the store's registry on Timeline17.

    .venv/bin/python bench/entities.py [--analyses FILE] [--errors N] [--compare REPO]

Analyses every article of ``../shared/timeline17/articles.jsonl`` (1,170 articles; H1N1, Michael
Jackson, Haiti, Iraq war) with ``saidwhat analyze`` once and caches the ``saidwhat/1`` lines in
``--analyses`` (default ``$SAIDWHAT_BENCH_CACHE/timeline17.jsonl``, else
``bench/out/cache/timeline17.jsonl``; delete it to re-analyse). Then stores them, in file order
(publication date), into a fresh SQLite store and scores the registry against the hand-written gold
``bench/data/entity_clusters.json``:

* every stored per-document entity whose name is a gold surface form (compared normalised, as the
  registry does) is an item of that gold cluster; a form listed by two clusters is resolved by the
  entity's type family, else the item is left out;
* pairwise: precision = item pairs in one registry entity that are in one gold cluster / item pairs in
  one registry entity; recall = item pairs in one gold cluster that are in one registry entity / item
  pairs in one gold cluster; B-cubed P/R too (per item, less dominated by the big clusters);
* hard negatives (``not`` in the gold): clusters that must never share a registry entity.

``--compare REPO`` runs the same scoring with the registry of another checkout (e.g. ``/work/main``)
on the same analyses and prints both rows. Also prints the store time per article for each tenth of
the articles (the registry's per-article cost must not grow with the store). Writes
``bench/out/entities.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = SHARED / "timeline17" / "articles.jsonl"
GOLD = ROOT / "bench" / "data" / "entity_clusters.json"
OUT = ROOT / "bench" / "out" / "entities.json"

_FAMILIES = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "org",
    "OUTLET": "org",
    "ORGANIZATION": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


def default_cache() -> Path:
    base = os.environ.get("SAIDWHAT_BENCH_CACHE")
    return (Path(base) if base else ROOT / "bench" / "out" / "cache") / "timeline17.jsonl"


def analyse(articles: Path, cache: Path) -> None:
    """Run ``saidwhat analyze`` on the articles (one JSON line per article, in order) into ``cache``."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(".partial")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    print(f"analysing {articles} into {cache} (several minutes) ...", file=sys.stderr)
    with tmp.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, "-m", "saidwhat", "analyze", str(articles)], stdout=fh, env=env, check=True
        )
    tmp.replace(cache)


def family(etype: str) -> str:
    return _FAMILIES.get(etype.upper(), etype.lower())


def load_gold(
    path: Path, normalise: Any, nicknames: bool = False
) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    clusters: list[dict[str, Any]] = data["clusters"]
    by_form: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for form in [*c["forms"], *(c.get("nicknames", []) if nicknames else [])]:
            by_form[normalise(form)].append(i)
    return clusters, by_form


def build_store(analyses: Path, db: Path) -> tuple[list[float], int]:
    """Store every analysis in order; returns seconds per article and the number of documents."""
    from saidwhat.model import Analysis
    from saidwhat.store import Store

    times: list[float] = []
    with Store(db, aliases=None) as store, analyses.open(encoding="utf-8") as fh:
        for line in fh:
            a = Analysis.from_dict(json.loads(line))
            t0 = time.perf_counter()
            store.add(a)
            times.append(time.perf_counter() - t0)
    return times, len(times)


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def score(db: Path, gold: Path, errors: int, nicknames: bool = False) -> dict[str, Any]:
    import sqlite3

    from saidwhat.store.registry import normalise

    clusters, by_form = load_gold(gold, normalise, nicknames)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT e.name, e.type, e.gid, d.source FROM entities e JOIN documents d ON d.pk = e.doc "
        "WHERE e.latest = 1 ORDER BY e.pk"
    ).fetchall()
    names = dict(conn.execute("SELECT gid, name FROM registry_entities").fetchall())
    items: list[tuple[int, int | None, str, str]] = []  # (cluster, gid, name, source)
    unresolved = 0
    for name, etype, gid, source in rows:
        cands = [i for i in by_form.get(normalise(name), []) if etype in clusters[i].get("types", [etype])]
        if len(cands) > 1:
            cands = [i for i in cands if family(clusters[i]["type"]) == family(etype)]
        if len(cands) == 1:
            items.append((cands[0], gid, name, source))
        elif cands:
            unresolved += 1
    # a refused (None) gid is a singleton
    keyed = [(c, g if g is not None else f"none{k}") for k, (c, g, _, _) in enumerate(items)]
    n_cg = Counter(keyed)
    n_c = Counter(c for c, _ in keyed)
    n_g = Counter(g for _, g in keyed)
    tp = sum(pairs(n) for n in n_cg.values())
    pred = sum(pairs(n) for n in n_g.values())
    gold_pairs = sum(pairs(n) for n in n_c.values())
    b3p = sum(n_cg[k] / n_g[k[1]] for k in keyed) / len(keyed) if keyed else 0.0
    b3r = sum(n_cg[k] / n_c[k[0]] for k in keyed) / len(keyed) if keyed else 0.0
    # hard negatives: clusters (by id) that must never share a registry entity
    ids = {c["id"]: i for i, c in enumerate(clusters)}
    gids_of: dict[int, set[Any]] = defaultdict(set)
    for c, g in keyed:
        gids_of[c].add(g)
    negatives = sorted({tuple(sorted((i, ids[o]))) for i, c in enumerate(clusters) for o in c.get("not", [])})
    violations = []
    for i, j in negatives:
        shared = gids_of[i] & gids_of[j]
        if shared:
            violations.append(
                (clusters[i]["id"], clusters[j]["id"], sorted(names.get(g, str(g)) for g in shared))
            )
    covered = sum(1 for c in range(len(clusters)) if n_c[c])
    result: dict[str, Any] = {
        "items": len(keyed),
        "clusters": len(clusters),
        "clusters_found": covered,
        "ambiguous_items_skipped": unresolved,
        "pairs_gold": gold_pairs,
        "pairs_predicted": pred,
        "pairs_correct": tp,
        "precision": tp / pred if pred else 1.0,
        "recall": tp / gold_pairs if gold_pairs else 1.0,
        "b3_precision": b3p,
        "b3_recall": b3r,
        "hard_negative_violations": [{"cluster": a, "not": b, "entities": e} for a, b, e in violations],
    }
    if errors:
        result["errors"] = explain(clusters, items, names, errors)
    result["registry_entities"] = conn.execute("SELECT COUNT(*) FROM registry_entities").fetchone()[0]
    result["top_speakers"] = [
        n
        for (n,) in conn.execute(
            "SELECT name FROM registry_entities ORDER BY n_statements DESC, gid LIMIT 15"
        )
    ]
    result["top_relays"] = [
        n for (n,) in conn.execute("SELECT name FROM registry_entities ORDER BY n_relayed DESC, gid LIMIT 10")
    ]
    conn.close()
    return result


def explain(
    clusters: list[dict[str, Any]],
    items: list[tuple[int, int | None, str, str]],
    names: dict[int, str],
    n: int,
) -> dict[str, Any]:
    """The largest split clusters (gold cluster → its registry entities) and mixed registry entities."""
    by_cluster: dict[int, Counter[tuple[Any, str]]] = defaultdict(Counter)
    by_gid: dict[Any, Counter[int]] = defaultdict(Counter)
    for c, g, name, _ in items:
        by_cluster[c][(g, name)] += 1
        if g is not None:
            by_gid[g][c] += 1
    split = []
    for c, cnt in by_cluster.items():
        gids = Counter[Any]()
        for (g, _), k in cnt.items():
            gids[g] += k
        if len(gids) > 1:
            main = gids.most_common(1)[0][0]
            missed = sum(k for g, k in gids.items() if g != main)
            away = sorted({nm for (g, nm) in cnt if g != main})
            split.append((missed, clusters[c]["id"], names.get(main, str(main)), away))
    split.sort(key=lambda s: (-s[0], s[1]))
    mixed = []
    for g, per_cluster in by_gid.items():
        if len(per_cluster) > 1:
            mixed.append((names.get(g, str(g)), sorted(clusters[c]["id"] for c in per_cluster)))
    return {
        "split": [{"cluster": c, "missed_items": m, "main": mn, "elsewhere": a} for m, c, mn, a in split[:n]],
        "mixed": [{"entity": e, "clusters": cs} for e, cs in sorted(mixed)[:n]],
    }


def tenths(times: list[float]) -> list[float]:
    """Median store time (ms) per article in each tenth of the run, in order."""
    out = []
    k = max(1, len(times) // 10)
    for i in range(0, len(times) - k + 1, k):
        chunk = sorted(times[i : i + k])
        out.append(round(1000 * chunk[len(chunk) // 2], 2))
    return out[:10]


def assignment(db: Path) -> list[tuple[Any, ...]]:
    """Every stored entity with the canonical name of its registry entity, in storage order."""
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT e.pk, e.name, r.name FROM entities e LEFT JOIN registry_entities r ON r.gid = e.gid "
        "ORDER BY e.pk"
    ).fetchall()
    conn.close()
    return rows


def run(analyses: Path, gold: Path, errors: int, twice: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "t17.db"
        times, n = build_store(analyses, db)
        result = score(db, gold, errors)
        nick = score(db, gold, 0, nicknames=True)
        if twice:  # determinism: a second store built in the same order has the same registry
            build_store(analyses, Path(tmp) / "again.db")
            result["same_registry_when_rebuilt"] = assignment(db) == assignment(Path(tmp) / "again.db")
    result["with_nicknames"] = {
        k: nick[k] for k in ("items", "precision", "recall", "b3_precision", "b3_recall")
    }
    result["documents"] = n
    result["store_ms_per_article_by_tenth"] = tenths(times)
    result["store_seconds"] = round(sum(times), 2)
    return result


def row(label: str, r: dict[str, Any]) -> str:
    return (
        f"{label:<10} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['b3_precision']:>8.3f}"
        f" {r['b3_recall']:>7.3f} {r['items']:>6} {r['clusters_found']:>4}/{r['clusters']:<4}"
        f" {len(r['hard_negative_violations']):>5} {r['registry_entities']:>8}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=ARTICLES)
    ap.add_argument("--analyses", type=Path, default=None, help="cached saidwhat/1 JSONL of the articles")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", type=int, default=0, help="list this many split clusters and mixed entities")
    ap.add_argument("--compare", type=Path, default=None, help="another checkout whose registry to score too")
    ap.add_argument(
        "--twice", action="store_true", help="build the store twice and check both registries agree"
    )
    ap.add_argument("--json-only", action="store_true", help=argparse.SUPPRESS)  # used by --compare
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    analyses = a.analyses or default_cache()
    if not analyses.exists():
        if not a.articles.exists():
            print(f"{a.articles} missing: nothing to benchmark (needs ../shared/timeline17)", file=sys.stderr)
            return 2
        analyse(a.articles, analyses)
    if a.json_only:
        json.dump(run(analyses, a.gold, a.errors), sys.stdout)
        return 0
    sys.path.insert(0, str(ROOT))
    result = run(analyses, a.gold, a.errors, a.twice)
    out: dict[str, Any] = {"analyses": str(analyses), "gold": str(a.gold), "registry": result}
    rows = [row("this", result)]
    if a.compare is not None:
        env = {**os.environ, "PYTHONPATH": str(a.compare)}
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--json-only",
            "--analyses",
            str(analyses),
            "--gold",
            str(a.gold),
            "--errors",
            str(a.errors),
        ]
        # the other checkout's registry: this script, run with its package first on the path
        before = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
        out["compare"] = {"repo": str(a.compare), "registry": before}
        rows.insert(0, row("compare", before))
    print(
        f"{'registry':<10} {'pair P':>9} {'pair R':>7} {'B3 P':>8} {'B3 R':>7} {'items':>6} {'clusters':>9}"
        f" {'neg!':>5} {'entities':>8}"
    )
    for r in rows:
        print(r)
    wn = result["with_nicknames"]
    print(
        f"with the nicknames of the gold (not covered by the rules): pair P {wn['precision']:.3f}"
        f" R {wn['recall']:.3f}, B3 P {wn['b3_precision']:.3f} R {wn['b3_recall']:.3f}"
    )
    print(
        f"store time per article (median ms, by tenth of {result['documents']} articles): "
        f"{result['store_ms_per_article_by_tenth']}"
    )
    if "same_registry_when_rebuilt" in result:
        print(
            "same registry when the store is built again in the same order:",
            result["same_registry_when_rebuilt"],
        )
    print("top speakers:", ", ".join(result["top_speakers"]))
    print("top relays:", ", ".join(result["top_relays"]))
    for v in result["hard_negative_violations"]:
        print(f"hard negative joined: {v['cluster']} + {v['not']} in {v['entities']}")
    if a.errors:
        for s in result["errors"]["split"]:
            print(
                f"split  {s['cluster']:<28} -{s['missed_items']:<4} main={s['main']!r}"
                f" elsewhere={s['elsewhere']}"
            )
        for m in result["errors"]["mixed"]:
            print(f"mixed  {m['entity']!r}: {m['clusters']}")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
