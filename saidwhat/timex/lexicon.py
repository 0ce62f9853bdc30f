"""The tagger's word lists, read once from ``saidwhat/data/timex.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


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
    modal_future: frozenset[str]
    present_not_future: frozenset[str]
    someday_modals: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "timex.toml").read_text(encoding="utf-8")
    )
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
        floating_holidays={k: (int(v[0]), int(v[1]), int(v[2]), int(v[3]) if len(v) > 3 else 1)
                           for k, v in raw["floating_holidays"].items()},
        sets=dict(raw["sets"]),
        set_adjectives=frozenset(raw["set_words"]["adjectives"]),
        future_aux=frozenset(tense["future_aux"]),
        future_heads=frozenset(tense["future_heads"]),
        plan_verbs=frozenset(tense["plan_verbs"]),
        future_words=frozenset(tense["future_words"]),
        modal_future=frozenset(tense["modal_future"]),
        present_not_future=frozenset(tense["present_not_future"]),
        someday_modals=frozenset(tense["someday_modals"]),
    )
