"""Session 61: rules of English read while building a new annotated development set (docs/claims.md,
"Fronted spans ... (session 61)")."""

from __future__ import annotations

from tests.claims_fixtures import keys_of as _of

# --- a span that opens its sentence dates the clause after it -----------------------------------------


def test_a_fronted_span_since_a_day_is_what_the_days_added() -> None:
    # before: no aspect (the span's pattern read only a lower-case "since")
    assert _of("Since Monday, 17 people have died of swine flu in Brazil.", 17) == [
        ("deaths", "", "new", "Brazil")
    ]


def test_a_fronted_span_reaches_past_the_subject_of_its_clause() -> None:
    # before: no aspect (the comma after the span was read as a clause's break)
    assert _of("Since yesterday, Mexico has confirmed 25 cases of swine flu.", 25) == [
        ("cases", "confirmed", "new", "Mexico")
    ]


def test_a_fronted_span_of_months_with_a_capital() -> None:
    text = "During the first six months of the year, 300 people died of swine flu in Argentina."
    assert _of(text, 300) == [("deaths", "", "new", "Argentina")]


def test_a_fronted_span_does_not_make_a_level_new() -> None:
    assert _of("Since Monday, Mexico's death toll has reached 45.", 45) == [("deaths", "", "", "Mexico")]
    assert _of("Since Tuesday, Argentina has a total of 300 confirmed cases.", 300) == [
        ("cases", "confirmed", "", "Argentina")
    ]
    assert _of("Since Monday, Spain's tally has been 120 cases.", 120) == [("cases", "", "", "Spain")]


def test_a_fronted_span_with_another_clause_between_is_not_the_counts() -> None:
    text = "Since Monday, when the school closed, officials have counted 30 cases of swine flu in Chile."
    assert _of(text, 30) == [("cases", "", "", "Chile")]


# --- a capital's dateline in capitals before a colon --------------------------------------------------


def test_a_capitals_dateline_before_a_colon_and_a_sentence_places_the_lead() -> None:
    text = "RIYADH: Four new cases of swine flu were identified yesterday, the Ministry of Health said."
    # before: no place (the count after the colon was read as a list line headed by a place)
    assert _of(text, 4) == [("cases", "", "new", "Saudi Arabia")]


def test_a_capitals_dateline_of_two_words_is_its_countrys() -> None:
    # before: the place "NEW DELHI" (the dateline read as the count's own place)
    assert _of("NEW DELHI: Four new cases of swine flu were identified yesterday.", 4) == [
        ("cases", "", "new", "India")
    ]


def test_a_country_in_capitals_heading_a_count_is_still_a_list_line() -> None:
    text = "PERU: 20 cases of swine flu, 2 deaths.\nCHILE: 30 cases of swine flu, 1 death."
    assert _of(text, 30) == [("cases", "", "", "Chile")]


# --- read off webflu12 (a development set since this session) -----------------------------------------


def test_a_toll_a_change_of_cases_brings_counts_cases() -> None:
    # before: 80 deaths (*toll* read as deaths whatever brought it)
    assert _of("Five new infections pushed the toll to 80 in Bolivia.", 80) == [("cases", "", "", "Bolivia")]


def test_a_toll_stays_deaths_where_the_sentence_names_deaths() -> None:
    text = "Two people died and 40 new cases were confirmed, taking the toll to 12."
    assert [k[0] for k in _of(text, 12)] == ["deaths"]
    assert _of("Three new cases took the death toll to 45 in Peru.", 45) == [("deaths", "", "", "Peru")]


def test_a_caseload_that_grows_to_touch_a_level() -> None:
    # before: no value of either number (*caseload*, *grow* and *touch* were no words of the lexicon)
    text = "Chile likewise saw its caseload grow by 42 to touch 411."
    assert _of(text, 42) == [("cases", "", "new", "Chile")]
    assert _of(text, 411) == [("cases", "", "", "Chile")]


def test_a_global_bodys_tally_of_something_is_the_worlds() -> None:
    text = (
        "Swine flu has now spread to 73 countries. The number of deaths rose to 139 after 14 more deaths"
        " were reported, according to the latest WHO tally of confirmed influenza A(H1N1) cases."
    )
    # before: no place (the source's head was read as "cases", after its post-modifier)
    assert _of(text, 139) == [("deaths", "", "", "world")]
    assert _of(text, 14) == [("deaths", "", "new", "world")]


