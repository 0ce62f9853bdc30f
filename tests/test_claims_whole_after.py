"""A count drawn *from* a whole of another thing written after it has the whole's state (session 53)."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.pipeline import analyze_text


def _states(text: str) -> dict[float, tuple[str, str]]:
    facts = article_facts(analyze_text(text, published="2009-06-20"), None)
    return {v.value: (v.key.thing, v.key.state) for v in facts.quantities if v.value is not None}


def test_deaths_from_confirmed_cases_are_confirmed_deaths() -> None:
    got = _states(
        "According to its latest figures, more than 230 people have been killed by the flu worldwide from"
        " 52,000 confirmed cases, mostly in the United States and Mexico."
    )
    # before: 230 deaths without a state, a leak against the gold's confirmed deaths
    assert got[230] == ("deaths", "confirmed")
    assert got[52000] == ("cases", "confirmed")


def test_from_a_count_of_the_same_thing_is_where_a_change_began() -> None:
    got = _states(
        "The number of people killed by the virus in Mexico rose to 30 from 20 confirmed deaths on Friday."
    )
    assert got[30] == ("deaths", "")
