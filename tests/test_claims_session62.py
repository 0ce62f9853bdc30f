"""Session 62: rules of English read off sentences written for the test (docs/claims.md, "A pronoun for
the change before ... (session 62)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- a pronoun that opens a sentence stands for the change the sentence before reported --------------


def test_that_brings_the_total_gives_the_total_the_changes_state() -> None:
    text = "Health officials confirmed 20 more cases in the United States. That brings the total to 109."
    # before: no state (the same sentence joined by ", bringing the total to" had the increment's)
    assert _of(text, 109) == [("cases", "confirmed", "", "United States")]


def test_it_takes_the_death_toll_to() -> None:
    text = "Mexico confirmed 12 new deaths on Monday. This takes the death toll to 56."
    assert _of(text, 56) == [("deaths", "confirmed", "", "Mexico")]


def test_it_brings_a_total_after_a_total_the_change_brought() -> None:
    text = (
        "The Health Protection Agency has confirmed 27 new cases in Britain, bringing the total to 363. "
        "It brings the UK total to 508."
    )
    assert _of(text, 508) == [("cases", "confirmed", "", "United Kingdom")]


def test_a_change_without_a_state_lends_none() -> None:
    text = "Spain reported four more cases of swine flu. It brings the total to 40."
    assert _of(text, 40) == [("cases", "", "", "Spain")]


def test_a_sentence_before_with_two_states_lends_none() -> None:
    text = (
        "Mexico confirmed 12 new deaths and reported 30 suspected deaths on Monday. "
        "That brings the death toll to 56."
    )
    assert ("deaths", "confirmed", "", "Mexico") not in _of(text, 56)


def test_a_pronoun_that_is_no_subject_of_bringing_lends_none() -> None:
    text = "Mexico confirmed 12 new deaths on Monday. It said the death toll had reached 56."
    assert _of(text, 56) == [("deaths", "", "", "Mexico")]


def test_a_total_of_another_place_keeps_its_own_reading() -> None:
    text = "Mexico confirmed 12 new deaths on Monday. That brings the death toll in the United States to 6."
    assert ("deaths", "confirmed", "", "United States") not in _of(text, 6)


# --- items of a list leave out the noun a later item writes --------------------------------------------


def test_items_before_the_noun_share_it() -> None:
    text = "Colombia had 10, Brazil and Costa Rica each had eight cases, El Salvador had four."
    # before: no value (only items after the noun took it)
    assert _of(text, 10) == [("cases", "", "", "Colombia")]
    assert sorted(_of(text, 8)) == [("cases", "", "", "Brazil"), ("cases", "", "", "Costa Rica")]


def test_items_with_the_verb_left_out_share_the_noun() -> None:
    text = "Colombia reported 10, Brazil eight and Peru four confirmed cases of swine flu."
    assert _of(text, 10) == [("cases", "confirmed", "", "Colombia")]
    assert _of(text, 8) == [("cases", "confirmed", "", "Brazil")]


def test_a_number_before_another_clause_is_no_item() -> None:
    text = "Colombia had 10 in April and Brazil had eight cases."
    assert _of(text, 10) == []


def test_a_number_of_no_place_is_no_item() -> None:
    text = "Officials counted 10, and Brazil had eight cases."
    assert _of(text, 10) == []


# --- a relative clause that says the persons died ------------------------------------------------------


def test_persons_who_died_are_deaths_whatever_the_verb_after_says() -> None:
    # before: no value (the window stopped at *who*, and the verb after it says nothing of a thing)
    assert _of("Three women who have died from swine flu in Cuba were pregnant.", 3) == [
        ("deaths", "", "", "Cuba")
    ]


def test_persons_who_died_after_an_existential() -> None:
    text = "Cuba said there have been 3 pregnant women who have died from the swine flu."
    assert _of(text, 3) == [("deaths", "", "", "Cuba")]
    assert _of("There have been three people who died of swine flu in Cuba.", 3) == [
        ("deaths", "", "", "Cuba")
    ]


def test_a_relative_of_a_possible_death_or_of_no_persons_says_nothing() -> None:
    assert _of("Three women who could die of swine flu in Cuba were pregnant.", 3) == []
    assert _of("The number of children under five who died in Cuba rose.", 5) == []


# --- a disease named in an of-phrase is part of the counted noun phrase --------------------------------


def test_the_state_is_read_past_a_long_disease_name() -> None:
    # before: no state (the verb stood more than eight words after the count)
    text = "Three cases of the new influenza A(H1N1) virus have been confirmed in India."
    assert _of(text, 3) == [("cases", "confirmed", "", "India")]
    text = "Two deaths from the new influenza A (H1N1) virus have been confirmed in Argentina."
    assert _of(text, 2) == [("deaths", "confirmed", "", "Argentina")]
    text = "So far 35 cases of the new strain of influenza A/H1N1 have been confirmed in Vietnam."
    assert _of(text, 35) == [("cases", "confirmed", "", "Vietnam")]


def test_an_of_phrase_that_names_no_disease_keeps_the_reach() -> None:
    text = "Three cases of the people at the school in the north of the town have been confirmed in India."
    assert _of(text, 3) == [("cases", "", "", "India")]


# --- a body named by its nation that reports the count ------------------------------------------------


def test_a_body_named_by_its_nation_reports_its_nations_count_inside_a_quote() -> None:
    # before: no place (an unclosed quotation mark left the sentence no speaker)
    text = 'The update was posted by WHO.\n\n"The United States Government has reported 91 cases.'
    assert _of(text, 91) == [("cases", "", "", "United States")]
    # before: Mexico (the series of the sentence before went on)
    text = 'Mexico has 20 cases.\n\n"The New Zealand Ministry of Health has confirmed 12 cases.'
    assert _of(text, 12) == [("cases", "confirmed", "", "New Zealand")]


def test_a_global_body_quoting_a_national_body_gives_the_nations_count() -> None:
    # before: the world's (the WHO as the source)
    text = 'The WHO said: "The United States Government has reported 93 cases."'
    assert _of(text, 93) == [("cases", "", "", "United States")]


def test_a_body_that_is_no_authority_places_nothing() -> None:
    text = '"The American University has reported 12 cases.'
    assert ("cases", "", "", "United States") not in _of(text, 12)


# --- places that are parts of a country coordinated with it ------------------------------------------


def test_a_country_and_its_constituent_country_are_the_country() -> None:
    # before: the place "United Kingdom+Northern Ireland"
    text = "More than 200 people have contracted the virus in Britain and Northern Ireland."
    assert _of(text, 200) == [("cases", "", "", "United Kingdom")]


def test_two_countries_stay_two() -> None:
    text = "More than 200 people have contracted the virus in Britain and Ireland."
    assert _of(text, 200) == [("cases", "", "", "United Kingdom,Ireland")]


# --- a global body's report as the source ---------------------------------------------------------------


def test_an_update_from_a_global_body_gives_the_worlds_figures() -> None:
    # before: Ireland's (the series of the sentence before went on)
    text = (
        "Ireland has nine cases.\n\nAccording to the latest update from the World Health Organisation, "
        "there have been more than 15,500 cases since it first emerged in late April, resulting in 99 deaths."
    )
    assert _of(text, 15500) == [("cases", "", "", "world")]
    assert _of(text, 99) == [("deaths", "", "", "world")]


def test_an_update_from_a_national_body_is_no_worlds() -> None:
    text = (
        "Ireland has nine cases.\n\nAccording to the latest update from the Department of Health, "
        "there have been 12 cases."
    )
    assert ("cases", "", "", "world") not in _of(text, 12)


# --- a participle's predicate is not cut off by the words read ---------------------------------------


def test_a_predicate_that_ends_past_the_window_in_the_diseases_name() -> None:
    # before: no value ("flu" stood past the eight words read)
    text = "Five people were detected to have been affected with swine flu in India."
    assert _of(text, 5) == [("cases", "", "", "India")]


def test_a_with_phrase_past_the_window_is_no_predicate() -> None:
    text = "The agency said these five men were at large in the community with swine flu in Britain."
    assert _of(text, 5) == []


def test_a_virus_code_in_brackets_counted_is_cases_the_words_around_say() -> None:
    # before: a generic measure "new influenza a (h1n1)"
    text = "Thailand's Bureau of Epidemiology on Friday reported 71 new Influenza A (H1N1) diagnosed."
    assert _of(text, 71) == [("cases", "", "new", "Thailand")]


def test_a_part_with_its_wholes_place_lends_it_to_the_next_count() -> None:
    # before: the world's (a part lent no place, and the WHO as the source made it the world's)
    text = (
        "The WHO says Canada has 284 cases, including one death - but two additional cases have been "
        "reported."
    )
    assert _of(text, 2) == [("cases", "", "new", "Canada")]


def test_a_part_with_a_place_of_its_own_lends_none() -> None:
    text = "Some 200 people were sickened, including 100 in the United States, and 177 died."
    assert ("deaths", "", "", "United States") not in _of(text, 177)


def test_an_adverb_of_when_between_a_changes_amount_and_its_level() -> None:
    # before: the level was read as new (the amount's span went on to it)
    text = "Chile's cases jumped by 120 overnight to 1,200."
    assert _of(text, 1200) == [("cases", "", "", "Chile")]
    assert _of(text, 120) == [("cases", "", "new", "Chile")]


def test_a_part_the_virus_was_confirmed_in_is_confirmed() -> None:
    # before: suspected (the whole's adjective)
    text = "Officials said tests confirmed the virus in 7 of the 10 suspected cases in Bolivia."
    assert _of(text, 7) == [("cases", "confirmed", "", "Bolivia")]
    assert _of(text, 10) == [("cases", "suspected", "", "Bolivia")]


def test_a_part_of_a_fronted_whole_takes_its_state_after_the_first_sentence_too() -> None:
    # before: no state past an article's first sentence (the fronted whole's pattern was anchored at the
    # string's start, so it only matched a sentence at offset 0)
    text = "Swine flu spreads.\n\nOf the 2,059 confirmed cases in Mexico, 59 have died."
    assert _of(text, 59) == [("deaths", "confirmed", "", "Mexico")]


def test_persons_who_died_and_where_they_came_from_give_no_place_of_deaths() -> None:
    # the copula's place is their origin, not where they died
    assert _of("In Texas, three people who died of swine flu were from Mexico.", 3) == []
