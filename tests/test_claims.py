"""Claims across articles (saidwhat.claims): hand-made analyses for each rule, then the two seeds."""

from __future__ import annotations

import json
import tomllib
from datetime import date, timedelta
from importlib import resources
from typing import Any

import pytest

from saidwhat.claims import (
    analyse_corpus,
    article_facts,
    build_claims,
    build_positions_report,
    build_promises_report,
    facts_from_dict,
    facts_to_dict,
)
from saidwhat.claims.lexicon import LexiconError, load_lexicon, parse_lexicon
from saidwhat.claims.model import QuantityValue
from saidwhat.claims.promises import add_duration, end_of
from saidwhat.model import Analysis
from tests.claims_fixtures import make

# -- helpers: a small Analysis from a text and the spans it should carry (tests/claims_fixtures.py) --


def values_of(analyses: list[Analysis], story: str | None = "st1") -> list[QuantityValue]:
    return [v for a in analyses for v in article_facts(a, story).quantities]


def measures(analyses: list[Analysis]) -> dict[str, set[Any]]:
    out: dict[str, set[Any]] = {}
    for v in values_of(analyses):
        out.setdefault(v.key.measure, set()).add(v.value if v.value is not None else (v.low, v.high))
    return out


# -- the lexicon -------------------------------------------------------------------------------


def test_a_lexicons_optional_tables_may_be_left_out() -> None:
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    del raw["estimates"]["under_test"]
    del raw["things"]["deaths"]["compounds"]
    lex = parse_lexicon(raw)
    assert lex.under_test == () and lex.things["deaths"].compounds == frozenset()


def test_lexicon_loads_and_is_schema_checked() -> None:
    lex = load_lexicon()
    assert "cases" in lex.things and "confirmed" in lex.states["status"]
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    raw["settings"]["windw_words"] = 3
    with pytest.raises(LexiconError, match="unknown key"):
        parse_lexicon(raw)
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    raw["stances"]["acts"]["demand"] = "wants"
    with pytest.raises(LexiconError, match="unknown stance"):
        parse_lexicon(raw)
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    raw["things"]["cases"]["states"] = "nope"
    with pytest.raises(LexiconError, match="state family"):
        parse_lexicon(raw)
    # names are kept as written (entities carry them so); a list of strings is required
    assert "Haiti" in lex.countries and "haiti" not in lex.countries
    raw = tomllib.loads(
        resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
    )
    raw["places"]["countries"] = "Haiti"
    with pytest.raises(LexiconError, match=r"places\.countries"):
        parse_lexicon(raw)


# -- quantity rules ----------------------------------------------------------------------------


def test_suspected_is_not_confirmed() -> None:
    t = "Mexico has 20 confirmed deaths. Officials in Mexico also count 149 suspected deaths."
    a = make(
        t,
        "d1",
        "2009-04-28",
        quantities=[
            ("20 confirmed deaths", 20, "confirmed deaths"),
            ("149 suspected deaths", 149, "suspected deaths"),
        ],
        places=["Mexico"],
    )
    m = measures([a])
    assert m == {"deaths confirmed": {20}, "deaths suspected": {149}}


def test_another_of_another_state_is_the_other_part_not_an_increment() -> None:
    """ "another 83 deaths were suspected" after 20 deaths: the other part of one population (its
    place too), never a new-deaths increment; "another 12 deaths" of the same state is one."""
    t = "Officials in Mexico confirmed that 20 people had died while another 83 deaths were suspected."
    a = make(
        t,
        "d1",
        "2009-04-27",
        quantities=[("20 people", 20, "people"), ("83 deaths", 83, "deaths")],
        places=["Mexico"],
    )
    keys = {v.value: v.key for v in values_of([a])}
    assert (keys[83].thing, keys[83].state, keys[83].aspect) == ("deaths", "suspected", "")
    assert keys[83].about == keys[20].about and keys[20].state != "suspected"
    t2 = "Mexico reported 20 deaths on Monday and another 12 deaths on Tuesday."
    b = make(t2, "d2", "2009-04-28", quantities=[("20 deaths", 20, "deaths"), ("12 deaths", 12, "deaths")])
    assert {v.value: v.key.aspect for v in values_of([b])} == {20: "", 12: "new"}


