"""Issue 16, false positives on real news (session 8): each class on a sentence written like wire
copy or a regional paper."""

from __future__ import annotations

from saidwhat.attribution.confidence import Evidence, confidence, weights
from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text


def statements(text: str) -> list[Statement]:
    return analyze_text(text, published="2024-05-14").statements


def spk(st: Statement) -> str | None:
    return st.speaker.text if st.speaker else None


# ---- object control: the infinitive the parse hung inside the object's modifiers ----------------
def test_urged_anyone_with_information_to_contact_police_keeps_the_infinitive() -> None:
    sts = statements(
        "Detroit Mayor Mike Duggan had urged anyone with information about the shootings to contact police."
    )
    (st,) = sts
    assert spk(st) == "Detroit Mayor Mike Duggan"
    assert st.content.text == "anyone with information about the shootings to contact police"
    assert st.act == "demand"


def test_a_clause_of_its_own_after_the_object_is_not_taken_as_the_infinitive() -> None:
    sts = statements("The coach urged patience after the defeat, which he said was hard to take.")
    urged = [s for s in sts if s.cue is not None and s.cue.text == "urged"]
    assert all("hard to take" not in s.content.text for s in urged)


# ---- product recalls are events ------------------------------------------------------------------
def test_recalling_counted_vehicles_is_a_product_recall_not_a_statement() -> None:
    assert not statements(
        "Takata and automakers so far have taken a targeted approach in recalling millions of vehicles "
        "with air bags that can potentially rupture upon deployment."
    )
    assert not statements("Toyota recalled 1.4 million cars in the United States on Tuesday.")


def test_recall_of_memory_stays_a_statement() -> None:
    (st,) = statements("The senator recalled that the two men had met in Chicago in 2008.")
    assert st.content.text == "that the two men had met in Chicago in 2008"
    sts = statements(
        "Benjamin J. Rhodes, one of the president's closest aides, recalled Mr. Obama talking about "
        '"Collapse," Jared Diamond\'s 2005 best seller, which explored the end of ancient societies.'
    )
    assert any(s.cue is not None and s.cue.text == "recalled" for s in sts)  # a year is no count


# ---- beliefs ---------------------------------------------------------------------------------------
def test_a_belief_weighs_less_than_an_event_cue() -> None:
    w = weights()
    belief = Evidence(False, 1.0, False, True, "described", False, False, False, belief=True)
    event = Evidence(False, 1.0, False, True, "described", False, False, False)
    assert confidence(belief, w) < confidence(event, w)


def test_archaeologists_believe_is_less_sure_than_a_reported_event_cue() -> None:
    sts = statements(
        "Archaeologists believe the inhabitants managed to escape the fire. "
        "Archaeologists said the house burned down around 5300 BC."
    )
    believed = next(s for s in sts if "escape" in s.content.text)
    said = next(s for s in sts if "burned" in s.content.text)
    assert believed.confidence < said.confidence * weights().not_speech_cue


# ---- the quoted speaker's own "I've said" ---------------------------------------------------------
def test_first_person_cue_inside_an_open_quotation_is_the_quoted_speakers() -> None:
    text = (
        "“What the most recent data do reinforce is we must continue to be vigilant,” Ms Bullock said "
        "at a press conference on Tuesday. “I’ve said before that we have made progress here and we’re "
        "not going to jeopardise that. “The rise in interest rates has been painful for many people.”"
    )
    sts = statements(text)
    assert all(s.speaker is not None for s in sts)
    progress = [s for s in sts if "made progress" in s.content.text]
    assert progress and all(spk(s) == "Ms Bullock" for s in progress)


def test_third_person_cue_inside_a_quotation_is_still_reported() -> None:
    sts = statements(
        "“We will win this, the mayor said after the count,” Ms Okafor told reporters on Monday."
    )
    assert any(spk(s) == "Ms Okafor" for s in sts)


# ---- a gerund after a cue of denial or admission ---------------------------------------------------
def test_denied_using_tear_gas_keeps_the_whole_gerund_clause() -> None:
    (st,) = statements(
        "On Monday, US park police denied using tear gas during the protests near the White House."
    )
    assert spk(st) == "US park police"
    assert st.content.text == "using tear gas during the protests near the White House"
    assert st.act == "deny"


# ---- a relative source never says its own antecedent ----------------------------------------------
def test_footage_that_shows_does_not_say_the_clause_it_hangs_on() -> None:
    sts = statements(
        "The Skagit County Department of Emergency Management released a grainy image from security "
        "camera footage, that shows an unarmed suspect. Police Lt. Chris Cammock said the suspect "
        "walked into the mall without a weapon."
    )
    assert all("released a grainy image" not in s.content.text for s in sts)
    assert any((spk(s) or "").endswith("Chris Cammock") for s in sts)


# ---- a passive cue speaks through its by-agent only -------------------------------------------------
def test_a_source_that_is_not_the_passives_agent_is_weak() -> None:
    sts = statements(
        "A few hours before Prime Minister Narendra Modi’s Cabinet ministers' list was announced, "
        "Babul Supriyo took to social media to announce that he had resigned."
    )
    resigned = next(s for s in sts if "resigned" in s.content.text)
    listed = [s for s in sts if s.cue is not None and s.cue.text == "was announced"]
    assert all(s.confidence < 0.5 * resigned.confidence for s in listed)
    (post,) = [
        s
        for s in statements("The story was first reported by The Washington Post on Friday.")
        if s.cue is not None and "reported" in s.cue.text
    ]
    assert spk(post) == "The Washington Post" and post.confidence > 0.5
