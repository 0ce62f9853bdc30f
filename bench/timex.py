"""Benchmark the time-expression tagger on TimeBank+AQUAINT (TimeML TIMEX3 gold).

    .venv/bin/python bench/timex.py [--direct] [--errors N] [--timebank DIR]

Prepares the TimeML texts with the official scorer, analyses them with the real CLI
(``saidwhat analyze TMP --out PRED``; ``--direct`` instead calls :func:`extract_timexes` and
writes minimal ``saidwhat/1`` files, for fast tuning), scores them, and measures the tagger's
time against the bare spaCy parse of the same texts. Prints a table, writes bench/out/timex.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.nlp import load_nlp  # noqa: E402
from saidwhat.timex import extract_timexes  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_timex.py"


def load_texts(txt_dir: Path) -> list[tuple[str, str, date | None]]:
    out = []
    for p in sorted(txt_dir.glob("*.txt")):
        meta = json.loads(p.with_suffix(".meta.json").read_text(encoding="utf-8"))
        pub = meta.get("published")
        out.append((p.stem, p.read_text(encoding="utf-8"), date.fromisoformat(pub) if pub else None))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--direct", action="store_true", help="call extract_timexes directly, not the CLI")
    ap.add_argument("--errors", type=int, default=0, help="print this many scorer errors")
    ap.add_argument("--timebank", type=Path, default=SHARED / "timebank")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "timex.json")
    a = ap.parse_args()
    if not a.timebank.is_dir():
        print(f"TimeML directory {a.timebank} missing: nothing to benchmark", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        txt, pred = tmp / "txt", tmp / "pred"
        subprocess.run(
            [sys.executable, str(SCORER), "prepare", str(a.timebank), str(txt)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        docs = load_texts(txt)
        n_chars = sum(len(t) for _, t, _ in docs)

        nlp = load_nlp()
        t0 = time.perf_counter()
        parsed = list(nlp.pipe([t for _, t, _ in docs], batch_size=16))
        t_parse = time.perf_counter() - t0
        extract_timexes(parsed[0], docs[0][2])  # compile the grammar outside the timing
        t0 = time.perf_counter()
        results = [extract_timexes(doc, anchor) for doc, (_, _, anchor) in zip(parsed, docs, strict=True)]
        t_timex = time.perf_counter() - t0

        t_cli = None
        if a.direct:
            pred.mkdir()
            for (stem, text, _), txs in zip(docs, results, strict=True):
                d = {"schema": "saidwhat/1", "doc": {"text": text}, "timexes": [t.to_dict() for t in txs]}
                (pred / f"{stem}.json").write_text(json.dumps(d), encoding="utf-8")
        else:
            cli = ROOT / ".venv" / "bin" / "saidwhat"
            if not cli.exists():
                print(f"{cli} missing: install the package or use --direct", file=sys.stderr)
                return 2
            t0 = time.perf_counter()
            subprocess.run(
                [str(cli), "analyze", str(txt), "--out", str(pred)], check=True, stdout=subprocess.DEVNULL
            )
            t_cli = time.perf_counter() - t0

        score_json = tmp / "score.json"
        proc = subprocess.run(
            [
                sys.executable,
                str(SCORER),
                "score",
                str(a.timebank),
                str(pred),
                "--json",
                str(score_json),
                "--errors",
                str(a.errors),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        print(proc.stdout, end="")
        scores = json.loads(score_json.read_text())

    ratio = t_timex / t_parse
    n_tx = sum(len(r) for r in results)
    print()
    print(f"{'mode':<28}{'direct' if a.direct else 'cli (saidwhat analyze)'}")
    print(f"{'documents / characters':<28}{len(docs)} / {n_chars}")
    print(f"{'timexes predicted':<28}{n_tx}")
    print(f"{'spaCy parse (nlp.pipe)':<28}{t_parse:8.2f} s  ({n_chars / t_parse / 1000:.0f} kchar/s)")
    print(f"{'timex stage':<28}{t_timex:8.3f} s  ({n_chars / t_timex / 1000:.0f} kchar/s)")
    print(f"{'timex / parse':<28}{ratio:8.2%}")
    if t_cli is not None:
        print(f"{'full CLI analyze':<28}{t_cli:8.2f} s")
    for measure, target in (("relaxed", 0.92), ("value", 0.82)):
        f1 = scores[measure]["F1"]
        verdict = "met" if f1 >= target else "NOT met"
        print(f"{'target ' + measure + ' F1':<28}{target:8.2f}  got {f1:.3f}  {verdict}")
    out = {
        "mode": "direct" if a.direct else "cli",
        "documents": len(docs),
        "characters": n_chars,
        "scores": scores,
        "parse_seconds": round(t_parse, 3),
        "timex_seconds": round(t_timex, 4),
        "timex_over_parse": round(ratio, 4),
        "cli_seconds": round(t_cli, 3) if t_cli is not None else None,
        "targets": {"relaxed_F1": 0.92, "value_F1": 0.82},
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
