"""bench/scale.py's rounds (issue 20): each ratio against its own round's baseline, medians, the
schema of each round."""

from __future__ import annotations

from typing import Any

from bench import scale


def _row(config: str, per_s: float, steady: float) -> dict[str, Any]:
    return {"config": config, "articles_per_s": per_s, "steady_articles_per_s": steady}


def _round(w1: float, w2: float, ray: float | None, pg: float | None) -> dict[str, Any]:
    rows = [_row("workers1", w1, w1 * 1.1), _row("workers2", w2, w2 * 1.1)]
    if ray is not None:
        rows.append(_row("ray", ray, ray * 1.2))
    if pg is not None:
        rows.append(_row("workers2 + PostgreSQL", pg, pg))
    return {"ratios": scale.target_ratios(rows)}


def test_ratios_are_taken_against_their_own_round() -> None:
    ratios = scale.target_ratios(
        [
            _row("workers1", 2.0, 2.0),
            _row("workers2", 3.6, 4.0),
            _row("ray", 3.0, 4.4),
            _row("workers2 + PostgreSQL", 2.7, 3.0),
        ]
    )
    assert ratios["workers2 / workers1"] == 1.8
    assert ratios["ray / workers1"] == 1.5
    assert ratios["postgresql / sqlite"] == 0.75  # against --workers 2 on SQLite, not --workers 1
    assert ratios["ray / workers1 (steady)"] == 2.2


def test_a_configuration_left_out_has_no_ratio() -> None:
    ratios = _round(2.0, 3.0, None, None)["ratios"]
    assert set(ratios) == {"workers2 / workers1", "workers2 / workers1 (steady)"}


def test_summary_gives_every_round_its_median_and_the_rounds_meeting_the_target() -> None:
    # a machine that speeds up: the baseline moves, each round's ratio is its own
    rounds = [_round(1.7, 2.8, 2.9, 3.0), _round(1.9, 3.2, 3.0, 3.2), _round(2.0, 3.0, 2.9, 2.6)]
    s = scale.summary(rounds)
    w2 = s["workers2 / workers1"]
    assert [round(v, 3) for v in w2["values"]] == [1.647, 1.684, 1.5]
    assert round(w2["median"], 3) == 1.647
    assert w2["target"] == 1.7 and w2["rounds_meeting_target"] == 0
    assert s["ray / workers1"]["rounds_meeting_target"] == 1  # 2.9 / 1.7 only
    pg = s["postgresql / sqlite"]
    assert pg["rounds_meeting_target"] == 2 and round(pg["median"], 3) == 1.0
    assert s["workers2 / workers1 (steady)"]["target"] is None


def test_each_round_has_a_schema_of_its_own() -> None:
    url = "postgresql://postgres@127.0.0.1:5432/test?schema=sb_main&connect_timeout=5"
    assert (
        scale.round_url(url, 2)
        == "postgresql://postgres@127.0.0.1:5432/test?connect_timeout=5&schema=sb_main_r2"
    )
    assert scale.round_url("postgresql://u@h/db", 1) == "postgresql://u@h/db?schema=scale_r1"
