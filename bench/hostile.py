"""Time and peak memory of one article's analysis, for long news texts and hostile inputs.

Each case runs in a child process of its own: the child loads the model, builds the text (news
texts are realnews / PolNeAR articles of ``../shared`` repeated at run time, never stored in the
repository), then analyses it with :func:`saidwhat.pipeline.analyze_text`. Reported per case: wall
and CPU seconds of the analysis, the child's peak resident memory (``VmHWM``) and its growth over
the loaded model, per MB of text. Writes ``bench/out/hostile.json``.

    python bench/hostile.py                 # every case
    python bench/hostile.py --only news-1mb parens-200kb
    python bench/hostile.py --repo /path/to/other/checkout --only parens-10kb   # "before" numbers

Targets (issue 14): any accepted input ≤ 2 s and ≤ 400 MB peak per MB of text; bracket / quote runs
of 200 KB ≤ 5 s. Timings depend on the machine's load: CPU seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", ROOT.parent / "shared")).resolve()
OUT = ROOT / "bench" / "out" / "hostile.json"
KB = 1000
MB = 1000 * KB


def _news(size: int, sep: str) -> str:
    files = sorted((SHARED / "realnews" / "docs").glob("*.txt")) + sorted(
        (SHARED / "polnear" / "dev").glob("*.txt")
    )
    if not files:
        raise SystemExit(f"no news texts under {SHARED} (realnews/docs, polnear/dev)")
    texts = [f.read_text(encoding="utf-8").strip() for f in files]
    parts: list[str] = []
    n, i = 0, 0
    while n < size:
        t = texts[i % len(texts)]
        parts.append(t)
        n += len(t.encode("utf-8")) + len(sep)
        i += 1
    return _cut(sep.join(parts), size)


def _cut(text: str, size: int) -> str:
    """``text`` cut to at most ``size`` UTF-8 bytes."""
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def _repeat(unit: str, size: int) -> str:
    return _cut(unit * (size // len(unit.encode("utf-8")) + 1), size)


def _random_punct(size: int) -> str:
    rnd = random.Random(14)
    return "".join(rnd.choice(')]("“”_*!?[') for _ in range(size))


CASES: dict[str, Any] = {
    "news-1mb": lambda: _news(1 * MB, "\n\n"),
    "news-2mb": lambda: _news(2 * MB, "\n\n"),
    "news-5mb": lambda: _news(5 * MB, "\n\n"),
    "news-3mb-one-line": lambda: _news(3 * MB, " "),
    "parens-10kb": lambda: _repeat(")", 10 * KB),
    "parens-20kb": lambda: _repeat(")", 20 * KB),
    "parens-200kb": lambda: _repeat(")", 200 * KB),
    "brackets-200kb": lambda: _repeat("[", 200 * KB),
    "quotes-200kb": lambda: _repeat('"', 200 * KB),
    "curly-quotes-200kb": lambda: _repeat("“", 200 * KB),
    "spaced-parens-200kb": lambda: _repeat(") ", 200 * KB),
    "spaced-quotes-200kb": lambda: _repeat('" ', 200 * KB),
    "random-punct-200kb": lambda: _random_punct(200 * KB),
    "one-word-1mb": lambda: _repeat("a", 1 * MB),
    "word-run-1mb": lambda: _repeat("said ", 1 * MB),
    "emoji-200kb": lambda: _repeat("😀", 200 * KB),
    "emoji-spaced-200kb": lambda: _repeat("👩‍👩‍👧 ", 200 * KB),
    "newlines-1mb": lambda: _repeat("\n", 1 * MB),
    "short-lines-1mb": lambda: _repeat("Yes.\n", 1 * MB),
    # under the 100,000 characters from which a text was chunked: parsed whole before, 1 GB of peak
    "short-lines-99kb": lambda: _repeat("Yes.\n", 99 * KB),
}


def _status() -> dict[str, int]:
    out: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(rest.split()[0]) * 1024
    return out


def child(case: str) -> None:
    """Run one case in this process and print its measurements as JSON."""
    from saidwhat.pipeline import analyze_text

    analyze_text("Warm-up: the model loads here, she said.", published="2020-01-01")
    text = CASES[case]()
    size = len(text.encode("utf-8"))
    base = _status()["VmRSS"]
    # peak from here on (Linux: writing 5 to clear_refs resets VmHWM)
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")
    t0, c0 = time.perf_counter(), time.process_time()
    analysis = analyze_text(text, published="2020-01-01")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = max(_status()["VmHWM"], base)
    print(
        json.dumps(
            {
                "case": case,
                "bytes": size,
                "wall_s": round(wall, 2),
                "cpu_s": round(cpu, 2),
                "peak_mb": round(peak / 1e6, 1),
                "base_mb": round(base / 1e6, 1),
                "growth_mb": round((peak - base) / 1e6, 1),
                "statements": len(analysis.statements),
                "entities": len(analysis.entities),
            }
        )
    )


def run(case: str, repo: Path, timeout: float) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(repo))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", case]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        spent = round(time.perf_counter() - t0, 1)
        return {"case": case, "error": f"over {timeout:g} s (killed)", "wall_s": spent}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"case": case, "error": f"exit {proc.returncode}: {tail[:200]}"}
    row: dict[str, Any] = json.loads(lines[-1])
    mb = row["bytes"] / MB
    row["s_per_mb"] = round(row["cpu_s"] / mb, 2)
    row["peak_mb_per_mb"] = round(row["peak_mb"] / mb, 1)
    row["growth_mb_per_mb"] = round(row["growth_mb"] / mb, 1)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="case names (default: all)")
    ap.add_argument("--repo", type=Path, default=ROOT, help="checkout whose saidwhat is measured")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds before a case is killed")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return 0
    cases = args.only or list(CASES)
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(CASES)}")
    rows = []
    head = f"{'case':<22}{'bytes':>10}{'wall s':>9}{'cpu s':>8}{'s/MB':>9}{'peak MB':>9}{'growth MB':>10}"
    head += f"{'MB/MB':>7}"
    print(head)
    for case in cases:
        row = run(case, args.repo, args.timeout)
        rows.append(row)
        if "error" in row:
            print(f"{case:<22}  {row['error']}")
        else:
            print(
                f"{case:<22}{row['bytes']:>10}{row['wall_s']:>9.2f}{row['cpu_s']:>8.2f}{row['s_per_mb']:>9.2f}"
                f"{row['peak_mb']:>9.0f}{row['growth_mb']:>10.0f}{row['growth_mb_per_mb']:>7.0f}"
            )
        sys.stdout.flush()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    args.out.write_text(
        json.dumps({"repo": str(args.repo), "load_avg_1min": load, "cases": rows}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
