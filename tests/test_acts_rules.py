"""Speech acts read off the cue's object, its negation and the content (docs/acts.md, issue 16
"Acts and polarity"): one sentence per rule, written for these tests in the style of news copy
(none taken from the real-news development set)."""

from __future__ import annotations

import pytest

from saidwhat.model import Statement
from saidwhat.pipeline import analyze_text


def act_of(text: str, content: str) -> str:
    """The act of the statement whose content holds ``content``."""
    sts: list[Statement] = analyze_text(text, published="2024-05-14").statements
    found = [s.act for s in sts if content in s.content.text]
    assert found, [(s.act, s.content.text) for s in sts]
    return found[0]


@pytest.mark.parametrize(
    ("text", "content", "act"),
    [
        # rule 2: what is rejected names the act — an assertion is denied, a proposal refused
        ("The mayor rejected the auditor's figures.", "figures", "deny"),
        ("The committee rejected claims that it had ignored the warnings.", "ignored", "deny"),
        ("The governor rejected as false the reports of a cover-up.", "cover-up", "deny"),
        ("The ministry dismissed the allegations as politically motivated.", "allegations", "deny"),
        ("The striking nurses rejected the hospital's latest offer.", "offer", "refuse"),
        ("The coach dismissed calls for his resignation.", "resignation", "refuse"),
        ("The court denied the request for bail.", "bail", "refuse"),
        ("The senator rejected the amendment.", "amendment", "refuse"),
        # a plain cue whose object is a speech-act noun does that act again
        ("The bishop reiterated his appeal to the rebels to lay down their arms.", "arms", "demand"),
        # rule 3: a negated cue did not do its act
        ("The governor did not explicitly call for new elections.", "elections", "claim"),
        ("The president never promised to lower taxes.", "taxes", "claim"),
        ("The minister did not confirm that the plant would close.", "plant", "deny"),
        # rule 4: an explicit performative of the speaker
        ("“I condemn this attack in the strongest terms,” the mayor said.", "attack", "accuse"),
        ("“We reject these figures entirely,” the union leader said.", "figures", "deny"),
        ("The agency said it had urged residents to boil their water.", "boil", "demand"),
        ("“I thank the volunteers for their courage,” the mayor said.", "volunteers", "praise"),
        ("“I have been asked to step aside,” the director said.", "step aside", "claim"),
        # rule 4: the speaker's own future action — promise; negated — refuse; retaliation — threaten
        ("The airline said it would compensate every stranded passenger.", "compensate", "promise"),
        ("“We will rebuild every school that was destroyed,” the governor said.", "rebuild", "promise"),
        ("The union said it would not accept the new contract.", "contract", "refuse"),
        ("“We will never negotiate with kidnappers,” the minister said.", "kidnappers", "refuse"),
        ("The ministry said it would retaliate against any new tariffs.", "tariffs", "threaten"),
        ("The cartel vowed revenge for the arrests.", "arrests", "threaten"),
        ("The president pledged to punish those responsible.", "punish", "promise"),
        # ... not a state, an extraposed "it", a counterfactual, someone else's future or an
        # ambiguous pronoun after a hearer
        ("The company said it would take several weeks to repair the line.", "repair", "claim"),
        ("The coach said he would be ready for the final.", "ready", "claim"),
        ("“We would have won with a full squad,” the captain said.", "squad", "claim"),
        ("The analyst said the company would report a loss.", "loss", "claim"),
        ("The lawyer told the judge she would appeal.", "appeal", "claim"),
        ("“He will always set the standard for the rest of us,” the coach said.", "standard", "claim"),
        ("He added that if his daughter were still in the army, he would tell her.", "army", "claim"),
        ("Some studies suggest that meeting the target will require huge investment.", "investment", "claim"),
        ("She said she had called the senator to congratulate him.", "senator", "claim"),
        ("The agency did not say whether it will extend the ban.", "extend", "claim"),
        ("“We will continue to see new cases for weeks,” the director said.", "cases", "claim"),
        ("The prime minister said he would be attending the emergency meeting.", "meeting", "claim"),
        ("“Personally, I'd avoid the trip,” the doctor said.", "trip", "claim"),
        ("The doctor said: “Personally, I'd avoid the trip for now.”", "trip", "claim"),
        ("The agency said it had asked hospitals to report every new case.", "hospitals", "demand"),
        ("The governor said “I don't expect a deal this week.”", "deal", "predict"),
        ("The economist did not expect the rate cut.", "rate cut", "predict"),
        ("The health service said it expects the outbreak to peak in March.", "peak", "predict"),
        # rule 4: an obligation laid on others is a demand; epistemic "must be" and "I must" are not
        ("The inspector said more must be done to protect workers.", "workers", "demand"),
        ("The report said the government needs to raise teachers' pay.", "pay", "demand"),
        ("The doctor said there must be an explanation for the spike.", "spike", "claim"),
        ("“I must leave now,” the chairman said.", "leave", "claim"),
        ("“You mustn't touch the birds,” the ranger said.", "birds", "demand"),
        ("The official said most patients would not need to take antivirals.", "antivirals", "claim"),
        ("The minister said the vaccine would probably have to be given in two doses.", "doses", "claim"),
        ("The bank said the economy had yet to hit bottom.", "bottom", "claim"),
        ("The ministry said the country has enough vaccine to protect everyone.", "vaccine", "claim"),
        # rule 4: answer particles
        ("“Yes, the deal is done,” the agent said.", "deal", "confirm"),
        ("“No, we have not received any offer,” the club said.", "offer", "deny"),
        ("“Nobody expected this,” the manager said.", "expected", "claim"),
        # rule 5: "please" marks a request
        ("“If you see smoke, please call the fire service,” the fire chief said.", "smoke", "demand"),
        # directive cues with a directive content; "advise" with a clause informs
        ("The senator proposed that the hearing be postponed.", "hearing", "demand"),
        ("He pleaded guilty to one count of access to a protected computer.", "computer", "claim"),
    ],
)
def test_act(text: str, content: str, act: str) -> None:
    assert act_of(text, content) == act


def test_the_judge_advising_with_a_clause_is_her_own_statement_not_a_demand() -> None:
    sts = analyze_text(
        "Mr Dube said the judge had advised that the ruling would not affect other cases.",
        published="2024-05-14",
    ).statements
    judge = [s for s in sts if s.speaker is not None and s.speaker.text == "the judge"]
    assert [s.act for s in judge] == ["claim"]
