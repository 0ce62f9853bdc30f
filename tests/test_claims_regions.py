"""Session 52: a demonym after a prefix of regions names no nation, and the countries of a region are not
the world (docs/claims.md, "Regions that are no nation")."""

from __future__ import annotations

import pytest

from tests.claims_fixtures import PlaceKey, place_keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Pan American" and "Inter-American" are the Americas', not the United States' (before: the
        # source's description gave the United States)
        ("The Pan American Health Organization said 300 people had died.", (300.0, "deaths", ())),
        ("The Inter-American Development Bank said 20 people had died.", (20.0, "deaths", ())),
        # a prefix with which the demonym names a country still gives that country
        ("South African health officials said 20 people had died.", (20.0, "deaths", ("South Africa",))),
        ("South Korean health officials said 20 people had died.", (20.0, "deaths", ("South Korea",))),
        ("Mexican Health Secretary Jose Cordova said 20 people had died.", (20.0, "deaths", ("Mexico",))),
    ],
)
def test_a_demonym_after_a_prefix_of_regions_names_no_nation(text: str, expected: PlaceKey) -> None:
    assert expected in place_keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the countries of a region are the region's, or no place we name (before: the world's)
        (
            "Officials reported some 16,000 cases in the 22 countries of North, Central and South America.",
            (16000.0, "cases", ()),
        ),
        ("Officials reported 900 cases in 20 countries in Europe.", (900.0, "cases", ("Europe",))),
        # countries counted with no region, or of the world, are the world's
        ("Officials reported 900 cases in 20 countries.", (900.0, "cases", ("world",))),
        ("Officials reported 900 cases in 20 countries of the world.", (900.0, "cases", ("world",))),
        # a month after the countries is no region
        ("Officials reported 900 cases in 30 countries in April.", (900.0, "cases", ("world",))),
    ],
)
def test_the_countries_of_a_region_are_not_the_world(text: str, expected: PlaceKey) -> None:
    assert expected in place_keys(text)