def test_killed_is_not_injured_and_people_take_the_verb() -> None:
    t = "The storm killed 12 people and injured 40 people in the market."
    a = make(t, "d1", "2020-01-01", quantities=[("12 people", 12, "people"), ("40 people", 40, "people")])
    m = measures([a])
    assert m == {"deaths": {12}, "injured": {40}}


def test_alive_is_not_held() -> None:
    t = "Of the 48 hostages still held, 20 are believed to be alive."
    a = make(t, "d1", "2025-10-06", quantities=[("48 hostages", 48, "hostages"), ("20", 20, None)])
    m = measures([a])
    assert m == {"hostages held": {48}, "hostages alive": {20}}


def test_part_of_a_whole_takes_the_verb_after_it() -> None:
    t = "In Mexico 20 of the 149 reported fatalities have been confirmed to be from the virus."
    a = make(
        t,
        "d1",
        "2009-04-29",
        quantities=[("20", 20, None), ("149 reported fatalities", 149, "reported fatalities")],
        places=["Mexico"],
    )
    assert measures([a]) == {"deaths confirmed": {20}, "deaths": {149}}
    # a participle right after the whole modifies the whole
    t = "Only 10 of the 34 cases confirmed in the UK were actually acquired here."
    a = make(t, "d2", "2009-05-08", quantities=[("10", 10, None), ("34 cases", 34, "cases")], places=["UK"])
    # ... and a part whose words say nothing the lexicon reads ("acquired here") is no value
    assert measures([a]) == {"cases confirmed": {34}}


def test_a_national_authority_speaks_of_its_country() -> None:
    t = "Mexican Health Secretary Jose Angel Cordova said that the toll of confirmed deaths rose to 15."
    a = make(
        t,
        "d1",
        "2009-05-01",
        quantities=[("15", 15, None)],
        statements=[
            {
                "speaker": "Mexican Health Secretary Jose Angel Cordova",
                "cue": "said",
                "lemma": "say",
                "content": "the toll of confirmed deaths rose to 15",
            }
        ],
    )
    (v,) = values_of([a])
    assert (v.key.measure, v.key.about) == ("deaths confirmed", ("Mexico",))
    assert v.source is not None and v.source.name == "Mexican Health Secretary Jose Angel Cordova"


def test_two_states_in_one_window_are_left_out() -> None:
    t = "There are 3,000 confirmed and suspected cases."
    a = make(
        t,
        "d1",
        "2009-05-10",
        quantities=[("3,000 confirmed and suspected cases", 3000, "confirmed and suspected cases")],
    )
    assert values_of([a]) == [] or all(v.key.state == "" and v.key.thing != "cases" for v in values_of([a]))


def test_range_keeps_low_and_high() -> None:
    t = "Between 1,700-2,000 detainees would be freed."
    a = make(t, "d1", "2025-10-06", quantities=[("1,700-2,000 detainees", 1700, "detainees")])
    a.quantities[0].value_max = 2000
    (v,) = values_of([a])
    assert (v.value, v.low, v.high) == (None, 1700, 2000)
    assert v.key.state == "released" and v.key.aspect == "projected"


def test_update_raised_and_source_kept() -> None:
    t1 = "The WHO said confirmed cases worldwide reached 331."
    t2 = "The WHO said confirmed cases worldwide reached 787."
    st = {"speaker": "The WHO", "cue": "said", "lemma": "say", "content": "confirmed cases worldwide reached"}
    a1 = make(
        t1,
        "d1",
        "2009-04-30",
        quantities=[("331", 331, None)],
        statements=[{**st, "content": "confirmed cases worldwide reached 331"}],
    )
    a2 = make(
        t2,
        "d2",
        "2009-05-03",
        quantities=[("787", 787, None)],
        statements=[{**st, "content": "confirmed cases worldwide reached 787"}],
    )
    out = build_claims([article_facts(a2, "st1"), article_facts(a1, "st1")])
    (claim,) = [c for c in out["claims"] if c["kind"] == "quantity"]
    assert claim["key"]["measure"] == "cases confirmed" and claim["key"]["about"] == ["world"]
    assert [v["value"] for v in claim["values"]] == [331, 787]
    assert claim["values"][0]["source"]["name"] == "The WHO"
    assert claim["updates"] == [{"from": 0, "to": 1, "kind": "raised", "by": "The WHO"}]
    assert claim["contradictions"] == []


