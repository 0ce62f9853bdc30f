"""Title-cased lines and left-out nouns (session 22): a headline in title case gives every word a
capital, so neither a capital nor the tagger's proper noun says a name there; a number word whose noun
an earlier count gives is an elliptical count. Sentences written for the tests."""

from __future__ import annotations

from typing import Any

from saidwhat.claims import article_facts
from saidwhat.entities import extract_entities
from saidwhat.pipeline import analyze_text
from saidwhat.quantities import extract_quantities
from saidwhat.segment.segmenter import title_cased_line

BODY = "\n\nThe outbreak went on, officials said on Tuesday."


def test_title_cased_line() -> None:
    text = "Virus Kills 20 In Peru\nOfficials said 20 people had died in Peru."
    assert title_cased_line(text, 0) and title_cased_line(text, 14)
    assert not title_cased_line(text, text.index("Officials"))
    assert not title_cased_line("Peru 20", 0)  # fewer than three words with letters
    assert title_cased_line("WHO Confirms 2,371 Flu Cases Worldwide", 5)
    # a line longer than a headline is prose, and is not scanned whole
    long = "Flu Kills Many " * 30
    assert not title_cased_line(long, 0) and not title_cased_line(long, len(long) - 1)


def test_digits_after_a_capitalised_verb_of_a_title_are_a_count(nlp: Any) -> None:
    for text in ("Health Agency Confirms 2,371 Flu Cases Worldwide", "Flu Kills 20 In Peru"):
        qs = extract_quantities(nlp(text + BODY))
        # before: none, the capitalised verb taken for a name the digits identify ("Flight 242")
        assert [q.value for q in qs] == [2371 if "2,371" in text else 20]
    # an identifier in prose still is one
    assert not extract_quantities(nlp("Flight 242 landed in London on Sunday."))
    q = extract_quantities(nlp("Peru Confirms 13 Flu Cases, All Mild" + BODY))[0]
    # before: refused as an address or a name ("131 West 23rd Street"), its noun tagged NNP
    assert (q.value, q.counts) == (13, "Flu Cases")


def test_a_number_word_before_a_place_after_a_count_is_elliptical(nlp: Any) -> None:
    text = "Officials confirmed seven new deaths, with six more in Peru and one in the United States."
    qs = extract_quantities(nlp(text))
    # before: only the seven
    assert [(q.text, q.value) for q in qs] == [("seven new deaths", 7), ("six", 6), ("one", 1)]
    text = "Ten people have died, including three in Lima and one in Cusco."
    assert [q.value for q in extract_quantities(nlp(text))] == [10, 3, 1]
    # pronoun-like number words stay out
    for text in (
        "The two met in Geneva, and one of them spoke.",
        "One in five people had the virus.",
        "One in Geneva said the talks had failed.",
        "Ten people have died, and the two in Lima were children.",
        "Ten songs were played, and the first went to number one in the US chart.",
    ):
        assert [q.value for q in extract_quantities(nlp(text)) if q.value in (1, 2)] == [], text


def test_elliptical_counts_take_the_earlier_counts_measure() -> None:
    text = "Officials confirmed seven new deaths, with six more in Peru and one in Chile."
    an = analyze_text(text, published="2009-05-05")
    got = {v.value: (v.key.thing, v.key.about) for v in article_facts(an, None).quantities}
    assert got[6] == ("deaths", ("Peru",)) and got[1] == ("deaths", ("Chile",))


def test_a_name_read_only_in_a_title_cased_line_is_no_entity(nlp: Any) -> None:
    text = "Swine Flu Toll Surpasses 90,000" + BODY
    names = [e.name for e in extract_entities(nlp(text)).entities]
    # before: a PERSON "Swine Flu Toll Surpasses"
    assert "Swine Flu Toll Surpasses" not in names
    # a place in a title still is one, and a name the body writes too
    text = (
        "Mexico Orders Schools Shut As Felipe Calderon Warns Of Flu\n\n"
        "President Felipe Calderon said schools would close on Friday."
    )
    ents = {e.name: e.type for e in extract_entities(nlp(text)).entities}
    assert ents.get("Mexico") == "GPE" and ents.get("Felipe Calderon") == "PERSON"


def test_a_title_count_of_worldwide_cases_and_a_kill_verb() -> None:
    an = analyze_text("WHO Confirms 2,371 Swine Flu Cases Worldwide" + BODY, published="2009-05-05")
    (v,) = article_facts(an, None).quantities
    # before: a claim "swine flu case worldwide"
    assert (v.value, v.key.thing, v.key.about) == (2371, "cases", ("world",))
    an = analyze_text("Flu Kills 20 In Peru" + BODY, published="2009-05-05")
    (v,) = article_facts(an, None).quantities
    assert (v.value, v.key.thing, v.key.about) == (20, "deaths", ("Peru",))


def test_the_numerator_of_a_ratio_is_no_count(nlp: Any) -> None:
    # before: "About 1", a count of nothing
    assert extract_quantities(nlp("About 1 in 6 Americans had the flu by November.")) == []
    # "in" before a year, or before a smaller number of places, is no ratio
    assert [q.value for q in extract_quantities(nlp("Cases rose from 5 in 2008 to 10 in 2009."))] == [5, 10]
    qs = extract_quantities(nlp("Cases have soared to nearly 13,400 in 48 countries."))
    assert [q.value for q in qs][:1] == [13400]


def test_a_headline_count_takes_the_place_of_the_lead() -> None:
    text = (
        "Swine Flu Toll Surpasses 900\n\nThe World Health Organization said on Monday that the virus has "
        "infected 94,512 people globally and has caused 429 deaths."
    )
    an = analyze_text(text, published="2009-07-06")
    got = {v.value: v.key.about for v in article_facts(an, None).quantities}
    # before: no place (the headline names none)
    assert got[900] == ("world",) and got[94512] == ("world",)
    # a lead of several places gives none
    text = "Flu Toll Surpasses 900\n\nPeru has had 400 deaths and Chile has had 500 deaths, officials said."
    an = analyze_text(text, published="2009-07-06")
    assert {v.value: v.key.about for v in article_facts(an, None).quantities}[900] == ()


def test_contagions_are_cases() -> None:
    an = analyze_text(
        '"We have 2,059 contagions in Mexico," the minister told reporters.', published="2009-05-11"
    )
    (v,) = article_facts(an, None).quantities
    assert (v.key.thing, v.key.about) == ("cases", ("Mexico",))
