"""JSON (de)serialisation of :class:`~saidwhat.claims.ArticleFacts`, for a store that keeps the facts
of each article instead of recomputing them from its analysis (``FACTS_SCHEMA`` versions the shape)."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from saidwhat.claims.assertion import AssertionFact
from saidwhat.claims.model import (
    JSON,
    AssertionValue,
    Followup,
    MeasureKey,
    Promise,
    QuantityValue,
    SourceRef,
)
from saidwhat.claims.positions import PositionFact
from saidwhat.claims.promises import LaterStatement, PromiseFact
from saidwhat.model import ArticleRef

if TYPE_CHECKING:
    from saidwhat.claims import ArticleFacts

FACTS_SCHEMA = "saidwhat/1-claim-facts"


def facts_to_dict(f: ArticleFacts) -> JSON:
    d = asdict(f)
    d["schema"] = FACTS_SCHEMA
    return d


def _source(d: dict[str, Any] | None) -> SourceRef | None:
    return SourceRef(d["name"], d.get("entity"), bool(d.get("anonymous", False))) if d else None


def _quantity(d: dict[str, Any]) -> QuantityValue:
    k = d["key"]
    key = MeasureKey(k["thing"], k["state"], k["aspect"], k["unit"], tuple(k["about"]), k["story"])
    rest = {x: v for x, v in d.items() if x not in ("key", "source", "via")}
    return QuantityValue(key=key, source=_source(d["source"]), via=tuple(d["via"]), **rest)


def _assertion_value(d: dict[str, Any]) -> AssertionValue:
    rest = {x: v for x, v in d.items() if x not in ("source", "via")}
    return AssertionValue(source=_source(d["source"]), via=tuple(d["via"]), **rest)


def _promise(d: dict[str, Any]) -> Promise:
    rest = {x: v for x, v in d.items() if x not in ("via", "followups")}
    return Promise(via=tuple(d["via"]), followups=[Followup(**x) for x in d["followups"]], **rest)


def facts_from_dict(d: JSON) -> ArticleFacts:
    """The inverse of :func:`facts_to_dict` (``ValueError`` for another schema)."""
    from saidwhat.claims import ArticleFacts

    if d.get("schema") != FACTS_SCHEMA:
        raise ValueError(f"not a {FACTS_SCHEMA} object: schema={d.get('schema')!r}")
    return ArticleFacts(
        article=ArticleRef(**d["article"]),
        story=d["story"],
        quantities=[_quantity(q) for q in d["quantities"]],
        assertions=[
            AssertionFact(_assertion_value(a["value"]), a["act"], a["negated"], a["story"], list(a["terms"]))
            for a in d["assertions"]
        ],
        positions=[PositionFact(**{**p, "via": tuple(p["via"])}) for p in d["positions"]],
        promises=[PromiseFact(_promise(p["promise"]), p["date"]) for p in d["promises"]],
        statements=[LaterStatement(**s) for s in d["statements"]],
    )


def with_story(d: JSON, story: str | None) -> JSON:
    """``d`` (:func:`facts_to_dict` of an article's facts) with ``story`` as the story of the article and
    of each of its facts, in place. The story only labels the facts (:func:`saidwhat.claims.article_facts`
    reads the article alone), so ``with_story(facts_to_dict(article_facts(a, None)), s)`` is
    ``facts_to_dict(article_facts(a, s))``: the facts can be computed before the story is known."""
    d["story"] = story
    for q in d["quantities"]:
        q["key"]["story"] = story
    for p in d["promises"]:
        p["promise"]["story"] = story
    for kind in ("assertions", "positions", "statements"):
        for x in d[kind]:
            x["story"] = story
    return d
