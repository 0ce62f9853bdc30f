"""Can a confidence of each claim value buy precision? Cross-validated over the development
collections only (session 35).

    .venv/bin/python bench/claims_confidence.py [--texts DIR] [--cache-root DIR] [--out FILE]

Every value the claims benchmark scores on a development set (a thing the gold scores, a place of its
places; `bench/claims.py`'s `score_values`) is labelled right or false, and described by features any
text has, read off the value, its sentence and its article (`FEATURES`: a state word, the counted noun
found or not, the place named in the sentence, a modal or an estimate in the sentence, a past year,
another disease, quotes, a list, ...). A logistic model (numpy, L2) is fitted with each development
collection held out in turn (every H1N1 and Haiti gold set its own fold; an outside collection one
fold): within a fold, the cut is the one that maximises F-beta (beta 0.5, precision first) of the
values over the other folds' fits, and is then applied to the held-out fold's values. The pooled
held-out precision and recall with the cuts are compared with those of keeping every value, and the
decision rule pre-registered in session 35 is applied (`decide`): adopt a cut only if at least three
quarters of the folds choose one, the pooled precision gains at least 1.5 points, and the recall loses
at most a third of that gain. Also prints a grid of single cuts on the pooled held-out scores.

Blind sets are never read: the sets are `claims_pool`'s development lists, and the texts of the outside
collections are read from ``--texts`` (see docs/claims.md; third-party pages kept off the repository).
Writes ``bench/out/claims_confidence.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

import claims as bench  # noqa: E402
from claims_pool import BLIND_SETS, H1N1_DEV, HAITI_DEV, WEBFLU_DEV, WEBFLU_GOLD  # noqa: E402

from saidwhat.claims import article_facts  # noqa: E402
from saidwhat.claims.lexicon import ClaimsLexicon, load_lexicon  # noqa: E402
from saidwhat.claims.model import QuantityValue  # noqa: E402
from saidwhat.claims.quantity import resolve_diseases  # noqa: E402
from saidwhat.claims.text import ArticleView, find_phrases, words  # noqa: E402

CLAIMS_GOLD = ROOT / "bench" / "data" / "claims_gold.json"
MODAL = re.compile(r"\b(could|may|might|would|estimat\w*|expect\w*|likely|feared|believed)\b", re.I)
PAST = re.compile(r"\b(1[89]\d\d|200[0-8])\b|\bsince\b|\beach year\b|\bannually\b")
WORLD = re.compile(r"world|countr|global|\bWHO\b|World Health")


@dataclass(frozen=True, slots=True)
class Context:
    """What a feature reads: the value, its article's view, its sentence and the lexicon."""

    value: QuantityValue
    view: ArticleView
    sentence: tuple[int, int]
    lex: ClaimsLexicon

    @property
    def text(self) -> str:
        return self.view.text[self.sentence[0] : self.sentence[1]]

    @property
    def place_names(self) -> set[str]:
        return {p.name for p in self.view.places_in(*self.sentence)}


def _place_in_sentence(c: Context) -> float:
    about = c.value.key.about[0] if c.value.key.about else ""
    return float(about in c.place_names or (about == "world" and bool(WORLD.search(c.text))))


def _other_disease(c: Context) -> float:
    ws = words(c.view.text, *c.sentence)
    return float(any(find_phrases(ws, names) for d, names in c.lex.diseases.items() if d != "h1n1"))


def _direct(c: Context) -> float:
    st = next((s for s in c.view.analysis.statements if s.id == c.value.statement), None)
    return float(st is not None and st.mode == "direct")


def _quantities_in_sentence(c: Context) -> float:
    n = sum(1 for q in c.view.analysis.quantities if c.sentence[0] <= q.start < c.sentence[1])
    return min(n, 6) / 6


