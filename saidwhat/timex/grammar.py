"""The grammar: regular expressions over the text, each with a handler that checks the words
against the parse (part of speech, entity type, capitalisation) and computes a TimeML value.

Every rule proposes candidates; :mod:`saidwhat.timex.extract` keeps the longest non-overlapping
ones. A handler returns ``None`` to reject a match (``"may"`` the modal, ``"spring"`` the verb).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Token

from saidwhat.calendar_names import FULL_MONTHS, FULL_WEEKDAYS
from saidwhat.timex import calendar as cal
from saidwhat.timex.lexicon import Lexicon, lexicon
from saidwhat.timex.tense import Tense, present_perfect_at, tense_at


@dataclass(slots=True)
class Result:
    """What a handler found: TimeML type, value (None when it cannot be resolved), mod."""

    type: str
    value: str | None
    mod: str | None = None
    relative: bool = False
    start: int | None = None  # narrowed span, when the handler trims the match
    end: int | None = None
    # (amount, unit, scope): a shift of the time mentioned just before (see extract._resolve_refs)
    ref: tuple[int, str, str] | None = None


@dataclass(slots=True)
class Ctx:
    """One document: its text, parse, anchor, and lazily built token lookups."""

    text: str
    doc: Doc
    anchor: date | None
    _starts: list[int] = field(default_factory=list)
    _live: bool | None = None

    def token(self, char: int) -> Token:
        if not self._starts:
            self._starts = self.doc.to_array("IDX").tolist()
        i = bisect.bisect_right(self._starts, char) - 1
        return self.doc[max(i, 0)]

    def head(self, start: int, end: int) -> Token:
        """The syntactic head of the tokens covering ``[start, end)``."""
        first = self.token(start).i
        last = self.token(max(start, end - 1)).i
        for i in range(first, last + 1):
            t = self.doc[i]
            if not (first <= t.head.i <= last) or t.head.i == t.i:
                return t
        return self.doc[last]

    def tense(self, start: int, end: int) -> Tense:
        return tense_at(self.head(start, end))

    def prev_word(self, start: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, start - 40), start)
        return m.group(1).lower() if m else ""

    def live_page(self) -> bool:
        """A live page: its entries open with the 24-hour time they were posted, at least
        :data:`LIVE_STAMPS` of them after a sentence's end ("... need engineers.” 1618 The European
        Commission has approved ..."), one of which is no year its text can be about (before 1900,
        or after the page's year). A chronology ("2000 Dr Murray opens a practice. 2006 Dr Murray
        meets ...") writes years that can be; it is no live page."""
        if self._live is None:
            stamps = [int(m.group(0)[-4:]) for m in _ENTRY_STAMP.finditer(self.text)]
            last = self.anchor.year if self.anchor is not None else None
            self._live = len(stamps) >= LIVE_STAMPS and any(
                s < 1900 or (last is not None and s > last) for s in stamps
            )
        return self._live


# a live page's entry stamp: a clock time without a colon (hours 00-23, minutes 00-59) before a
# capitalised word; after a sentence's end or a line break for the page to count as live
_STAMP = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d(?=\s+[A-Z])")
_ENTRY_STAMP = re.compile(
    # after a sentence's end (a lower-case word's full stop, not "b. 1825"'s; a closing quote) or a line break
    r"(?:(?:(?<=[a-z]{2}[.!?])|(?<=[.!?][”\"’]))\s+|^\s*)" + _STAMP.pattern,
    re.MULTILINE,
)
LIVE_STAMPS = 3
# a time zone or "hours" right after a 24-hour clock time written without a colon
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_CLOCK_ZONE = re.compile(
    r"\s*(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|EET|EEST|AEST|AEDT|AWST|NZST|NZDT|IST|JST|"
    r"KST|HKT|SGT|WIB|ICT|hours|hrs|local time)\b"
)


_PREV_WORD = re.compile(r"([\w$%'’]+)[\s,]*$")

Handler = Callable[[re.Match[str], Ctx], Result | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its handler, and the words (or digit shapes) one of which every match contains."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    triggers: frozenset[str]
    digits: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- regex building blocks

_FULL_MONTHS = FULL_MONTHS
_FULL_WEEKDAYS = FULL_WEEKDAYS
# words that are months or weekdays only when written with a capital (or as part of a full date)
_CASED = {
    "may",
    "march",
    "mar",
    "jan",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "feb",
    "apr",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
}
_BAD_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "LAW"}


def _alt(words: Iterable[str]) -> str:
    ws = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) + ")"


@dataclass(frozen=True, slots=True)
class Blocks:
    month: str
    month_full: str
    weekday: str
    weekday_any: str
    year: str
    num: str
    unit: str
    units: str
    vague: str
    mod: str
    appx: str
    amount: str
    season: str
    pod: str


@lru_cache(maxsize=1)
def blocks() -> Blocks:
    lx = lexicon()
    abbr = [k for k in lx.months if k not in _FULL_MONTHS]
    month = "(?:" + _alt(_FULL_MONTHS) + "|" + _alt(abbr) + r"\.?)"
    wd_abbr = [k for k in lx.weekdays if k not in _FULL_WEEKDAYS]
    tens = [k for k, v in lx.numbers.items() if v >= 20 and v % 10 == 0 and v < 100]
    ones = [k for k, v in lx.numbers.items() if 1 <= v <= 9 and k not in ("a", "an", "one")] + ["one"]
    words = [k for k in lx.numbers if k not in ("half", "a half")]
    num = (
        r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\s+1/2|\.\d+)?|"
        + _alt(tens)
        + r"[\s-]"
        + _alt(ones)
        + "|"
        + _alt(words)
        + r"(?:\s+and\s+a\s+half)?)"
    )
    unit = _alt(lx.units)
    plural = [u + "s" for u in lx.units if u not in ("century",)] + ["centuries"]
    mods = [k for k, v in lx.modifiers.items() if v in ("START", "MID", "END")]
    appx = [k for k, v in lx.modifiers.items() if v not in ("START", "MID", "END")]
    return Blocks(
        month=month,
        month_full=_alt(_FULL_MONTHS),
        weekday=_alt(_FULL_WEEKDAYS),
        weekday_any="(?:" + _alt(_FULL_WEEKDAYS) + "|" + _alt(wd_abbr) + ")",
        year=r"(?<![\d$£€#.,])(?:1[6-9]|20)\d\d(?![\d%]|[.,]\d)",
        num=num,
        unit=unit,
        units=_alt(plural),
        vague=_alt(lx.vague_numbers),
        mod="(?:" + _alt(mods) + r"[\s-]+)",
        appx="(?:" + _alt(appx) + r"\s+)",
        amount="(?:" + _alt(lx.amount_modifiers) + r"\s+)",
        season=_alt(lx.seasons),
        pod=_alt([k for k in lx.parts_of_day if k not in ("overnight", "tonight")]),
    )


# --------------------------------------------------------------------------- shared checks


def _cased_ok(word: str) -> bool:
    """An ambiguous month/weekday word must be capitalised (``May``, ``MAY``), never ``may``."""
    w = word.rstrip(".")
    return w.lower() not in _CASED or w[:1].isupper()


