"""The ``saidwhat/1`` contract as typed dataclasses.

Every stage boundary speaks these types; :meth:`Analysis.to_dict` / :meth:`Analysis.from_dict`
are the only (de)serialisers, used by the CLI, the store, the API and export alike.
All offsets are Python ``str`` indices into :attr:`DocMeta.text`, half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

SCHEMA = "saidwhat/1"

SEGMENT_KINDS: tuple[str, ...] = (
    "headline",
    "body",
    "related",
    "embed",
    "signature",
    "comment",
    "boilerplate",
)

JSON = dict[str, Any]


@dataclass(slots=True)
class DocMeta:
    id: str
    source: str
    text: str
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None
    url: str | None = None
    author: str | None = None
    format: str = "text"

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "published_basis": self.published_basis,
            "url": self.url,
            "author": self.author,
            "format": self.format,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> DocMeta:
        return cls(
            id=d["id"],
            source=d["source"],
            text=d["text"],
            title=d.get("title"),
            published=d.get("published"),
            published_basis=d.get("published_basis"),
            url=d.get("url"),
            author=d.get("author"),
            format=d.get("format", "text"),
        )


@dataclass(slots=True)
class Segment:
    kind: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"kind": self.kind, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> Segment:
        return cls(kind=d["kind"], start=int(d["start"]), end=int(d["end"]))


@dataclass(slots=True)
class Speaker:
    text: str
    start: int
    end: int
    name: str | None = None
    entity: str | None = None
    anonymous: bool = False
    kind: str = "unknown"
    # offsets of the mention this one was resolved to ("he" -> "Donald Trump"), when not itself
    ref_start: int | None = None
    ref_end: int | None = None

    def to_dict(self) -> JSON:
        d: JSON = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "entity": self.entity,
            "anonymous": self.anonymous,
            "kind": self.kind,
        }
        if self.ref_start is not None and self.ref_end is not None:
            d["ref"] = {"start": self.ref_start, "end": self.ref_end}
        return d

    @classmethod
    def from_dict(cls, d: JSON) -> Speaker:
        ref = d.get("ref") or {}
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            name=d.get("name"),
            entity=d.get("entity"),
            anonymous=bool(d.get("anonymous", False)),
            kind=d.get("kind", "unknown"),
            ref_start=ref.get("start"),
            ref_end=ref.get("end"),
        )


@dataclass(slots=True)
class Cue:
    text: str
    start: int
    end: int
    lemma: str

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end, "lemma": self.lemma}

    @classmethod
    def from_dict(cls, d: JSON) -> Cue:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]), lemma=d.get("lemma", ""))


@dataclass(slots=True)
class TextSpan:
    """A plain ``{text, start, end}`` span."""

    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> TextSpan:
        return cls(text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass(slots=True)
class Content:
    """What was said. ``parts`` lists the pieces when the content is split around its cue."""

    text: str
    start: int
    end: int
    parts: list[TextSpan] = field(default_factory=list)

    def to_dict(self) -> JSON:
        d: JSON = {"text": self.text, "start": self.start, "end": self.end}
        if self.parts:
            d["parts"] = [p.to_dict() for p in self.parts]
        return d

    @classmethod
    def from_dict(cls, d: JSON) -> Content:
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            parts=[TextSpan.from_dict(p) for p in d.get("parts", [])],
        )


@dataclass(slots=True)
class Via:
    text: str
    start: int
    end: int
    name: str | None = None
    entity: str | None = None
    kind: str = "unknown"

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "entity": self.entity,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Via:
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            name=d.get("name"),
            entity=d.get("entity"),
            kind=d.get("kind", "unknown"),
        )


@dataclass(slots=True)
class SaidOn:
    value: str
    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"value": self.value, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> SaidOn:
        return cls(value=d["value"], text=d["text"], start=int(d["start"]), end=int(d["end"]))


@dataclass(slots=True)
class Statement:
    id: str
    content: Content
    speaker: Speaker | None = None
    cue: Cue | None = None
    mode: str = "indirect"
    act: str = "claim"
    via: list[Via] = field(default_factory=list)
    hedged: bool = False
    platform: str | None = None
    said_on: SaidOn | None = None
    segment: str = "body"
    # how sure the engine is that this is a statement with this speaker, in [0, 1]
    # (docs/attribution.md "Confidence"); extra field of saidwhat/1
    confidence: float = 1.0

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
            "mode": self.mode,
            "act": self.act,
            "via": [v.to_dict() for v in self.via],
            "hedged": self.hedged,
            "platform": self.platform,
            "said_on": self.said_on.to_dict() if self.said_on else None,
            "segment": self.segment,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Statement:
        return cls(
            id=d["id"],
            content=Content.from_dict(d["content"]),
            speaker=Speaker.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Cue.from_dict(d["cue"]) if d.get("cue") else None,
            mode=d.get("mode", "indirect"),
            act=d.get("act", "claim"),
            via=[Via.from_dict(v) for v in d.get("via", [])],
            hedged=bool(d.get("hedged", False)),
            platform=d.get("platform"),
            said_on=SaidOn.from_dict(d["said_on"]) if d.get("said_on") else None,
            segment=d.get("segment", "body"),
            confidence=float(d.get("confidence", 1.0)),
        )


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str

    def to_dict(self) -> JSON:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: JSON) -> Mention:
        return cls(start=int(d["start"]), end=int(d["end"]), text=d.get("text", ""))


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # titles / roles stripped from mentions ("US President"), demonym's country, etc.
    attributes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
            "attributes": dict(self.attributes),
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            aliases=list(d.get("aliases", [])),
            mentions=[Mention.from_dict(m) for m in d.get("mentions", [])],
            attributes=dict(d.get("attributes", {})),
        )


@dataclass(slots=True)
class Timex:
    text: str
    start: int
    end: int
    type: str
    value: str | None
    # TimeML extras: "mod" (APPROX, BEFORE, ...), "anchor" (what a relative value was resolved against)
    mod: str | None = None
    anchor: str | None = None

    def to_dict(self) -> JSON:
        d: JSON = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            d["mod"] = self.mod
        if self.anchor:
            d["anchor"] = self.anchor
        return d

    @classmethod
    def from_dict(cls, d: JSON) -> Timex:
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            type=d["type"],
            value=d.get("value"),
            mod=d.get("mod"),
            anchor=d.get("anchor"),
        )


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: float | int | None
    unit: str | None = None
    counts: str | None = None
    # extras: qualifier ("about", "more than", ...),
    # kind (count, percent, money, ordinal, range, measure, age),
    # value_max (upper bound of a range)
    qualifier: str | None = None
    kind: str = "count"
    value_max: float | int | None = None

    def to_dict(self) -> JSON:
        d: JSON = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "unit": self.unit,
            "counts": self.counts,
            "kind": self.kind,
        }
        if self.qualifier:
            d["qualifier"] = self.qualifier
        if self.value_max is not None:
            d["value_max"] = self.value_max
        return d

    @classmethod
    def from_dict(cls, d: JSON) -> Quantity:
        return cls(
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            value=d.get("value"),
            unit=d.get("unit"),
            counts=d.get("counts"),
            qualifier=d.get("qualifier"),
            kind=d.get("kind", "count"),
            value_max=d.get("value_max"),
        )


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as the across-articles shapes refer to it (stories, claims, positions, promises)."""

    id: str
    url: str | None
    source: str
    title: str | None
    published: str | None

    @classmethod
    def of(cls, a: Analysis) -> ArticleRef:
        d = a.doc
        return cls(d.id, d.url, d.source, d.title, d.published)

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published,
        }


