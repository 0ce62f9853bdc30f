"""The neural half of the learned tagger: a small BiLSTM over the parse, run in NumPy.

Per token it reads the token's own CRF attributes (the first ``own`` strings :func:`unit_features`
builds for it: word, lemma, tags, dependency, cue and quote flags, governing cue …; not the
neighbour or word-class attributes, which the recurrent layer and the token vector stand in for)
as a sum of learned embeddings, plus the parser's contextual token vector (``doc.tensor``). One
layer mixes the two, a bidirectional LSTM runs over each paragraph unit, and a softmax gives the
probability of each BIO tag. :mod:`.decode` mixes these probabilities with the CRF's marginals.

Training is ``python -m saidwhat.attribution.learned.train_neural`` (PyTorch, a training-only
dependency); the weights are package data (``neural.npz``, ``neural_vocab.txt``) and inference
needs NumPy alone. The recurrent loop runs once per time step for all the units of a document
together (longest first, so the units still running at step ``t`` are a prefix of the batch):
its cost grows with the length of the longest paragraph, its work with the number of tokens.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.resources import as_file, files
from pathlib import Path

import numpy as np
from scipy.special import expit

from saidwhat.attribution.learned.crf import Units
from saidwhat.attribution.learned.features import blas_one_thread

WEIGHTS_FILE = "neural.npz"
VOCAB_FILE = "neural_vocab.txt"
# the arrays of a weights file: embeddings, token-vector projection, input layer, LSTM (forward
# and backward: input and recurrent weights, summed biases), output layer
ARRAYS = (
    "emb",
    "tp_w",
    "tp_b",
    "inp_w",
    "inp_b",
    "wih_f",
    "whh_f",
    "b_f",
    "wih_b",
    "whh_b",
    "b_b",
    "out_w",
    "out_b",
)
_KEEP_OPEN = ExitStack()


@dataclass(frozen=True, eq=False)
class NeuralTagger:
    """Weights of the BiLSTM tagger (row-vector convention: ``x @ w + b``) and its vocabulary.

    Labels are in :data:`saidwhat.attribution.learned.corpus.LABELS` order. LSTM gates are in
    PyTorch's order (input, forget, cell, output).
    """

    vocab: dict[str, int]
    emb: np.ndarray  # (V + 1, E); row 0 is unused (unknown attributes are skipped)
    tp_w: np.ndarray  # (D, E): token vector → embedding space
    tp_b: np.ndarray
    inp_w: np.ndarray  # (2E, H)
    inp_b: np.ndarray
    wih_f: np.ndarray  # (H, 4h)
    whh_f: np.ndarray  # (h, 4h)
    b_f: np.ndarray
    wih_b: np.ndarray
    whh_b: np.ndarray
    b_b: np.ndarray
    out_w: np.ndarray  # (2h, labels)
    out_b: np.ndarray

    @property
    def hidden(self) -> int:
        return int(self.whh_f.shape[0])

    @property
    def vector_width(self) -> int:
        return int(self.tp_w.shape[0])

    def probs(self, bag: np.ndarray, vectors: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Tag probabilities ``(tokens, labels)`` for the tokens of consecutive units.

        ``bag[k]``: the sum of the embeddings of token ``k``'s attributes (rows of :attr:`emb`,
        looked up by :attr:`vocab`; :func:`~saidwhat.attribution.learned.decode.attribute_space`
        does it for both taggers at once); ``vectors[k]``: its token vector; ``lengths`` cut the
        tokens into units (paragraphs), each read in both directions."""
        n = bag.shape[0]
        if n == 0:
            return np.zeros((0, self.out_b.shape[0]), dtype=np.float32)
        with blas_one_thread():
            vec = vectors.astype(np.float32, copy=False) @ self.tp_w + self.tp_b
            x = np.concatenate([bag.astype(np.float32, copy=False), vec], axis=1)
            x = np.maximum(x @ self.inp_w + self.inp_b, 0.0)
            w = self._step_weights
            h = self._bilstm(x @ w[0] + w[1], x @ w[3] + w[4], lengths)
            z = h @ self.out_w + self.out_b
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return np.asarray(z, dtype=np.float32)

    def _bilstm(self, gf: np.ndarray, gb: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """Both directions of the LSTM over every unit at once; ``g*`` are the input-gate
        pre-activations (tokens, 4h) in the step's gate order (:meth:`_step_weights`). Returns the
        concatenated hidden states (tokens, 2h). Each time step advances every unit still running,
        in both directions: a dozen NumPy calls per step and direction, whatever the number of units."""
        hd = self.hidden
        n = gf.shape[0]
        out = np.zeros((n, 2 * hd), dtype=np.float32)
        units = Units.of(lengths)
        if n == 0 or not units.active:
            return out
        st, active = units.start, units.active
        last = st + units.length - 1
        k = len(st)
        w = self._step_weights
        dirs = [
            (gf, w[2], np.zeros((k, hd), np.float32), 0),
            (gb, w[5], np.zeros((k, hd), np.float32), hd),
        ]
        cells = [np.zeros((k, hd), np.float32), np.zeros((k, hd), np.float32)]
        for t, a in enumerate(active):
            for (pre, whh, h, off), c in zip(dirs, cells, strict=True):
                rows = (last[:a] - t) if off else (st[:a] + t)
                g = h[:a] @ whh
                g += pre[rows]
                sig = expit(g[:, : 3 * hd])
                cc = c[:a]
                cc *= sig[:, hd : 2 * hd]
                cc += sig[:, :hd] * np.tanh(g[:, 3 * hd :])
                np.multiply(sig[:, 2 * hd :], np.tanh(cc), out=h[:a])
                out[rows, off : off + hd] = h[:a]
        return out

    @cached_property
    def _step_weights(self) -> tuple[np.ndarray, ...]:
        """Input weights, bias and recurrent weights of the forward then the backward direction,
        with the gates in the step's order (input, forget, output | cell: one sigmoid and one
        tanh per step)."""
        cols = _gate_columns(self.hidden)
        out: list[np.ndarray] = []
        for wih, b, whh in ((self.wih_f, self.b_f, self.whh_f), (self.wih_b, self.b_b, self.whh_b)):
            out += [np.ascontiguousarray(wih[:, cols]), b[cols], np.ascontiguousarray(whh[:, cols])]
        return tuple(out)


@lru_cache(maxsize=8)
def _gate_columns(hd: int) -> np.ndarray:
    """Columns of PyTorch's gate order (input, forget, cell, output) in the step's order
    (input, forget, output, cell)."""
    return np.concatenate([np.arange(g * hd, (g + 1) * hd) for g in (0, 1, 3, 2)])


def load_neural(weights: Path, vocab: Path) -> NeuralTagger:
    """A tagger from a weights file and its vocabulary (one attribute per line, row 1 first)."""
    with vocab.open(encoding="utf-8", newline="") as fh:
        words = fh.read().split("\n")
    if words and words[-1] == "":
        words.pop()
    with np.load(weights, allow_pickle=False) as z:
        arrays = {k: np.asarray(z[k], dtype=np.float32) for k in ARRAYS}
    if arrays["emb"].shape[0] != len(words) + 1:
        raise ValueError(f"{weights}: {arrays['emb'].shape[0] - 1} embeddings for {len(words)} attributes")
    return NeuralTagger(vocab={w: i for i, w in enumerate(words, 1)}, **arrays)


def save_neural(tagger: NeuralTagger, weights: Path, vocab: Path) -> None:
    words = [""] * len(tagger.vocab)
    for w, i in tagger.vocab.items():
        if "\n" in w:
            raise ValueError(f"an attribute with a line break cannot be stored: {w!r}")
        words[i - 1] = w
    with vocab.open("w", encoding="utf-8", newline="") as fh:
        fh.write("".join(w + "\n" for w in words))
    # an .npz written entry by entry with a fixed time stamp: the same weights, the same bytes
    with zipfile.ZipFile(weights, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for k in ARRAYS:
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(getattr(tagger, k), dtype=np.float32))
            zf.writestr(
                zipfile.ZipInfo(k + ".npy", date_time=(1980, 1, 1, 0, 0, 0)),
                buf.getvalue(),
                compress_type=zipfile.ZIP_DEFLATED,
            )


@lru_cache(maxsize=1)
def packaged_neural() -> NeuralTagger | None:
    """The packaged neural tagger, loaded once per process (None when it is not packaged)."""
    base = files(__package__)
    w, v = base.joinpath(WEIGHTS_FILE), base.joinpath(VOCAB_FILE)
    if not (w.is_file() and v.is_file()):
        return None
    return load_neural(_KEEP_OPEN.enter_context(as_file(w)), _KEEP_OPEN.enter_context(as_file(v)))
