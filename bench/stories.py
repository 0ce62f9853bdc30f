"""Benchmark story clustering and story timelines on Timeline17 (issue 17).

    .venv/bin/python bench/stories.py [--cache DIR] [--scale 50000] [--time-sample 40] [--cached-only]

1. clustering: every article of ``../shared/timeline17`` (all are dev), in time order, through one
   :class:`StoryClusterer`; scored against ``topic`` with ``tools/score_stories.py`` (B-cubed, ARI;
   doubtful ids excluded). The same again with the topics' dates shifted so that all four start on
   the same day (topics that overlap in time), and a sensitivity grid over the settings.
2. timelines: per timeline folder, its articles → :func:`timeline_doc` with ``top`` = reference
   dates → date F1 (scorer), with the one-signal rankings as baselines.
3. cost: analysis time per article against the story stage (features + clustering), re-measured on
   a sample under the same load; and per-article clustering cost on a synthetic stream up to
   ``--scale`` stored articles.

Analyses are cached as ``saidwhat/1`` files under ``--cache`` (default bench/out/cache-stories;
what is missing is analysed first, so a fresh checkout works). Writes bench/out/stories.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import asdict, replace
from datetime import date, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stories_corpus import (  # noqa: E402
    DEFAULT_CACHE,
    T17,
    Article,
    analysis_seconds,
    cache_file,
    load_analyses,
    load_articles,
    load_doubtful,
)

from saidwhat.model import Analysis  # noqa: E402
from saidwhat.stories import (  # noqa: E402
    ArticleFeatures,
    ClusterParams,
    StoryClusterer,
    TimelineParams,
    default_params,
    default_timeline_params,
    features_of,
    stories_doc,
    timeline_doc,
)

SCORER_PATH = ROOT.parent / "shared" / "tools" / "score_stories.py"
OUT = ROOT / "bench" / "out"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_stories", SCORER_PATH)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {SCORER_PATH}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ----------------------------------------------------------------------------- clustering


def shift_day(day: str | None, delta: int) -> str | None:
    if day is None:
        return None
    return (date.fromisoformat(day) + timedelta(days=delta)).isoformat()


def overlapped(arts: list[Article], feats: dict[str, ArticleFeatures]) -> list[ArticleFeatures]:
    """The stream with every topic's dates shifted so that all topics start on the same day."""
    first: dict[str, str] = {}
    for a in arts:
        first[a.topic] = min(first.get(a.topic, a.published), a.published)
    base = date.fromisoformat(max(first.values()))
    out = []
    for a in arts:
        delta = (base - date.fromisoformat(first[a.topic])).days
        f = feats[a.id]
        out.append(replace(f, published=shift_day(f.published, delta)))
    out.sort(key=lambda f: (f.published or "", f.id))
    return out


def run_clusters(
    stream: list[ArticleFeatures], params: ClusterParams
) -> tuple[dict[str, str], float, StoryClusterer]:
    c = StoryClusterer(params)
    t0 = time.perf_counter()
    pred = c.add_all(stream)
    return pred, time.perf_counter() - t0, c


def score_clusters(
    sc: ModuleType, gold: dict[str, str], pred: dict[str, str], excl: set[str]
) -> dict[str, Any]:
    res: dict[str, Any] = sc.score_clusters(gold, pred, excl)
    return res


def sensitivity(
    sc: ModuleType,
    gold: dict[str, str],
    excl: set[str],
    natural: list[ArticleFeatures],
    shifted: list[ArticleFeatures],
    base: ClusterParams,
) -> list[dict[str, Any]]:
    rows = []
    grid: list[dict[str, Any]] = [{"threshold": t} for t in (0.07, 0.08, 0.1, 0.12, 0.15)]
    grid += [{"threshold_floor": t} for t in (0.04, 0.05, 0.07, 0.08)]
    grid += [{"cohesion_sd": k} for k in (1.0, 2.0, 2.5, 4.0)]
    grid += [{"cohesion_min_size": 0}, {"prior_docs": 0}, {"prior_docs": 1000}, {"prior_docs": 20000}]
    grid += [{"text_weight": w} for w in (0.0, 0.3, 0.7, 1.0)]
    grid += [{"gap_scale_days": g} for g in (30.0, 60.0, 180.0)]
    grid += [{"horizon_days": h} for h in (60, 120, 365)]
    for change in grid:
        p = replace(base, **change)
        row: dict[str, Any] = {"change": change}
        for name, stream in (("natural", natural), ("overlap", shifted)):
            pred, _, _ = run_clusters(stream, p)
            r = score_clusters(sc, gold, pred, excl)
            row[name] = {"b3_f1": r["b3_f1"], "ari": r["ari"], "stories": r["pred_stories"]}
        rows.append(row)
    return rows