def test_a_revision_compares_the_reported_figures_not_the_qualifiers_intervals() -> None:
    from saidwhat.claims.model import MeasureKey
    from saidwhat.claims.quantity import contradictions, updates

    key = MeasureKey("deaths", "", "", None, ("Mexico",), "st1")

    def val(n: int, qualifier: str | None, day: str, art: str) -> QuantityValue:
        return QuantityValue(
            key, n, None, None, qualifier, None, str(n), 0, 3, "asserts", None, (), None, day, art, None
        )

    vals = [
        val(72, "at least", "2009-05-01", "a1"),
        val(79, None, "2009-05-02", "a2"),
        val(1000, "more than", "2009-05-03", "a3"),
        val(5000, "more than", "2009-05-04", "a4"),
        val(5000, None, "2009-05-05", "a5"),
        val(4000, "about", "2009-05-06", "a6"),
    ]
    lex = load_lexicon()
    assert [u.kind for u in updates(vals, lex)] == ["raised", "raised", "raised", "confirmed", "lowered"]
    # contradictions still read the qualifiers: "more than 1,000" and "more than 5,000" agree
    same_day = [val(1000, "more than", "2009-05-03", "a3"), val(5000, "more than", "2009-05-03", "a4")]
    assert contradictions(same_day, lex) == []


def test_contradiction_same_day_different_sources() -> None:
    t1 = "The ministry said 140 people died in the floods in Assam."
    t2 = "A local official said more than 300 people died in the floods in Assam."
    a1 = make(
        t1,
        "d1",
        "2021-07-01",
        quantities=[("140 people", 140, "people")],
        places=["Assam"],
        statements=[{"speaker": "The ministry", "content": "140 people died in the floods in Assam"}],
    )
    a2 = make(
        t2,
        "d2",
        "2021-07-01",
        quantities=[("more than 300 people", 300, "people")],
        places=["Assam"],
        statements=[
            {"speaker": "A local official", "content": "more than 300 people died in the floods in Assam"}
        ],
    )
    a2.quantities[0].qualifier = "more than"
    out = build_claims([article_facts(a1, "st1"), article_facts(a2, "st1")])
    (claim,) = [c for c in out["claims"] if c["kind"] == "quantity"]
    assert claim["key"]["about"] == ["Assam"]
    assert len(claim["values"]) == 2 and len(claim["contradictions"]) == 1
    # "about 150" overlaps 140: no contradiction
    a2b = make(
        "A local official said about 150 people died in the floods in Assam.",
        "d3",
        "2021-07-01",
        quantities=[("about 150 people", 150, "people")],
        places=["Assam"],
        statements=[
            {"speaker": "A local official", "content": "about 150 people died in the floods in Assam"}
        ],
    )
    a2b.quantities[0].qualifier = "about"
    out = build_claims([article_facts(a1, "st1"), article_facts(a2b, "st1")])
    (claim,) = [c for c in out["claims"] if c["kind"] == "quantity"]
    assert claim["contradictions"] == []


def test_no_series_without_a_place() -> None:
    # a bare "deaths" of two articles may be two events: listed, never compared
    a1 = make(
        "Officials said 140 people died.", "d1", "2021-07-01", quantities=[("140 people", 140, "people")]
    )
    a2 = make(
        "Officials said 300 people died.", "d2", "2021-07-01", quantities=[("300 people", 300, "people")]
    )
    out = build_claims([article_facts(a1, "st1"), article_facts(a2, "st1")])
    (claim,) = [c for c in out["claims"] if c["kind"] == "quantity"]
    assert len(claim["values"]) == 2 and claim["contradictions"] == [] and claim["updates"] == []


