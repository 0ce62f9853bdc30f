"""Typed results of the claims stages and their ``saidwhat/1-claims|positions|promises`` JSON shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]
Number = int | float


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Who gave a value or took a position (``None`` in its place: the article itself)."""

    name: str
    entity: str | None = None
    anonymous: bool = False

    def to_dict(self) -> JSON:
        return {"name": self.name, "entity": self.entity, "anonymous": self.anonymous}

    @property
    def key(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class MeasureKey:
    """What a quantity claim measures. Values with different keys never share a claim."""

    thing: str  # lexicon thing name ("cases") or the normalised counted noun ("criminal case")
    state: str  # "confirmed", "alive", ... or ""
    aspect: str  # "" (a total), "new", "daily", "target", "capacity", "rate", "projected"
    unit: str | None
    about: tuple[str, ...]
    story: str | None = None

    @property
    def measure(self) -> str:
        label = " ".join(
            x for x in (self.aspect if self.aspect in ("new", "daily") else "", self.thing, self.state) if x
        )
        if self.aspect and self.aspect not in ("new", "daily"):
            label += f" ({self.aspect})"
        return label


@dataclass(slots=True)
class QuantityValue:
    """One value of a measure, with everything that traces it to its source."""

    key: MeasureKey
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: str | None
    counts: str | None
    text: str
    start: int
    end: int
    stance: str  # asserts | denies
    source: SourceRef | None
    via: tuple[str, ...]
    said_on: str | None
    published: str | None
    article: str
    statement: str | None
    # the disease the count's clause (or its whole's) names, "" when none: read over the story when
    # values are grouped (quantity.resolve_diseases)
    disease: str = ""
    # for a count of people that names no disease, the one disease its article is about (named first,
    # three times or more, no other disease more than once: quantity.article_disease; "" otherwise):
    # read over the story, as ``disease``
    topic: str = ""

    @property
    def date(self) -> str | None:
        return self.said_on or self.published

    def to_dict(self) -> JSON:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "stance": self.stance,
            "source": self.source.to_dict() if self.source else None,
            "via": [{"name": v} for v in self.via],
            "said_on": self.said_on,
            "published": self.published,
            "article": self.article,
            "statement": self.statement,
        }


@dataclass(slots=True)
class Update:
    src: int  # index into the claim's values
    dst: int
    kind: str  # raised | lowered | confirmed | retracted
    by: str | None  # the source that revised (None: an article itself)

    def to_dict(self) -> JSON:
        return {"from": self.src, "to": self.dst, "kind": self.kind, "by": self.by}


@dataclass(slots=True)
class Contradiction:
    a: int
    b: int
    why: str

    def to_dict(self) -> JSON:
        return {"a": self.a, "b": self.b, "why": self.why}


@dataclass(slots=True)
class AssertionValue:
    text: str
    start: int
    end: int
    stance: str  # asserts | denies | confirms
    source: SourceRef | None
    via: tuple[str, ...]
    said_on: str | None
    published: str | None
    article: str
    statement: str | None

    @property
    def date(self) -> str | None:
        return self.said_on or self.published

    def to_dict(self) -> JSON:
        return {
            "value": None,
            "low": None,
            "high": None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "stance": self.stance,
            "source": self.source.to_dict() if self.source else None,
            "via": [{"name": v} for v in self.via],
            "said_on": self.said_on,
            "published": self.published,
            "article": self.article,
            "statement": self.statement,
        }


@dataclass(slots=True)
class Claim:
    id: str
    kind: str  # quantity | assertion
    key: MeasureKey | None
    proposition: str | None = None  # assertion claims: the words the statements share
    story: str | None = None
    values: list[QuantityValue | AssertionValue] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    confirmations: list[Contradiction] = field(default_factory=list)

    def to_dict(self) -> JSON:
        if self.key is not None:
            key: JSON = {
                "measure": self.key.measure,
                "thing": self.key.thing,
                "state": self.key.state or None,
                "aspect": self.key.aspect or None,
                "unit": self.key.unit,
                "counts": _counts(self.values),
                "about": list(self.key.about),
            }
        else:
            key = {
                "measure": None,
                "unit": None,
                "counts": None,
                "about": [],
                "proposition": self.proposition,
            }
        return {
            "id": self.id,
            "kind": self.kind,
            "story": self.story,
            "key": key,
            "values": [v.to_dict() for v in self.values],
            "updates": [u.to_dict() for u in self.updates],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "confirmations": [c.to_dict() for c in self.confirmations],
        }


def show_number(x: float) -> str:
    """A number as people write it: ``354,000,000``, ``1,700``, ``2.5``, ``0.125`` (never ``3.54e+08``)."""
    if isinstance(x, float) and not x.is_integer():
        return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{int(x):,}"


def show_amount(v: dict[str, Any]) -> str:
    """A claim value (its JSON) as written for people: ``48``, ``1,700–2,000``, ``more than 1,700``,
    ``354,000,000``; "" when it has no number."""
    if v.get("value") is None and v.get("low") is None:
        return ""
    if v.get("value") is None:
        shown = (
            f"{show_number(v['low'])}–{show_number(v['high'])}"
            if v.get("high") is not None
            else show_number(v["low"])
        )
    else:
        shown = show_number(v["value"])
    return f"{v['qualifier']} {shown}" if v.get("qualifier") else shown


def _counts(values: list[QuantityValue | AssertionValue]) -> str | None:
    for v in values:
        if isinstance(v, QuantityValue) and v.counts:
            return v.counts
    return None


@dataclass(slots=True)
class Evidence:
    article: str
    statement: str | None
    date: str | None
    stance: str
    text: str
    start: int
    end: int
    via: tuple[str, ...] = ()

    def to_dict(self) -> JSON:
        return {
            "article": self.article,
            "statement": self.statement,
            "date": self.date,
            "stance": self.stance,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "via": [{"name": v} for v in self.via],
        }


@dataclass(slots=True)
class PositionCell:
    actor: str
    entity: str | None
    issue: str
    stance: str  # the latest stance
    first: str | None
    last: str | None
    changes: list[tuple[str | None, str, str]] = field(default_factory=list)  # (on, from, to)
    evidence: list[Evidence] = field(default_factory=list)
    story: str | None = None

    def to_dict(self) -> JSON:
        return {
            "actor": self.actor,
            "entity": self.entity,
            "issue": self.issue,
            "stance": self.stance,
            "first": self.first,
            "last": self.last,
            "story": self.story,
            "changes": [{"on": on, "from": a, "to": b} for on, a, b in self.changes],
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(slots=True)
class Followup:
    article: str
    statement: str | None
    date: str | None
    text: str

    def to_dict(self) -> JSON:
        return {"article": self.article, "statement": self.statement, "date": self.date, "text": self.text}


@dataclass(slots=True)
class Promise:
    speaker: str | None
    entity: str | None
    act: str
    text: str
    start: int
    end: int
    said_on: str | None
    due: str | None
    due_text: str | None
    status: str  # pending | due | overdue
    article: str
    statement: str | None
    story: str | None = None
    via: tuple[str, ...] = ()
    followups: list[Followup] = field(default_factory=list)

    def to_dict(self) -> JSON:
        return {
            "speaker": self.speaker,
            "entity": self.entity,
            "act": self.act,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "said_on": self.said_on,
            "due": self.due,
            "due_text": self.due_text,
            "status": self.status,
            "article": self.article,
            "statement": self.statement,
            "story": self.story,
            "via": [{"name": v} for v in self.via],
            "followups": [f.to_dict() for f in self.followups],
        }