def null_similarities(stream: list[ArticleFeatures], params: ClusterParams) -> dict[str, Any]:
    """Similarities of articles to stories closed more than a year before them: pairs that cannot
    be one story by the horizon rule, found without labels (the null the thresholds come from).
    The stories are those of the plain threshold (no cohesion bar), so that the null does not
    depend on the bars it sets."""
    from saidwhat.stories.cluster import _ordinal

    c = StoryClusterer(replace(params, cohesion_min_size=0))
    c.closed = []
    sims: list[float] = []
    for f in stream:
        c.add(f)
        day = _ordinal(f.published)
        if day is None:
            continue
        tv, ev = c.vectors(f)
        for s in c.closed:
            if s.size >= 2 and day - s.last > 365:
                sims.append(c.similarity(tv, ev, s))
    sims.sort()
    if not sims:
        return {"pairs": 0, "p50": 0.0, "p90": 0.0, "p95": 0.0, "p99": 0.0}

    def q(p: float) -> float:
        return round(sims[int(p * (len(sims) - 1))], 4)

    return {"pairs": len(sims), "p50": q(0.5), "p90": q(0.9), "p95": q(0.95), "p99": q(0.99)}


# ----------------------------------------------------------------------------- timelines


def run_timelines(
    sc: ModuleType, arts: list[Article], feats: dict[str, ArticleFeatures], tparams: TimelineParams
) -> list[dict[str, Any]]:
    by_folder: dict[str, list[ArticleFeatures]] = defaultdict(list)
    for a in arts:
        by_folder[a.folder].append(feats[a.id])
    variants = {
        "combined": tparams,
        "published only": replace(tparams, mention_weight=0.0, days_weight=0.0),
        "mentions only": replace(tparams, pub_weight=0.0, days_weight=0.0),
        "mention days only": replace(tparams, pub_weight=0.0, mention_weight=0.0),
    }
    rows = []
    for path in sorted((T17 / "timelines").glob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        k = len({d["date"] for d in ref["dates"]})
        row: dict[str, Any] = {"folder": path.stem, "k": k, "articles": len(by_folder[path.stem])}
        for name, tp in variants.items():
            doc = timeline_doc(by_folder[path.stem], story=None, top=k, params=tp)
            pred = [{"date": d["date"], "text": [e["text"] for e in d["entries"]]} for d in doc["dates"]]
            res = sc.score_timeline(ref["dates"], pred, k)
            row[name] = {
                "date_f1": res["date_f1"],
                "matched": res["matched"],
                "rouge1_matched_f1": res.get("concat_rouge1_matched", {}).get("f1"),
            }
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- cost


def time_sample(arts: list[Article], analyses: dict[str, Analysis], n: int, seed: int = 17) -> dict[str, Any]:
    """Re-analyse ``n`` articles and time the story stage on the same ones, under the same load."""
    from stories_corpus import source_doc

    from saidwhat.pipeline import analyze

    rnd = random.Random(seed)
    sample = sorted(rnd.sample(arts, min(n, len(arts))), key=lambda a: (a.published, a.id))
    t0 = time.perf_counter()
    for _ in analyze([source_doc(a) for a in sample]):
        pass
    t_an = time.perf_counter() - t0
    c = StoryClusterer()
    t0 = time.perf_counter()
    for a in sample:
        c.add(features_of(analyses[a.id], a.id))
    t_st = time.perf_counter() - t0
    chars = sum(len(a.text) for a in sample)
    return {
        "articles": len(sample),
        "chars": chars,
        "analysis_ms_per_article": 1000 * t_an / len(sample),
        "story_ms_per_article": 1000 * t_st / len(sample),
        "story_share": t_st / (t_an + t_st),
    }


def synthetic_stream(n: int, seed: int = 7, per_day: int = 100) -> list[ArticleFeatures]:
    """``n`` articles, ``per_day`` a day, from stories that live 3-60 days, each with its own words
    and actors drawn over a Zipfian background vocabulary."""
    rnd = random.Random(seed)
    vocab = [f"w{i}" for i in range(30000)]
    zipf = [1.0 / (i + 1) for i in range(len(vocab))]
    actors = [f"Actor {i}" for i in range(5000)]
    start = date(2020, 1, 1)
    live: list[tuple[int, list[str], list[str]]] = []  # (end day, words, actors)
    out = []
    for i in range(n):
        day = i // per_day
        live = [s for s in live if s[0] >= day]
        if not live or rnd.random() < 0.08:
            live.append((day + rnd.randint(3, 60), rnd.sample(vocab[200:], 40), rnd.sample(actors, 6)))
        _, words, acts = live[rnd.randrange(len(live))]
        terms: dict[str, int] = defaultdict(int)
        for w in rnd.choices(vocab, weights=zipf, k=150):
            terms[w] += 1
        for w in rnd.sample(words, 20):
            terms[w] += rnd.randint(1, 4)
        ents = {a: rnd.randint(1, 5) for a in rnd.sample(acts, 4)}
        out.append(
            ArticleFeatures(
                id=f"syn{i}",
                published=(start + timedelta(days=day)).isoformat(),
                terms=dict(terms),
                entities=ents,
            )
        )
    return out


def scale_curve(n: int, params: ClusterParams) -> list[dict[str, Any]]:
    stream = synthetic_stream(n)
    c = StoryClusterer(params)
    marks = sorted({m for m in (1000, 2000, 5000, 10000, 20000, 30000, 40000, 50000, n) if m <= n})
    rows = []
    done = 0
    window = 1000
    for m in marks:
        # fill up to m - window untimed, then time the next `window` articles
        while done < m - window:
            c.add(stream[done])
            done += 1
        # CPU time of this process: the machine is shared, wall time would measure the neighbours
        t0 = time.process_time()
        cands = 0
        k0 = done
        while done < m:
            c.add(stream[done])
            cands += c.last_decision.candidates if c.last_decision else 0
            done += 1
        dt = time.process_time() - t0
        rows.append(
            {
                "stored": m,
                "us_per_article": round(1e6 * dt / max(1, done - k0), 1),
                "candidates_per_article": round(cands / max(1, done - k0), 2),
                "open_stories": len(c.stories),
                "vocabulary": len(c.df),
            }
        )
    return rows


# ----------------------------------------------------------------------------- main


def print_curve(n: int, curve: list[dict[str, Any]]) -> None:
    print(
        f"  synthetic stream, {n} articles at 100 a day: clustering CPU time per article (the 1,000 "
        "articles up to each mark) as the store grows"
    )
    print(f"  {'stored':>8} {'us/article':>11} {'candidates':>11} {'open stories':>13} {'vocabulary':>11}")
    for r in curve:
        print(
            f"  {r['stored']:>8} {r['us_per_article']:>11.1f} {r['candidates_per_article']:>11.2f}"
            f" {r['open_stories']:>13} {r['vocabulary']:>11}"
        )


def fmt_cluster(name: str, r: dict[str, Any]) -> str:
    return (
        f"{name:<28} {r['b3_precision']:.4f} {r['b3_recall']:.4f} {r['b3_f1']:.4f} {r['ari']:.4f} "
        f"{r['pred_stories']:>6}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--cached-only", action="store_true", help="use only the articles already analysed")
    ap.add_argument("--scale", type=int, default=50000, help="synthetic stream length (0: skip)")
    ap.add_argument("--time-sample", type=int, default=40, help="articles re-analysed for the cost ratio")
    ap.add_argument("--no-grid", action="store_true", help="skip the sensitivity grid")
    ap.add_argument("--scale-only", action="store_true", help="only the synthetic cost curve")
    ap.add_argument("--out", type=Path, default=OUT / "stories.json")
    a = ap.parse_args()
    if not T17.is_dir():
        print(f"{T17} missing: nothing to benchmark", file=sys.stderr)
        return 2
    if a.scale_only:
        curve = scale_curve(a.scale, default_params())
        print_curve(a.scale, curve)
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps({"scale": curve}, indent=1) + "\n", encoding="utf-8")
        return 0
    sc = scorer()
    arts = load_articles()
    if a.cached_only:
        arts = [x for x in arts if cache_file(a.cache, x.id).exists()]
    analyses = load_analyses(arts, a.cache)
    t0 = time.perf_counter()
    feats = {x.id: features_of(analyses[x.id], x.id) for x in arts}
    t_feat = time.perf_counter() - t0
    excl = load_doubtful()
    gold = {x.id: x.topic for x in arts}
    params, tparams = default_params(), default_timeline_params()
    result: dict[str, Any] = {
        "articles": len(arts),
        "params": asdict(params),
        "timeline_params": asdict(tparams),
    }

    # 1. clustering
    natural = [feats[x.id] for x in sorted(arts, key=lambda x: (x.published, x.id))]
    shifted = overlapped(arts, feats)
    pred, t_clu, clu = run_clusters(natural, params)
    res_nat = score_clusters(sc, gold, pred, excl)
    pred_o, _, _ = run_clusters(shifted, params)
    res_ovl = score_clusters(sc, gold, pred_o, excl)
    result["clusters"] = {"natural": res_nat, "overlap": res_ovl}
    print(f"\n1. story clustering, {len(arts)} articles ({len(excl)} doubtful ids excluded from scoring)")
    print(f"{'stream':<28} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ARI':>6} {'stories':>6}")
    print(fmt_cluster("time order", res_nat))
    print(fmt_cluster("topics shifted to one start", res_ovl))
    for t, d in res_nat["per_topic"].items():
        do = res_ovl["per_topic"][t]
        print(
            f"  {t:<10} {d['articles']:>4} articles: {d['pred_stories']:>3} stories, "
            f"largest {d['largest_share']:.3f}   "
            f"(overlap: {do['pred_stories']:>3}, {do['largest_share']:.3f})"
        )
    groups: dict[str, list[ArticleFeatures]] = defaultdict(list)
    for aid, sid in pred.items():
        groups[sid].append(feats[aid])
    sdoc = stories_doc(groups, clu)
    print("largest stories:")
    for s in sdoc["stories"][:6]:
        print(f"  {s['id']:<6} {s['size']:>4} {s['first']}..{s['last']}  {s['title']}")
    result["stories_top"] = [
        {k: s[k] for k in ("id", "title", "first", "last", "size")} for s in sdoc["stories"][:10]
    ]
    null = null_similarities(natural, params)
    result["null"] = null
    print(
        f"label-free null: similarity of {null['pairs']} article-story pairs more than a year apart "
        "(stories of the plain threshold): "
        f"p50 {null['p50']:.3f}  p90 {null['p90']:.3f}  p95 {null['p95']:.3f}  p99 {null['p99']:.3f}"
    )
    print(f"  (settings: threshold {params.threshold} ~ p99, threshold_floor {params.threshold_floor} ~ p95)")
    if not a.no_grid:
        rows = sensitivity(sc, gold, excl, natural, shifted, params)
        result["sensitivity"] = rows
        print("sensitivity (one setting changed from the defaults): B3 F1 natural / overlap, stories")
        for r in rows:
            ch = ", ".join(f"{k}={v}" for k, v in r["change"].items())
            print(
                f"  {ch:<24} {r['natural']['b3_f1']:.4f} / {r['overlap']['b3_f1']:.4f}"
                f"   {r['natural']['stories']:>4} / {r['overlap']['stories']:>4}"
            )

    # 2. timelines
    trows = run_timelines(sc, arts, feats, tparams)
    result["timelines"] = trows
    names = ["combined", "published only", "mentions only", "mention days only"]
    print(
        "\n2. timelines: date F1 of the top K days (K = reference dates), all folder articles, no oracle span"
    )
    print(f"{'folder':<18} {'K':>4} " + " ".join(f"{n:>17}" for n in names))
    for r in trows:
        print(f"{r['folder']:<18} {r['k']:>4} " + " ".join(f"{r[n]['date_f1']:>17.4f}" for n in names))
    means = {n: statistics.mean(r[n]["date_f1"] for r in trows) for n in names}
    result["timeline_mean_date_f1"] = means
    print(f"{'mean':<18} {'':>4} " + " ".join(f"{means[n]:>17.4f}" for n in names))

    # 3. cost
    secs = analysis_seconds(a.cache)
    recorded = [secs[x.id] for x in arts if x.id in secs]
    cost: dict[str, Any] = {
        "features_ms_per_article": 1000 * t_feat / len(arts),
        "cluster_ms_per_article": 1000 * t_clu / len(arts),
        "recorded_analysis_ms_per_article": 1000 * statistics.mean(recorded) if recorded else None,
    }
    if a.time_sample:
        cost["sample"] = time_sample(arts, analyses, a.time_sample)
    result["cost"] = cost
    print("\n3. cost per article")
    story_ms = cost["features_ms_per_article"] + cost["cluster_ms_per_article"]
    print(
        f"  story stage (features {cost['features_ms_per_article']:.2f} ms + clustering "
        f"{cost['cluster_ms_per_article']:.2f} ms) = {story_ms:.2f} ms"
    )
    if recorded:
        an = cost["recorded_analysis_ms_per_article"]
        print(
            f"  analysis (recorded when cached, {len(recorded)} articles) {an:.1f} ms -> ingest without "
            f"stories {an:.1f} ms, with {an + story_ms:.1f} ms (+{100 * story_ms / an:.2f} %)"
        )
    if "sample" in cost:
        s = cost["sample"]
        share = 100 * s["story_ms_per_article"] / s["analysis_ms_per_article"]
        print(
            f"  same-load sample of {s['articles']}: analysis {s['analysis_ms_per_article']:.1f} ms, "
            f"story stage {s['story_ms_per_article']:.2f} ms (+{share:.2f} %)"
        )
    if a.scale:
        curve = scale_curve(a.scale, params)
        result["scale"] = curve
        print_curve(a.scale, curve)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
