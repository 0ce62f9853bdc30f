"""Positions from stance verbs (saidwhat.claims.verbal, saidwhat.claims.positions) on real sentences.

Each test builds the analysis the pipeline gives for one sentence of the Timeline17 articles (or of
../shared): its entity mentions, its statements (speaker, cue, content) and timexes, then checks the
position cells the claims stage reads from it, or that it reads none.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from saidwhat.claims import article_facts
from saidwhat.claims.issues import head_phrase
from saidwhat.claims.lexicon import LexiconError, inflections, load_lexicon, parse_lexicon
from saidwhat.model import Analysis, Speaker
from tests.claims_fixtures import build


def analysis(
    text: str,
    *,
    entities: list[tuple[str, str, str]] = (),  # type: ignore[assignment]  # (mention, name, type)
    statements: list[dict[str, Any]] = (),  # type: ignore[assignment]
    timexes: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    published: str = "2009-05-01",
    quantities: list[tuple[str, Any, str | None]] = (),  # type: ignore[assignment]  # (text, value, counts)
    titles: dict[str, str] | None = None,  # entity name -> its "title" attribute
) -> Analysis:
    """:func:`tests.claims_fixtures.build` of article ``t1``, speakers named only when ``name`` says."""
    return build(
        text,
        "t1",
        published,
        entities=entities,
        statements=statements,
        timexes=timexes,
        quantities=quantities,
        titles=titles,
    )


def cells(an: Analysis) -> set[tuple[str, str, str]]:
    return {(p.actor, p.stance, p.issue) for p in article_facts(an, "s").positions}


# -- stance verb cues of statements: the issue is the verb's object ------------------------------


def test_urge_addressee_to_infinitive_is_the_issue() -> None:
    text = "President Felipe Calderon has urged people to stay at home over the next five days."
    an = analysis(
        text,
        entities=[("Felipe Calderon", "Felipe Calderon", "PERSON")],
        statements=[
            {
                "speaker": "President Felipe Calderon",
                "name": "Felipe Calderon",
                "cue": "urged",
                "lemma": "urge",
                "act": "demand",
                "content": "people to stay at home over the next five days",
            }
        ],
        timexes=[("the next five days", "DURATION", "P5D")],
    )
    # before: no cell (a ten-word content was no noun phrase)
    assert cells(an) == {("Felipe Calderon", "demands", "stay at home")}


def test_criticise_target_for_reason() -> None:
    text = (
        "On Saturday Foreign Minister Patricia Espinosa criticised China, along with Peru, Argentina, "
        "Cuba and Ecuador, for cutting flights to Mexico."
    )
    an = analysis(
        text,
        entities=[
            ("Patricia Espinosa", "Patricia Espinosa", "PERSON"),
            ("China", "China", "GPE"),
            ("Mexico", "Mexico", "GPE"),
        ],
        statements=[
            {
                "speaker": "Foreign Minister Patricia Espinosa",
                "name": "Patricia Espinosa",
                "cue": "criticised",
                "lemma": "criticise",
                "act": "accuse",
                "content": (
                    "China, along with Peru, Argentina, Cuba and Ecuador, for cutting flights to Mexico"
                ),
            }
        ],
    )
    assert cells(an) == {("Patricia Espinosa", "opposes", "cutting flight to mexico")}


def test_pronoun_speaker_is_the_named_speaker_earlier_in_the_sentence() -> None:
    text = (
        "The government said it planned to impose home quarantine on around 60 people, mostly "
        "Singaporean passengers on the same flight who were sitting near the flu patient, and it urged "
        "them to report to the authorities for anti-viral medication."
    )
    an = analysis(
        text,
        entities=[("Singaporean", "Singaporean", "NORP")],
        statements=[
            {
                "speaker": "The government",
                "cue": "said",
                "lemma": "say",
                "content": "it planned to impose home quarantine on around 60 people",
            },
            {
                "speaker": "it urged",
                "cue": "urged",
                "lemma": "urge",
                "act": "demand",
                "content": "them to report to the authorities for anti-viral medication",
            },
        ],
    )
    an.statements[1].speaker = Speaker("it", text.index("it urged"), text.index("it urged") + 2)
    assert cells(an) == {("government", "demands", "report to authority for anti-viral medication")}


def test_agree_to_with_an_actor_noun_speaker() -> None:
    text = (
        "The health ministers agreed to work “without delay” with pharmaceutical companies "
        "to develop a vaccine."
    )
    an = analysis(
        text,
        statements=[
            {
                "speaker": "The health ministers",
                "cue": "agreed",
                "lemma": "agree",
                "content": "to work “without delay” with pharmaceutical companies to develop a vaccine",
            }
        ],
    )
    assert cells(an) == {("health ministers", "accepts", "work")}


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "lemma", "content"),
    [
        # a quantifier names no actor
        (
            "Some have criticised the WHO for panicking, but governments do not have the luxury to "
            "second-guess such an authority when it rings the alarm bell.",
            "Some",
            "criticised",
            "criticise",
            "the WHO for panicking",
        ),
        # a passive participle: Hong Kong is the one criticised
        (
            "Hong Kong, criticised for delaying quarantine measures during the outbreak of Sars in 2003, "
            "has sealed the central Metropark hotel.",
            "Hong Kong",
            "criticised",
            "criticise",
            "for delaying quarantine measures during the outbreak of Sars in 2003",
        ),
        # refusing to speak is no position
        (
            "The White House and Pentagon refused to comment on the Pentagon's plans to place "
            "pro-American stories in foreign media outlets.",
            "The White House and Pentagon",
            "refused",
            "refuse",
            "to comment on the Pentagon's plans",
        ),
        # a question takes no stance
        (
            "However in a country which suffered so badly during SARS and one where H5N1 flu has been "
            "encountered, who can blame anyone?",
            "who",
            "blame",
            "blame",
            "anyone",
        ),
        # urging a negation: the issue is not the verb's
        (
            "Ministers urged people not to alter their normal behavior and follow hand hygiene guidelines.",
            "Ministers",
            "urged",
            "urge",
            "people not to alter their normal behavior",
        ),
    ],
)
def test_statements_that_take_no_position(
    text: str, speaker: str, cue: str, lemma: str, content: str
) -> None:
    ents = [("Hong Kong", "Hong Kong", "GPE")] if speaker == "Hong Kong" else []
    an = analysis(
        text,
        entities=ents,
        statements=[
            {
                "speaker": speaker,
                "name": "Hong Kong" if ents else None,
                "cue": cue,
                "lemma": lemma,
                "act": "accuse",
                "content": content,
            }
        ],
    )
    assert cells(an) == set()


# -- stance verbs outside any statement ------------------------------------------------------------


def test_verb_outside_statements_with_an_actor_noun_and_its_modifier() -> None:
    text = (
        "Though a link to swine flu was originally suspected, the Mexican government has now ruled out "
        "any risk of infection from eating pork."
    )
    an = analysis(text, entities=[("Mexican", "Mexican", "NORP")])
    assert cells(an) == {("Mexican government", "rejects", "risk of infection from eating pork")}


def test_coordinated_verb_shares_the_subject_and_a_fronted_place_names_it() -> None:
    text = (
        "In Hong Kong, the authorities have raised the alert level to emergency but urged residents to "
        "carry on life as normal."
    )
    an = analysis(text, entities=[("Hong Kong", "Hong Kong", "GPE")])
    assert cells(an) == {("Hong Kong authorities", "demands", "carry on life")}


def test_she_is_the_person_of_the_sentence_before_and_a_participle_shares_the_subject() -> None:
    text = (
        "On Saturday Foreign Minister Patricia Espinosa spoke in Mexico City. She also urged Mexicans to "
        "avoid travel to China, accusing its government of discrimination for the quarantine measures."
    )
    an = analysis(
        text,
        entities=[
            ("Patricia Espinosa", "Patricia Espinosa", "PERSON"),
            ("Mexicans", "Mexicans", "NORP"),
            ("China", "China", "GPE"),
        ],
    )
    assert cells(an) == {
        ("Patricia Espinosa", "demands", "avoid travel to China".lower()),
        ("Patricia Espinosa", "opposes", "discrimination for quarantine measure"),
    }


def test_coordinated_subjects_of_a_passive_are_no_actors() -> None:
    text = (
        "The United States declared a public health emergency and Americans and Europeans were urged to "
        "avoid non-essential travel to Mexico, where 103 people have died from the outbreak."
    )
    an = analysis(
        text,
        entities=[
            ("United States", "United States", "GPE"),
            ("Americans", "Americans", "NORP"),
            ("Europeans", "Europeans", "NORP"),
        ],
    )
    assert cells(an) == set()


def test_negated_verb_gives_no_position() -> None:
    text = "The Obama administration has not ruled out the move."
    an = analysis(text, entities=[("Obama", "Barack Obama", "PERSON")])
    assert cells(an) == set()
    text = "The Obama administration has ruled out the move."
    an = analysis(text, entities=[("Obama", "Barack Obama", "PERSON")])
    assert cells(an) == {("Obama administration", "rejects", "move")}


# -- lexicon and issue phrases -----------------------------------------------------------------------


def test_verb_inflections() -> None:
    assert inflections("urge") == ("urge", "urges", "urged", "urging")
    assert inflections("agree to") == ("agree to", "agrees to", "agreed to", "agreeing to")
    assert inflections("call for") == ("call for", "calls for", "called for", "calling for")
    assert inflections("press") == ("press", "presses", "pressed", "pressing")
    lex = load_lexicon()
    assert lex.verb_forms["ruled out"] == ("rejects", "phrase")
    # a bare form that is also a noun is no verb ("government support", "Mexico back to normal")
    assert "support" not in lex.verb_forms and "supported" in lex.verb_forms
    assert "back" not in lex.verb_forms and "urge" in lex.verb_forms


def test_verbs_table_is_schema_checked() -> None:
    def raw() -> dict[str, Any]:
        return tomllib.loads(
            resources.files("saidwhat").joinpath("data", "claims.toml").read_text(encoding="utf-8")
        )

    r = raw()
    r["stances"]["verbs"]["urge"]["object"] = "after"
    with pytest.raises(LexiconError, match="object kind"):
        parse_lexicon(r)
    r = raw()
    r["stances"]["verbs"]["urge"]["stance"] = "wants"
    with pytest.raises(LexiconError, match="unknown stance"):
        parse_lexicon(r)
    r = raw()
    r["stances"]["verbs"]["urge"]["base"] = "no"
    with pytest.raises(LexiconError, match="base"):
        parse_lexicon(r)


def test_head_phrase_drops_trailing_prepositions_and_keeps_names() -> None:
    assert head_phrase("stay at home over ") == "stay at home"
    assert head_phrase("delay his return to the Philippines") == "delay return to philippines"
    assert head_phrase("the release of all hostages") == "release of hostage"


def test_appositive_between_subject_and_verb() -> None:
    text = (
        "Robert Booy, professor of Child Health at the University of Sydney in New South Wales, urged the "
        "World Health Organisation to take action regarding a shift from the current alert phase 5 to the "
        "top level, phase 6."
    )
    an = analysis(
        text,
        entities=[
            ("Robert Booy", "Robert Booy", "PERSON"),
            ("University of Sydney", "University of Sydney", "ORG"),
            ("World Health Organisation", "World Health Organisation", "ORG"),
        ],
    )
    assert cells(an) == {("Robert Booy", "demands", "take action regarding shift")}


def test_second_verb_after_said_shares_its_subject() -> None:
    text = (
        "Chinese Health Minister Chen Zhu said the virus was very likely to enter mainland China and urged "
        "the country to prepare for an outbreak, as millions start traveling over the May Day long weekend."
    )
    content = (
        "the virus was very likely to enter mainland China and urged the country to prepare for an outbreak"
    )
    an = analysis(
        text,
        entities=[
            ("Chen Zhu", "Chen Zhu", "PERSON"),
            ("China", "China", "GPE"),
            ("Chinese", "Chinese", "NORP"),
        ],
        statements=[
            {
                "speaker": "Chinese Health Minister Chen Zhu",
                "name": "Chen Zhu",
                "cue": "said",
                "lemma": "say",
                "content": content,
            }
        ],
    )
    assert cells(an) == {("Chen Zhu", "demands", "prepare for outbreak")}


def test_stance_verb_cue_whose_content_was_read_before_it() -> None:
    # the attribution gave "He has called for" the quotation before it as content
    text = (
        "“Maintaining freedom of action in cyberspace is inherent to US interests.” He has called for the "
        "creation of a digital warfare force for the future."
    )
    an = analysis(
        text,
        entities=[("US", "United States", "GPE")],
        statements=[
            {
                "speaker": "He",
                "name": "Lt Gen Keith Alexander",
                "cue": "has called for",
                "lemma": "call",
                "mode": "direct",
                "content": "Maintaining freedom of action in cyberspace is inherent to US interests.",
            }
        ],
    )
    assert cells(an) == {("Lt Gen Keith Alexander", "demands", "creation of digital warfare force")}


def test_nationality_names_its_country_and_long_issues_lose_their_last_prepositional_phrase() -> None:
    text = "The ministers rejected a French proposal for a continent-wide suspension on flights to Mexico."
    an = analysis(
        text,
        entities=[("French", "French", "NORP"), ("Mexico", "Mexico", "GPE")],
        statements=[
            {
                "speaker": "The ministers",
                "cue": "rejected",
                "lemma": "reject",
                "content": "a French proposal for a continent-wide suspension on flights to Mexico",
            }
        ],
    )
    an.entities[0].attributes["country"] = "France"
    assert cells(an) == {
        ("ministers", "rejects", "french proposal for continent-wide suspension"),
        ("France", "proposes", "continent-wide suspension on flight"),
    }


def test_coordinated_subjects_both_take_the_position() -> None:
    text = (
        "It likely originated in pigs, but the Mexican government and the World Health Organisation have "
        "ruled out any risk of infection from eating pork."
    )
    an = analysis(
        text,
        entities=[
            ("Mexican", "Mexican", "NORP"),
            ("World Health Organisation", "World Health Organization", "ORG"),
        ],
    )
    assert cells(an) == {
        ("Mexican government", "rejects", "risk of infection from eating pork"),
        ("World Health Organization", "rejects", "risk of infection from eating pork"),
    }


def test_anonymous_officials_of_one_country_speak_for_it() -> None:
    text = "US health officials have urged visitors to wash their hands frequently. Officials urged calm."
    an = analysis(
        text,
        entities=[("US", "United States", "GPE")],
        statements=[
            {
                "speaker": "US health officials",
                "cue": "urged",
                "lemma": "urge",
                "content": "visitors to wash their hands frequently",
            },
            {"speaker": "Officials", "cue": "urged calm", "lemma": "urge", "content": "calm"},
        ],
    )
    for st in an.statements:
        assert st.speaker is not None
        st.speaker.anonymous = True
    # "Officials" alone names no one
    assert cells(an) == {("United States", "demands", "wash hand frequently")}


def test_a_threatened_retaliation_opposes_what_it_answers() -> None:
    text = "China vows countermeasures to US sanctions."
    an = analysis(
        text,
        entities=[("China", "China", "GPE")],
        statements=[
            {
                "speaker": "China",
                "name": "China",
                "cue": "vows",
                "lemma": "vow",
                "act": "threaten",
                "content": "countermeasures to US sanctions",
            }
        ],
    )
    # not "opposes countermeasure to us sanction": the countermeasures are the threat, not opposed
    assert cells(an) == {("China", "opposes", "us sanction")}
    # a verb that opposes its object opposes the retaliation itself
    text = "The EU condemned retaliation against protesters."
    an = analysis(
        text,
        entities=[("EU", "EU", "ORG")],
        statements=[
            {
                "speaker": "The EU",
                "name": "EU",
                "cue": "condemned",
                "lemma": "condemn",
                "act": "claim",
                "content": "retaliation against protesters",
            }
        ],
    )
    assert cells(an) == {("EU", "opposes", "retaliation against protester")}


def test_an_initials_period_ends_no_object() -> None:
    # "U.S." had ended the object at "U." ("non-essential travel to u")
    text = "The EU urged people to avoid non-essential travel to the U.S. or Mexico."
    an = analysis(
        text,
        entities=[("EU", "EU", "ORG")],
        statements=[
            {
                "speaker": "The EU",
                "name": "EU",
                "cue": "urged",
                "lemma": "urge",
                "act": "demand",
                "content": "people to avoid non-essential travel to the U.S. or Mexico",
            }
        ],
    )
    assert cells(an) == {("EU", "demands", "avoid non-essential travel")}  # the last phrase cut whole


def test_encourage_addressee_to_infinitive_is_the_issue() -> None:
    text = "Governor Ana Ruiz encouraged residents to follow evacuation orders."
    an = analysis(
        text,
        entities=[("Ana Ruiz", "Ana Ruiz", "PERSON")],
        statements=[
            {
                "speaker": "Governor Ana Ruiz",
                "name": "Ana Ruiz",
                "cue": "encouraged",
                "lemma": "encourage",
                "act": "demand",
                "content": "residents to follow evacuation orders",
            }
        ],
    )
    # before: "resident to follow evacuation order" (and "residents" in a title-case headline)
    assert cells(an) == {("Ana Ruiz", "demands", "follow evacuation order")}


def test_one_sentence_one_piece_of_evidence() -> None:
    """A statement and a nominal phrase that read the same position of one sentence give one fact,
    the statement's (realnews 16; before: two facts, one without its statement)."""
    text = "Ghana's electoral commission said Akufo-Addo had won. But Mahama rejected the numbers."
    an = analysis(
        text,
        entities=[("Mahama", "John Mahama", "PERSON")],
        statements=[
            {
                "speaker": "Mahama",
                "name": "John Mahama",
                "cue": "rejected",
                "lemma": "reject",
                "act": "deny",
                "content": "the numbers",
            }
        ],
    )
    facts = [(p.actor, p.stance, p.issue, p.statement) for p in article_facts(an, "s").positions]
    assert facts == [("John Mahama", "rejects", "number", "s1")]


