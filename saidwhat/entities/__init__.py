"""Entities: spaCy NER plus a news gazetteer, canonicalised within a document."""

from saidwhat.entities.extract import extract_entities
from saidwhat.entities.index import EntityIndex
from saidwhat.entities.normalize import canonical_key
from saidwhat.entities.resources import Gazetteer, Source, load_gazetteer

__all__ = ["EntityIndex", "Gazetteer", "Source", "canonical_key", "extract_entities", "load_gazetteer"]
