"""Train the attribution tagger (a linear-chain CRF) on PolNeAR-style brat data.

usage: python -m saidwhat.attribution.learned.train --train DIR --out model.crfsuite

DIR holds ``<name>.txt`` and ``<name>.ann`` pairs. Texts are parsed with the production pipeline
(:func:`saidwhat.nlp.load_nlp`), cut into paragraph units, turned into features and BIO tags, and
fed to CRFsuite's L-BFGS trainer (deterministic: same data and options, same model).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pycrfsuite
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from saidwhat.attribution.learned.corpus import char_roles, read_ann, token_tags
from saidwhat.attribution.learned.features import Parsed, cue_flags, unit_features
from saidwhat.nlp import load_nlp

DEFAULTS = {"c1": 3.0, "c2": 0.01, "max_iterations": 150, "minfreq": 5}


def corpus_files(directory: Path) -> list[Path]:
    """The ``.txt`` files of a directory that have an ``.ann`` beside them, sorted."""
    return sorted(p for p in directory.glob("*.txt") if p.with_suffix(".ann").exists())


def parse_corpus(
    files: list[Path], nlp: Language, n_process: int = 1, cache: Path | None = None
) -> list[Doc]:
    """Parse the texts (or read them from a DocBin cache written by an earlier run)."""
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(files) and all(
            d.text == f.read_text(encoding="utf-8") for d, f in zip(docs, files, strict=True)
        ):
            return docs
    texts = [f.read_text(encoding="utf-8") for f in files]
    docs = list(nlp.pipe(texts, batch_size=16, n_process=n_process))
    if cache is not None:
        db = DocBin(store_user_data=False)
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def sequences(docs: list[Doc], files: list[Path]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, tags) per paragraph unit of every document."""
    for doc, f in zip(docs, files, strict=True):
        roles = char_roles(len(doc.text), read_ann(f.with_suffix(".ann")))
        p = Parsed.from_doc(doc)
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
    """Fit the CRF and write it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for xseq, yseq in sequences(docs, files):
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
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, required=True, help="directory of .txt/.ann pairs")
    ap.add_argument("--out", type=Path, required=True, help="where to write the model")
    ap.add_argument("--cache", type=Path, help="DocBin file caching the parses between runs")
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--max-iterations", type=int, default=int(DEFAULTS["max_iterations"]))
    ap.add_argument("--minfreq", type=int, default=int(DEFAULTS["minfreq"]))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    files = corpus_files(args.train)
    if not files:
        print(f"no .txt/.ann pairs in {args.train}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    docs = parse_corpus(files, load_nlp(), n_process=args.n_process, cache=args.cache)
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
    print(f"{len(files)} documents parsed in {t1 - t0:.0f} s, trained in {t2 - t1:.0f} s; "
          f"model {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