def test_declining_to_comment_is_no_rejection() -> None:
    """A statement whose content is refusing to speak takes no position (realnews 18; before: Boeing
    Co *rejects* the issue *comment*)."""
    text = "Boeing Co, the aircraft maker, declined to comment and asked Chinese regulators."
    an = analysis(
        text,
        entities=[("Boeing Co", "Boeing Co", "ORG")],
        statements=[
            {
                "speaker": "Boeing Co",
                "name": "Boeing Co",
                "cue": "declined",
                "lemma": "decline",
                "act": "refuse",
                "content": "to comment",
            }
        ],
    )
    assert cells(an) == set()


def test_a_wish_for_ones_own_action_is_no_demand_a_wish_that_others_act_is() -> None:
    def wants(text: str, speaker: str, content: str) -> set[tuple[str, str, str]]:
        return cells(
            analysis(
                text,
                entities=[(speaker, speaker, "ORG")],
                statements=[
                    {
                        "speaker": speaker,
                        "name": speaker,
                        "cue": "wants",
                        "lemma": "want",
                        "act": "demand",
                        "content": content,
                    }
                ],
            )
        )

    own = "A Latvian ruling party wants to end its Iraq mission."
    assert wants(own, "Latvian ruling party", "to end its Iraq mission") == set()
    other = "The Latvian ruling party wants the government to end the Iraq mission."
    assert wants(other, "Latvian ruling party", "the government to end the Iraq mission") != set()


