"""Issue 16, wrong speakers and non-statements of the default output on real news (session 8,
trust2): each class on a sentence written in the style of news copy."""

from __future__ import annotations

import re

from saidwhat.attribution.quotes import find_quotes
from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text


def statements(text: str) -> list[Statement]:
    return analyze_text(text, published="2024-05-14").statements


def name(st: Statement) -> str | None:
    return st.speaker.name if st.speaker else None


def opening(sts: list[Statement], start: str) -> Statement:
    """The one statement of ``sts`` whose content opens with ``start`` (fails unless exactly one)."""
    (st,) = [s for s in sts if s.content.text.startswith(start)]
    return st


# ---- a subject inside an "according to" clause is reported, not introduced -------------------------
def test_him_after_according_to_continues_with_the_reporter_not_the_one_reported_about() -> None:
    sts = statements(
        "Governor Samuel Okafor said he would not resign before the deadline.\n\n"
        "According to him, Michael Adeyemi gave the commissioners until Friday to see him.\n\n"
        "“I will speak to my people first,” the Daily Herald quoted him as saying."
    )
    quote = opening(sts, "I will speak")
    assert quote.speaker is not None and quote.speaker.text == "him"
    assert name(quote) == "Samuel Okafor"


def test_a_main_clause_subject_without_according_to_is_still_who_he_continues_with() -> None:
    sts = statements(
        "Governor Samuel Okafor said he would not resign before the deadline.\n\n"
        "Michael Adeyemi gave the commissioners until Friday to see him.\n\n"
        "“I will speak to my people first,” the Daily Herald quoted him as saying."
    )
    quote = opening(sts, "I will speak")
    assert name(quote) == "Michael Adeyemi"


# ---- the one a "quoting / citing" names is a source, not what was said ---------------------------------
def test_quoting_people_familiar_is_no_statement_of_the_paper() -> None:
    sts = statements(
        "Output at the plant fell sharply in April, the Financial Times reported on Monday, quoting "
        "people familiar with the company's accounts."
    )
    assert [s.content.text for s in sts] == ["Output at the plant fell sharply in April"]


def _says_nothing(text: str, content: str, lemma: str) -> bool:
    from saidwhat.attribution.lexicon import lexicon
    from saidwhat.attribution.rules import Candidate
    from saidwhat.attribution.statements import StatementBuilder
    from saidwhat.nlp import load_nlp

    builder = StatementBuilder.__new__(StatementBuilder)
    builder.doc = load_nlp()(text)
    builder.lex = lexicon()
    a = re.search(rf"\b{re.escape(content)}\b", text).start()  # type: ignore[union-attr]
    part = (a, a + len(content))
    return builder._says_nothing(Candidate(content=[part], lemma=lemma), [part])


def test_a_content_of_function_words_only_says_nothing() -> None:
    text = "Divers searched the wreck for weeks, finding a hoard of bronze coins."
    assert _says_nothing(text, "a", "find")
    assert not _says_nothing(text, "a hoard of bronze coins", "find")


def test_citing_a_thing_or_a_quotation_stays_a_content() -> None:
    text = "The senator cited the figure at a forum last week, quoting officials who called it “a disgrace.”"
    assert not _says_nothing(text, "the figure at a forum last week", "cite")
    assert _says_nothing(text, "officials", "quote")


# ---- a count before a singular noun is no subject ------------------------------------------------
def test_a_count_and_a_compound_participle_before_a_plural_noun_make_no_speaker() -> None:
    """*5,469 laboratory confirmed human cases*: "5,469 laboratory" is no noun phrase; "confirmed"
    premodifies "cases", the subject of "had been reported"."""
    sts = statements("As of Friday, 5,469 laboratory confirmed human cases had been reported.")
    assert [name(s) for s in sts] == []


def test_a_counted_group_that_reports_its_object_keeps_its_statement() -> None:
    sts = statements("Some 300 staff reported injuries at the plant.")
    assert [(s.speaker.text if s.speaker else None, s.content.text) for s in sts] == [
        ("Some 300 staff", "injuries at the plant")
    ]