def _name_ok(m: re.Match[str], group: str, ctx: Ctx) -> bool:
    """A month or weekday name: capitalised, and not a person, company or modal verb."""
    word = m.group(group)
    if not word[:1].isupper():
        return False
    tok = ctx.token(m.start(group))
    if tok.ent_type_ in _BAD_ENTS:
        return False
    return not (tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX"))


def _month_num(word: str) -> int:
    return lexicon().months[word.rstrip(".").lower()]


def _parse_num(s: str, lx: Lexicon) -> float | None:
    s = re.sub(r"\s+", " ", s.lower().strip())
    half = s.endswith((" and a half", " 1/2"))
    if half:
        s = s[: -len(" and a half")] if s.endswith("half") else s[:-4]
    val: float | None
    if s[:1].isdigit():
        try:
            val = float(s.replace(",", ""))
        except ValueError:
            return None
    elif s in lx.numbers:
        val = lx.numbers[s]
    else:
        parts = re.split(r"[\s-]", s)
        if len(parts) == 2 and parts[0] in lx.numbers and parts[1] in lx.numbers:
            val = lx.numbers[parts[0]] + lx.numbers[parts[1]]
        else:
            return None
    return val + 0.5 if half else val


def _mod_of(s: str | None) -> str | None:
    if not s:
        return None
    key = re.sub(r"[\s-]+", " ", s.lower()).strip()
    return lexicon().modifiers.get(key)


def _unit_of(word: str) -> tuple[str, bool]:
    w = word.lower()
    units = lexicon().units
    if w == "centuries":
        return units["century"]
    if w not in units and w.endswith("s"):
        w = w[:-1]
    return units[w]


def _year_in_direction(ctx: Ctx, m: re.Match[str], month: int, day: int | None) -> int:
    """The year of a month (and day) written without one, read from the tense of its clause.

    Future: the next occurrence. Past: the last one, unless the next is the coming month or
    at most 45 days ahead (a past verb governing a noun: "told of a cutback in September",
    "payable Dec. 1").
    No tense: the nearest occurrence. The anchor's own month is this year's.
    """
    assert ctx.anchor is not None
    a = ctx.anchor
    tense = ctx.tense(m.start(), m.end())
    here = date(a.year, month, min(day, 28)) if day else date(a.year, month, 1)
    now = a if day else date(a.year, a.month, 1)
    if here == now:
        return a.year
    prev_year, next_year = (a.year, a.year + 1) if here < now else (a.year - 1, a.year)
    ahead = (here.replace(year=next_year) - now).days
    back = (now - here.replace(year=prev_year)).days
    if tense == "future":
        return next_year
    if tense == "past":
        return next_year if ahead <= (45 if day else 31) else prev_year
    return next_year if ahead < back else prev_year


# --------------------------------------------------------------------------- handlers


def _full_date(m: re.Match[str], ctx: Ctx) -> Result | None:
    mon = m.group("mon")
    if not _cased_ok(mon):
        return None
    month = _month_num(mon)
    if m.group("wd") and not _cased_ok(m.group("wd")):
        return None
    day = int(m.group("day"))
    y = m.group("year")
    if y:
        d = cal.safe_date(int(y), month, day)
        return Result("DATE", cal.fmt_date(d) if d else cal.fmt_month(int(y), month))
    if not m.group("wd") and mon.rstrip(".").lower() in ("may", "march") and not _name_ok(m, "mon", ctx):
        return None
    if ctx.anchor is None:
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}" if cal.safe_date(2000, month, day) else None)
    year = _year_in_direction(ctx, m, month, day)
    d = cal.safe_date(year, month, day)
    return Result("DATE", cal.fmt_date(d) if d else cal.fmt_month(year, month), relative=True)


def _second_day(m: re.Match[str], ctx: Ctx) -> Result | None:
    """The second day of "April 24 and 25", "Oct. 3-4": the same month; its span is the number."""
    if not _name_ok(m, "mon", ctx):
        return None
    month, day = _month_num(m.group("mon")), int(m.group("day"))
    y = m.group("year")
    if y:
        year = int(y)
    elif ctx.anchor is None:
        ok = cal.safe_date(2000, month, day) is not None
        return Result("DATE", f"XXXX-{month:02d}-{day:02d}" if ok else None, start=m.start("day"))
    else:
        year = _year_in_direction(ctx, m, month, day)
    d = cal.safe_date(year, month, day)
    return Result("DATE", cal.fmt_date(d) if d else None, relative=not y, start=m.start("day"))


def _week_of(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the week of March 6" is the ISO week holding that day (``2000-W10``)."""
    res = _full_date(m, ctx)
    if res is None or res.value is None or len(res.value) != 10 or res.value.startswith("X"):
        return res
    res.value = cal.week_value(date.fromisoformat(res.value))
    return res


def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "January this year", "June of last year"."""
    if not _name_ok(m, "mon", ctx):
        return None
    if ctx.anchor is None:
        return Result("DATE", None)
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    value = cal.fmt_month(year, _month_num(m.group("mon")))
    return Result("DATE", value, _mod_of(m.group("mod")), relative=True)


def _month_that_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "October of that year": the month in the year the text last named."""
    if not _name_ok(m, "mon", ctx):
        return None
    month = _month_num(m.group("mon"))
    return Result("DATE", None, _mod_of(m.group("mod")), ref=(month, "=M", "text"))


def _month_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    mon = m.group("mon")
    if not _cased_ok(mon):
        return None
    return Result("DATE", cal.fmt_month(int(m.group("year")), _month_num(mon)), _mod_of(m.group("mod")))


def _numeric_date(m: re.Match[str], ctx: Ctx) -> Result | None:
    y, mo, d = m.group("y"), int(m.group("m")), int(m.group("d"))
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 50 else 2000 + int(y))
    dt = cal.safe_date(year, mo, d)
    return Result("DATE", cal.fmt_date(dt)) if dt else None


def _month_alone(m: re.Match[str], ctx: Ctx) -> Result | None:
    if not _name_ok(m, "mon", ctx) or ctx.token(m.start("mon")).ent_type_ == "EVENT":
        return None  # "the annual March for Life"
    month = _month_num(m.group("mon"))
    rel = (m.group("rel") or "").lower()
    mod = _mod_of(m.group("mod"))
    if rel == "" and not mod and ctx.prev_word(m.start()) not in _DATE_PREPS:
        # a bare month needs a word that takes a date before it ("in May"), unless it is clearly
        # not a verb or a first name: "March on!", "May I", "August Wilson", "June Carter"
        if m.group("mon").lower() in ("may", "march"):
            return None
        nxt = ctx.token(m.end("mon") + 1) if m.end("mon") + 1 < len(ctx.text) else None
        if nxt is not None and nxt.idx > m.end("mon") and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
            return None
    if ctx.anchor is None:
        return Result("DATE", f"XXXX-{month:02d}", mod)
    a = ctx.anchor
    if rel in ("last", "past"):
        year = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming"):
        year = a.year if month > a.month else a.year + 1
    elif rel == "this":
        year = a.year
    else:
        year = _year_in_direction(ctx, m, month, None)
    return Result("DATE", cal.fmt_month(year, month), mod, relative=True)


_DATE_PREPS = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "during",
    "before",
    "after",
    "of",
    "and",
    "or",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "that",
    "each",
    "every",
    "fiscal",
    "calendar",
    "around",
    "about",
    "as",
    "on",
    "for",
    "both",
    "either",
    "year",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "end",
    "beginning",
}


_DETERMINERS = {"the", "its", "his", "her", "their", "our", "this", "that", "s", "’s", "'s"}


# verbs whose object after *to* is the new value of a change ("the total has mounted to 1707")
_CHANGE_TO = frozenset(
    ("rise", "climb", "mount", "increase", "jump", "grow", "soar", "surge", "swell", "fall", "drop",
     "decline", "decrease", "reach")
)  # fmt: skip
# verbs that change their object to the value after *to* when the object is a total ("bringing the toll
# to 1200"; "the deadline was pushed to 2010" is a date)
_CHANGE_OBJECT_TO = frozenset(["bring", "take", "push", "raise", "lift"])
_TOTALS = frozenset(["total", "toll", "number", "tally", "count", "figure"])


