"""Session 64: rules of English read off sentences written for the test (docs/claims.md, "A validation set
for session 63's placing rules, and webflu18 (session 64)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- a total's noun phrase after its number: "bringing to 14 the total number of cases" -----------------


def test_the_total_brought_with_its_noun_phrase_after_the_number_takes_the_increments_state() -> None:
    text = (
        "The Ministry of Health in Singapore has confirmed two more flu cases, bringing to 14 the total "
        "number of cases so far."
    )
    # before: 14 cases of no state (the phrase that brings a total was read only as "bringing the total to")
    assert _of(text, 14) == [("cases", "confirmed", "", "Singapore")]


def test_another_before_an_inverted_total_is_an_increment() -> None:
    text = (
        "The Ministry of Health in Singapore has confirmed another two flu cases, bringing to 14 the total "
        "number of cases so far."
    )
    # before: "another two" with no count of cases before it was a total of its own
    assert _of(text, 2) == [("cases", "confirmed", "new", "Singapore")]
    assert _of(text, 14) == [("cases", "confirmed", "", "Singapore")]


def test_bringing_to_a_number_with_no_total_after_it_is_no_inverted_total() -> None:
    text = (
        "The Ministry of Health in Singapore has confirmed another two flu cases, bringing to 14 the people "
        "it has isolated."
    )
    # (the words after the number name no total: the increment is not told by them)
    assert ("cases", "confirmed", "new", "Singapore") not in _of(text, 2)


# --- a place inside a hyphenated name is no mention of that place --------------------------------------


def test_spain_inside_port_of_spain_is_no_mention_of_spain() -> None:
    text = (
        "The health minister said that to date 158 laboratory confirmed cases have been reported and two "
        "confirmed deaths in the country. He spoke at the ministry's office, Park Street, Port-of-Spain."
    )
    # before: Spain (the tagger took "Spain" out of "Port-of-Spain", the one country the text named)
    assert [k[3] for k in _of(text, 2)] in ([""], ["Trinidad and Tobago"])


def test_a_country_written_on_its_own_is_still_a_mention() -> None:
    text = "Spain has confirmed two deaths, officials in Madrid said. The country has 200 confirmed cases."
    assert _of(text, 200) == [("cases", "confirmed", "", "Spain")]


def test_a_hyphenated_capital_is_read_as_its_spaced_name() -> None:
    text = (
        "PORT-OF-SPAIN: The health minister said the country now has 158 laboratory confirmed cases of "
        "swine flu."
    )
    assert ("cases", "confirmed", "", "Spain") not in _of(text, 158)


# --- a count whose parts are in regions of one country is that country's -------------------------------


def test_a_count_whose_parts_are_in_provinces_of_one_country_is_that_countrys() -> None:
    text = (
        "Seven new cases were confirmed Tuesday, four in Ontario, two in Alberta and one in British Columbia."
    )
    # before: no place (the parts' places are no countries)
    assert _of(text, 7) == [("cases", "confirmed", "new", "Canada")]


def test_a_count_whose_parts_are_in_regions_of_two_countries_takes_neither() -> None:
    text = "Seven new cases were confirmed Tuesday, four in Ontario and three in Texas."
    assert [k[3] for k in _of(text, 7)] not in (["Canada"], ["United States"])


def test_a_count_whose_parts_are_in_countries_is_still_the_worlds() -> None:
    text = "Twenty-seven deaths have been confirmed, 26 in Mexico and one in the United States."
    assert _of(text, 27) == [("deaths", "confirmed", "", "world")]


# --- a coordinated gerund that repeats its preposition shares the verb's state --------------------------


def test_a_gerund_after_and_of_shares_the_state_of_the_first() -> None:
    text = (
        "All have links with travel to Mexico, where the illness is suspected of killing more than 150 "
        "people and of sickening more than 1,600."
    )
    # before: 1,600 cases of no state (only "and sickening" was read as the first gerund's conjunct)
    assert _of(text, 1600) == [("cases", "suspected", "", "Mexico")]
    assert _of(text, 150) == [("deaths", "suspected", "", "Mexico")]


def test_a_count_after_and_of_with_no_gerund_shares_no_state() -> None:
    text = "The virus is suspected of killing 150 people in Mexico and of 20 deaths elsewhere."
    assert [k[1] for k in _of(text, 20)] == [""]
