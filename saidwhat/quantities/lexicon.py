"""The quantity lexicon (``saidwhat/data/quantities.toml``) and number parsing.

Values are exact: integers stay Python ``int`` (built with :class:`~decimal.Decimal` arithmetic, never
through ``float``), decimals become ``float`` only when finite; anything above ``max_value`` or not a
well-formed number gives ``None`` so the caller skips it rather than inventing a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from saidwhat.entities.resources import trie_regex
from saidwhat.schema import Schema, load_table

Number = int | float

# 1,700 / 84,000 / 2.5 / 17 (thousands groups of exactly three digits; no leading zeros)
# digits grouped by threes ("1,700"), or as Indian copy groups them, lakhs and crores by twos ("1,07,000")
NUMERAL = re.compile(
    r"^(?:(?:[1-9]\d{0,2}(?:,\d{3})+)|(?:[1-9]\d?(?:,\d{2})+,\d{3})|(?:0|[1-9]\d*))(?:\.\d+)?$"
)
_SUFFIXED = re.compile(r"^(?P<num>(?:0|[1-9]\d*)(?:\.\d+)?)(?P<suffix>[A-Za-z]{1,3})$")
_ORDINAL_DIGITS = re.compile(r"^(?P<num>[1-9]\d{0,5})(?:st|nd|rd|th)$")


@dataclass(frozen=True)
class Lexicon:
    max_value: Decimal
    units: dict[str, int]
    tens: dict[str, int]
    hundred: dict[str, int]
    scales: dict[str, int]
    suffixes: dict[str, int]
    plural_scales: dict[str, int]
    dozen: dict[str, int]
    ordinals: dict[str, int]
    qualifiers_before: tuple[tuple[str, ...], ...]  # token sequences, longest first
    qualifiers_after: tuple[tuple[str, ...], ...]
    up_verbs: frozenset[str]  # lemmas whose particle "up" before "to N" is no bound ("gone up to 12")
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    percent_after: tuple[tuple[str, ...], ...]
    percent_units: dict[str, str]  # "percentage points" -> "percentage point", the rest -> "%"
    measure_units: dict[str, str]
    measure_units_before: dict[str, str]  # "magnitude" (7.0): a unit written before the number
    time_nouns: frozenset[str]
    months: frozenset[str]
    identifier_before: frozenset[str]
    counts_modifiers: frozenset[str]
    ordinal_heads: frozenset[str]
    one_heads: frozenset[str]
    implied_after: frozenset[str]  # "2,000 dead": the word after a bare number is what it counts
    implied_transitive: dict[str, str]  # verb lemma -> what its object (passive: subject) counts
    implied_intransitive: dict[str, str]  # verb lemma -> what its subject counts
    totals: dict[str, str]  # "toll" -> "dead": a noun whose value the number gives
    toll_modifiers: dict[str, str]  # "confirmation" (toll) -> "confirmed cases": a total's modifier's thing
    totals_of: frozenset[str]  # "number" (of X): the number counts X
    milestones: frozenset[str]  # "mark": "past the 10,000 mark" gives the value of its verb's figure
    age_before: frozenset[str]  # "aged 32"
    change_verbs: frozenset[str]  # lemmas: "rose by three to 78" is a change and a total, no range
    change_nouns: frozenset[str]  # "a rise from 10 to 20"
    age_max: int
    trigger: re.Pattern[str]  # a digit or a number word: where a number may start

    @property
    def number_words(self) -> frozenset[str]:
        return frozenset({*self.units, *self.tens, *self.hundred, *self.scales, *self.dozen})


def _seqs(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True))


def _tables(value: type | Schema, *keys: str) -> Schema:
    return Schema(tables=dict.fromkeys(keys, value), required=keys)


_NUMBERS = Schema(any_key=int)
_NAMES = Schema(any_key=str)
# the tables of quantities.toml and the type of their values (a typo is E_LEXICON naming the key)
SCHEMA = Schema(
    tables={
        "max_value": (int, float),
        "words": _tables(
            _NUMBERS, "units", "tens", "hundred", "scales", "suffixes", "plural_scales", "dozen", "ordinals"
        ),
        "qualifiers": _tables(list, "before", "after", "up_verbs"),
        "currencies": _tables(_NAMES, "before", "after"),
        "percent": _tables(_NAMES, "after"),
        "measures": _tables(_NAMES, "units", "before"),
        "implied": Schema(
            tables={
                "after": list,
                "transitive": _NAMES,
                "intransitive": _NAMES,
                "totals": _NAMES,
                "toll_modifiers": _NAMES,
                "totals_of": list,
                "milestones": list,
            },
            required=("after", "transitive", "intransitive", "totals", "totals_of", "milestones"),
        ),
        "ages": Schema(tables={"before": list, "max": int}, required=("before", "max")),
        "changes": _tables(list, "verbs", "nouns"),
        "skip": _tables(
            list,
            "time_nouns",
            "months",
            "identifier_before",
            "counts_modifiers",
            "ordinal_heads",
            "one_heads",
        ),
    },
)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    d: dict[str, Any] = load_table("quantities.toml", SCHEMA)
    w, q, c, s = d["words"], d["qualifiers"], d["currencies"], d["skip"]
    imp, ages = d["implied"], d["ages"]
    vocabulary = [
        *w["units"],
        *w["tens"],
        *w["hundred"],
        *w["scales"],
        *w["dozen"],
        *w["ordinals"],
        *w["plural_scales"],
    ]
    trigger = re.compile(r"\d|\b(?:" + trie_regex([v.split()[0] for v in vocabulary]) + r")\b", re.IGNORECASE)
    return Lexicon(
        max_value=Decimal(str(d.get("max_value", 1e15))),
        units=dict(w["units"]),
        tens=dict(w["tens"]),
        hundred=dict(w["hundred"]),
        scales=dict(w["scales"]),
        suffixes=dict(w["suffixes"]),
        plural_scales=dict(w["plural_scales"]),
        dozen=dict(w["dozen"]),
        ordinals=dict(w["ordinals"]),
        qualifiers_before=_seqs(q["before"]),
        qualifiers_after=_seqs(q["after"]),
        up_verbs=frozenset(q["up_verbs"]),
        currency_before=dict(c["before"]),
        currency_after={k.lower(): v for k, v in c["after"].items()},
        percent_after=_seqs(list(d["percent"]["after"])),
        percent_units={" ".join(k.lower().split()): v for k, v in d["percent"]["after"].items()},
        measure_units={k.lower(): v for k, v in d["measures"]["units"].items()},
        measure_units_before={k.lower(): v for k, v in d["measures"]["before"].items()},
        time_nouns=frozenset(x.lower() for x in s["time_nouns"]),
        months=frozenset(x.lower() for x in s["months"]),
        identifier_before=frozenset(x.lower() for x in s["identifier_before"]),
        counts_modifiers=frozenset(x.lower() for x in s["counts_modifiers"]),
        ordinal_heads=frozenset(x.lower() for x in s["ordinal_heads"]),
        one_heads=frozenset(x.lower() for x in s["one_heads"]),
        implied_after=frozenset(x.lower() for x in imp["after"]),
        implied_transitive={k.lower(): v for k, v in imp["transitive"].items()},
        implied_intransitive={k.lower(): v for k, v in imp["intransitive"].items()},
        totals={k.lower(): v for k, v in imp["totals"].items()},
        toll_modifiers={k.lower(): v for k, v in imp.get("toll_modifiers", {}).items()},
        totals_of=frozenset(x.lower() for x in imp["totals_of"]),
        milestones=frozenset(x.lower() for x in imp["milestones"]),
        age_before=frozenset(x.lower() for x in ages["before"]),
        age_max=int(ages["max"]),
        change_verbs=frozenset(x.lower() for x in d["changes"]["verbs"]),
        change_nouns=frozenset(x.lower() for x in d["changes"]["nouns"]),
        trigger=trigger,
    )


def to_number(value: Decimal, lex: Lexicon) -> Number | None:
    """An exact ``int`` for integral values, a finite ``float`` otherwise; None past ``max_value``."""
    if not value.is_finite() or abs(value) > lex.max_value:
        return None
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if as_float == as_float and abs(as_float) != float("inf") else None


def parse_numeral(text: str, lex: Lexicon) -> Decimal | None:
    """``"1,700"`` → 1700, ``"2.5"`` → 2.5, ``"3bn"`` → 3000000000; None for ``"1,2,3"`` or ``"1e999"``."""
    if NUMERAL.match(text):
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    m = _SUFFIXED.match(text)
    if m and m.group("suffix").lower() in lex.suffixes:
        return Decimal(m.group("num")) * lex.suffixes[m.group("suffix").lower()]
    return None


def parse_ordinal(text: str, lex: Lexicon) -> int | None:
    low = text.lower()
    if low in lex.ordinals:
        return lex.ordinals[low]
    m = _ORDINAL_DIGITS.match(low)
    return int(m.group("num")) if m else None


def parse_words(words: list[str], lex: Lexicon) -> Decimal | None:
    """A spelled-out number (lowercased words, hyphens and "and" already removed), strictly formed.

    ``["two", "hundred", "thousand"]`` → 200000; ``["twenty", "two"]`` → 22; ill-formed sequences
    such as ``["twenty", "two", "hundred", "thousand", "million"]`` (scales not decreasing) → None.
    """
    if not words:
        return None
    total = Decimal(0)
    current: Decimal | None = None  # the group below the next scale word
    last_scale: int | None = None
    prev = ""  # kind of the previous word: unit, ten, hundred, scale
    for word in words:
        if word in lex.units:
            if prev in ("unit",) or (prev == "ten" and lex.units[word] >= 10):
                return None
            if prev == "ten" and lex.units[word] == 0:
                return None
            current = (current or Decimal(0)) + lex.units[word]
            prev = "unit"
        elif word in lex.tens:
            if prev in ("unit", "ten") or (current is not None and current % 100 != 0):
                return None
            current = (current or Decimal(0)) + lex.tens[word]
            prev = "ten"
        elif word in lex.hundred or word in lex.dozen:
            factor = lex.hundred.get(word) or lex.dozen[word]
            if prev not in ("unit", "ten", "") or (current is not None and current >= 100):
                return None
            current = (current if current is not None else Decimal(1)) * factor
            prev = "hundred"
        elif word in lex.scales:
            scale = lex.scales[word]
            if last_scale is not None and scale >= last_scale:
                return None
            if prev == "scale":
                return None
            total += (current if current is not None else Decimal(1)) * scale
            current = None
            last_scale = scale
            prev = "scale"
        else:
            return None
    return total + (current or Decimal(0))
