"""Draw candidate sentences for the positions/promises gold (bench/data/claims_positions_gold.json).

    .venv/bin/python bench/claims_gold_sample.py [--seed 12] [--n 24] [--set dev|heldout]

Sentences (30-400 characters, split by ``saidwhat.claims.text.sentences``) of the Timeline17 H1N1
articles not listed as doubtful, of the articles of one set (held out when md5('1:' + id) % 2 == 0),
holding a stance verb or a deadline phrase, shuffled with ``--seed``; sentences already in the gold
(the same text in any article too) are left out. Prints them numbered, for annotation by hand; the
gold's ``about`` says how they were annotated. Session 8 drew ``dev_added`` with seed 12, n 24
(``--ignore-set dev_added`` draws them again).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from saidwhat.claims.text import sentences  # noqa: E402

T17 = ROOT.parent / "shared" / "timeline17"
GOLD = ROOT / "bench" / "data" / "claims_positions_gold.json"
STANCE = re.compile(
    r"\b(urged|demanded|called for|rejected|refused|opposed|condemned|criticised|backed|agreed to|denied)\b"
)
DEADLINE = re.compile(
    r"\b(by the end of|within the next|within \w+ (days|weeks|months)|by (january|february|march|april|may|"
    r"june|july|august|september|october|november|december|the autumn|next))\b",
    re.IGNORECASE,
)


def held_out(doc_id: str) -> bool:
    return int(hashlib.md5(("1:" + doc_id).encode()).hexdigest(), 16) % 2 == 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--set", choices=("dev", "heldout"), default="dev")
    ap.add_argument("--ignore-set", action="append", default=[], help="gold sets not to leave out")
    a = ap.parse_args()
    doubtful = {
        line.split("#", 1)[0].strip()
        for line in (T17 / "doubtful_ids.txt").read_text(encoding="utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    }
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    kept = [s for name, sents in gold["sets"].items() if name not in a.ignore_set for s in sents]
    have = [s["sentence"].strip("” ") for s in kept]
    pairs = {(s["article"], s["sentence"]) for s in kept}
    cands: list[tuple[str, str | None, str]] = []
    with (T17 / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            if art["topic"] != "H1N1" or art["id"] in doubtful or held_out(art["id"]) != (a.set == "heldout"):
                continue
            for s0, s1 in sentences(art["text"]):
                s = art["text"][s0:s1].strip()
                if (art["id"], s) in pairs:
                    continue  # a gold sentence itself (left out before the shuffle, as session 8 did)
                if 30 <= len(s) <= 400 and (STANCE.search(s) or DEADLINE.search(s)):
                    cands.append((art["id"], art.get("published"), s))
    random.Random(a.seed).shuffle(cands)
    seen: set[str] = set()
    n = 0
    for doc_id, published, s in cands:
        core = s.strip("” ")
        if core in seen or any(core in x or x in core for x in have):
            continue
        seen.add(core)
        print(n, doc_id, published, "|", s)
        n += 1
        if n == a.n:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
