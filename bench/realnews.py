"""Real-news benchmark: speakers, contents and relays on 36 hand-annotated news excerpts.

usage: python bench/realnews.py [--docs DIR] [--gold FILE] [--out DIR] [-v] [--min-confidence X (0.5)]

Runs ``saidwhat analyze ../shared/realnews/docs --out TMP`` (the CLI, as a user would; the
``NN.meta.json`` sidecars give url, publication date and title), scores TMP with the official scorer
``../shared/tools/score_realnews.py``, prints its table and writes the figures to
``bench/out/realnews.json``. Targets (issue 16): speaker precision >= 0.90, content precision
>= 0.90, non-statements <= 2 % of the predictions, recall >= 0.80, relays captured >= 0.80.

The analysis keeps every statement (``--min-confidence 0``); the table is scored on all of them,
then on those at the default cut of analyze output (``Settings.min_confidence``, chosen by
cross-validation on PolNeAR train: docs/attribution.md). ``--min-confidence X`` also scores the
statements whose ``confidence`` is at least X (the same analysis, filtered): how precision trades
against recall at that operating point.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_realnews.py"
DOCS = SHARED / "realnews" / "docs"
GOLD = SHARED / "realnews" / "gold.json"

TARGETS = {
    "speaker_precision": (">=", 0.90),
    "content_precision": (">=", 0.90),
    "nonstatement_share": ("<=", 0.02),
    "recall": (">=", 0.80),
    "via_relays_captured": (">=", 0.80),
}


def analyze(docs: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    # every statement: the default cut and --min-confidence are applied to this output below
    subprocess.run(
        [sys.executable, "-m", "saidwhat", "analyze", str(docs), "--out", str(out), "--min-confidence", "0"],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def score(pred: Path, gold: Path, verbose: bool = False) -> tuple[dict[str, Any], str]:
    """The scorer's figures (``--json``) and its printed table."""
    js = subprocess.run(
        [sys.executable, str(SCORER), str(pred), "--gold", str(gold), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    table = subprocess.run(
        [sys.executable, str(SCORER), str(pred), "--gold", str(gold)] + (["-v"] if verbose else []),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures: dict[str, Any] = json.loads(js)
    c = figures["counts"]
    n = c["predicted"]
    figures["nonstatement_share"] = round(c["nonstatement_preds"] / n, 4) if n else None
    return figures, table


def filtered(src: Path, dst: Path, threshold: float) -> None:
    """Copy the analyses keeping only statements with ``confidence >= threshold``."""
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        data["statements"] = [
            s for s in data.get("statements") or [] if float(s.get("confidence", 1.0)) >= threshold
        ]
        (dst / f.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def verdicts(figures: dict[str, Any]) -> list[tuple[str, float | None, str, str]]:
    rows = []
    for key, (op, bound) in TARGETS.items():
        v = figures.get(key)
        ok = v is not None and (v >= bound if op == ">=" else v <= bound)
        rows.append((key, v, f"{op} {bound:.2f}", "met" if ok else "NOT met"))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=Path, default=DOCS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    ap.add_argument("-v", "--verbose", action="store_true", help="the scorer's list of misses and errors")
    ap.add_argument(
        "--min-confidence",
        type=float,
        default=0.5,
        help="also score the statements with at least this confidence (negative: skip)",
    )
    args = ap.parse_args()
    if not args.docs.is_dir() or not SCORER.exists():
        print(f"realnews data or scorer missing ({args.docs}, {SCORER}): nothing measured", file=sys.stderr)
        return 2
    report: dict[str, Any] = {"docs": str(args.docs), "gold": str(args.gold)}
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred"
        analyze(args.docs, pred)
        figures, table = score(pred, args.gold, args.verbose)
        print(table, end="")
        report["all"] = figures
        sys.path.insert(0, str(REPO))
        from saidwhat.settings import DEFAULT_MIN_CONFIDENCE

        cut = Path(tmp) / "cut"
        filtered(pred, cut, DEFAULT_MIN_CONFIDENCE)
        cfig, ctable = score(cut, args.gold)
        print(f"\nthe default output (Settings.min_confidence, confidence >= {DEFAULT_MIN_CONFIDENCE}):")
        print(ctable.splitlines()[-1])
        report["default_cut"] = {"threshold": DEFAULT_MIN_CONFIDENCE, **cfig}
        if args.min_confidence >= 0:
            kept = Path(tmp) / "kept"
            filtered(pred, kept, args.min_confidence)
            kfig, ktable = score(kept, args.gold)
            print(f"\nstatements with confidence >= {args.min_confidence}:")
            print(ktable.splitlines()[-1])
            report["min_confidence"] = {"threshold": args.min_confidence, **kfig}
    runs = [("all", figures), (f"default >= {DEFAULT_MIN_CONFIDENCE}", cfig)]
    if "min_confidence" in report:
        runs.append((f">= {args.min_confidence}", report["min_confidence"]))
    for label, figs in runs:
        print(f"\n{'target (' + label + ')':<28}{'value':>8}  {'bound':<8} verdict")
        for key, v, bound, verdict in verdicts(figs):
            print(f"{key:<28}{'-' if v is None else f'{v:.3f}':>8}  {bound:<8} {verdict}")
    report["targets"] = {k: {"value": v, "bound": b, "verdict": x} for k, v, b, x in verdicts(figures)}
    if "min_confidence" in report:
        report["targets_min_confidence"] = {
            k: {"value": v, "bound": b, "verdict": x} for k, v, b, x in verdicts(report["min_confidence"])
        }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "realnews.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"wrote {args.out / 'realnews.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
