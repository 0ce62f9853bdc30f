"""bench/claims_place.py (session 12's learned discourse place experiment): the rule trace, the
conditional logit and the refusal of the held-out set, on sentences and data written for the test."""

from __future__ import annotations

import sys
from dataclasses import replace

import numpy as np
import pytest

import saidwhat.claims.quantity as Q
from bench import claims_place as cp
from saidwhat.claims.lexicon import load_lexicon
from saidwhat.claims.text import ArticleView
from tests.test_claims_positions import analysis


def test_the_trace_names_the_rule_that_placed_each_value_and_leaves_the_package_as_it_was() -> None:
    text = "Officials said 12 people have died in Chile. There are a total of 40 cases."
    an = analysis(
        text,
        entities=[("Chile", "Chile", "GPE")],
        quantities=[("12 people", 12, "people"), ("40 cases", 40, "cases")],
    )
    lex = load_lexicon()
    about = Q._about
    vals, basis = cp.traced_values(ArticleView.build(an, None, lex.place_aliases), lex)
    got = {float(v.value or 0): (v.key.about, b) for v, b in zip(vals, basis, strict=True)}
    assert got[12.0] == (("Chile",), "clause")
    assert got[40.0] == ((), "none")
    assert Q._about is about  # the wrapped rules are put back


def _example(right: int, n: int = 3) -> cp.Example:
    x = np.zeros((n, len(cp.FEATURES)))
    x[0, cp.FEATURES.index("is_none")] = 1.0
    x[right, cp.FEATURES.index("in_prev1")] = 1.0
    cands = [cp.NONE, "Chile", "Peru"][:n]
    return cp.Example("s", "a", 0, (), cands, x, [i == right for i in range(n)], cands[right])


def test_the_conditional_logit_learns_the_feature_of_the_right_candidate_deterministically() -> None:
    train = [_example(1 + i % 2) for i in range(20)]
    w = cp.fit(train)
    assert np.array_equal(w, cp.fit(train))
    assert w[cp.FEATURES.index("in_prev1")] > 0
    place, p = cp.decide(_example(2), w, 0.5)
    assert place == "Peru" and p > 0.5
    # under the threshold the rules' answer (here: no place) stays
    assert cp.decide(_example(2), w, 0.999)[0] == cp.NONE


@pytest.mark.parametrize(
    "args", [["--sets", "heldout"], ["--sets", "dev,heldout"], ["--sets", "dev,dev9"], ["--test", "heldout"]]
)
def test_the_held_out_set_is_refused(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["claims_place.py", *args])
    assert cp.main() == 2


def test_a_regime_selects_its_values_and_hides_its_features_and_examples_survive_a_dump() -> None:
    placed_by_clause = replace(_example(1), rule=("Chile",), basis="clause")
    placed_by_speaker = replace(_example(1), rule=("Chile",), basis="speaker")
    unplaced = _example(2)
    raw = [placed_by_clause, placed_by_speaker, unplaced]
    assert [e.basis for e in cp.select(raw, frozenset(), "unplaced")] == ["none"]
    assert [e.basis for e in cp.select(raw, frozenset(), "discourse")] == ["speaker", "none"]
    assert len(cp.select(raw, frozenset(), "all")) == 3
    hidden = cp.select(raw, frozenset({"in_prev1"}), "all")
    assert not hidden[0].x[:, cp.FEATURES.index("in_prev1")].any()
    assert raw[0].x[:, cp.FEATURES.index("in_prev1")].any()  # the raw examples are not changed
    back = cp.Example.from_dict(placed_by_speaker.to_dict())
    assert back.rule == ("Chile",) and back.basis == "speaker" and np.array_equal(back.x, placed_by_speaker.x)
