"""The tagger's word lists, read once from ``saidwhat/data/timex.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from saidwhat.schema import Schema, load_table


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    vague_numbers: tuple[str, ...]
    units: dict[str, tuple[str, bool]]
    unit_qualifiers: tuple[str, ...]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    modifiers: dict[str, str]
    amount_modifiers: dict[str, str]
    fuzzy: dict[str, tuple[str, tuple[str, ...]]]
    holidays: dict[str, str]
    floating_holidays: dict[str, tuple[int, int, int, int]]
    sets: dict[str, str]
    set_adjectives: frozenset[str]
    future_aux: frozenset[str]
    future_heads: frozenset[str]
    plan_verbs: frozenset[str]
    future_words: frozenset[str]
    future_before: tuple[tuple[str, ...], ...]
    modal_future: frozenset[str]
    present_not_future: frozenset[str]
    saying: frozenset[str]
    someday_modals: frozenset[str]


def _words(*keys: str) -> Schema:
    return Schema(tables=dict.fromkeys(keys, list), required=keys)


_TENSE_KEYS = (
    "future_aux",
    "future_heads",
    "plan_verbs",
    "future_words",
    "future_before",
    "modal_future",
    "present_not_future",
    "saying",
    "someday_modals",
)
# the tables of timex.toml and the type of their values (a typo is E_LEXICON naming the key)
SCHEMA = Schema(
    tables={
        "months": Schema(any_key=int),
        "weekdays": Schema(any_key=int),
        "numbers": Schema(any_key=(int, float)),
        "ordinals": Schema(any_key=int),
        "vague_numbers": _words("words"),
        "units": Schema(any_key=list),
        "unit_qualifiers": _words("words"),
        "seasons": Schema(any_key=str),
        "parts_of_day": Schema(any_key=str),
        "modifiers": Schema(any_key=str),
        "amount_modifiers": Schema(any_key=str),
        "fuzzy": Schema(any_key=list),
        "holidays": Schema(any_key=str),
        "floating_holidays": Schema(any_key=list),
        "sets": Schema(any_key=str),
        "set_words": _words("adjectives"),
        "tense": _words(*_TENSE_KEYS),
    },
)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = load_table("timex.toml", SCHEMA)
    tense = raw["tense"]
    return Lexicon(
        months={k: int(v) for k, v in raw["months"].items()},
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        ordinals={k: int(v) for k, v in raw["ordinals"].items()},
        vague_numbers=tuple(raw["vague_numbers"]["words"]),
        units={k: (str(v[0]), bool(v[1])) for k, v in raw["units"].items()},
        unit_qualifiers=tuple(raw["unit_qualifiers"]["words"]),
        seasons=dict(raw["seasons"]),
        parts_of_day=dict(raw["parts_of_day"]),
        modifiers=dict(raw["modifiers"]),
        amount_modifiers=dict(raw["amount_modifiers"]),
        fuzzy={k: (str(v[0]), tuple(v[1])) for k, v in raw["fuzzy"].items()},
        holidays=dict(raw["holidays"]),
        floating_holidays={
            k: (int(v[0]), int(v[1]), int(v[2]), int(v[3]) if len(v) > 3 else 1)
            for k, v in raw["floating_holidays"].items()
        },
        sets=dict(raw["sets"]),
        set_adjectives=frozenset(raw["set_words"]["adjectives"]),
        future_aux=frozenset(tense["future_aux"]),
        future_heads=frozenset(tense["future_heads"]),
        plan_verbs=frozenset(tense["plan_verbs"]),
        future_words=frozenset(tense["future_words"]),
        future_before=tuple(tuple(p.lower().split()) for p in tense["future_before"]),
        modal_future=frozenset(tense["modal_future"]),
        present_not_future=frozenset(tense["present_not_future"]),
        saying=frozenset(tense["saying"]),
        someday_modals=frozenset(tense["someday_modals"]),
    )
