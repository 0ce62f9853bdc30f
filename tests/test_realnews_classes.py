"""Issue 16: failure classes seen on real news (sentences written for the tests, modelled on wire
copy and regional papers), and the statement confidence."""

from __future__ import annotations

from saidwhat.attribution.confidence import Evidence, confidence, weights
from saidwhat.model import Statement, check_contract
from saidwhat.pipeline import analyze_text


def statements(text: str, published: str | None = "2024-03-12") -> list[Statement]:
    return analyze_text(text, published=published).statements


def spk(st: Statement) -> str | None:
    return st.speaker.text if st.speaker else None


# ---- confidence -------------------------------------------------------------------------------------
def test_confidence_is_in_unit_interval_and_serialised() -> None:
    a = analyze_text(
        "Prime Minister Ana Costa said on Monday that the budget would pass. "
        "Radar recordings show the plane turned back twice.",
        published="2024-03-12",
    )
    d = a.to_dict()
    assert d["statements"] and not check_contract(d)
    for st in d["statements"]:
        assert 0.0 <= st["confidence"] <= 1.0
    assert Statement.from_dict(d["statements"][0]).confidence == d["statements"][0]["confidence"]


def test_contract_rejects_a_confidence_outside_the_unit_interval() -> None:
    d = analyze_text("The mayor said the bridge would reopen in May.").to_dict()
    d["statements"][0]["confidence"] = 1.5
    assert any("confidence" in p for p in check_contract(d))


def test_named_speaker_with_clause_outranks_evidence_and_pronouns() -> None:
    w = weights()
    named = Evidence(False, 1.0, True, True, "named", False, False, False)
    evidence = Evidence(True, 0.9, False, True, "described", True, False, False)
    unresolved = Evidence(False, 1.0, True, True, "unresolved", False, False, False)
    event = Evidence(True, 0.7, False, False, "named", False, False, False)
    c = confidence(named, w)
    assert c > confidence(unresolved, w) and c > confidence(evidence, w) > 0
    assert confidence(event, w) < 0.5 <= confidence(named, w)


def test_said_outranks_an_evidence_verb_in_the_engine() -> None:
    sts = statements(
        "Defence Minister Ana Costa said the convoy had been hit by a drone. "
        "Satellite images showed three burned trucks near the border."
    )
    said = next(s for s in sts if "convoy" in s.content.text)
    assert said.confidence >= 0.8
    shown = [s for s in sts if "trucks" in s.content.text]
    assert all(s.confidence < said.confidence for s in shown)
