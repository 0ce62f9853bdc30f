"""Operating point of the statement confidence, chosen by cross-validation on PolNeAR train.

usage: python bench/confidence_cv.py PRED_DIR [--gold DIR] [--folds 5] [--beta 0.5]

PRED_DIR holds ``saidwhat analyze ../shared/polnear/train --out PRED_DIR --min-confidence 0`` (every
statement: without the option the default cut is already applied). For each threshold of a
grid, the statements with ``confidence >= threshold`` are scored with the official scorer's lenient
pairing (``../shared/tools/score_attribution.py``; documents whose ``.ann`` it cannot read are
skipped and counted). The documents are split into ``--folds`` folds (every k-th file); for each
fold the threshold with the best F-beta on the other folds (beta 0.5: precision first, as the
product asks) is scored on the held-out fold. Prints the whole-train table and the per-fold choices
and held-out figures, and the decision (docs/attribution.md, session 8: a cut when at least three of
the five folds choose one, the median of their choices); writes ``bench/out/confidence_cv.json``.

PolNeAR counts beliefs, evidence verbs and refusals to comment as attributions, where real news
readers (and the real-news gold) do not: the point chosen here is a floor for precision, not the
whole story. The learned tagger was trained on these documents, so absolute figures are optimistic;
the choice of threshold is what is cross-validated.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GRID = [round(0.05 * i, 2) for i in range(0, 19)]


def _scorer() -> Any:
    path = SHARED / "tools" / "score_attribution.py"
    spec = importlib.util.spec_from_file_location("score_attribution", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_doc(gold: Path, pred: Path) -> tuple[list[dict[str, Any]], int]:
    """For every readable document: gold count, and per threshold the predictions and lenient tp."""
    sc = _scorer()
    rows: list[dict[str, Any]] = []
    skipped = 0
    for ann in sorted(gold.glob("*.ann")):
        pj = pred / (ann.stem + ".json")
        if not pj.exists():
            continue
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        try:
            g = sc.parse_ann(ann)
        except (ValueError, IndexError):
            skipped += 1  # a malformed line in some train .ann files
            continue
        doc = json.loads(pj.read_text(encoding="utf-8"))
        sts = [s for s in doc.get("statements", []) if "start" in (s.get("content") or {})]
        confs = [float(s.get("confidence", 1.0)) for s in sts]
        preds, _ = sc.pred_statements(doc, text)
        row: dict[str, Any] = {"doc": ann.stem, "gold": len(g), "pred": {}, "tp": {}}
        for t in GRID:
            kept = [p for p, c in zip(preds, confs, strict=True) if c >= t]
            row["pred"][t] = len(kept)
            row["tp"][t] = sc.pair(g, kept, text, "lenient")
        rows.append(row)
    return rows, skipped


def prf(rows: list[dict[str, Any]], t: float, beta: float) -> dict[str, float]:
    tp = sum(r["tp"][t] for r in rows)
    n_pred = sum(r["pred"][t] for r in rows)
    n_gold = sum(r["gold"] for r in rows)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    b2 = beta * beta
    f = (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "Fbeta": round(f, 4), "pred": n_pred, "tp": tp}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--gold", type=Path, default=SHARED / "polnear" / "train")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--beta", type=float, default=0.5)
    args = ap.parse_args()
    if not args.gold.is_dir() or not args.pred.is_dir():
        print(f"missing {args.gold} or {args.pred}", file=sys.stderr)
        return 2
    rows, skipped = per_doc(args.gold, args.pred)
    print(f"{len(rows)} documents scored, {skipped} skipped (unreadable .ann)")
    print(f"{'threshold':>9} {'P':>7} {'R':>7} {'F' + str(args.beta):>7} {'pred':>6}")
    table = {t: prf(rows, t, args.beta) for t in GRID}
    for t, m in table.items():
        print(f"{t:>9.2f} {m['P']:>7.3f} {m['R']:>7.3f} {m['Fbeta']:>7.3f} {m['pred']:>6}")
    folds = []
    for k in range(args.folds):
        train = [r for i, r in enumerate(rows) if i % args.folds != k]
        held = [r for i, r in enumerate(rows) if i % args.folds == k]
        best = max(GRID, key=lambda t: (prf(train, t, args.beta)["Fbeta"], -t))
        h = prf(held, best, args.beta)
        folds.append({"fold": k, "threshold": best, "held_out": h})
        print(
            f"fold {k}: threshold {best:.2f} -> held-out P {h['P']:.3f} R {h['R']:.3f} "
            f"F{args.beta} {h['Fbeta']:.3f}"
        )
    # the decision rule declared in docs/attribution.md (session 8) before the run: a cut when at
    # least three of five folds choose one, then the median of the folds' choices
    chosen = sorted(f["threshold"] for f in folds)
    cut = chosen[len(chosen) // 2] if sum(t > 0 for t in chosen) * 2 > len(chosen) else 0.0
    print(
        f"decision: {'cut at ' + format(cut, '.2f') if cut else 'no cut'} "
        f"(folds chose {', '.join(format(t, '.2f') for t in chosen)})"
    )
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "confidence_cv.json").write_text(
        json.dumps(
            {
                "beta": args.beta,
                "skipped": skipped,
                "table": {str(t): m for t, m in table.items()},
                "folds": folds,
                "decision": cut,
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