def test_a_year_before_a_noun_is_no_count() -> None:
    sts = statements("A 2009 report confirmed earlier findings about the outbreak.")
    assert [s.speaker.text for s in sts if s.speaker] == ["A 2009 report"]


# ---- an unquoted first person is the writer, not the person named before ------------------------------
def test_an_unquoted_first_person_is_the_writer_not_the_last_person_named() -> None:
    """A letter after a report on Tony Blair: its "I" is the letter's writer."""
    sts = statements(
        "Tony Blair said the war had been right.\n\n"
        "Voters should recall what happened in France. I supported the war with misgivings but "
        "believe that we are seeing the beginnings of democracy in Iraq."
    )
    mine = [s for s in sts if s.speaker is not None and s.speaker.text == "I"]
    assert mine and all(s.speaker is not None and s.speaker.name is None for s in mine)
    assert all(s.speaker is not None and s.speaker.entity is None for s in mine)


def test_a_reporters_we_is_no_group_that_spoke_before() -> None:
    sts = statements(
        "Rescue workers said the building had collapsed.\n\n"
        "Later we learned that the team had found two survivors."
    )
    learned = opening(sts, "that the team")
    assert learned.speaker is not None and learned.speaker.text == "we" and name(learned) is None


def test_a_reporters_i_is_not_the_person_who_spoke_before() -> None:
    sts = statements("Maria Lopez said the town needed water.\n\nI asked her where she sleeps.")
    (asked,) = [s for s in sts if s.content.text == "where she sleeps"]
    assert asked.speaker is not None and asked.speaker.text == "I" and name(asked) is None
    assert [name(s) for s in sts if s is not asked] == ["Maria Lopez"]


def _first_person_speaker(text: str, entities: list[tuple[str, str, str]]) -> tuple[str | None, bool]:
    """The name the speaker resolver gives the last "I" of ``text`` (entities: name, type, mention)."""
    from saidwhat.attribution.lexicon import lexicon
    from saidwhat.attribution.quotes import QuoteIndex, find_quotes
    from saidwhat.attribution.speakers import SpeakerResolver
    from saidwhat.entities.index import EntityIndex
    from saidwhat.model import Entity, Mention
    from saidwhat.nlp import load_nlp

    ents = []
    for n, (ename, etype, mention) in enumerate(entities):
        a = text.index(mention)
        ents.append(Entity(f"e{n}", ename, etype, mentions=[Mention(a, a + len(mention), mention)]))
    resolver = SpeakerResolver(text, lexicon(), EntityIndex(ents))
    resolver.quotes = QuoteIndex(find_quotes(text))
    doc = load_nlp()(text)
    head = [t for t in doc if t.text == "I"][-1]
    r = resolver.resolve(head, (head.idx, head.idx + 1))
    return r.name, r.anonymous


def test_a_transcripts_turn_names_its_first_persons_speaker() -> None:
    text = (
        "Jeremy Paxman interviewed Tony Blair on Tuesday.\n\n"
        "Gordon Brown: The backlog of claims, I think, is down to about 10,000."
    )
    people = [("Tony Blair", "PERSON", "Tony Blair"), ("Gordon Brown", "PERSON", "Gordon Brown")]
    assert _first_person_speaker(text, people) == ("Gordon Brown", False)
    # a turn whose label names no one, and a line that is no turn, leave the writer unnamed
    assert _first_person_speaker(text.replace("Gordon Brown:", "Q:"), people[:1]) == (None, False)
    assert _first_person_speaker(text.replace("Gordon Brown:", "Then"), people[:1]) == (None, False)


def test_a_quoted_first_person_is_resolved_as_before() -> None:
    text = "Tony Blair spoke on Tuesday.\n\n“The backlog, I think, is down to about 10,000,” he said."
    assert _first_person_speaker(text, [("Tony Blair", "PERSON", "Tony Blair")]) == ("Tony Blair", False)


