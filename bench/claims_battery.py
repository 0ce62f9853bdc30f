"""The claims' battery: sentences written in the forms outside news copy takes, each with the claim
values a reader gives it by the H1N1 guideline (``bench/data/claims_battery.json``).

    .venv/bin/python bench/claims_battery.py [--misses] [--out FILE]

Analyses each item as one article (:func:`saidwhat.pipeline.analyze_text`, then the claims' quantity
values, :func:`saidwhat.claims.article_facts`) and compares its values of the things ``cases`` and
``deaths`` placed in a country or the world with the item's: a value is right when its number, thing,
state, aspect and place are the expected ones (each expected value used once). Prints right /
predicted / expected, precision and recall, the items read entirely right, and with ``--misses`` each
missed and each false value. Sessions 30 and 31 read their rules off such sentences (docs/claims.md);
the battery keeps them for the sessions after (a development set of forms, not a sample of news).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if os.environ.get("CLAIMS_PACKAGE") and __name__ == "__main__":
    # the rules and engine of another commit (``git archive C saidwhat | tar -x -C DIR``), as bench/claims.py
    # (before bench.claims, which puts the checkout first only when its path is not there)
    sys.path.insert(0, os.environ["CLAIMS_PACKAGE"])

from bench.claims import pred_keyed  # noqa: E402
from saidwhat.claims import article_facts  # noqa: E402
from saidwhat.claims.lexicon import load_lexicon  # noqa: E402
from saidwhat.pipeline import analyze_text  # noqa: E402

BATTERY = ROOT / "bench" / "data" / "claims_battery.json"
THINGS = ("cases", "deaths")

Key = tuple[float, str, str, str, str]


def predicted(text: str, places: frozenset[str]) -> list[Key]:
    """The item's values of the guideline's things placed in a country or the world, keyed as
    ``bench/claims.py`` keys them (:func:`pred_keyed`)."""
    values = article_facts(analyze_text(text), None).quantities
    return [
        (n, *key) for key, _, n, _ in pred_keyed(values, set(THINGS)) if key[3] == "world" or key[3] in places
    ]


def score(items: list[dict[str, Any]], misses: bool) -> dict[str, Any]:
    # every name of a country (the lexicon's too: "Trinidad and Tobago", "Barbados"; the knowledge base's
    # alone left them out until session 34)
    places = load_lexicon().country_names
    right = n_pred = n_gold = whole = 0
    for item in items:
        gold: list[Key] = [(float(v[0]), v[1], v[2], v[3], v[4]) for v in item["values"]]
        pred = predicted(item["text"], places)
        pool = list(pred)
        hit = 0
        for g in gold:
            if g in pool:
                pool.remove(g)
                hit += 1
            elif misses:
                print(f"miss  {g}  <- {item['text'][:100]!r}")
        if misses:
            for p in pool:
                print(f"false {p}  <- {item['text'][:100]!r}")
        right += hit
        n_pred += len(pred)
        n_gold += len(gold)
        whole += hit == len(gold) == len(pred)
    return {
        "items": len(items),
        "items_right": whole,
        "right": right,
        "predicted": n_pred,
        "expected": n_gold,
        "precision": right / n_pred if n_pred else 0.0,
        "recall": right / n_gold if n_gold else 0.0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--misses", action="store_true", help="print each missed and each false value")
    ap.add_argument("--out", type=Path, help="write the figures as JSON")
    a = ap.parse_args()
    items = json.loads(BATTERY.read_text(encoding="utf-8"))["items"]
    s = score(items, a.misses)
    print(
        f"battery: {s['right']} right of {s['predicted']} predicted, {s['expected']} expected"
        f" (precision {s['precision']:.3f}, recall {s['recall']:.3f});"
        f" {s['items_right']} of {s['items']} items read entirely right"
    )
    if a.out:
        a.out.write_text(json.dumps(s, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
