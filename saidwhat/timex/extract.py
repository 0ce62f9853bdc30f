"""Run the grammar over a parsed document and keep the longest non-overlapping expressions."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from saidwhat.model import Timex
from saidwhat.spans import SpanSet
from saidwhat.timex.calendar import duration, in_range, pad_to, shift_value, to_granularity
from saidwhat.timex.grammar import Ctx, Rule, rules

_DIGITS = re.compile(r"\d+")
_CLOCK_AFTER = re.compile(r":\d|\s?[ap]\.?\s?m\b", re.IGNORECASE)
# how far a match may reach before / after the word that triggers its rule
_BEFORE, _AFTER = 48, 56


@lru_cache(maxsize=1)
def _trigger_keys() -> Any:
    """The trigger hashes, sorted, for a vectorised membership test."""
    return np.array(sorted(_trigger_index()[0]), dtype=np.uint64)


@lru_cache(maxsize=1)
def _trigger_index() -> tuple[dict[int, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """Rules by the hash of a lower-case trigger token, and by digit shape."""
    words: dict[int, list[int]] = {}
    digits: dict[str, list[int]] = {}
    for i, rule in enumerate(rules()):
        for w in rule.triggers:
            for form in (w, w + "."):
                words.setdefault(get_string_id(form), []).append(i)
        for d in rule.digits:
            digits.setdefault(d, []).append(i)
    return {k: tuple(v) for k, v in words.items()}, {k: tuple(v) for k, v in digits.items()}


def _digit_kinds(text: str, start: int, end: int) -> list[str]:
    kinds = []
    n = end - start
    nxt = text[end : end + 1]
    if n == 4 and 1600 <= int(text[start:end]) <= 2099:
        kinds.append("year")
        if nxt == "-":
            kinds.append("dash")
    if nxt == "/":
        kinds.append("slash")
    if text[end - 1] == "0" and nxt in ("s", "'", "’"):
        kinds.append("decade")
    if n <= 2 and _CLOCK_AFTER.match(text, end):
        kinds.append("clock")
    return kinds


def _windows(doc: Doc, text: str) -> list[list[tuple[int, int]]]:
    """Per rule, the merged stretches of text around that rule's trigger tokens."""
    words, digits = _trigger_index()
    spots: list[list[int]] = [[] for _ in rules()]
    arr = doc.to_array([LOWER, IDX])
    keys = _trigger_keys()
    lower = arr[:, 0]
    pos = np.minimum(np.searchsorted(keys, lower), len(keys) - 1)
    for row in arr[keys[pos] == lower].tolist():
        for ri in words[row[0]]:
            spots[ri].append(row[1])
    for m in _DIGITS.finditer(text):
        for kind in _digit_kinds(text, m.start(), m.end()):
            for ri in digits.get(kind, ()):
                spots[ri].append(m.start())
    out: list[list[tuple[int, int]]] = []
    n = len(text)
    for rs in spots:
        rs.sort()
        merged: list[tuple[int, int]] = []
        for at in rs:
            s, e = max(0, at - _BEFORE), min(n, at + _AFTER)
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        out.append(merged)
    return out


_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)


def _drop_article(ctx: Ctx, start: int, end: int) -> int:
    """ "the third-quarter results", "the 24-hour news cycle": a hyphenated time adjective leaves
    the article to the noun it modifies (TimeML spans it without "the")."""
    art = _ARTICLE.match(ctx.text, start, end)
    if art is None or "-" not in ctx.text[art.end() : end].split()[-1]:
        return start
    last = ctx.token(end - 1)
    return art.end() if last.head.i > last.i and last.head.idx >= end else start


def _candidates(ctx: Ctx) -> list[tuple[int, int, int, Timex, tuple[int, str, str] | None]]:
    text, anchor = ctx.text, ctx.anchor
    all_rules: tuple[Rule, ...] = rules()
    cands: list[tuple[int, int, int, Timex, tuple[int, str, str] | None]] = []
    for ri, windows in enumerate(_windows(ctx.doc, text)):
        rule = all_rules[ri]
        for ws, we in windows:
            for m in rule.pattern.finditer(text, ws, we):
                try:
                    res = rule.handler(m, ctx)
                except (OverflowError, ValueError):
                    # arithmetic past year 1 or 9999 (an anchor at the calendar's edge): no value
                    continue
                if res is None:
                    continue
                if ctx.token(m.start()).ent_type_ in _NAME_ENTS and rule.name != "holiday":
                    continue  # "USA Today", "NBC Nightly News", ABC's "This Week"
                if _quoted_title(text, m.start(), m.end()):
                    continue  # ABC's "This Week With David Brinkley", the film "High Noon"
                if res.value and res.value[0].isdigit() and not in_range(res.value):
                    res.value = None  # year 0 or 10000 from an anchor at the calendar's edge
                start = m.start() if res.start is None else res.start
                end = m.end() if res.end is None else res.end
                start = _drop_article(ctx, start, end)
                if end <= start or "\n" in text[start:end]:
                    continue  # a line break ends a headline, a signature, a paragraph
                tx = Timex(
                    text=text[start:end],
                    start=start,
                    end=end,
                    type=res.type,
                    value=res.value,
                    mod=res.mod,
                    anchor=anchor.isoformat() if (res.relative and anchor is not None) else None,
                )
                cands.append((start, end, ri, tx, res.ref))
    return cands


