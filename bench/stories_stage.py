"""Time ingest with and without the stories corpus stage, through the real ingest service (issue 17).

    .venv/bin/python bench/stories_stage.py [--n 24] [--seed 17]

``--n`` Timeline17 articles (a random sample, kept in time order) are ingested twice into fresh
stores by :func:`saidwhat.ingest.service.store_sources`: once with no corpus stage, once with the
stories stage alone. Both runs analyse every article, so the difference is the stage plus noise;
the stage's own time (its ``on_added`` calls) is measured inside the second run and is the number to
trust on a shared machine. Writes bench/out/stories_stage.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories_corpus import T17, load_articles, source_doc  # noqa: E402

from saidwhat.corpus import CorpusRegistry  # noqa: E402
from saidwhat.corpus.stories import StoriesStage  # noqa: E402
from saidwhat.ingest.base import SourceDoc  # noqa: E402
from saidwhat.ingest.service import store_sources  # noqa: E402
from saidwhat.settings import Settings  # noqa: E402
from saidwhat.store import StoreProtocol, open_store  # noqa: E402


class TimedStories(StoriesStage):
    """The stories stage, adding up the time of its ``on_added`` calls."""

    seconds: float = 0.0

    def on_added(self, store: StoreProtocol, doc_ids: Any) -> None:
        t = time.process_time()
        super().on_added(store, doc_ids)
        TimedStories.seconds += time.process_time() - t


def sources(n: int, seed: int) -> list[SourceDoc]:
    arts = load_articles()
    picked = sorted(random.Random(seed).sample(arts, n), key=lambda a: (a.published, a.id))
    return [source_doc(a, source=a.id) for a in picked]


def run(docs: list[SourceDoc], registry: CorpusRegistry, db: Path) -> float:
    settings = Settings()
    with open_store(db) as store:
        registry.prepare(store)
        t = time.process_time()
        store_sources(store, docs, settings, stages=registry)
        return time.process_time() - t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    if not (T17 / "articles.jsonl").is_file():
        print(f"{T17} is missing: nothing to time", file=sys.stderr)
        return 1
    docs = sources(args.n, args.seed)
    with_stage = CorpusRegistry([])
    with_stage.register(TimedStories())
    with tempfile.TemporaryDirectory() as tmp:
        run(docs[:2], CorpusRegistry([]), Path(tmp) / "warm.db")  # load the models once
        without = run(docs, CorpusRegistry([]), Path(tmp) / "without.db")
        TimedStories.seconds = 0.0
        with_ = run(docs, with_stage, Path(tmp) / "with.db")
    stage = TimedStories.seconds
    per = 1000 / len(docs)
    result = {
        "articles": len(docs),
        "ingest_cpu_s_without_stage": round(without, 3),
        "ingest_cpu_s_with_stage": round(with_, 3),
        "difference_pct": round(100 * (with_ - without) / without, 2),
        "stage_cpu_ms_per_article": round(stage * per, 2),
        "stage_pct_of_ingest_without": round(100 * stage / without, 2),
    }
    print(f"{'articles':<34}{len(docs):>10}")
    print(f"{'ingest CPU ms/article, no stage':<34}{without * per:>10.1f}")
    print(
        f"{'ingest CPU ms/article, stories':<34}{with_ * per:>10.1f}   "
        f"({result['difference_pct']:+.1f} %, noisy)"
    )
    print(
        f"{'stories stage CPU ms/article':<34}{stage * per:>10.2f}   "
        f"({result['stage_pct_of_ingest_without']:.2f} % of ingest)"
    )
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "stories_stage.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