def test_a_titles_period_ends_no_issue() -> None:
    assert head_phrase("Mr. Trump's idea for banning Muslims") == "trump's idea for banning muslims"
    assert head_phrase("the U.S. plan to send troops") == "u.s. plan to send troop"
    assert head_phrase("the plan. Then more") == "plan"


def test_a_numbers_comma_and_period_end_no_issue() -> None:
    assert (
        head_phrase("accepted 11,491 Syrian refugees, 15 percent over", max_words=40)
        == "accepted 11,491 syrian refugee"
    )
    assert head_phrase("pay $1.7 billion to settle. Then", max_words=40) == "pay 1.7 billion to settle"
    assert head_phrase("provide 60m doses, it said") == "provide 60m dose"


def test_a_stance_verb_under_a_modal_of_possibility_is_no_position() -> None:
    def got(text: str) -> set[tuple[str, str, str]]:
        return cells(analysis(text, entities=[("United States", "United States", "GPE")]))

    assert got("The United States could accept more refugees.") == set()
    assert got("The United States may reject the plan.") == set()
    assert got("The United States accepted more refugees.") == {("United States", "accepts", "refugee")}
    assert got("The United States rejected the plan.") == {("United States", "rejects", "plan")}


def test_an_object_introduced_by_no_denies_the_thing() -> None:
    def got(text: str) -> set[tuple[str, str, str]]:
        return cells(analysis(text, entities=[("Mississippi", "Mississippi", "GPE")]))

    assert got("Mississippi accepted no responsibility for the flood.") == set()
    assert got("Mississippi accepted responsibility for the flood.") == {
        ("Mississippi", "accepts", "responsibility for flood")
    }


