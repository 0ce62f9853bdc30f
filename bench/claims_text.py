"""What the engine and the claims read in one text: each quantity (span, value, counted noun, kind) and
each claim value (thing, state, aspect, place), the first look when a value is lost or a rule is written.

    .venv/bin/python bench/claims_text.py FILE          # a text file ("-": standard input)
    .venv/bin/python bench/claims_text.py --json FILE   # one JSON object instead of the two tables
    CLAIMS_PACKAGE=DIR ...                              # another commit's rules and engine

Sessions 31 to 34 each wrote such a script by hand before writing a rule; this one stays.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if os.environ.get("CLAIMS_PACKAGE") and __name__ == "__main__":
    sys.path.insert(0, os.environ["CLAIMS_PACKAGE"])  # before this checkout's package

from saidwhat.claims import article_facts  # noqa: E402
from saidwhat.pipeline import analyze_text  # noqa: E402


def read(text: str) -> dict[str, list[dict[str, Any]]]:
    """The quantities the engine reads in ``text`` and the claim values the claims give them."""
    an = analyze_text(text)
    quantities = [
        {
            "start": q.start,
            "text": q.text,
            "value": q.value,
            "value_max": q.value_max,
            "counts": q.counts,
            "kind": q.kind,
            "unit": q.unit,
        }
        for q in an.quantities
    ]
    values = [
        {
            "start": v.start,
            "text": v.text,
            "value": v.value,
            "thing": v.key.thing,
            "state": v.key.state,
            "aspect": v.key.aspect,
            "place": list(v.key.about),
            "unit": v.key.unit,
        }
        for v in article_facts(an, None).quantities
    ]
    return {"quantities": quantities, "values": values}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", help='a text file, or "-" for standard input')
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args()
    text = sys.stdin.read() if a.file == "-" else Path(a.file).read_text(encoding="utf-8")
    got = read(text)
    if a.json:
        print(json.dumps(got, ensure_ascii=False, indent=1))
        return 0
    print("quantities (start, text, value, counted noun, kind, unit):")
    for q in got["quantities"]:
        print(f"  {q['start']:>6} {q['text']!r:40} {q['value']} {q['counts']} {q['kind']} {q['unit'] or ''}")
    print("claim values (start, text, value, thing / state / aspect, place):")
    for v in got["values"]:
        key = " / ".join(x or "-" for x in (v["thing"], v["state"], v["aspect"]))
        print(f"  {v['start']:>6} {v['text']!r:40} {v['value']} {key} {', '.join(v['place']) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
