"""What the story stage needs from one analysed article: :class:`ArticleFeatures`.

:func:`features_of` reads a :class:`saidwhat.model.Analysis` once (no parse: the analysis is
enough) and keeps only what clustering and timelines use — content terms and key phrases for
TF-IDF, canonical entities, named speakers, day-level dates found in the text with the sentence
around them, statements with a ``said_on`` day, and the lead sentence. Every kept span carries
its offsets into the article text and its text (``text[start:end]``), so a timeline entry can be
shown and linked without the article at hand. :meth:`ArticleFeatures.to_dict` /
:meth:`ArticleFeatures.from_dict` are the persisted form (``saidwhat/1-features``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from saidwhat.model import Analysis, ArticleRef, Segment, TextSpan

FEATURES_SCHEMA = "saidwhat/1-features"
JSON = dict[str, Any]

# segments whose words are the article's own (comments, related headlines, boilerplate are not)
CONTENT_SEGMENTS = frozenset({"headline", "body", "embed"})
# entity types that name actors, places and events; dates, numbers and the like are not story keys
STORY_ENTITY_TYPES = frozenset(
    {"PERSON", "ORG", "OUTLET", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
)
MAX_TERMS = 200  # most frequent content terms kept per article
MAX_PHRASES = 40  # most frequent two-word key phrases kept per article
MAX_ENTITIES = 40
MAX_SENTENCE = 400  # characters of a sentence kept around a date (longer ones are cut to a window)
MAX_DATED = 60  # dated sentences kept per article (the first ones in the text)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
# a sentence ends at . ! ? (and closing quotes/brackets) before white space and an upper-case
# letter, a digit or an opening quote
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")
# text between these breaks a key phrase
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”‘’—–]|\s-\s")
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@functools.cache
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words (a copy in ``saidwhat/data/stop_words_en.txt``, so that readers of
    stored features never import spaCy; a test checks it against spaCy's list) and the news words
    of ``[terms] extra_stop_words`` in ``saidwhat/data/stories.toml`` (reporting verbs, weekdays,
    honorifics, ...). Loaded on first use."""
    import tomllib
    from importlib import resources

    data = resources.files("saidwhat").joinpath("data")
    lines = data.joinpath("stop_words_en.txt").read_text(encoding="utf-8").splitlines()
    base = frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))
    raw = data.joinpath("stories.toml").read_text(encoding="utf-8")
    extra = tomllib.loads(raw).get("terms", {}).get("extra_stop_words", [])
    if not isinstance(extra, list) or not all(isinstance(w, str) for w in extra):
        raise ValueError("stories.toml: [terms] extra_stop_words must be a list of strings")
    return base | frozenset(w.lower() for w in extra)


def normalize_term(word: str) -> str | None:
    """A content word as a term: lower case, possessive and a plural ``s`` dropped; None for a stop
    word or a one-letter token."""
    stop = _stop_words()
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) < 2 or w in stop:
        return None
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return None if w in stop else w


# a piece of the article, ``text == article_text[start:end]``: the contract's plain span
Span = TextSpan


@dataclass(slots=True)
class DateMention:
    """A day named in the text (a normalised timex), with the sentence that holds it."""

    date: str  # YYYY-MM-DD
    text: str  # the timex as written
    start: int
    end: int
    sentence: Span

    def to_dict(self) -> JSON:
        return {
            "date": self.date,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: JSON) -> DateMention:
        return cls(
            date=d["date"],
            text=d["text"],
            start=int(d["start"]),
            end=int(d["end"]),
            sentence=Span.from_dict(d["sentence"]),
        )


@dataclass(slots=True)
class DatedStatement:
    """A statement with the day it was made (``said_on``)."""

    id: str
    date: str  # YYYY-MM-DD
    speaker: str | None  # canonical name of a named, non-anonymous speaker
    speaker_text: str | None  # the speaker mention as written ("they", "an unnamed official")
    anonymous: bool
    act: str
    content: Span

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "date": self.date,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "anonymous": self.anonymous,
            "act": self.act,
            "content": self.content.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: JSON) -> DatedStatement:
        return cls(
            id=d["id"],
            date=d["date"],
            speaker=d.get("speaker"),
            speaker_text=d.get("speaker_text"),
            anonymous=bool(d.get("anonymous", False)),
            act=d.get("act", "claim"),
            content=Span.from_dict(d["content"]),
        )


