"""Timeline17 articles and their cached saidwhat analyses, for bench/stories.py.

    .venv/bin/python bench/stories_corpus.py [--cache DIR] [--limit N]

analyses every article of ``../shared/timeline17/articles.jsonl`` that has no cached analysis yet
(one ``saidwhat/1`` JSON file per article under ``--cache``, the article's id as doc id) and records
the time spent per article in ``DIR/_timing.jsonl``. The benchmark calls :func:`load_analyses`,
which does the same for whatever is missing, so a fresh checkout works from scratch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.ingest.base import SourceDoc  # noqa: E402
from saidwhat.model import Analysis  # noqa: E402

SHARED = ROOT.parent / "shared"
T17 = SHARED / "timeline17"
DEFAULT_CACHE = ROOT / "bench" / "out" / "cache-stories"


@dataclass(slots=True)
class Article:
    id: str
    topic: str
    outlet: str
    published: str
    title: str
    text: str

    @property
    def folder(self) -> str:
        return self.id.split("/", 1)[0]


def load_articles(path: Path = T17 / "articles.jsonl") -> list[Article]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d: dict[str, Any] = json.loads(line)
                out.append(Article(d["id"], d["topic"], d["outlet"], d["published"], d["title"], d["text"]))
    return out


def load_doubtful(path: Path = T17 / "doubtful_ids.txt") -> set[str]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return out


def cache_file(cache: Path, art_id: str) -> Path:
    return cache / (art_id.replace("/", "__") + ".json")


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_doc(a: Article, source: str | None = None) -> SourceDoc:
    """The article as `saidwhat ingest` reads its JSONL line (title, published as metadata), under the
    source ``timeline17:<id>`` unless ``source`` is given."""
    return SourceDoc(
        source=source if source is not None else f"timeline17:{a.id}",
        text=a.text,
        stem=a.id.replace("/", "__"),
        title=a.title,
        published=a.published,
        published_basis="metadata",
        format="jsonl",
    )


def _cached(cache: Path, a: Article) -> Analysis | None:
    p = cache_file(cache, a.id)
    if not p.exists():
        return None
    d = json.loads(p.read_text(encoding="utf-8"))
    if d.get("_text_sha256") != _text_hash(a.text):
        return None
    return Analysis.from_dict(d)


def analyse_missing(articles: list[Article], cache: Path, log: bool = True) -> Iterator[tuple[str, float]]:
    """Analyse the articles without a valid cached analysis; yields (id, seconds) per article."""
    from saidwhat.pipeline import analyze

    cache.mkdir(parents=True, exist_ok=True)
    todo = [a for a in articles if _cached(cache, a) is None]
    if not todo:
        return
    by_id = {a.id: a for a in todo}
    srcs = [source_doc(a) for a in todo]
    t0 = time.perf_counter()
    done = 0
    with (cache / "_timing.jsonl").open("a", encoding="utf-8") as timing:
        for an in analyze(srcs):
            art_id = an.doc.source.removeprefix("timeline17:")
            an.doc.id = art_id
            d = an.to_dict()
            d["_text_sha256"] = _text_hash(by_id[art_id].text)
            cache_file(cache, art_id).write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
            t1 = time.perf_counter()
            # analyze() works in batches: spread the wall time evenly over what is yielded
            dt = t1 - t0
            t0 = t1
            timing.write(json.dumps({"id": art_id, "chars": len(an.doc.text), "seconds": dt}) + "\n")
            done += 1
            if log and done % 50 == 0:
                print(f"  analysed {done}/{len(todo)}", file=sys.stderr, flush=True)
            yield art_id, dt


def load_analyses(articles: list[Article], cache: Path) -> dict[str, Analysis]:
    """Every article's analysis, from the cache, analysing what is missing first."""
    for _ in analyse_missing(articles, cache):
        pass
    out = {}
    for a in articles:
        an = _cached(cache, a)
        if an is None:
            raise RuntimeError(f"analysis of {a.id} missing after analysing")
        out[a.id] = an
    return out


def analysis_seconds(cache: Path) -> dict[str, float]:
    """Recorded analysis seconds per article id (the last record wins)."""
    out: dict[str, float] = {}
    p = cache / "_timing.jsonl"
    if p.exists():
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out[d["id"]] = float(d["seconds"])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    arts = load_articles()
    if a.limit:
        arts = arts[: a.limit]
    n = sum(1 for _ in analyse_missing(arts, a.cache))
    print(f"analysed {n} articles into {a.cache}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