@dataclass(slots=True)
class Analysis:
    """One analysed article: the whole ``saidwhat/1`` document."""

    doc: DocMeta
    segments: list[Segment] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    # not part of saidwhat/1 (never stored, exported or compared): what the corpus stages computed from
    # this analysis where it was made, by part key (:meth:`saidwhat.corpus.CorpusRegistry.article_parts`),
    # carried with it from an analysis worker to the writer
    prepared: dict[str, str] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> JSON:
        return {
            "schema": SCHEMA,
            "doc": self.doc.to_dict(),
            "segments": [s.to_dict() for s in self.segments],
            "statements": [s.to_dict() for s in self.statements],
            "entities": [e.to_dict() for e in self.entities],
            "timexes": [t.to_dict() for t in self.timexes],
            "quantities": [q.to_dict() for q in self.quantities],
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Analysis:
        if d.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document: schema={d.get('schema')!r}")
        return cls(
            doc=DocMeta.from_dict(d["doc"]),
            segments=[Segment.from_dict(s) for s in d.get("segments", [])],
            statements=[Statement.from_dict(s) for s in d.get("statements", [])],
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            timexes=[Timex.from_dict(t) for t in d.get("timexes", [])],
            quantities=[Quantity.from_dict(q) for q in d.get("quantities", [])],
        )


def iter_spans(data: JSON) -> list[tuple[str, JSON]]:
    """Every ``{text, start, end}`` span of a ``saidwhat/1`` dict, with a path naming where it is."""
    out: list[tuple[str, JSON]] = []

    def visit(path: str, node: object) -> None:
        if isinstance(node, dict):
            node = cast(JSON, node)
            if "start" in node and "end" in node and "text" in node and isinstance(node["text"], str):
                out.append((path, node))
            for k, v in node.items():
                if k != "doc":
                    visit(f"{path}.{k}", v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                visit(f"{path}[{i}]", v)

    for key in ("statements", "entities", "timexes", "quantities"):
        visit(key, data.get(key, []))
    return out


def check_contract(data: JSON) -> list[str]:
    """Problems with a ``saidwhat/1`` dict (empty when it honours the contract)."""
    problems: list[str] = []
    if data.get("schema") != SCHEMA:
        problems.append(f"schema is {data.get('schema')!r}, not {SCHEMA!r}")
    doc = data.get("doc") or {}
    for key in ("id", "source", "title", "published", "published_basis", "text"):
        if key not in doc:
            problems.append(f"doc.{key} missing")
    text = doc.get("text", "")
    if not isinstance(text, str):
        return [*problems, "doc.text is not a string"]
    segs = data.get("segments", [])
    pos = 0
    for i, s in enumerate(segs):
        if s.get("kind") not in SEGMENT_KINDS:
            problems.append(f"segments[{i}].kind {s.get('kind')!r} unknown")
        if s["start"] != pos:
            problems.append(f"segments[{i}] starts at {s['start']}, expected {pos}")
        if s["end"] <= s["start"]:
            problems.append(f"segments[{i}] is empty or reversed")
        pos = s["end"]
    if text and pos != len(text):
        problems.append(f"segments end at {pos}, text has {len(text)} characters")
    for path, span in iter_spans(data):
        a, b = span["start"], span["end"]
        if not (0 <= a <= b <= len(text)):
            problems.append(f"{path}: offsets {a}-{b} outside the text")
        elif text[a:b] != span["text"]:
            problems.append(f"{path}: text {span['text']!r} != doc.text[{a}:{b}] {text[a:b]!r}")
    for i, st in enumerate(data.get("statements", [])):
        for key in (
            "id",
            "speaker",
            "cue",
            "content",
            "mode",
            "act",
            "via",
            "hedged",
            "platform",
            "said_on",
            "segment",
        ):
            if key not in st:
                problems.append(f"statements[{i}].{key} missing")
        if st.get("mode") not in ("direct", "indirect", "mixed"):
            problems.append(f"statements[{i}].mode {st.get('mode')!r} unknown")
        conf = st.get("confidence", 1.0)
        if isinstance(conf, bool) or not isinstance(conf, int | float) or not 0.0 <= conf <= 1.0:
            problems.append(f"statements[{i}].confidence {conf!r} is not a number in [0, 1]")
    return problems
