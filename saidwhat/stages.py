"""Document stages: the steps that analyse one article, declared like spaCy components.

Each :class:`DocumentStage` names what it ``needs`` and what it ``assigns`` on the
:class:`DocState` it shares with the others; :data:`DOCUMENT_STAGES` runs them in order and checks
at registration that everything a stage needs is assigned by the base steps or an earlier stage.

The base steps, run by :mod:`saidwhat.pipeline` for every document before the stages:
``source`` (the :class:`SourceDoc`), ``segments`` and ``published`` (segmentation and the
publication date, before the parse), ``anchor`` (the publication date as a ``date``), ``parse``
(the spaCy ``Doc``, parsed in batches) and ``learned`` (the learned attribution tagger's relations,
computed per batch). A new stage is a function of the state plus one ``register`` call; see
``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from saidwhat.acts import check_cue_lexicon
from saidwhat.attribution import extract_statements
from saidwhat.attribution.learned import LearnedRelation
from saidwhat.attribution.linking import link_statements
from saidwhat.entities import EntityIndex, extract_entities
from saidwhat.ingest.base import SourceDoc
from saidwhat.model import Quantity, Segment, Statement, Timex
from saidwhat.quantities import extract_quantities
from saidwhat.timex import extract_timexes

BASE = ("source", "segments", "published", "anchor", "parse", "learned")


@dataclass(slots=True)
class DocState:
    """One document on its way through the stages (fields named as stages declare them)."""

    source: SourceDoc
    segments: list[Segment]
    published: str | None
    published_basis: str | None
    anchor: date | None
    parse: Doc
    learned: list[LearnedRelation] | None = None
    entities: EntityIndex | None = None
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)  # what third-party stages assign

    def index(self) -> EntityIndex:
        assert self.entities is not None, "the entities stage has not run"
        return self.entities


@dataclass(frozen=True, slots=True)
class DocumentStage:
    name: str
    needs: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[DocState], None]


@dataclass(slots=True)
class StageRegistry:
    """Document stages in the order they run."""

    stages: list[DocumentStage]

    def register(self, stage: DocumentStage) -> DocumentStage:
        if stage.name in self.names():
            raise ValueError(f"document stage {stage.name!r} is already registered")
        missing = [n for n in stage.needs if n not in self.assigned()]
        if missing:
            raise ValueError(f"document stage {stage.name!r} needs {missing}: nothing before it assigns them")
        self.stages.append(stage)
        return stage

    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def assigned(self) -> set[str]:
        return {*BASE, *(a for s in self.stages for a in s.assigns)}

    def __iter__(self) -> Iterator[DocumentStage]:
        return iter(list(self.stages))

    def run(self, state: DocState) -> DocState:
        for stage in self:
            stage.run(state)
        return state


def _entities(s: DocState) -> None:
    s.entities = extract_entities(s.parse, s.segments)


def _timexes(s: DocState) -> None:
    s.timexes = extract_timexes(s.parse, s.anchor, text=s.source.text)


def _quantities(s: DocState) -> None:
    s.quantities = extract_quantities(s.parse, s.timexes)


def _attribution(s: DocState) -> None:
    s.statements = extract_statements(s.parse, s.segments, s.index(), s.timexes, s.anchor, s.learned)
    link_statements(s.statements, s.index())


check_cue_lexicon()  # the attribution stage's lexicon names registered speech acts only
DOCUMENT_STAGES = StageRegistry([])
DOCUMENT_STAGES.register(DocumentStage("entities", ("parse", "segments"), ("entities",), _entities))
DOCUMENT_STAGES.register(DocumentStage("timexes", ("parse", "anchor", "source"), ("timexes",), _timexes))
DOCUMENT_STAGES.register(DocumentStage("quantities", ("parse", "timexes"), ("quantities",), _quantities))
DOCUMENT_STAGES.register(
    DocumentStage(
        "attribution",
        ("parse", "segments", "entities", "timexes", "anchor", "learned"),
        ("statements",),
        _attribution,
    )
)

__all__ = ["DOCUMENT_STAGES", "DocState", "DocumentStage", "StageRegistry"]
