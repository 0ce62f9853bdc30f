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

A stage may also compute, from one article's analysis alone, the part of its rows that depends on
nothing else (the stories stage's features, the claims stage's facts): ``part_key()`` names that
computation (None: the stage has none, or cannot take one made elsewhere, e.g. a custom lexicon) and
``article_part(analysis)`` returns it as text. :meth:`CorpusRegistry.article_parts` runs them where the
article is analysed (an ingest's worker process or Ray actor, or the ingesting process with one
worker), the parts travel with the analysis to the writer (:attr:`saidwhat.model.Analysis.prepared`),
and ``on_added(store, doc_ids, parts)`` gets those of its key for the documents just stored
(``{doc_id: text}``; a document without one is read back from the store and computed there, with the
same ``article_part``, as ``rebuild`` does for every article). A part is a cache, never a second
source of truth: the stage stores exactly what it would compute from the stored article.

Register with :data:`CORPUS_STAGES` (``CORPUS_STAGES.register(stage)``); ``saidwhat rebuild`` runs
every registered stage's ``rebuild`` in order, and the ingest service calls ``on_added`` after each
batch it stores. See ``docs/architecture.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from saidwhat.corpus.stories import StoriesStage, stories_by_doc  # imports nothing from this package
from saidwhat.model import Analysis
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

    def article_parts(self, analysis: Analysis) -> dict[str, str]:
        """Every stage's part of one article (see the module docstring), by part key."""
        parts: dict[str, str] = {}
        for stage in self:
            key = _part_key(stage)
            if key is not None:
                parts[key] = stage.article_part(analysis)  # type: ignore[attr-defined]
        return parts

    def on_added(
        self,
        store: StoreProtocol,
        doc_ids: Sequence[str],
        parts: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        """Tell every stage, in order, about the documents just stored; ``parts``: the parts made where
        they were analysed (``{doc_id: {part key: text}}``, see :meth:`article_parts`), for the stages
        that take them."""
        if not doc_ids or not self.stages:
            return
        self.prepare(store)
        for stage in self:
            key = _part_key(stage)
            if key is None:
                stage.on_added(store, doc_ids)
                continue
            mine = {d: p[key] for d, p in (parts or {}).items() if key in p}
            stage.on_added(store, doc_ids, mine)  # type: ignore[call-arg]

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


def _part_key(stage: CorpusStage) -> str | None:
    """The stage's part key, None when it makes no per-article part (see the module docstring)."""
    key = getattr(stage, "part_key", None)
    return key() if key is not None and hasattr(stage, "article_part") else None


# the stages saidwhat runs (stories, claims, ... register here as they are written)
CORPUS_STAGES = CorpusRegistry([])
# stories first: later stages (claims) read the story of an article (store.story_of)
CORPUS_STAGES.register(StoriesStage())

__all__ = ["CORPUS_STAGES", "CorpusRegistry", "CorpusStage"]

from saidwhat.corpus.claims import ClaimsStage  # noqa: E402 - after the registry it registers with


def _story_of(store: StoreProtocol, doc_id: str) -> str | None:
    return store.story_of(doc_id)


# claims are grouped per story: the stories stage runs first and names each article's story (one at a
# time, or every current article's at once)
CORPUS_STAGES.register(ClaimsStage(story_of=_story_of, needs=("stories",), stories=stories_by_doc))
