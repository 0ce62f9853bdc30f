"""Document stages: declared needs and assigns, an ordered registry, a toy stage plugged in."""

from __future__ import annotations

from typing import Any

import pytest

from saidwhat.ingest.base import SourceDoc
from saidwhat.pipeline import analyze
from saidwhat.stages import DOCUMENT_STAGES, DocState, DocumentStage, StageRegistry


def test_the_default_order_and_what_each_stage_assigns() -> None:
    assert DOCUMENT_STAGES.names() == ["entities", "timexes", "quantities", "attribution"]
    assert {"entities", "timexes", "quantities", "statements"} <= DOCUMENT_STAGES.assigned()


def test_a_stage_needing_what_nothing_assigns_is_refused() -> None:
    registry = StageRegistry(list(DOCUMENT_STAGES))
    with pytest.raises(ValueError, match="claims"):
        registry.register(DocumentStage("positions", ("claims",), ("positions",), lambda s: None))
    with pytest.raises(ValueError, match="already"):
        registry.register(DocumentStage("entities", (), (), lambda s: None))


def test_a_toy_stage_runs_after_attribution(nlp: Any) -> None:
    def count_voices(s: DocState) -> None:
        s.extra["voices"] = len({st.speaker.text for st in s.statements if st.speaker})

    registry = StageRegistry(list(DOCUMENT_STAGES))
    registry.register(DocumentStage("voices", ("statements",), ("voices",), count_voices))
    seen: list[object] = []
    registry.register(DocumentStage("spy", ("voices",), (), lambda s: seen.append(s.extra["voices"])))
    text = 'Donald Trump said the deal was "very close." Benjamin Netanyahu said talks would go on.'
    [plain] = list(analyze([SourceDoc("t", text, "t")], nlp=nlp))
    [toyed] = list(analyze([SourceDoc("t", text, "t")], nlp=nlp, stages=registry))
    assert toyed.to_dict() == plain.to_dict()  # an added stage changes nothing it does not own
    assert seen == [len({st.speaker.text for st in plain.statements if st.speaker})] and seen[0] >= 1