def test_stories_never_share_a_claim() -> None:
    t = "Mexico has 20 confirmed deaths."
    a = make(
        t, "d1", "2009-04-28", quantities=[("20 confirmed deaths", 20, "confirmed deaths")], places=["Mexico"]
    )
    b = make(
        t, "d2", "2009-04-29", quantities=[("20 confirmed deaths", 20, "confirmed deaths")], places=["Mexico"]
    )
    r = analyse_corpus([a, b], {"d1": "st1", "d2": "st2"})
    assert len([c for c in r.claims if c.kind == "quantity"]) == 2


def test_assertion_denial_contradicts_report() -> None:
    t1 = "Channel 12 reported that the list of hostages has been handed over to the mediators."
    t2 = (
        "The office said that contrary to the report, no list of hostages has been handed over "
        "to the mediators."
    )
    a1 = make(
        t1,
        "d1",
        "2025-10-05",
        statements=[
            {
                "speaker": "Channel 12",
                "cue": "reported",
                "lemma": "report",
                "content": "the list of hostages has been handed over to the mediators",
            }
        ],
    )
    a2 = make(
        t2,
        "d2",
        "2025-10-06",
        statements=[
            {
                "speaker": "The office",
                "cue": "said",
                "lemma": "say",
                "content": "contrary to the report, no list of hostages has been "
                "handed over to the mediators",
            }
        ],
    )
    out = build_claims([article_facts(a1, "st1"), article_facts(a2, "st1")])
    (claim,) = [c for c in out["claims"] if c["kind"] == "assertion"]
    assert [v["stance"] for v in claim["values"]] == ["asserts", "denies"]
    assert len(claim["contradictions"]) == 1


def _assertions(*articles: Analysis) -> list[dict[str, Any]]:
    out = build_claims([article_facts(a, "st1") for a in articles])
    return [c for c in out["claims"] if c["kind"] == "assertion"]


def test_a_negation_that_rebuts_nothing_is_no_denial() -> None:
    t1 = "Gordon Brown confirmed that the government has ordered millions of facemasks for NHS staff."
    c2 = "The millions of facemasks the government has ordered for NHS staff can't stop the disease"
    t2 = f"{c2}, Alan Johnson said."
    a1 = make(
        t1,
        "d1",
        "2009-04-29",
        statements=[
            {
                "speaker": "Gordon Brown",
                "content": "that the government has ordered millions of facemasks for NHS staff",
                "act": "confirm",
            }
        ],
    )
    a2 = make(
        t2,
        "d2",
        "2009-04-30",
        statements=[
            {
                "speaker": "Alan Johnson",
                "content": c2,
            }
        ],
    )
    assert not any(c["contradictions"] for c in _assertions(a1, a2))
    # one that answers a report is
    c3 = "Contrary to reports, the government has not ordered millions of facemasks for NHS staff"
    t3 = f"{c3}, Johnson said."
    a3 = make(
        t3,
        "d3",
        "2009-04-30",
        statements=[
            {
                "speaker": "Johnson",
                "content": c3,
            }
        ],
    )
    assert [len(c["contradictions"]) for c in _assertions(a1, a3)] == [1]