def test_a_sentence_framed_by_estimates_gives_estimates() -> None:
    text = (
        "According to the latest WHO estimates, Egypt has recently recorded the highest number of new"
        " cases, 850, followed by Iraq 561."
    )
    # before: 850 new cases of Egypt, 561 of Iraq
    assert _of(text, 850) == []
    assert _of("According to the health ministry, 300 people have died of swine flu in Mexico.", 300) == [
        ("deaths", "", "", "Mexico")
    ]


def test_a_count_in_brackets_is_no_neighbour_of_the_next_item() -> None:
    text = (
        "Kuwait has registered the highest number of cases with 6,640 (23% of all the 28.751 in the"
        " region), followed by Saudi Arabia with 4,119; Oman with 3,829; and Egypt with 2,494."
    )
    # before: no value of the three items after the bracket
    assert _of(text, 4119) == [("cases", "", "", "Saudi Arabia")]
    assert _of(text, 2494) == [("cases", "", "", "Egypt")]


def test_a_count_including_members_of_a_state_mixes_states() -> None:
    # before: 4,298 cases of the United States
    assert _of("The US reported 4,298 cases, including probable cases, the ECDC said.", 4298) == []
    assert _of("Mexico has 1,626 cases, including 48 deaths.", 1626) == [("cases", "", "", "Mexico")]


def test_an_increment_for_a_total_takes_its_state() -> None:
    text = (
        "Panamanian Health authorities recently reported 13 new cases of the Influenza A H1N1 virus, for a"
        " total of 179 confirmed cases, none of which have caused a death."
    )
    # before: no state
    assert _of(text, 13) == [("cases", "confirmed", "new", "Panama")]


def test_a_teaser_cut_by_an_ellipsis_gives_its_figures_once() -> None:
    lede = (
        "Panamanian Health authorities recently reported 13 new cases of the Influenza A H1N1 virus, for a"
        " total of 179 confirmed cases"
    )
    text = f"{lede},...\n\n{lede}, none of which have caused a death."
    # before: each figure twice (the teaser is no word-for-word repetition of the lede)
    assert _of(text, 179) == [("cases", "confirmed", "", "Panama")]


def test_a_currency_names_no_country_of_the_story() -> None:
    text = (
        "Panama's Health Minister Rosario Turner confirmed the country's first case. Turner also said"
        " that so far, there have been 34 suspected cases. The government set up a fund of 5 million"
        " U.S. dollars against the disease."
    )
    # before: no place ("U.S. dollars" had made the United States a second country of the story)
    assert _of(text, 34) == [("cases", "suspected", "", "Panama")]


def test_a_tragic_death_is_a_death() -> None:
    text = "Mexico has had 2059 laboratory confirmed human cases of infection including 56 tragic deaths."
    assert _of(text, 56) == [("deaths", "confirmed", "", "Mexico")]


def test_a_rise_set_off_by_a_participle_after_a_total() -> None:
    text = (
        "Meanwhile, the WHO said the number of confirmed swine flu cases has reached 7,520, rising more"
        " than 1,000 in 24 hours."
    )
    # before: no value of the rise
    assert _of(text, 1000) == [("cases", "confirmed", "new", "world")]


def test_the_kingdom_is_the_country_the_reporter_files_from() -> None:
    text = (
        "RIYADH: Four new cases of swine flu were identified yesterday bringing the total number of"
        " confirmed cases in the Kingdom to 39, the Ministry of Health said. The first case was a nurse"
        " who returned after vacationing in the Philippines. Bahrain reported 13 cases."
    )
    # before: no place (the text names other countries, so it was about no one country)
    assert _of(text, 39) == [("cases", "confirmed", "", "Saudi Arabia")]


def test_a_cue_set_off_after_its_clause_is_the_sources_saying() -> None:
    # before: confirmed (the trailing cue was read as the count's state)
    assert _of("Swine flu has killed 42 people in Mexico, health officials confirmed.", 42) == [
        ("deaths", "", "", "Mexico")
    ]
    assert _of("There are 13 cases in the UK, the Department of Health confirmed.", 13) == [
        ("cases", "", "", "United Kingdom")
    ]


def test_a_change_its_own_confirmation_brings_keeps_the_state() -> None:
    text = (
        "The outbreak in Japan went from just four cases over the weekend to 135 as infections were"
        " confirmed."
    )
    assert _of(text, 135) == [("cases", "confirmed", "", "Japan")]
