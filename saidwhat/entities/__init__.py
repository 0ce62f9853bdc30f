"""Entities: spaCy NER plus a news gazetteer, canonicalised within a document.

``extract_entities`` needs spaCy; it is imported on first use so that readers of the store (which
use the index, the gazetteer and the canonical keys) never load it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from saidwhat.entities.index import EntityIndex
from saidwhat.entities.normalize import canonical_key
from saidwhat.entities.resources import Gazetteer, Source, load_gazetteer

if TYPE_CHECKING:
    from saidwhat.entities.extract import extract_entities

__all__ = ["EntityIndex", "Gazetteer", "Source", "canonical_key", "extract_entities", "load_gazetteer"]


def __getattr__(name: str) -> Any:
    if name == "extract_entities":
        from saidwhat.entities.extract import extract_entities

        return extract_entities
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
