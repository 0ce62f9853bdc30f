"""TF-IDF cosine similarity of short texts (statement contents), with negation words set apart."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from saidwhat.claims.issues import FUNCTION, STOP
from saidwhat.claims.text import singular

_TOKEN = re.compile(r"[A-Za-z][\w'’-]*")


def terms(text: str, negation: frozenset[str]) -> list[str]:
    out = []
    for t in _TOKEN.findall(text.lower()):
        t = t.replace("’", "'")
        if t in negation or t.endswith("n't") or t in FUNCTION or t in STOP or len(t) < 3:
            continue
        out.append(singular(t))
    return out


def negated(text: str, negation: frozenset[str]) -> bool:
    """Whether the text carries a negation word ("no list has been handed over", "did not")."""
    return any(
        t in negation or t.endswith("n't") for t in re.findall(r"[\w'’]+", text.lower().replace("’", "'"))
    )


def rebuts(text: str, phrases: tuple[str, ...]) -> bool:
    """Whether the text answers another's claim ("contrary to the report", "it is not true that")."""
    low = " ".join(re.findall(r"[\w'’]+", text.lower().replace("’", "'")))
    return any(re.search(rf"\b{re.escape(p)}\b", low) for p in phrases)


class TfIdf:
    """IDF from a collection of texts; cosine of any two of their term lists."""

    def __init__(self, docs: Iterable[list[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for d in docs:
            n += 1
            df.update(set(d))
        self.n = max(n, 1)
        self.df = df
        # terms in more than this many texts do not propose candidate pairs (they still weigh in cosine)
        self.common = max(10, int(0.02 * self.n))
        self.idf = {t: math.log((1 + self.n) / (1 + c)) + 1.0 for t, c in df.items()}

    def vector(self, d: list[str]) -> dict[str, float]:
        tf = Counter(d)
        v = {t: c * self.idf.get(t, math.log(1 + self.n) + 1.0) for t, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    def rare(self, t: str) -> bool:
        return self.df.get(t, 0) <= self.common

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(t, 0.0) for t, x in a.items())
