"""Claims across articles: quantity claims, assertion claims, positions, promises (docs/claims.md).

Two steps, so that a corpus stage can run the first incrementally and the second per story:

- :func:`article_facts` reads one analysed article (and its story id) and returns everything the
  cross-article steps need from it (:class:`ArticleFacts`, no reference to the article text kept
  beyond the spans it quotes); it depends on that article only, so it can run at ingest and be
  stored or cached.
- :func:`build_claims`, :func:`build_positions_report` and :func:`build_promises_report` group facts
  of many articles (cheap; deterministic for a given set of facts, whatever their order) and return
  the ``saidwhat/1-claims``, ``saidwhat/1-positions`` and ``saidwhat/1-promises`` objects.

:func:`analyse_corpus` does both for a list of analyses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from saidwhat.claims.assertion import AssertionFact, assertion_facts, build_assertions
from saidwhat.claims.lexicon import ClaimsLexicon, load_lexicon
from saidwhat.claims.model import JSON, Claim, PositionCell, Promise, QuantityValue
from saidwhat.claims.positions import PositionFact, build_positions, position_facts
from saidwhat.claims.promises import (
    LaterStatement,
    PromiseFact,
    build_promises,
    later_statements,
    promise_facts,
)
from saidwhat.claims.quantity import group_values, quantity_values, resolve_diseases
from saidwhat.claims.text import ArticleView
from saidwhat.model import Analysis, ArticleRef

__all__ = [
    "ArticleFacts",
    "CorpusClaims",
    "analyse_corpus",
    "article_facts",
    "build_claims",
    "build_positions_report",
    "build_promises_report",
    "facts_from_dict",
    "facts_to_dict",
]


@dataclass(slots=True)
class ArticleFacts:
    """What one article contributes to the cross-article stages."""

    article: ArticleRef
    story: str | None
    quantities: list[QuantityValue] = field(default_factory=list)
    assertions: list[AssertionFact] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)
    promises: list[PromiseFact] = field(default_factory=list)
    statements: list[LaterStatement] = field(default_factory=list)


def article_facts(
    analysis: Analysis, story: str | None = None, lex: ClaimsLexicon | None = None
) -> ArticleFacts:
    """The facts of one analysed article (``story``: its story id, which scopes every grouping)."""
    lex = lex or load_lexicon()
    view = ArticleView.build(
        analysis,
        story,
        lex.place_aliases,
        lex.countries,
        lex.local_places,
        lex.country_forms,
        frozenset(lex.capitals),
    )
    return ArticleFacts(
        article=ArticleRef.of(analysis),
        story=story,
        quantities=quantity_values(view, lex),
        assertions=assertion_facts(view, lex),
        positions=position_facts(view, lex),
        promises=promise_facts(view, lex),
        statements=later_statements(view, lex),
    )


def _sorted(facts: Iterable[ArticleFacts]) -> list[ArticleFacts]:
    return sorted(facts, key=lambda f: (f.story or "", f.article.published or "", f.article.id))


def _articles(facts: list[ArticleFacts]) -> list[JSON]:
    return [f.article.to_dict() for f in facts]


def build_claims(
    facts: Iterable[ArticleFacts], lex: ClaimsLexicon | None = None, story: str | None = None
) -> JSON:
    """The ``saidwhat/1-claims`` object: quantity claims, then assertion claims."""
    lex = lex or load_lexicon()
    fs = [f for f in _sorted(facts) if story is None or f.story == story]
    qclaims = group_values(resolve_diseases([v for f in fs for v in f.quantities], lex), lex)
    aclaims = build_assertions([a for f in fs for a in f.assertions], lex, start_id=len(qclaims) + 1)
    return {
        "schema": "saidwhat/1-claims",
        "story": story,
        "claims": [c.to_dict() for c in [*qclaims, *aclaims]],
        "articles": _articles(fs),
    }


def build_positions_report(
    facts: Iterable[ArticleFacts], lex: ClaimsLexicon | None = None, story: str | None = None
) -> JSON:
    lex = lex or load_lexicon()
    fs = [f for f in _sorted(facts) if story is None or f.story == story]
    cells = build_positions([p for f in fs for p in f.positions], lex)
    return {
        "schema": "saidwhat/1-positions",
        "story": story,
        "cells": [c.to_dict() for c in cells],
        "articles": _articles(fs),
    }


def build_promises_report(
    facts: Iterable[ArticleFacts],
    as_of: date | None = None,
    lex: ClaimsLexicon | None = None,
    story: str | None = None,
) -> JSON:
    """``as_of`` defaults to the latest publication date of the articles."""
    lex = lex or load_lexicon()
    fs = [f for f in _sorted(facts) if story is None or f.story == story]
    if as_of is None:
        days = [f.article.published for f in fs if f.article.published]
        as_of = date.fromisoformat(max(days)[:10]) if days else None
    proms = build_promises(
        [p for f in fs for p in f.promises], [s for f in fs for s in f.statements], lex, as_of
    )
    return {
        "schema": "saidwhat/1-promises",
        "story": story,
        "as_of": as_of.isoformat() if as_of else None,
        "promises": [p.to_dict() for p in proms],
        "articles": _articles(fs),
    }


@dataclass(slots=True)
class CorpusClaims:
    facts: list[ArticleFacts]
    claims: list[Claim]
    positions: list[PositionCell]
    promises: list[Promise]


def analyse_corpus(
    analyses: Iterable[Analysis],
    stories: Mapping[str, str] | None = None,
    as_of: date | None = None,
    lex: ClaimsLexicon | None = None,
) -> CorpusClaims:
    """Facts and grouped results for a list of analyses (``stories``: doc id -> story id)."""
    lex = lex or load_lexicon()
    stories = stories or {}
    facts = _sorted(article_facts(a, stories.get(a.doc.id), lex) for a in analyses)
    qclaims = group_values((v for f in facts for v in f.quantities), lex)
    aclaims = build_assertions([a for f in facts for a in f.assertions], lex, start_id=len(qclaims) + 1)
    positions = build_positions([p for f in facts for p in f.positions], lex)
    if as_of is None:
        days = [f.article.published for f in facts if f.article.published]
        as_of = date.fromisoformat(max(days)[:10]) if days else None
    proms = build_promises(
        [p for f in facts for p in f.promises], [s for f in facts for s in f.statements], lex, as_of
    )
    return CorpusClaims(facts, [*qclaims, *aclaims], positions, proms)


from saidwhat.claims.serial import facts_from_dict, facts_to_dict  # noqa: E402
