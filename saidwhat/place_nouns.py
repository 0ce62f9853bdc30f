"""The nouns of the places a count may be counted in ("in 22 countries", "across 44 states", "in three
prefectures"), one list for every stage that reads them: the quantities engine reads the plural a count's
noun is written in, the claims stage the singular. Plain constants: importing them loads nothing else."""

from __future__ import annotations

# singular -> plural
_PLACE_NOUNS = {
    "country": "countries",
    "nation": "nations",
    "continent": "continents",
    "state": "states",
    "province": "provinces",
    "region": "regions",
    "city": "cities",
    "county": "counties",
    "prefecture": "prefectures",
    "territory": "territories",
}
PLACES_COUNTED = frozenset(_PLACE_NOUNS)  # singular nouns
PLACES_COUNTED_PLURAL = frozenset(_PLACE_NOUNS.values())