def _new_value_of_change(tok: Token) -> bool:
    """ "the total number of positive cases has mounted to 1707", "the toll rose to 1200": after a verb
    of change and *to*, a bare number is the change's new value, not a year; not when the change is
    from one ("moved from 1990 to 1995")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ != "prep":
        return False
    verb = prep.head
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if lemma in _CHANGE_OBJECT_TO:
        return any(c.dep_ == "dobj" and c.lemma_.lower() in _TOTALS for c in verb.children)
    return lemma in _CHANGE_TO and not any(c.lower_ == "from" for c in verb.children)


def _year(m: re.Match[str], ctx: Ctx) -> Result | None:
    """A bare four-digit number is a year unless the parse says it counts something."""
    mod = _mod_of(m.group("mod"))
    if m.group("mod") or m.group("fy"):
        return Result("DATE", m.group("year"), mod)
    tok = ctx.token(m.start("year"))
    prev = ctx.prev_word(m.start())
    stamp = prev not in _DATE_PREPS and prev not in _DETERMINERS and _STAMP.match(ctx.text, m.start("year"))
    if stamp and ctx.live_page():
        return _entry_time(m.group("year"), ctx)
    if _HHMM.fullmatch(m.group("year")) and _CLOCK_ZONE.match(ctx.text, m.end("year")):
        # "at 0700 GMT (1700 AEST)", "at 2000 hours": a 24-hour clock time before its zone, no year
        return _entry_time(m.group("year"), ctx)
    if not m.group("mod") and _new_value_of_change(tok):
        return None
    if _counts_plural_noun(tok):
        # "The United States has reported 1639 laboratory confirmed human cases": the object of a verb
        # (or after a bound) that opens a noun phrase of a plural noun counts it, whatever NER's DATE
        return None
    if tok.ent_type_ == "DATE":
        return Result("DATE", m.group("year"), mod)
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "ORDINAL", "TIME"):
        return None
    if prev in _DATE_PREPS or prev in _DETERMINERS:
        # "in 1992", "the 1992 protests", "the company's 1989 results"
        return Result("DATE", m.group("year"), mod)
    if tok.ent_type_ == "CARDINAL" or tok.dep_ in ("nummod", "dobj", "nsubj", "pobj"):
        # "2000 troops", "bought 1500 of them"
        return None
    return Result("DATE", m.group("year"), mod)


# the words of a bound before a count ("more than 1639 cases", "nearly 2000 people")
_BOUND_BEFORE = frozenset({"than", "about", "nearly", "almost", "over", "some", "around", "approximately"})
# what may stand between a count and its plural noun ("1639 laboratory confirmed human cases")
_NOUN_PHRASE_INNER = frozenset({"ADJ", "NOUN", "PROPN", "ADV", "VERB"})
# plural nouns of persons and of cases that a number before them counts, never dates ("1989 earnings",
# "1992 riots" are a year's)
_COUNTED_PLURALS = frozenset(
    {
        "cases", "deaths", "infections", "fatalities", "casualties", "people", "persons", "patients",
        "victims", "residents", "troops", "soldiers", "students", "children", "pilgrims", "refugees",
    }
)  # fmt: skip


def _counts_plural_noun(tok: Token) -> bool:
    """Whether the four-digit number ``tok`` right after a verb, a bound or "a total of" opens a noun phrase
    whose head is a plural noun of persons or cases (:data:`_COUNTED_PLURALS`), within five words and no
    punctuation: a count of them, no year."""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    # (or after "a total of": "with a total of 1673 cases being tested")
    total_of = before.lower_ == "of" and tok.i > 1 and tok.doc[tok.i - 2].lower_ in ("total", "tally")
    if not (before.tag_.startswith("VB") or before.lower_ in _BOUND_BEFORE or total_of):
        return False
    for t in tok.doc[tok.i + 1 : tok.i + 6]:
        if t.tag_ in ("NNS", "NNPS"):
            return t.lower_ in _COUNTED_PLURALS
        if t.pos_ not in _NOUN_PHRASE_INNER:
            return False
    return False


def _entry_time(hhmm: str, ctx: Ctx) -> Result:
    """A live page's entry stamp ("1618 The European Commission ..."): the time of the page's day it
    was posted, no year."""
    if ctx.anchor is None:
        return Result("TIME", None)
    return Result("TIME", f"{cal.fmt_date(ctx.anchor)}T{hhmm[:2]}:{hhmm[2:]}")


def _decade(m: re.Match[str], ctx: Ctx) -> Result | None:
    d = m.group("dec").lstrip("'’")
    if len(d) == 2:
        if not (m.group(0).lower().startswith("the") or m.group("dec")[0] in "'’"):
            return None
        century = "19" if int(d) >= 20 else "20"
        d = century + d
    return Result("DATE", d[:3], _mod_of(m.group("mod")))


def _century(m: re.Match[str], ctx: Ctx) -> Result | None:
    c = int(m.group("c"))
    if not 1 <= c <= 22:
        return None
    return Result("DATE", f"{c - 1:02d}", _mod_of(m.group("mod")))


def _quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    ords = lexicon().ordinals
    qw = m.group("q").lower()
    q = ords.get(qw) or int(qw[0])
    if not 1 <= q <= 4:
        return None
    y = m.group("qy") or m.group("qy2") or m.group("qy3")
    if y:
        return Result("DATE", f"{y}-Q{q}")
    if ctx.anchor is None:
        return Result("DATE", f"XXXX-Q{q}")
    a = ctx.anchor
    year = a.year
    yrel = (m.group("qyrel") or "").lower()
    if yrel:  # "this year's third quarter", "next year's first quarter": one expression
        return Result("DATE", f"{year + _REL_SHIFT[yrel]:04d}-Q{q}", relative=True)
    rel = (m.group("qrel") or "").lower()
    cur = cal.quarter_of(a.month)
    if rel in ("year-ago", "year-earlier", "last", "previous", "past"):
        year -= 1
    elif rel == "next":
        year += 1
    elif q > cur and ctx.tense(m.start(), m.end()) == "past":
        year -= 1
    return Result("DATE", f"{year:04d}-Q{q}", relative=True)


def _the_quarter(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the quarter", "the latest period" in an earnings report: the quarter last named, or else the
    last completed one (the current one in a future clause)."""
    if ctx.anchor is None:
        return Result("DATE", None, ref=(0, "Q", "quarter"))
    back = 0 if ctx.tense(m.start(), m.end()) == "future" else -1
    return Result("DATE", cal.shift(ctx.anchor, back, "Q"), relative=True, ref=(0, "Q", "quarter"))


def _fiscal_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    if ctx.anchor is None:
        return Result("DATE", None)
    return Result("DATE", f"{ctx.anchor.year:04d}", relative=True)


