"""A writer process for the PostgreSQL concurrency and kill -9 tests (``python -m tests.pg_writer``).

``python -m tests.pg_writer URL FIRST LAST [VARIANT]`` adds articles FIRST..LAST-1 of :func:`batch`
to the store at URL, one transaction each, printing ``<n> <status>`` after each commit (flushed), so
the test knows what was committed before it killed the process.
"""

from __future__ import annotations

import sys

from saidwhat.model import Analysis
from saidwhat.store import open_store
from tests.test_store import Quote, article

PEOPLE = ("Donald Trump", "Benjamin Netanyahu", "Yair Lapid", "Ursula von der Leyen", "Kaja Kallas")
OUTLETS = ("Haaretz", "KAN", "Reuters")


def batch(n: int, variant: str = "") -> Analysis:
    """Article ``n``: two quotes by people of :data:`PEOPLE`, one relayed; ``variant`` changes its
    text (a new version of the same source)."""
    a, b = PEOPLE[n % len(PEOPLE)], PEOPLE[(n * 3 + 1) % len(PEOPLE)]
    quotes = [
        Quote(a, f"talks number {n} went well {variant}".strip(), via=[OUTLETS[n % len(OUTLETS)]]),
        Quote(b, f"the ceasefire holds in round {n}"),
    ]
    return article(f"wire/{n:04d}.txt", f"2025-06-{1 + n % 28:02d}", quotes, title=f"Round {n}")


def main(argv: list[str]) -> None:
    url, first, last = argv[0], int(argv[1]), int(argv[2])
    variant = argv[3] if len(argv) > 3 else ""
    with open_store(url) as store:
        for n in range(first, last):
            result = store.add(batch(n, variant))
            print(n, result.status, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
