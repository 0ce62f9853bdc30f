"""Train the attribution tagger (a linear-chain CRF) on PolNeAR-style brat data.

usage: python -m saidwhat.attribution.learned.train --train DIR --out model.crfsuite

DIR holds ``<name>.txt`` and ``<name>.ann`` pairs. Texts are parsed with the production pipeline
(:func:`saidwhat.nlp.load_nlp`); word classes are fitted on the parser's token vectors (k-means,
fixed seed) and written beside the model as ``clusters.npz``; the texts are cut into paragraph
units, turned into features and BIO tags, and fed to CRFsuite's L-BFGS trainer (deterministic:
same data and options, same model and centroids).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from saidwhat.attribution.learned.corpus import char_roles, read_ann, token_tags
from saidwhat.attribution.learned.features import (
    CLUSTERS_FILE,
    Centroids,
    Parsed,
    cue_flags,
    kmeans,
    save_centroids,
    unit_features,
)
from saidwhat.nlp import load_nlp

DEFAULTS = {"c1": 3.0, "c2": 0.01, "max_iterations": 150, "minfreq": 5}
# word classes: k-means of the parser's token vectors, on a fixed sample of the training tokens
CLUSTER_SIZES = (32, 256)
CLUSTER_SAMPLE = 300_000


def corpus_files(directory: Path) -> list[Path]:
    """The ``.txt`` files of a directory that have an ``.ann`` beside them, sorted."""
    return sorted(p for p in directory.glob("*.txt") if p.with_suffix(".ann").exists())


def trainer_arguments(description: str | None, out_help: str) -> argparse.ArgumentParser:
    """The options both trainers share: ``--train``, ``--out``, ``--cache``, ``--n-process``,
    ``--verbose``."""
    ap = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--train", type=Path, required=True, help="directory of .txt/.ann pairs")
    ap.add_argument("--out", type=Path, required=True, help=out_help)
    ap.add_argument("--cache", type=Path, help="DocBin file caching the parses between runs")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    return ap


def training_corpus(args: argparse.Namespace) -> tuple[list[Path], list[Doc], float] | None:
    """The training files of ``args.train``, their parses and the seconds the parse took; None,
    after a message, when the directory has no ``.txt``/``.ann`` pairs."""
    files = corpus_files(args.train)
    if not files:
        print(f"no .txt/.ann pairs in {args.train}", file=sys.stderr)
        return None
    t0 = time.perf_counter()
    docs = parse_corpus(files, load_nlp(), n_process=args.n_process, cache=args.cache)
    return files, docs, time.perf_counter() - t0


def parse_corpus(
    files: list[Path], nlp: Language, n_process: int = 1, cache: Path | None = None
) -> list[Doc]:
    """Parse the texts (or read them from a DocBin cache written by an earlier run; the token
    vectors, which a DocBin does not keep, are cached beside it)."""
    tensors = cache.with_suffix(".tensors.npz") if cache is not None else None
    if cache is not None and tensors is not None and cache.exists() and tensors.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        with np.load(tensors, allow_pickle=False) as z:
            arrays = [z[f"arr_{i}"] for i in range(len(z.files))]
        if len(docs) == len(files) == len(arrays) and all(
            d.text == f.read_text(encoding="utf-8") for d, f in zip(docs, files, strict=True)
        ):
            for d, t in zip(docs, arrays, strict=True):
                d.tensor = t
            return docs
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = list(nlp.pipe(texts, batch_size=16, n_process=n_process))
    if cache is not None and tensors is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
        with tensors.open("wb") as fh:
            np.savez(fh, *[d.tensor for d in docs])
    return docs


def fit_centroids(docs: list[Doc]) -> Centroids:
    """Word classes for the tagger: k-means of a fixed sample of the training token vectors."""
    x = np.concatenate([d.tensor for d in docs]).astype(np.float32)
    rng = np.random.default_rng(0)
    x = x[rng.choice(len(x), min(CLUSTER_SAMPLE, len(x)), replace=False)]
    return {k: kmeans(x, min(k, len(x))) for k in CLUSTER_SIZES}


def sequences(
    docs: list[Doc], files: list[Path], centroids: Centroids
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, tags) per paragraph unit of every document."""
    for doc, f in zip(docs, files, strict=True):
        roles = char_roles(len(doc.text), read_ann(f.with_suffix(".ann")))
        p = Parsed.from_doc(doc, centroids)
        is_cue = cue_flags(p)
        for unit in p.units:
            yield unit_features(p, unit, is_cue), token_tags(p, unit, roles)


def train(
    docs: list[Doc],
    files: list[Path],
    out: Path,
    *,
    c1: float = DEFAULTS["c1"],
    c2: float = DEFAULTS["c2"],
    max_iterations: int = int(DEFAULTS["max_iterations"]),
    minfreq: int = int(DEFAULTS["minfreq"]),
    verbose: bool = False,
) -> None:
    """Fit the word classes and the CRF; write the model to ``out`` and the centroids beside it."""
    centroids = fit_centroids(docs)
    out.parent.mkdir(parents=True, exist_ok=True)
    save_centroids(out.parent / CLUSTERS_FILE, centroids)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for xseq, yseq in sequences(docs, files, centroids):
        trainer.append(xseq, yseq)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": minfreq,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = trainer_arguments(__doc__, "where to write the model")
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--max-iterations", type=int, default=int(DEFAULTS["max_iterations"]))
    ap.add_argument("--minfreq", type=int, default=int(DEFAULTS["minfreq"]))
    args = ap.parse_args(argv)
    corpus = training_corpus(args)
    if corpus is None:
        return 2
    files, docs, parse_s = corpus
    t1 = time.perf_counter()
    train(
        docs,
        files,
        args.out,
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        minfreq=args.minfreq,
        verbose=args.verbose,
    )
    t2 = time.perf_counter()
    size = args.out.stat().st_size
    print(
        f"{len(files)} documents parsed in {parse_s:.0f} s, trained in {t2 - t1:.0f} s; "
        f"model {args.out} ({size / 1e6:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