_TITLE_BEFORE = re.compile(r"(?:\"|“|``)(?:[A-Z][\w'’.-]*\s+)*$")
_TITLE_AFTER = re.compile(r"(?:\s+[A-Z][\w'’.-]*)*[,.!?]?(?:\"|”|'')")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """The match is part of a title in quotation marks of two or more capitalised words: "This
    Week", "High Noon" (not a quoted answer: "Friday," he said)."""
    if not _CAPITALISED.fullmatch(text, start, end):
        return False
    before = _TITLE_BEFORE.search(text, max(0, start - 60), start)
    after = _TITLE_AFTER.match(text, end, min(len(text), end + 80)) if before else None
    if before is None or after is None:
        return False
    words = len((before.group(0) + text[start:end] + after.group(0)).split())
    return words >= 2


# a time word inside one of these names is part of the name
_NAME_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC"}
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")
# how far back a clock time looks for its day
_DAY_REACH = 150
# how far back the time a "a year earlier" is counted from may be
_REF_REACH = 400


_LATER = re.compile(r"\s+later$", re.IGNORECASE)


def _to_distance(tx: Timex, amount: int, unit: str) -> None:
    """ "Three days later" with no time to count from: the duration "Three days" ("later" is the signal)."""
    m = _LATER.search(tx.text)
    if m is None:
        return
    tx.text = tx.text[: m.start()]
    tx.end = tx.start + len(tx.text)
    tx.type = "DURATION"
    tx.value = duration(amount, unit, False)


def _resolve_refs(out: list[Timex], refs: list[tuple[int, str, str] | None]) -> None:
    """Resolve "a year earlier" / "two days later" against the last calendar value before it.

    Scope ``quarter`` ("$85 million a year ago" in an earnings report) only takes a quarter,
    however far back (the report's quarter; the year-ago quarter); scope ``day`` (a clock time)
    only a full date close before it; scope ``text`` takes whatever calendar value came last, scope
    ``later`` the last one if it is fine enough (else the expression becomes a duration), and
    scope ``unit`` ("the following year") does the same and keeps only that unit's granularity.
    """
    for i, ref in enumerate(refs):
        if ref is None:
            continue
        amount, unit, scope = ref
        if not _resolve_one(out, refs, i, ref) and scope == "later":
            _to_distance(out[i], amount, unit)


def _resolve_one(
    out: list[Timex], refs: list[tuple[int, str, str] | None], i: int, ref: tuple[int, str, str]
) -> bool:
    """Resolve ``out[i]`` (``ref``: its amount, unit and scope); False when no time before it fits."""
    amount, unit, scope = ref
    tx = out[i]
    for j in range(i - 1, -1, -1):
        prev = out[j]
        if prev.value is None or (scope != "quarter" and tx.start - prev.end > _REF_REACH):
            return False
        prev_ref = refs[j]
        if prev_ref is not None and prev_ref[1] != "=M" and prev_ref[0] != 0:
            # itself counted from something else ("a year earlier" twice is not two years); a
            # re-mention ("the quarter", "that year") is the same time and may be counted from
            continue
        if scope == "quarter" and "-Q" not in prev.value:
            continue
        if scope == "day":
            if tx.start - prev.end > _DAY_REACH or not _FULL_DATE.match(prev.value):
                return False
            shifted: str | None = prev.value[:10] + (tx.value or "")[10:]
        elif unit == "=M":
            shifted = f"{prev.value[:4]}-{amount:02d}" if prev.value[:4].isdigit() else None
        elif unit == "=Y":
            shifted = f"{amount:04d}{prev.value[4:7]}"
        elif scope == "unit" and amount == 0 and prev.type in ("DATE", "TIME"):
            # "last October ... that same day": a day of that month, which one unknown (1998-10-XX)
            shifted = to_granularity(prev.value, unit) or pad_to(prev.value, unit)
        else:
            shifted = shift_value(prev.value, amount, unit) if prev.type in ("DATE", "TIME") else None
            if shifted is not None and scope == "unit":
                shifted = to_granularity(shifted, unit)
        if shifted is not None:
            tx.value = shifted
            tx.anchor = None
            return True
        if scope == "later" and prev.type in ("DATE", "TIME"):
            return False  # the time named last is too coarse ("In January ... A few days later")
    return False


def extract_timexes(doc: Doc, anchor: date | None, *, text: str | None = None) -> list[Timex]:
    """Time expressions of ``doc`` with TimeML values; relative ones resolved against ``anchor``.

    Longest match wins; among equally long overlapping matches, the earlier rule. ``text`` may
    pass ``doc.text`` when the caller holds it already (spaCy rebuilds it from the tokens).
    """
    if text is None:
        text = doc.text
    if not text:
        return []
    cands = _candidates(Ctx(text=text, doc=doc, anchor=anchor))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken = SpanSet()
    chosen: list[tuple[Timex, tuple[int, str, str] | None]] = []
    for start, end, _, tx, ref in cands:
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        chosen.append((tx, ref))
    chosen.sort(key=lambda c: c[0].start)
    out = [c[0] for c in chosen]
    _resolve_refs(out, [c[1] for c in chosen])
    return out


def extract_timexes_text(text: str, anchor: date | None) -> list[Timex]:
    """Parse ``text`` with the project's spaCy pipeline, then :func:`extract_timexes`."""
    from saidwhat.nlp import load_nlp

    return extract_timexes(load_nlp()(text), anchor)
