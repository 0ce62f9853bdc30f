"""bench/claims.py's value scores: the figures beside the primary ones (session 28), and the text an
outside collection's article is analysed with (session 29)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import claims as bc


def _key(thing: str, aspect: str = "", place: str = "Mexico") -> tuple[str, str, str, str]:
    return (thing, "", aspect, place)


def test_precision_over_the_gold_aspects_leaves_out_projections_only() -> None:
    gold = [(_key("deaths"), "a/1", 20.0, "2009-05-01"), (_key("cases"), "a/1", 500.0, "2009-05-01")]
    pred = [
        (_key("deaths"), "a/1", 20.0, ""),  # right
        (_key("cases"), "a/1", 400.0, ""),  # false, of an annotated aspect
        (_key("deaths", "projected"), "a/1", 90000.0, ""),  # false, of an aspect the gold never annotates
    ]
    s = bc.score_values(gold, pred, {"Mexico"})
    assert (s["placed_right"], s["predicted"]) == (1, 3)
    assert s["precision"] == 1 / 3  # the primary figure counts the projection as false
    assert s["false_of_other_aspects"] == 1
    assert s["precision_gold_aspects"] == 1 / 2


def test_the_recall_over_the_texts_here_leaves_out_the_gold_of_absent_articles() -> None:
    gold = [
        (_key("deaths"), "a/1", 20.0, ""),
        (_key("cases"), "a/1", 500.0, ""),
        (_key("cases"), "a/2", 7.0, ""),
    ]
    s = bc.score_values(gold, [(_key("deaths"), "a/1", 20.0, "")], {"Mexico"})
    bc.add_present_recall(s, gold, {"a/1"})  # a/2's text was not re-collected
    assert s["recall"] == 1 / 3
    assert (s["gold_present"], s["recall_present"]) == (2, 1 / 2)


def test_misses_are_counted_by_kind() -> None:
    gold = [
        (_key("deaths"), "a/1", 20.0, ""),  # found in no place
        (_key("cases"), "a/1", 500.0, ""),  # not found
        (_key("cases", "new"), "a/1", 7.0, ""),  # a leak
    ]
    pred = [(_key("deaths", place=""), "a/1", 20.0, ""), (_key("cases"), "a/1", 7.0, "")]
    s = bc.score_values(gold, pred, {"Mexico"})
    bc.add_present_recall(s, gold, {"a/1"})
    assert (len(s["leaks"]), s["wrong_place"], s["wrong_place_unplaced"], s["missed_present"]) == (1, 1, 1, 1)


def test_a_missed_value_the_text_does_not_write_is_counted_apart() -> None:
    """A page stored cut short: its gold holds values the text here never writes."""
    gold = [
        (_key("deaths"), "a/1", 20.0, ""),  # right
        (_key("cases"), "a/1", 1500000.0, ""),  # missed, written "1.5 million"
        (_key("cases"), "a/1", 21.0, ""),  # missed, written "twenty-one"
        (_key("cases"), "a/1", 95.0, ""),  # missed, not written ("950" is another number)
        (_key("cases"), "a/1", 2009.0, ""),  # missed, written
    ]
    text = "Mexico has 20 deaths, twenty-one new cases and 1.5 million doses; 950 were tested in 2009."
    s = bc.score_values(gold, [(_key("deaths"), "a/1", 20.0, "")], {"Mexico"})
    bc.add_present_recall(s, gold, {"a/1"}, {"a/1": text})
    assert (s["missed_present"], s["missed_unwritten"], s["gold_written"]) == (4, 1, 4)


def test_number_forms_read_the_quantities_number_words() -> None:
    assert bc.written_in(12, "a dozen people") and bc.written_in(7, "Seven died")
    assert bc.written_in(4694, "4,694 cases") and bc.written_in(4694, "4694 cases")
    assert not bc.written_in(20, "twenty-one") and not bc.written_in(9, "1.9 million")


def test_the_judge_experiments_auc_and_fit() -> None:
    import numpy as np

    from bench import claims_judge as cj

    y = np.array([1.0, 1.0, 0.0, 0.0])
    assert cj.auc(y, np.array([0.9, 0.8, 0.1, 0.2])) == 1.0
    assert cj.auc(y, np.array([0.5, 0.5, 0.5, 0.5])) == 0.5
    assert cj.auc(np.array([1.0, 1.0]), np.array([0.1, 0.2])) is None
    # a separable feature gets a positive weight
    x = np.array([[1.0, 1.0], [1.0, 1.0], [1.0, 0.0], [1.0, 0.0]])
    assert cj.fit(x, y)[1] > 0


def test_an_outside_articles_title_is_analysed_as_its_headline(tmp_path: Path) -> None:
    rows = [
        {"id": "w/1", "title": "Death toll rises to 9,596, says WHO", "text": "GENEVA -- The toll rose."},
        # a text that starts with its title keeps it once
        {"id": "w/2", "title": "Flu kills 20", "text": "Flu  kills 20\n\nMexico said so."},
        {"id": "w/3", "title": "", "text": "No headline."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = {a["id"]: a["text"] for a in bc.load_articles("webflu", path, headline=True)}
    assert got == {
        "w/1": "Death toll rises to 9,596, says WHO\n\nGENEVA -- The toll rose.",
        "w/2": "Flu  kills 20\n\nMexico said so.",
        "w/3": "No headline.",
    }
    # a collection whose gold left the headlines out is analysed as it is kept
    assert [a["text"] for a in bc.load_articles("webflu", path)] == [r["text"] for r in rows]
    gold = {"sets": {"a": {"topic": "webflu", "headline_annotated": True}, "b": {"topic": "webflu3"}}}
    assert bc.headline_annotated(gold, "webflu") and not bc.headline_annotated(gold, "webflu3")


def test_a_cache_of_one_text_is_never_reused_for_the_other(tmp_path: Path) -> None:
    cache = tmp_path / "c"
    # a new cache is marked with the text it analyses, and reused for the same
    assert bc.cache_text_mismatch(cache, "text") is None
    assert bc.cache_text_mismatch(cache, "text") is None
    # a run that needs the headline too is refused it
    msg = bc.cache_text_mismatch(cache, "headline + text")
    assert msg is not None and "use another --cache" in msg


def test_a_money_sets_giver_is_matched_through_the_gold_names_of_its_article() -> None:
    gold = {
        "values": [
            {
                "article": "a/1",
                "value": 20_000_000,
                "unit": "GBP",
                "measure": {"thing": "aid", "state": "", "aspect": "", "about": "United Kingdom"},
                "also": ["DFID"],
                "date": "2010-01-18",
            }
        ]
    }
    aliases = bc.giver_aliases(gold)
    assert bc.gold_keyed(gold)[0][0] == ("aid (GBP)", "", "", "United Kingdom")
    assert bc.money_place(("from DFID", "Haiti"), "a/1", aliases) == "United Kingdom"
    assert bc.money_place(("from the United Kingdom",), "b/2", aliases) == "United Kingdom"
    # another article's other name is not this one's
    assert bc.money_place(("from DFID",), "b/2", aliases) == "DFID"
    assert bc.money_place(("Haiti",), "a/1", aliases) == "Haiti"


def test_a_value_right_for_one_mention_of_a_number_is_no_leak_of_another() -> None:
    """A number the text writes twice in two measures ("15 infections" and "15 confirmed cases"), read
    once: the other mention is missed, not leaked, whatever order the gold lists them in."""
    confirmed = ("cases", "confirmed", "", "Mexico")
    gold = [(_key("cases"), "a/1", 15.0, ""), (confirmed, "a/1", 15.0, "")]
    pred = [(confirmed, "a/1", 15.0, "")]
    for g in (gold, gold[::-1]):
        s = bc.score_values(g, pred, {"Mexico"})
        assert (s["placed_right"], len(s["leaks"]), s["missed"]) == (1, 0, 1)