@dataclass(slots=True)
class ArticleFeatures:
    """What a story needs from one analysed article (persisted per article as JSON)."""

    id: str
    published: str | None  # YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str = ""
    terms: dict[str, int] = field(default_factory=dict)  # content term -> count
    phrases: dict[str, int] = field(default_factory=dict)  # "swine flu" -> count
    entities: dict[str, int] = field(default_factory=dict)  # canonical name -> mentions
    entity_types: dict[str, str] = field(default_factory=dict)  # canonical name -> type
    speakers: dict[str, int] = field(default_factory=dict)  # named, non-anonymous speaker -> statements
    dates: list[DateMention] = field(default_factory=list)
    statements: list[DatedStatement] = field(default_factory=list)
    lead: Span | None = None  # the first sentence of the body

    def to_dict(self) -> JSON:
        return {
            "schema": FEATURES_SCHEMA,
            "id": self.id,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "terms": dict(self.terms),
            "phrases": dict(self.phrases),
            "entities": [
                {"name": n, "type": self.entity_types.get(n, ""), "count": c}
                for n, c in self.entities.items()
            ],
            "speakers": dict(self.speakers),
            "dates": [d.to_dict() for d in self.dates],
            "statements": [s.to_dict() for s in self.statements],
            "lead": self.lead.to_dict() if self.lead else None,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> ArticleFeatures:
        if d.get("schema") != FEATURES_SCHEMA:
            raise ValueError(f"not a {FEATURES_SCHEMA} object: schema={d.get('schema')!r}")
        ents = d.get("entities", [])
        return cls(
            id=d["id"],
            published=d.get("published"),
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source", ""),
            terms={str(k): int(v) for k, v in d.get("terms", {}).items()},
            phrases={str(k): int(v) for k, v in d.get("phrases", {}).items()},
            entities={e["name"]: int(e["count"]) for e in ents},
            entity_types={e["name"]: e.get("type", "") for e in ents},
            speakers={str(k): int(v) for k, v in d.get("speakers", {}).items()},
            dates=[DateMention.from_dict(x) for x in d.get("dates", [])],
            statements=[DatedStatement.from_dict(x) for x in d.get("statements", [])],
            lead=Span.from_dict(d["lead"]) if d.get("lead") else None,
        )

    def reference(self) -> JSON:
        """The article reference of the across-articles contract."""
        return ArticleRef(self.id, self.url, self.source, self.title, self.published).to_dict()


# ----------------------------------------------------------------------------- building


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end) pairs, white space trimmed."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        cut = m.start() + len(m.group().rstrip())
        _append_trimmed(text, pos, cut, out)
        pos = m.end()
    _append_trimmed(text, pos, end, out)
    return out


