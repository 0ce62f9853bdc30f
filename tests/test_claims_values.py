"""Which measure and which place a quantity value is (saidwhat.claims.quantity, issue 18): one rule
per test, on sentences written for the test (none copied from the benchmark's articles)."""

from __future__ import annotations

from saidwhat.claims import article_facts
from saidwhat.claims.lexicon import load_lexicon
from saidwhat.model import Analysis
from tests.test_claims_positions import analysis

Key = tuple[str, str, str, tuple[str, ...]]


def measures(an: Analysis) -> dict[float, Key]:
    return {
        float(v.value): (v.key.thing, v.key.state, v.key.aspect, v.key.about)
        for v in article_facts(an, "s").quantities
        if v.value is not None
    }


def gpe(*names: str) -> list[tuple[str, str, str]]:
    return [(n, n, "GPE") for n in names]


def test_a_rise_by_n_is_an_increment_and_the_figure_after_it_the_new_total() -> None:
    text = "Officials in Peru said the confirmed toll of flu deaths had climbed by two, to 31."
    an = analysis(text, entities=gpe("Peru"), quantities=[("two", 2, None), ("31", 31, None)])
    got = measures(an)
    assert got[2.0] == ("deaths", "confirmed", "new", ("Peru",))
    assert got[31.0] == ("deaths", "confirmed", "", ("Peru",))


def test_a_modal_after_the_object_of_a_perfect_is_the_main_clauses() -> None:
    text = "The outbreak, which has killed 40 people in Chile, could spread to the rest of the region."
    an = analysis(text, entities=gpe("Chile"), quantities=[("40 people", 40, "people")])
    assert measures(an)[40.0] == ("deaths", "", "", ("Chile",))
    # a modal of the number's own clause still projects it
    text = "Experts warned the outbreak could cause 400 deaths in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("400 deaths", 400, "deaths")])
    assert measures(an)[400.0][2] == "projected"


def test_a_count_in_n_countries_is_about_the_world() -> None:
    text = "Peru's health ministry said the flu has infected 2,100 people in 17 countries."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("2,100 people", 2100, "people"), ("17 countries", 17, "countries")],
    )
    assert measures(an)[2100.0] == ("cases", "", "", ("world",))


def test_there_after_the_number_is_the_place_named_before_it() -> None:
    text = "Chile reported its first case in April and 9 people have died there."
    an = analysis(text, entities=gpe("Chile"), quantities=[("9 people", 9, "people")])
    assert measures(an)[9.0] == ("deaths", "", "", ("Chile",))
    # the *there* of "there have been" points nowhere (two countries: no sentence country either; with
    # Chile alone the sentence's one country places the deaths, `_sentence_country`)
    text = "Chile reported its first case in April after Peru, and there have been 9 deaths."
    an = analysis(text, entities=gpe("Chile", "Peru"), quantities=[("9 deaths", 9, "deaths")])
    assert measures(an)[9.0][3] == ()


def test_a_nationwide_figure_is_the_countrys_not_the_states() -> None:
    text = (
        "The United States has 900 confirmed cases. "
        "Texas officials reported the state's first death on Sunday, bringing the nationwide total "
        "to 12 deaths."
    )
    an = analysis(
        text,
        entities=gpe("United States", "Texas"),
        quantities=[("900 confirmed cases", 900, "confirmed cases"), ("12 deaths", 12, "deaths")],
    )
    assert measures(an)[12.0] == ("deaths", "", "", ("United States",))


def test_a_value_without_a_place_takes_the_place_of_the_value_before_it_in_its_sentence() -> None:
    text = "The agency said Chile has 1,200 confirmed cases, while the number of deaths stands at 14."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("1,200 confirmed cases", 1200, "confirmed cases"), ("14", 14, None)],
    )
    assert measures(an)[14.0] == ("deaths", "", "", ("Chile",))


def test_a_world_adverb_scopes_a_sentence_that_names_no_place() -> None:
    text = "So far the flu has killed 210 people and sickened some 25,000 worldwide."
    an = analysis(text, quantities=[("210 people", 210, "people"), ("some 25,000", 25000, None)])
    got = measures(an)
    assert got[210.0] == ("deaths", "", "", ("world",))
    assert got[25000.0] == ("cases", "", "", ("world",))


def test_the_total_a_change_brings_is_the_changed_counts_not_a_parts() -> None:
    text = "Five new cases were confirmed in Peru, three in Lima and two in Cusco, bringing the total to 45."
    an = analysis(
        text,
        entities=gpe("Peru", "Lima", "Cusco"),
        quantities=[("Five new cases", 5, "new cases"), ("45", 45, None)],
    )
    got = measures(an)
    assert got[5.0] == ("cases", "confirmed", "new", ("Peru",))
    assert got[45.0] == ("cases", "confirmed", "", ("Peru",))
    # ... unless the phrase that brings it names its own place
    text = "Two more cases were confirmed in Cusco, bringing the Peru total to 47."
    an = analysis(
        text,
        entities=gpe("Cusco", "Peru"),
        quantities=[("Two more cases", 2, "cases"), ("47", 47, None)],
    )
    got = measures(an)
    assert got[2.0][3] == ("Cusco",) and got[47.0] == ("cases", "confirmed", "", ("Peru",))


def test_an_increment_in_a_sentence_without_a_place_adds_to_the_count_before() -> None:
    text = (
        "The number of cases in Peru rose to 80 on Monday. "
        "The health ministry today announced a further 6 cases, bringing the total to 86."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("80", 80, None), ("6 cases", 6, "cases"), ("86", 86, None)],
    )
    got = measures(an)
    assert got[80.0] == ("cases", "", "", ("Peru",))
    assert got[6.0] == ("cases", "", "new", ("Peru",))
    assert got[86.0] == ("cases", "", "", ("Peru",))


def test_counts_of_another_disease_are_its_own_measure_and_of_other_causes_no_values() -> None:
    """The article is about the disease its lede names first (swine flu), though it names
    tuberculosis as often: a count of tuberculosis deaths is a measure of its own, never one of the
    article's disease; deaths of other causes are no value."""
    text = (
        "Swine flu has now infected 150 people in Peru. Doctors say swine flu spreads fast. "
        "Tuberculosis has killed 900 people in Peru. Tests showed 7 people in Peru had died of other causes. "
        "Tuberculosis is treatable."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("150 people", 150, "people"), ("900 people", 900, "people"), ("7 people", 7, "people")],
    )
    got = measures(an)
    assert got[150.0] == ("cases", "", "", ("Peru",))
    assert got[900.0][:3] == ("tuberculosis deaths", "", "") and 7.0 not in got


def test_confirmed_in_n_people_counts_cases_only_for_the_number_it_introduces() -> None:
    text = "Laboratory tests have confirmed the virus in 230 people across Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("230 people", 230, "people")])
    assert measures(an)[230.0] == ("cases", "confirmed", "", ("Peru",))
    text = "Of the 40 suspected deaths from the virus in Peru, 11 have been confirmed."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("40 suspected deaths", 40, "suspected deaths"), ("11", 11, None)],
    )
    assert measures(an)[11.0][:2] == ("deaths", "confirmed")


def test_the_old_value_of_a_change_is_no_value() -> None:
    text = "The count of confirmed cases in Peru rose to 410 from 388."
    an = analysis(text, entities=gpe("Peru"), quantities=[("410", 410, None), ("388", 388, None)])
    got = measures(an)
    assert got[410.0] == ("cases", "confirmed", "", ("Peru",)) and 388.0 not in got
    # "from 20 to nine" where the quantity stage left the bare "nine" out
    text = "Officials cut the number of confirmed deaths in Peru from 20 to nine."
    an = analysis(text, entities=gpe("Peru"), quantities=[("20", 20, "confirmed deaths")])
    assert 20.0 not in measures(an)


def test_a_range_from_a_to_b_after_a_word_of_change_is_a_change() -> None:
    text = "Peru has seen an increase in flu deaths, from 211 to 236, officials said."
    an = analysis(text, entities=gpe("Peru"), quantities=[("211 to 236", 211, None)])
    an.quantities[0].kind, an.quantities[0].value_max = "range", 236
    got = {v.value: (v.key.thing, v.key.about, v.low, v.high) for v in article_facts(an, "s").quantities}
    assert got == {236: ("deaths", ("Peru",), None, None)}
    # no word of change: a range stays a range
    text = "In Peru from 211 to 236 people have died of flu, officials said."
    an = analysis(text, entities=gpe("Peru"), quantities=[("211 to 236", 211, "people")])
    an.quantities[0].kind, an.quantities[0].value_max = "range", 236
    got = {v.low: (v.key.thing, v.high) for v in article_facts(an, "s").quantities}
    assert got == {211: ("deaths", 236)}


def test_from_n_after_a_word_of_change_is_the_earlier_value_and_a_fall_from_a_place_no_change() -> None:
    text = "Nineteen people have died of flu in Peru, a sharp increase in the death toll from 12 last week."
    an = analysis(text, entities=gpe("Peru"), quantities=[("Nineteen", 19, "people"), ("12", 12, None)])
    got = measures(an)
    assert got[19.0] == ("deaths", "", "", ("Peru",)) and 12.0 not in got
    text = "In Peru 12 people died of flu; a boy fell from 3 floors up in a panic."
    an = analysis(text, entities=gpe("Peru"), quantities=[("12", 12, "people"), ("3", 3, "floors")])
    assert 3.0 in {float(v.value or 0) for v in article_facts(an, "s").quantities}


def test_a_list_item_with_a_participle_of_its_own_is_not_the_lists_thing() -> None:
    text = "Peru has 300 confirmed cases, with 12 deaths and 95 hospitalized."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[
            ("300 confirmed cases", 300, "confirmed cases"),
            ("12 deaths", 12, "deaths"),
            ("95", 95, None),
        ],
    )
    got = measures(an)
    # the deaths are among the confirmed cases (the gold's guideline: "with 12 deaths" takes the cases'
    # measure, session 38); the 95 hospitalized are no cases (a measure of their own since session 39)
    assert got[12.0] == ("deaths", "confirmed", "", ("Peru",)) and got[95.0][0] == "hospitalized"


def test_a_number_between_a_cue_and_its_content_is_the_speakers() -> None:
    text = "Luis Vega said of 70 suspected deaths, laboratory tests showed 30 were caused by the new virus."
    an = analysis(
        text,
        entities=[("Luis Vega", "Luis Vega", "PERSON")],
        titles={"Luis Vega": "Mexican Health Minister"},
        statements=[
            {
                "speaker": "Luis Vega",
                "name": "Luis Vega",
                "cue": "said",
                "lemma": "say",
                "content": "laboratory tests showed 30 were caused by the new virus",
            }
        ],
        quantities=[("70 suspected deaths", 70, "suspected deaths")],
    )
    assert measures(an)[70.0] == ("deaths", "suspected", "", ("Mexico",))


