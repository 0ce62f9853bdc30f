"""Corpus stages: work over the whole store that runs after articles are stored.

A document stage (:mod:`saidwhat.stages`) reads one article; a corpus stage reads many stored
articles (stories, timelines, claim updates, positions) and keeps its results in its own tables.
Each corpus stage has two entry points that must agree:

* ``on_added(store, doc_ids)`` — incremental: ``doc_ids`` are the documents just stored (new
  articles and new versions, never unchanged ones), in storage order;
* ``rebuild(store)`` — from scratch and deterministic: the same stored articles always give the
  same tables, whatever order or batches they were added in.

A stage may also define ``on_finished(store)``, which the ingest service calls once after the last
batch of an ingest (``CorpusRegistry.finish``): work whose cost grows with the store and that a
reader can do without meanwhile (the claims stage regroups there the stories the batches touched,
instead of after every batch).

A stage declares its ``name``, the corpus stages it ``needs`` (they run before it), and versioned
``migrations`` for its tables (applied by :meth:`StoreProtocol.migrate_stage`). It reads analyses
and statements through the store protocol (``store.get(doc_id)``, ``store.document(doc_id)``, …)
and writes its tables through ``store.transaction()``.

Register with :data:`CORPUS_STAGES` (``CORPUS_STAGES.register(stage)``); ``saidwhat rebuild`` runs
every registered stage's ``rebuild`` in order, and the ingest service calls ``on_added`` after each
batch it stores. See ``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from saidwhat.corpus.stories import StoriesStage  # imports nothing from this package
from saidwhat.store.migrations import Migration
from saidwhat.store.protocol import StoreProtocol


@runtime_checkable
class CorpusStage(Protocol):
    """A stage over the whole store (see the module docstring)."""

    name: str
    needs: tuple[str, ...]
    migrations: tuple[Migration, ...]

    def on_added(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None: ...

    def rebuild(self, store: StoreProtocol) -> None: ...


@dataclass(slots=True)
class CorpusRegistry:
    """Corpus stages in the order they run; a stage is registered after the stages it needs."""

    stages: list[CorpusStage]

    def register(self, stage: CorpusStage) -> CorpusStage:
        names = [s.name for s in self.stages]
        if stage.name in names:
            raise ValueError(f"corpus stage {stage.name!r} is already registered")
        missing = [n for n in stage.needs if n not in names]
        if missing:
            raise ValueError(f"corpus stage {stage.name!r} needs {missing}: register them first")
        self.stages.append(stage)
        return stage

    def __iter__(self) -> Iterator[CorpusStage]:
        return iter(list(self.stages))

    def __len__(self) -> int:
        return len(self.stages)

    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def prepare(self, store: StoreProtocol) -> None:
        """Create or migrate every stage's tables (idempotent)."""
        for stage in self:
            store.migrate_stage(stage.name, stage.migrations)

    def on_added(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None:
        """Tell every stage, in order, about the documents just stored."""
        if not doc_ids or not self.stages:
            return
        self.prepare(store)
        for stage in self:
            stage.on_added(store, doc_ids)

    def finish(self, store: StoreProtocol) -> None:
        """After the last batch of an ingest: every stage's optional ``on_finished(store)``, in order."""
        hooks = [getattr(stage, "on_finished", None) for stage in self]
        if not any(hooks):
            return
        self.prepare(store)
        for hook in hooks:
            if hook is not None:
                hook(store)

    def rebuild(self, store: StoreProtocol) -> list[str]:
        """Rebuild every stage from the stored articles, in order; the names of the stages run."""
        self.prepare(store)
        for stage in self:
            stage.rebuild(store)
        return self.names()


# the stages saidwhat runs (stories, claims, ... register here as they are written)
CORPUS_STAGES = CorpusRegistry([])
# stories first: later stages (claims) read the story of an article (store.story_of)
CORPUS_STAGES.register(StoriesStage())

__all__ = ["CORPUS_STAGES", "CorpusRegistry", "CorpusStage"]

from saidwhat.corpus.claims import ClaimsStage  # noqa: E402 - after the registry it registers with


def _story_of(store: StoreProtocol, doc_id: str) -> str | None:
    return store.story_of(doc_id)


# claims are grouped per story: the stories stage runs first and names each article's story
CORPUS_STAGES.register(ClaimsStage(story_of=_story_of, needs=("stories",)))