def test_a_pronoun_after_the_writers_i_still_finds_the_person_named_before() -> None:
    sts = statements(
        "Senator Mark Hollis said the tax plan was fair.\n\n"
        "I asked him about the loopholes. He said the plan would close most of them."
    )
    (close,) = [s for s in sts if "close most" in s.content.text]
    assert name(close) == "Mark Hollis"


def test_a_first_person_in_single_quotation_marks_is_the_quoted_speaker() -> None:
    """British copy quotes in single marks, which the quotation index leaves out for the apostrophes."""
    sts = statements(
        "Condoleezza Rice visited the shop. ‘Let's get one thing straight,’ Rice told him. "
        "‘I'm on this side asking to see the good jewellery because I make considerably more.’"
    )
    (asking,) = [s for s in sts if s.speaker is not None and s.speaker.text == "I"]
    assert name(asking) == "Condoleezza Rice"


def test_an_apostrophe_written_as_an_opening_mark_opens_no_quotation() -> None:
    sts = statements(
        "Lionel Messi said the team had played well. It ‘s unreal! I refused to follow my mother's road."
    )
    refused = opening(sts, "to follow")
    assert refused.speaker is not None and refused.speaker.text == "I" and name(refused) is None


# ---- a name that closes the speaker's mention after a role word is who speaks --------------------------
def test_a_name_after_an_organisations_role_word_is_the_speaker() -> None:
    sts = statements(
        "The suspect was taken into custody on Friday, officials said.\n\n"
        "“We've had our eyes on him for a while,” said Arizona Department of Public Safety spokesman "
        "Bart Graves."
    )
    eyes = opening(sts, "We've had")
    assert name(eyes) == "Bart Graves"


def test_a_name_inside_a_phrase_a_preposition_opens_is_not_the_speaker() -> None:
    sts = statements(
        "A 2014 study by Loyola Law School professor Justin Levitt found 31 credible cases of fraud."
    )
    assert all(name(s) != "Justin Levitt" for s in sts)


def test_a_name_inside_a_relative_clause_of_the_speakers_mention_is_not_the_speaker() -> None:
    sts = statements(
        "The Israeli team which rescued the young man, Emmannuel Buso, told the Associated Press that "
        "they had called out to him near the debris of his home."
    )
    assert all(name(s) != "Emmannuel Buso" for s in sts if s.content.text.startswith("they had"))


def test_a_name_set_off_by_a_comma_at_the_end_of_the_mention_is_the_speaker() -> None:
    sts = statements(
        "The operation followed a directive by the Commissioner of Police, Mohammed Barde, to personnel "
        "of the command to mop up illicit fire arms.\n\n"
        "The Commissioner of Police, Mohammed Barde, said the command would not relent."
    )
    (relent,) = [s for s in sts if "relent" in s.content.text]
    assert name(relent) == "Mohammed Barde"


def test_a_preposition_inside_an_organisations_name_governs_no_name_after_it() -> None:
    sts = statements(
        "“We are asking people to stay home if they are sick,” said Acting Centres for Disease Control "
        "Director Richard Besser."
    )
    asking = opening(sts, "We are asking")
    assert name(asking) == "Richard Besser"


def test_a_mention_opened_by_the_first_person_names_no_one_after_its_comma() -> None:
    sts = statements("We, your fans, David, hope you will play again next season.")
    assert all(name(s) != "David" for s in sts)


# ---- session 49: a person named only by a role, subject between the name and "he" ----------------------
def test_he_after_a_role_subject_is_not_the_person_named_before_it() -> None:
    """*… Fidel Castro agreed to allow … the Pope continued to remain conservative … He condemned …*:
    the main clause's subject between them, a role no one is named for here, is who *he* goes on
    with; the speaker stays unnamed rather than Castro."""
    text = (
        "After the visit, Fidel Castro said he would allow Catholics to celebrate Christmas.\n\n"
        "Yet, though modern in style, the Pope continued to remain conservative in substance. "
        "He condemned birth control as an evil."
    )
    st = opening(statements(text), "birth control")
    assert st.speaker is not None and st.speaker.text == "He"
    assert name(st) is None
    # without the role subject, "he" is Castro, as before
    role = "Yet, though modern in style, the Pope continued to remain conservative in substance. "
    plain = text.replace(role, "")
    st = opening(statements(plain), "birth control")
    assert name(st) == "Fidel Castro"