def test_a_stance_verbs_object_ends_at_a_coordinated_verb() -> None:
    text = (
        "Donald Trump has criticized free-trade deals such as NAFTA and called for steep new tariffs "
        "on goods from China."
    )
    got = cells(analysis(text, entities=[("Donald Trump", "Donald Trump", "PERSON")]))
    assert ("Donald Trump", "opposes", "free-trade deal") in got
    assert ("Donald Trump", "opposes", "steep new tariff on good") not in got


def test_welcoming_a_person_is_a_greeting_welcoming_a_thing_approves_it() -> None:
    def got(text: str) -> set[tuple[str, str, str]]:
        return cells(analysis(text, entities=[("Zoe Ball", "Zoe Ball", "PERSON")]))

    assert got("Zoe Ball welcomes guests Eels to the studio.") == set()
    assert got("Zoe Ball welcomes the decision to reopen the studio.") != set()


def test_a_personal_pronoun_agrees_in_gender_with_its_antecedent() -> None:
    text = "Betty Shelby said he refused to follow her commands."
    an = analysis(
        text,
        entities=[("Betty Shelby", "Betty Shelby", "PERSON")],
        statements=[
            {
                "speaker": "Betty Shelby",
                "name": "Betty Shelby",
                "cue": "said",
                "content": "he refused to follow her commands",
            }
        ],
    )
    assert not any(actor == "Betty Shelby" for actor, _, _ in cells(an))
    # the same sentence with a man's name keeps him
    text = "John Shelby said he refused to follow her commands."
    an = analysis(
        text,
        entities=[("John Shelby", "John Shelby", "PERSON")],
        statements=[
            {
                "speaker": "John Shelby",
                "name": "John Shelby",
                "cue": "said",
                "content": "he refused to follow her commands",
            }
        ],
    )
    assert ("John Shelby", "rejects", "follow command") in cells(an)


