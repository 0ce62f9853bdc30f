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

from saidwhat.calendar_names import FULL_MONTHS, MONTH_ABBREVIATIONS
from saidwhat.claims.issues import issue_names
from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.model import Followup, Promise
from saidwhat.claims.similar import TfIdf, terms
from saidwhat.claims.text import OWN_SEGMENTS, ArticleView, first_word
from saidwhat.model import Statement, Timex

_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
POSSESSIVE = re.compile(r"['’]s\b")
HABITUAL = re.compile(r"\b(?:usually|typically|normally|generally|always|often|tends? to)\b", re.IGNORECASE)
PAST_PERIOD = re.compile(r"\b(?:previous|past|last|preceding|prior)\b", re.IGNORECASE)
# "by December", "before the end of June", "no later than Friday": a deadline outside any statement
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|no later than)\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$", re.IGNORECASE
)
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


# what may stand between a deadline word and its time expression: "by the end of June", "until at
# least 2014", "in the next six to nine months" (the range's first bound)
_DEADLINE_GAP = re.compile(
    r"(?:\s+the)?(?:\s+(?:end|middle|start|beginning)\s+of(?:\s+the)?)?(?:\s+at\s+(?:least|most))?"
    r"(?:\s+[\w.-]+\s+(?:to|or|-))?\s*$"
)


def _deadline_word(text: str, t: Timex, ws: tuple[str, ...]) -> bool:
    """Whether a word of ``ws`` governs the time expression: in its own words ("next month", "later
    this year"), or written right before it ("within a week", "by the end of June", "over the next
    five years" when the timex is "the next five years"); "I stand before you tonight" is no
    deadline, nor "has lived in Paris for 22 years"."""
    before = text[max(0, t.start - 40) : t.start].lower()
    lead = before + t.text.lower()
    for w in ws:
        for m in re.finditer(rf"\b{re.escape(w)}\b", lead):
            if m.end() > len(before) or _DEADLINE_GAP.fullmatch(before[m.end() :]):
                return True
    return False


def due_date(text: str, t: Timex, said: date, lex: ClaimsLexicon, ahead: bool = True) -> date | None:
    """The due date of a time expression in a statement said on ``said`` (``ahead``: its act or its
    words point to the future, see :func:`deadline_value`)."""
    if t.value is None:
        return None
    if t.type == "DURATION":
        if PAST_PERIOD.search(t.text):
            return None  # "the previous seven days", "the past week": a period before, not a deadline
        if _deadline_word(text, t, lex.within_words):
            return add_duration(said, t.value)
        return None
    if t.type in ("DATE", "TIME"):
        # a date is a deadline when a word says so ("by Friday", "this week", "next month"): a bare
        # date or time in a future sentence is more often a dateline or a timestamp
        if not _deadline_word(text, t, lex.by_words):
            return None
        end = end_of(deadline_value(t, said, ahead) or t.value)
        if end is not None and end >= said:
            return end
    return None


def _future(content: str, lex: ClaimsLexicon) -> bool:
    return _has_words(content, lex.future_words)


def _has_words(content: str, ws: tuple[str, ...]) -> bool:
    low = " " + content.lower().replace("\u2019", "'") + " "
    # a clitic ("'ll") follows its word: no boundary before it
    return any(
        re.search(("" if w.startswith("'") else r"(?<![\w])") + re.escape(w) + r"(?![\w])", low) for w in ws
    )


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


_MONTHS = frozenset(FULL_MONTHS + MONTH_ABBREVIATIONS)


def deadline_value(t: Timex, said: date, ahead: bool) -> str | None:
    """The value of a deadline's timex: in words that point to the future (``ahead``), a bare month
    name after "by" names the next such month ("could be available by December" said in May 2009 is
    December 2009, even when the timex resolved it to the December before). Otherwise the timex
    stage's value stands: it read the clause's tense ("doses were shipped by November", said in
    December, is the November before; "has doses in place by December" is the one to come)."""
    v = t.value
    if v is None:
        return None
    if ahead and t.text.strip().lower().rstrip(".") in _MONTHS and re.fullmatch(r"\d{4}-\d{2}", v):
        end = end_of(v)
        if end is not None and end < said:
            return f"{int(v[:4]) + 1:04d}{v[4:]}"
    return v


