"""Numbers that refer rather than report, and places a count does not take (saidwhat.claims.quantity,
issue 18; session 22): one rule per test, on sentences written for the test."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from saidwhat.claims import article_facts
from saidwhat.claims.issues import issue_names
from saidwhat.claims.lexicon import LexiconError, load_lexicon, parse_lexicon
from tests.test_claims_positions import analysis
from tests.test_claims_values import gpe, measures


def test_a_source_country_places_no_captives() -> None:
    text = "US President Dan Rivers said the deal could free some of the 30 remaining hostages."
    st = {
        "speaker": "US President Dan Rivers",
        "name": "Dan Rivers",
        "content": "the deal could free some of the 30 remaining hostages",
    }
    an = analysis(
        text,
        entities=[("Dan Rivers", "Dan Rivers", "PERSON")],
        statements=[st],
        quantities=[("30 remaining hostages", 30, "hostages")],
        titles={"Dan Rivers": "US President"},
    )
    # before: placed in the United States, the country of the speaker's title
    assert measures(an)[30.0][3] == ()
    # a national authority's figure of a thing it counts at home still is its country's
    text = "US Health Secretary Dan Rivers said 30 people had died."
    st = {"speaker": "US Health Secretary Dan Rivers", "name": "Dan Rivers", "content": "30 people had died"}
    an = analysis(
        text,
        entities=[("Dan Rivers", "Dan Rivers", "PERSON")],
        statements=[st],
        quantities=[("30 people", 30, "people")],
        titles={"Dan Rivers": "US Health Secretary"},
    )
    assert measures(an)[30.0] == ("deaths", "", "", ("United States",))


def test_speaker_place_is_an_optional_boolean_of_a_thing() -> None:
    lex = load_lexicon()
    assert not lex.things["hostages"].speaker_place and lex.things["deaths"].speaker_place
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    raw["things"]["hostages"]["speaker_place"] = "no"
    with pytest.raises(LexiconError, match="speaker_place"):
        parse_lexicon(raw)
    del raw["things"]["hostages"]["speaker_place"]
    assert parse_lexicon(raw).things["hostages"].speaker_place  # true when left out


def test_a_number_opening_a_speaker_picks_out_a_voice() -> None:
    text = "One diplomat said the talks had stalled, and 12 countries have confirmed the plan."
    an = analysis(
        text,
        statements=[
            {"speaker": "One diplomat", "content": "the talks had stalled"},
            {"speaker": "12 countries", "content": "the plan"},
        ],
        quantities=[("One diplomat", 1, "diplomat"), ("12 countries", 12, "countries")],
    )
    got = {v.key.thing: v.value for v in article_facts(an, "s").quantities}
    # before: a claim "diplomat" of value 1
    assert "diplomat" not in got
    # a count of countries that speak is still a count
    assert got.get("country") == 12


def test_an_anonymous_voice_is_no_count_but_a_named_group_is() -> None:
    text = "Two officials told reporters the talks had stalled."
    st = {"speaker": "Two officials", "content": "the talks had stalled"}
    an = analysis(text, statements=[st], quantities=[("Two officials", 2, "officials")])
    an.statements[0].speaker.anonymous = True  # type: ignore[union-attr]
    assert not article_facts(an, "s").quantities
    an.statements[0].speaker.anonymous = False  # type: ignore[union-attr]
    assert [v.value for v in article_facts(an, "s").quantities] == [2]


def test_a_definite_count_in_words_of_an_unknown_noun_names_a_known_set() -> None:
    text = "The two sides remain divided, and the 3,000 peacekeepers in the country stay."
    an = analysis(text, quantities=[("two sides", 2, "sides"), ("3,000 peacekeepers", 3000, "peacekeepers")])
    got = {v.key.thing: v.value for v in article_facts(an, "s").quantities}
    # before: a claim "side" of value 2
    assert got == {"peacekeeper": 3000}
    # without the article it is a count
    text = "Two sides remain divided."
    an = analysis(text, quantities=[("Two sides", 2, "sides")])
    assert [v.value for v in article_facts(an, "s").quantities] == [2]


def test_a_modal_governs_every_conjunct_of_its_object() -> None:
    text = "Under the plan, Israel would free 200 inmates serving life terms and 1,500 detainees held in May."
    an = analysis(
        text,
        entities=gpe("Israel"),
        quantities=[("200 inmates", 200, "inmates"), ("1,500 detainees", 1500, "detainees")],
    )
    got = measures(an)
    assert got[200.0][2] == "projected"
    # before: the second conjunct was a release that happened
    assert got[1500.0][2] == "projected"
    # a conjunct of a clause of its own is not
    text = "Israel would free 200 inmates, and it has released 1,500 detainees."
    an = analysis(
        text,
        entities=gpe("Israel"),
        quantities=[("200 inmates", 200, "inmates"), ("1,500 detainees", 1500, "detainees")],
    )
    assert measures(an)[1500.0][2] == ""


def test_a_relative_clause_on_a_person_takes_no_place_of_the_main_clause() -> None:
    text = "The Peruvian minister criticised the charges against Dan Rivers, who faces three lawsuits."
    an = analysis(
        text,
        entities=[*gpe("Peru"), ("Dan Rivers", "Dan Rivers", "PERSON")],
        quantities=[("three lawsuits", 3, "lawsuits")],
    )
    an.entities[0].mentions[0].text = "Peruvian"
    start = text.index("Peruvian")
    an.entities[0].mentions[0].start, an.entities[0].mentions[0].end = start, start + len("Peruvian")
    got = {v.key.thing: v.key.about for v in article_facts(an, "s").quantities}
    # before: ("Peru",), the minister's country
    assert got == {"lawsuit": ()}


def test_a_place_describing_the_person_still_places_the_count() -> None:
    text = "Chile's minister Dan Rivers, who said 40 people had died, resigned."
    an = analysis(
        text,
        entities=[*gpe("Chile"), ("Dan Rivers", "Dan Rivers", "PERSON")],
        quantities=[("40 people", 40, "people")],
    )
    assert measures(an)[40.0] == ("deaths", "", "", ("Chile",))


def test_a_guarantee_that_is_an_assurance_not_the_issue_of_guarantees() -> None:
    lex = load_lexicon()
    assert issue_names("Hamas demands guarantees of an end to the war", lex)[:1] == ["guarantees"]
    # before: "guarantees", the seeds' issue, from an assurance the speaker gives
    assert "guarantees" not in issue_names("classes will resume with the guarantee that pupils are safe", lex)


def test_a_total_after_the_items_of_a_list_is_the_wholes() -> None:
    text = "Nine new cases were confirmed in Peru, eight in Lima and one in Cusco, bringing the total to 48."
    an = analysis(
        text,
        entities=gpe("Peru", "Lima", "Cusco"),
        quantities=[
            ("Nine new cases", 9, "new cases"),
            ("eight", 8, None),
            ("one", 1, None),
            ("48", 48, None),
        ],
    )
    got = measures(an)
    assert got[8.0][3] == ("Lima",) and got[1.0][3] == ("Cusco",)
    # before: ("Cusco",), the place of the last item
    assert got[48.0] == ("cases", "confirmed", "", ("Peru",))


def test_a_noun_under_no_is_not_what_a_number_counts() -> None:
    text = "Twenty cases have been identified in Peru and six in Chile, with no deaths reported."
    an = analysis(
        text, entities=gpe("Peru", "Chile"), quantities=[("Twenty cases", 20, "cases"), ("six", 6, None)]
    )
    # before: a claim "in with no death" of Chile
    assert measures(an)[6.0] == ("cases", "", "", ("Chile",))


def test_the_place_of_an_among_phrase_is_the_counts() -> None:
    text = "In Peru, eight cases have been confirmed among Lima students, seven in Cusco."
    an = analysis(
        text,
        entities=gpe("Peru", "Lima", "Cusco"),
        quantities=[("eight cases", 8, "cases"), ("seven", 7, None)],
    )
    # before: ("Peru",), the fronted place, though the students counted are Lima's
    assert measures(an)[8.0][3] == ("Lima",)


def test_a_coordinated_verb_shares_its_subjects_disease() -> None:
    text = "The AIDS virus, which has killed 25 million people globally and infects 33 million, spread early."
    an = analysis(
        text, quantities=[("25 million people", 25_000_000, "people"), ("33 million", 33_000_000, None)]
    )
    got = {v.value: v.disease for v in article_facts(an, "s").quantities}
    # before: the 33 million were cases of no disease of their own (the article's)
    assert got[33_000_000] == got[25_000_000] != ""


def test_a_count_in_a_list_of_one_countrys_regions_is_the_countrys() -> None:
    text = "The agency said 20 confirmed cases were found in Texas, Ohio, Kansas and Iowa."
    an = analysis(
        text,
        entities=gpe("Texas", "Ohio", "Kansas", "Iowa"),
        quantities=[("20 confirmed cases", 20, "confirmed cases")],
    )
    # before: ("Texas",), the first of the list
    assert measures(an)[20.0][3] == ("United States",)
    # one region is that region's; regions of two countries give no country
    text = "The agency said 20 confirmed cases were found in Texas."
    an = analysis(text, entities=gpe("Texas"), quantities=[("20 confirmed cases", 20, "confirmed cases")])
    assert measures(an)[20.0][3] == ("Texas",)
    text = "The agency said 20 confirmed cases were found in Texas and Ontario."
    an = analysis(
        text, entities=gpe("Texas", "Ontario"), quantities=[("20 confirmed cases", 20, "confirmed cases")]
    )
    # the two regions' together (session 38: a count in a coordination of places)
    assert measures(an)[20.0][3] == ("Texas", "Ontario")


def test_regions_are_an_optional_table_of_the_lexicon() -> None:
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    assert parse_lexicon(raw).regions["Ontario"] == "Canada"
    del raw["places"]["regions"]
    # (the names of the regions' people name regions, so they go with them: session 56)
    with pytest.raises(LexiconError, match="demonyms"):
        parse_lexicon(raw)
    del raw["places"]["demonyms"]
    assert parse_lexicon(raw).regions == {}
    raw["places"]["regions"] = {"Canada": "Ontario"}
    with pytest.raises(LexiconError, match="regions"):
        parse_lexicon(raw)


def test_a_place_after_the_second_of_two_joined_counts_locates_both() -> None:
    text = "The virus is suspected of killing more than 150 people and sickening more than 2,400 in Peru."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("more than 150 people", 150, "people"), ("more than 2,400", 2400, None)],
    )
    got = measures(an)
    assert got[2400.0][3] == ("Peru",)
    # before: no place
    assert got[150.0][3] == ("Peru",)
    # a comma or a verb of its own between keeps them apart
    text = "The virus has killed 150 people, and it has sickened 2,400 in Peru."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("150 people", 150, "people"), ("2,400", 2400, None)]
    )
    assert measures(an)[150.0][3] == ()
