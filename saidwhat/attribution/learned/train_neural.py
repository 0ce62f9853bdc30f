"""Train the neural half of the attribution tagger (a BiLSTM, :mod:`.neural`) on PolNeAR-style data.

usage: python -m saidwhat.attribution.learned.train_neural --train DIR --out neural.npz

Needs PyTorch, a training-only dependency (``pip install torch``; ``make train`` installs it): run
time reads the exported NumPy weights alone. The texts are parsed with the production pipeline (or
read from the parse cache ``train.py`` writes, ``--cache``), cut into paragraph units, and each
token becomes its own CRF attributes (:func:`unit_features`, without the neighbour and word-class
attributes: the recurrent layer and the token vector stand in for them) and its token vector.

Training is deterministic: fixed seeds, PyTorch's deterministic algorithms, a fixed number of
threads, batches of units of similar length in a seeded order. The same data and options give the
same weights, byte for byte, on the same machine and library versions.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from saidwhat.attribution.learned.corpus import LABELS, char_roles, read_ann, token_tags
from saidwhat.attribution.learned.features import (
    Centroids,
    Parsed,
    cue_flags,
    packaged_centroids,
    unit_features,
)
from saidwhat.attribution.learned.neural import VOCAB_FILE, NeuralTagger, save_neural
from saidwhat.attribution.learned.train import trainer_arguments, training_corpus

DEFAULTS: dict[str, Any] = {
    "emb": 64,  # attribute embedding width
    "hidden": 128,  # input layer width; the LSTM has hidden / 2 units per direction
    "epochs": 5,
    "dropout": 0.5,
    "lr": 2e-3,
    "batch": 32,  # units per batch
    "minfreq": 5,  # attributes seen fewer times are dropped
    "seed": 0,
    "threads": 1,  # PyTorch's multi-threaded kernels do not always sum in the same order
    "swa": 0,  # average the weights over the batches of this many last epochs (0: the last weights)
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One training sequence: per token, its attribute ids, its token vector and its label."""

    ids: list[list[int]]
    vectors: np.ndarray
    tags: list[int]


def own_attributes(p: Parsed, unit: list[int], is_cue: dict[int, bool]) -> list[list[str]]:
    """The token's own attributes of every token of a unit (the prefix :func:`unit_features`
    builds before the neighbour and word-class attributes)."""
    counts: list[int] = []
    feats = unit_features(p, unit, is_cue, counts)
    return [f[:k] for f, k in zip(feats, counts, strict=True)]


def read_units(
    docs: list[Doc], files: list[Path], centroids: Centroids
) -> Iterator[tuple[list[list[str]], np.ndarray, list[int]]]:
    """(attributes, token vectors, label indices) per paragraph unit of every document."""
    index = {y: k for k, y in enumerate(LABELS)}
    for doc, f in zip(docs, files, strict=True):
        roles = char_roles(len(doc.text), read_ann(f.with_suffix(".ann")))
        p = Parsed.from_doc(doc, centroids)
        is_cue = cue_flags(p)
        tensor = np.asarray(doc.tensor, dtype=np.float32)
        for unit in p.units:
            tags = [index[t] for t in token_tags(p, unit, roles)]
            yield own_attributes(p, unit, is_cue), tensor[unit], tags


def build_vocab(units: list[tuple[list[list[str]], np.ndarray, list[int]]], minfreq: int) -> dict[str, int]:
    """Attributes seen at least ``minfreq`` times, sorted, numbered from 1 (0: unknown)."""
    counts = Counter(a for feats, _, _ in units for f in feats for a in f)
    kept = sorted(a for a, c in counts.items() if c >= minfreq and "\n" not in a)
    return {a: i for i, a in enumerate(kept, 1)}


