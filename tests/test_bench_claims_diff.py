"""bench/claims_diff.py: a blind set's articles are never read, in either gold file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import bench_module


def _bench() -> Any:
    return bench_module("claims_diff")


def test_every_blind_sets_articles_are_skipped_in_both_gold_files() -> None:
    bench, pool = _bench(), bench_module("claims_pool")
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in bench.GOLDS]
    skip = bench.blind_ids(golds, pool.BLIND_SETS, [])
    by_set = {name: {a["id"] for a in s["articles"]} for g in golds for name, s in g["sets"].items()}
    # Timeline17's blind sets and the outside collections' (before session 34, only Timeline17's)
    assert by_set["heldout"] <= skip and by_set["webflu9"] <= skip and by_set["webflu2"] <= skip
    assert by_set["webflu11"] <= skip
    # development sets are read
    assert not (by_set["webflu10"] | by_set["dev"]) & skip


def test_an_exclude_file_adds_its_ids(tmp_path: Path) -> None:
    f = tmp_path / "ids.txt"
    f.write_text("web99/01 being annotated\n# a comment\n", encoding="utf-8")
    assert "web99/01" in _bench().blind_ids([], frozenset(), [f])


def test_the_pool_is_timeline17s_collections_and_the_development_webflu_texts_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _bench()
    monkeypatch.syspath_prepend(str(Path(bench.__file__).parent))  # its `from claims_pool import ...`
    (tmp_path / "webflu3").mkdir()
    (tmp_path / "webflu3" / "articles.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "webflu2").mkdir()  # blind: never compared, texts or not
    (tmp_path / "webflu2" / "articles.jsonl").write_text("", encoding="utf-8")
    got = bench.pool_collections(Path("/c"), tmp_path, "", "_e")
    assert [c.name for c in got] == ["h1n1", "haiti", "IraqWar", "MJ", "webflu3"]
    assert got[-1].cache == Path("/c/webflu3") and got[-1].cache_b == Path("/c/webflu3_e")