def test_outside_a_place_is_not_that_place_nor_the_one_before() -> None:
    text = "Some 30 people have died in Chile, but only two deaths have been recorded outside that country."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("Some 30 people", 30, "people"), ("two deaths", 2, "deaths")],
    )
    got = measures(an)
    assert got[30.0][3] == ("Chile",) and got[2.0][3] == ()


def test_a_part_of_the_value_before_lends_no_place_to_the_next_value() -> None:
    text = "More than 300 people fell ill, including 120 in Chile, and at least 90 died."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("More than 300 people", 300, "people"), ("120", 120, None), ("at least 90", 90, None)],
    )
    got = measures(an)
    assert got[120.0][3] == ("Chile",) and got[90.0][3] == ()


def test_a_school_year_is_no_count_and_a_rise_per_day_is_a_rate() -> None:
    text = "Four year seven pupils in Peru were diagnosed with the virus."
    an = analysis(text, entities=gpe("Peru"), quantities=[("Four", 4, None), ("seven pupils", 7, "pupils")])
    assert 7.0 not in measures(an)
    text = "The number of confirmed cases in Peru is rising by about 300 every day."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("about 300", 300, None)],
        timexes=[("every day", "SET", "P1D")],
    )
    assert measures(an)[300.0][2] == "rate"


def test_a_disease_named_in_a_comparison_is_not_what_is_counted() -> None:
    text = (
        "Swine flu is spreading fast. Swine flu worries doctors. "
        "A study of 43 cases in Peru found the virus behaving like seasonal flu."
    )
    an = analysis(text, entities=gpe("Peru"), quantities=[("43 cases", 43, "cases")])
    assert measures(an)[43.0] == ("cases", "", "", ("Peru",))
    text = (
        "Swine flu is spreading fast. Swine flu worries doctors. A study of 43 cases in Peru of seasonal flu."
    )
    an = analysis(text, entities=gpe("Peru"), quantities=[("43 cases", 43, "cases")])
    assert measures(an)[43.0] == ("seasonal flu cases", "", "", ("Peru",))


# -- session 10 (dev3) ----------------------------------------------------------------------------


def test_the_modifiers_of_the_counted_noun_give_the_state_however_far_left_they_begin() -> None:
    text = "The minister said probable swine flu infections in his country had climbed to 870."
    an = analysis(
        text,
        entities=[("The minister", "The minister", "PERSON")],
        quantities=[("870", 870, None)],
    )
    assert measures(an)[870.0][:2] == ("cases", "probable")
    # a state word further left that does not modify the counted noun gives no state
    text = "Suspected smugglers fled as the flu infections in the region had climbed to 870."
    an = analysis(text, quantities=[("870", 870, None)])
    assert measures(an)[870.0][:2] == ("cases", "")


def test_a_modal_saying_what_caused_deaths_is_no_projection() -> None:
    text = "Officials in Chile said the flu has killed 12 people and may be to blame for 30 more deaths."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("12 people", 12, "people"), ("30 more deaths", 30, "deaths")],
    )
    assert measures(an)[30.0] == ("deaths", "", "new", ("Chile",))
    text = "Officials in Chile warned the flu may cause 30 more deaths."
    an = analysis(text, entities=gpe("Chile"), quantities=[("30 more deaths", 30, "deaths")])
    assert measures(an)[30.0][2] == "projected"


def test_a_fear_in_a_comparison_is_no_projection() -> None:
    text = "The outbreak looks milder than first feared, they said, as two new cases were confirmed in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("two new cases", 2, "new cases")])
    assert measures(an)[2.0] == ("cases", "confirmed", "new", ("Chile",))


def test_a_present_form_of_confirm_gives_the_confirmed_state() -> None:
    text = "Chile confirms five more cases of the flu."
    an = analysis(text, entities=gpe("Chile"), quantities=[("five more cases", 5, "cases")])
    assert measures(an)[5.0] == ("cases", "confirmed", "new", ("Chile",))


def test_people_who_caught_the_virus_or_are_confirmed_ill_are_cases() -> None:
    text = "In Chile 14 people are known to have caught the virus."
    an = analysis(text, entities=gpe("Chile"), quantities=[("14 people", 14, "people")])
    assert measures(an)[14.0] == ("cases", "", "", ("Chile",))
    text = "Chile: 9 dead - 4 confirmed to have died of flu, 6 confirmed ill with flu"
    an = analysis(
        text, entities=gpe("Chile"), quantities=[("9 dead", 9, "dead"), ("4", 4, None), ("6", 6, None)]
    )
    got = measures(an)
    assert got[4.0] == ("deaths", "confirmed", "", ("Chile",))
    assert got[6.0] == ("cases", "confirmed", "", ("Chile",))
    # every form of "fall ill", also after a toll in the same sentence
    text = "The virus has killed 310 people in Chile, with 9,870 falling ill."
    an = analysis(
        text, entities=gpe("Chile"), quantities=[("310 people", 310, "people"), ("9,870", 9870, None)]
    )
    got = measures(an)
    assert got[310.0] == ("deaths", "", "", ("Chile",)) and got[9870.0] == ("cases", "", "", ("Chile",))


def test_fatal_cases_are_deaths_and_a_things_compounds_are_optional_in_the_lexicon() -> None:
    text = "Peru raised the number of fatal cases to 44, and Chile reported 12 fatal cases."
    an = analysis(
        text,
        entities=gpe("Peru", "Chile"),
        quantities=[("44", 44, None), ("12 fatal cases", 12, "fatal cases")],
    )
    got = measures(an)
    assert got[44.0] == ("deaths", "", "", ("Peru",)) and got[12.0] == ("deaths", "", "", ("Chile",))
    assert load_lexicon().things["deaths"].compounds and not load_lexicon().things["cases"].compounds


def test_the_verb_after_a_with_phrase_of_the_counts_noun_says_what_is_counted() -> None:
    text = "In Peru 14 people with swine flu have died, officials said."
    an = analysis(text, entities=gpe("Peru"), quantities=[("14 people", 14, "people")])
    assert measures(an)[14.0] == ("deaths", "", "", ("Peru",))
    text = "In Peru 14 people with swine flu were sent home, officials said."
    an = analysis(text, entities=gpe("Peru"), quantities=[("14 people", 14, "people")])
    assert measures(an)[14.0] == ("cases", "", "", ("Peru",))


def test_the_goal_or_origin_of_a_journey_is_not_the_place_of_a_count_after_it() -> None:
    text = "A school trip to Peru led to 31 confirmed cases at the school."
    an = analysis(text, entities=gpe("Peru"), quantities=[("31 confirmed cases", 31, "confirmed cases")])
    assert measures(an)[31.0] == ("cases", "confirmed", "", ())
    # unless the count is in a "where" clause on the place
    text = "Two nurses fell ill after returning from Peru, where 31 people have died of the flu."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("Two nurses", 2, "nurses"), ("31 people", 31, "people")]
    )
    assert measures(an)[31.0] == ("deaths", "", "", ("Peru",))


def test_the_toll_of_a_cause_counts_the_tolls_thing() -> None:
    text = "The death toll of the fever continues to rise in Peru, reaching at least 95."
    an = analysis(text, entities=gpe("Peru"), quantities=[("at least 95", 95, None)])
    assert measures(an)[95.0] == ("deaths", "", "", ("Peru",))


def test_a_part_of_an_increment_is_an_increment() -> None:
    text = "Peru reported 2,288 new infections including two deaths."
    qs: list[tuple[str, float, str | None]] = [
        ("2,288 new infections", 2288, "new infections"),
        ("two deaths", 2, "deaths"),
    ]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[2288.0] == ("cases", "", "new", ("Peru",)) and got[2.0] == ("deaths", "", "new", ("Peru",))
    # a part of a total stays a total
    text = "Peru has 2,288 infections including two deaths."
    qs = [("2,288 infections", 2288, "infections"), ("two deaths", 2, "deaths")]
    assert measures(analysis(text, entities=gpe("Peru"), quantities=qs))[2.0] == ("deaths", "", "", ("Peru",))


def test_the_domain_of_a_superlative_is_not_the_place_of_the_count() -> None:
    text = "Peru has the most official cases in South America, at 122."
    an = analysis(text, entities=gpe("Peru", "South America"), quantities=[("122", 122, None)])
    assert measures(an)[122.0] == ("cases", "", "", ("Peru",))
    text = "Peru remains one of the worst hit countries in South America with 7,447 cases."
    an = analysis(text, entities=gpe("Peru", "South America"), quantities=[("7,447 cases", 7447, "cases")])
    assert measures(an)[7447.0] == ("cases", "", "", ("Peru",))
    # a predicate's superlative names where: "has been most severe in Peru, ... more than 100"
    text = "The outbreak has been most severe in Peru, which has reported 100 deaths."
    an = analysis(text, entities=gpe("Peru"), quantities=[("100 deaths", 100, "deaths")])
    assert measures(an)[100.0] == ("deaths", "", "", ("Peru",))


def test_people_under_investigation_are_no_cases_unless_called_cases() -> None:
    text = "Peru has 122 confirmed cases, with another 169 under investigation."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("122 confirmed cases", 122, "confirmed cases"), ("169", 169, None)],
    )
    got = measures(an)
    assert got[122.0] == ("cases", "confirmed", "", ("Peru",)) and 169.0 not in got
    text = "In Peru 14 other possible cases are being investigated."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("14 other possible cases", 14, "other possible cases")]
    )
    assert measures(an)[14.0] == ("cases", "suspected", "", ("Peru",))


def test_the_number_of_laboratory_confirmed_cases_is_confirmed_cases() -> None:
    text = "The total number of laboratory confirmed flu cases in Peru is now over 3,232."
    an = analysis(text, entities=gpe("Peru"), quantities=[("over 3,232", 3232, None)])
    assert measures(an)[3232.0] == ("cases", "confirmed", "", ("Peru",))


def test_countries_after_a_capitalised_name_are_a_regions_not_the_world() -> None:
    text = "Officials said 84 people in 31 Andean Pact countries died of flu last week."
    an = analysis(text, quantities=[("84 people", 84, "people")])
    assert measures(an)[84.0][3] != ("world",)
    # a capital that opens the sentence is no name
    text = "Forty countries have reported 84 deaths of flu."
    an = analysis(text, quantities=[("84 deaths", 84, "deaths")])
    assert measures(an)[84.0] == ("deaths", "", "", ("world",))


def test_its_total_is_the_total_of_the_place_of_the_sentences_first_count() -> None:
    text = (
        "The largest rise was reported by Peru, with 288 new infections including two deaths, bringing its"
        " total to 6,538 infections including three deaths."
    )
    qs: list[tuple[str, float, str | None]] = [
        ("288 new infections", 288, "new infections"),
        ("two deaths", 2, "deaths"),
        ("6,538 infections", 6538, "infections"),
        ("three deaths", 3, "deaths"),
    ]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[6538.0] == ("cases", "", "", ("Peru",)) and got[3.0] == ("deaths", "", "", ("Peru",))


