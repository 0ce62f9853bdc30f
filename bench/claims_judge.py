"""Can a count's words tell a reported tally from the rest? An experiment for issue 18 (session 28; the
pipeline does not use it).

    .venv/bin/python bench/claims_judge.py [--cache-root DIR] [--suffix S] [--texts DIR] [--out FILE]

For every value of the things 'cases' and 'deaths' that :func:`saidwhat.claims.quantity.quantity_values`
gives in the articles of the development sets (Timeline17's H1N1 sets but the blind ones, Haiti's
development sets, and the outside webflu development collections whose texts lie in ``--texts``), the
label says whether the gold of its set lists a value of that article with that number (any measure,
any place): a tally the guideline counts. The features are the words around the count (six on each
side, as ``L:word`` / ``R:word``), its own words, the measure the rules gave it (thing, state, aspect,
whether it has a place), and a few sentence facts (a year, a modal, words of a part of a country, a
quotation mark). An L2 logistic regression (scipy's L-BFGS, deterministic) is trained on all sets but
one and scored on the one left out (leave-one-set-out), and the script prints the area under the ROC
curve per held-out set, pooled, and over the values the rules leave without a place: the ones a
discourse place would have to judge (docs/claims.md, session 28). Blind sets are never read.

Writes ``bench/out/claims_judge.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.claims import load_articles, load_cache  # noqa: E402
from bench.claims_pool import BLIND_SETS  # noqa: E402
from saidwhat.claims import article_facts  # noqa: E402
from saidwhat.claims.lexicon import load_lexicon  # noqa: E402
from saidwhat.claims.model import QuantityValue  # noqa: E402
from saidwhat.claims.quantity import resolve_diseases  # noqa: E402

BLIND = BLIND_SETS  # the blind sets bench/claims_pool.py scores, never read here
COLLECTIONS = (
    ("H1N1", None),
    ("haiti", None),
    ("webflu", "webflu"),
    ("webflu3", "webflu3"),
    ("webflu4", "webflu4"),
)
PART_WORDS = frozenset(
    {"school", "pupils", "students", "children", "city", "province", "state", "hospital", "university"}
    | {"college", "county", "district", "region"}
)
MODALS = frozenset({"could", "may", "might", "would", "will", "estimated", "estimate", "likely"})
_YEAR = re.compile(r"\b(1[89]\d\d|20[0-4]\d)\b")
_WORD = re.compile(r"[a-z][a-z'-]*|\d[\d,.]*")
SIDE = 6


def features(text: str, v: QuantityValue, s0: int, s1: int) -> dict[str, float]:
    """The features of one value: the words around it, its own words, its measure, sentence facts."""
    left = _WORD.findall(text[s0 : v.start].lower())[-SIDE:]
    right = _WORD.findall(text[v.end : s1].lower())[:SIDE]
    own = _WORD.findall(text[v.start : v.end].lower())
    sentence = set(_WORD.findall(text[s0:s1].lower()))
    k = v.key
    f: dict[str, float] = {"bias": 1.0}
    f.update({f"L:{w}": 1.0 for w in left if not w[0].isdigit()})
    f.update({f"R:{w}": 1.0 for w in right if not w[0].isdigit()})
    f.update({f"O:{w}": 1.0 for w in own if not w[0].isdigit()})
    f.update({f"thing:{k.thing}": 1.0, f"state:{k.state}": 1.0, f"aspect:{k.aspect}": 1.0})
    f["unplaced"] = float(not k.about)
    f["part_word"] = float(bool(sentence & PART_WORDS))
    f["modal"] = float(bool(sentence & MODALS))
    f["year"] = float(bool(_YEAR.search(text[s0:s1])))
    f["quote"] = float(any(c in text[s0:s1] for c in '"“”'))
    n = v.value if v.value is not None else v.low
    f["log10"] = math.log10(float(n) + 1) / 7 if n is not None else 0.0
    return f


def examples(cache_root: Path, suffix: str, texts: Path) -> list[dict[str, Any]]:
    """One example per value of cases or deaths in the development sets' articles."""
    lex = load_lexicon()
    out: list[dict[str, Any]] = []
    for topic, coll in COLLECTIONS:
        gold_path = ROOT / "bench" / "data" / ("webflu_gold.json" if coll else "claims_gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        sets = {
            name: s
            for name, s in gold["sets"].items()
            if name not in BLIND and s.get("topic", "H1N1") == topic
        }
        if not sets:
            continue
        path = texts / coll / "articles.jsonl" if coll else None
        if path is not None and not path.exists():
            print(f"{coll}: no texts at {path}, skipped")
            continue
        set_of = {a["id"]: name for name, s in sets.items() for a in s["articles"]}
        golds = {(g["article"], float(g["value"])) for s in sets.values() for g in s["values"]}
        arts = [a for a in load_articles(topic, path) if a["id"] in set_of]
        analyses, _ = load_cache(arts, cache_root / f"{(coll or topic.lower())}{suffix}")
        facts = [article_facts(an, None, lex) for an in analyses]
        texts_of = {an.doc.id: an.doc.text for an in analyses}
        for v in resolve_diseases([v for f in facts for v in f.quantities], lex):
            if v.key.thing not in ("cases", "deaths") or v.key.unit is not None:
                continue
            text = texts_of[v.article]
            s0 = max(text.rfind(". ", 0, v.start) + 2, text.rfind("\n", 0, v.start) + 1, 0)
            ends = [e for e in (text.find(". ", v.end), text.find("\n", v.end)) if e >= 0]
            s1 = min(ends) if ends else len(text)
            n = v.value if v.value is not None else v.low
            out.append(
                {
                    "set": set_of[v.article],
                    "label": int((v.article, float(n) if n is not None else -1.0) in golds),
                    "unplaced": not v.key.about,
                    "x": features(text, v, s0, s1),
                }
            )
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """L2 logistic regression (no penalty on the bias, column 0)."""

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        reg = 0.5 * l2 * float(w[1:] @ w[1:])
        g = x.T @ (p - y)
        g[1:] += l2 * w[1:]
        return float(nll + reg), g

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    return np.asarray(res.x)


