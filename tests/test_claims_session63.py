"""Session 63: rules of English read off sentences written for the test (docs/claims.md, "The country a
phrase points back to, a death after its cases, estimated tallies and headlines (session 63)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- a typographic apostrophe is an apostrophe ----------------------------------------------------------


def test_the_countrys_with_a_curly_apostrophe_is_the_countrys() -> None:
    text = (
        "Russia has confirmed four deaths from swine flu. Officials said three of them were women. "
        "A woman also died in Moscow on Tuesday. Doctors said she had been ill for a week. "
        "The country\u2019s health ministry has so far recorded 1,349 confirmed cases. "
        "The outbreak was first reported in Mexico in April."
    )
    # before: no place ("country’s" was no word of "the country's")
    assert _of(text, 1349) == [("cases", "confirmed", "", "Russia")]


# --- "the country" points back to the one country named before it ----------------------------------


def test_the_country_points_back_past_a_country_named_after_it() -> None:
    text = (
        "Russia has confirmed four deaths from swine flu. Officials said three of them were women. "
        "A woman also died in Moscow on Tuesday. Doctors said she had been ill for a week. "
        "She had not travelled abroad. Her family was tested on Wednesday. "
        "The country's health ministry has so far recorded 1,349 confirmed cases. "
        "The outbreak was first reported in Mexico in April."
    )
    # before: no place (the text names Mexico too, so it is about no one country; Moscow is four sentences
    # back)
    assert _of(text, 1349) == [("cases", "confirmed", "", "Russia")]


def test_the_country_after_a_place_of_no_known_country_is_none() -> None:
    text = (
        "A total of 145 people in the Americas have died, including 108 in Mexico. "
        "A patient died in Scotland yesterday. Doctors in Scotland said he had been ill. "
        "The Scottish health secretary spoke to reporters. "
        "The government reported 35 new cases, bringing the total in the country to 498. "
        "Scots make up less than a tenth of the U.K.'s population."
    )
    # "the country" is Scotland's here, not Mexico's before it
    assert ("cases", "", "", "Mexico") not in _of(text, 498)


def test_two_countries_named_before_give_the_country_none() -> None:
    text = (
        "Russia and Ukraine have both reported deaths. Officials met on Monday. Doctors were worried. "
        "Schools were closed in many towns. The country's health ministry has recorded 1,349 confirmed cases."
    )
    assert _of(text, 1349) == [("cases", "confirmed", "", "")]


# --- a national office named by its post alone, as the subject that opens the sentence ----------------


def test_an_office_subject_speaks_for_the_country_named_before() -> None:
    text = (
        "Costa Rican health officials had expected the number of cases to drop. "
        "The Health Minister, Maria Luisa Avila, to combat the rise in confirmed infections which now stands "
        "at 718 and 22 deaths, extended the school vacation another week."
    )
    # before: no place for either
    assert _of(text, 718) == [("cases", "confirmed", "", "Costa Rica")]
    assert _of(text, 22) == [("deaths", "", "", "Costa Rica")]


def test_an_office_subject_after_a_place_of_no_known_country_gives_none() -> None:
    text = (
        "Mexico has reported 108 deaths. A patient died in Scotland yesterday. "
        "The Government, in a statement, said there were 35 new cases and 498 cases in all. "
        "Scots make up less than a tenth of the U.K.'s population."
    )
    assert ("cases", "", "", "Mexico") not in _of(text, 498)


# --- a count of another thing takes no place of the cases the sentence before placed ---------------------


def test_a_death_after_a_placed_total_of_cases_takes_no_place_of_them() -> None:
    text = (
        "Since the outbreak began some 2,353 people have been infected with the new strain of flu in "
        "Belgium. "
        "One person has died, although she was already suffering from pneumonia."
    )
    # session 63 placed it in Belgium; session 64's pre-registered validation set (webflu18) dropped that
    # rule: it placed one false value there and no right one (docs/claims.md, session 64)
    assert _of(text, 1) == [("deaths", "", "", "")]


def test_a_death_after_a_projection_of_cases_takes_no_place() -> None:
    text = (
        "Concerns have risen in South America, after the Argentine estimate that some 100,000 people "
        "have contracted the virus.\n\nFifty-five people have died of swine flu there."
    )
    assert ("deaths", "", "", "South America") not in _of(text, 55)


def test_a_death_whose_sentence_names_a_people_takes_no_place_of_the_cases_before() -> None:
    text = (
        "Throughout the world, 26,000 cases have been identified. 141 deaths have been recorded on the "
        "American continent."
    )
    assert _of(text, 141) != [("deaths", "", "", "world")]


def test_a_sentence_before_with_deaths_elsewhere_lends_the_deaths_place() -> None:
    text = (
        "Mexico has 2,000 cases, and Peru has reported 12 deaths. "
        "Twenty more people have died, officials said on Monday."
    )
    # the deaths of the sentence before give the series, not its cases
    assert ("deaths", "", "", "Mexico") not in _of(text, 20)


# --- a tally its noun phrase calls estimated is an estimate ------------------------------------------


def test_the_total_estimated_number_is_an_estimate() -> None:
    text = (
        "The total estimated number of cases in Belgium since the H1N1 outbreak began in April 2009 is now "
        "35,771."
    )
    # before: 35,771 cases of Belgium (the estimate stood past the window)
    assert _of(text, 35771) == []


def test_an_estimated_tally_before_another_count_is_that_counts() -> None:
    text = "The estimated number of visitors was 5,000, and 35 confirmed cases have been reported in Belgium."
    assert _of(text, 35) == [("cases", "confirmed", "", "Belgium")]


def test_a_tally_not_estimated_keeps_its_value() -> None:
    text = "The total number of confirmed cases in Belgium, a country of ten million people, is now 2,353."
    assert _of(text, 2353) == [("cases", "confirmed", "", "Belgium")]


# --- a headline's figure is the one its story tells after it ------------------------------------------


def test_a_headline_figure_takes_the_place_the_story_gives_it() -> None:
    text = (
        "Saturday, June 13, 2009\n\nAH1N1 flu cases climb to 118\n\n"
        "The number of cases in Costa Rica continues to grow.\n\n"
        "On Thursday the Health Ministry confirmed another 14 new cases, bringing the total in Costa Rica "
        "now to 118 people infected with the virus."
    )
    # before: the headline's 118 had no place
    assert ("cases", "", "", "Costa Rica") in _of(text, 118)
    assert ("cases", "", "", "") not in _of(text, 118)


def test_a_line_after_the_body_began_is_no_headline() -> None:
    text = (
        "Officials met on Monday.\n\nFlu cases climb to 118\n\n"
        "On Thursday the ministry confirmed 14 new cases, bringing the total in Costa Rica now to 118."
    )
    assert ("cases", "", "", "Costa Rica") not in [k for k in _of(text, 118) if k[1] == ""]


# --- a part set apart by its nationality is placed nowhere by its country -----------------------------


def test_a_part_that_is_citizens_of_a_country_is_no_count_there() -> None:
    text = (
        "There are 22 confirmed cases of swine flu in Turkey. Of these cases, 14 were citizens of Turkey "
        "travelling back, while eight were people of other nationalities."
    )
    # before: 14 cases of Turkey (the country of the part's nationality read as its place)
    assert _of(text, 14) == []


def test_a_part_that_is_in_a_country_is_there() -> None:
    text = "There are 22 confirmed cases of swine flu in Europe. Of these cases, 14 were in Turkey."
    assert _of(text, 14) != []


# --- a verb whose object is another thing's noun, past a determiner or an ordinal, is that noun's -------


def test_a_verb_that_confirms_a_first_case_gives_no_state_to_a_tally_after_it() -> None:
    text = "Norway confirms first swine flu case, global death tally tops 50."
    # before: 50 confirmed deaths (the verb's object, *first ... case*, is another thing's noun)
    assert _of(text, 50) == [("deaths", "", "", "world")]


def test_a_verb_that_confirms_the_count_itself_keeps_its_state() -> None:
    text = "Peru confirmed 20 new cases and two deaths on Monday."
    assert [k[1] for k in _of(text, 2)] == ["confirmed"]


# --- a copula that says the persons tested are positive resolves a suspicion ---------------------------


def test_a_part_of_possible_cases_that_have_been_positive_is_no_suspicion() -> None:
    text = (
        "In Ecuador the authorities have taken more than 500 samples of possible cases, of them 35 have "
        "been positive."
    )
    # before: 35 suspected cases (the whole's *possible*)
    assert [k[:3] for k in _of(text, 35)] == [("cases", "", "")]


def test_possible_cases_that_are_not_said_positive_stay_suspected() -> None:
    text = "In Ecuador the authorities are testing samples of possible cases, of them 35 are in hospital."
    assert ("cases", "", "", "Ecuador") not in _of(text, 35)