def test_a_state_word_governs_coordinated_gerunds_and_sicken_is_a_cases_predicate() -> None:
    text = "The virus is suspected of killing more than 150 people and sickening more than 2,400 in Peru."
    qs: list[tuple[str, float, str | None]] = [
        ("more than 150 people", 150, "people"),
        ("more than 2,400", 2400, None),
    ]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[2400.0] == ("cases", "suspected", "", ("Peru",))


def test_a_count_out_of_a_whole_written_after_it_has_the_wholes_state() -> None:
    text = "Officials say there have been 42 deaths in Peru from flu, out of more than 1,000 confirmed cases."
    qs: list[tuple[str, float, str | None]] = [
        ("42 deaths", 42, "deaths"),
        ("more than 1,000 confirmed cases", 1000, "confirmed cases"),
    ]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[42.0] == ("deaths", "confirmed", "", ("Peru",))
    # joined another way, the count keeps its own state
    text = "Officials say there have been 42 deaths in Peru, and more than 1,000 confirmed cases."
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[42.0] == ("deaths", "", "", ("Peru",))


def test_a_number_dated_before_the_report_in_a_sentence_of_change_is_the_earlier_value() -> None:
    text = "Twenty people have died in Peru, a sharp increase in the death toll of 17 earlier this week."
    qs: list[tuple[str, float, str | None]] = [("Twenty people", 20, "people"), ("17", 17, None)]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[20.0] == ("deaths", "", "", ("Peru",)) and 17.0 not in got
    # "Earlier" opening the next sentence dates nothing of this one
    text = "The move will increase the number of deaths in Peru to about 16. Earlier, a quake hit."
    got = measures(analysis(text, entities=gpe("Peru"), quantities=[("about 16", 16, None)]))
    assert 16.0 in got


def test_a_place_in_a_locative_aside_is_not_the_counts() -> None:
    text = "Cusco, in southern Peru, closed its schools amid investigations into three suspect deaths."
    qs: list[tuple[str, float, str | None]] = [("three suspect deaths", 3, "suspect deaths")]
    got = measures(analysis(text, entities=gpe("Cusco", "Peru"), quantities=qs))
    assert got[3.0][3] != ("Peru",)


def test_a_count_in_n_countries_reads_its_verb_after_the_countries() -> None:
    text = "Some 3,100 people in 18 countries have now been infected, officials said."
    an = analysis(text, quantities=[("Some 3,100 people", 3100, "people"), ("18 countries", 18, "countries")])
    assert measures(an)[3100.0] == ("cases", "", "", ("world",))


def test_the_whole_out_of_which_a_count_is_drawn_has_the_counts_place() -> None:
    text = "Peru has 20 confirmed cases, 15 in Lima and five in Cusco, out of 400 suspected cases."
    an = analysis(
        text,
        entities=gpe("Peru", "Lima", "Cusco"),
        quantities=[
            ("20 confirmed cases", 20, "confirmed cases"),
            ("15", 15, None),
            ("five", 5, None),
            ("400 suspected cases", 400, "suspected cases"),
        ],
    )
    got = measures(an)
    assert got[5.0][3] == ("Cusco",)
    assert got[400.0] == ("cases", "suspected", "", ("Peru",))


def test_the_new_value_of_a_change_from_a_to_b_has_the_place_of_a() -> None:
    text = (
        "Mr Soto of Peru spoke first. The agency raised its count of cases around the world from 90 to 120."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        statements=[
            {
                "speaker": "Mr Soto of Peru",
                "content": "The agency raised its count of cases around the world from 90 to 120",
            }
        ],
        quantities=[("90", 90, "cases"), ("120", 120, "cases")],
    )
    got = measures(an)
    assert got[120.0][3] == ("world",) and 90.0 not in got


def test_a_place_in_a_clause_about_the_noun_of_an_of_phrase_is_not_the_counts() -> None:
    text = "Labs have confirmed 60 cases of a strain that doctors say came from Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("60 cases", 60, "cases")])
    assert measures(an)[60.0][3] != ("Peru",)
    # the count's own verb after the of-phrase keeps its place
    text = "Six cases of the flu were confirmed in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("Six cases", 6, "cases")])
    assert measures(an)[6.0][3] == ("Peru",)


def test_a_toll_of_the_seasonal_virus_or_a_yearly_toll_of_flu_is_the_seasonal_flus() -> None:
    text = (
        "Swine flu is spreading fast. Swine flu worries doctors. "
        "In Peru some 900 people die of the seasonal virus every winter."
    )
    an = analysis(text, entities=gpe("Peru"), quantities=[("some 900 people", 900, "people")])
    assert measures(an)[900.0] == ("seasonal flu deaths", "", "", ("Peru",))
    # a generic name of the disease counted per year, and the second half of its phrase
    text = (
        "Swine flu is spreading fast. Swine flu worries doctors. "
        "Flu causes 800 deaths a year in Peru and 90,000 deaths globally, doctors said."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("800 deaths", 800, "deaths"), ("90,000 deaths", 90000, "deaths")],
        timexes=[("a year", "DURATION", "P1Y")],
    )
    got = measures(an)
    assert got[800.0] == ("seasonal flu deaths", "", "", ("Peru",))
    assert got[90000.0][:3] == ("seasonal flu deaths", "", "")
    # the same counts without a period are the article's disease
    text = "Swine flu is spreading fast. Swine flu worries doctors. Flu has caused 800 deaths in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("800 deaths", 800, "deaths")])
    assert measures(an)[800.0] == ("deaths", "", "", ("Peru",))


def test_a_number_fronted_by_at_is_the_figure_of_its_clause_and_of_its_subject() -> None:
    text = "At 310, Chile has the largest number of confirmed cases outside Peru."
    an = analysis(text, entities=gpe("Chile", "Peru"), quantities=[("310", 310, None)])
    assert measures(an)[310.0] == ("cases", "confirmed", "", ("Chile",))
    # "at" inside a sentence is no front
    assert _fronted_at_place("Chile put the number of confirmed cases outside Peru at 310.") is None
    assert _fronted_at_place("At 310, Chile has the largest number of confirmed cases.") == ("Chile",)


def _fronted_at_place(text: str) -> tuple[str, ...] | None:
    from saidwhat.claims.lexicon import load_lexicon
    from saidwhat.claims.quantity import _fronted_at
    from saidwhat.claims.text import ArticleView

    an = analysis(
        text, entities=gpe(*(n for n in ("Chile", "Peru") if n in text)), quantities=[("310", 310, None)]
    )
    view = ArticleView.build(an, None, load_lexicon().place_aliases)
    q = an.quantities[0]
    return _fronted_at(view, q, view.sentence(q.start)[0])


def test_it_includes_a_number_names_a_part_of_the_last_value_of_the_sentence_before() -> None:
    text = (
        "The confirmed death toll in the region now stands at 40. It includes 31 in Chile and nine in Peru."
    )
    an = analysis(
        text,
        entities=gpe("Chile", "Peru"),
        quantities=[("40", 40, None), ("31", 31, None), ("nine", 9, None)],
    )
    got = measures(an)
    assert got[31.0] == ("deaths", "confirmed", "", ("Chile",))
    assert got[9.0] == ("deaths", "confirmed", "", ("Peru",))


def test_a_figure_in_brackets_after_a_name_is_an_item_of_the_list() -> None:
    text = "Countries with confirmed cases include Chile (48), Peru (21) and Bolivia (3)."
    an = analysis(
        text,
        entities=gpe("Chile", "Peru", "Bolivia"),
        quantities=[("48", 48, None), ("21", 21, None), ("3", 3, None)],
    )
    got = measures(an)
    assert got[21.0] == ("cases", "confirmed", "", ("Peru",))
    assert got[3.0] == ("cases", "confirmed", "", ("Bolivia",))


def test_a_count_whose_parts_are_in_several_countries_is_of_the_world() -> None:
    text = "So far 45 deaths have been confirmed -- 40 in France and five in Germany."
    an = analysis(
        text,
        entities=gpe("France", "Germany"),
        quantities=[("45 deaths", 45, "deaths"), ("40", 40, None), ("five", 5, None)],
    )
    got = measures(an)
    assert got[45.0] == ("deaths", "confirmed", "", ("world",))
    assert got[40.0][3] == ("France",) and got[5.0][3] == ("Germany",)
    # parts in one country, or in places not known as countries, say nothing of the whole's place
    for places in (("France", "elsewhere"), ("Lyon", "Nice")):
        text = f"So far 45 deaths have been confirmed -- 40 in {places[0]} and five in {places[1]}."
        an = analysis(
            text,
            entities=gpe(*(p for p in places if p != "elsewhere")),
            quantities=[("45 deaths", 45, "deaths"), ("40", 40, None), ("five", 5, None)],
        )
        assert measures(an)[45.0][3] == ()


def test_the_figure_of_a_national_body_is_about_its_country() -> None:
    text = "The Health Protection Agency said it was testing 75 possible cases."
    statements = [
        {
            "speaker": "The Health Protection Agency",
            "name": "Health Protection Agency",
            "cue": "said",
            "content": "it was testing 75 possible cases",
        }
    ]
    an = analysis(text, statements=statements, quantities=[("75 possible cases", 75, "possible cases")])
    assert measures(an)[75.0] == ("cases", "suspected", "", ("United Kingdom",))
    # not when the source is a pronoun the attribution resolved to the body
    text = "It said it was testing 75 possible cases."
    statements = [
        {
            "speaker": "It",
            "name": "Health Protection Agency",
            "cue": "said",
            "content": "it was testing 75 possible cases",
        }
    ]
    an = analysis(text, statements=statements, quantities=[("75 possible cases", 75, "possible cases")])
    assert measures(an)[75.0][3] == ()


def test_a_rise_of_its_count_by_n_is_an_increment_of_the_sentences_count() -> None:
    text = "The flu has killed 48 people in Chile, officials said, raising the toll by nine in a week."
    an = analysis(text, entities=gpe("Chile"), quantities=[("48 people", 48, "people"), ("nine", 9, None)])
    assert measures(an)[9.0] == ("deaths", "", "new", ("Chile",))
    # "by" after a count that was not raised is no increment
    text = "The flu has killed 48 people in Chile, officials said, judging the toll by nine hospitals."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("48 people", 48, "people"), ("nine hospitals", 9, "hospitals")],
    )
    assert measures(an).get(9.0, ("",))[0] != "deaths"


