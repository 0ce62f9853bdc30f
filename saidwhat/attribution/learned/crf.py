"""Inference of the linear-chain CRF in NumPy, for many paragraph units at once.

The model is trained by CRFsuite (:mod:`.train`) and read back from its file through
``pycrfsuite.Tagger.info()``: per attribute and label a state weight, per label pair a transition
weight. A token's score for a label is the sum of the state weights of its attributes (binary
attributes: a sparse token × attribute matrix times the weight matrix), and marginals and the best
path follow from the forward-backward and Viterbi recursions of CRFsuite's ``crf1d`` model (no
start or end weights). Computed this way for all the units of a batch of documents together, with
one NumPy step per position of the longest unit, the tagger costs a fraction of CRFsuite's
per-sequence calls, and the marginals come as one array, ready to be mixed with the neural
tagger's probabilities (see docs/learned-attribution.md; tests check the numbers against
CRFsuite's own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycrfsuite

from saidwhat.attribution.learned.corpus import LABELS


@dataclass(frozen=True, eq=False)
class LinearCRF:
    """State weights ``(attributes + 1, labels)`` (row 0: an unknown attribute, all zero),
    transition weights ``(labels, labels)`` and a label bias (0, or ``-inf`` for a label the model
    never saw, which CRFsuite never predicts); labels in :data:`LABELS` order."""

    vocab: dict[str, int]
    state: np.ndarray
    trans: np.ndarray
    bias: np.ndarray

    @classmethod
    def from_crfsuite(cls, path: Path) -> LinearCRF:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            info = tagger.info()
        finally:
            tagger.close()
        index = {y: k for k, y in enumerate(LABELS)}
        unknown = set(info.labels) - set(index)
        if unknown:
            raise ValueError(f"{path}: labels {sorted(unknown)} are not tagger labels")
        attrs = sorted({a for a, _ in info.state_features})
        vocab = {a: i for i, a in enumerate(attrs, 1)}
        state = np.zeros((len(attrs) + 1, len(LABELS)), dtype=np.float64)
        for (a, y), w in info.state_features.items():
            state[vocab[a], index[y]] = w
        trans = np.zeros((len(LABELS), len(LABELS)), dtype=np.float64)
        for (y0, y1), w in info.transitions.items():
            trans[index[y0], index[y1]] = w
        bias = np.array([0.0 if y in info.labels else -np.inf for y in LABELS])
        return cls(vocab, state, trans, bias)

    def labels(self) -> list[str]:
        """The labels the model knows."""
        return [y for y, b in zip(LABELS, self.bias.tolist(), strict=True) if b == 0.0]

    def marginals(self, scores: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Per token, the marginal probability of each label ``(tokens, labels)``, given the
        state scores of the tokens of consecutive units (``lengths``)."""
        return forward_backward(scores + self.bias, lengths, self.trans)

    def viterbi(self, scores: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Per token, the label index on the best path of its unit."""
        return viterbi(scores + self.bias, lengths, self.trans)


@dataclass(frozen=True, slots=True)
class Units:
    """Consecutive units (token runs of the given lengths) advanced together, longest first: at
    step ``t`` the first ``active[t]`` units (in ``start``/``length`` order) are still running,
    and their token ``t`` is ``start + t``."""

    start: np.ndarray
    length: np.ndarray
    active: list[int]

    @classmethod
    def of(cls, lengths: Sequence[int]) -> Units:
        ln = np.asarray(lengths, dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum(ln)[:-1]]).astype(np.int64) if len(ln) else ln
        order = np.argsort(-ln, kind="stable")
        st, ln = starts[order], ln[order]
        steps = int(ln[0]) if len(ln) else 0
        active = np.searchsorted(-ln, -np.arange(steps), side="left").tolist()
        return cls(st, ln, active)


def forward_backward(scores: np.ndarray, lengths: Sequence[int], trans: np.ndarray) -> np.ndarray:
    """Marginals of a linear-chain model, unit by unit: scaled forward and backward recursions
    (each step's vector normalised to sum 1), state scores shifted by their row maximum."""
    n, k = scores.shape
    out = np.zeros((n, k), dtype=np.float64)
    units = Units.of(lengths)
    if n == 0 or not units.active:
        return out
    psi = np.exp(scores - scores.max(axis=1, keepdims=True))
    et = np.exp(trans)
    st, ln, active = units.start, units.length, units.active
    alpha = np.zeros((n, k), dtype=np.float64)
    a0 = active[0]
    cur = psi[st[:a0]]
    cur /= cur.sum(axis=1, keepdims=True)
    alpha[st[:a0]] = cur
    for t in range(1, len(active)):
        a = active[t]
        rows = st[:a] + t
        nxt = (cur[:a] @ et) * psi[rows]
        nxt /= nxt.sum(axis=1, keepdims=True)
        alpha[rows] = nxt
        cur = nxt
    beta = np.ones((n, k), dtype=np.float64)
    back = np.ones((len(ln), k), dtype=np.float64)
    for t in range(len(active) - 2, -1, -1):
        a = active[t + 1]  # units that go on past t
        rows = st[:a] + t
        nxt = (psi[rows + 1] * back[:a]) @ et.T
        nxt /= nxt.sum(axis=1, keepdims=True)
        back[:a] = nxt
        beta[rows] = nxt
    out = alpha * beta
    out /= out.sum(axis=1, keepdims=True)
    return out


def viterbi(
    scores: np.ndarray, lengths: Sequence[int], trans: np.ndarray, start: np.ndarray | None = None
) -> np.ndarray:
    """Per token, the label index on the best path of its unit: the path maximising the sum of
    state scores, transition weights ``trans[prev, next]`` and ``start`` at each unit's first
    token (``-inf`` forbids). Ties go to the lower label index."""
    n, k = scores.shape
    out = np.zeros(n, dtype=np.int64)
    units = Units.of(lengths)
    if n == 0 or not units.active:
        return out
    st, ln, active = units.start, units.length, units.active
    cur = scores[st].copy()
    if start is not None:
        cur += start
    back = np.zeros((len(active), len(ln), k), dtype=np.int8)
    for t in range(1, len(active)):
        a = active[t]
        cand = cur[:a, :, None] + trans[None]
        best = cand.argmax(axis=1)
        back[t, :a] = best
        cur[:a] = np.take_along_axis(cand, best[:, None, :], axis=1)[:, 0] + scores[st[:a] + t]
    state = cur.argmax(axis=1)
    for t in range(len(active) - 1, -1, -1):
        a = active[t]
        out[st[:a] + t] = state[:a]
        if t:
            state[:a] = back[t, :a][np.arange(a), state[:a]]
    return out
