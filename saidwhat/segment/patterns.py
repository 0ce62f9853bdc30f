"""Compiled patterns for segmentation and publication dates, loaded from ``saidwhat/data/segment.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

Pattern = re.Pattern[str]


def _many(items: list[str], flags: int = re.IGNORECASE) -> tuple[Pattern, ...]:
    return tuple(re.compile(p, flags) for p in items)


def any_match(patterns: tuple[Pattern, ...], line: str) -> bool:
    """Whether one of ``patterns`` matches ``line`` (``re.search``)."""
    return any(p.search(line) for p in patterns)


@dataclass(frozen=True, slots=True)
class SegmentPatterns:
    """Everything :func:`saidwhat.segment.segment_text` needs from the data file."""

    headline_max_chars: int
    headline_max_sentences: int
    lead_min_chars: int
    lead_words: tuple[Pattern, ...]
    lead_dateline: Pattern
    past_verbs: Pattern
    participle_after: frozenset[str]
    related_min_words: int
    related_max_chars: int
    related_min_title_ratio: float
    small_words: frozenset[str]
    final_punctuation: str
    related_markers: tuple[Pattern, ...]
    related_marker_max_chars: int
    neighbour_min_chars: int
    prose_end: str
    list_item: Pattern
    tweet_byline: Pattern
    tweet_inline: Pattern
    post_line_max_chars: int
    embed_lines: tuple[Pattern, ...]
    post_markers: tuple[Pattern, ...]
    plain_line_max_chars: int
    prose_words: tuple[Pattern, ...]
    embed_open: tuple[Pattern, ...]
    embed_close: tuple[Pattern, ...]
    embed_max_lines: int
    signature_lines: tuple[Pattern, ...]
    end_lines: tuple[Pattern, ...]
    comment_headers: tuple[Pattern, ...]
    comment_lines: tuple[Pattern, ...]
    comment_inline: tuple[Pattern, ...]
    boilerplate_max_chars: int
    boilerplate_lines: tuple[Pattern, ...]
    boilerplate_inline: tuple[Pattern, ...]
    date_prefix: Pattern
    signature_min_position: float


@dataclass(frozen=True, slots=True)
class DatePatterns:
    """Everything :func:`saidwhat.segment.find_published` needs from the data file."""

    top_chars: int
    explicit: tuple[Pattern, ...]
    dateline: Pattern
    dateline_max_days: int
    months: dict[str, int]
    weekdays: tuple[str, ...]
    window_words: int
    future_cues: tuple[Pattern, ...]
    past_cues: tuple[Pattern, ...]
    max_days_after_anchor: int


@cache
def _data() -> dict[str, Any]:
    raw = files("saidwhat").joinpath("data", "segment.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@cache
def segment_patterns() -> SegmentPatterns:
    """The segmentation patterns (loaded once)."""
    d = _data()
    h, r, e, s, c, b = (d[k] for k in ("headline", "related", "embed", "signature", "comment", "boilerplate"))
    return SegmentPatterns(
        headline_max_chars=int(h["max_chars"]),
        headline_max_sentences=int(h["max_sentences"]),
        lead_min_chars=int(h["lead_min_chars"]),
        lead_words=_many(h["lead_words"]),
        lead_dateline=re.compile(h["lead_dateline_cs"]),
        past_verbs=re.compile(h["past_verbs_cs"]),
        participle_after=frozenset(w.lower() for w in h["participle_after"]),
        related_min_words=int(r["min_words"]),
        related_max_chars=int(r["max_chars"]),
        related_min_title_ratio=float(r["min_title_ratio"]),
        small_words=frozenset(w.lower() for w in r["small_words"]),
        final_punctuation=str(r["final_punctuation"]),
        related_markers=_many(r["markers"]),
        related_marker_max_chars=int(r["marker_max_chars"]),
        neighbour_min_chars=int(r["neighbour_min_chars"]),
        prose_end=str(r["prose_end"]),
        list_item=re.compile(r["list_item"]),
        tweet_byline=re.compile(e["tweet_byline"]),
        tweet_inline=re.compile(e["tweet_inline"]),
        post_line_max_chars=int(e["post_line_max_chars"]),
        embed_lines=_many(e["lines"]),
        post_markers=_many(e["post_markers"]),
        plain_line_max_chars=int(e["plain_line_max_chars"]),
        prose_words=_many(e["prose_words"]),
        embed_open=_many(e["open_lines"]),
        embed_close=_many(e["closing_lines"]),
        embed_max_lines=int(e["max_lines"]),
        signature_lines=_many(s["end_lines_cs"], 0) + _many(s["lines"]),
        end_lines=_many(s["end_lines_cs"], 0),
        comment_headers=_many(c["headers"]),
        comment_lines=_many(c["lines"]),
        comment_inline=_many(c["inline_cs"], 0),
        boilerplate_max_chars=int(b["max_chars"]),
        boilerplate_lines=_many(b["lines"]) + _many(b["lines_cs"], 0),
        boilerplate_inline=_many(b["inline_cs"], 0),
        date_prefix=re.compile(b["date_prefix"], re.IGNORECASE),
        signature_min_position=float(d["end"]["signature_min_position"]),
    )


@cache
def date_patterns() -> DatePatterns:
    """The publication-date patterns (loaded once)."""
    p = _data()["pubdate"]
    return DatePatterns(
        top_chars=int(p["top_chars"]),
        explicit=_many(p["explicit"], re.IGNORECASE | re.MULTILINE),
        dateline=re.compile(p["dateline_cs"], re.MULTILINE),
        dateline_max_days=int(p["dateline_max_days"]),
        months={str(k).lower(): int(v) for k, v in p["months"].items()},
        weekdays=tuple(str(w).lower() for w in p["weekdays"]),
        window_words=int(p["window_words"]),
        future_cues=_many(p["future_cues"]),
        past_cues=_many(p["past_cues_cs"], 0),
        max_days_after_anchor=int(p["max_days_after_anchor"]),
    )