def test_a_count_without_a_place_in_a_sentence_about_one_country_is_that_countrys() -> None:
    # the sentence's one place (a country the knowledge base knows) outside the count's clause
    text = "A new strain that has caused 30 deaths and sparked alarm in Germany worries doctors."
    an = analysis(text, entities=gpe("Germany"), quantities=[("30 deaths", 30, "deaths")])
    assert measures(an)[30.0] == ("deaths", "", "", ("Germany",))
    text = "Doctors are trying to contain a strain of the virus that has killed 30 and alarmed Germany."
    an = analysis(text, entities=gpe("Germany"), quantities=[("30", 30, None)])
    assert measures(an)[30.0] == ("deaths", "", "", ("Germany",))
    # the goal or origin of a journey is not where the count is
    text = "The two other new cases were adults who had visited Germany."
    an = analysis(text, entities=gpe("Germany"), quantities=[("two", 2, None)])
    assert measures(an)[2.0][3] == ()
    # a sentence naming a second place (a state, another country) says nothing of the count's
    text = "A new strain that has caused 30 deaths and sparked alarm in France and Germany worries doctors."
    an = analysis(text, entities=gpe("France", "Germany"), quantities=[("30 deaths", 30, "deaths")])
    assert measures(an)[30.0][3] == ()
    # a part: a count at a place of its own
    text = "A strain that has sickened 14 pupils at one school and alarmed Germany is spreading."
    an = analysis(text, entities=gpe("Germany"), quantities=[("14 pupils", 14, "pupils")])
    assert measures(an).get(14.0, ("", "", "", ()))[3] == ()


def test_n_of_them_is_a_part_of_the_count_of_the_sentence_before_and_has_its_place() -> None:
    text = "In Germany, 900 people have caught the virus. Some 40 of them have died."
    an = analysis(text, entities=gpe("Germany"), quantities=[("900 people", 900, "people"), ("40", 40, None)])
    got = measures(an)
    assert got[900.0] == ("cases", "", "", ("Germany",))
    assert got[40.0] == ("deaths", "", "", ("Germany",))
    # without *of them* a count of the next sentence is not that one's (session 63 placed it there, as the
    # gold of webflu12 and webflu16 writes; session 64's validation set dropped that rule)
    text = "In Germany, 900 people have caught the virus. Some 40 people have died."
    an = analysis(
        text, entities=gpe("Germany"), quantities=[("900 people", 900, "people"), ("40 people", 40, "people")]
    )
    assert measures(an)[40.0] == ("deaths", "", "", ())


def test_and_between_two_names_joins_noun_phrases_not_clauses() -> None:
    # the verb after the second name is the count's: "people ... were diagnosed" are cases
    text = "Three more people from Hamburg and Berlin were also diagnosed, taking the total in Germany to 84."
    an = analysis(
        text,
        entities=gpe("Hamburg", "Berlin", "Germany"),
        quantities=[("Three more people", 3, "people"), ("84", 84, None)],
    )
    got = measures(an)
    assert got[3.0][:3] == ("cases", "", "new")
    assert got[84.0] == ("cases", "", "", ("Germany",))
    # *and* before a clause of its own still bounds the window
    text = "Three more people arrived from Hamburg and officials in Berlin were diagnosed with fatigue."
    an = analysis(text, entities=gpe("Hamburg", "Berlin"), quantities=[("Three more people", 3, "people")])
    assert 3.0 not in measures(an)


def test_the_place_of_the_majority_of_n_is_the_majoritys_not_ns() -> None:
    text = "The vast majority of about 900 cases are in France, with 40 in Germany."
    an = analysis(
        text,
        entities=gpe("France", "Germany"),
        quantities=[("900 cases", 900, "cases"), ("40", 40, None)],
    )
    got = measures(an)
    assert got[900.0] == ("cases", "", "", ("world",))
    assert got[40.0][3] == ("Germany",)
    # no part elsewhere written, but a majority in one country leaves the rest outside it (session 16):
    # the whole is the world's; a majority in a place that is no country says nothing of the whole
    text = "Most of the 900 cases were found in France."
    an = analysis(text, entities=gpe("France"), quantities=[("900 cases", 900, "cases")])
    assert measures(an)[900.0][3] == ("world",)
    text = "Most of the 900 cases were found in Lyon."
    an = analysis(text, entities=gpe("Lyon"), quantities=[("900 cases", 900, "cases")])
    assert measures(an)[900.0][3] == ()


def test_a_place_in_apposition_to_the_noun_a_preposition_introduces_is_introduced() -> None:
    text = "Its tally includes 45 deaths in the epicentre, Germany, and two deaths in France."
    an = analysis(
        text,
        entities=gpe("Germany", "France"),
        quantities=[("45 deaths", 45, "deaths"), ("two deaths", 2, "deaths")],
    )
    got = measures(an)
    assert got[45.0] == ("deaths", "", "", ("Germany",))
    assert got[2.0] == ("deaths", "", "", ("France",))
    # a name after a comma that goes on with a verb is a new clause's subject, not an apposition
    text = "Its tally includes 45 deaths in the study, Germany and France said."
    an = analysis(text, entities=gpe("Germany", "France"), quantities=[("45 deaths", 45, "deaths")])
    assert measures(an)[45.0][3] == ()


def test_a_news_pages_headline_block_ends_at_its_date_line_and_splits_at_a_capitalised_common_word() -> None:
    # a crawled page: headline, standfirst and date line run together with no punctuation
    text = (
        "Peru flood toll reaches 40 Missing villagers searched for in the valley as rains go on "
        "Monday 4 May 2009 09.15 BST Rescuers said the missing villagers were last seen on Sunday."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("40 Missing villagers", 40, "Missing villagers")],
    )
    (v,) = article_facts(an, "s").quantities
    assert (v.key.thing, v.key.about, v.text) == ("deaths", ("Peru",), "40")
    from saidwhat.claims.text import ArticleView

    view = ArticleView.build(an, None, {})
    units = [text[a:b] for a, b in view.sentences]
    assert units[:3] == [
        "Peru flood toll reaches 40",
        "Missing villagers searched for in the valley as rains go on",
        "Monday 4 May 2009 09.15 BST",
    ]
    # a name goes on with its phrase, and a phrase never ends with a preposition ("in Lima")
    text = "Floods in Lima kill 40 Peru appeals for help Monday 4 May 2009 09.15 BST Rescuers said more."
    an = analysis(text, entities=gpe("Lima", "Peru"))
    view = ArticleView.build(an, None, {})
    a, b = view.sentences[0]
    assert text[a:b] == "Floods in Lima kill 40 Peru appeals for help"
    # without a date line the text is split as before
    text = "Flood toll reaches 40 Missing villagers were searched for."
    view = ArticleView.build(analysis(text), None, {})
    assert len(view.sentences) == 1


def test_people_confirmed_to_have_the_disease_are_cases_read_past_an_appositive() -> None:
    text = "At least 12 people are now confirmed to have the virus in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("At least 12 people", 12, "people")])
    assert measures(an)[12.0] == ("cases", "confirmed", "", ("Chile",))
    text = "Health officials in Chile said 30 pupils with swine flu had been sent home."
    an = analysis(text, entities=gpe("Chile"), quantities=[("30 pupils", 30, "pupils")])
    assert measures(an)[30.0][:2] == ("cases", "")
    # an appositive between the count and its verb: the verb is the count's, its place is not
    text = (
        "One more woman, a nurse who had flown in from Peru, was confirmed to have swine flu by the "
        "health ministry late on Tuesday evening, bringing the total number of confirmed cases in Chile "
        "to 12."
    )
    an = analysis(
        text,
        entities=gpe("Peru", "Chile"),
        quantities=[("One more woman", 1, "woman"), ("12", 12, None)],
    )
    got = measures(an)
    assert got[1.0] == ("cases", "confirmed", "new", ("Chile",))
    assert got[12.0] == ("cases", "confirmed", "", ("Chile",))
    # "for every N" is a ratio, not a count: since session 59 the N after it is the ratio's divisor, no value
    text = "For every one person with the virus, another two people get infected."
    an = analysis(text, quantities=[("one person", 1, "person")])
    assert 1.0 not in measures(an)


def test_a_plural_scale_word_names_an_order_of_magnitude_not_a_value() -> None:
    text = "The storm has killed scores of people in Chile, and dozens more died in Peru."
    an = analysis(
        text,
        entities=gpe("Chile", "Peru"),
        quantities=[("scores of people", 20, "people"), ("dozens", 12, None)],
    )
    assert article_facts(an, "s").quantities == []
    # a whole written vaguely still lends its measure to a part written with a number
    text = "The fever has infected thousands of people in Chile, including 40 in the capital."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("thousands of people", 1000, "people"), ("40", 40, None)],
    )
    got = measures(an)
    assert list(got) == [40.0]
    assert got[40.0][:2] == ("cases", "")
    # a number written with digits before a scale word is a value
    text = "The storm has killed 3 million animals in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("3 million animals", 3_000_000, "animals")])
    assert list(measures(an)) == [3_000_000.0]


def test_a_part_after_including_or_with_has_the_state_of_the_whole_before_it() -> None:
    # *including* right before the part, after the whole's own phrase
    text = "Chile has reported more than 700 confirmed cases of the new fever, including 12 deaths."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("more than 700 confirmed cases", 700, "confirmed cases"), ("12 deaths", 12, "deaths")],
    )
    assert measures(an)[12.0] == ("deaths", "confirmed", "", ("Chile",))
    # *with* before a count of another thing of the family, after the countries the whole is counted in
    text = "Confirmed cases of the fever have reached 3,100 in 14 countries, with 40 having died, they said."
    an = analysis(
        text,
        quantities=[("3,100", 3100, None), ("14 countries", 14, "countries"), ("40", 40, None)],
    )
    got = measures(an)
    assert got[3100.0] == ("cases", "confirmed", "", ("world",))
    assert got[40.0] == ("deaths", "confirmed", "", ("world",))
    # a clause boundary between the whole and *including*: not its part
    text = "Chile has 700 confirmed cases, while Peru has reported many deaths, including 12 deaths in Lima."
    an = analysis(
        text,
        entities=gpe("Chile", "Peru", "Lima"),
        quantities=[("700 confirmed cases", 700, "confirmed cases"), ("12 deaths", 12, "deaths")],
    )
    assert measures(an)[12.0][1] == ""


def test_a_count_in_n_states_with_no_country_named_is_of_the_united_states() -> None:
    text = "By Friday the agency had counted 410 confirmed cases of the new fever in 23 states."
    an = analysis(text, quantities=[("410 confirmed cases", 410, "confirmed cases")])
    assert measures(an)[410.0] == ("cases", "confirmed", "", ("United States",))
    text = "Infections rose to at least 95 in 12 US states on Friday."
    an = analysis(text, quantities=[("at least 95", 95, None)])
    assert measures(an)[95.0][3] == ("United States",)
    # another country's states, or a country named with the count, are not the US's
    text = "The fever has infected 410 people in 23 states of Brazil."
    an = analysis(text, entities=gpe("Brazil"), quantities=[("410 people", 410, "people")])
    assert measures(an)[410.0][3] != ("United States",)
    text = "Brazil has 410 confirmed cases in 23 states."
    an = analysis(text, entities=gpe("Brazil"), quantities=[("410 confirmed cases", 410, "confirmed cases")])
    assert measures(an)[410.0][3] == ("Brazil",)


