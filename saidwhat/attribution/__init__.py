"""Attribution: who said what, according to whom, and when (issue 4).

:func:`extract_statements` reads the spaCy parse of a document with its segments, entities and
time expressions and returns :class:`saidwhat.model.Statement` records: rules first (quotations,
cue verbs, relays), then the learned PolNeAR tagger for what the rules miss. See
docs/attribution.md and docs/acts.md.
"""

from saidwhat.attribution.engine import extract_statements, learned_relations

__all__ = ["extract_statements", "learned_relations"]