# (name, what it says, how it is read): generic features of any value, none naming a word of one text
FEATURES: tuple[tuple[str, str, Callable[[Context], float]], ...] = (
    ("state", "a state word gave the value its state", lambda c: float(c.value.key.state != "")),
    ("new", "an increment", lambda c: float(c.value.key.aspect == "new")),
    ("no_counted_noun", "the thing was read from the words around", lambda c: float(not c.value.counts)),
    ("qualifier", "more than / about / up to", lambda c: float(c.value.qualifier is not None)),
    ("range", "a range", lambda c: float(c.value.low is not None)),
    ("source", "a named source", lambda c: float(c.value.source is not None)),
    ("direct", "in a direct quote", _direct),
    ("world", "the world's count", lambda c: float(c.value.key.about == ("world",))),
    ("deaths", "a count of deaths", lambda c: float(c.value.key.thing == "deaths")),
    ("small", "one or two", lambda c: float((bench.value_number(c.value) or 0) <= 2)),
    ("place_in_sentence", "its place is named in its sentence", _place_in_sentence),
    (
        "places_in_sentence",
        "how many places its sentence names (/5)",
        lambda c: min(len(c.place_names), 5) / 5,
    ),
    ("quantities_in_sentence", "how many quantities its sentence holds (/6)", _quantities_in_sentence),
    ("modal", "a modal or an estimate in its sentence", lambda c: float(bool(MODAL.search(c.text)))),
    ("past", "a past year or a span since in its sentence", lambda c: float(bool(PAST.search(c.text)))),
    ("other_disease", "another disease named in its sentence", _other_disease),
    ("position", "where in the article (0-1)", lambda c: c.value.start / max(1, len(c.view.text))),
)


@dataclass(slots=True)
class Row:
    fold: str
    article: str
    number: float
    key: tuple[str, str, str, str]
    right: bool
    x: list[float]


def rows_of(
    topic: str,
    articles: Path | None,
    cache: Path,
    gold_path: Path,
    sets: list[str],
    fold: Callable[[str], str],
) -> tuple[list[Row], dict[str, int]]:
    """The scored values of ``sets`` (development only) with their features, and each fold's gold count."""
    assert not set(sets) & BLIND_SETS, "a blind set is never read"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    arts = bench.load_articles(topic, articles, headline=bench.headline_annotated(gold, topic))
    analyses, _ = bench.load_cache(arts, cache)
    lex = load_lexicon()
    by_id = {an.doc.id: an for an in analyses}
    values = resolve_diseases([v for an in analyses for v in article_facts(an, None, lex).quantities], lex)
    views: dict[str, ArticleView] = {}
    out: list[Row] = []
    golds: dict[str, int] = {}
    for name in sets:
        gset = gold["sets"][name]
        places, things = set(gset.get("places", gold["places"])), set(gset.get("things", gold["things"]))
        ids = {g["id"] for g in gset["articles"]}
        gk = bench.gold_keyed(gset)
        golds[fold(name)] = golds.get(fold(name), 0) + len(gk)
        remaining = [(k, a, n) for k, a, n, _ in gk]
        for v in values:
            keyed = bench.pred_keyed([v], things) if v.article in ids else []
            if not keyed or keyed[0][0][3] not in places:
                continue
            k, a, n, _ = keyed[0]
            right = (k, a, n) in remaining
            if right:
                remaining.remove((k, a, n))
            if a not in views:
                views[a] = ArticleView.build(
                    by_id[a], None, lex.place_aliases, lex.countries, lex.local_places
                )
            c = Context(v, views[a], views[a].sentence(v.start), lex)
            out.append(Row(fold(name), a, n, k, right, [f(c) for _, _, f in FEATURES]))
    return out, golds


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 2000, rate: float = 1.0) -> np.ndarray:
    """Weights (bias last) of a logistic model fitted by gradient descent with an L2 penalty."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= rate * (xb.T @ (p - y) / len(y) + l2 * w / len(y))
    return w


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-np.hstack([x, np.ones((len(x), 1))]) @ w)))


GRID = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


def f_beta(right: int, predicted: int, gold: int, beta: float = 0.5) -> float:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def best_cut(p: np.ndarray, y: np.ndarray, gold: int) -> float:
    """The cut of `GRID` with the best F0.5 of the values kept (the lowest cut on ties: keep more)."""
    scores = [(f_beta(int(y[p >= t].sum()), int((p >= t).sum()), gold), -t) for t in GRID]
    return -max(scores)[1]


def cross_validate(rows: list[Row], golds: dict[str, int]) -> dict[str, Any]:
    """Each fold held out in turn: fit on the others, choose the cut on them, keep the held-out
    fold's values at or above it; pooled against keeping every value."""
    x = np.array([r.x for r in rows], dtype=float)
    y = np.array([r.right for r in rows], dtype=float)
    folds = np.array([r.fold for r in rows])
    oof = np.zeros(len(rows))
    kept = np.zeros(len(rows), dtype=bool)
    cuts: dict[str, float] = {}
    for f in sorted(golds):
        test = folds == f
        train = ~test
        if not test.any():
            cuts[f] = 0.0
            continue
        w = fit(x[train], y[train])
        cut = best_cut(predict(w, x[train]), y[train], sum(g for k, g in golds.items() if k != f))
        oof[test] = predict(w, x[test])
        kept[test] = oof[test] >= cut
        cuts[f] = cut
    gold = sum(golds.values())
    base = {"right": int(y.sum()), "predicted": len(rows)}
    cut_ = {"right": int(y[kept].sum()), "predicted": int(kept.sum())}
    grid = [{"cut": t, "right": int(y[oof >= t].sum()), "predicted": int((oof >= t).sum())} for t in GRID]
    w_all = fit(x, y)
    return {
        "gold": gold,
        "base": base,
        "with_cuts": cut_,
        "cuts": cuts,
        "grid": grid,
        "weights": {name: float(w) for (name, _, _), w in zip(FEATURES, w_all[:-1], strict=True)},
    }