def test_a_state_read_only_from_likely_is_an_estimate_and_no_value() -> None:
    text = "Officials in Chile say around 40,000 people are likely infected and 12 people have died."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("around 40,000 people", 40000, "people"), ("12 people", 12, "people")],
    )
    got = measures(an)
    assert 40000.0 not in got
    # the estimate still lends its place to the count after it
    assert got[12.0] == ("deaths", "", "", ("Chile",))
    # "probable" names a category of cases: a value
    text = "Chile has 30 probable cases of the fever."
    an = analysis(text, entities=gpe("Chile"), quantities=[("30 probable cases", 30, "probable cases")])
    assert measures(an)[30.0] == ("cases", "probable", "", ("Chile",))


def test_a_form_of_estimate_makes_the_count_an_estimate_and_no_value() -> None:
    # the quantity's own qualifier
    text = "There are an estimated 8,200 cases of the fever in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("an estimated 8,200 cases", 8200, "cases")])
    assert measures(an)[8200.0] == ("cases", "", "", ("Chile",))  # no qualifier read: a count
    an.quantities[0].qualifier = "an estimated"
    assert 8200.0 not in measures(an)
    # the verb, and the noun, in the count's window
    text = "The Red Cross estimates 3,500 people have died in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("3,500 people", 3500, "people")])
    assert 3500.0 not in measures(an)
    text = "Officials in Chile cut their estimate of deaths from the fever to 60."
    an = analysis(text, entities=gpe("Chile"), quantities=[("60", 60, None)])
    assert 60.0 not in measures(an)
    text = "Officials in Chile said 60 people have died of the fever."
    an = analysis(text, entities=gpe("Chile"), quantities=[("60 people", 60, "people")])
    assert measures(an)[60.0] == ("deaths", "", "", ("Chile",))
    # between the number and its noun, and lending its measure and place to a part after it
    text = "Chile: 70 estimated deaths (12 confirmed)."
    qs: list[tuple[str, float, str | None]] = [("70 estimated deaths", 70, "deaths"), ("12", 12, None)]
    an = analysis(text, entities=gpe("Chile"), quantities=qs)
    got = measures(an)
    assert 70.0 not in got
    assert got[12.0] == ("deaths", "confirmed", "", ("Chile",))
    # a projection stays one
    text = "Experts in Chile estimate that 9,000 people could be infected by June."
    an = analysis(text, entities=gpe("Chile"), quantities=[("9,000 people", 9000, "people")])
    assert measures(an)[9000.0][2] == "projected"


def test_a_count_that_is_the_subject_or_the_object_of_may_have_is_an_estimate() -> None:
    text = "Up to 5,000 people may have died in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("Up to 5,000 people", 5000, "people")])
    assert 5000.0 not in measures(an)
    text = "More than 90,000 people in Chile might have been infected."
    an = analysis(text, entities=gpe("Chile"), quantities=[("More than 90,000 people", 90000, "people")])
    assert 90000.0 not in measures(an)
    # the object of one, after a qualifier too (session 21: it had stayed a value)
    text = "The fever may have killed 159 people in Chile."
    an = analysis(text, entities=gpe("Chile"), quantities=[("159 people", 159, "people")])
    assert 159.0 not in measures(an)
    text = "In Chile the fever could have infected as many as 2,200 people, and it has killed 31."
    an = analysis(
        text, entities=gpe("Chile"), quantities=[("2,200 people", 2200, "people"), ("31", 31, None)]
    )
    got = measures(an)
    assert 2200.0 not in got and got[31.0] == ("deaths", "", "", ("Chile",))
    # the future perfect and the conditional perfect guess as much ("will have been infected")
    text = "He thinks that some 90,000 people will have been infected in Chile, and 8,000 would have died."
    qs: list[tuple[str, float, str | None]] = [("some 90,000 people", 90000, "people"), ("8,000", 8000, None)]
    got = measures(analysis(text, entities=gpe("Chile"), quantities=qs))
    assert 90000.0 not in got and 8000.0 not in got
    # the count's own verb comes first: the modal is another clause's
    text = "In Chile 40 people have died and officials say more may have been infected."
    an = analysis(text, entities=gpe("Chile"), quantities=[("40 people", 40, "people")])
    assert measures(an)[40.0] == ("deaths", "", "", ("Chile",))


def test_people_made_homeless_are_displaced_not_dead() -> None:
    text = "In Peru as many as 900 people were killed and 40,000 made homeless by the floods."
    qs: list[tuple[str, float, str | None]] = [
        ("as many as 900 people", 900, "people"),
        ("40,000", 40000, None),
    ]
    got = measures(analysis(text, entities=gpe("Peru"), quantities=qs))
    assert got[900.0][0] == "deaths"
    assert got[40000.0][0] == "displaced"
    text = "Floods in Peru have left some 12,000 people homeless."
    got = measures(analysis(text, entities=gpe("Peru"), quantities=[("some 12,000 people", 12000, "people")]))
    assert got[12000.0] == ("displaced", "", "", ("Peru",))


def test_a_count_most_of_which_is_in_one_country_is_the_worlds() -> None:
    """ "90 people, the vast majority of them in France", "almost all of the 60 dead were in France",
    "2,500 cases, mostly in France": the place is where most of the count is; the rest is outside that
    country, so the count is the world's."""
    for text, q, n, counts in (
        (
            "The outbreak has killed 90 people, the vast majority of them in France.",
            "90 people",
            90,
            "people",
        ),
        ("Nearly 2,000 people have been infected, most of them in France.", "2,000 people", 2000, "people"),
        ("Almost all of the 60 dead were in France, officials said.", "60 dead", 60, "dead"),
        ("The fever has infected 2,500 people, mostly in France.", "2,500 people", 2500, "people"),
    ):
        an = analysis(text, entities=gpe("France"), quantities=[(q, n, counts)])
        assert measures(an)[float(n)][3] == ("world",), text
    an = analysis(
        "The outbreak has killed 90 people in France.",
        entities=gpe("France"),
        quantities=[("90 people", 90, "people")],
    )
    assert measures(an)[90.0][3] == ("France",)
    # a majority in a place that is no country says nothing of the whole
    an = analysis(
        "The fever has infected 2,500 people, mostly in Lyon.",
        entities=gpe("Lyon"),
        quantities=[("2,500 people", 2500, "people")],
    )
    assert measures(an)[2500.0][3] == ()


def test_a_state_word_of_the_outbreak_is_not_the_counts() -> None:
    text = "Fears of a possible global flu pandemic grew, with more than 200 people sickened in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("more than 200 people", 200, "people")])
    assert measures(an)[200.0] == ("cases", "", "", ("Peru",))
    text = "Officials in Peru investigated a suspected outbreak after 40 people fell ill."
    an = analysis(text, entities=gpe("Peru"), quantities=[("40 people", 40, "people")])
    assert measures(an)[40.0][1] == ""
    # the state word of the count's own noun stays
    text = "Suspected swine flu cases in Peru had risen to 1,614."
    an = analysis(text, entities=gpe("Peru"), quantities=[("1,614", 1614, None)])
    assert measures(an)[1614.0] == ("cases", "suspected", "", ("Peru",))


def test_a_noun_phrase_after_of_is_no_head_of_the_counted_phrase() -> None:
    # "the confirmed cases of the country's flu infection had reached 3,125": *infection* is the head
    # of the complement after *of*; the phrase's head is *cases*, and its modifier its state
    text = (
        "Chile's Health Ministry said that the confirmed cases of the country's flu infection"
        " had reached 3,125."
    )
    an = analysis(text, entities=gpe("Chile"), quantities=[("3,125", 3125, None)])
    # before: no state (the modifiers read were the complement's: "flu")
    assert measures(an)[3125.0][:2] == ("cases", "confirmed")
    text = "Suspected cases of swine flu infection in Peru had risen to 1,614."
    an = analysis(text, entities=gpe("Peru"), quantities=[("1,614", 1614, None)])
    assert measures(an)[1614.0][:2] == ("cases", "suspected")
    # the complement's own modifier is not the head's state: "cases of confirmed infection" is no rule


def test_an_elliptical_more_and_the_total_it_raised() -> None:
    # "after 13 more were confirmed": *more* with no noun after it leaves out the noun of the count
    # before it; the total the rise reached counts what the rise added, in the increment's state
    text = (
        "The number of swine flu cases in Vietnam has risen to 97 after 13 more were confirmed on Saturday."
    )
    an = analysis(text, entities=gpe("Vietnam"), quantities=[("97", 97, "cases"), ("13", 13, None)])
    got = measures(an)
    # before: 13 was no value, and 97 had no state
    assert got[13.0] == ("cases", "confirmed", "new", ("Vietnam",))
    assert got[97.0] == ("cases", "confirmed", "", ("Vietnam",))
    text = "Cases in Peru rose to 40 as 12 more people were confirmed to be infected."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("40", 40, None), ("12 more people", 12, "more people")]
    )
    assert measures(an)[40.0][:2] == ("cases", "confirmed")
    # a total's own state stays; a rise that names no state lends none
    text = "Suspected cases in Peru rose to 40 after 12 more were confirmed."
    an = analysis(text, entities=gpe("Peru"), quantities=[("40", 40, None), ("12", 12, None)])
    assert measures(an)[40.0][:2] == ("cases", "suspected")
    text = "Cases in Peru rose to 40 after 12 more were reported."
    an = analysis(text, entities=gpe("Peru"), quantities=[("40", 40, None), ("12", 12, None)])
    assert measures(an)[40.0][:2] == ("cases", "")


def test_a_partitive_that_says_something_else_of_its_part_is_no_value() -> None:
    text = "There are now 23 confirmed cases of H1N1 in Ireland, 4 of which involved in-country transmission."
    an = analysis(
        text,
        entities=gpe("Ireland"),
        quantities=[("23 confirmed cases", 23, "confirmed cases"), ("4", 4, None)],
    )
    # before: the four were confirmed cases of Ireland, a second value of the 23's measure
    assert 4.0 not in measures(an)
    # a part in a place, or said to have died, is one
    text = "There are now 23 confirmed cases of H1N1 in Ireland, 4 of them in Dublin."
    an = analysis(
        text,
        entities=gpe("Ireland", "Dublin"),
        quantities=[("23 confirmed cases", 23, "confirmed cases"), ("4", 4, None)],
    )
    assert measures(an)[4.0][:2] == ("cases", "confirmed")
    text = "Peru has 40 cases, 2 of whom have died."
    an = analysis(text, entities=gpe("Peru"), quantities=[("40 cases", 40, "cases"), ("2", 2, None)])
    assert 2.0 in measures(an)


