"""Issue 16, the default output on real news (session 9, trust3): wrong speakers and non-statements,
each class on sentences written in the style of news copy (none copied from the real-news set)."""

from __future__ import annotations

from saidwhat.model import Statement
from tests.trust_support import statements


def name(st: Statement) -> str | None:
    return st.speaker.name if st.speaker else None


# ---- the clause of a possessed speech noun is its possessor's ---------------------------------------
def test_a_reaction_to_a_directive_is_the_directive_of_its_owner() -> None:
    sts = statements(
        "The health minister, Dr. Amina Bello, has responded to Governor Peter Okoro's directive that "
        "all commissioners seeking office must step down."
    )
    (st,) = [s for s in sts if "step down" in s.content.text]
    assert st.content.text == "that all commissioners seeking office must step down"
    assert st.speaker is not None and "Okoro" in st.speaker.text
    assert st.act == "demand"


def test_the_owner_of_a_pronoun_possessed_claim_is_the_subject_it_continues() -> None:
    sts = statements("Senator Ruth Lane repeated her claim that the vote had been rigged.")
    (st,) = [s for s in sts if "rigged" in s.content.text]
    assert name(st) == "Ruth Lane"


def test_a_directive_noun_with_a_relative_clause_is_no_statement() -> None:
    sts = statements("The European directive that governs cosmetics labelling was published in March.")
    assert not [s for s in sts if "cosmetics" in s.content.text]


# ---- the wire's dateline is never what was said ---------------------------------------------------------
def test_a_dateline_is_not_part_of_a_closing_report() -> None:
    sts = statements(
        "NAIROBI, June 3 (Reuters) – Floodwaters have cut the main road to the port, the county "
        "governor said on Tuesday."
    )
    (st,) = sts
    assert st.content.text == "Floodwaters have cut the main road to the port"
    assert st.speaker is not None and st.speaker.text == "the county governor"


def test_a_content_made_of_the_dateline_alone_is_dropped() -> None:
    sts = statements(
        "LIMA, Aug 9 (Reuters) – Inspectors found that the dam had cracked, the Financial Times reported "
        "on Friday, quoting people familiar with the inquiry."
    )
    assert all("LIMA" not in s.content.text and "Reuters" not in s.content.text for s in sts)


# ---- evidence is no speaker: under the default cut ------------------------------------------------------
def test_what_data_or_records_show_is_under_the_default_cut() -> None:
    from saidwhat.settings import DEFAULT_MIN_CONFIDENCE

    for text in (
        "Official data showed the country's exports fell 4 percent in March, the steepest drop in a year.",
        "Court records show the firm paid the fine in 2019.",
        "Security camera footage shows the driver leaving the car moments before the fire.",
    ):
        for st in statements(text):
            assert st.confidence < DEFAULT_MIN_CONFIDENCE, (text, st)


def test_the_weights_name_data_by_its_lemma() -> None:
    from saidwhat.attribution.confidence import weights

    assert {"datum", "statistic"} <= weights().evidence_heads
    assert "figure" not in weights().evidence_heads  # "a key figure in the party said"


# ---- a third party's report inside a closed quotation ---------------------------------------------------
def test_a_report_inside_a_quotation_is_the_third_partys_relayed_by_the_quoted_speaker() -> None:
    sts = statements(
        "“We are still waiting, because the minister told parents the money would come next week,” "
        "said Ada Obi, a teacher in the town."
    )
    (outer,) = [s for s in sts if s.content.text.startswith("We are still waiting")]
    assert name(outer) == "Ada Obi"
    (inner,) = [s for s in sts if s.speaker is not None and s.speaker.text == "the minister"]
    assert inner.content.text == "the money would come next week"
    assert [v.text for v in inner.via] == ["Ada Obi, a teacher in the town"]
    assert inner.mode == "indirect"


def test_the_quoted_speaker_stays_the_topic_after_a_report_inside_the_quotation() -> None:
    sts = statements(
        "Governor Samuel Okafor has not yet decided whether to resign.\n\n"
        "“I cannot answer you today because the President said anyone with questions should come "
        "and see him,” the Daily Herald quoted Okafor as saying.\n\n"
        "“I will consult my people first,” he added."
    )
    (inner,) = [s for s in sts if s.speaker is not None and s.speaker.text == "the President"]
    assert inner.content.text == "anyone with questions should come and see him"
    assert [v.text for v in inner.via][:1] == ["Okafor"]
    (last,) = [s for s in sts if s.content.text.startswith("I will consult")]
    assert name(last) == "Samuel Okafor"


def test_no_report_inside_a_quotation_from_a_case_a_generic_plural_or_the_speaker_himself() -> None:
    for text in (
        "“When critics say we spend too much, they forget the roads,” the mayor said.",
        "“Fans say I complain about the schedule, and they are right,” the coach said.",
        "“I said the plan would fail,” Mr. Ross said.",
        "“If the minister says the school will close, we will protest,” said Ada Obi.",
    ):
        sts = statements(text)
        assert len(sts) == 1, (text, sts)