def test_a_role_the_person_named_bears_is_that_person() -> None:
    """*President Emmanuel Okoro … the president … he*: the role is the named person's own title."""
    text = (
        "President Emmanuel Okoro said the talks would resume on Monday.\n\n"
        "The president then travelled to the capital. He condemned the attack on the convoy."
    )
    st = opening(statements(text), "the attack")
    assert name(st) == "Emmanuel Okoro"


def test_a_role_apposed_to_the_person_found_or_already_resolved_to_them_is_that_person() -> None:
    text = (
        "Loretta Lynch said she was asked to give a presentation to a client.\n\n"
        "Now the highest-ranking prosecutor in the United States, Lynch rose to prominence. "
        "She said professors would dismiss her proposals."
    )
    st = opening(statements(text), "professors")
    assert name(st) == "Loretta Lynch"
    text = (
        "“The entry of the balloon is an absolute accident,” Wang Wenbin said at a briefing.\n\n"
        "“It occurred due to force majeure,” the diplomat said. He pointed out that China has explained it."
    )
    st = opening(statements(text), "that China")
    assert name(st) == "Wang Wenbin"


# ---- session 50: he / she never passes over a person the text does not name --------------------------
def test_she_after_a_kinship_speaker_is_not_the_girl_named_before() -> None:
    """*Mendji … “…,” said her mother … she described*: *mother* is a person (of a gender), so *she*
    goes on with the mother, not with the girl named before her."""
    text = (
        "Mendji Sanon was pulled out after eight days under the rubble. "
        "“I thought they were all dead,” said her mother, a cleaner for the UN. "
        "On Wednesday, she described hearing a neighbour cry out for help."
    )
    st = opening(statements(text), "hearing a neighbour")
    assert st.speaker is not None and st.speaker.kind == "person"
    assert name(st) != "Mendji Sanon"


def test_he_after_a_name_set_beside_a_role_is_not_the_person_named_before() -> None:
    """*Bill Clinton … he tells CNN. Lt Cmdr Ron Flanders, a spokesman …, tells the BBC … “…,” he
    says* (a live page's times before each entry): a name the tagger did not read, set beside a
    person's role, is a person; *he* stays with him (unnamed) rather than going back to Clinton."""
    text = (
        "1443 Former US president Bill Clinton, the UN Special Envoy for Haiti, urges Americans to make "
        "donations. “They don't have water, they don't have food,” he tells CNN. "
        "1437 Lt Cmdr Ron Flanders, a spokesman for the US 4th Fleet in Florida, tells the BBC that the "
        "USS Carl Vinson has arrived off Haiti. "
        "“We have sent two helicopters ashore,” he says."
    )
    st = opening(statements(text), "We have sent")
    assert name(st) != "Bill Clinton"


def test_a_double_opener_starting_a_sentence_inside_a_quotation_goes_on_with_it() -> None:
    """A multi-paragraph quotation whose breaks the text lost (*“… early. “He suffered … Jack.”*)
    ends at its last closer, so that the text after it is outside every quotation."""
    text = (
        "His father said: “My son was born 11 weeks early. “He suffered from complications. "
        "“This is a difficult time for our family.” A statement said: “Jack passed away.” "
        "Donaldson said the virus was mild."
    )
    quotes = find_quotes(text)
    assert [text[q.start : q.end].rsplit(" ", 1)[-1] for q in quotes] == ["family.”", "away.”"]
    assert all(q.closed for q in quotes)
    # a double opener in mid-sentence still nests
    inner = "He said: “They told me “no” and left.” Then he went home."
    (q,) = find_quotes(inner)
    assert inner[q.start : q.end] == "“They told me “no” and left.”"