def test_a_statement_relayed_inside_another_and_its_own_speakers_repeat_are_no_confirmation() -> None:
    t1 = (
        "The commissioner said tests confirmed that eight New York City schoolchildren had a type A "
        "influenza virus."
    )
    a1 = make(
        t1,
        "d1",
        "2009-04-25",
        statements=[
            {
                "speaker": "The commissioner",
                "content": t1[len("The commissioner said ") : -1],
            },
            {
                "speaker": "tests",
                "content": "that eight New York City schoolchildren had a type A influenza virus",
                "act": "confirm",
            },
        ],
    )
    assert _assertions(a1) == []
    t2 = "Bush said much of the pre-war intelligence on Iraq turned out to be wrong."
    t3 = "George Bush confirmed that much of the pre-war intelligence on Iraq turned out to be wrong."
    a2 = make(
        t2,
        "d2",
        "2005-12-14",
        statements=[
            {"speaker": "Bush", "content": "much of the pre-war intelligence on Iraq turned out to be wrong"}
        ],
    )
    a3 = make(
        t3,
        "d3",
        "2005-12-28",
        statements=[
            {
                "speaker": "George Bush",
                "content": "that much of the pre-war intelligence on Iraq turned out to be wrong",
                "act": "confirm",
            }
        ],
    )
    assert _assertions(a2, a3) == []
    # another source's later confirmation links
    t4 = "The minister confirmed that much of the pre-war intelligence on Iraq turned out to be wrong."
    a4 = make(
        t4,
        "d4",
        "2005-12-28",
        statements=[
            {
                "speaker": "The minister",
                "content": "that much of the pre-war intelligence on Iraq turned out to be wrong",
                "act": "confirm",
            }
        ],
    )
    (claim,) = _assertions(a2, a4)
    assert len(claim["confirmations"]) == 1


def test_due_date_arithmetic() -> None:
    assert add_duration(date(2025, 6, 27), "P1W") == date(2025, 7, 4)
    assert add_duration(date(2025, 1, 31), "P1M") == date(2025, 2, 28)
    assert end_of("2025-06") == date(2025, 6, 30)
    assert end_of("2025-W41") == date(2025, 10, 12)
    assert end_of("2025-10-06") == date(2025, 10, 6)
    assert end_of("FUTURE_REF") is None


def test_promise_by_end_of_month() -> None:
    t = "The minister said on Monday the bridge will be finished by the end of June."
    a = make(
        t,
        "d1",
        "2024-05-08",
        statements=[
            {
                "speaker": "The minister",
                "cue": "said",
                "lemma": "say",
                "said_on": ("on Monday", "2024-05-06"),
                "content": "the bridge will be finished by the end of June",
            }
        ],
        timexes=[("on Monday", "DATE", "2024-05-06"), ("the end of June", "DATE", "2024-06")],
    )
    f = article_facts(a, "st1")
    rep = build_promises_report([f], as_of=date(2024, 6, 1))
    (p,) = rep["promises"]
    assert (p["said_on"], p["due"], p["status"], p["act"]) == (
        "2024-05-06",
        "2024-06-30",
        "pending",
        "predict",
    )
    assert build_promises_report([f], as_of=date(2024, 7, 1))["promises"][0]["status"] == "overdue"
    assert build_promises_report([f], as_of=date(2024, 6, 30))["promises"][0]["status"] == "due"


# -- the seeds ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds(sample_000: str, sample_002: str) -> list[Analysis]:
    from saidwhat.pipeline import analyze_text

    return [analyze_text(sample_000, source="000"), analyze_text(sample_002, source="002")]


@pytest.fixture(scope="session")
def seed_corpus(seeds: list[Analysis]) -> Any:
    return analyse_corpus(seeds, {a.doc.id: "gaza" for a in seeds})