def decide(res: dict[str, Any]) -> tuple[bool, str]:
    """Session 35's pre-registered rule: at least 3/4 of the folds choose a cut above 0, the pooled
    held-out precision gains >= 1.5 points, the recall loses at most a third of that gain."""
    gold, b, c = res["gold"], res["base"], res["with_cuts"]
    p0, p1 = b["right"] / b["predicted"], (c["right"] / c["predicted"] if c["predicted"] else 0.0)
    r0, r1 = b["right"] / gold, c["right"] / gold
    chose = sum(1 for t in res["cuts"].values() if t > 0)
    gain, loss = 100 * (p1 - p0), 100 * (r0 - r1)
    ok = chose >= 0.75 * len(res["cuts"]) and gain >= 1.5 and loss <= gain / 3
    why = (
        f"{chose} of {len(res['cuts'])} folds chose a cut; precision {p0:.3f} -> {p1:.3f}"
        f" ({gain:+.1f} points), recall {r0:.3f} -> {r1:.3f} ({-loss:+.1f})"
    )
    return ok, why


def collect(texts: Path, cache_root: Path) -> tuple[list[Row], dict[str, int]]:
    rows: list[Row] = []
    golds: dict[str, int] = {}
    runs: list[tuple[str, Path | None, Path, Path, list[str], Callable[[str], str]]] = [
        ("H1N1", None, cache_root / "h1n1", CLAIMS_GOLD, H1N1_DEV.split(","), lambda s: f"h1n1:{s}"),
        ("haiti", None, cache_root / "haiti", CLAIMS_GOLD, HAITI_DEV.split(","), lambda s: f"haiti:{s}"),
    ]
    for name, sets in WEBFLU_DEV:
        path = texts / name / "articles.jsonl"
        if path.exists():
            runs.append((name, path, cache_root / name, WEBFLU_GOLD, sets.split(","), lambda s, n=name: n))
        else:
            print(f"{name}: no texts at {path}, skipped")
    for topic, arts, cache, gold, sets, fold in runs:
        r, g = rows_of(topic, arts, cache, gold, sets, fold)
        rows += r
        for k, n in g.items():
            golds[k] = golds.get(k, 0) + n
    return rows, golds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, default=Path("/work/extra"))
    ap.add_argument("--cache-root", type=Path, default=Path("/work/cache"))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims_confidence.json")
    a = ap.parse_args()
    rows, golds = collect(a.texts, a.cache_root)
    res = cross_validate(rows, golds)
    ok, why = decide(res)
    print(
        f"values scored {len(rows)} ({res['base']['right']} right) in {len(golds)} folds, {res['gold']} gold"
    )
    print("held-out cut  kept  right  precision  recall")
    for g in res["grid"]:
        p = g["right"] / g["predicted"] if g["predicted"] else 0.0
        r = g["right"] / res["gold"]
        print(f"  {g['cut']:>9.2f}  {g['predicted']:>4}  {g['right']:>5}  {p:>9.3f}  {r:.3f}")
    print("cuts chosen per fold:", ", ".join(f"{k} {v:g}" for k, v in res["cuts"].items()))
    print(f"decision: {'adopt' if ok else 'do not adopt'}: {why}")
    print("weights of the model fitted on every fold:")
    for name, w in sorted(res["weights"].items(), key=lambda kv: kv[1]):
        print(f"  {name:<24} {w:+.2f}")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({**res, "adopt": ok, "why": why}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