def test_a_name_closing_the_subjects_prepositional_phrase_is_not_the_subject() -> None:
    """*Tony Redmond from the British medical charity Merlin says …*: the parse gives *says* a second
    subject, *Merlin*, the charity's name; the speaker is Redmond, and so is the *he* after."""
    text = (
        "But, like many surgeons, Tony Redmond from the British medical charity Merlin says he is "
        "trying to fathom why the figure is so high. "
        "“I've worked during other disasters but nothing like this,” he says."
    )
    sts = statements(text)
    first = opening(sts, "he is trying")
    assert name(first) == "Tony Redmond"
    second = opening(sts, "I've worked")
    assert name(second) == "Tony Redmond"
    # after a role, the name is the subject's own: "Witness for the defense Dr Paul White concedes"
    text = (
        "Witness for the defense Dr Paul White concedes during cross-examination that Dr Murray "
        "deviated from accepted standards. He admits the drug is not usually used to treat insomnia."
    )
    sts = statements(text)
    first = opening(sts, "that Dr Murray")
    assert name(first) == "Paul White"


def test_a_name_set_beside_a_persons_role_is_a_person_whatever_ner_called_it() -> None:
    """*Keiji Fukuda, acting WHO assistant director-general, …*: NER tagged the name (and the bare
    *Fukuda* after it) an organisation; the role set beside it makes it a person, so *Fukuda told*
    and the *he* after it name him."""
    text = (
        "GENEVA (Reuters) - The World Health Organization is close to declaring the first flu pandemic "
        "in decades, its top flu expert said on Tuesday. Keiji Fukuda, acting WHO assistant "
        "director-general, voiced concern at the spread of the new strain. “We are getting really very "
        "close to knowing that we are in a pandemic situation,” Fukuda told a teleconference. “It does "
        "not mean that the severity of the situation has increased,” he said."
    )
    sts = statements(text)
    told = opening(sts, "We are getting")
    said = opening(sts, "It does not mean")
    assert name(told) == "Keiji Fukuda"
    assert name(said) == "Keiji Fukuda"
    # a role of another ("the group's director") or an organisation's word keeps it an organisation
    ents = analyze_text("Human Rights Watch, the advocacy group's director, said nothing.").entities
    assert all(e.type != "PERSON" for e in ents)
    # a name NER called a place, set beside a person's role, is a person too (a main-clause subject
    # that "he" then continues with)
    text = (
        "“If it wasn't al-Qaida fighting with the Sunnis in Iraq the whole battle would have had a "
        "different outcome,” says Abu Hafsa, another mujahideen commander based north of Baghdad. Abu "
        "Qutada, a mujahideen leader based in south Baghdad, agrees. “Lots of the mujahideen groups are "
        "in need of money and weapons so they join the umbrella of al-Qaida for support,” he says."
    )
    lots = opening(statements(text), "Lots of")
    assert name(lots) == "Abu Qutada"


def test_he_does_not_pass_over_a_noun_only_a_person_can_be() -> None:
    """*Our correspondent says … He said his neighbours …*: *correspondent* names a person (no role
    one is known by: `[speakers.person_heads] nouns`), so *he* is the correspondent, not Mr Ablakwa
    quoted before."""
    text = (
        "“There is no iota of scientific evidence in that - somebody has just pulled a prank on the "
        "nation,” Mr Ablakwa told Ghana's Joy FM station. Our correspondent says many people across the "
        "country did not sleep. He said his neighbours were standing outside their homes at 0400."
    )
    st = opening(statements(text), "his neighbours")
    assert name(st) != "Ablakwa"


def test_they_stays_unnamed_after_other_people_written_between() -> None:
    """*… the pollsters said. That may give some comfort to ministers as they seek …*: *they* may be
    the ministers; it stays unnamed. People inside a reported clause are what was said and compete
    with no one (*Officials said … the first doses would go to nurses. “…,” they said*)."""
    text = (
        "A clear majority of voters want the government to deport foreign Muslims who incite hatred, "
        "the pollsters said. That may give some comfort to ministers as they seek to persuade "
        "opposition parties to support new laws."
    )
    st = opening(statements(text), "to persuade")
    assert name(st) is None
    text = (
        "Officials said the vaccines would arrive next week. They added that the first doses would go "
        "to nurses. “We are ready,” they said."
    )
    st = opening(statements(text), "We are ready")
    assert name(st) == "Officials"
    # a definite plural refers back to people already given, most often the speakers themselves
    text = (
        "The two prime ministers, David Cameron and Nawaz Sharif, said they had agreed on all issues. "
        "The two leaders reaffirmed strong bonds of friendship between Pakistan and the UK. They "
        "said both countries were committed to broadening their relations."
    )
    st = opening(statements(text), "both countries")
    assert name(st) is not None