def start_of(value: str) -> date | None:
    """The first day of a TimeML date value (a day, a week, a month, a year)."""
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return date.fromisoformat(value[:10])
        m = _WEEK.match(value[:8])
        if m:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if re.fullmatch(r"\d{4}-\d{2}", value[:7]) and len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def sentence_deadlines(view: ArticleView, lex: ClaimsLexicon) -> list[PromiseFact]:
    """Deadlines written outside any statement ("… 90m doses of a swine flu (H1N1) vaccine by
    December", "some doses of which could be available by October"): a date after "by" / "before" /
    "no later than" in a sentence of the article's own text that no statement covers, when the
    sentence points to the future: a future word, or a period that begins after the publication day
    (a deadline in a period still to come can only be future). The article itself is the source
    (speaker ``None``); the act is *predict* with a future word, else *deadline*."""
    out: list[PromiseFact] = []
    said_s = view.analysis.doc.published
    said = _day(said_s)
    if said is None:
        return out
    text = view.text
    done: set[int] = set()
    for t in view.analysis.timexes:
        if t.type not in ("DATE", "TIME") or t.value is None:
            continue
        lead = DEADLINE_BEFORE.search(text[max(0, t.start - 40) : t.start])
        if lead is None or POSSESSIVE.match(text, t.end):
            continue  # no deadline word, or "by today's health care system" (a possessive)
        s0, s1 = view.sentence(t.start)
        if s0 in done or view.segment_kind(s0) not in OWN_SEGMENTS or text[s0:s1].rstrip().endswith("?"):
            continue
        if view.statement_covering(t.start, t.end) is not None:
            continue  # a statement's own promise, or none (promise_facts decides)
        sentence = text[s0:s1]
        future = _future(sentence, lex)
        value = deadline_value(t, said, future) or t.value
        end, begin = end_of(value), start_of(value)
        if end is None or end < said:
            continue
        if HABITUAL.search(sentence):
            continue  # "influenza usually dies way down by April": a habit, no deadline
        # "by December" in a period still to come can only be future; "before" needs a future word
        # ("2 days before June 4th" only orders two days)
        strict = lead.group(0).lower().startswith(("by", "no later"))
        if not future and (not strict or begin is None or begin <= said):
            continue
        done.add(s0)
        out.append(
            PromiseFact(
                Promise(
                    speaker=None,
                    entity=None,
                    act="predict" if future else "deadline",
                    text=sentence.strip(),
                    start=s0,
                    end=s1,
                    said_on=said_s,
                    due=end.isoformat(),
                    due_text=t.text,
                    status="pending",
                    article=view.id,
                    statement=None,
                    story=view.story,
                ),
                said_s,
            )
        )
    return out


def promise_facts(view: ArticleView, lex: ClaimsLexicon) -> list[PromiseFact]:
    """Promises of the statements, one per deadline phrase (a timex due in two nested statements
    belongs to the narrower one), then the deadlines written outside statements."""
    return _statement_promises(view, lex) + sentence_deadlines(view, lex)


def _asks(content: str, lex: ClaimsLexicon) -> bool:
    """An indirect question or a cleft ("how he would cope", "What we don't want is ..."): it says what
    is asked or meant, not what will happen (`[promises] questions`)."""
    return first_word(content) in lex.question_words


def _candidate(st: Statement, lex: ClaimsLexicon) -> bool:
    """A statement of the article's own text that is no indirect question."""
    return st.segment in OWN_SEGMENTS and not _asks(st.content.text, lex)


def _statement_due(
    view: ArticleView, st: Statement, said: date | None, lex: ClaimsLexicon
) -> tuple[date | None, str | None, int | None]:
    """The first due date of the statement's time expressions (with the timex's text and start),
    read ahead when its act commits or its words point to the future."""
    if said is None:
        return None, None, None
    ahead = (st.act in lex.promise_acts and st.act not in lex.reported_acts) or _future(st.content.text, lex)
    for t in _timexes_for(view, st):
        d = due_date(view.text, t, said, lex, ahead)
        if d is not None:
            return d, t.text, t.start
    return None, None, None


def _statement_promises(view: ArticleView, lex: ClaimsLexicon) -> list[PromiseFact]:
    out: list[PromiseFact] = []
    by_timex: dict[int, int] = {}  # due timex start -> index in out
    for st in view.analysis.statements:
        if not _candidate(st, lex):
            continue
        said_s = st.said_on.value[:10] if st.said_on else view.analysis.doc.published
        due, due_text, due_at = _statement_due(view, st, _day(said_s), lex)
        committing = st.act in lex.promise_acts and (
            st.act not in lex.reported_acts
            or due is not None
            or _future(st.content.text, lex)
            or _has_words(st.content.text, lex.ongoing_words)
            or _has_words(st.content.text, lex.possible_words)
            or st.content.text.lower().startswith("to ")  # "announced ... to bring clean water to ..."
        )
        if not committing and not (due is not None and _future(st.content.text, lex)):
            continue
        act = "predict" if st.act == "claim" else st.act
        sp = st.speaker
        if due_at is not None and due_at in by_timex:
            prev = out[by_timex[due_at]].promise
            if prev.end - prev.start <= st.content.end - st.content.start:
                continue
            out.pop(by_timex[due_at])  # the narrower statement's promise replaces it
            by_timex = {k: (i - 1 if i > by_timex[due_at] else i) for k, i in by_timex.items() if k != due_at}
        if due_at is not None:
            by_timex[due_at] = len(out)
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
