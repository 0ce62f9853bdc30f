"""Amounts given, raised or asked for (`[gifts]` of the claims lexicon): sentences written for these
tests, analysed by the whole pipeline."""

from __future__ import annotations

import pytest

from saidwhat.claims import article_facts
from saidwhat.claims.lexicon import LexiconError, load_lexicon, parse_lexicon
from saidwhat.pipeline import analyze_text

tomllib = pytest.importorskip("tomllib")


def _keys(text: str) -> list[tuple[float, str, str, tuple[str, ...], str | None]]:
    values = article_facts(analyze_text(text), None).quantities
    return [(float(v.value or 0), v.key.thing, v.key.state, v.key.about, v.key.unit) for v in values]


def test_the_object_of_a_verb_of_giving_is_aid_and_its_subject_the_giver() -> None:
    # before: no value (no word of aid in the sentence)
    assert _keys("Japan has also released $5m from its disaster fund.") == [
        (5_000_000.0, "aid", "", ("from Japan",), "USD")
    ]


def test_a_name_that_modifies_the_subjects_head_is_not_the_giver() -> None:
    # before: no value; the first name of the subject is a compound's modifier
    assert _keys("Haiti-born singer Wyclef Jean has raised $2m for the victims.") == [
        (2_000_000.0, "aid", "", ("from Wyclef Jean", "Haiti"), "USD")
    ]


def test_what_an_appeal_raised_is_not_what_it_asks_for() -> None:
    # before: no value; the appeal is the giver, and no *requested* state is read from it
    assert _keys("The Oxfam appeal for the flood victims has raised £8m.") == [
        (8_000_000.0, "aid", "", ("from Oxfam",), "GBP")
    ]


def test_an_appeal_for_an_amount_and_an_appeal_of_an_amount_ask_for_it() -> None:
    assert _keys("The Red Cross has launched an appeal for $20m to help flood victims.") == [
        (20_000_000.0, "aid", "requested", ("from Red Cross",), "USD")
    ]
    assert _keys("Oxfam has launched a £2m emergency appeal for the survivors.") == [
        (2_000_000.0, "aid", "requested", ("from Oxfam",), "GBP")
    ]


def test_the_subject_of_a_passive_of_giving_is_aid_of_no_one_named() -> None:
    # before: a generic measure named by the words after the amount
    text = "About $450m has been pledged so far for the relief effort, the UN said."
    assert [k[:3] for k in _keys(text)] == [(450_000_000.0, "aid", "pledged")]


def test_a_total_of_gifts_reached_is_aid() -> None:
    text = "Public donations to the Oxfam fund have reached £9m."
    assert _keys(text) == [(9_000_000.0, "aid", "", (), "GBP")]


def test_targets_prices_and_payments_to_a_passives_subject_are_no_gifts() -> None:
    assert _keys("The girl had hoped to raise £300 by running around her school.") == []
    assert _keys("A £30 donation buys a family tent, the charity said.") == []
    assert _keys("Local charities are to be given £400,000 in government money.") == []


def test_a_progressive_of_giving_is_active_its_subject_gives() -> None:
    assert _keys("The Asian Development Bank is funding $50m of the repairs.") == [
        (50_000_000.0, "aid", "", ("from Asian Development Bank",), "USD")
    ]


def test_the_gifts_table_names_a_thing_and_a_state_of_it() -> None:
    from importlib import resources

    raw = resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    assert load_lexicon().gifts.thing == "aid"
    data["gifts"]["thing"] = "pledges"
    with pytest.raises(LexiconError, match=r"gifts\.thing"):
        parse_lexicon(data)
    data = tomllib.loads(raw)
    data["gifts"]["asked_state"] = "confirmed"
    with pytest.raises(LexiconError, match=r"gifts\.asked_state"):
        parse_lexicon(data)