# ---- session 51: *it* that refers to nothing, and *it* never passes over a thing that may be it ------
def test_an_extraposed_it_says_nothing() -> None:
    """*It was unclear how much …*, *it is an act of folly to argue that …*: an *it* whose copula has
    a predicate and a clause after it stands for that clause; nobody speaks, so what is read there has
    no speaker (and never the organization that spoke before)."""
    text = (
        "The World Health Organisation said the virus appeared to spread from human to human. "
        "It was unclear how much protection current vaccines might offer. "
        "In these circumstances, it is an act of folly to argue that the outcome is negated by the war."
    )
    sts = statements(text)
    # PolNeAR reads such clauses as attributions without a source: kept, with no speaker
    assert all(
        s.speaker is None
        for s in sts
        if s.content.text.startswith(("how much", "the outcome", "that the outcome"))
    )
    who = opening(sts, "the virus")
    assert name(who) == "World Health Organisation"


def test_it_said_after_a_speaker_whose_name_ends_in_a_plural_is_that_organization() -> None:
    """*Medecins Sans Frontieres said …. It said …*: a name ending in a plural-looking word is one
    organization, which a later *it* refers to (not the organization that spoke before it)."""
    text = (
        "The US Geological Survey said the tremor was centred 35 miles north-west of the capital. "
        "Medecins Sans Frontieres said its cargo plane had been turned away from the airport three "
        "times since Sunday. It said five patients died from lack of the supplies it carried."
    )
    st = opening(statements(text), "five patients")
    assert name(st) == "Medecins Sans Frontieres"


def test_it_does_not_pass_over_a_body_that_spoke_or_a_thing_named_as_a_subject() -> None:
    """*…, the university said today. It said …*: *it* is the university, not the agency named
    before; *Digicel is Haiti's leading wireless operator. Last week it said …*: not the news agency
    that spoke before. Neither is an organization by name, so *it* stays unnamed."""
    text = (
        "The Health Protection Agency said the case had been confirmed on Tuesday. "
        "The new patient shares a house with two students living off campus, the university said. "
        "It said it had spoken to the agency and had decided not to close."
    )
    st = opening(statements(text), "it had spoken")
    assert name(st) != "Health Protection Agency"
    text = (
        "“Inside, the buzz of workers tapping away on keyboards fills the floors,” the AFP news agency "
        "said. Operators have been working to get networks going again since the earthquake. "
        "Digicel is Haiti's leading wireless operator with two million customers. Last week it said "
        "that about 70% of its cell sites were working."
    )
    (st,) = [s for s in statements(text) if "cell sites" in s.content.text]
    assert name(st) in (None, "Digicel")


def test_it_after_a_country_that_spoke_is_that_country() -> None:
    """*Iran said … It also said …*: a country speaks as *it*; the pronoun does not reach past it to
    the agency that spoke before."""
    text = (
        "The International Atomic Energy Agency said its inspectors had left the site on Monday. "
        "Iran said the talks would resume next week in Vienna. "
        "It also said it would not halt enrichment."
    )
    st = opening(statements(text), "it would not halt")
    assert name(st) == "Iran"


def test_the_role_of_a_title_written_before_a_name_is_that_persons() -> None:
    """*Minister of State for Law and Justice Barrister Aqeel Malik …* then *the minister said*: the
    run of capitalised words before a name is its title, however long (the 30 characters before the
    name hold only *for Law and Justice*)."""
    text = (
        "Minister of State for Law and Justice Barrister Aqeel Malik made these remarks on Thursday.\n\n"
        "Speaking on a television programme, Barrister Malik said “investigations are ongoing.”\n\n"
        "Criticising the platform, the minister said it should not operate with double standards. "
        "“We are talking about a matter of terrorism,” he said."
    )
    sts = statements(text)
    st = opening(sts, "it should not operate")
    assert name(st) is not None and "Aqeel Malik" in name(st)
    quote = opening(sts, "We are talking")
    assert name(quote) == name(st)