def test_seed_hostages_prisoners_detainees(seed_corpus: Any) -> None:
    by_measure: dict[str, list[QuantityValue]] = {}
    for c in seed_corpus.claims:
        if c.kind == "quantity" and c.key is not None:
            by_measure.setdefault(c.key.measure, []).extend(
                v for v in c.values if isinstance(v, QuantityValue)
            )
    assert [v.value for v in by_measure["hostages held"]] == [48]
    # "President Trump's comments suggested ... the release of some of the 48 remaining hostages": the
    # speaker's country places no captives; "one official said", "the two sides" are no claims
    assert "United States" not in by_measure["hostages held"][0].key.about
    assert not {"official", "side"} & set(by_measure)
    # 250 inmates and 1,700 detainees are different counts, never one claim
    inmates = [m for m, vs in by_measure.items() if any(v.value == 250 for v in vs)]
    detainees = [m for m, vs in by_measure.items() if any(v.value == 1700 for v in vs)]
    assert len(inmates) == 1 and len(detainees) == 1 and inmates != detainees
    assert inmates[0].startswith("inmates") and detainees[0].startswith("detainees")
    (v1700,) = by_measure[detainees[0]]
    assert v1700.qualifier == "more than" and v1700.published == "2025-10-06"
    # "arrested after Hamas's October 7, 2023, attack" bounds a period: the figure is not of 2023
    assert "2023" not in v1700.key.about
    # every value is traced to its span
    for vs in by_measure.values():
        for v in vs:
            a = next(x for x in seed_corpus.facts if x.article.id == v.article)
            assert a is not None


def test_seed_trump_within_next_week_is_overdue(seed_corpus: Any, seeds: list[Analysis]) -> None:
    (p,) = [p for p in seed_corpus.promises if "within the next week" in p.text]
    assert p.speaker == "Donald Trump" and p.said_on == "2025-06-27" and p.due == "2025-07-04"
    assert p.status == "overdue"  # as of the second article, 2025-10-06
    assert any(f.article == seeds[1].doc.id for f in p.followups)
    text = seeds[0].doc.text
    assert text[p.start : p.end] == p.text
    # its status as of a date: pending before the due date, due on it (and the grace days), then overdue
    facts = [article_facts(a, "gaza") for a in seeds]
    grace = load_lexicon().grace_days

    def status_on(day: date) -> str:
        rep = build_promises_report(facts, as_of=day, story="gaza")
        (x,) = [x for x in rep["promises"] if "within the next week" in x["text"]]
        return str(x["status"])

    assert status_on(date(2025, 7, 3)) == "pending"
    assert status_on(date(2025, 7, 4)) == "due"
    assert status_on(date(2025, 7, 4) + timedelta(days=grace)) == "due"
    assert status_on(date(2025, 7, 5) + timedelta(days=grace)) == "overdue"


def test_seed_positions(seed_corpus: Any) -> None:
    cells = {(c.actor, c.issue): c.stance for c in seed_corpus.positions}
    assert cells[("Hamas", "guarantees")] == "demands"
    assert cells[("Hamas", "end of the war")] == "demands"
    assert cells[("Israel", "guarantees")] == "rejects"
    assert cells[("Donald Trump", "release of hostages")] == "demands"
    assert cells[("Hamas", "release of hostages")] == "accepts"
    trump = next(
        c for c in seed_corpus.positions if (c.actor, c.issue) == ("Donald Trump", "release of hostages")
    )
    assert trump.first == "2025-06-29" and trump.last == "2025-10-06" and len(trump.evidence) >= 2


def test_seed_every_span_points_into_its_article(seed_corpus: Any, seeds: list[Analysis]) -> None:
    texts = {a.doc.id: a.doc.text for a in seeds}
    n = 0
    for c in seed_corpus.claims:
        for v in c.values:
            assert texts[v.article][v.start : v.end] == v.text
            n += 1
    for cell in seed_corpus.positions:
        for e in cell.evidence:
            assert texts[e.article][e.start : e.end].strip() == e.text
            n += 1
    for p in seed_corpus.promises:
        assert texts[p.article][p.start : p.end] == p.text
        n += 1
    assert n > 20


