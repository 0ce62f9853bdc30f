"""What a change of the claims rules changes: the quantity values of two ``saidwhat`` packages compared
value by value over the cached analyses.

    .venv/bin/python bench/claims_diff.py A B [--topic T] [--articles FILE] [--cache DIR] [--cache-b DIR]
                                          [--out FILE] [--exclude-ids FILE ...]
    .venv/bin/python bench/claims_diff.py A B --pool [--cache-root DIR] [--texts DIR] [--suffix S]
                                          [--suffix-b S]

``--pool`` compares every development collection of ``bench/claims_pool.py`` (Timeline17's H1N1 and
Haiti articles, the development webflu collections whose texts lie in ``--texts``) and Timeline17's
Iraq War and Michael Jackson articles (no gold value there: what a rule does to other news), A with the
caches ``<cache-root>/<name><suffix>``, B with ``<name><suffix-b>`` (a change of the engine: B's own
analyses); each row names its ``collection``. Sessions 31 to 34 ran it collection by collection.

``A`` and ``B`` are directories that hold a ``saidwhat`` package (a checkout, or ``git archive C
saidwhat | tar -x -C DIR``). Each is run in a subprocess of its own (``--dump``, its directory first on
the path), which computes :func:`saidwhat.claims.quantity.quantity_values` over the analyses cached by
``bench/claims.py`` (``--cache``; the topic's Timeline17 articles, or those of ``--articles``, a
JSONL as ``bench/claims.py --articles`` reads), each count's disease read over them as one story
(:func:`~saidwhat.claims.quantity.resolve_diseases`, as ``bench/claims.py`` scores them). A value is
identified by its article, its span and its order among the values of that span ("two cases each"
gives one value per place); the output has one JSON line per value whose key (thing, state, aspect,
place, and unit) differs between A and B or that exists in only one of them: ``article``,
``start``, ``end``, ``number``, ``text`` (a window of about 300 characters around the span), ``key_a``,
``key_b`` (``null`` when absent), ``gold_set`` (the gold set of ``bench/data/claims_gold.json`` or
``bench/data/webflu_gold.json`` the article belongs to, else ``null``).

**Blind articles are never read**: every article of a blind set (``bench/claims_pool.py``'s
``BLIND_SETS``: ``heldout``, ``dev8``, ``dev11``, ``dev12``, ``dev17``, ``haiti``, ``haiti2`` and the
outside collections' blind sets, ``webflu2`` ... ``webflu9``, in either gold file; until session 34 only
Timeline17's were skipped, so a run on a blind webflu collection would have shown its values) and every
id of ``--exclude-ids`` files (first field of each line: a set being annotated, not yet in the gold) is
skipped before its analysis is loaded, in both subprocesses.

``--cache-b DIR`` gives B the analyses of another cache of the same articles: a change of the engine
(quantities, entities, attribution) read with its own analyses (``bench/claims.py --analyze-only --cache
DIR`` with ``CLAIMS_PACKAGE`` set to B), against A's.

Prints counts (values changed, of which outside every gold set) on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDS = (ROOT / "bench" / "data" / "claims_gold.json", ROOT / "bench" / "data" / "webflu_gold.json")
CONTEXT = 150  # characters each side of a value's span


def blind_ids(golds: list[dict[str, Any]], blind: frozenset[str], exclude_files: list[Path]) -> set[str]:
    """The ids of the articles of the blind sets ``blind`` of every gold file, and of ``exclude_files``."""
    out = {
        a["id"] for gold in golds for name in blind for a in gold["sets"].get(name, {}).get("articles", [])
    }
    for f in exclude_files:
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                out.add(line.split()[0])
    return out


def gold_sets_of(gold: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: name for name, s in gold["sets"].items() for a in s["articles"]}


def dump(inputs: list[str], out: Path) -> None:
    """Run in the subprocess (the package first on the path): the values of the cached analyses
    ``inputs`` (files of bench/claims.py's cache)."""
    import saidwhat
    from saidwhat.claims import article_facts
    from saidwhat.claims.lexicon import load_lexicon
    from saidwhat.claims.quantity import resolve_diseases
    from saidwhat.ingest.service import keep_confident
    from saidwhat.model import Analysis
    from saidwhat.settings import Settings

    cut = Settings().min_confidence  # the statements an ingest stores
    print(f"values of {Path(saidwhat.__file__).parent}", file=sys.stderr)
    lex = load_lexicon()
    values, texts = [], {}
    for p in inputs:
        doc = json.loads(Path(p).read_text(encoding="utf-8"))["analysis"]
        an = keep_confident(Analysis.from_dict(doc), cut)
        texts[an.doc.id] = an.doc.text
        values.extend(article_facts(an, None, lex).quantities)
    # each count's disease read over the story (the inputs, one group), as bench/claims.py and
    # build_claims do
    values = resolve_diseases(values, lex)
    with out.open("w", encoding="utf-8") as fh:
        for v in values:
            k = v.key
            n = v.value if v.value is not None else v.low
            text = texts[v.article]
            row = {
                "article": v.article,
                "start": v.start,
                "end": v.end,
                "number": None if n is None else float(n),
                "text": text[max(0, v.start - CONTEXT) : v.end + CONTEXT].replace("\n", " "),
                "key": [k.thing, k.state, k.aspect, "+".join(k.about), k.unit],
            }
            fh.write(json.dumps(row) + "\n")


def run_package(pkg: Path, inputs: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(pkg))
    env.pop("CLAIMS_PACKAGE", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--dump", str(out), "--inputs", str(inputs)]
    subprocess.run(cmd, env=env, check=True)


Span = tuple[str, int, int, int]  # article, start, end, and which of the values of that span


def load_dump(path: Path) -> dict[Span, dict[str, Any]]:
    """The dumped values by span; one span may hold several values ("two cases each" in two places),
    told apart by their order."""
    out: dict[Span, dict[str, Any]] = {}
    seen: dict[tuple[str, int, int], int] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        span = (r["article"], r["start"], r["end"])
        seen[span] = seen.get(span, -1) + 1
        out[(*span, seen[span])] = r
    return out


def diff(
    a: dict[Span, dict[str, Any]],
    b: dict[Span, dict[str, Any]],
    sets: dict[str, str],
) -> list[dict[str, Any]]:
    rows = []
    for span in sorted(set(a) | set(b)):
        ra, rb = a.get(span), b.get(span)
        ka = ra["key"] if ra else None
        kb = rb["key"] if rb else None
        if ka == kb:
            continue
        r = ra or rb
        assert r is not None
        rows.append(
            {
                "article": span[0],
                "start": span[1],
                "end": span[2],
                "number": r["number"],
                "text": r["text"],
                "key_a": ka,
                "key_b": kb,
                "gold_set": sets.get(span[0]),
            }
        )
    return rows


# Timeline17's collections the development pool reads (bench/claims_pool.py), and the two whose articles
# hold no gold value but show what a rule does to other news (collateral): (name of the cache, topic)
T17_POOL = (("h1n1", "H1N1"), ("haiti", "haiti"), ("IraqWar", "IraqWar"), ("MJ", "MJ"))


def pool_collections(root: Path, texts: Path, suffix: str, suffix_b: str) -> list[Collection]:
    """Every collection ``--pool`` compares: Timeline17's, and the development webflu collections whose
    texts lie in ``texts`` (``bench/claims_pool.py``'s ``WEBFLU_DEV``), with A's caches under ``root``
    (``<name><suffix>``) and B's (``<name><suffix_b>``)."""
    from claims_pool import WEBFLU_DEV

    out = [Collection(n, t, None, root / f"{n}{suffix}", root / f"{n}{suffix_b}") for n, t in T17_POOL]
    for name, _ in WEBFLU_DEV:
        path = texts / name / "articles.jsonl"
        if path.exists():
            out.append(Collection(name, name, path, root / f"{name}{suffix}", root / f"{name}{suffix_b}"))
    return out


@dataclass(frozen=True)
class Collection:
    name: str
    topic: str
    articles: Path | None
    cache: Path
    cache_b: Path


def compare(a: Path, b: Path, c: Collection, skip: set[str], sets: dict[str, str]) -> list[dict[str, Any]]:
    """The values packages ``a`` and ``b`` give the collection's cached articles differently (blind ones
    skipped)."""
    from claims import load_articles, safe_name

    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        paths = [
            c.cache / f"{safe_name(d['id'])}.json"
            for d in load_articles(c.topic, c.articles)
            if d["id"] not in skip
        ]
        both = [p for p in paths if p.is_file() and (c.cache_b / p.name).is_file()]
        (t / "inputs.json").write_text(json.dumps([str(p) for p in both]), encoding="utf-8")
        inputs_b = json.dumps([str(c.cache_b / p.name) for p in both])
        (t / "inputs_b.json").write_text(inputs_b, encoding="utf-8")
        run_package(a.resolve(), t / "inputs.json", t / "a.jsonl")
        run_package(b.resolve(), t / "inputs_b.json", t / "b.jsonl")
        return diff(load_dump(t / "a.jsonl"), load_dump(t / "b.jsonl"), sets)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("a", type=Path, nargs="?", help="directory holding the first saidwhat package")
    ap.add_argument("b", type=Path, nargs="?", help="directory holding the second saidwhat package")
    ap.add_argument("--topic", default="H1N1", help="the Timeline17 topic whose cached articles are compared")
    ap.add_argument("--articles", type=Path, help="a JSONL of articles instead of Timeline17's")
    ap.add_argument("--cache", type=Path, default=None, help="bench/claims.py's cache (default: the topic's)")
    ap.add_argument(
        "--cache-b",
        type=Path,
        default=None,
        help="B's own analyses (a change of the engine: another cache of the same articles); default --cache",
    )
    ap.add_argument("--pool", action="store_true", help="every development collection and Iraq War / MJ")
    ap.add_argument("--cache-root", type=Path, default=Path("/work/cache"), help="--pool: the caches' root")
    ap.add_argument("--texts", type=Path, default=Path("/work/extra"), help="--pool: the webflu texts")
    ap.add_argument("--suffix", default="", help="--pool: suffix of A's cache directories")
    ap.add_argument("--suffix-b", default=None, help="--pool: suffix of B's cache directories (default A's)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "claims_diff.jsonl")
    ap.add_argument("--exclude-ids", type=Path, action="append", default=[], help="more blind ids")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.dump:
        dump(json.loads(a.inputs.read_text(encoding="utf-8")), a.dump)
        return 0
    if a.a is None or a.b is None:
        ap.error("two package directories are needed")
    # the parent only (bench/claims.py puts this checkout first on the path: never in a subprocess)
    sys.path.insert(0, str(ROOT / "bench"))
    from claims import cache_for
    from claims_pool import BLIND_SETS

    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLDS]
    skip = blind_ids(golds, BLIND_SETS, list(a.exclude_ids))
    sets = {k: v for gold in golds for k, v in gold_sets_of(gold).items()}
    if a.pool:
        suffix_b = a.suffix if a.suffix_b is None else a.suffix_b
        collections = pool_collections(a.cache_root, a.texts, a.suffix, suffix_b)
    else:
        cache = a.cache or cache_for(a.topic)
        collections = [Collection(a.topic, a.topic, a.articles, cache, a.cache_b or cache)]
    rows = []
    for c in collections:
        if not c.cache.is_dir() or not c.cache_b.is_dir():
            print(f"{c.name}: no cache at {c.cache} or {c.cache_b}, skipped", file=sys.stderr)
            continue
        got = [{**r, "collection": c.name} for r in compare(a.a, a.b, c, skip, sets)]
        outside = sum(1 for r in got if r["gold_set"] is None)
        print(f"{c.name}: {len(got)} values changed ({outside} outside every gold set)", file=sys.stderr)
        rows += got
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    print(f"{len(rows)} values changed, {len(skip)} blind articles skipped; wrote {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