def test_a_partitive_of_or_a_reporting_participle_gives_no_reason() -> None:
    text = (
        "Peru criticized the quarantine as discriminatory, saying none of the Peruvians showed any symptoms."
    )
    an = analysis(
        text,
        entities=[("Peru", "Peru", "GPE")],
        statements=[
            {
                "speaker": "Peru",
                "name": "Peru",
                "cue": "criticized",
                "lemma": "criticize",
                "act": "accuse",
                "content": "the quarantine as discriminatory",
            }
        ],
    )
    # before: ("Peru", "opposes", "peruvians showed any symptom"), the partitive "of" read as a reason
    assert cells(an) == {("Peru", "opposes", "quarantine")}


def test_a_demonstrative_object_names_no_issue_and_a_possessive_stays_whole() -> None:
    text = "John Mensah rejected those numbers, and the union demanded the bill’s withdrawal."
    an = analysis(
        text,
        entities=[("John Mensah", "John Mensah", "PERSON")],
        statements=[
            {
                "speaker": "John Mensah",
                "name": "John Mensah",
                "cue": "rejected",
                "lemma": "reject",
                "act": "reject",
                "content": "those numbers",
            },
            {
                "speaker": "the union",
                "name": "Union",
                "cue": "demanded",
                "lemma": "demand",
                "act": "demand",
                "content": "the bill’s withdrawal",
            },
        ],
    )
    got = cells(an)
    # before: ("John Mensah", "rejects", "number") and the issue "bill s withdrawal"
    assert not any(actor == "John Mensah" for actor, _, _ in got)
    assert ("Union", "demands", "bill's withdrawal") in got


