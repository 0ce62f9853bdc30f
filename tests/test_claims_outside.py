"""Counts as news from other outlets write them (saidwhat.claims.quantity, issue 18; session 23, read
off the webflu4 development set): one rule per test, on sentences written for the test."""

from __future__ import annotations

from tests.test_claims_positions import analysis
from tests.test_claims_values import gpe, measures


def test_a_disease_in_apposition_is_not_what_is_counted() -> None:
    # the engine cuts the noun phrase at the comma: the counted noun is the disease's name
    text = (
        "Peru's health ministry on Monday confirmed three more H1N1, or swine flu, deaths in the "
        "country, raising the total to 41."
    )
    an = analysis(text, entities=gpe("Peru"), quantities=[("three more H1N1", 3, "H1N1"), ("41", 41, None)])
    got = measures(an)
    assert got[3.0] == ("deaths", "confirmed", "new", ("Peru",))
    assert got[41.0] == ("deaths", "confirmed", "", ("Peru",))


def test_the_code_of_the_virus_modifies_a_count_as_its_name_does() -> None:
    text = "Chile reported 12 new confirmed A(H1N1) flu cases on Monday, bringing the total number to 310."
    an = analysis(text, entities=gpe("Chile"), quantities=[("12", 12, None), ("310", 310, None)])
    got = measures(an)
    assert got[12.0] == ("cases", "confirmed", "new", ("Chile",))
    assert got[310.0] == ("cases", "confirmed", "", ("Chile",))


def test_a_disaster_may_be_counted() -> None:
    # unlike a disease, a natural disaster is a thing one counts: its count stays a measure of its own
    text = "The island has suffered four hurricanes since 2008."
    an = analysis(text, quantities=[("four hurricanes", 4, "hurricanes")])
    assert measures(an)[4.0][0] == "hurricane"
