"""Story timelines: the key days of a story and what happened or was said on each.

A day is a candidate when an article is published on it, names it in its text (a timex normalised
to a day) or dates a statement to it (``said_on``). A day named in an article published *before*
it is a forecast, not something that happened, and is not counted. Days are ranked by evidence
that several writers, on several days, thought the day worth naming (the date-reference signal of
DATEWISE-style timeline summarisation):

    score(d) = pub_weight · (articles published on d)
             + mention_weight · (articles published on another day that name d)
             + days_weight · (distinct publication days, other than d, of the articles naming d)

A retrospective "on April 20 the rig exploded" thus counts for April 20 even before the first
article. Each day gets up to ``max_entries`` entries, each a span of one article: first statements
dated to the day (named speakers first), then sentences naming the day, then leads of articles
published that day, the most central first (term overlap with the other candidates of that day),
one per article while others are left.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from saidwhat.stories.features import _WORD, ArticleFeatures, normalize_term

TIMELINE_SCHEMA = "saidwhat/1-timeline"
JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class TimelineParams:
    pub_weight: float = 1.0
    mention_weight: float = 1.0
    days_weight: float = 1.0
    max_entries: int = 3

    def __post_init__(self) -> None:
        if min(self.pub_weight, self.mention_weight, self.days_weight) < 0:
            raise ValueError("timeline weights must not be negative")
        if not 1 <= self.max_entries <= 10:
            raise ValueError("max_entries must be between 1 and 10")

    @classmethod
    def from_mapping(cls, d: Mapping[str, Any]) -> TimelineParams:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(f"unknown timeline settings: {', '.join(unknown)}")
        kw: dict[str, Any] = {}
        for k, v in d.items():
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise ValueError(f"timeline setting {k} must be a number")
            kw[k] = int(v) if k == "max_entries" else float(v)
        return cls(**kw)


def default_timeline_params() -> TimelineParams:
    from saidwhat.stories.cluster import load_settings

    return TimelineParams.from_mapping(load_settings().get("timeline", {}))


@dataclass(slots=True)
class Entry:
    text: str
    article: str
    start: int
    end: int
    statement: str | None = None
    speaker: str | None = None
    kind: str = "event"  # statement | event | lead

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "article": self.article,
            "statement": self.statement,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "kind": self.kind,
        }


@dataclass(slots=True)
class KeyDate:
    date: str
    score: float
    published: int  # articles published that day
    mentioned: int  # articles from other days naming it
    days: int  # distinct other publication days naming it
    entries: list[Entry]

    def to_dict(self) -> JSON:
        return {
            "date": self.date,
            "score": self.score,
            "published": self.published,
            "mentioned": self.mentioned,
            "mention_days": self.days,
            "entries": [e.to_dict() for e in self.entries],
        }


@dataclass(slots=True)
class _Cand:
    entry: Entry
    rank: int  # 0 named statement, 1 other statement, 2 sentence naming the day, 3 lead
    terms: Counter[str]


def _terms(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        t = normalize_term(m.group())
        if t is not None:
            out[t] += 1
    return out


def _day_candidates(members: list[ArticleFeatures]) -> dict[str, list[_Cand]]:
    cands: dict[str, list[_Cand]] = defaultdict(list)
    for f in members:
        pub = f.published
        for s in f.statements:
            if pub is not None and s.date > pub:
                continue
            rank = 0 if s.speaker else 1  # a named speaker first; "they", "officials" after
            e = Entry(
                s.content.text,
                f.id,
                s.content.start,
                s.content.end,
                s.id,
                s.speaker or s.speaker_text,
                "statement",
            )
            cands[s.date].append(_Cand(e, rank, _terms(s.content.text)))
        for d in f.dates:
            if pub is not None and d.date > pub:
                continue
            sp = d.sentence
            cands[d.date].append(_Cand(Entry(sp.text, f.id, sp.start, sp.end), 2, _terms(sp.text)))
        if pub is not None and f.lead is not None:
            sp = f.lead
            cands[pub].append(_Cand(Entry(sp.text, f.id, sp.start, sp.end, kind="lead"), 3, _terms(sp.text)))
    return cands


def _pick(cands: list[_Cand], n: int) -> list[Entry]:
    pool: Counter[str] = Counter()
    for c in cands:
        pool.update(set(c.terms))

    def centrality(c: _Cand) -> float:
        if not c.terms:
            return 0.0
        return sum(pool[t] - 1 for t in c.terms) / math.sqrt(sum(c.terms.values()))

    ranked = sorted(cands, key=lambda c: (c.rank, -centrality(c), c.entry.article, c.entry.start))
    out: list[Entry] = []
    seen_text: set[str] = set()
    seen_art: set[str] = set()
    for one_per_article in (True, False):
        for c in ranked:
            if len(out) >= n:
                return out
            key = " ".join(c.entry.text.lower().split())
            if key in seen_text or (one_per_article and c.entry.article in seen_art):
                continue
            seen_text.add(key)
            seen_art.add(c.entry.article)
            out.append(c.entry)
    return out


def key_dates(members: Iterable[ArticleFeatures], params: TimelineParams | None = None) -> list[KeyDate]:
    """The story's days ranked best first (score, then date), each with its entries."""
    p = params or default_timeline_params()
    arts = sorted(members, key=lambda f: (f.published or "", f.id))
    published: Counter[str] = Counter(f.published for f in arts if f.published)
    naming: dict[str, set[str]] = defaultdict(set)  # day -> articles from other days naming it
    naming_days: dict[str, set[str]] = defaultdict(set)
    for f in arts:
        named = {d.date for d in f.dates} | {s.date for s in f.statements}
        for day in named:
            if f.published is not None and (day > f.published or day == f.published):
                continue
            naming[day].add(f.id)
            if f.published is not None:
                naming_days[day].add(f.published)
    cands = _day_candidates(arts)
    out = []
    for day in sorted(set(published) | set(naming)):
        score = (
            p.pub_weight * published[day]
            + p.mention_weight * len(naming[day])
            + p.days_weight * len(naming_days[day])
        )
        if score <= 0:
            continue
        out.append(
            KeyDate(
                day,
                round(score, 4),
                published[day],
                len(naming[day]),
                len(naming_days[day]),
                _pick(cands.get(day, []), p.max_entries),
            )
        )
    out.sort(key=lambda k: (-k.score, k.date))
    return out


def timeline_doc(
    members: Iterable[ArticleFeatures],
    *,
    story: str | None = None,
    top: int | None = None,
    params: TimelineParams | None = None,
) -> JSON:
    """The ``saidwhat/1-timeline`` object: the ``top`` best days (all when None) in date order."""
    ranked = key_dates(members, params)
    if top is not None:
        if top < 1:
            raise ValueError("top must be at least 1")
        ranked = ranked[:top]
    return {
        "schema": TIMELINE_SCHEMA,
        "story": story,
        "dates": [k.to_dict() for k in sorted(ranked, key=lambda k: k.date)],
    }
