"""A war's tolls (session 47): groups of victims, their nations, elided nouns and running tolls, on
sentences written for these tests, analysed by the whole pipeline. Each case failed on the rules of
session 46 (2d032a7)."""

from __future__ import annotations

from importlib import resources

import pytest

from saidwhat.claims import article_facts
from saidwhat.claims.lexicon import LexiconError, load_lexicon, parse_lexicon
from saidwhat.pipeline import analyze_text
from tests.claims_fixtures import PlaceKey, place_keys

tomllib = pytest.importorskip("tomllib")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group's other words are its name (before: "us troop", "american servicemen", "service
        # personnel fatality", "british military death": generic measures of their own)
        ("More than 1,700 US troops have died in Iraq.", (1700.0, "soldier deaths", ("United States",))),
        ("At least 2,000 American servicemen were killed.", (2000.0, "soldier deaths", ("United States",))),
        (
            "It is a fraction of 1,500 US service personnel fatalities.",
            (1500.0, "soldier deaths", ("United States",)),
        ),
        ("There have been 98 British military deaths.", (98.0, "soldier deaths", ("United Kingdom",))),
        # a resultative adjective after a group of persons says what became of them (before: "us troop")
        ("The crash left a total of 37 US troops dead.", (37.0, "soldier deaths", ("United States",))),
        # a nation's soldiers are its toll wherever they died (before: Iraq's)
        (
            "A soldier was killed near Basra, bringing to 98 the number of UK soldiers killed in Iraq.",
            (98.0, "soldier deaths", ("United Kingdom",)),
        ),
        # a demonym's plural in -is is a people (before: a generic measure "iraqis")
        ("Today 300,000 Iraqis are dead.", (300000.0, "deaths", ("Iraq",))),
        # the head's group, not a modifier's (and the plural in -men is the group's name)
        ("Six military policemen were killed.", (6.0, "policeman deaths", ())),
        # "shot dead" is a verb of killing, here one attack's (before: a generic measure "shot dead")
        ("Two Baghdad police were shot dead.", (2.0, "attack policeman deaths", ("Baghdad",))),
    ],
    ids=[
        "troops",
        "servicemen",
        "service-personnel",
        "military",
        "left-dead",
        "nation",
        "iraqis",
        "head",
        "shot-dead",
    ],
)
def test_a_group_of_victims_is_measured_by_its_name_and_nation(text: str, expected: PlaceKey) -> None:
    assert place_keys(text) == [expected]


def test_a_persons_count_joined_to_the_one_before_shares_its_verb() -> None:
    # before: the second object of "killed" had no value
    text = "The war has killed thousands of civilians and 1,730 American soldiers."
    assert place_keys(text) == [(1730.0, "soldier deaths", ("United States",))]
    assert place_keys("The virus infected 20 students and three teachers.") == [
        (20.0, "cases", ()),
        (3.0, "cases", ()),
    ]


def test_incidents_named_by_bare_plurals_in_the_perfect_are_a_running_toll() -> None:
    # before: "attack civilian deaths" and "attack soldier deaths", one incident's tolls
    text = "Attacks have killed 300 civilians and 1,730 American soldiers."
    assert place_keys(text) == [
        (300.0, "civilian deaths", ()),
        (1730.0, "soldier deaths", ("United States",)),
    ]
    # one incident stays one: an article, a number, a compound, a date
    assert place_keys("A bomb has killed 20 people.")[0][1] == "attack deaths"
    assert place_keys("Two car bombs have killed 30 people.")[-1][1] == "attack deaths"
    assert place_keys("Seven blasts have killed 30 people.")[-1][1] == "attack deaths"
    assert place_keys("Bombings killed 30 people yesterday.")[0][1] == "attack deaths"


def test_a_number_that_leaves_out_its_noun_counts_the_group_before_it() -> None:
    # before: "injured" of Iraq and of the United States, everyone's
    text = "A total of 35 US servicewomen have now died in Iraq and 271 have been injured."
    assert place_keys(text) == [
        (35.0, "servicewoman deaths", ("United States",)),
        (271.0, "servicewoman injured", ("United States",)),
    ]
    text = "It is a fraction of the 1,500 US service personnel fatalities and the 11,600 wounded."
    assert place_keys(text)[-1] == (11600.0, "soldier injured", ("United States",))


