"""Benchmark the cross-article claims stages on the Timeline17 H1N1 articles.

    .venv/bin/python bench/claims.py [--analyze-only] [--cache DIR] [--limit N]

1. Analyses the H1N1 articles of ``../shared/timeline17/articles.jsonl`` (those not listed in
   ``doubtful_ids.txt``) with :func:`saidwhat.pipeline.analyze`, caching one ``saidwhat/1`` JSON per
   article under ``--cache`` (default ``/work/cache-claims/h1n1``, or ``$SAIDWHAT_CLAIMS_CACHE``) with
   the seconds the analysis took, so re-runs only score.
2. Runs the claims library (quantity claims, assertion claims, positions, promises) over all of
   them, timed.
3. Scores the gold values of ``bench/data/claims_gold.json`` (value, measure, source, date,
   article): a gold value is *found* when a claim value of the same article has the same number;
   it is *placed right* when that claim's measure key is the gold measure. Precision counts, over
   the predicted values of the gold's measures in the gold's articles, those that the gold lists;
   recall counts the gold values placed right. Cross-measure leaks (a gold value found in a claim
   of another measure) are counted separately and must be 0. Updates and contradictions are scored
   against the gold's ``updates`` / ``contradictions`` lists the same way.

Prints a table and writes ``bench/out/claims.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.ingest.base import SourceDoc  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402

SHARED = ROOT.parent / "shared"
T17 = SHARED / "timeline17"
CACHE = Path(os.environ.get("SAIDWHAT_CLAIMS_CACHE", "/work/cache-claims/h1n1"))


def safe_name(doc_id: str) -> str:
    return doc_id.replace("/", "__")


def load_articles(topic: str = "H1N1") -> list[dict[str, Any]]:
    doubtful = set()
    for line in (T17 / "doubtful_ids.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            doubtful.add(line)
    out = []
    with (T17 / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["topic"] == topic and d["id"] not in doubtful:
                out.append(d)
    return out


def analyse_to_cache(articles: list[dict[str, Any]], cache: Path) -> None:
    """Analyse every article not yet in the cache (one JSON per article, with its analysis time)."""
    from saidwhat.pipeline import analyze

    cache.mkdir(parents=True, exist_ok=True)
    todo = [a for a in articles if not (cache / f"{safe_name(a['id'])}.json").is_file()]
    print(f"analysing {len(todo)} of {len(articles)} articles into {cache}", file=sys.stderr)
    for a in todo:
        src = SourceDoc(
            source=f"timeline17:{a['id']}",
            text=a["text"],
            stem=safe_name(a["id"]),
            title=a.get("title"),
            published=a.get("published"),
            published_basis="metadata",
            format="jsonl",
        )
        t0 = time.perf_counter()
        an = next(analyze([src], batch_size=1))
        secs = time.perf_counter() - t0
        an.doc.id = a["id"]
        out = {"seconds": secs, "analysis": an.to_dict()}
        tmp = cache / f"{safe_name(a['id'])}.json.tmp"
        tmp.write_text(json.dumps(out), encoding="utf-8")
        tmp.rename(cache / f"{safe_name(a['id'])}.json")


def load_cache(articles: list[dict[str, Any]], cache: Path) -> tuple[list[Analysis], float]:
    analyses: list[Analysis] = []
    secs = 0.0
    for a in articles:
        p = cache / f"{safe_name(a['id'])}.json"
        if not p.is_file():
            continue
        d = json.loads(p.read_text(encoding="utf-8"))
        secs += float(d["seconds"])
        analyses.append(Analysis.from_dict(d["analysis"]))
    return analyses, secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--analyze-only", action="store_true", help="only fill the analysis cache")
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims.json")
    a = ap.parse_args()
    if not T17.is_dir():
        print(f"{T17} missing: nothing to benchmark", file=sys.stderr)
        return 2
    articles = load_articles()
    analyse_to_cache(articles, a.cache)
    if a.analyze_only:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
