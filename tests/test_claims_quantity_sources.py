"""Quantity measures (saidwhat.claims.quantity) on real sentences of the Timeline17 H1N1 articles: the
place a source's description gives, a global body's tally, a list item with a predicate of its own."""

from __future__ import annotations

from typing import Any

from saidwhat.claims import article_facts
from saidwhat.model import Analysis
from tests.test_claims_positions import analysis


def measures(an: Analysis) -> dict[float, tuple[Any, ...]]:
    return {
        float(v.value): (v.key.thing, v.key.state, v.key.aspect, v.key.about)
        for v in article_facts(an, "s").quantities
        if v.value is not None
    }


def test_speaker_title_given_elsewhere_names_the_country_and_a_list_item_with_its_own_verb_is_left_out() -> (
    None
):
    text = (
        "Jose Angel Cordova told reporters the worst was over. "
        "He said 16 deaths were confirmed as caused by the H1N1 flu and 85 were being tested."
    )
    content = "16 deaths were confirmed as caused by the H1N1 flu and 85 were being tested"
    an = analysis(
        text,
        entities=[("Jose Angel Cordova", "Jose Angel Cordova", "PERSON")],
        titles={"Jose Angel Cordova": "Mexican Health Minister"},
        statements=[
            {"speaker": "He", "name": "Jose Angel Cordova", "cue": "said", "lemma": "say", "content": content}
        ],
        quantities=[("16 deaths", 16, "deaths"), ("85", 85, None)],
    )
    got = measures(an)
    # before: 16 had no place (the title is not in this sentence), 85 was a *confirmed* death
    assert got[16.0] == ("deaths", "confirmed", "", ("Mexico",))
    assert 85.0 not in got


def test_a_list_item_without_a_verb_still_takes_the_first_items_measure() -> None:
    text = "There were 125 confirmed cases in Japan, 103 in Spain and 101 in Britain."
    an = analysis(
        text,
        entities=[("Japan", "Japan", "GPE"), ("Spain", "Spain", "GPE"), ("Britain", "United Kingdom", "GPE")],
        quantities=[("125 confirmed cases", 125, "confirmed cases"), ("103", 103, None), ("101", 101, None)],
    )
    got = measures(an)
    assert got[103.0][:2] == ("cases", "confirmed") and got[101.0][:2] == ("cases", "confirmed")


def test_a_global_bodys_tally_is_about_the_world() -> None:
    for source in ("the latest WHO tally", "the WHO's latest tally"):
        text = (
            f"According to {source}, 65 people have died from infection with the H1N1 virus, which "
            "remains most prevalent in North America."
        )
        content = text[text.index("65 people") :]
        an = analysis(
            text,
            statements=[
                {"speaker": source, "cue": "According to", "lemma": "according to", "content": content}
            ],
            quantities=[("65 people", 65, "people")],
        )
        # before: no place, so no series
        assert measures(an)[65.0] == ("deaths", "", "", ("world",)), source
    # a body's official is not its tally: the figure keeps no place
    text = "A WHO spokesman said 65 people have died."
    an = analysis(
        text,
        statements=[
            {"speaker": "A WHO spokesman", "cue": "said", "lemma": "say", "content": "65 people have died"}
        ],
        quantities=[("65 people", 65, "people")],
    )
    assert measures(an)[65.0] == ("deaths", "", "", ())


def test_no_one_is_nobody() -> None:
    text = (
        "It is too early to assume the swine flu outbreak is a mild infection just because no-one in the "
        "UK has died, England's chief medical officer says."
    )
    an = analysis(text, entities=[("UK", "United Kingdom", "GPE")], quantities=[("one", 1, "dead")])
    # before: a value 1 of deaths in the United Kingdom
    assert measures(an) == {}