def _append_trimmed(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def _window(text: str, a: int, b: int, focus_a: int, focus_b: int) -> Span:
    """The sentence [a, b), cut to at most MAX_SENTENCE characters around [focus_a, focus_b) at word
    boundaries."""
    if b - a > MAX_SENTENCE:
        mid = (focus_a + focus_b) // 2
        lo = max(a, min(mid - MAX_SENTENCE // 2, b - MAX_SENTENCE))
        hi = min(b, lo + MAX_SENTENCE)
        if lo > a:
            sp = text.find(" ", lo, focus_a)
            lo = sp + 1 if sp != -1 else lo
        if hi < b:
            sp = text.rfind(" ", focus_b, hi)
            hi = sp if sp != -1 else hi
        a, b = lo, hi
    return Span(text[a:b], a, b)


def _content_ranges(segments: list[Segment], n: int) -> list[tuple[int, int]]:
    if not segments:
        return [(0, n)]
    return [(s.start, s.end) for s in segments if s.kind in CONTENT_SEGMENTS]


def _terms_and_phrases(text: str, ranges: list[tuple[int, int]]) -> tuple[Counter[str], Counter[str]]:
    terms: Counter[str] = Counter()
    phrases: Counter[str] = Counter()
    for a, b in ranges:
        for chunk in _PHRASE_BREAK.split(text[a:b]):
            prev: str | None = None
            for m in _WORD.finditer(chunk):
                t = normalize_term(m.group())
                if t is None:
                    prev = None
                    continue
                terms[t] += 1
                # key phrases keep the words as written (lower case), to be shown in titles
                w = m.group().lower().replace("’", "'").removesuffix("'s")
                if prev is not None and prev != w:
                    phrases[f"{prev} {w}"] += 1
                prev = w
    return terms, phrases


def _top(counts: Counter[str], n: int, min_count: int = 1) -> dict[str, int]:
    ranked = sorted((kv for kv in counts.items() if kv[1] >= min_count), key=lambda kv: (-kv[1], kv[0]))
    return dict(ranked[:n])


def day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD day of a TimeML value (``2009-04-27``, ``2009-04-27TNI``), None for coarser
    or non-date values."""
    if not value:
        return None
    m = _DAY.match(value)
    return m.group(1) if m else None


def features_of(analysis: Analysis, doc_id: str | None = None) -> ArticleFeatures:
    """The story features of one analysed article (``doc_id`` overrides ``analysis.doc.id``)."""
    doc = analysis.doc
    text = doc.text
    ranges = _content_ranges(analysis.segments, len(text))
    terms, phrases = _terms_and_phrases(text, ranges)
    sents: list[tuple[int, int]] = []
    for a, b in ranges:
        sents.extend(sentence_bounds(text, a, b))
    starts = [s for s, _ in sents]

    def sentence_at(a: int, b: int) -> Span:
        i = bisect.bisect_right(starts, a) - 1
        if i < 0 or sents[i][1] < b:
            return _window(text, max(0, a - MAX_SENTENCE // 2), min(len(text), b + MAX_SENTENCE // 2), a, b)
        return _window(text, sents[i][0], sents[i][1], a, b)

    def in_content(pos: int) -> bool:
        return any(a <= pos < b for a, b in ranges)

    ents: Counter[str] = Counter()
    types: dict[str, str] = {}
    for e in analysis.entities:
        if e.type not in STORY_ENTITY_TYPES:
            continue
        n = sum(1 for m in e.mentions if in_content(m.start))
        if n:
            ents[e.name] += n
            types.setdefault(e.name, e.type)
    top_ents = _top(ents, MAX_ENTITIES)

    speakers: Counter[str] = Counter()
    dated_statements: list[DatedStatement] = []
    for st in analysis.statements:
        if st.segment not in CONTENT_SEGMENTS:
            continue
        sp = st.speaker
        name = sp.name if sp is not None and sp.name and not sp.anonymous else None
        if name:
            speakers[name] += 1
        day = day_of(st.said_on.value) if st.said_on else None
        if day is not None:
            c = st.content
            dated_statements.append(
                DatedStatement(
                    id=st.id,
                    date=day,
                    speaker=name,
                    speaker_text=sp.text if sp is not None else None,
                    anonymous=bool(sp is not None and sp.anonymous),
                    act=st.act,
                    content=_window(text, c.start, c.end, c.start, c.end),
                )
            )

    dates: list[DateMention] = []
    for tx in analysis.timexes:
        if tx.type not in ("DATE", "TIME") or not in_content(tx.start):
            continue
        day = day_of(tx.value)
        if day is None:
            continue
        dates.append(
            DateMention(
                date=day, text=tx.text, start=tx.start, end=tx.end, sentence=sentence_at(tx.start, tx.end)
            )
        )
        if len(dates) >= MAX_DATED:
            break

    lead = None
    for a, b in sents:
        if b - a >= 40 and sum(1 for _ in _WORD.finditer(text, a, b)) >= 6:
            lead = _window(text, a, b, a, min(b, a + 1))
            break

    published = day_of(doc.published)
    return ArticleFeatures(
        id=doc_id or doc.id,
        published=published,
        title=doc.title,
        url=doc.url,
        source=doc.source,
        terms=_top(terms, MAX_TERMS),
        phrases=_top(phrases, MAX_PHRASES, min_count=2),
        entities=top_ents,
        entity_types={n: types[n] for n in top_ents},
        speakers=_top(speakers, MAX_ENTITIES),
        dates=dates,
        statements=dated_statements,
        lead=lead,
    )