def test_a_countrys_name_that_joins_two_names_is_one_place() -> None:
    # NER reads "Trinidad and Tobago" and "St Kitts and Nevis" as two places each
    text = (
        "Two deaths were reported in Suriname and one in St Kitts and Nevis, and Trinidad and Tobago"
        " has 210 cases."
    )
    an = analysis(
        text,
        entities=gpe("Suriname", "St Kitts", "Trinidad", "Tobago"),
        quantities=[("Two deaths", 2, "deaths"), ("one", 1, None), ("210 cases", 210, "cases")],
    )
    got = measures(an)
    # before: the one death was Suriname's (the *and* of the name ended its window), the cases Tobago's
    assert got[1.0][3] == ("Saint Kitts and Nevis",)
    assert got[210.0][3] == ("Trinidad and Tobago",)
    assert got[2.0][3] == ("Suriname",)


def test_a_national_total_after_a_regions_count_is_the_regions_countrys() -> None:
    text = (
        "Ten people tested positive for swine flu in Gujarat, taking the total number of those afflicted"
        " by the disease countrywide to 1,203."
    )
    an = analysis(
        text, entities=gpe("Gujarat"), quantities=[("Ten people", 10, "people"), ("1,203", 1203, None)]
    )
    # before: no value (those "afflicted by the disease" counted nothing), and the region's place after it
    assert measures(an)[1203.0] == ("cases", "", "", ("India",))
    assert measures(an)[10.0][3] == ("Gujarat",)


def test_a_sentence_that_opens_with_a_condition_supposes_its_figures() -> None:
    text = "Assuming that 5 million people in Peru are infected, probably 100,000 of them will die."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("5 million people", 5000000, "people"), ("100,000", 100000, None)],
    )
    # before: 5 million cases and 100,000 deaths of Peru
    assert measures(an) == {}
    # after a comma too; a figure before the condition is none of it
    text = (
        "Peru has 40 cases, and assuming that 5,000 people are infected, 100 of them will die,"
        " officials said."
    )
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("40 cases", 40, "cases"), ("5,000 people", 5000, "people"), ("100", 100, None)],
    )
    assert set(measures(an)) == {40.0}
    # a condition of relevance supposes nothing of a clause with no modal
    text = "If you are keeping track, the figures are these: 43 more cases were announced in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("43 more cases", 43, "more cases")])
    assert measures(an)[43.0] == ("cases", "", "new", ("Peru",))


def test_a_part_set_off_by_commas_is_no_word_of_a_later_count() -> None:
    text = (
        "Six more cases of influenza, including this latest fatality, have also been reported in Jamaica,"
        " bringing the total to 39."
    )
    an = analysis(
        text, entities=gpe("Jamaica"), quantities=[("Six more cases", 6, "more cases"), ("39", 39, None)]
    )
    # before: the total of 39 counted deaths (the aside's "fatality")
    assert measures(an)[39.0] == ("cases", "", "", ("Jamaica",))


def test_a_number_set_off_by_a_dash_is_the_value_of_its_clauses_noun() -> None:
    text = (
        "Cuba had the most swine flu cases in the Caribbean up to last week – 677, with the Dominican"
        " Republic reporting 424."
    )
    an = analysis(
        text, entities=gpe("Cuba", "Dominican Republic"), quantities=[("677", 677, None), ("424", 424, None)]
    )
    got = measures(an)
    # before: neither was a value (the dash ended the number's window before "cases" and "Cuba")
    assert got[677.0] == ("cases", "", "", ("Cuba",))
    assert got[424.0] == ("cases", "", "", ("Dominican Republic",))


def test_a_count_in_the_week_just_past_is_an_increment() -> None:
    text = "In the past week, 12 Peruvians have died of swine flu."
    an = analysis(text, entities=gpe("Peru"), quantities=[("12 Peruvians", 12, "Peruvians")])
    # before: the toll of Peru (the fronted span is a timex, none of the count's words)
    assert measures(an)[12.0] == ("deaths", "", "new", ("Peru",))
    text = "Mexico reported 40 deaths in the past week."
    an = analysis(text, entities=gpe("Mexico"), quantities=[("40 deaths", 40, "deaths")])
    assert measures(an)[40.0][2] == "new"
    # the value a change reached in it stays a total
    text = "In the past week, cases in Peru rose to 300."
    an = analysis(text, entities=gpe("Peru"), quantities=[("300", 300, None)])
    assert measures(an)[300.0][2] == ""


def test_a_number_higher_than_an_earlier_days_is_a_rise_and_the_level_after_it_a_total() -> None:
    text = (
        "Deaths remained at 13 on Wednesday, with confirmed cases in New Zealand 44 higher than on Tuesday"
        " at 2748."
    )
    an = analysis(
        text,
        entities=gpe("New Zealand"),
        quantities=[("13", 13, None), ("44", 44, None), ("2748", 2748, None)],
    )
    got = measures(an)
    # before: 44 was the cases' level and 2748 no value
    assert got[44.0] == ("cases", "confirmed", "new", ("New Zealand",))
    assert got[2748.0] == ("cases", "confirmed", "", ("New Zealand",))


def test_a_part_after_the_count_of_countries_and_after_and_includes() -> None:
    text = "Confirmed cases worldwide total 52,160 in more than 80 countries, and include 231 deaths."
    an = analysis(
        text,
        quantities=[
            ("52,160", 52160, None),
            ("more than 80 countries", 80, "countries"),
            ("231 deaths", 231, "deaths"),
        ],
    )
    # before: the deaths kept no state (the count of countries' *than* and the *and* before the verb
    # of the same subject each ended the whole's phrase)
    assert measures(an)[231.0] == ("deaths", "confirmed", "", ("world",))


def test_a_count_whose_subject_is_the_disease_is_the_worlds() -> None:
    # (in an article that writes the disease as more than one country's: session 18)
    text = (
        "Millions stayed indoors to avoid a virus that has already killed up to 103 people. It is worldwide."
    )
    an = analysis(text, quantities=[("up to 103 people", 103, "people")])
    assert measures(an)[103.0] == ("deaths", "", "", ("world",))
    # a toll there, or a count at a place of its own, is not the world's
    text = "The virus has killed 40 people there."
    an = analysis(text, quantities=[("40 people", 40, "people")])
    assert measures(an)[40.0][3] == ()
    # a subject that is no disease
    text = "The storm has killed 30 people."
    an = analysis(text, quantities=[("30 people", 30, "people")])
    assert measures(an)[30.0][3] == ()


def test_a_frequency_after_a_verb_of_change_is_no_rate() -> None:
    text = "There have been nearly 30,000 cases globally and 141 deaths, with figures rising daily."
    qs: list[tuple[str, float, str | None]] = [
        ("nearly 30,000 cases", 30000, "cases"),
        ("141 deaths", 141, "deaths"),
    ]
    an = analysis(text, quantities=qs, timexes=[("daily", "SET", "P1D")])
    assert measures(an)[141.0] == ("deaths", "", "", ("world",))
    text = "In Peru 300 people die daily of the fever."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[("300 people", 300, "people")],
        timexes=[("daily", "SET", "P1D")],
    )
    assert measures(an)[300.0][2] == "rate"


def test_deaths_of_drug_violence_are_no_values_of_the_disease() -> None:
    text = "Drug gangs whose turf wars have killed about 2,300 people in Peru this year are on the run."
    an = analysis(text, entities=gpe("Peru"), quantities=[("about 2,300 people", 2300, "people")])
    assert 2300.0 not in measures(an)


def test_a_qualifier_after_the_number_is_not_its_nouns_modifier() -> None:
    text = "Peru now has 1,000 or so confirmed cases of the fever."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("1,000 or so confirmed cases", 1000, "confirmed cases")]
    )
    assert measures(an)[1000.0] == ("cases", "confirmed", "", ("Peru",))


def test_a_world_word_in_the_counts_own_phrase_is_its_place() -> None:
    text = "Peru, where most of the 900 or so worldwide flu cases have been found, closed its schools."
    qs: list[tuple[str, float, str | None]] = [("900 or so worldwide flu cases", 900, "worldwide flu cases")]
    an = analysis(text, entities=gpe("Peru"), quantities=qs)
    assert measures(an)[900.0] == ("cases", "", "", ("world",))


def test_the_disease_as_subject_of_a_non_restrictive_relative_clause() -> None:
    text = "Officials met to discuss the flu, which has killed 79 people, on Tuesday. It is worldwide."
    an = analysis(text, quantities=[("79 people", 79, "people")])
    assert measures(an)[79.0] == ("deaths", "", "", ("world",))


def test_a_toll_of_a_located_event_is_where_the_article_writes_the_event() -> None:
    text = "Rescuers dug all night after the earthquake that struck Peru. The quake has left 700 dead."
    an = analysis(text, entities=gpe("Peru"), quantities=[("700 dead", 700, "dead")])
    assert measures(an)[700.0] == ("deaths", "", "", ("Peru",))
    text = "Aid poured in for the Peru earthquake victims. The death toll from the disaster rose to 900."
    an = analysis(text, entities=gpe("Peru"), quantities=[("900", 900, None)])
    assert measures(an)[900.0] == ("deaths", "", "", ("Peru",))
    # two countries where the article writes such events: no place
    text = "The Peru earthquake came a month after the Chile earthquake. The quake has left 700 people dead."
    an = analysis(text, entities=gpe("Peru", "Chile"), quantities=[("700 people", 700, "people")])
    assert measures(an)[700.0][3] == ()
    # a country named with the event only in passing ("Peru and the quake") is not where it struck
    text = "Donors met in Peru and the quake was discussed. The quake has left 700 people dead."
    an = analysis(text, entities=gpe("Peru"), quantities=[("700 people", 700, "people")])
    assert measures(an)[700.0][3] == ()


def test_a_group_of_victims_is_a_measure_of_its_own() -> None:
    text = "More than 4,000 US soldiers have been killed in Iraq."
    an = analysis(text, entities=gpe("Iraq"), quantities=[("4,000 US soldiers", 4000, "US soldiers")])
    # a nation's soldiers are its toll wherever they died (session 47; Iraq before, where US and British
    # soldiers' tolls would have shared one series)
    assert measures(an)[4000.0] == ("soldier deaths", "", "", ("United States",))
    text = "More than 100,000 Iraqi civilians have died in Iraq."
    an = analysis(
        text, entities=gpe("Iraq"), quantities=[("100,000 Iraqi civilians", 100000, "Iraqi civilians")]
    )
    assert measures(an)[100000.0] == ("civilian deaths", "", "", ("Iraq",))
    # people are no group: the count of everyone killed
    text = "At least 115 people were killed in Iraq."
    an = analysis(text, entities=gpe("Iraq"), quantities=[("115 people", 115, "people")])
    assert measures(an)[115.0] == ("deaths", "", "", ("Iraq",))


