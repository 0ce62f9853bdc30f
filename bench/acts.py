"""Speech acts on real news: confusion matrix gold act x predicted act, and every mismatch.

usage: python bench/acts.py [--docs DIR] [--gold FILE] [--pred DIR] [--out DIR] [-q]

Runs ``saidwhat analyze`` on ``../shared/realnews/docs`` (or reads the analyses of ``--pred``),
pairs each gold statement with the prediction the official scorer (``../shared/tools/
score_realnews.py``) would score its act on — the same matching and the same choice of the best
candidate — and prints the act accuracy (it agrees with the scorer's), the per-act recall and
precision, the confusion matrix (rows: gold act, columns: predicted act) and, unless ``-q``, each
mismatch with its cue lemma and mode. Writes ``bench/out/acts.json``. Issue 16 ("Acts and polarity").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "tools" / "score_realnews.py"
DOCS = SHARED / "realnews" / "docs"
GOLD = SHARED / "realnews" / "gold.json"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews import analyze  # noqa: E402  (the same saidwhat analyze run as the real-news bench)


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_realnews", SCORER)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["score_realnews"] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def cue_lemmas(pred: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(file, statement id) -> (cue lemma, mode) of every analysed statement."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for f in sorted(pred.glob("*.json")):
        for st in json.loads(f.read_text(encoding="utf-8")).get("statements") or []:
            cue = st.get("cue") or {}
            out[(f.stem + ".txt", str(st.get("id", "")))] = (
                cue.get("lemma") or cue.get("text") or "-",
                st.get("mode") or "-",
            )
    return out


def pairs(sc: ModuleType, pred: Path, gold: dict[str, Any], docs: Path) -> list[dict[str, Any]]:
    """One row per matched gold statement: gold act, the act of the prediction the scorer picks."""
    rows: list[dict[str, Any]] = []
    cues = cue_lemmas(pred)
    for name in sorted(gold["docs"]):
        path = pred / (Path(name).stem + ".json")
        text, preds = sc.load_preds(path, name) if path.exists() else (None, [])
        if text is None:
            text = (docs / name).read_text(encoding="utf-8")
        for i, st in enumerate(gold["docs"][name].get("statements", [])):
            gd = sc.Gold(
                name,
                i,
                st["key"],
                st["speaker"],
                list(st.get("aliases", [])),
                bool(st.get("anonymous")),
                list(st.get("via", [])),
                st.get("said_on"),
                st.get("act"),
            )
            for k in [st["key"], *st.get("parts", [])]:
                where = sc.locate(text, k)
                if where:
                    gd.spans.append(where[0])
            cands = [p for p in preds if p.span is not None and any(sc.hits(s, p.span) for s in gd.spans)]
            if not cands:
                continue
            key_span = gd.spans[0] if gd.spans else (0, 0)

            def rank(p: Any, gd: Any = gd, key_span: tuple[int, int] = key_span) -> tuple[int, int, int]:
                ov = max(0, min(key_span[1], p.span[1]) - max(key_span[0], p.span[0]))
                return (int(sc.speaker_ok(p, gd)), int(sc.hits(key_span, p.span)), ov)

            best = max(cands, key=rank)
            lemma, mode = cues.get((name, best.sid), ("-", "-"))
            rows.append(
                {
                    "doc": name,
                    "sid": best.sid,
                    "gold": gd.act,
                    "pred": best.act,
                    "cue": lemma,
                    "mode": mode,
                    "key": gd.key,
                    "content": best.content,
                }
            )
    return rows


def matrix(rows: list[dict[str, Any]]) -> str:
    """Rows: gold act (most frequent first) with its recall; columns: predicted act; last row: the
    precision of each predicted act."""
    acts = sorted(
        {r["gold"] for r in rows} | {r["pred"] for r in rows},
        key=lambda a: (-sum(r["gold"] == a for r in rows), a),
    )
    cells = Counter((r["gold"], r["pred"]) for r in rows)
    lines = ["gold \\ pred".ljust(12) + "".join(a[:7].rjust(8) for a in acts) + "   recall"]
    for g in acts:
        n = sum(cells[(g, p)] for p in acts)
        if n:
            row = "".join((str(cells[(g, p)]) if cells[(g, p)] else ".").rjust(8) for p in acts)
            lines.append(g.ljust(12) + row + f"   {cells[(g, g)]}/{n}")
    col = {p: sum(cells[(g, p)] for g in acts) for p in acts}
    lines.append(
        "precision".ljust(12)
        + "".join((f"{cells[(p, p)]}/{col[p]}" if col[p] else "-").rjust(8) for p in acts)
    )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=Path, default=DOCS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--pred", type=Path, help="score these analyses instead of running analyze")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    ap.add_argument("-q", "--quiet", action="store_true", help="no list of mismatches")
    args = ap.parse_args()
    if not args.docs.is_dir() or not SCORER.exists():
        print(f"realnews data or scorer missing ({args.docs}, {SCORER}): nothing measured", file=sys.stderr)
        return 2
    sc = scorer()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.pred
        if pred is None:
            pred = Path(tmp) / "pred"
            analyze(args.docs, pred)
        rows = pairs(sc, pred, gold, args.docs)
    ok = sum(r["gold"] == r["pred"] for r in rows)
    if not args.quiet:
        for r in sorted(rows, key=lambda r: (r["gold"], r["pred"], r["cue"])):
            if r["gold"] != r["pred"]:
                print(
                    f"[{r['doc']} {r['sid']}] gold {r['gold']:<9} pred {r['pred']:<9} cue {r['cue']:<12} "
                    f"{r['mode']:<8} {r['key'][:70]!r}"
                )
        print()
    print(matrix(rows))
    print(f"\nact accuracy {ok / len(rows):.3f} ({ok}/{len(rows)} matched gold)")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "acts.json").write_text(
        json.dumps(
            {
                "act_accuracy": round(ok / len(rows), 4),
                "matched": len(rows),
                "act_ok": ok,
                "confusion": [
                    {"gold": g, "pred": p, "n": n}
                    for (g, p), n in sorted(Counter((r["gold"], r["pred"]) for r in rows).items())
                ],
                "mismatches": [r for r in rows if r["gold"] != r["pred"]],
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    print(f"wrote {args.out / 'acts.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
