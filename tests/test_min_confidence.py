"""The default cut of analyze / ingest output (``Settings.min_confidence``, issue 16, session 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.ingest.base import SourceDoc
from saidwhat.ingest.service import analyse, keep_confident, store_sources
from saidwhat.pipeline import analyze_text
from saidwhat.settings import DEFAULT_MIN_CONFIDENCE, Settings, check_min_confidence
from saidwhat.store import open_store

# a statement, a belief and a failure to release information: three confidences far apart
TEXT = (
    "Minister Ana Costa said on Monday that the bridge would reopen in May. "
    "Police believe the suspect fled on foot. They did not release further information.\n"
)


def test_default_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAIDWHAT_MIN_CONFIDENCE", raising=False)
    assert Settings().min_confidence == DEFAULT_MIN_CONFIDENCE
    monkeypatch.setenv("SAIDWHAT_MIN_CONFIDENCE", "0")
    assert Settings().min_confidence == 0.0
    monkeypatch.setenv("SAIDWHAT_MIN_CONFIDENCE", "1.5")
    with pytest.raises(SaidwhatError) as e:
        Settings()
    assert e.value.code == "E_SETTINGS" and e.value.source == "SAIDWHAT_MIN_CONFIDENCE"
    with pytest.raises(SaidwhatError) as e:
        check_min_confidence(-0.1)
    assert e.value.code == "E_BAD_REQUEST"


def test_keep_confident_drops_only_weaker_statements_and_keeps_ids() -> None:
    full = analyze_text(TEXT, published="2024-05-14")
    confs = sorted(s.confidence for s in full.statements)
    assert len(confs) >= 2 and confs[0] < DEFAULT_MIN_CONFIDENCE <= confs[-1]
    ids = {s.id: s.confidence for s in full.statements}
    cut = keep_confident(analyze_text(TEXT, published="2024-05-14"), DEFAULT_MIN_CONFIDENCE)
    assert cut.statements and all(s.confidence >= DEFAULT_MIN_CONFIDENCE for s in cut.statements)
    assert {s.id for s in cut.statements} == {i for i, c in ids.items() if c >= DEFAULT_MIN_CONFIDENCE}
    assert len(keep_confident(analyze_text(TEXT, published="2024-05-14"), 0.0).statements) == len(ids)


def test_analyse_and_ingest_apply_the_setting(tmp_path: Path) -> None:
    src = SourceDoc("cut", TEXT, "cut.txt", published="2024-05-14")
    everything = Settings(db=str(tmp_path / "all.db"))
    everything.min_confidence = 0.0
    default = Settings(db=str(tmp_path / "cut.db"))
    default.min_confidence = DEFAULT_MIN_CONFIDENCE
    ((_, a_all),) = list(analyse([src], everything))
    ((_, a_cut),) = list(analyse([src], default))
    assert len(a_cut.statements) < len(a_all.statements)
    with open_store(everything.db) as store:
        stored_all = store_sources(store, [src], everything).statements
    with open_store(default.db) as store:
        stored_cut = store_sources(store, [src], default).statements
    assert (stored_all, stored_cut) == (len(a_all.statements), len(a_cut.statements))
