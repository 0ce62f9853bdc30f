"""What a change of the quantities engine changes: the quantities of two ``saidwhat`` packages compared
span by span over a fixed sample of documents.

    .venv/bin/python bench/quantities_diff.py A B [--texts DIR] [--every N] [--polnear N] [--out FILE]

``A`` and ``B`` are directories that hold a ``saidwhat`` package (a checkout, or ``git archive C saidwhat
| tar -x -C DIR``). Each analyses the sample in a subprocess of its own (``--dump``, its directory first
on the path) with :func:`saidwhat.pipeline.analyze_text` and writes every quantity (span, text, value,
upper bound, unit, counted noun, kind, qualifier). The sample: every ``--every``-th article of
``../shared/timeline17/articles.jsonl`` (default 6), the first ``--polnear`` documents of
``../shared/polnear/dev`` (default 60), and the development webflu collections' texts under ``--texts``
(``webflu``, ``webflu3``, ``webflu4``, ``webflu8``, ``webflu10``, ``webflu12``, ``webflu14``,
``webflu16``, ``webflu18``; the blind ones are never read).
Sessions 31 to 33 compared 358 to 364 such documents by hand-made scripts before each change of the engine.

Prints, on stderr, how many documents and quantities changed, and writes one JSON line per changed
span (``doc``, ``start``, ``end``, ``a`` and ``b``: the quantity of each side, ``null`` where absent, and
``context``: about 200 characters around the span) to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))

from claims_pool import WEBFLU_DEV  # noqa: E402

SHARED = ROOT.parent / "shared"
# the development webflu collections, as `bench/claims_pool.py` lists them (one list for every bench)
DEV_COLLECTIONS = tuple(topic for topic, _ in WEBFLU_DEV)


def sample(texts: Path, every: int, polnear: int) -> list[tuple[str, str]]:
    """(document id, text) of the compared documents, in a fixed order."""
    docs: list[tuple[str, str]] = []
    t17 = SHARED / "timeline17" / "articles.jsonl"
    if t17.is_file():
        with t17.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every == 0:
                    d = json.loads(line)
                    docs.append((d["id"], d["text"]))
    for f in sorted((SHARED / "polnear" / "dev").glob("*.txt"))[:polnear]:
        docs.append((f"polnear/{f.stem}", f.read_text(encoding="utf-8")))
    for name in DEV_COLLECTIONS:
        path = texts / name / "articles.jsonl"
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    docs.append((d["id"], d["text"]))
    return docs


def dump(docs: list[tuple[str, str]], out: Path) -> None:
    """Every quantity of each document, one JSON line per document (run in the package's subprocess)."""
    from saidwhat.pipeline import analyze_text

    with out.open("w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            an = analyze_text(text)
            qs = [
                [q.start, q.end, q.text, q.value, q.value_max, q.unit, q.counts, q.kind, q.qualifier]
                for q in an.quantities
            ]
            fh.write(json.dumps({"id": doc_id, "q": qs}) + "\n")


def run_package(pkg: Path, inputs: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(pkg))
    env.pop("CLAIMS_PACKAGE", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out), "--inputs", str(inputs)]
    subprocess.run(cmd, env=env, check=True)


def diff(
    a: dict[str, list[list[Any]]], b: dict[str, list[list[Any]]], texts: dict[str, str]
) -> list[dict[str, Any]]:
    """One row per span whose quantity differs between the two dumps (or exists in only one)."""
    rows = []
    for doc_id in a:
        qa = {(x[0], x[1]): x for x in a[doc_id]}
        qb = {(x[0], x[1]): x for x in b.get(doc_id, [])}
        for span in sorted(set(qa) | set(qb)):
            if qa.get(span) != qb.get(span):
                text = texts.get(doc_id, "")
                rows.append(
                    {
                        "doc": doc_id,
                        "start": span[0],
                        "end": span[1],
                        "a": qa.get(span),
                        "b": qb.get(span),
                        "context": text[max(0, span[0] - 100) : span[1] + 100],
                    }
                )
    return rows


def load(path: Path) -> dict[str, list[list[Any]]]:
    out: dict[str, list[list[Any]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        out[r["id"]] = r["q"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path, nargs="?", help="directory holding the first saidwhat package")
    ap.add_argument("b", type=Path, nargs="?", help="directory holding the second saidwhat package")
    ap.add_argument("--texts", type=Path, default=Path("/work/extra"), help="the webflu collections' texts")
    ap.add_argument("--every", type=int, default=6, help="every N-th Timeline17 article")
    ap.add_argument("--polnear", type=int, default=60, help="how many PolNeAR dev documents")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "quantities_diff.jsonl")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.dump:
        dump([(d, t) for d, t in json.loads(a.inputs.read_text(encoding="utf-8"))], a.dump)
        return 0
    if a.a is None or a.b is None:
        ap.error("two package directories are needed")
    docs = sample(a.texts, a.every, a.polnear)
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        (t / "inputs.json").write_text(json.dumps(docs), encoding="utf-8")
        run_package(a.a.resolve(), t / "inputs.json", t / "a.jsonl")
        run_package(a.b.resolve(), t / "inputs.json", t / "b.jsonl")
        qa, qb = load(t / "a.jsonl"), load(t / "b.jsonl")
    rows = diff(qa, qb, dict(docs))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    changed = len({r["doc"] for r in rows})
    print(
        f"{changed} of {len(docs)} documents changed, {len(rows)} quantities; wrote {a.out}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