def test_a_reporting_participle_after_the_object_ends_it() -> None:
    # before: Hamas also rejected "guarantees" and "end of the war", the words of what it said after
    from saidwhat.pipeline import analyze_text

    facts = article_facts(
        analyze_text("Hamas rejected the proposal, saying it did not guarantee an end to the war.")
    )
    assert {(p.actor, p.stance, p.issue) for p in facts.positions} == {("Hamas", "rejects", "proposal")}


def test_what_a_denial_denies_is_no_stance() -> None:
    # before: Hamas accepts "disarm" (the verb inside the denied content was read as Hamas's)
    from saidwhat.pipeline import analyze_text

    assert article_facts(analyze_text("Hamas denied that it had agreed to disarm.")).positions == []


# -- session 48: a negated cue, and an object the determiner "no" denies ---------------------------


def test_a_negated_statement_cue_takes_no_stance() -> None:
    text = "The British government will not welcome his view that the war has alienated Muslims."
    st = {
        "speaker": "The British government",
        "name": "British government",
        "cue": "welcome",
        "lemma": "welcome",
        "act": "claim",
        "content": "his view",
    }
    ents = [("British", "United Kingdom", "GPE")]
    assert cells(analysis(text, entities=ents, statements=[st])) == set()
    # the same cue, not negated, approves the view
    text = text.replace("will not welcome", "will welcome")
    assert cells(analysis(text, entities=ents, statements=[st])) == {
        ("British government", "supports", "view")
    }


def test_an_offer_of_no_compensation_is_no_proposal_even_when_the_content_lost_its_no() -> None:
    text = "The Americans apologised later but offered no compensation."
    st = {
        "speaker": "The Americans",
        "name": "Americans",
        "cue": "offered",
        "lemma": "offer",
        "act": "claim",
        "content": "compensation",
    }
    an = analysis(text, entities=[("Americans", "Americans", "NORP")], statements=[st])
    assert cells(an) == set()
    an = analysis(
        text.replace("offered no compensation", "offered compensation"),
        entities=[("Americans", "Americans", "NORP")],
        statements=[st],
    )
    assert cells(an) == {("Americans", "proposes", "compensation")}