def auc(y: np.ndarray, s: np.ndarray) -> float | None:
    """Area under the ROC curve (ties count half); None with one class only."""
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return None
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache-root", default="/work/cache", help="directory of the analysis caches")
    ap.add_argument("--suffix", default="", help="suffix of the cache directories")
    ap.add_argument("--texts", default="/work/extra", help="directory of the webflu collections' texts")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims_judge.json")
    a = ap.parse_args()
    ex = examples(Path(a.cache_root), a.suffix, Path(a.texts))
    names = sorted({k for e in ex for k in e["x"]})
    col = {k: i for i, k in enumerate(["bias", *[n for n in names if n != "bias"]])}
    x = np.zeros((len(ex), len(col)))
    for i, e in enumerate(ex):
        for k, val in e["x"].items():
            x[i, col[k]] = val
    y = np.array([e["label"] for e in ex], dtype=float)
    groups = np.array([e["set"] for e in ex])
    unplaced = np.array([e["unplaced"] for e in ex])
    scores = np.zeros(len(ex))
    for g in sorted(set(groups)):
        test = groups == g
        w = fit(x[~test], y[~test])
        scores[test] = x[test] @ w
    # the same, trained and scored on the unplaced values alone: what a discourse place would judge
    alone = np.zeros(len(ex))
    for g in sorted(set(groups[unplaced])):
        test, train = unplaced & (groups == g), unplaced & (groups != g)
        alone[test] = x[test] @ fit(x[train], y[train])
    on_unplaced_alone = auc(y[unplaced], alone[unplaced])
    rows = {g: auc(y[groups == g], scores[groups == g]) for g in sorted(set(groups))}
    pooled, on_unplaced = auc(y, scores), auc(y[unplaced], scores[unplaced])
    for g, v in rows.items():
        n = int((groups == g).sum())
        shown = "-" if v is None else f"{v:.3f}"
        print(f"{g:12s} {n:4d} values, {int(y[groups == g].sum()):4d} gold; AUC {shown}")
    print(f"pooled (held-out scores): {len(ex)} values, {int(y.sum())} gold; AUC {pooled:.3f}")
    print(
        f"unplaced values only: {int(unplaced.sum())}, {int(y[unplaced].sum())} gold; AUC"
        f" {'-' if on_unplaced is None else f'{on_unplaced:.3f}'}; trained on them alone:"
        f" {'-' if on_unplaced_alone is None else f'{on_unplaced_alone:.3f}'}"
    )
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(
        json.dumps(
            {
                "sets": rows,
                "pooled": pooled,
                "unplaced": on_unplaced,
                "unplaced_trained_alone": on_unplaced_alone,
                "values": len(ex),
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
