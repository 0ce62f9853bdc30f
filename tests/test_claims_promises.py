"""Promises and deadlines (saidwhat.claims.promises) on real sentences of the Timeline17 H1N1 articles:
deadlines outside statements, the next month named by "by <month>", past periods, nested statements."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.claims.model import Promise
from saidwhat.model import Analysis
from tests.test_claims_positions import analysis


def promises(an: Analysis) -> list[Promise]:
    return [f.promise for f in article_facts(an, "s").promises]


def test_deadline_outside_statements_by_a_month_still_to_come() -> None:
    # the timex stage reads "by" under a present simple verb as ahead (tests/test_timex_tense.py)
    text = (
        "The UK government has deals in place with Baxter and GlaxoSmithKline for up to 90m doses of a "
        "swine flu (H1N1) vaccine by December."
    )
    an = analysis(text, timexes=[("December", "DATE", "2009-12")], published="2009-05-28")
    (p,) = promises(an)
    assert (p.speaker, p.statement, p.act, p.due, p.due_text) == (
        None,
        None,
        "deadline",
        "2009-12-31",
        "December",
    )
    assert p.said_on == "2009-05-28" and text[p.start : p.end] == text


def test_deadline_outside_statements_with_a_modal_is_a_prediction() -> None:
    text = (
        "The government has been stockpiling antivirals such as Tamiflu and has ordered vaccine, some "
        "doses of which could be available by October."
    )
    an = analysis(text, timexes=[("October", "DATE", "2009-10")], published="2009-06-11")
    assert [(p.act, p.due) for p in promises(an)] == [("predict", "2009-10-31")]


def test_a_cutoff_in_a_past_clause_is_no_deadline() -> None:
    # the timex stage read the past tense (the November before); with no word of a time to come, a
    # bare month after "by" is not moved to the next year: "by November", said in December, is past
    for text, month in (
        ("Doses were shipped to all states by November.", "2009-11"),
        ("By March, the outbreak had spread to 20 countries.", "2009-03"),
    ):
        when = text.split("by ")[-1].split("By ")[-1].split(",")[0].rstrip(".")
        an = analysis(text, timexes=[(when, "DATE", month)], published="2009-12-10")
        assert promises(an) == [], text
    # a word of a time to come still names the next such month
    ahead = "The vaccine will reach all states by November."
    an = analysis(ahead, timexes=[("November", "DATE", "2009-11")], published="2009-12-10")
    assert [p.due for p in promises(an)] == ["2010-11-30"]


def test_no_deadline_in_a_habit_a_possessive_or_an_ordering_before() -> None:
    habit = (
        "It has dragged the Northern Hemisphere's flu season well into June, although influenza usually "
        "dies way down by April."
    )
    assert promises(analysis(habit, timexes=[("April", "DATE", "2009-04")], published="2009-06-19")) == []
    possessive = (
        "Americans who currently lack health care insurance and are underserved by today's health "
        "care system."
    )
    assert (
        promises(analysis(possessive, timexes=[("today", "DATE", "2009-05-05")], published="2009-05-05"))
        == []
    )
    before = (
        "I'm curious what BBC's motives are, suddenly flooding the Asia-Pacific section with Tiananmen "
        "Square articles, 2 days before June 4th."
    )
    assert (
        promises(analysis(before, timexes=[("June 4th", "DATE", "2009-06-04")], published="2009-06-02")) == []
    )


def test_a_past_period_after_within_is_no_deadline() -> None:
    text = (
        "The Health Protection Agency said: “At this stage close contacts who should be offered "
        "antivirals (are those) who have been exposed to a probable or confirmed case within the "
        "previous seven days for longer than one hour.”"
    )
    content = text[text.index("At this stage") : text.index("one hour.") + len("one hour.")]
    an = analysis(
        text,
        statements=[
            {"speaker": "The Health Protection Agency", "cue": "said", "lemma": "say", "content": content}
        ],
        timexes=[("the previous seven days", "DURATION", "P7D"), ("one hour", "DURATION", "PT1H")],
        published="2009-05-02",
    )
    # before: due 2009-05-09, from "the previous seven days"
    assert [p.due for p in promises(an)] == []


def test_one_deadline_phrase_in_nested_statements_is_one_promise() -> None:
    text = (
        "Swine flu could affect third of world's population, says study Researchers say swine flu will "
        "spread around world within nine months, as UK confirms three more cases"
    )
    inner = "swine flu will spread around world within nine months, as UK confirms three more cases"
    an = analysis(
        text,
        statements=[
            {"speaker": None, "cue": "says", "lemma": "say", "content": text},
            {"speaker": "study Researchers", "cue": "say", "lemma": "say", "content": inner},
        ],
        timexes=[("nine months", "DURATION", "P9M")],
        published="2009-05-12",
    )
    (p,) = promises(an)
    assert (p.due, p.text, p.speaker) == ("2010-02-12", inner, "study Researchers")


def _said_promise(text: str, content: str, timexes: list[tuple[str, str, str]]) -> list[str | None]:
    an = analysis(
        text,
        statements=[
            {"speaker": "Ana Ruiz", "cue": "said", "lemma": "say", "act": "promise", "content": content}
        ],
        timexes=timexes,
        published="2015-03-02",
    )
    return [p.due for p in promises(an)]


def test_a_deadline_word_governs_its_time_expression_only_when_written_right_before_it() -> None:
    # "before you tonight", "by 2,000 for six months": the deadline word is not the timex's
    text = "Ana Ruiz said she stands before you tonight and will fight on."
    assert _said_promise(
        text, "she stands before you tonight and will fight on", [("tonight", "TIME", "2015-03-02TNI")]
    ) == [None]
    text = "Ana Ruiz said she would raise the force by 2,000 for six months."
    assert _said_promise(
        text, "she would raise the force by 2,000 for six months", [("six months", "DURATION", "P6M")]
    ) == [None]
    # right before it, across "the end of", "at least" or a range's first bound; or in its own words
    text = "Ana Ruiz said the road would reopen in the next three to four weeks."
    assert _said_promise(
        text, "the road would reopen in the next three to four weeks", [("four weeks", "DURATION", "P4W")]
    ) == ["2015-03-30"]
    text = "Ana Ruiz said the works would last until at least 2017."
    assert _said_promise(text, "the works would last until at least 2017", [("2017", "DATE", "2017")]) == [
        "2017-12-31"
    ]
    text = "Ana Ruiz said the report would be published later this month."
    assert _said_promise(
        text, "the report would be published later this month", [("later this month", "DATE", "2015-03")]
    ) == ["2015-03-31"]


def _said_acts(speaker: str, cue: str, lemma: str, act: str, content: str) -> list[str]:
    """The acts of the promises of one statement "<speaker> <cue> <content>." said on 2015-03-02."""
    st = {"speaker": speaker, "cue": cue, "lemma": lemma, "act": act, "content": content}
    text = f"{speaker} {cue} {content}."
    return [p.act for p in promises(analysis(text, statements=[st], published="2015-03-02"))]


def test_an_announcement_is_a_promise_only_when_it_points_ahead() -> None:
    def acts(content: str) -> list[str]:
        return _said_acts("The ministry", "announced", "announce", "announce", content)

    assert acts("that the minister had resigned") == []  # a report of what happened
    assert acts("the election delay") == []
    assert acts("it will send a team of experts") == ["announce"]
    assert acts("it is sending 4,000 more troops") == ["announce"]  # a commitment under way
    assert acts("plans to build 400 homes") == ["announce"]


def test_a_prediction_or_warning_is_about_a_time_to_come() -> None:
    """predict and warn, like announce, make a promise only when the content points ahead (before:
    every statement of these acts, "predicted that the fortune came as a bolt from the blue")."""

    def acts(cue: str, act: str, content: str) -> list[str]:
        return _said_acts("The minister", cue, cue.rstrip("ed"), act, content)

    assert acts("predicted", "predict", "that the fortune came as a bolt from the blue") == []
    assert acts("warned", "warn", "that 8,000 people have visited the site") == []
    assert acts("predicted", "predict", "that we'll continue to see more deaths") == ["predict"]
    assert acts("predicted", "predict", "that we’ll continue to see more deaths") == ["predict"]
    assert acts("warned", "warn", "that a pandemic was imminent") == ["warn"]
    assert acts("predicted", "predict", "he expected more cases over the coming days") == ["predict"]
    # a commitment keeps a noun phrase: "vowed countermeasures"
    assert acts("threatened", "threaten", "countermeasures") == ["threaten"]


def test_an_indirect_question_or_a_cleft_is_no_promise() -> None:
    def acts(content: str) -> list[str]:
        return _said_acts("The minister", "said", "say", "promise", content)

    assert acts("how he would cope on the island") == []
    assert acts("what we will not accept is a delay") == []
    # a conditional and a relative clause point ahead
    assert acts("if the court rules, we will follow it") == ["promise"]
    assert acts("which is expected to begin next year") == ["promise"]