def train(
    docs: list[Doc],
    files: list[Path],
    out: Path,
    centroids: Centroids | None = None,
    verbose: bool = False,
    **options: Any,
) -> NeuralTagger:
    """Train the tagger and write its weights to ``out`` (and the vocabulary beside it)."""
    import torch
    from torch import nn

    opt = {**DEFAULTS, **options}
    seed = int(opt["seed"])
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(int(opt["threads"]))
    raw = list(read_units(docs, files, centroids if centroids is not None else packaged_centroids()))
    vocab = build_vocab(raw, int(opt["minfreq"]))
    units = [Unit([[vocab[a] for a in f if a in vocab] for f in fs], vec, tags) for fs, vec, tags in raw]
    width = units[0].vectors.shape[1] if units else 96
    emb_w, hid, drop = int(opt["emb"]), int(opt["hidden"]), float(opt["dropout"])

    class Model(nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.EmbeddingBag(len(vocab) + 1, emb_w, mode="sum", padding_idx=0)
            self.tp = nn.Linear(width, emb_w)
            self.inp = nn.Linear(2 * emb_w, hid)
            self.lstm = nn.LSTM(hid, hid // 2, batch_first=True, bidirectional=True)
            self.out = nn.Linear(hid, len(LABELS))
            self.drop = nn.Dropout(drop)

        def forward(self, flat: Any, offsets: Any, vectors: Any, lengths: list[int]) -> Any:
            x = torch.cat([self.emb(flat, offsets), self.tp(vectors)], 1)
            x = self.drop(torch.relu(self.inp(x)))
            parts = torch.split(x, lengths)
            padded = nn.utils.rnn.pad_sequence(list(parts), batch_first=True)
            packed = nn.utils.rnn.pack_padded_sequence(
                padded, torch.tensor(lengths), batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=padded.shape[1])
            h = self.drop(h)
            return self.out(torch.cat([h[b, :n] for b, n in enumerate(lengths)]))

    def batch_tensors(batch: list[Unit]) -> tuple[Any, Any, Any, Any, list[int]]:
        flat: list[int] = []
        offsets: list[int] = []
        for u in batch:
            for ids in u.ids:
                offsets.append(len(flat))
                flat.extend(ids)
        return (
            torch.tensor(flat, dtype=torch.long),
            torch.tensor(offsets, dtype=torch.long),
            torch.from_numpy(np.concatenate([u.vectors for u in batch])),
            torch.tensor([t for u in batch for t in u.tags]),
            [len(u.tags) for u in batch],
        )

    model = Model()
    optim = torch.optim.Adam(model.parameters(), lr=float(opt["lr"]))
    loss_fn = nn.CrossEntropyLoss()
    order = sorted(range(len(units)), key=lambda i: (len(units[i].tags), i))
    size = int(opt["batch"])
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    rng = random.Random(seed)
    epochs = int(opt["epochs"])
    model.train()
    swa_from = epochs - int(opt["swa"])
    swa: dict[str, Any] = {}
    swa_n = 0
    for epoch in range(epochs):
        t0 = time.perf_counter()
        if epoch == epochs - 2:  # a lower rate for the last two epochs
            for group in optim.param_groups:
                group["lr"] *= 0.3
        rng.shuffle(batches)
        total = 0.0
        for b in batches:
            flat, offsets, vectors, tags, lengths = batch_tensors([units[i] for i in b])
            loss = loss_fn(model(flat, offsets, vectors, lengths), tags)
            optim.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optim.step()
            total += float(loss.item())
            if epoch >= swa_from:
                swa_n += 1
                with torch.no_grad():
                    for k, v in model.state_dict().items():
                        if k in swa:
                            swa[k] += (v - swa[k]) / swa_n
                        else:
                            swa[k] = v.clone()
        if verbose:
            mean = total / max(1, len(batches))
            print(f"epoch {epoch}: loss {mean:.4f} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    state = swa if swa else model.state_dict()
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in state.items()}
    sd["emb.weight"][0] = 0.0
    tagger = NeuralTagger(
        vocab=vocab,
        emb=sd["emb.weight"],
        tp_w=sd["tp.weight"].T.copy(),
        tp_b=sd["tp.bias"],
        inp_w=sd["inp.weight"].T.copy(),
        inp_b=sd["inp.bias"],
        wih_f=sd["lstm.weight_ih_l0"].T.copy(),
        whh_f=sd["lstm.weight_hh_l0"].T.copy(),
        b_f=sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
        wih_b=sd["lstm.weight_ih_l0_reverse"].T.copy(),
        whh_b=sd["lstm.weight_hh_l0_reverse"].T.copy(),
        b_b=sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
        out_w=sd["out.weight"].T.copy(),
        out_b=sd["out.bias"],
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    save_neural(tagger, out, out.parent / VOCAB_FILE)
    return tagger


def main(argv: list[str] | None = None) -> int:
    ap = trainer_arguments(__doc__, "where to write the weights (.npz)")
    for name, value in DEFAULTS.items():
        ap.add_argument(f"--{name}", type=type(value), default=value)
    args = ap.parse_args(argv)
    corpus = training_corpus(args)
    if corpus is None:
        return 2
    files, docs, parse_s = corpus
    t1 = time.perf_counter()
    options = {name: getattr(args, name) for name in DEFAULTS}
    tagger = train(docs, files, args.out, verbose=args.verbose, **options)
    t2 = time.perf_counter()
    print(
        f"{len(files)} documents parsed in {parse_s:.0f} s, trained in {t2 - t1:.0f} s; "
        f"{len(tagger.vocab)} attributes, weights {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