def test_a_modal_of_possibility_inside_the_cue_takes_no_stance() -> None:
    """*the party leaders who can support the candidate of their choice*: the attribution's cue holds
    the modal ("can support"), which before the cue already blocked a stance."""
    text = "Superdelegates are the party leaders who can support the candidate of their choice."
    st = {
        "speaker": "the party leaders",
        "name": "party leaders",
        "cue": "can support",
        "lemma": "support",
        "act": "praise",
        "content": "the candidate of their choice",
    }
    assert cells(analysis(text, statements=[st])) == set()
    text = text.replace("can support", "support")
    assert cells(analysis(text, statements=[{**st, "cue": "support"}])) == {
        ("party leaders", "supports", "candidate of choice")
    }


# -- session 49: conditions, appeals against, speaking, pro-forms --------------------------------


def test_a_stance_in_a_clause_of_condition_is_no_position() -> None:
    """*if parliament then rejected the move*: the verb of an if-clause is not asserted, whether a
    statement, a stance verb outside statements or a nominal phrase reads it."""
    text = "The prime minister would have to pull the troops back if parliament then rejected the move."
    st = {
        "speaker": "parliament",
        "name": "parliament",
        "cue": "rejected",
        "lemma": "reject",
        "act": "refuse",
        "content": "the move",
    }
    assert cells(analysis(text, statements=[st])) == set()
    assert cells(analysis(text)) == set()
    asserted = "The prime minister had to pull the troops back after parliament then rejected the move."
    assert cells(analysis(asserted, statements=[st])) == {("parliament", "rejects", "move")}
    assert cells(analysis(asserted)) == {("parliament", "rejects", "move")}
    ents = [("Jalal Talabani", "Jalal Talabani", "PERSON")]
    text = "Calls grew for the president to resign unless Jalal Talabani rejects the death penalty."
    assert cells(analysis(text, entities=ents)) == set()
    text = "Calls grew for the president to resign, and Jalal Talabani rejects the death penalty."
    assert cells(analysis(text, entities=ents)) == {("Jalal Talabani", "rejects", "death penalty")}


def test_an_actor_nouns_modifiers_stop_at_a_word_that_opens_a_clause() -> None:
    """*... pull the troops back if parliament rejects ...*: "troops back if" is no modifier of
    *parliament*; when the clause is no condition the actor is *parliament* alone."""
    text = "They pulled the troops back when parliament rejected the move."
    assert cells(analysis(text)) == {("parliament", "rejects", "move")}


def test_appealing_against_a_judgment_opposes_it() -> None:
    text = "The MoD is appealing against the judgment."
    ents = [("MoD", "MoD", "ORG")]
    st = {
        "speaker": "The MoD",
        "name": "MoD",
        "cue": "is appealing against",
        "lemma": "appeal",
        "act": "demand",
        "content": "the judgment",
    }
    assert cells(analysis(text, entities=ents, statements=[st])) == {("MoD", "opposes", "judgment")}
    assert cells(analysis(text, entities=ents)) == {("MoD", "opposes", "judgment")}


def test_refusing_to_go_into_details_and_refusing_to_do_so_are_no_positions() -> None:
    ents = [("Sheikh Ali", "Sheikh Ali", "PERSON")]
    text = "Sheikh Ali said he was tortured but Sheikh Ali refused to go into details."
    st = {
        "speaker": "Sheikh Ali",
        "name": "Sheikh Ali",
        "cue": "refused",
        "lemma": "refuse",
        "act": "refuse",
        "content": "to go into details",
    }
    assert cells(analysis(text, entities=ents, statements=[st])) == set()
    assert cells(analysis(text, entities=ents)) == set()
    text = "The government hopes Iraq will go away as an issue. The government stubbornly refuses to do so."
    assert cells(analysis(text)) == set()
    text = "The government refuses to hold an inquiry."
    assert cells(analysis(text)) == {("government", "rejects", "hold inquiry")}


def test_issue_words_singular_in_s_and_no_trailing_conjunction() -> None:
    ents = [("Coca-Cola", "Coca-Cola", "ORG")]
    text = "Coca-Cola denies any political or religious bias."
    st = {
        "speaker": "Coca-Cola",
        "name": "Coca-Cola",
        "cue": "denies",
        "lemma": "deny",
        "act": "deny",
        "content": "any political or religious bias",
    }
    assert cells(analysis(text, entities=ents, statements=[st])) == {
        ("Coca-Cola", "denies", "political or religious bias")
    }
    ents = [("Badr Brigades", "Badr Brigades", "ORG")]
    text = (
        "Badr Brigades accused Sunni clerics of failing to denounce the insurgency and of fomenting "
        "sectarian conflict across the country's central provinces."
    )
    issues = {i for _, _, i in cells(analysis(text, entities=ents))}
    assert issues and not any(i.endswith((" and", " or")) for i in issues), issues