def test_lives_are_deaths_only_with_a_verb_of_loss() -> None:
    text = "The floods in Peru claimed 45 lives."
    an = analysis(text, entities=gpe("Peru"), quantities=[("45 lives", 45, "lives")])
    assert measures(an)[45.0] == ("deaths", "", "", ("Peru",))
    text = "Some 1,200 lives were lost in the floods in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("Some 1,200 lives", 1200, "lives")])
    assert measures(an)[1200.0][0] == "deaths"
    text = "The quake in Peru claimed the lives of 300 people."
    an = analysis(text, entities=gpe("Peru"), quantities=[("300 people", 300, "people")])
    assert measures(an)[300.0][0] == "deaths"
    # lives saved, protected or fled for are no deaths
    text = "The new vaccine saved 20,000 lives in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("20,000 lives", 20000, "lives")])
    assert measures(an)[20000.0][0] == "lives"
    text = "Most of the 300,000 residents of the town in Peru fled for their lives."
    an = analysis(text, entities=gpe("Peru"), quantities=[("300,000 residents", 300000, "residents")])
    assert 300000.0 not in measures(an)
    text = "Women asked Peru to protect the lives of 13 million women."
    an = analysis(text, entities=gpe("Peru"), quantities=[("13 million women", 13_000_000, "women")])
    assert 13_000_000.0 not in measures(an)


def test_a_physical_measure_counts_nothing() -> None:
    text = "A mortar attack in Tacna, 60 miles south of Lima, killed a woman."
    an = analysis(text, entities=gpe("Lima"), quantities=[("60 miles", 60, None)])
    assert measures(an)[60.0][0] == "attack deaths"  # what a bare number there would be read as
    an.quantities[0].kind, an.quantities[0].unit = "measure", "mile"
    assert 60.0 not in measures(an)


def test_one_incidents_toll_is_a_measure_of_its_own_dated_by_its_sentence() -> None:
    text = "Two car bombs exploded in Lima yesterday, killing 26 people."
    an = analysis(
        text,
        entities=gpe("Lima"),
        timexes=[("yesterday", "DATE", "2009-04-30")],
        quantities=[("26 people", 26, "people")],
    )
    assert measures(an)[26.0] == ("attack deaths", "", "", ("Lima", "2009-04-30"))
    # no dated time expression: the publication date
    text = "A commuter train crashed near Lima, killing 49 people."
    an = analysis(text, entities=gpe("Lima"), quantities=[("49 people", 49, "people")])
    assert measures(an)[49.0] == ("crash deaths", "", "", ("Lima", "2009-05-01"))


def test_a_toll_over_a_span_of_time_or_a_disasters_is_no_incidents() -> None:
    text = "At least 370 people have been killed in bomb attacks in Lima over the past two weeks."
    an = analysis(text, entities=gpe("Lima"), quantities=[("At least 370 people", 370, "people")])
    # (and, since session 47, what the two weeks added, as "over the past week" is)
    assert measures(an)[370.0] == ("deaths", "", "new", ("Lima",))
    text = "A roadside bomb killed a soldier, bringing to 98 the number of soldiers killed in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("98", 98, None)])
    assert measures(an)[98.0][0] == "deaths"
    text = "The earthquake in Peru killed more than 300 people."
    an = analysis(text, entities=gpe("Peru"), quantities=[("more than 300 people", 300, "people")])
    assert measures(an)[300.0] == ("deaths", "", "", ("Peru",))


def test_an_amount_linked_to_its_noun_by_a_preposition_is_of_that_noun() -> None:
    for text, amount in [
        ("Britain pledged $100m in emergency aid for Peru.", "$100m"),
        ("The Commission approved $4m of emergency funding for Peru.", "$4m"),
        ("The government has given £6m to the relief effort in Peru.", "£6m"),
    ]:
        an = analysis(text, entities=gpe("Peru"), quantities=[(amount, 1_000_000, None)])
        an.quantities[0].kind, an.quantities[0].unit = "money", "USD"
        assert measures(an)[1_000_000.0][0] == "aid", text
    # a noun the words between do not fit stays a measure of its own
    text = "The bank keeps $5m in the vault for aid to Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("$5m", 5_000_000, None)])
    an.quantities[0].kind, an.quantities[0].unit = "money", "USD"
    assert measures(an)[5_000_000.0][0] == "in the vault for aid"


def _money(an: Analysis, currency: str = "USD") -> Analysis:
    for q in an.quantities:
        q.kind, q.unit = "money", currency
    return an


def test_an_amount_of_aid_is_its_givers() -> None:
    text = "The United States pledged $100m in aid to Haiti."
    an = _money(
        analysis(text, entities=gpe("United States", "Haiti"), quantities=[("$100m", 100_000_000, None)])
    )
    assert measures(an)[1e8] == ("aid", "pledged", "", ("from United States", "Haiti"))
    text = "Haiti received $50m in aid from France on Monday."
    an = _money(analysis(text, entities=gpe("Haiti", "France"), quantities=[("$50m", 50_000_000, None)]))
    assert measures(an)[5e7][3][0] == "from France"
    # a total of several givers has none
    text = "A total of $270m in aid has been pledged to Haiti."
    an = _money(analysis(text, entities=gpe("Haiti"), quantities=[("$270m", 270_000_000, None)]))
    assert measures(an)[2.7e8][0] == "aid" and not any(a.startswith("from ") for a in measures(an)[2.7e8][3])


def test_several_givers_pledges_are_no_series_one_givers_are() -> None:
    from saidwhat.claims.lexicon import load_lexicon
    from saidwhat.claims.quantity import group_values

    days = [
        ("d1", "2010-01-14", "The United States pledged $100m in aid to Haiti.", "$100m", 100_000_000),
        ("d2", "2010-01-20", "The United States pledged $300m in aid to Haiti.", "$300m", 300_000_000),
        ("d3", "2010-01-15", "In Haiti, $20m in aid was pledged on Friday.", "$20m", 20_000_000),
        ("d4", "2010-01-16", "In Haiti, $40m in aid was pledged on Saturday.", "$40m", 40_000_000),
    ]
    values = []
    for doc, published, text, amount, value in days:
        places = gpe(*(p for p in ("United States", "Haiti") if p in text))
        an = _money(analysis(text, entities=places, quantities=[(amount, value, None)], published=published))
        an.doc.id = doc
        values += article_facts(an, "s").quantities
    claims = {c.key.about: c for c in group_values(values, load_lexicon()) if c.key is not None}
    assert [u.kind for u in claims[("from United States", "Haiti")].updates] == ["raised"]
    assert len(claims[("Haiti",)].values) == 2 and claims[("Haiti",)].updates == []


def test_the_agents_of_a_passive_harm_count_no_victims() -> None:
    text = "The envoy was shot dead by two men in Lima."
    an = analysis(text, entities=gpe("Lima"), quantities=[("two men", 2, "men")])
    assert 2.0 not in measures(an)
    text = "Three people in Lima were wounded by two men."
    an = analysis(
        text, entities=gpe("Lima"), quantities=[("Three people", 3, "people"), ("two men", 2, "men")]
    )
    assert 2.0 not in measures(an) and measures(an)[3.0][0] == "injured"
    # the amount of a rise after *by* stays a value
    text = "The death toll in Peru rose by 12 to 140."
    an = analysis(text, entities=gpe("Peru"), quantities=[("12", 12, None), ("140", 140, None)])
    assert measures(an)[12.0][:3] == ("deaths", "", "new")


def test_a_natural_disasters_toll_is_its_own_unless_it_is_its_storys() -> None:
    from saidwhat.claims.lexicon import load_lexicon
    from saidwhat.claims.quantity import resolve_diseases

    texts = [
        ("q1", "The earthquake in Peru killed more than 300 people.", "more than 300 people", 300),
        ("q2", "The quake in Peru has killed 500 people, officials said.", "500 people", 500),
        ("q3", "Peru's earthquake toll rose to 700 people on Monday.", "700 people", 700),
        ("q4", "Aid groups recalled the tsunami that killed 250,000 in Asia.", "250,000", 250_000),
    ]
    values = []
    for doc, text, amount, value in texts:
        places = gpe(*(p for p in ("Peru", "Asia") if p in text))
        an = analysis(text, entities=places, quantities=[(amount, value, "people")])
        an.doc.id = doc
        values += article_facts(an, "s").quantities
    things = {v.value: v.key.thing for v in resolve_diseases(values, load_lexicon())}
    assert things == {300: "deaths", 500: "deaths", 700: "deaths", 250_000: "tsunami deaths"}


def test_numbers_are_shown_as_people_write_them() -> None:
    from saidwhat.claims.model import show_amount, show_number

    assert [show_number(x) for x in (354_000_000, 2e7, 6_150_000.0, 1700, 2.5, 0.125)] == [
        "354,000,000",
        "20,000,000",
        "6,150,000",
        "1,700",
        "2.5",
        "0.125",
    ]
    assert (
        show_amount({"value": None, "low": 1700, "high": 2000, "qualifier": "up to"}) == "up to 1,700–2,000"
    )
    assert show_amount({"value": None, "low": None, "high": None}) == ""


# -- session 18: places across clause boundaries -----------------------------------------------


def test_a_place_before_the_antecedent_of_a_tolls_relative_clause_is_the_main_clauses() -> None:
    # (two countries in the sentence: with one, the sentence's country would place the toll, as "Mexican
    # authorities ... contain a new strain of the swine flu virus that has killed 81" is Mexico's)
    text = (
        "Four travellers from Peru were kept in quarantine in Chile for the new virus that has killed 52 "
        "people. It is global."
    )
    an = analysis(text, entities=gpe("Chile", "Peru"), quantities=[("52 people", 52, "people")])
    assert measures(an)[52.0] == ("deaths", "", "", ("world",))
    # a place that describes the antecedent stays the count's
    text = "Officials studied Chile's flu outbreak, which has killed 52 people."
    an = analysis(text, entities=gpe("Chile"), quantities=[("52 people", 52, "people")])
    assert measures(an)[52.0] == ("deaths", "", "", ("Chile",))


def test_a_place_after_a_relative_clause_closes_is_the_main_clauses() -> None:
    text = "The virus, which has infected 9,000 people in 40 nations, with 70 deaths, has been worst in Peru."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("9,000 people", 9000, "people"), ("70 deaths", 70, "deaths")]
    )
    assert measures(an)[70.0] == ("deaths", "", "", ("world",))
    # no relative clause: the count's own verb places it
    text = "The 70 deaths, all of them adults, were confirmed in Peru."
    an = analysis(text, entities=gpe("Peru"), quantities=[("70 deaths", 70, "deaths")])
    assert measures(an)[70.0] == ("deaths", "confirmed", "", ("Peru",))


def test_a_diseases_name_or_a_demonym_before_the_noun_leaves_the_thing_what_it_is() -> None:
    text = "Malawi has recorded 1,900 suspected cholera cases, the ministry said."
    an = analysis(
        text,
        entities=gpe("Malawi"),
        quantities=[("1,900 suspected cholera cases", 1900, "suspected cholera cases")],
    )
    assert measures(an)[1900.0] == ("cases", "suspected", "", ("Malawi",))
    text = "Officials counted 14 Peruvian deaths."
    an = analysis(
        text,
        entities=[("Peruvian", "Peru", "GPE")],
        quantities=[("14 Peruvian deaths", 14, "Peruvian deaths")],
    )
    assert measures(an)[14.0] == ("deaths", "", "", ("Peru",))
    # other modifiers still make a measure of their own
    text = "Officials counted 800 influenza-like cases."
    an = analysis(text, quantities=[("800 influenza-like cases", 800, "influenza-like cases")])
    assert measures(an)[800.0] == ("influenza-like case", "", "", ())