def test_a_force_is_measured_by_its_noun_without_its_nation() -> None:
    # before: "us troop"; a force that no verb says died, put in a place, is its strength, the nation's
    assert place_keys("There are currently 138,000 US troops in Iraq.") == [
        (138000.0, "troop", ("United States",))
    ]
    # a force otherwise is counted by what became of it, as people are (nothing here)
    assert (
        place_keys("As many as 11 soldiers will be charged in connection with the death of a civilian.") == []
    )


def test_a_relative_clause_on_persons_no_subject_says_what_became_of_them() -> None:
    # before: no value
    text = "He is partly responsible for the 100,000 people who have been killed in Iraq."
    assert place_keys(text) == [(100000.0, "deaths", ("Iraq",))]
    # a subject's own verb says what is counted: bodies buried are no deaths
    assert place_keys("At least 70,000 people who died in the quake have already been buried.") == []


def test_the_group_of_a_total_is_written_on_its_noun() -> None:
    # before: deaths of Iraq, everyone's
    text = "Fears grow in Mosul as US military death toll in Iraq tops 1,500."
    assert place_keys(text) == [(1500.0, "soldier deaths", ("United States",))]
    assert place_keys("The British military death toll rose to 95.") == [
        (95.0, "soldier deaths", ("United Kingdom",))
    ]
    assert place_keys("The death toll rose to 95.") == [(95.0, "deaths", ())]


def test_only_a_force_has_a_strength_and_a_part_has_none() -> None:
    assert place_keys("Brazil sent 3,000 UN peacekeepers.") == [(3000.0, "un peacekeeper", ("Brazil",))]
    assert place_keys("The attack killed 30 people, including 12 soldiers.")[1:] == []
    assert place_keys("Two militants appeared on the video.") == []


def test_words_after_a_counts_own_noun_make_no_measure() -> None:
    # before: a generic measure "appeared on the video without the hostage"
    assert place_keys("Two militants appeared on the video without the hostages.") == []
    # before: "will need food aid"
    assert place_keys("The WFP says two million people will need food aid.") == []


def test_the_groups_table_is_checked() -> None:
    raw = resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    lex = load_lexicon()
    assert lex.group_names["troop"] == "soldier"
    assert {"troop", "service personnel", "soldier"} <= lex.groups <= lex.persons
    data = tomllib.loads(raw)
    data["groups"]["same"] = {"soldier": "troop"}
    with pytest.raises(LexiconError, match=r"groups\.same\.soldier"):
        parse_lexicon(data)
    data["groups"]["same"] = {"soldier": ["troop"]}
    data["groups"]["forces"] = ["soldier", "tank"]
    with pytest.raises(LexiconError, match=r"groups\.forces: not groups \['tank'\]"):
        parse_lexicon(data)
    data["groups"]["forces"] = ["soldier"]
    data["groups"]["other"] = []
    with pytest.raises(LexiconError, match="groups"):
        parse_lexicon(data)


def test_a_count_over_the_last_days_is_what_they_added() -> None:
    # before: a value of the running toll
    text = "Forty-three US soldiers have been killed in Iraq in the last 10 days."
    got = article_facts(analyze_text(text), None).quantities
    assert [(v.value, v.key.thing, v.key.aspect) for v in got] == [(43, "soldier deaths", "new")]
    # another clause's span, or a level reached in it, is not the count's
    text = "Mexico has 108 deaths with no cases reported in the last three days."
    assert [v.key.aspect for v in article_facts(analyze_text(text), None).quantities] == [""]
    text = "The number of deaths in the past two weeks rose to 300."
    assert [v.key.aspect for v in article_facts(analyze_text(text), None).quantities] == [""]


def test_a_partitive_pronouns_noun_names_the_parts_group() -> None:
    # before: deaths of no group (everyone's)
    text = "More than 100,000 people have died, 1,600 of them American soldiers."
    assert place_keys(text)[1] == (1600.0, "soldier deaths", ("United States",))