def test_a_lone_dateline_before_a_colon_is_no_speaker() -> None:
    """*Islamabad: A Pakistan minister has warned that …*: a lone line-opening label before a
    sentence that reports with its own subject is a dateline, even where the tagger knows no place."""
    text = (
        "Pak May Ban Uncooperative Social Media Platforms\n\n"
        "Islamabad: A Pakistan minister has warned that the government may consider banning social "
        "media platforms if they do not cooperate with the authorities.\n\n"
        "The minister made these remarks on Thursday."
    )
    sts = statements(text)
    assert not [s for s in sts if s.speaker is not None and s.speaker.text == "Islamabad"]
    assert [s for s in sts if s.speaker is not None and s.speaker.text == "A Pakistan minister"]


def test_an_honorific_makes_a_name_a_person_that_he_does_not_pass_over() -> None:
    """*Mr Ahmad told the court … Mr Cotter told him … He said he was releasing more information*:
    a name after *Mr*, *Dr*, *Mrs* is a person even when the tagger typed nothing, so *he* goes on
    with Mr Cotter (no entity: unnamed), not with Mr Ahmad named before."""
    text = (
        "Imran Ahmad told the court his daughter had suffered during her lifetime. "
        "Mr Cotter told him a post-mortem examination was necessary to find out how she had died. "
        "He said he was releasing more information to the family."
    )
    st = opening(statements(text), "he was releasing")
    assert name(st) != "Imran Ahmad"


def test_a_role_in_another_clause_before_a_name_is_not_that_persons() -> None:
    """*… ordered by the health minister heard that Sameerah Ahmad had died*: the role word in the
    30 characters before a name titles it only when nothing but capitalised words and commas stand
    between (*Mexican President Felipe Calderon*, *the minister, Aiden Cotter*)."""
    text = (
        "An inquiry ordered by the health minister heard that Sameerah Ahmad had died of a rare disease "
        "of the small intestine. “It may be that, when we have all the evidence in, we still won't "
        "know,” the minister said."
    )
    st = opening(statements(text), "It may be")
    assert name(st) != "Sameerah Ahmad"


def test_a_titles_small_words_stand_between_a_role_and_its_name() -> None:
    """*The Indian ambassador to Cuba, Mitra Vasisht, …* then *the ambassador says*: a title's small
    words (*to*, *of*) may stand between a role and the name it titles (a guard for the tightened
    30-character window of session 51, which first lost this)."""
    text = (
        "According to the Press Trust of India, the Indian ambassador to Cuba, Mitra Vasisht, is heading "
        "to the Dominican Republic. India has 141 police officers serving with the UN, who the "
        "ambassador says are safe."
    )
    (st,) = [s for s in statements(text) if s.speaker is not None and s.speaker.text == "the ambassador"]
    assert name(st) == "Mitra Vasisht"


def test_a_name_the_tagger_left_unlinked_is_the_one_person_written_so_before() -> None:
    """*Jermaine Jackson … His brother Jermaine's claim … Jermaine said …*: a name with no entity that
    is a written form (or the surname) of exactly one person named before is that person; where the
    entity stage split one person (*Derek Jolly*, *Mr Jolly*, *Jolly*), the one with a first name."""
    text = (
        "Michael Jackson's brother Jermaine Jackson has spoken about the singer's legacy. His brother "
        "Jermaine's claim is that converting to Islam might have saved his life. “I felt that if Michael "
        "had embraced Islam he would still be here today,” the former Jackson 5 member told the BBC "
        "World Service. Jermaine said life had been “tough” on his family since his brother's passing."
    )
    st = opening(statements(text), "life had been")
    assert name(st) == "Jermaine Jackson"