def test_a_count_joined_by_and_to_an_including_part_is_a_part_of_the_same_whole() -> None:
    text = "Malawi has recorded 1,900 suspected cases, including 12 confirmed deaths and 30 suspected deaths."
    an = analysis(
        text,
        entities=gpe("Malawi"),
        quantities=[
            ("1,900 suspected cases", 1900, "suspected cases"),
            ("12 confirmed deaths", 12, "confirmed deaths"),
            ("30 suspected deaths", 30, "suspected deaths"),
        ],
    )
    got = measures(an)
    assert got[12.0] == ("deaths", "confirmed", "", ("Malawi",))
    assert got[30.0] == ("deaths", "suspected", "", ("Malawi",))


def test_a_verb_right_before_the_next_number_is_that_numbers() -> None:
    text = "The gunman accused of shooting five people, killing at least two, was arrested in Lima."
    an = analysis(text, entities=gpe("Lima"), quantities=[("five people", 5, "people"), ("two", 2, None)])
    got = measures(an)
    assert 5.0 not in got and got[2.0][0].endswith("deaths")
    # a preposition between the verb and the number: the verb is the count's own
    text = "Three soldiers died in two separate attacks on Monday."
    an = analysis(text, quantities=[("Three soldiers", 3, "soldiers"), ("two", 2, None)])
    assert measures(an)[3.0][0].endswith("deaths")


def test_a_count_joined_by_and_to_an_including_part_keeps_its_own_state() -> None:
    text = "Malawi has 271 suspected cases, including 12 confirmed cases and 14 deaths."
    an = analysis(
        text,
        entities=gpe("Malawi"),
        quantities=[
            ("271 suspected cases", 271, "suspected cases"),
            ("12 confirmed cases", 12, "confirmed cases"),
            ("14 deaths", 14, "deaths"),
        ],
    )
    # not *confirmed* deaths: "confirmed" is the cases' before it
    assert measures(an)[14.0] == ("deaths", "", "", ("Malawi",))


def test_a_diseases_own_toll_is_the_worlds_only_where_it_spans_countries() -> None:
    local = "The ministry said the disease killed 58 people in the city between Thursday and Saturday."
    an = analysis(local, quantities=[("58 people", 58, "people")])
    assert measures(an)[58.0] == ("deaths", "", "", ())
    wide = "The disease killed 58 people, and cases are now reported in several countries."
    an = analysis(wide, quantities=[("58 people", 58, "people")])
    assert measures(an)[58.0] == ("deaths", "", "", ("world",))


def test_a_preposition_ends_the_noun_phrase_a_total_counts() -> None:
    """ "the number of patients in Chile confirmed with flu": the counted phrase is *patients* (before:
    the preposition *in* was read as the counted noun, a generic measure), so the predicates say what
    is counted, as for *people*."""
    text = "Officials reported a jump in the number of patients in Chile confirmed with swine flu, to 640."
    an = analysis(text, entities=gpe("Chile"), quantities=[("640", 640, None)])
    assert measures(an)[640.0] == ("cases", "confirmed", "", ("Chile",))
    text = "Officials said the number of people killed in the storm in Chile could be as high as 9,000."
    an = analysis(text, entities=gpe("Chile"), quantities=[("9,000", 9000, None)])
    assert measures(an)[9000.0][:3] == ("deaths", "", "projected")


def test_up_opening_its_phrase_is_a_rise_by_the_number() -> None:
    text = "The number of patients in Chile confirmed with swine flu grew again - up 212 since Monday."
    an = analysis(text, entities=gpe("Chile"), quantities=[("212", 212, None)])
    assert measures(an)[212.0] == ("cases", "confirmed", "new", ("Chile",))
    # a verb's particle is no rise, nor is "up to", a bound
    text = "Police in Chile rounded up 30 people infected with swine flu."
    an = analysis(text, entities=gpe("Chile"), quantities=[("30 people", 30, "people")])
    assert measures(an)[30.0][2] == ""
    text = "In Chile, up to 40 people have died of flu."
    an = analysis(text, entities=gpe("Chile"), quantities=[("up to 40 people", 40, "people")])
    assert measures(an)[40.0][2] == ""


def test_people_said_to_be_ill_are_cases() -> None:
    text = "The ministry in Chile said 1,420 people were ill but were being treated."
    an = analysis(text, entities=gpe("Chile"), quantities=[("1,420 people", 1420, "people")])
    assert measures(an)[1420.0] == ("cases", "", "", ("Chile",))
    text = "The new strain has killed 12 people in Chile and made more than 900 people ill there."
    an = analysis(
        text,
        entities=gpe("Chile"),
        quantities=[("12 people", 12, "people"), ("more than 900 people", 900, "people")],
    )
    assert measures(an)[900.0][:3] == ("cases", "", "")


def test_a_gapped_count_of_people_shares_the_predicate_of_the_one_before() -> None:
    text = (
        "The agency has confirmed 700 infections in 9 countries, including 410 people infected in Chile "
        "and 120 people in Peru."
    )
    qs = [
        ("700 infections", 700, "infections"),
        ("9 countries", 9, "countries"),
        ("410 people", 410, "people"),
        ("120 people", 120, "people"),
    ]
    got = measures(analysis(text, entities=gpe("Chile", "Peru"), quantities=qs))
    assert got[410.0][0] == got[120.0][0] == "cases"
    assert got[120.0][3] == ("Peru",)
    # a count with a predicate of its own is no gapped item
    text = "The storm killed 400 people in Chile and 9,000 people affected by the storm lost their homes."
    qs = [("400 people", 400, "people"), ("9,000 people", 9000, "people")]
    got = measures(analysis(text, entities=gpe("Chile"), quantities=qs))
    assert got.get(9000.0, ("",))[0] != "deaths"


def test_a_sibilant_plural_loses_its_es() -> None:
    """A generic measure is named by its noun's singular: "two black boxes" is *black box* (before:
    "black boxe", "viruse", "churche")."""
    from saidwhat.claims.text import singular

    got = [
        singular(w) for w in ("boxes", "churches", "crashes", "witnesses", "viruses", "headaches", "beaches")
    ]
    assert got == ["box", "church", "crash", "witness", "virus", "headache", "beach"]
    assert [singular(w) for w in ("cases", "causes", "deaths", "fatalities")] == [
        "case",
        "cause",
        "death",
        "fatality",
    ]
    # an -s that is no plural ending stays ("welcomes the news": *news*, not *new*; "two species")
    assert [singular(w) for w in ("news", "species", "series", "measles")] == [
        "news",
        "species",
        "series",
        "measles",
    ]


def test_a_global_bodys_labs_give_its_figures() -> None:
    text = "The virus has been found in 40 countries. WHO labs have confirmed nearly 9,000 infections."
    st = {"speaker": "WHO labs", "name": "WHO labs", "cue": "confirmed", "lemma": "confirm", "act": "confirm"}
    st["content"] = "nearly 9,000 infections"
    an = analysis(
        text,
        statements=[st],
        quantities=[("40 countries", 40, "countries"), ("nearly 9,000 infections", 9000, "infections")],
    )
    assert measures(an)[9000.0] == ("cases", "confirmed", "", ("world",))


# -- session 20: an article about another disease -----------------------------------------------


def test_an_unnamed_count_of_an_article_about_another_disease_is_that_diseases() -> None:
    from saidwhat.claims.lexicon import load_lexicon
    from saidwhat.claims.quantity import resolve_diseases

    texts = [
        ("f1", "Swine flu has killed 20 people in Peru.", "20 people", 20),
        ("f2", "The swine flu toll in Chile rose to 30 deaths.", "30", 30),
        (
            "p1",
            "Libya reported an outbreak of bubonic plague. The plague is rare; swine flu is not. "
            "Plague kills few people today. The United States sees about 15 cases each year.",
            "15",
            15,
        ),
        # two diseases named more than once: the article is about both, an unnamed count is the story's
        (
            "b1",
            "Bird flu is deadlier than swine flu. Bird flu and swine flu may mix. Bird flu spreads. "
            "Peru has 40 cases.",
            "40",
            40,
        ),
    ]
    values = []
    for doc, text, amount, value in texts:
        places = gpe(*(p for p in ("Peru", "Chile", "Libya", "United States") if p in text))
        an = analysis(text, entities=places, quantities=[(amount, value, None)])
        an.doc.id = doc
        values += article_facts(an, "s").quantities
    things = {v.value: v.key.thing for v in resolve_diseases(values, load_lexicon())}
    assert things == {20: "deaths", 30: "deaths", 15: "plague cases", 40: "cases"}


def test_a_verb_of_a_state_governs_every_conjunct_of_its_object() -> None:
    text = "By Friday, WHO had confirmed 44,287 cases of the new flu and 180 deaths in the world."
    an = analysis(text, quantities=[("44,287 cases", 44287, "cases"), ("180 deaths", 180, "deaths")])
    assert measures(an)[180.0][:2] == ("deaths", "confirmed")
    text = "Peru has confirmed 70 cases of the new flu, with 3 deaths."
    an = analysis(
        text, entities=gpe("Peru"), quantities=[("70 cases", 70, "cases"), ("3 deaths", 3, "deaths")]
    )
    assert measures(an)[3.0][:2] == ("deaths", "confirmed")
    # an adjective is its own noun's: the deaths are not said to be confirmed
    text = "Peru has 70 confirmed cases and 3 deaths."
    an = analysis(text, entities=gpe("Peru"), quantities=[("70", 70, None), ("3 deaths", 3, "deaths")])
    assert measures(an)[3.0][:2] == ("deaths", "")


def test_an_abbreviation_before_a_space_ends_no_sentence_a_line_break_always_does() -> None:
    from saidwhat.claims.text import sentences

    text = (
        "Peru has 40 cases, the U.S. Centers for Disease Control said. Dr. Chan agreed.\n"
        "U.S. officials said nothing."
    )
    got = [text[a:b] for a, b in sentences(text)]
    assert got == [
        "Peru has 40 cases, the U.S. Centers for Disease Control said.",
        "Dr. Chan agreed.",
        "U.S. officials said nothing.",
    ]


def test_another_count_in_another_state_is_the_other_part_of_the_sentences_first_count() -> None:
    text = "Peru has 403 confirmed cases in 38 towns, officials said, with another 700 probable cases."
    an = analysis(
        text,
        entities=gpe("Peru"),
        quantities=[
            ("403 confirmed cases", 403, "confirmed cases"),
            ("38 towns", 38, "towns"),
            ("700", 700, None),
        ],
    )
    assert measures(an)[700.0] == ("cases", "probable", "", ("Peru",))
