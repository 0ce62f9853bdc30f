"""Promises, predictions, threats and deadlines: statements pointing to the future, with a due date.

The due date comes from a timex in the content (or right after it in its sentence), resolved from the
day the statement was said (``said_on``, else the publication date): a duration after "within" / "in
the next" counts from that day ("within the next week" said on 2025-06-27 -> 2025-07-04); a date,
month, week or year at or after that day is due at its end ("by the end of June" -> June 30).
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from saidwhat.claims.issues import issue_names
from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.model import Followup, Promise
from saidwhat.claims.similar import TfIdf, terms
from saidwhat.claims.text import OWN_SEGMENTS, ArticleView
from saidwhat.model import Statement, Timex

_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(slots=True)
class PromiseFact:
    promise: Promise
    date: str | None  # said_on or published


def _day(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def add_duration(d: date, value: str) -> date | None:
    m = _DURATION.match(value)
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2)
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit == "W":
        return d + timedelta(days=round(7 * n))
    months = round(n * (12 if unit == "Y" else 1))
    y, mo = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, mo + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def end_of(value: str) -> date | None:
    """The last day of a TimeML date value (a day, a week, a month, a year)."""
    v = value[:10]
    try:
        if len(v) == 10:
            return date.fromisoformat(v)
        m = _WEEK.match(value[:8])
        if m:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 7)
        if re.fullmatch(r"\d{4}-\d{2}", value[:7]) and len(value) >= 7 and value[4] == "-":
            y, mo = int(value[:4]), int(value[5:7])
            return date(y, mo, calendar.monthrange(y, mo)[1])
        if re.fullmatch(r"\d{4}", value[:4]) and len(value) == 4:
            return date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _before_words(text: str, t: Timex) -> str:
    return " ".join(re.findall(r"[\w']+", text[max(0, t.start - 24) : t.start].lower()))


def due_date(text: str, t: Timex, said: date, lex: ClaimsLexicon) -> date | None:
    if t.value is None:
        return None
    lead = f"{_before_words(text, t)} {t.text.lower()}"
    if t.type == "DURATION":
        if any(re.search(rf"\b{re.escape(w)}\b", lead) for w in lex.within_words):
            return add_duration(said, t.value)
        return None
    if t.type in ("DATE", "TIME"):
        # a date is a deadline when a word says so ("by Friday", "this week", "next month"): a bare
        # date or time in a future sentence is more often a dateline or a timestamp
        if not any(re.search(rf"\b{re.escape(w)}\b", lead) for w in lex.by_words):
            return None
        end = end_of(t.value)
        if end is not None and end >= said:
            return end
    return None


def _future(content: str, lex: ClaimsLexicon) -> bool:
    low = f" {content.lower()} "
    return any(re.search(rf"(?<![\w]){re.escape(w)}(?![\w])", low) for w in lex.future_words)


def status(due: str | None, as_of: date | None, lex: ClaimsLexicon) -> str:
    d = _day(due)
    if d is None or as_of is None or as_of < d:
        return "pending"
    if (as_of - d).days <= lex.grace_days:
        return "due"
    return "overdue"


def _timexes_for(view: ArticleView, st: Statement) -> list[Timex]:
    a, b = st.content.start, st.content.end
    _, s1 = view.sentence(a)
    said = st.said_on
    return [
        t
        for t in view.analysis.timexes
        if a <= t.start
        and t.end <= max(b, min(s1, b + 40))
        and not (said is not None and t.start == said.start and t.end == said.end)
    ]


def promise_facts(view: ArticleView, lex: ClaimsLexicon) -> list[PromiseFact]:
    out: list[PromiseFact] = []
    text = view.text
    for st in view.analysis.statements:
        if st.segment not in OWN_SEGMENTS:
            continue
        said_s = st.said_on.value[:10] if st.said_on else view.analysis.doc.published
        said = _day(said_s)
        due: date | None = None
        due_text: str | None = None
        if said is not None:
            for t in _timexes_for(view, st):
                d = due_date(text, t, said, lex)
                if d is not None:
                    due, due_text = d, t.text
                    break
        committing = st.act in lex.promise_acts
        if not committing and not (due is not None and _future(st.content.text, lex)):
            continue
        act = "predict" if st.act == "claim" else st.act
        sp = st.speaker
        out.append(
            PromiseFact(
                Promise(
                    speaker=(sp.name or sp.text) if sp else None,
                    entity=sp.entity if sp else None,
                    act=act,
                    text=st.content.text,
                    start=st.content.start,
                    end=st.content.end,
                    said_on=said_s,
                    due=due.isoformat() if due else None,
                    due_text=due_text,
                    status="pending",
                    article=view.id,
                    statement=st.id,
                    story=view.story,
                    via=tuple(v.name or v.text for v in st.via),
                ),
                said_s,
            )
        )
    return out


@dataclass(slots=True)
class LaterStatement:
    """A statement that may follow up a promise, with its terms and lexicon issues computed once (at
    ingest; ``None`` in facts stored before they were kept: computed when grouping)."""

    article: str
    statement: str
    date: str | None
    text: str
    story: str | None
    terms: list[str] | None = None
    issues: list[str] | None = None


def later_statements(view: ArticleView, lex: ClaimsLexicon) -> list[LaterStatement]:
    return [
        LaterStatement(
            view.id,
            st.id,
            st.said_on.value[:10] if st.said_on else view.analysis.doc.published,
            st.content.text,
            view.story,
            terms(st.content.text, lex.negation),
            issue_names(st.content.text, lex),
        )
        for st in view.analysis.statements
        if st.segment in OWN_SEGMENTS
    ]


def build_promises(
    facts: list[PromiseFact], statements: list[LaterStatement], lex: ClaimsLexicon, as_of: date | None
) -> list[Promise]:
    """Promises with their status as of ``as_of`` and their follow-ups: later statements of the same
    story on the same issue (a shared lexicon issue, or TF-IDF similarity over the threshold)."""
    sterms = [s.terms if s.terms is not None else terms(s.text, lex.negation) for s in statements]
    pterms = [terms(f.promise.text, lex.negation) for f in facts]
    tf = TfIdf([*sterms, *pterms])
    svecs = [tf.vector(t) for t in sterms]
    sissues = [set(s.issues if s.issues is not None else issue_names(s.text, lex)) for s in statements]
    # candidates share an issue or a term with the promise (an inverted index, never all pairs)
    index: dict[tuple[str | None, str], set[int]] = defaultdict(set)
    for k, (s, sv, si) in enumerate(zip(statements, svecs, sissues, strict=True)):
        for t in [*(t for t in sv if tf.rare(t)), *(f"issue:{i}" for i in si)]:
            index[(s.story, t)].add(k)
    out: list[Promise] = []
    for f in sorted(facts, key=lambda f: (f.date or "", f.promise.article, f.promise.start)):
        p = f.promise
        p.status = status(p.due, as_of, lex)
        pv = tf.vector(terms(p.text, lex.negation))
        pi = set(issue_names(p.text, lex))
        p.followups = []
        cands: set[int] = set()
        for t in [*pv, *(f"issue:{i}" for i in pi)]:
            cands |= index.get((p.story, t), set())
        for k in sorted(cands):
            s, sv, si = statements[k], svecs[k], sissues[k]
            if not s.date or not f.date or s.date <= f.date:
                continue
            if (pi & si) or tf.cosine(pv, sv) >= lex.settings.followup_similarity:
                p.followups.append(Followup(s.article, s.statement, s.date, s.text))
        out.append(p)
    return out
