"""Score every development set of the claims gold (or every blind one, counts only) in one run, and
pool them: the figure a claims rule is chosen by.

    .venv/bin/python bench/claims_pool.py [--blind] [--misses] [--texts DIR] [--cache-root DIR]
                                          [--suffix S] [--package DIR]

Runs ``bench/claims.py`` once per collection (Timeline17's H1N1 and Haiti articles, and the outside webflu
collections whose texts lie in ``--texts``: ``webflu/``, ``webflu3/``, ``webflu4/``, ``webflu8/``,
``webflu10/``, ``webflu12/``, ``webflu14/``, ``webflu16/`` and ``webflu18/`` for development (webflu10 since
session 34, webflu12 since session 61, webflu14 since session 62, webflu16 since session 63, webflu18 since
session 64),
``webflu2/``, ``webflu5/``, ``webflu6/``, ``webflu7/``, ``webflu9/``, ``webflu11/``, ``webflu13/``,
``webflu15/``, ``webflu17/`` blind, each an ``articles.jsonl``; the texts are third-party pages kept off
the repository, see docs/claims.md)
with the analyses cached under ``--cache-root`` (``h1n1``, ``haiti``, ``webflu3``, ... each with
``--suffix`` appended: the caches of another engine), and prints each set's right / predicted / gold
values and leaks, then the pooled precision and recall. ``--package`` scores the rules of another commit
(``git archive C saidwhat | tar -x -C DIR``, as ``CLAIMS_PACKAGE``).

The development sets are the H1N1 sets dev..dev16 but dev8, dev11 and dev12, Haiti's haiti_dev and
haiti_dev2, and webflu_dev, webflu_test, webflu3, webflu4, webflu8, webflu10, webflu12, webflu14, webflu16
and webflu18; ``--blind`` scores heldout, dev8, dev11, dev12, dev17, haiti, haiti2, webflu2, webflu5, webflu6,
webflu7, webflu9, webflu11 (collected in session 34, never run there), webflu13 (session 61), webflu15
(session 62) and webflu17 (session 63) and prints counts only: never their misses, whatever the flags
(``--misses`` prints the development sets' leaks, misses and false values). A collection whose texts are
absent is skipped and said so; the recall of a webflu set counts the gold values of its absent articles as
missed, and a second recall, over the articles whose text is here, is printed beside it (a re-collection
that lost texts says little about the engine otherwise). Each set's misses are also counted by kind (counts
only, blind sets included): in a claim of another measure (leaks; and the leaks by what differs: a state or
an aspect read where the gold writes none, not read where it writes one, or another one), in another place
(and how many of those in none), not found in a text that is here; and its false values by kind: the number
of a gold value of another measure, of the same measure in another place, or of no gold value of the article
(a count the guideline does not take as a tally); and the values not found by where they were lost: no
quantity of the number in the article, a quantity the claims gave no value, or a value of a thing (or unit)
the gold does not score, or only values another gold value of the same number took."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEBFLU_GOLD = ROOT / "bench" / "data" / "webflu_gold.json"

H1N1_DEV = "dev,dev2,dev3,dev4,dev5,dev6,dev7,dev9,dev10,dev13,dev14,dev15,dev16"
H1N1_BLIND = "heldout,dev8,dev11,dev12,dev17"
WEBFLU_DEV = (
    ("webflu", "webflu_dev,webflu_test"),
    ("webflu3", "webflu3"),
    ("webflu4", "webflu4"),
    ("webflu8", "webflu8"),
    ("webflu10", "webflu10"),
    ("webflu12", "webflu12"),
    ("webflu14", "webflu14"),
    ("webflu16", "webflu16"),
    ("webflu18", "webflu18"),
)
WEBFLU_BLIND = (
    ("webflu2", "webflu2"),
    ("webflu5", "webflu5"),
    ("webflu6", "webflu6"),
    ("webflu7", "webflu7"),
    ("webflu9", "webflu9"),
    ("webflu11", "webflu11"),
    ("webflu13", "webflu13"),
    ("webflu15", "webflu15"),
    ("webflu17", "webflu17"),
)
HAITI_DEV = "haiti_dev,haiti_dev2"
HAITI_BLIND = "haiti,haiti2"
# every blind set's name, for the other benches that must never read them (bench/claims_judge.py)
BLIND_SETS = frozenset(
    [
        *H1N1_BLIND.split(","),
        *HAITI_BLIND.split(","),
        *(s for _, sets in WEBFLU_BLIND for s in sets.split(",")),
    ]
)


def runs(a: argparse.Namespace) -> list[tuple[str, list[str]]]:
    """(collection, arguments of bench/claims.py) for each collection to score."""
    root, suf = Path(a.cache_root), a.suffix
    out = [
        ("h1n1", ["--cache", str(root / f"h1n1{suf}"), "--sets", H1N1_BLIND if a.blind else H1N1_DEV]),
        (
            "haiti",
            [
                *("--topic", "haiti", "--cache", str(root / f"haiti{suf}")),
                *("--sets", HAITI_BLIND if a.blind else HAITI_DEV),
            ],
        ),
    ]
    for name, sets in WEBFLU_BLIND if a.blind else WEBFLU_DEV:
        texts = Path(a.texts) / name / "articles.jsonl"
        if not texts.exists():
            print(f"{name}: no texts at {texts}, skipped")
            continue
        out.append(
            (
                name,
                [
                    *("--topic", name, "--articles", str(texts), "--cache", str(root / f"{name}{suf}")),
                    *("--gold", str(WEBFLU_GOLD), "--sets", sets),
                ],
            )
        )
    return out


def leak_line(lk: dict[str, int]) -> str:
    """A set's leaks by what differs from the gold's measure: a state or an aspect read where the gold
    writes none (added), not read where it writes one (dropped), or another one (other)."""
    return "; ".join(
        f"{part} " + ", ".join(f"{lk.get(f'{part}_{how}', 0)} {how}" for how in ("added", "dropped", "other"))
        for part in ("state", "aspect")
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blind", action="store_true", help="score the blind sets, counts only")
    ap.add_argument("--misses", action="store_true", help="print the development sets' misses")
    ap.add_argument("--texts", default="/work/extra", help="directory of the webflu collections' texts")
    ap.add_argument("--cache-root", default="/work/cache", help="directory of the analysis caches")
    ap.add_argument("--suffix", default="", help="suffix of the cache directories")
    ap.add_argument("--package", help="a directory holding another commit's saidwhat package")
    a = ap.parse_args()
    env = dict(os.environ)
    if a.package:
        env["CLAIMS_PACKAGE"] = a.package
    total = {
        "right": 0,
        "predicted": 0,
        "gold": 0,
        "leaks": 0,
        "gold_present": 0,
        "gold_written": 0,
        "false_of_other_aspects": 0,
    }
    kinds = {"other_measure": 0, "other_place": 0, "not_gold": 0}
    lost = {"no_quantity": 0, "no_value": 0, "other_thing": 0, "taken": 0}
    leak_kinds: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in runs(a):
            out = Path(tmp) / f"{name}.json"
            cmd = [sys.executable, str(ROOT / "bench" / "claims.py"), *args, "--out", str(out)]
            done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
            if done.returncode:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            for set_name, sc in json.loads(out.read_text(encoding="utf-8"))["sets"].items():
                v = sc["values"]
                leaks = len(v["leaks"])
                absent = v["gold"] - v["gold_present"]
                print(
                    f"{set_name:12s} right {v['placed_right']:4d} of {v['predicted']:4d} predicted,"
                    f" {v['gold']:4d} gold; leaks {leaks:3d}  ({v['precision']:.3f} / {v['recall']:.3f})"
                    + (
                        f"; recall {v['recall_present']:.3f} of texts here ({absent} gold of absent texts)"
                        if absent
                        else ""
                    )
                )
                print(
                    f"{'':12s} misses by kind: {leaks} in a claim of another measure,"
                    f" {v['wrong_place']} in another place ({v['wrong_place_unplaced']} of them in none),"
                    f" {v['missed_present']} not found in a text here"
                    f" ({v['missed_unwritten']} of them not written in it)"
                )
                lk = v["leak_kinds"]
                print(f"{'':12s} leaks by kind: {leak_line(lk)}")
                for k, n in lk.items():
                    leak_kinds[k] = leak_kinds.get(k, 0) + n
                mk = v["missed_kinds"]
                print(
                    f"{'':12s} not found, by where lost: {mk['no_quantity']} no quantity of the number,"
                    f" {mk['no_value']} a quantity but no claim value, {mk['other_thing']} a value of"
                    f" another thing or unit, {mk['taken']} taken by another gold value of the number"
                )
                for k, n in mk.items():
                    lost[k] += n
                fk = v["false_kinds"]
                print(
                    f"{'':12s} false values by kind: {fk['other_measure']} of a gold value of another"
                    f" measure, {fk['other_place']} of another place, {fk['not_gold']} of no gold value"
                )
                for k, n in fk.items():
                    kinds[k] += n
                for k in ("predicted", "gold", "gold_present", "gold_written", "false_of_other_aspects"):
                    total[k] += v[k]
                total["right"] += v["placed_right"]
                total["leaks"] += leaks
                if a.misses and not a.blind:
                    for kind in ("leaks", "misses", "false_positives"):
                        for item in v[kind]:
                            print(f"    {kind[:4]} {item}")
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["right"] / total["gold"] if total["gold"] else 0.0
    rp = total["right"] / total["gold_present"] if total["gold_present"] else 0.0
    print(
        f"pooled: precision {p:.3f}, recall {r:.3f}, leaks {total['leaks']}"
        f" ({total['right']} right of {total['predicted']} predicted, {total['gold']} gold)"
    )
    print(
        f"pooled not found, by where lost: {lost['no_quantity']} no quantity of the number,"
        f" {lost['no_value']} a quantity but no claim value, {lost['other_thing']} a value of another thing,"
        f" {lost['taken']} taken by another gold value of the number"
    )
    print(f"pooled leaks by kind: {leak_line(leak_kinds)}")
    print(
        f"pooled false values by kind: {kinds['other_measure']} of a gold value of another measure,"
        f" {kinds['other_place']} of another place, {kinds['not_gold']} of no gold value"
    )
    other = total["false_of_other_aspects"]
    pa = total["right"] / (total["predicted"] - other) if total["predicted"] > other else 0.0
    print(
        f"pooled over the gold's aspects: precision {pa:.3f}"
        f" ({other} false values are projections or rates, aspects the gold never annotates)"
    )
    if total["gold_present"] < total["gold"]:
        print(
            f"pooled over the texts here: recall {rp:.3f}"
            f" ({total['right']} of {total['gold_present']} gold values whose article's text was analysed)"
        )
    if total["gold_written"] < total["gold_present"]:
        rw = total["right"] / total["gold_written"] if total["gold_written"] else 0.0
        print(
            f"pooled over the values written in the texts here: recall {rw:.3f}"
            f" ({total['right']} of {total['gold_written']}; a page stored cut short lacks the rest)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