def test_a_progressive_takes_its_subject_before_the_auxiliary_a_passive_none() -> None:
    ents = [("Ms Johnson", "Ms Johnson", "PERSON")]
    text = "Ms Johnson was appealing for aid for the families."
    assert cells(analysis(text, entities=ents)) == {("Ms Johnson", "demands", "aid for family")}
    text = "Ms Johnson was urged to seek aid for the families."
    assert cells(analysis(text, entities=ents)) == set()


def test_a_pronoun_agrees_with_the_kind_of_its_antecedent() -> None:
    """*it* and *they* are no one person; *he* and *she* are no organisation."""
    ents = [("Newton", "Wayne Newton", "PERSON")]
    st = {
        "speaker": "Newton",
        "name": "Wayne Newton",
        "cue": "said",
        "lemma": "say",
        "act": "claim",
        "content": "many celebrities have been wary because they are backing the war",
    }
    text = "Newton said many celebrities have been wary because they are backing the war."
    assert ("Wayne Newton", "supports", "war") not in cells(analysis(text, entities=ents, statements=[st]))
    text = "Newton said many celebrities have been wary and he is backing the war."
    st = {**st, "content": "many celebrities have been wary and he is backing the war"}
    assert ("Wayne Newton", "supports", "war") in cells(analysis(text, entities=ents, statements=[st]))
    ents = [("BBC", "BBC", "ORG")]
    text = "The BBC said he was appealing for help."
    st = {
        "speaker": "The BBC",
        "name": "BBC",
        "cue": "said",
        "lemma": "say",
        "act": "claim",
        "content": "he was appealing for help",
    }
    assert cells(analysis(text, entities=ents, statements=[st])) == set()
    text = "The BBC said it was appealing for help."
    st = {**st, "content": "it was appealing for help"}
    assert cells(analysis(text, entities=ents, statements=[st])) == {("BBC", "demands", "help")}


def test_an_auxiliary_after_and_ends_the_object() -> None:
    """*is urging against jumping to conclusions and is suggesting ...*: the conjunction and an
    auxiliary open a second verb phrase, no part of the object."""
    ents = [("Mexican", "Mexico", "NORP")]
    text = (
        "The Mexican government is urging against jumping to conclusions and is suggesting the "
        "virus originated elsewhere."
    )
    want = {("Mexican government", "opposes", "jumping to conclusion")}
    assert cells(analysis(text, entities=ents)) == want


def test_thanking_is_no_stance() -> None:
    ents = [("Rene Preval", "Rene Preval", "PERSON")]
    text = "President Rene Preval thanks the world for the aid."
    st = {
        "speaker": "Rene Preval",
        "name": "Rene Preval",
        "cue": "thanks",
        "lemma": "thank",
        "act": "praise",
        "content": "the world for the aid",
    }
    assert cells(analysis(text, entities=ents, statements=[st])) == set()
    text = "President Rene Preval praises the world for the aid."
    st = {**st, "cue": "praises", "lemma": "praise"}
    assert cells(analysis(text, entities=ents, statements=[st])) == {
        ("Rene Preval", "supports", "world for aid")
    }


def test_a_partitive_speaker_is_no_actor() -> None:
    text = "Many of their governments have refused to pass illiberal laws."
    st = {
        "speaker": "Many of their governments",
        "name": "Many of their governments",
        "cue": "have refused",
        "lemma": "refuse",
        "act": "refuse",
        "content": "to pass illiberal laws",
    }
    assert cells(analysis(text, statements=[st])) == set()
    text = "Their governments have refused to pass illiberal laws."
    st = {**st, "speaker": "Their governments", "name": "Their governments"}
    assert cells(analysis(text, statements=[st])) == {("governments", "rejects", "pass illiberal law")}


def test_a_time_expression_after_a_determiner_modifies_the_object() -> None:
    """*refused to publish the March 7 document*: the date names the document, the object goes on;
    *refused to publish the document on March 7*: the date ends it."""
    text = "The government has refused to publish the March 7 document."
    tx = [("March 7", "DATE", "2003-03-07")]
    assert cells(analysis(text, timexes=tx)) == {("government", "rejects", "publish march 7 document")}
    text = "The government has refused to publish the document on March 7."
    assert cells(analysis(text, timexes=tx)) == {("government", "rejects", "publish document")}