def test_seed_reports_have_contract_shapes(seeds: list[Analysis]) -> None:
    facts = [article_facts(a, "gaza") for a in seeds]
    c = build_claims(facts, story="gaza")
    p = build_positions_report(facts, story="gaza")
    r = build_promises_report(facts, story="gaza")
    assert (c["schema"], p["schema"], r["schema"]) == (
        "saidwhat/1-claims",
        "saidwhat/1-positions",
        "saidwhat/1-promises",
    )
    for claim in c["claims"]:
        assert {"id", "kind", "key", "values", "updates", "contradictions"} <= set(claim)
        for v in claim["values"]:
            assert {
                "value",
                "low",
                "high",
                "text",
                "stance",
                "source",
                "via",
                "said_on",
                "published",
                "article",
                "statement",
            } <= set(v)
    for cell in p["cells"]:
        assert {"actor", "entity", "issue", "stance", "first", "last", "changes", "evidence"} <= set(cell)
    for prom in r["promises"]:
        assert {
            "speaker",
            "act",
            "text",
            "said_on",
            "due",
            "status",
            "article",
            "statement",
            "followups",
        } <= set(prom)
    # deterministic whatever the order of the facts
    assert build_claims(list(reversed(facts)), story="gaza") == c
    # facts survive a JSON round trip (a store may keep them)
    again = [facts_from_dict(json.loads(json.dumps(facts_to_dict(f)))) for f in facts]
    assert again == facts
    assert build_claims(again, story="gaza") == c


def test_a_counts_disease_is_read_over_its_story() -> None:
    # two articles about swine flu, one about bird flu that mentions the swine flu's toll in passing
    a1 = make(
        "Swine flu has killed 20 people in Peru, officials said. Swine flu is spreading.",
        "d1",
        "2009-04-28",
        quantities=[("20 people", 20, "people")],
        places=["Peru"],
    )
    a2 = make(
        "Swine flu has killed 25 people in Peru, officials said.",
        "d2",
        "2009-04-29",
        quantities=[("25 people", 25, "people")],
        places=["Peru"],
    )
    a3 = make(
        "Bird flu fears grew in Chile. Bird flu has killed 3 people in Chile. "
        "Bird flu is feared. Elsewhere swine flu has killed 30 people in Peru.",
        "d3",
        "2009-04-30",
        quantities=[("3 people", 3, "people"), ("30 people", 30, "people")],
        places=["Chile", "Peru"],
    )
    facts = [article_facts(a, "st1") for a in (a1, a2, a3)]
    # the article of bird flu reads its own counts bare and the swine flu's as another disease's
    own = {v.value: v.key.thing for v in facts[2].quantities}
    assert own == {3: "deaths", 30: "h1n1 deaths"}
    assert {v.disease for v in facts[2].quantities} == {"bird flu", "h1n1"}
    out = build_claims(facts)
    things = {
        (c["key"]["measure"], v["value"])
        for c in out["claims"]
        if c["kind"] == "quantity"
        for v in c["values"]
    }
    # over the story, swine flu is the story's disease: its 30 joins the 20 and the 25; bird flu's is its own
    assert ("deaths", 30) in things and ("deaths", 20) in things and ("bird flu deaths", 3) in things


def test_a_count_most_in_one_country_is_the_worlds() -> None:
    a = make(
        "The fever has killed 65 people, most in Mexico.",
        "d1",
        "2009-05-01",
        quantities=[("65 people", 65, "people")],
        places=["Mexico"],
    )
    (v,) = values_of([a])
    assert v.key.about == ("world",)


def test_a_disease_few_of_a_storys_articles_name_is_not_the_storys() -> None:
    # an earthquake's story: three articles count the dead, one counts a later cholera outbreak's
    quake = [
        make(
            f"The earthquake has killed {n} people in Haiti, officials said.",
            f"q{i}",
            f"2010-01-1{i}",
            quantities=[(f"{n} people", n, "people")],
            places=["Haiti"],
        )
        for i, n in enumerate((500, 900, 1200))
    ]
    cholera = make(
        "Cholera has killed 40 people in Haiti, officials said.",
        "c1",
        "2010-01-19",
        quantities=[("40 people", 40, "people")],
        places=["Haiti"],
    )
    out = build_claims([article_facts(a, "st1") for a in (*quake, cholera)])
    things = {
        (c["key"]["measure"], v["value"])
        for c in out["claims"]
        if c["kind"] == "quantity"
        for v in c["values"]
    }
    # one article of four names cholera: under a third, so cholera stays a measure of its own
    assert ("cholera deaths", 40) in things and ("deaths", 900) in things
