"""Accuracy floors already reached, kept as CI gates (the targets themselves live in bench/).

Each test runs the real CLI over a shared corpus and scores it with the official scorer in
``../shared/tools``, exactly as ``bench/attribution.py`` and ``bench/timex.py`` do. The floors sit a
little under the numbers measured when they were set, so that a regression fails CI while the
benchmarks keep tracking the targets.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED

POLNEAR_DEV = SHARED / "polnear" / "dev"
TIMEBANK = SHARED / "timebank"
TOOLS = SHARED / "tools"

pytestmark = pytest.mark.slow


def saidwhat(*args: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "saidwhat", *args], capture_output=True, text=True, cwd=ROOT, timeout=900
    )
    assert r.returncode == 0, r.stderr[-2000:]


def score(*args: str | Path) -> dict[str, dict[str, float]]:
    out = Path(str(args[-1]))
    r = subprocess.run(
        [sys.executable, *map(str, args[:-1]), "--json", str(out)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    result: dict[str, dict[str, float]] = json.loads(out.read_text(encoding="utf-8"))
    return result


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"PolNeAR dev not found at {POLNEAR_DEV}")
def test_attribution_floor_on_polnear_dev(tmp_path: Path) -> None:
    # every statement (--min-confidence 0), measured 2026-12-02 (fifth session): lenient P 0.858
    # R 0.7509 (1,646 of 2,192), strict F1 0.575 (targets P ≥ .85, R ≥ .75, strict ≥ .55)
    pred = tmp_path / "pred"
    saidwhat("analyze", str(POLNEAR_DEV), "--out", str(pred), "--min-confidence", "0")
    r = score(TOOLS / "score_attribution.py", POLNEAR_DEV, pred, tmp_path / "score.json")
    assert r["lenient"]["P"] >= 0.85, r
    assert r["lenient"]["R"] >= 0.74, r
    assert r["strict"]["F1"] >= 0.56, r
    # the default output (Settings.min_confidence 0.3), measured 2026-12-03 (session 8): lenient P
    # 0.868 R 0.731 (1,603 of 2,192), strict F1 0.574; session 10 after trust5: P 0.867 R 0.719
    # (1,576 of 2,192), strict F1 0.570 — the R floor .72 -> .71 follows the product choices of
    # trust4/trust5 (events, topic-only speech, purposes, beliefs of bare plurals under the cut:
    # PolNeAR counts them, the real-news policy does not; docs/attribution.md)
    cut = tmp_path / "cut"
    cut.mkdir()
    for f in pred.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        d["statements"] = [x for x in d["statements"] if x["confidence"] >= 0.3]
        (cut / f.name).write_text(json.dumps(d), encoding="utf-8")
    c = score(TOOLS / "score_attribution.py", POLNEAR_DEV, cut, tmp_path / "cut.json")
    assert c["lenient"]["P"] >= 0.86 and c["lenient"]["P"] > r["lenient"]["P"], c
    assert c["lenient"]["R"] >= 0.71, c
    assert c["strict"]["F1"] >= 0.56, c


@pytest.mark.skipif(not TIMEBANK.is_dir(), reason=f"TimeBank not found at {TIMEBANK}")
def test_timex_floor_on_timebank(tmp_path: Path) -> None:
    # measured 2026-11-23 (second session): relaxed F1 0.940, value F1 0.822
    # (targets relaxed ≥ .92, value ≥ .82)
    txt, pred = tmp_path / "txt", tmp_path / "pred"
    r0 = subprocess.run(
        [sys.executable, str(TOOLS / "score_timex.py"), "prepare", str(TIMEBANK), str(txt)],
        capture_output=True,
    )
    assert r0.returncode == 0
    saidwhat("analyze", str(txt), "--out", str(pred))
    r = score(TOOLS / "score_timex.py", "score", TIMEBANK, pred, tmp_path / "score.json")
    assert r["relaxed"]["F1"] >= 0.93, r
    assert r["value"]["F1"] >= 0.81, r