def _year_ended(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the year ended March 31", "the fiscal year ending June 30, 1990": twelve months up to a day
    that is its own expression, so a length (a calendar year would be wrong)."""
    return Result("DURATION", "P1Y")


def _year_period(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the 1988 quarter": that year's quarter of the quarter last named (else just the year)."""
    y = m.group("year")
    return Result("DATE", y, ref=(int(y), "=Y", "quarter"))


def _year_end(m: re.Match[str], ctx: Ctx) -> Result | None:
    if ctx.anchor is None:
        return Result("DATE", None, "END")
    return Result("DATE", f"{ctx.anchor.year:04d}", "END", relative=True)


def _part_of_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the end of the year", "the beginning of next month"."""
    mod = _mod_of(m.group("mod"))
    if ctx.anchor is None:
        return Result("DATE", None, mod)
    amount = {"next": 1, "last": -1}.get(m.group("rel").lower(), 0)
    value = cal.shift(ctx.anchor, amount, _UNIT_SHIFT[m.group("unit").lower()])
    return Result("DATE", value, mod, relative=True)


def _q_code(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "Q3", "Q3 2024", "Q3 '24", "H1 2025" (business shorthand)."""
    raw = m.group("qc")
    if raw == raw.lower():
        return None  # "q3" is a model name, not a quarter
    code = raw.upper()
    kind, n = ("H", int(code[1])) if code[0] == "H" else ("Q", int(code[1] if code[0] == "Q" else code[0]))
    y = m.group("qy") or (("20" + m.group("qyy")) if m.group("qyy") else None)
    if y:
        return Result("DATE", f"{y}-{kind}{n}")
    if ctx.anchor is None:
        return Result("DATE", f"XXXX-{kind}{n}")
    a = ctx.anchor
    cur = cal.quarter_of(a.month) if kind == "Q" else (a.month - 1) // 6 + 1
    past = ctx.tense(m.start(), m.end()) == "past"
    year = a.year - 1 if past and n > cur else a.year
    return Result("DATE", f"{year:04d}-{kind}{n}", relative=True)


def _half(m: re.Match[str], ctx: Ctx) -> Result | None:
    h = 1 if m.group("h").lower() == "first" else 2  # second / last half
    return Result("DATE", f"{m.group('hy')}-H{h}")


_SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
_SEASON_PREPS = {"in", "during", "by", "until", "since", "through", "over", "throughout"}
# words before a bare plural unit that make it a duration ("for years", "took weeks")
_BARE_UNIT_PREPS = {"for", "in", "over", "within", "after", "takes", "take", "took", "lasted"}
_BARE_UNITS = {"years", "months", "weeks", "days", "decades", "hours", "centuries", "minutes"}
# words before a bare "10:30" that make it a clock time
_CLOCK_PREPS = {"at", "by", "until", "before", "after", "from"}


def _season(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = m.group("season").lower()
    code = lexicon().seasons[word]
    rel = (m.group("srel") or "").lower()
    mod = _mod_of(m.group("mod") or m.group("mod2"))
    y = m.group("sy")
    if m.group("c1"):  # "the winter of nineteen ninety-four" (broadcast transcripts)
        spoken = _spoken_year(m, ctx)
        if spoken is None:
            return None
        y = spoken.value
    tok = ctx.token(m.start("season"))
    if tok.pos_ in ("VERB", "AUX"):
        return None
    if not (y or rel or mod):
        if ctx.prev_word(m.start()) not in _SEASON_PREPS:
            return None
        if word in ("fall", "spring"):
            return None
    if rel == "the" and word in ("fall", "spring") and not (y or mod):
        return None
    if y:
        return Result("DATE", f"{y}-{code}", mod)
    if ctx.anchor is None:
        return Result("DATE", f"XXXX-{code}", mod)
    a = ctx.anchor
    cur = {12: 4, 1: 4, 2: 4}.get(a.month, (a.month - 3) // 3 + 1)
    ycur = a.year - 1 if a.month <= 2 else a.year
    s = _SEASON_ORDER[code]
    if rel in ("last", "past"):
        year = ycur if s < cur else ycur - 1
    elif rel in ("next", "coming"):
        year = ycur if s > cur else ycur + 1
    else:
        tense = ctx.tense(m.start(), m.end()) if rel != "this" else None
        if tense == "past" and s > cur:
            year = ycur - 1
        elif tense == "future" and s < cur:
            year = ycur + 1
        else:
            year = ycur
    return Result("DATE", f"{year:04d}-{code}", mod, relative=True)


def _weekday(m: re.Match[str], ctx: Ctx) -> Result | None:
    if not _name_ok(m, "wd", ctx):
        return None
    wd = lexicon().weekdays[m.group("wd").lower()]
    pod = m.group("pod")
    pod_code = lexicon().parts_of_day[pod.lower()] if pod else None
    if m.group("pl") or m.group("podpl"):  # "on Mondays", "Tuesday nights"
        return Result("SET", f"XXXX-WXX-{wd}" + (f"T{pod_code}" if pod_code else ""))
    rel = (m.group("wrel") or "").lower()
    mod = _mod_of(rel) if rel in ("early", "late") else None
    typ = "TIME" if pod_code else "DATE"
    if ctx.anchor is None:
        return Result(typ, None, mod)
    a = ctx.anchor
    if rel in ("last", "past"):
        d = cal.weekday_near(a, wd, "last")
    elif rel in ("next", "coming"):
        d = cal.weekday_near(a, wd, "next")
    else:
        tense = ctx.tense(m.start(), m.end())
        d = cal.weekday_near(a, wd, "future" if tense == "future" else "past")
    return Result(typ, cal.fmt_date(d) + (f"T{pod_code}" if pod_code else ""), mod, relative=True)


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _relday(m: re.Match[str], ctx: Ctx) -> Result | None:
    word = re.sub(r"\s+", " ", m.group("rd").lower())
    tok = ctx.token(m.start("rd"))
    if tok.ent_type_ in _BAD_ENTS:  # "USA Today"
        return None
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word, _RELDAY.get(word, 0))
    pod = m.group("pod")
    pod_code = lexicon().parts_of_day[pod.lower()] if pod else ("NI" if word == "tonight" else None)
    rmod = (m.group("rmod") or "").lower()
    mod = _mod_of(rmod) if rmod in ("early", "late") else None
    typ = "TIME" if pod_code else "DATE"
    if ctx.anchor is None:
        return Result(typ, None, mod)
    d = ctx.anchor + timedelta(days=offset)
    return Result(typ, cal.fmt_date(d) + (f"T{pod_code}" if pod_code else ""), mod, relative=True)


def _this_pod(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = m.group("rel").lower()
    pod = m.group("pod").lower()
    if rel == "last" and pod != "night":
        return None
    code = lexicon().parts_of_day[pod]
    rmod = (m.group("rmod") or "").lower()
    mod = _mod_of(rmod) if rmod in ("early", "late") else None
    if ctx.anchor is None:
        return Result("TIME", None, mod)
    d = ctx.anchor - timedelta(days=1 if rel == "last" else 0)
    return Result("TIME", f"{cal.fmt_date(d)}T{code}", mod, relative=True)


_REL_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "this past": -1,
    "this coming": 1,
}
_UNIT_SHIFT = {
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "year": "Y",
    "quarter": "Q",
    "decade": "DE",
    "century": "CE",
}


def _rel_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    emod = (m.group("emod") or "").lower()
    mod = _mod_of(emod) if emod in ("early", "late", "mid") else None
    code = _UNIT_SHIFT[unit]
    if rel.startswith("the "):
        inner = rel[4:]
        if inner in ("past", "last", "next") and unit != "weekend":
            return Result("DURATION", cal.duration(1, *_unit_of(unit)), mod)
        if inner in ("same", "following", "preceding", "previous"):
            # "the following year": counted from the time the text last named
            step = {"same": 0, "following": 1}.get(inner, -1)
            return Result("DATE", None, mod, ref=(step, code, "unit"))
        rel = {"latest": "last"}.get(inner, inner)
    if ctx.anchor is None:
        return Result("DATE", None, mod)
    amount = _REL_SHIFT[rel]
    if unit == "weekend" and rel == "this" and ctx.anchor.isoweekday() < 6:
        amount = 0
    value = cal.shift(ctx.anchor, amount, code)
    return Result("DATE", value, mod, relative=True)


def _that_unit(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "that year", "later that year", "earlier that day": the unit of the time the text last named."""
    unit = m.group("unit")
    code = _UNIT_SHIFT[unit.lower()] if unit else "D"
    # "that quarter" is the quarter last named, however far back (an earnings report's quarter)
    return Result("DATE", None, ref=(0, code, "quarter" if code == "Q" else "unit"))


def _the_weekend(m: re.Match[str], ctx: Ctx) -> Result | None:
    if ctx.anchor is None:
        return Result("DATE", None)
    a = ctx.anchor
    tense = ctx.tense(m.start(), m.end())
    amount = 0 if a.isoweekday() >= 6 or tense == "future" else -1
    return Result("DATE", cal.shift(a, amount, "WE"), relative=True)


def _amount_mod(m: re.Match[str], ctx: Ctx) -> tuple[str | None, int | None]:
    """The mod of "about"/"nearly"/"over"/"under" … before an amount, and where the span starts.

    "over"/"under" modify the amount only when the parse attaches them to it ("just over an hour
    later"); as a preposition ("spread over two days") they stay out of the span.
    """
    if m.group("appx"):
        return _mod_of(m.group("appx")), None
    amt = m.group("amt")
    if not amt:
        return None, None
    word = ctx.token(m.start("amt") + len(amt.rstrip()) - 1)
    if word.dep_ in ("prep", "agent") or (word.pos_ == "ADP" and word.dep_ not in ("quantmod", "advmod")):
        return None, m.end("amt")
    return lexicon().amount_modifiers[re.sub(r"\s+", " ", amt.strip().lower())], None


def _n_units(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    nword = m.group("n")
    amount = None if re.fullmatch(blocks().vague, nword, re.I) else _parse_num(nword, lx)
    unit, timeu = _unit_of(m.group("unit"))
    if amount is not None and amount == 0:
        return None
    return Result("DURATION", cal.duration(amount, unit, timeu), _mod_of(m.group("appx")))


def _ago(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    nword = m.group("n")
    vague = re.fullmatch(blocks().vague, nword, re.I) is not None
    amount = None if vague else _parse_num(nword, lx)
    unit, timeu = _unit_of(m.group("unit"))
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    amod, start = _amount_mod(m, ctx)
    mod = amod or ("APPROX" if m.group("orso") else None)
    sign = -1 if direction in ("ago", "earlier") else 1
    if direction in ("earlier", "later") and (timeu or amount is None):
        # "just over an hour later", "a few days later": no calendar value can be counted, so the
        # expression is the distance ("later" is the signal, outside the span)
        return Result("DURATION", cal.duration(amount, unit, timeu), mod, start=start, end=m.end("unit"))
    if amount is None:
        return Result("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, start=start)
    if timeu or not float(amount).is_integer():
        return Result("DATE", None, mod, start=start)
    n = int(amount) * sign
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "2W":
        n, unit = n * 2, "W"
    if abs(n) > 5000:
        return None
    if direction == "later":
        # counted from the time the text named last ("July 18 ... A week later"), resolved after
        # selection; with none fine enough, the distance from an event of the narrative (DURATION)
        return Result("DATE", None, mod, start=start, ref=(n, unit, "later"))
    if direction == "earlier":
        fallback = cal.shift(ctx.anchor, n, unit) if ctx.anchor is not None else None
        return Result(
            "DATE", fallback, mod, relative=fallback is not None, start=start, ref=(n, unit, "text")
        )
    if ctx.anchor is None:
        return Result("DATE", None, mod, start=start)
    # "from $1.2 billion a year ago" next to "the third quarter": the same quarter a year before
    return Result(
        "DATE", cal.shift(ctx.anchor, n, unit), mod, relative=True, start=start, ref=(n, unit, "quarter")
    )


_SET_PRE = {
    "once",
    "twice",
    "thrice",
    "times",
    "million",
    "billion",
    "thousand",
    "percent",
    "%",
    "cents",
    "dollars",
    "hours",
    "days",
    "miles",
    "barrels",
    "tons",
}


def _no_duration(m: re.Match[str], ctx: Ctx, low: str, unit_word: str, half: bool) -> bool:
    """The amount and unit are words that look like a duration but are not one."""
    if unit_word in ("second", "seconds", "minute", "minutes") and low in ("a", "an") and not half:
        return True
    if low in ("a", "an", "one") and unit_word.endswith("s"):
        return True
    if low in ("a", "an") and m.group(0).lower().endswith("-long"):
        return True  # "a day-long strike": the article is the noun's ("day-long")
    if m.group("hy") and (unit_word.endswith("s") or low in ("a", "an")):
        # "three-quarters" is a fraction, "$12-an-hour" a wage
        return True
    # "a quarter of the votes"
    return unit_word.startswith("quarter") and ctx.text[m.end() : m.end() + 4].lower() == " of "


def _duration(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    nword = m.group("n")
    low = nword.lower()
    unit_word = m.group("unit").lower()
    half = m.group("half") is not None
    if _no_duration(m, ctx, low, unit_word, half):
        return None
    if low == "one" and unit_word == "day" and not m.group("the") and not (m.group("appx") or m.group("amt")):
        prev = ctx.prev_word(m.start())
        if prev in lx.someday_modals:
            return Result("DATE", "FUTURE_REF")  # "will one day be", "could one day replace"
    amount = _parse_num(nword, lx)
    if amount is None or amount <= 0 or amount > 10000 or (half and not float(amount).is_integer()):
        return None
    if half:
        amount += 0.5  # "a minute and a half" -> PT1M30S, "a year and a half" -> P1Y6M
    if low[:1].isdigit() and amount != 1 and not unit_word.endswith("s") and not m.group("hy"):
        return None  # "the 1988 quarter" is a year's quarter, not 1,988 of them
    unit, timeu = _unit_of(m.group("unit"))
    if low in ("a", "an") and not m.group("the") and not half:
        prev = ctx.prev_word(m.start())
        if prev in _SET_PRE or prev[:1].isdigit() or prev.startswith("$"):
            return Result("SET", cal.duration(1, unit, timeu))
    mod, start = _amount_mod(m, ctx)
    return Result("DURATION", cal.duration(amount, unit, timeu), mod, start=start)


def _vague_units(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "several years", "a few more days", "a several-year slump"."""
    unit, timeu = _unit_of(m.group("unit") or m.group("hunit"))
    return Result("DURATION", cal.duration(None, unit, timeu), _mod_of(m.group("appx")))


def _bare_units(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "for years", "took weeks"; "a day-long strike", "decades-long conflict"."""
    word = m.group("unit").lower()
    unit, timeu = _unit_of(word)
    plural = word.endswith("s") or word == "centuries"
    if m.group("long"):
        return Result("DURATION", cal.duration(None if plural else 1, unit, timeu))
    if word not in _BARE_UNITS or ctx.prev_word(m.start()) not in _BARE_UNIT_PREPS:
        return None
    return Result("DURATION", cal.duration(None, unit, timeu))


def _recent_units(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "recent years" is a past time (PAST_REF), but with the present perfect ("have suffered from
    kidnappings in recent years") the stretch of time up to now (PXY); "coming weeks" is a stretch
    (PXW)."""
    unit, timeu = _unit_of(m.group("unit"))
    if m.group("dir").lower() in ("recent", "past") and not present_perfect_at(ctx.head(m.start(), m.end())):
        return Result("DATE", "PAST_REF")
    return Result("DURATION", cal.duration(None, unit, timeu))


def _set_every(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    if m.group("wd"):
        if not m.group("wd")[:1].isupper():
            return None
        return Result("SET", f"XXXX-WXX-{lx.weekdays[m.group('wd').lower()]}")
    if m.group("mon"):
        if not m.group("mon")[:1].isupper():
            return None
        return Result("SET", f"XXXX-{_month_num(m.group('mon')):02d}")
    if m.group("pod"):
        return Result("SET", f"XXXX-XX-XXT{lx.parts_of_day[m.group('pod').lower()]}")
    n = 2.0 if m.group("other") else 1.0
    if m.group("n"):
        parsed = _parse_num(m.group("n"), lx)
        if parsed is None:
            return None
        n *= parsed
    unit, timeu = _unit_of(m.group("unit"))
    return Result("SET", cal.duration(n, unit, timeu))


def _set_adverb(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "gather daily", "adjusted annually"; "a daily rally", "his weekly radio address".

    Not the newspaper ("the Communist Party daily Granma", "the Israeli daily Haaretz", "the
    daily"); as adjectives only those of ``[set_words]`` ("quarterly dividend" names a reporting
    period).
    """
    lx = lexicon()
    word = m.group(0).lower()
    tok = ctx.token(m.start())
    nxt = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    name_next = nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
    if name_next and nxt is not None and nxt.lower_.rstrip(".") in lx.weekdays:
        name_next = False  # "trains run daily Monday through Friday"
    if tok.pos_ in ("NOUN", "PROPN") or name_next:
        return None  # the newspaper
    if tok.pos_ == "ADV" and not (nxt is not None and nxt.pos_ == "NOUN" and tok.head is nxt):
        return Result("SET", lx.sets[word])
    if word in lx.set_adjectives and tok.head.pos_ == "NOUN" and tok.head.i > tok.i:
        return Result("SET", lx.sets[word])
    if word in ("annually", "nightly", "hourly"):
        return Result("SET", lx.sets[word])
    return None


def _fuzzy(m: re.Match[str], ctx: Ctx) -> Result | None:
    key = re.sub(r"\s+", " ", m.group(0).lower())
    value, pos = lexicon().fuzzy[key]
    if pos:
        tok = ctx.token(m.start())
        if tok.pos_ not in pos:
            return None
    if key == "now":
        nxt = ctx.text[m.end() : m.end() + 6].lower()
        if nxt.startswith((" that", "-")):
            return None
    if key in ("the past", "the future") and ctx.token(m.end() - 1).pos_ == "ADJ":
        return None  # "the past nine elections", "the future king"
    then = _THEN.search(ctx.text, max(0, m.start() - 8), m.start())
    if then is not None and key == "current":
        return Result("DATE", "PAST_REF", start=then.start())  # "the then current chairman"
    return Result("DATE", value)


_THEN = re.compile(r"(?<![\w'’])then[\s-]+$", re.IGNORECASE)


_TIME_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}
# "it was 4 in the morning", "around two in the afternoon"
_CLOCK_COPULA = {"was", "is", "be", "been", "around", "about", "till", "til", "to", "past"}


def _half_day_hour(h: int, part: str) -> int:
    """The 24-hour clock hour of "``h`` in the morning / afternoon / evening", "``h`` at night"."""
    if part == "morning":
        return 0 if h == 12 else h
    if part == "night":
        # "10 at night" is 22:00, "2 at night" 02:00, "12 at night" midnight
        return 24 if h == 12 else (h + 12 if h >= 6 else h)
    return h if h == 12 else h + 12


def _time(m: re.Match[str], ctx: Ctx) -> Result | None:
    clock = _clock(m, ctx)
    if clock is None:
        return None
    h, mi, pod_code = clock
    found = _time_day(m, ctx)
    if found is None:
        return None
    day, relative = found
    mod = _mod_of(m.group("tappx"))
    if day is None:
        return Result("TIME", None, mod)
    # a clock time without its own day takes the day named just before it ("On Friday ... at 10 a.m.")
    ref = None if (m.group("twd") or m.group("trd") or m.group("tmon")) else (0, "=D", "day")
    if pod_code:
        return Result("TIME", f"{cal.fmt_date(day)}T{pod_code}", mod, relative, ref=ref)
    return Result("TIME", f"{cal.fmt_date(day)}T{h:02d}:{mi:02d}", mod, relative, ref=ref)


def _clock(m: re.Match[str], ctx: Ctx) -> tuple[int, int, str | None] | None:
    """The hour, minute and part of day (``MO``/``AF``) of a time match; None when it is no time."""
    lx = lexicon()
    named = m.group("named")
    pod_code: str | None = None
    if named:
        key = re.sub(r"[\s-]", "", named.lower())
        if key in _TIME_WORDS:
            h, mi = _TIME_WORDS[key]
        else:
            h, mi = -1, 0
            pod_code = "AF" if "afternoon" in key else "MO"
    elif m.group("h"):
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        pm = m.group("ampm").lower().startswith("p")
        if not 1 <= h <= 12 or mi > 59:
            return None
        h = (h % 12) + (12 if pm else 0)
    elif m.group("h2"):
        h, mi = int(m.group("h2")), int(m.group("mi2"))
        if h > 23 or mi > 59 or ctx.prev_word(m.start()) not in _CLOCK_PREPS:
            return None
    elif m.group("h4"):
        # "4 in the morning", "10 in the evening", "two in the afternoon": a clock hour and its half
        # of the day; a bare number needs a word that takes a time before it ("at 4 in the morning")
        hv = _parse_num(m.group("h4"), lx)
        if hv is None or not 1 <= hv <= 12 or not float(hv).is_integer():
            return None
        if ctx.prev_word(m.start()) not in _CLOCK_PREPS | _CLOCK_COPULA:
            return None
        h, mi = _half_day_hour(int(hv), m.group("pod4").split()[-1].lower()), 0
    else:
        hw = m.group("h3").lower()
        hv = _parse_num(hw, lx)
        if hv is None or not 1 <= hv <= 12:
            return None
        h, mi = int(hv), 0
    return h, mi, pod_code


def _time_day(m: re.Match[str], ctx: Ctx) -> tuple[date | None, bool] | None:
    """The day of a time match and whether it was resolved against the anchor; None: no time."""
    lx = lexicon()
    day: date | None = None
    relative = False
    if ctx.anchor is not None:
        a = ctx.anchor
        relative = True
        if m.group("twd"):
            if not _cased_ok(m.group("twd")):
                return None
            wd = lx.weekdays[m.group("twd").lower()]
            tense = ctx.tense(m.start(), m.end())
            day = cal.weekday_near(a, wd, "future" if tense == "future" else "past")
        elif m.group("trd"):
            day = a + timedelta(days=_RELDAY[m.group("trd").lower()])
        elif m.group("tmon"):
            if not _cased_ok(m.group("tmon")):
                return None
            month = _month_num(m.group("tmon"))
            dd = int(m.group("tday"))
            ty = m.group("tyear")
            day = cal.safe_date(int(ty) if ty else _year_in_direction(ctx, m, month, dd), month, dd)
        else:
            day = a
    return day, relative


def _holiday(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    name = re.sub(r"\s+", " ", m.group("hol").lower()).replace("’", "'")
    if not m.group("hol")[:1].isupper():
        return None
    y = m.group("hy")
    rel = (m.group("hrel") or "").lower()
    if y:
        year = int(y)
    elif ctx.anchor is None:
        year = 0
    elif rel:
        year = ctx.anchor.year + (-1 if rel == "last" else 1 if rel == "next" else 0)
    else:
        month = int(lx.holidays[name][:2]) if name in lx.holidays else lx.floating_holidays[name][0]
        year = _year_in_direction(ctx, m, month, 15)
    if name in lx.holidays:
        mmdd = lx.holidays[name]
        return Result("DATE", f"{year:04d}-{mmdd}" if year else f"XXXX-{mmdd}", relative=not y)
    month, wd, nth, first_day = lx.floating_holidays[name]
    if not year:
        return Result("DATE", None)
    d = cal.nth_weekday(year, month, wd, nth, first_day)
    return Result("DATE", cal.fmt_date(d) if d else None, relative=not y)


# --------------------------------------------------------------------------- the rules


_SPOKEN_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _spoken_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    lx = lexicon()
    cent = 19 if m.group("c1").lower() == "nineteen" else 20
    rest = re.sub(r"^oh[\s-]+", "", m.group("c2").lower())
    val = _parse_num(rest, lx)
    if val is None or not 0 <= val <= 99 or not float(val).is_integer():
        return None
    return Result("DATE", f"{cent}{int(val):02d}")


def _month_spoken_year(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "January nineteen ninety-seven" (broadcast transcripts)."""
    year = _spoken_year(m, ctx)
    if year is None or year.value is None or not _cased_ok(m.group("mon")):
        return None
    return Result("DATE", cal.fmt_month(int(year.value), _month_num(m.group("mon"))))


def _year_two_thousand(m: re.Match[str], ctx: Ctx) -> Result | None:
    rest = m.group("y2")
    val = 0.0 if not rest else _parse_num(rest, lexicon())
    if val is None or not 0 <= val <= 99:
        return None
    return Result("DATE", f"20{int(val):02d}")


def _decade_word(m: re.Match[str], ctx: Ctx) -> Result | None:
    cent = "20" if (m.group("dc") or "").lower().startswith("two") else "19"
    return Result("DATE", f"{cent}{_DECADE_WORDS[m.group('dw').lower()]}", _mod_of(m.group("mod")))


def _year_ago_adj(m: re.Match[str], ctx: Ctx) -> Result | None:
    """ "the year-earlier quarter", "the corresponding period last year", "the quarter a year ago":
    the quarter last named, a year before (else the year before the anchor's last quarter)."""
    if ctx.anchor is None:
        return Result("DATE", None)
    a = ctx.anchor
    if (m.group("what") or "").lower() == "quarter":
        q = cal.quarter_of(a.month) - 1
        year = a.year - 1 if q else a.year - 2
        return Result("DATE", f"{year:04d}-Q{q or 4}", relative=True, ref=(-1, "Y", "quarter"))
    return Result("DATE", f"{a.year - 1:04d}", relative=True, ref=(-1, "Y", "quarter"))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled once. Order breaks ties between equally long overlapping matches."""
    b = blocks()
    lx = lexicon()
    B, E = r"(?<![\w'’/])", r"(?![\w])"
    yr, mod, unit, units = b.year, b.mod, b.unit, b.units
    month, month_full, wday, pod = b.month, b.month_full, b.weekday, b.pod
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    wd_pre = rf"(?:(?P<wd>{b.weekday_any})\.?,?\s+)?"
    appx = rf"(?P<appx>{b.appx})?"
    # "over an hour", "under two years": only before an amount (never "over the past three years")
    amt = rf"(?:(?P<appx>{b.appx})|(?P<amt>{b.amount}))?"
    hol = _alt(list(lx.holidays) + list(lx.floating_holidays)).replace("'", "['’]")
    tz = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time|Moscow\s+time))?(?:\s+\(\d{3,4}\s+(?:GMT|UTC)\))?"
    not_age = r"(?![-\s]+old\b)"
    tens = _alt([k for k, v in lx.numbers.items() if 20 <= v <= 90 and v % 10 == 0])
    ones = _alt([k for k, v in lx.numbers.items() if 1 <= v <= 9 and k not in ("a", "an")])
    two_digit = rf"(?:{tens}(?:[\s-]+{ones})?|{_alt(_SPOKEN_TEENS)}|oh[\s-]+{ones})"
    qual = _alt(lx.unit_qualifiers)  # "eight trading days", "three business days"
    clock_words = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"

    months = frozenset(lx.months)
    weekdays = frozenset(_FULL_WEEKDAYS) | {w + "s" for w in _FULL_WEEKDAYS}
    unit_words = frozenset(lx.units) | {u + "s" for u in lx.units} | {"centuries"}
    pods = frozenset(lx.parts_of_day)
    holiday_words = frozenset(k.split()[0].replace("'s", "") for k in [*lx.holidays, *lx.floating_holidays])
    none: frozenset[str] = frozenset()

    def rule(
        name: str, handler: Handler, triggers: Iterable[str], *parts: str, digits: Iterable[str] = ()
    ) -> Rule:
        pattern = re.compile(B + "".join(parts), re.IGNORECASE)
        return Rule(name, pattern, handler, frozenset(triggers), frozenset(digits))

    return (
        rule(
            "date_mdy",
            _full_date,
            months,
            rf"{wd_pre}(?P<mon>{month})\s+{day}(?:,?\s+(?P<year>{yr}))?(?!\d|:\d)",
        ),
        rule(
            "second_day",
            _second_day,
            months,
            rf"(?P<mon>{month})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:,?\s+and|\s+or|\s+to|\s+through|-|–)\s*",
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>{yr}))?(?!\d|:\d|\s*(?:%|percent))",
        ),
        rule(
            "week_of",
            _week_of,
            months,
            rf"(?:the\s+)?week\s+of\s+{wd_pre}(?P<mon>{month})\s+{day}(?:,?\s+(?P<year>{yr}))?(?!\d|:\d)",
        ),
        rule(
            "date_dmy",
            _full_date,
            months,
            rf"{wd_pre}(?:the\s+)?{day}(?:\s+of)?\s+(?P<mon>{month})(?:,?\s+(?P<year>{yr}))?{E}",
        ),
        rule(
            "month_year",
            _month_year,
            months,
            rf"(?P<mod>{mod})?(?P<mon>{month})(?:\s+of|,)?\s+(?P<year>{yr})",
        ),
        rule(
            "month_rel_year",
            _month_rel_year,
            months,
            rf"(?P<mod>{mod})?(?P<mon>{month_full})(?:\s+of)?\s+(?P<rel>last|this|next)\s+year{E}",
        ),
        rule(
            "month_that_year",
            _month_that_year,
            months,
            rf"(?P<mod>{mod})?(?P<mon>{month_full})(?:\s+of)?\s+(?:that|the\s+same)\s+year{E}",
        ),
        rule("iso_date", _numeric_date, none, rf"(?P<y>{yr})-(?P<m>\d\d)-(?P<d>\d\d){E}", digits={"dash"}),
        rule(
            "us_date",
            _numeric_date,
            none,
            rf"(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}}|\d\d){E}",
            digits={"slash"},
        ),
        rule(
            "month",
            _month_alone,
            months,
            rf"(?P<mod>{mod})?(?:(?P<rel>last|this|next|coming|past)\s+)?(?P<mon>{month_full}){E}",
        ),
        rule(
            "year",
            _year,
            none,
            rf"(?:(?P<mod>{mod})|(?P<fy>fiscal|calendar|(?:the\s+)?(?:fiscal\s+)?year)\s+)?(?P<year>{yr}){E}",
            digits={"year"},
        ),
        rule(
            "spoken_year",
            _spoken_year,
            {"nineteen", "twenty"},
            rf"(?:the\s+year\s+)?(?P<c1>nineteen|twenty)[\s-]+(?P<c2>{two_digit}){E}",
        ),
        rule(
            "month_spoken_year",
            _month_spoken_year,
            months,
            rf"(?P<mon>{month_full})(?:\s+of)?\s+(?P<c1>nineteen|twenty)[\s-]+(?P<c2>{two_digit}){E}",
        ),
        rule(
            "year_2000",
            _year_two_thousand,
            {"thousand"},
            rf"the\s+year\s+two\s+thousand(?:\s+and)?(?:[\s-]+(?P<y2>{two_digit}))?{E}",
        ),
        rule(
            "decade",
            _decade,
            none,
            rf"(?:the\s+)?(?P<mod>{mod})?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0|\d0)['’]?s{E}",
            digits={"decade"},
        ),
        rule(
            "decade_word",
            _decade_word,
            _DECADE_WORDS,
            rf"the\s+(?P<mod>{mod})?(?P<dc>nineteen[\s-]+|two\s+thousand\s+)?(?P<dw>{_alt(_DECADE_WORDS)}){E}",
        ),
        rule(
            "century",
            _century,
            {"century"},
            rf"(?:the\s+)?(?P<mod>{mod})?(?P<c>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{E}",
        ),
        rule(
            "quarter",
            _quarter,
            {"quarter"},
            r"(?:(?P<qyrel>this|last|next)\s+year['’]s\s+)?(?:the\s+)?(?:(?P<qrel>year-ago|year-earlier|latest|current|last|this|next|same|previous|past",
            rf"|fiscal|(?P<qy>{yr}))\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+",
            rf"(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<qy2>{yr})|,?\s+(?P<qy3>{yr}))?{E}",
        ),
        rule(
            "q_code",
            _q_code,
            {"q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "h1", "h2"},
            rf"(?P<qc>Q[1-4]|[1-4]Q|H[12])(?:\s+(?P<qy>{yr})|\s*['’]?(?P<qyy>\d\d))?{E}",
        ),
        rule(
            "year_ago_adj",
            _year_ago_adj,
            {"year"},
            rf"(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<what>quarter|period))?{E}",
        ),
        rule(
            "period_year_ago",
            _year_ago_adj,
            {"quarter", "period"},
            r"the\s+(?:(?:corresponding|comparable|same)\s+)?(?P<what>quarter|period)\s+(?:of\s+)?",
            rf"(?:last\s+year|a\s+year\s+(?:ago|earlier)){E}",
        ),
        rule(
            "the_quarter", _the_quarter, {"quarter", "period"}, rf"the\s+(?:quarter|latest\s+period){E}(?!-)"
        ),
        rule("year_ended", _year_ended, {"year"}, rf"the\s+(?:fiscal\s+)?year(?=\s+(?:ended|ending)\s){E}"),
        rule(
            "fiscal_year",
            _fiscal_year,
            {"year"},
            rf"the\s+(?:(?:current\s+|full\s+|latest\s+)?fiscal|full)\s+year{E}(?!\s+(?:19|20)\d\d)",
        ),
        rule(
            "year_period",
            _year_period,
            {"quarter", "period"},
            rf"the\s+(?P<year>{yr})\s+(?:fiscal\s+)?(?:quarter|period){E}",
        ),
        rule("year_end", _year_end, {"year"}, rf"(?:the\s+)?year(?:-|\s+|['’]s\s+)end{E}"),
        rule(
            "part_of_unit",
            _part_of_unit,
            {"year", "month", "week", "quarter"},
            r"(?P<mod>the\s+(?:end|beginning|start|middle|close)\s+of)\s+(?P<rel>the|this|next|last)",
            rf"\s+(?P<unit>year|month|week|quarter){E}",
        ),
        rule(
            "half",
            _half,
            {"half"},
            rf"(?:the\s+)?(?P<h>first|second|last)\s+half\s+of\s+(?:fiscal\s+)?(?P<hy>{yr}){E}",
        ),
        rule(
            "season",
            _season,
            lx.seasons,
            rf"(?P<mod>{mod})?(?:(?P<srel>last|this|next|coming|past|the)\s+)?(?P<mod2>{mod})?",
            rf"(?P<season>{b.season})(?:\s+(?:of\s+)?(?:(?P<sy>{yr})|(?P<c1>nineteen|twenty)[\s-]+(?P<c2>{two_digit})))?{E}",
        ),
        rule(
            "weekday",
            _weekday,
            weekdays,
            rf"(?:(?P<wrel>last|this|next|coming|past|early|late)\s+)?(?P<wd>{wday})(?P<pl>s)?",
            rf"(?:\s+(?P<pod>{pod})(?P<podpl>s)?(?!['’]))?{E}",
        ),
        rule(
            "relday",
            _relday,
            {"today", "yesterday", "tomorrow", "tonight"},
            r"(?:(?P<rmod>early|late|earlier|later)\s+)?(?P<rd>today|yesterday|tomorrow|tonight",
            rf"|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{pod}))?{E}",
        ),
        rule(
            "this_pod",
            _this_pod,
            pods,
            rf"(?:(?P<rmod>early|late|earlier|later)\s+)?(?P<rel>this|last)\s+(?P<pod>{pod}){E}",
        ),
        rule(
            "rel_unit",
            _rel_unit,
            _UNIT_SHIFT,
            r"(?:(?P<emod>early|late|earlier|later|mid)[\s-]+)?(?P<rel>this\s+past|this\s+coming",
            r"|last|this|next|past|previous|coming|current|the\s+(?:past|last|previous|next|coming|current",
            rf"|same|following|preceding|latest))\s+(?P<unit>week|weekend|month|year|quarter|decade|century){E}",
        ),
        rule(
            "that_unit",
            _that_unit,
            {"year", "month", "quarter", "day"},
            r"(?:(?:(?:earlier|later)\s+(?:in\s+)?)?that\s+(?:same\s+)?(?P<unit>year|month|quarter)",
            rf"|(?:earlier|later)\s+that\s+(?:same\s+)?(?P<dunit>day)|that\s+same\s+day){E}(?!['’-])",
        ),
        rule("the_weekend", _the_weekend, {"weekend"}, rf"the\s+weekend{E}"),
        rule(
            "n_units",
            _n_units,
            unit_words,
            rf"{appx}(?:the\s+)?(?:past|last|next|coming|previous|first|final|following|preceding|initial)",
            rf"\s+(?P<n>{b.num}|{b.vague})\s+(?P<unit>{units}|{unit}){E}",
        ),
        rule(
            "ago",
            _ago,
            unit_words,
            rf"{amt}(?P<n>{b.num}|{b.vague})[\s-]+(?P<unit>{units}|{unit})(?P<orso>\s+or\s+so)?",
            rf"\s+(?P<dir>ago|earlier|later|from\s+now|hence){E}",
        ),
        rule(
            "duration",
            _duration,
            unit_words,
            rf"{amt}(?P<the>the\s+)?(?P<n>{b.num})(?:\s+|(?P<hy>-))(?:(?:more|{qual})\s+)?",
            rf"(?P<unit>{units}|{unit})(?:-long|(?P<half>\s+and\s+a\s+half))?{E}{not_age}",
        ),
        rule(
            "vague_units",
            _vague_units,
            unit_words,
            rf"{appx}(?P<n>{b.vague})(?:\s+(?:(?:more|{qual})\s+)?(?P<unit>{units})|-(?P<hunit>{unit})){E}{not_age}",
        ),
        rule("bare_units", _bare_units, unit_words, rf"(?P<unit>{units}|{unit})(?P<long>-long)?{E}"),
        rule(
            "recent_units",
            _recent_units,
            unit_words,
            rf"(?P<dir>recent|coming|past)\s+(?P<unit>years|months|weeks|days|decades){E}",
        ),
        rule(
            "set_every",
            _set_every,
            unit_words | weekdays | months | pods,
            rf"(?:every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?:(?P<n>{b.num})\s+)?(?P<unit>{units}|{unit})",
            rf"|(?P<wd>{wday})|(?P<mon>{month_full})|(?P<pod>{pod})){E}",
        ),
        rule("set_adverb", _set_adverb, lx.sets, rf"{_alt(lx.sets)}{E}"),
        rule("fuzzy", _fuzzy, (k.split()[-1] for k in lx.fuzzy), rf"{_alt(lx.fuzzy)}{E}"),
        rule(
            "time",
            _time,
            {"noon", "midnight", "midday", "afternoon", "morning", "evening", "night", "clock"},
            r"(?:(?P<tappx>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?",
            r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m)(?!\w)",
            r"|(?P<h2>\d{1,2}):(?P<mi2>\d\d)(?![\d:])",
            r"|(?P<named>noon|midnight|midday|mid[\s-]?afternoon|mid[\s-]?morning)",
            rf"|(?P<h4>{clock_words})(?:\s+o['’]clock)?\s+(?P<pod4>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)",
            rf"|(?P<h3>{clock_words})\s+o['’]clock){tz}",
            rf"(?:,?\s+(?:on\s+)?(?:(?P<twd>{wday}){E}|(?P<trd>today|yesterday|tomorrow){E}",
            rf"|(?P<tmon>{month})\s+(?P<tday>\d{{1,2}})(?!\d)(?:,?\s+(?P<tyear>{yr}))?))?",
            digits={"clock"},
        ),
        rule(
            "holiday",
            _holiday,
            holiday_words,
            rf"(?:(?P<hrel>last|this|next)\s+)?(?P<hol>{hol})(?:,?\s+(?P<hy>{yr}))?{E}",
        ),
    )
