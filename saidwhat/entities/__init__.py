"""Entities: spaCy NER plus a news gazetteer, canonicalised within a document."""

from typing import TYPE_CHECKING, Any

from saidwhat.entities.index import EntityIndex
from saidwhat.entities.normalize import canonical_key
from saidwhat.entities.resources import Gazetteer, Source, load_gazetteer

if TYPE_CHECKING:
    from saidwhat.entities.extract import extract_entities


def __getattr__(name: str) -> Any:
    # extract_entities loads spaCy: imported when first asked for, so that readers of the store (which
    # use the gazetteer and the cross-document rules only) never load it
    if name == "extract_entities":
        from saidwhat.entities.extract import extract_entities

        return extract_entities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["EntityIndex", "Gazetteer", "Source", "canonical_key", "extract_entities", "load_gazetteer"]
