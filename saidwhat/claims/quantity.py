"""Quantity claims: each quantity of an article becomes a value of one measure; values of one measure
across articles form a claim, with its updates (a later value) and contradictions (another source's
different value in the same time window).

The measure of a quantity is read from its counted noun and the words around it (its *window*:
the words of its sentence up to the neighbouring quantity or a clause boundary), with the lexicon
``saidwhat/data/claims.toml``: the *thing* counted (cases, deaths, hostages, ...), its *state* in the
thing's family (confirmed / suspected; held / alive / released; pledged / delivered), an *aspect*
(a total, or new, daily, a target, a capacity, a rate, a projection), the unit and the place.
Two states of one family in one window make the value ambiguous: it is left out rather than
guessed (precision first).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial
from itertools import islice, pairwise
from typing import TypedDict

from saidwhat.calendar_names import (
    FULL_MONTHS,
    FULL_WEEKDAYS,
    NOT_DISTRIBUTIVE_AFTER_EACH,
    PARTITIVE_PRONOUNS,
)
from saidwhat.claims.lexicon import ClaimsLexicon, Thing
from saidwhat.claims.model import Claim, Contradiction, MeasureKey, QuantityValue, SourceRef, Update
from saidwhat.claims.text import (
    AMBIGUOUS_COUNTRIES,
    OWN_SEGMENTS,
    POSSESSIVE_ENDING,
    ArticleView,
    Place,
    Word,
    dateline_end,
    find_phrases,
    first_word,
    singular,
    words,
    wordset,
)
from saidwhat.entities.crossdoc import load_crossdoc
from saidwhat.model import Entity, Quantity, Speaker, Statement, Timex, Via
from saidwhat.place_nouns import PLACES_COUNTED as _PLACES_COUNTED

ASPECT_ORDER = ("projected", "target", "capacity", "rate", "daily", "new")
INHERIT = frozenset(
    {"including", "of", "whom", "which", "them", "among", ",", "and", "with", "while", "to", "or"}
)
# "from 8 to 12", "up from 8": the earlier value of an update written in one sentence
EARLIER = (("up", "from"), ("down", "from"), ("from",))
# a fall or a cut of things: without "to N" after the number, "fell from one level of a mall" is a
# motion, not a change of a figure
MOTION = frozenset({"fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "cut"})
CHANGE_REACH = 8  # words between the word of change and "from", in one clause
CLAUSE_STOPS = frozenset(
    {"while", "whereas", "but", "although", "though", "which", "who", "when", "since", "after"}
)


@dataclass(slots=True)
class Window:
    inner: list[Word]  # the quantity's own words after its number
    left: list[Word]  # nearest last
    right: list[Word]  # nearest first
    clause: tuple[int, int]  # character span read for the place
    aside: tuple[int, int] = (0, 0)  # an appositive after the count's noun, not read for the place
    stop: int | None = None  # where the next quantity of the sentence starts, when it cuts the window
    bracketed: bool = False  # an opening bracket stands right before that next quantity
    antecedent: int = -1  # where the place a *where* clause the count stands in refers to starts


def _cut_left(ws: list[Word], lex: ClaimsLexicon, joins: frozenset[int] = frozenset()) -> list[Word]:
    for i in range(len(ws) - 1, -1, -1):
        if ws[i].text in (";", ":", "—", "–") or (
            ws[i].text in lex.boundaries and ws[i].text not in lex.right_only and ws[i].start not in joins
        ):
            if ws[i].text == "including":
                # "Six more cases ..., including this latest fatality, have also been reported, bringing
                # the total to 39": a part set off by commas is an aside on the noun before it; its words
                # are none of a later count's
                comma = next((j for j in range(i + 1, len(ws)) if ws[j].text == ","), None)
                if comma is not None:
                    return ws[comma + 1 :]
            return ws[i + 1 :]
    return ws


def _cut_right(
    ws: list[Word], lex: ClaimsLexicon, joins: frozenset[int] = frozenset(), part: bool = False
) -> list[Word]:
    for i, w in enumerate(ws):
        if part and i == 0 and w.text == "who":
            continue  # the clause on a part's own noun says what the part counts (`_part_relative`)
        if i == 1 and w.text == "which" and ws[0].text == "of":
            # "40 cases, 25 of which were fatal": *N of which* is the clause's subject, no relative
            # clause after the number; its verb says what the part counts
            continue
        if w.text in (";", ":", "—", "–") or (w.text in lex.boundaries and w.start not in joins):
            return ws[:i]
    return ws


def _name_joins(view: ArticleView, ws: list[Word], a: int, b: int) -> frozenset[int]:
    """Starts of the *and* / *or* that join two names ("people from Kent and London were diagnosed"):
    a coordination of two noun phrases, not of two clauses, so no boundary of a window; and of the
    *since* that is no conjunction either: an adverb after a perfect's auxiliary ("More than 5,000 cases
    have since been confirmed nationwide"), or a preposition taking a time (:func:`_since_time`)."""
    spans = view.mentions_in(a, b)
    ends, starts = {e for _, e in spans}, {st for st, _ in spans}
    # a place's own name may hold the *and* ("one in St Kitts and Nevis": one country)
    names = [(p.start, p.end) for p in view.places_in(a, b) if " and " in p.name]
    out = set()
    for i in range(1, len(ws) - 1):
        joined = ws[i].text in ("and", "or") and ws[i - 1].end in ends and ws[i + 1].start in starts
        if joined or (ws[i].text == "and" and any(x < ws[i].start < y for x, y in names)):
            out.add(ws[i].start)
    out |= {
        w.start
        for k, w in enumerate(ws)
        if w.text == "since"
        and ((k > 0 and ws[k - 1].text in ("have", "has", "had")) or _since_time(view, w))
    }
    return frozenset(out)


def _gerund_joins(ws: list[Word]) -> frozenset[int]:
    """Starts of the conjunctions before a gerund in the words before a count: "The number of people who
    have died after contracting swine flu has risen to 14" (an adjunct with no subject of its own opens
    no clause, so the subject stays in the count's window), in a relative clause (elsewhere the words
    before the conjunction may be another clause's: "good news after being battered by import bans by
    nearly two-dozen countries"). Not after the count: a gerund's adjunct
    there names no place or thing of the count ("23 of whom came by air after traveling in the United
    States")."""
    return frozenset(
        ws[k].start
        for k in range(len(ws) - 1)
        if ws[k].text in ("after", "before", "since", "while", "when")
        and ws[k + 1].text.isalpha()
        and (ws[k + 1].text.endswith("ing") or ws[k + 1].text == "being")
        # inside a relative clause, whose antecedent is the count's subject
        and any(w.text in ("who", "that") for w in ws[max(0, k - 6) : k])
    )


# what may stand between *since* and the time expression it takes as object ("since the beginning of April")
_SINCE_OBJECT = re.compile(
    r"\s+(?:(?:the\s+)?(?:beginning|start|end|middle)\s+of\s+|early\s+|late\s+|mid-?)?"
)


def _since_time(view: ArticleView, w: Word) -> bool:
    """Whether *since* takes a time expression as its object ("bringing the country's total number of
    infections since the beginning of April to 1,779"): a preposition, no clause of its own, and so no
    boundary of a window ("since the outbreak began" still is one)."""
    m = _SINCE_OBJECT.match(view.text, w.end)
    if m is None:
        return False
    first = w.end + len(m.group(0)) - len(m.group(0).lstrip())  # the timex may hold "the beginning of"
    starts = view.timex_starts()
    return first in starts or m.end() in starts


def _after_number(ws: list[Word]) -> list[Word]:
    """The quantity's words after its number ("48 remaining hostages" -> remaining hostages)."""
    # imported here: the packages saidwhat.quantities and saidwhat.entities load spaCy, which readers of
    # stored facts (saidwhat claims, the web pages) must not need
    from saidwhat.quantities.lexicon import load_lexicon as load_quantity_lexicon

    qlex = load_quantity_lexicon()
    last = -1
    for i, w in enumerate(ws):
        if _is_number_word(w.text) or w.text in qlex.plural_scales:
            last = i
    if 0 <= last < len(ws) - 1 and ws[last + 1].text == "of" and ws[last].text in qlex.plural_scales:
        last += 1  # "dozens of other cases": the "of" of a vague number is the number's
    return ws[last + 1 :]


# the determiners of a partitive's whole ("20 of the deaths", "three of these cases")
PARTITIVE_DETERMINERS = frozenset({"the", "these", "those", "its", "their"})
# a count that is a part of a whole written with one of them: "20 of the deaths"
_PARTITIVE = re.compile(r"\S+\s+of\s+(?:" + "|".join(sorted(PARTITIVE_DETERMINERS)) + r")\s", re.IGNORECASE)


_APPOSITION_OPENS = frozenset({"a", "an", "the", "one", "both", "all"})
_FINITE = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "would", "remain", "remains"})


def _apposition(ws: list[Word]) -> tuple[int, int] | None:
    """The span of an appositive right after a number's noun ("One further person, an adult living in
    the south-east who has returned from Mexico, was confirmed to have swine flu"): a noun phrase
    between commas that renames the count; the verb after it is the count's, and a place in it
    describes the people counted, not where the count is."""
    if len(ws) < 4 or ws[0].text != "," or ws[1].text not in _APPOSITION_OPENS:
        return None
    for i in range(2, len(ws) - 1):
        if ws[i].text in (";", ":", "—", "–"):
            return None
        if ws[i].text == ",":
            return (ws[0].start, ws[i].end) if ws[i + 1].text in _FINITE else None
    return None


def _known_as(ws: list[Word]) -> tuple[int, int] | None:
    """The span of a naming aside after a count's noun and its disease ("40 cases of H1N1, otherwise known
    as swine flu, have been confirmed"): a second name between commas; the verb after it is the count's."""
    for i in range(min(len(ws) - 3, 6)):
        if ws[i].text != ",":
            continue
        k = i + 2 if ws[i + 1].text in _KNOWN_AS_ADVERBS else i + 1
        if [w.text for w in ws[k : k + 2]] != ["known", "as"]:
            return None
        j = next((j for j in range(k + 2, min(len(ws), k + 10)) if ws[j].text in (",", ";", ":", "—")), None)
        return (ws[i].start, ws[j].end) if j is not None and ws[j].text == "," else None
    return None


_KNOWN_AS_ADVERBS = frozenset({"otherwise", "also", "better", "commonly", "popularly"})


# the verbs that open a main clause's predicate after a relative clause on the count's persons
_MAIN_AFTER_RELATIVE = _FINITE | {"died", "succumbed", "perished", "tested", "contracted", "caught", "fell"}


def _persons_relative(q: Quantity, ws: list[Word], lex: ClaimsLexicon) -> tuple[int, int] | None:
    """The span of a restrictive relative clause on the persons a count counts, before its own verb
    ("Three people who returned from Mexico have died", "Two students who had been to Cancun tested
    positive"): it says which persons, the verb after it what became of them. The clause runs from
    *who* past its own verb group to the first finite verb (or verb of dying or falling ill) after
    another word; None when the count names no persons or no such verb follows."""
    if not q.counts or singular(q.counts.split()[-1].lower()) not in lex.persons:
        return None
    if len(ws) < 4 or ws[0].text != "who":
        return None
    k = 1
    while k < len(ws) and ws[k].text in AUX | _MODALS | {"not"}:
        k += 1  # the relative's own verb group: "who have been confirmed", "who may have"
    for j in range(k + 1, len(ws)):
        if ws[j].text in (",", ";", ":", "—", "–"):
            return None
        if ws[j].text in _MAIN_AFTER_RELATIVE and ws[j - 1].text not in AUX | _MODALS | {
            "to",
            "who",
            "and",
            "or",
        }:
            relative, main = ws[:j], [w.text for w in ws[j : j + 3]]
            # a relative that says what the persons are ("20 patients who were diagnosed with swine flu
            # made full recoveries") is the count's own measure unless the verb after it says they died
            if any(_has(relative, t.predicates) for t in lex.things.values()) and not set(main) & _DIED:
                return None
            return (ws[0].start, ws[j].start)
    return None


# the modals of a verb group (one set: a second, with *can, should, must*, was once written here and the
# conditions' set further down shadowed it from the start; the set the code ran with is kept)
_MODALS = frozenset({"will", "would", "could", "might", "may", "'ll"})
_DIED = frozenset({"died", "succumbed", "perished"})


# a part set off after a count's noun, then the count's own verb: "231 people -- including 205
# children -- tested positive", "231 people (including 205 children) tested positive", "231 people,
# including 205 children, tested positive"; or not set off, a short noun phrase right before the verb:
# "Four people including a six-year-old boy tested positive for swine flu"
_PART_ASIDE = re.compile(
    r"(?P<pre>(?:\s+[\w-]+){0,3}?)\s*(?:--\s*(?:including|among them)\b[^-\n]*?--"
    r"|[—–]\s*(?:including|among them)\b[^—–\n]*?[—–]"
    r"|\(\s*(?:including|among them)\b[^()\n]*\)"
    r"|,\s*(?:including|among them)\b[^,;:()\n]*,"
    r"|including\s+[^,;:()\n]{1,40}?(?=\s+(?:tested|died|were|was|are|is|have|has|had)\b))"
    r"\s*(?P<verb>[a-z]+)"
)


# a breakdown of a count by kind set off by dashes or brackets: "Five more Israelis - two children
# and three adults - were suspected of having swine flu"
_BREAKDOWN_ASIDE = re.compile(
    r"(?:[ \t]+(?P<dash>--|[—–-])[ \t]+|[ \t]*(?P<bracket>\())(?P<parts>[^()\n—–]{3,80}?)"
    r"(?:[ \t]+(?P=dash)[ \t]+|(?(bracket)\)[ \t]*|(?!)))(?P<verb>[a-z]+)"
)


def _breakdown_aside(text: str, q: Quantity) -> tuple[int, int] | None:
    """The span of a breakdown of the count by kind between dashes or brackets, each part a number and
    a common noun of one or two words, joined by commas and a last *and* ("- two children and three
    adults -"): the parts rename the counted, the verb after them is the count's."""
    m = _BREAKDOWN_ASIDE.match(text, q.end)
    if m is None:
        return None
    items = re.split(r",\s*(?:and\s+)?|\s+and\s+", m.group("parts").strip())
    if len(items) < 2:
        return None
    for item in items:
        ws = item.split()
        if not 2 <= len(ws) <= 3 or not _is_number_word(ws[0].lower()):
            return None
        if not all(w.isalpha() and w.islower() for w in ws[1:]):
            return None  # a place or a name: a part of another kind ("- 12 in Mexico and 3 in Peru -")
    return (m.start(), m.start("verb")) if _verb_form(m.group("verb")) else None


def _verb_form(w: str) -> bool:
    """Whether the word is a finite verb, an auxiliary or a past participle: the count's own verb after
    an aside."""
    return w in _FINITE or w in AUX or w.endswith("ed")


def part_aside(text: str, q: Quantity) -> tuple[int, int] | None:
    """The span of a part set off right after a count (its noun included) that the count's own verb
    follows: the verb after it is the count's, and the part's words are no part of its window."""
    m = _PART_ASIDE.match(text, q.end)
    if m is None:
        return _breakdown_aside(text, q)
    if not _verb_form(m.group("verb")):
        return None
    # a few words may stand between the noun and the part ("231 people in Thailand -- including"),
    # none of them a verb (then the part is that verb's: "300 people died, including 20 in Britain, ...")
    if any(_verb_form(w) for w in m.group("pre").lower().split()):
        return None
    return (m.end("pre"), m.start("verb"))


# a bracketed share or count right after a count's noun ("5,206 cases (85.3 percent) confirmed as
# H1N1"): an aside, after which the count's own words go on
_BRACKET_ASIDE = re.compile(r"[ \t]*\((?=[^()\n]{0,8}\d)[^()\n]{1,40}\)")


def bracket_aside(text: str, q: Quantity) -> tuple[int, int] | None:
    """The span of a bracketed aside holding a number right after a count ("5,206 cases (85.3
    percent) confirmed") or an amount (its conversion: "$57m (£35m) in aid"), None when there is
    none."""
    m = _BRACKET_ASIDE.match(text, q.end)
    return (m.start(), m.end()) if m else None


def _conversions(qs: list[Quantity], text: str) -> set[int]:
    """The starts of the amounts that convert the amount before them, in a bracket right after it
    ("$57m (£35m)", "420m euros ($604m; £320m)"): the same money in another currency, no value of its
    own (the amount written first is)."""
    out: set[int] = set()
    for prev, q in pairwise(qs):
        if prev.kind != "money" or q.kind != "money":
            continue
        aside = _BRACKET_ASIDE.match(text, prev.end)
        if aside is not None and aside.start() < q.start and q.end <= aside.end():
            out.add(q.start)
    for prev, q in pairwise(qs):  # the second of two in one bracket: "($604m; £320m)"
        if prev.start in out and q.kind == "money" and text[prev.end : q.start].strip() in (";", ","):
            out.add(q.start)
    return out


def window(
    view: ArticleView, q: Quantity, prev_end: int | None, next_start: int | None, lex: ClaimsLexicon
) -> Window:
    text = view.text
    s0, s1 = view.sentence(q.start)
    a = max(s0, prev_end) if prev_end is not None and prev_end <= q.start else s0
    b = min(s1, next_start) if next_start is not None and next_start >= q.end else s1
    n = lex.settings.window_words
    left_ws = words(text, a, q.start)
    aside, right_ws, b2 = _aside_and_right(view, q, b, s1, lex)
    if b2 != b:  # the words went on after an aside: the next quantity after it ends them
        b, next_start = b2, (b2 if b2 < s1 else None)
    relative = _relative_aside_before(text, a, q.start)
    if relative is not None:
        left_ws = [w for w in left_ws if not relative[0] <= w.start < relative[1]]
    if [w.text.lower() for w in left_ws[-2:]] == ["one", "of"]:
        # "The patient, one of 12 people in hospital with the virus, died": the set one belongs to;
        # the verb after the aside is the one's
        comma = next((k for k, w in enumerate(right_ws) if w.text == ","), None)
        right_ws = right_ws if comma is None else right_ws[:comma]
    left = _cut_left(
        left_ws, lex, _name_joins(view, left_ws, a, q.start) | _degree_thans(left_ws) | _gerund_joins(left_ws)
    )
    where = _where_before(left)
    antecedent = None
    if where is not None:
        # "The first case in Africa was confirmed in Egypt, where 1,000 pilgrims were quarantined": a
        # non-restrictive *where* clause has its own verb, and the words before it are its antecedent's
        # clause; the place it stands for (right before its comma) still bounds the count's clause
        before = view.places_in(a, left[where].start)
        antecedent = _antecedent_places(text, before)
        if (
            antecedent is not None
            and aside is None
            and _APPOSED_COUNTRY.fullmatch(text, antecedent.end, left[where - 1].end)
        ):
            # the apposition between the antecedent and *where* ("Britain, Europe's hardest hit
            # country, where ...") places nothing of the clause
            aside = (antecedent.end, left[where].start)
        left = left[where + 1 :]
    right = _cut_right(
        right_ws,
        lex,
        _name_joins(view, right_ws, q.end, b) | _degree_thans(right_ws),
        _relative_counts(q, left_ws, right_ws, lex),
    )
    inner = _after_number(words(text, q.start, q.end))
    clause_a = left[max(0, len(left) - 2 * n)].start if left else q.start
    if antecedent is not None:
        clause_a = min(clause_a, antecedent.start)
    clause_b = right[min(len(right), 2 * n) - 1].end if right else q.end
    spans = view.mentions_in(a, b) + [
        (t.start, t.end) for t in view.analysis.timexes if a <= t.start and t.end <= b
    ]
    if spans:

        def outside(ws: list[Word]) -> list[Word]:
            return [w for w in ws if not any(x <= w.start < y for x, y in spans)]

        left, right, inner = outside(left), outside(right), outside(inner)
    stop = next_start if next_start is not None and q.end <= next_start < s1 else None
    return Window(
        inner,
        left[-2 * n :],
        right[: 2 * n],
        (clause_a, clause_b),
        aside or (0, 0),
        stop,
        _bracketed(text, q, stop),
        antecedent.start if antecedent is not None else -1,
    )


def _bracketed(text: str, q: Quantity, stop: int | None) -> bool:
    """Whether an opening bracket stands right before the next quantity ``stop``."""
    return stop is not None and "(" in text[max(q.end, stop - 3) : stop]


def _aside_and_right(
    view: ArticleView, q: Quantity, b: int, s1: int, lex: ClaimsLexicon
) -> tuple[tuple[int, int] | None, list[Word], int]:
    """The aside after the count (an apposition, a part or a bracket set off, a relative clause on its
    persons), the words after the count up to ``b`` without it, and ``b``: a number inside the aside
    ("Five people, including an eight-year-old boy and two teenagers, were detected to have been
    affected") ends nothing, so the words go on after the aside to the next quantity."""
    text = view.text
    right_ws = words(text, q.end, b)
    aside = (
        _apposition(right_ws)
        or _known_as(right_ws)
        or part_aside(text, q)
        or bracket_aside(text, q)
        or _persons_relative(q, right_ws, lex)
    )
    if aside is None:
        return None, right_ws, b
    if b < aside[1] <= s1 and aside[0] <= b:
        b = _next_start_after(view, aside[1], s1)
        right_ws = words(text, q.end, b)
    return aside, [w for w in right_ws if not aside[0] <= w.start < aside[1]], b


def _next_start_after(view: ArticleView, at: int, s1: int) -> int:
    """Where the first quantity at or after ``at`` starts, the sentence's end ``s1`` when none does
    before it."""
    starts = view.quantity_starts()
    k = bisect_left(starts, at)
    return min(starts[k], s1) if k < len(starts) else s1


def _where_before(left: list[Word]) -> int | None:
    """The index of the *where* of a non-restrictive clause (after a comma) the count stands in, among
    the words before it; None when there is none."""
    return next(
        (i for i in range(len(left) - 1, 0, -1) if left[i].text == "where" and left[i - 1].text == ","), None
    )


# what may follow the last place of a *where* clause's antecedent before its comma ("Hyogo prefecture,")
_PLACE_NOUN_THEN_COMMA = re.compile(
    r"(?:\s*,?\s*and\s+[A-Z][\w'-]*)?"  # a name we may not know joined to it ("Osaka and Hyogo")
    r"(?:\s+(?:prefectures?|provinces?|states?|regions?|county|counties|districts?|city|cities))?\s*,"
)


# an apposition after a place that names its kind, up to the comma before *where*: ", Europe's hardest hit
# country,", ", the country's capital,"
_APPOSED_COUNTRY = re.compile(
    r"\s*,\s*[^,;:.!?()]{1,60}?\b(?:country|nation|state|city|province|region|capital|island|territory)"
    r"\s*,"
)


def _antecedent_places(text: str, places: list[Place]) -> Place | None:
    """The first of the places that end right before the comma of ", where" (a place noun may follow
    the last, "Hyogo prefecture,", and a name we do not know may be joined to it), joined by *and*
    ("the western areas of Osaka and Hyogo prefecture, where 172 people have been infected": Osaka);
    None when no place ends there."""
    if not places:
        return None
    end = _comma_after(text, places[-1])
    if not _PLACE_NOUN_THEN_COMMA.fullmatch(text, places[-1].end, end):
        # "far fewer than in Britain, Europe's hardest hit country, where some 110,000 people have been
        # infected": an apposition that calls the place a country stands between it and *where*
        return next((p for p in reversed(places[:-1]) if _APPOSED_COUNTRY.fullmatch(text, p.end, end)), None)
    k = len(places) - 1
    while k > 0 and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[places[k - 1].end : places[k].start]):
        k -= 1
    return places[k]


def _comma_after(text: str, p: Place) -> int:
    """Where the first comma after the place ends (the end of the text when there is none)."""
    i = text.find(",", p.end)
    return len(text) if i < 0 else i + 1


# verbs of multiplying that *more / less than* may grade ("more than doubled")
_MULTIPLIED = frozenset(
    {
        "doubled",
        "tripled",
        "trebled",
        "quadrupled",
        "halved",
        "doubling",
        "tripling",
        "trebling",
        "quadrupling",
    }
)


def _degree_thans(ws: list[Word]) -> frozenset[int]:
    """Starts of the *than* of "more than doubled", "less than halved": a degree of the verb, no
    comparison that ends a window ("Australia's confirmed cases more than doubled in a week to 1,500")."""
    return frozenset(
        w.start
        for i, w in enumerate(ws[1:-1], 1)
        if w.text == "than" and ws[i - 1].text in ("more", "less") and ws[i + 1].text in _MULTIPLIED
    )


# a non-restrictive relative clause, set off by its two commas: ", where winter has just started,"
_RELATIVE_ASIDE = re.compile(r",\s*(?:where|which|who)\b[^,;:.!?]*,")


def _relative_aside_before(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span of a non-restrictive relative clause between the subject and the verb group before a
    count ("Deaths in Argentina, where winter has just started, rose to 26"): its words are an aside on
    the subject, and the subject's words are the count's; None when there is none (only words of the
    verb group, no comma, between the clause and the count)."""
    found = list(_RELATIVE_ASIDE.finditer(text, a, b))
    if not found:
        return None
    m = found[-1]
    between = text[m.end() : b]
    if re.search(r"[,;:.!?()\d]", between) or len(between.split()) > 6:
        return None
    return m.start(), m.end()


# the words that introduce a part of the count before it, and the qualifiers between them and its number
PART_INTRO = frozenset({"including", "includes", "include", "included"})
PART_QUALIFIERS = frozenset({"at", "least", "more", "than", "some", "about", "nearly", "almost", "over"})


# the words after which a count is no subject: the object of a verb of finding or reporting, or a noun
# phrase in apposition after a colon or a dash ("reported its first cases on Wednesday: two women who
# tested positive")
OBJECT_INTRO = frozenset(
    {"confirmed", "reported", "recorded", "registered", "identified", "detected", ":", "—", "–"}
)


# adverbs between a relative's auxiliary and its verb: "who have since died"
_RELATIVE_ADVERBS = frozenset(
    {"since", "already", "now", "later", "subsequently", "all", "both", "reportedly"}
)


def _relative_counts(q: Quantity, left: list[Word], right: list[Word], lex: ClaimsLexicon) -> bool:
    """Whether the restrictive relative clause right after the count says what it counts: the count has
    no verb of its own (:func:`_part_relative`), or the clause says its persons died
    (:func:`_died_relative`)."""
    return _part_relative(left) or _died_relative(q, left, right, lex)


def _died_relative(q: Quantity, left: list[Word], right: list[Word], lex: ClaimsLexicon) -> bool:
    """Whether a restrictive relative clause right after the count says its persons died, and nothing
    after it says what else they are counted as: "Three women who have died from swine flu in Cuba were
    pregnant" (a copula and what they were), "There have been three people who died of swine flu" (no
    verb of the count's own). A verb after the clause is the count's ("70,000 people who died in the quake
    have already been buried": the buried, no toll). Only a verb of dying in the past or perfect, after
    *who* and its auxiliary (not "who could die", "who have not died"), on a noun of persons the count
    counts ("children under five who died" counts no one five)."""
    if not q.counts or singular(q.counts.split()[-1].lower()) not in lex.persons:
        return False
    ws = [w.text.lower() for w in right]
    if ws[:1] != ["who"]:
        return False
    k = 1
    while k < len(ws) and (ws[k] in ("have", "has", "had") or ws[k] in _RELATIVE_ADVERBS):
        k += 1
    if k >= len(ws) or not (ws[k] in _DIED or ws[k : k + 2] == ["passed", "away"]):
        return False
    if _EXISTENTIAL_BEFORE.search(" ".join(w.text.lower() for w in left[-4:])):
        return True
    main = next((i for i in range(k + 1, len(ws)) if ws[i] in _FINITE), None)
    if main is None or ws[main] not in ("was", "were", "is", "are"):
        return False
    after = ws[main + 1] if main + 1 < len(ws) else ""
    # (what they were, not where they came from: "three people who died of swine flu were from Mexico" died
    # elsewhere, and the place after the copula is no place of their deaths)
    if after in NOUN_PHRASE_ENDS or after in _QUANTIFIERS_AFTER_COPULA:
        return False
    return bool(after) and after.isalpha() and not after.endswith(("ed", "en", "ing"))


# words after a copula that put off what the persons were ("were all from Mexico")
_QUANTIFIERS_AFTER_COPULA = frozenset({"all", "both", "mostly", "mainly", "largely", "each"})


# an existential before a count: "there have been 3 pregnant women who have died"
_EXISTENTIAL_BEFORE = re.compile(r"\bthere (?:(?:have|has|had) been|were|are|was|is)$")


def _part_relative(left: list[Word]) -> bool:
    """Whether the count is a part introduced by *including* ("473 cases, including 19 people who
    died"), the object of a verb of reporting ("Mexico has confirmed 20 people who died") or a noun
    phrase after a colon ("its first cases on Wednesday: two women who tested positive") or the object
    of a preposition ("responsible for the 100,000 people who have been killed"): such a count
    has no verb of its own after it, so the restrictive clause on its noun says what it counts (a
    subject's clause describes it: "Two men who were infected ... died")."""
    texts = [w.text for w in left]
    while texts and texts[-1] in PART_QUALIFIERS:
        texts.pop()
    if not texts or texts[-1] in PART_INTRO or texts[-1] in OBJECT_INTRO:
        return bool(texts)
    # the object of a preposition is no subject either: "responsible for the 100,000 people who have
    # been killed in Iraq"
    while texts and texts[-1] in DETERMINERS:
        texts.pop()
    return bool(texts) and texts[-1] in NOUN_PHRASE_ENDS


def _near(win: Window, n: int) -> list[Word]:
    """Inner words, then right and left words alternately by distance (nearest first)."""
    out = list(win.inner)
    left = list(reversed(win.left[-n:]))
    right = win.right[:n]
    for i in range(max(len(left), len(right))):
        if i < len(right):
            out.append(right[i])
        if i < len(left):
            out.append(left[i])
    return out


def _has(ws: list[Word], phrases: tuple[str, ...]) -> list[int]:
    """Positions (in ``ws`` order) where a phrase of ``phrases`` starts. ``ws`` is in text order."""
    return [i for i, _ in find_phrases(ws, phrases)]


# a virus's code as copy writes it: "A(H1N1)", "A/H1N1", "a-h1n1", "H1N1"
_VIRUS_CODE = re.compile(r"a?[/(-]?(h\d{1,2}n\d{1,2})\)?")


# "H1N1-linked deaths", "swine flu-associated deaths": a modifier joined to a participle of cause says
# what the deaths are of, as the modifier alone does
_CAUSE_LINK = re.compile(r"(?<=\w)-(?:linked|associated|caused|induced|attributed)$")


def _bare_code(tok: str) -> str:
    """ "a(h1n1)", "a/h1n1" -> "h1n1"; "a(h1n1)-related" -> "h1n1-related"; other words unchanged."""
    head, sep, rest = tok.partition("-") if not tok.startswith("a-") else (tok, "", "")
    m = _VIRUS_CODE.fullmatch(head)
    return f"{m.group(1)}{sep}{rest}" if m else tok


def _modifiers_ok(thing: Thing, toks: list[str], lex: ClaimsLexicon) -> bool:
    allowed = thing.modifiers | lex.state_words[thing.states]
    allowed |= {w for ws in lex.aspects.values() for w in ws} | set(lex.estimate_words)
    # "Influenza A(H1N1)-related fatalities", "influenza A (H1N1) infection": the code, its type letter
    # written apart or not, is the virus's name
    toks = [
        _CAUSE_LINK.sub("", _bare_code(t))
        for t, nxt in zip(toks, [*toks[1:], ""], strict=False)
        if t != "a" or not _VIRUS_CODE.fullmatch(nxt)
    ]
    toks = [t for t in toks if not _restating(thing, t)]
    # "99 confirmed or probable cases": a conjunction between two allowed modifiers joins them (the state
    # read after is then ambiguous)
    toks = [
        t
        for k, t in enumerate(toks)
        if t not in ("or", "and") or not (0 < k < len(toks) - 1 and {toks[k - 1], toks[k + 1]} <= allowed)
    ]
    if thing.states == "status":
        toks = _without_groups(toks, lex)  # "1,500 US service personnel fatalities": the victims' group
        # "four pilgrim deaths", "three student cases": a noun of persons says whose deaths or cases
        # they are, as "four pilgrims died" does, not another measure
        toks = [t for t in toks if t not in lex.persons]
    return all(t in allowed for t in toks) or all(t in allowed for t in _off_names(thing, toks, lex))


def _without_groups(toks: list[str], lex: ClaimsLexicon) -> list[str]:
    """The modifiers ``toks`` without the words of a group of victims ("military", "service
    personnel"): who died, read by :func:`_victims`, not another measure."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        n = _group_at(toks, i, lex)
        if n:
            i += n
            continue
        out.append(toks[i])
        i += 1
    return out


def _group_at(toks: list[str], i: int, lex: ClaimsLexicon) -> int:
    """How many words (two, else one) of a group of victims (`[groups]`) start at ``toks[i]``; 0 for
    none."""
    return next((n for n in (2, 1) if i + n <= len(toks) and " ".join(toks[i : i + n]) in lex.groups), 0)


def _restating(thing: Thing, tok: str) -> bool:
    """Whether a modifier only restates the thing: a participle of its own predicates ("4,225 infected
    cases": the cases are the infected), or a hyphenated compound of its own modifiers
    ("swine-flu-related fatalities", "H1N1-related deaths")."""
    if tok in thing.predicates and tok.endswith("ed"):
        return True
    parts = tok.split("-")
    return len(parts) > 1 and all(p in thing.modifiers for p in parts)


def _off_names(thing: Thing, toks: list[str], lex: ClaimsLexicon) -> list[str]:
    """The modifiers ``toks`` without the names that leave the thing what it is: a country's demonym
    ("12 Canadian cases": the place is read apart), a place's name of several words ("New Zealand
    deaths": one word may be no name, "new" is an aspect) and, for a count of the disease family, a disease's
    name ("2,076 suspected cholera cases": the disease is read apart, `_disease_of`), also its other
    name after *or* ("H1N1, or swine flu, deaths")."""
    names = lex.disease_phrases if thing.states == "status" else ()
    out: list[str] = []
    i = 0
    while i < len(toks):
        n = next((len(ws) for ws in names if tuple(toks[i : i + len(ws)]) == ws), 0)
        if n == 0 and _demonym(toks[i]):
            n = 1
        if n == 0:
            # a place's name: "the number of New Zealand deaths" (where, read apart, not what)
            n = next((len(ws) for ws in _place_phrases(lex) if tuple(toks[i : i + len(ws)]) == ws), 0)
        if n == 0 and toks[i] == "or" and i + 1 < len(toks):
            # the disease's other name in apposition: "two more H1N1, or Swine Flu, deaths"
            n = next((1 + len(ws) for ws in names if tuple(toks[i + 1 : i + 1 + len(ws)]) == ws), 0)
        out.extend(toks[i : i + 1] if n == 0 else [])
        i += max(n, 1)
    return out


def _place_phrases(lex: ClaimsLexicon) -> tuple[tuple[str, ...], ...]:
    """The words (lower case, singular, as counted nouns are compared) of every country's, region's
    and capital's name of several words the lexicon and the knowledge base know, longest first."""
    return _phrases_of(lex.known_countries, lex.local_places)


@lru_cache(maxsize=4)
def _phrases_of(*names: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    phrases = {tuple(singular(w) for w in n.lower().split()) for ns in names for n in ns if " " in n}
    return tuple(sorted(phrases, key=lambda ws: (-len(ws), ws)))


def _after_qualifier(mods: list[str], lex: ClaimsLexicon) -> list[str]:
    """The words between a number and its noun without a qualifier written right after the number:
    "1,000 or so worldwide swine flu cases", "200 or more confirmed cases" (the qualifier is the
    number's, not the noun's)."""
    for phrase in (*lex.about, *lex.at_least, *lex.at_most):
        ws = phrase.split()
        if mods[: len(ws)] == ws:
            return mods[len(ws) :]
    return mods


def _thing_of(
    q: Quantity, win: Window, lex: ClaimsLexicon, wide: bool = False
) -> tuple[Thing | None, str | None]:
    """The lexicon thing counted, or a generic counted noun, or (None, None)."""
    if q.counts:
        named = _thing_of_counts(q, win, lex)
        if named is not None:
            return named
    event = _event_of(win, lex)
    if event is not None:
        return event, None
    # a number of people, or a bare number: what the words around say is counted ("the number of
    # confirmed cases of the new flu has climbed to 8,480": a total names its thing further back)
    n = lex.settings.window_words * (2 if wide else 1)
    if q.counts is None and _has(sorted(win.left, key=lambda w: w.start), TOTAL_WORDS):
        n = 2 * lex.settings.window_words
        total = _total_of(win, lex)
        if total is not None:
            return total
    elif q.counts is not None and _number_of_counts(win, q.counts):
        # "the number of people killed by the influenza A(H1N1) virus rose to 72": what became of
        # the people is said after them, however long its agent; the subject is the count's noun phrase
        n = 2 * lex.settings.window_words
        said = _total_relative(win, q.counts, lex)
        if said is not None:
            return said, None
    ordered = _near(win, _past_reduced_relative(win, n, lex))
    found = _own_words_of_part(
        q, win, [f for f in _thing_hits(ordered, win, lex) if not _in_next_clause(win, f[2])]
    )
    if not found:
        if _cases_unsaid(q, win, lex):
            return lex.things.get("cases"), None
        return (_changed_subject(win, lex) if q.counts is None else None), None
    _, thing, hit = min(found, key=lambda f: f[0])
    if hit in win.right and hit.text.lower() == "with":
        # "29 people with swine flu have died": a post-modifier of the count's noun says who they
        # are; the verb after it says what became of them, and that is what is counted
        later = [f for f in found if f[1] is not thing and f[2] in win.right and f[2].start > hit.start]
        if later:
            _, thing, hit = min(later, key=lambda f: f[0])
    if not wide and win.right and hit in win.right and singular(hit.text) in thing.heads:
        return _modified(q, win, thing, hit, lex)
    return thing, None


def _own_words_of_part(
    q: Quantity, win: Window, found: list[tuple[int, Thing, Word]]
) -> list[tuple[int, Thing, Word]]:
    """ "62 people were hospitalised, 12 of them in intensive care": the words right after a bare part
    *of them* say what it is before the whole's verb does (the hits among them, when there are any)."""
    if q.counts is None and len(win.right) > 1 and win.right[0].text == "of" and win.right[1].text == "them":
        return [f for f in found if f[2] in win.right[2:6]] or found
    return found


def _cases_unsaid(q: Quantity, win: Window, lex: ClaimsLexicon) -> bool:
    """Whether a count no word around names a thing of counts cases all the same: a bare number the
    adjective right after it calls ill ("with 1,600 ill"), or patients named by the disease."""
    if q.counts is not None:
        return _disease_patients(q.counts, lex)
    return not win.inner and bool(win.right) and win.right[0].text in ILL


# the names of a disease that make patients its cases ("H1N1 patients", "swine flu patients"); not
# "flu" alone, which may be the season's ("the number of flu patients in the country is 450,000, though
# it has not been determined how many of those people are suffering from swine flu")
_DISEASE_OF_PATIENTS = frozenset({"h1n1", "a(h1n1)", "a/h1n1", "ah1n1", "swine flu", "swine influenza"})


def _disease_patients(counts: str, lex: ClaimsLexicon) -> bool:
    """ "some 70 domestic swine flu patients", "52 A/H1N1 patients": patients named by the disease, whom
    no word around says anything else of (hospitalised, dead), are its cases; patients alone may be a
    hospital's or a study's, and stay a noun of persons."""
    toks = _counted_words_of(counts, lex)
    if len(toks) < 2 or toks[-1] != "patient":
        return False
    # (the engine may keep "/H1N1" of "A/H1N1 flu patients")
    mods = [t.lstrip("/") for t in toks[:-1]]
    return any(m in _DISEASE_OF_PATIENTS for m in [*mods, *(" ".join(p) for p in pairwise(mods))])


def _changed_subject(win: Window, lex: ClaimsLexicon) -> Thing | None:
    """ "Deaths from swine flu in the United States have risen to 87": a bare number that a verb of change
    takes to (*rose to*, *have risen to*, *climbed to*), or a verb of reaching takes for object ("Deaths in
    Japan related to the swine flu epidemic reached 100"), gives the value of the verb's subject, whose head
    noun opens the clause however long its modifiers (the thing of that noun; None for none)."""
    left = sorted(win.left, key=lambda w: w.start)
    i = _changed_head(left, lex)
    return None if i is None else lex.thing_of(singular(left[i].text))


def _changed_head(left: list[Word], lex: ClaimsLexicon) -> int | None:
    """The position in ``left`` (text order, up to a bare number) of the head noun of a thing that opens
    the subject of a verb of change right before the number ("Deaths from swine flu ... have risen to"):
    the first such noun, before any preposition that opens a modifier of the head; None for none."""
    if len(left) >= 3 and left[-1].text == "to" and left[-2].text in CHANGE:
        k = len(left) - 2
    elif len(left) >= 2 and left[-1].text in _REACHED_VERBS:
        k = len(left) - 1  # "Deaths in Japan related to the swine flu epidemic reached 100"
    else:
        return None
    while k > 0 and left[k - 1].text in AUX:
        k -= 1
    # (after a fronted phrase set off by a comma that names no thing: "In Peru, deaths suspected to be
    # linked to swine flu rose to 40")
    comma = next((i for i, w in enumerate(left[:k]) if w.text == ","), None)
    start = 0
    if comma is not None and not any(lex.thing_of(singular(w.text)) for w in left[:comma]):
        start = comma + 1
    for i, w in enumerate(left[start:k], start=start):
        if w.text in _SUBJECT_PREPOSITIONS:
            return None
        if lex.thing_of(singular(w.text)) is not None:
            return i
    return None


# the finite verbs that take the level a count reached for object
_REACHED_VERBS = frozenset(
    {"reached", "reaches", "topped", "tops", "hit", "hits", "passed", "surpassed", "exceeded"}
)
# the participles that take the level a change reached for object
_REACHING = frozenset({"reaching", "hitting", "topping"})
# prepositions that open a modifier after a subject's head ("Deaths from swine flu in the US")
_SUBJECT_PREPOSITIONS = frozenset({"of", "from", "in", "at", "among", "with", "by", "for", "on", "across"})


def _event_of(win: Window, lex: ClaimsLexicon) -> Thing | None:
    """ "with the deaths of two more people infected with the novel flu virus": persons (or a bare
    number) that are the *of* complement of a thing's head count that thing, whatever the words after
    them say of the persons (they had been infected; the count is of their deaths)."""
    left = sorted(win.left, key=lambda w: w.start)
    k = len(left)
    while k and left[k - 1].text.lower() in _BEFORE_NUMBER:
        k -= 1
    if k < 2 or left[k - 1].text.lower() != "of":
        return None
    return lex.thing_of(singular(left[k - 2].text.lower()))


def _number_of_counts(win: Window, counts: str) -> bool:
    """Whether the count's noun was written as "the number of <noun>" (or total, tally, ...) before it."""
    left = sorted(win.left, key=lambda w: w.start)
    head = counts.lower().split()[-1]
    return any(head in [x.text for x in left[i + 2 : i + 4]] for i in _totals_of(left))


def _total_relative(win: Window, counts: str, lex: ClaimsLexicon) -> Thing | None:
    """What a relative clause on the persons of "the number of <persons>" says became of them ("The
    number of people who have died after contracting swine flu has risen to 14": deaths), read by
    :func:`_relative_predicate`, or a predicate right after them; None when there is neither."""
    left = sorted(win.left, key=lambda w: w.start)
    head = counts.lower().split()[-1]
    for i in _totals_of(left):
        k = next((x for x in range(i + 2, min(i + 4, len(left))) if left[x].text == head), None)
        if k is not None and head in lex.persons:
            # the relative clause's verb, else the predicate of a post-modifier right after the persons
            # ("the number of people in hospital with swine flu": the hospitalized)
            return _persons_predicate(left, k + 1, lex)
    return None


def _totals_of(left: list[Word]) -> list[int]:
    """Where "<total word> of" stands in ``left`` (text order): "the number of", "the toll of"."""
    return [i for i, (w, nxt) in enumerate(pairwise(left)) if w.text in TOTAL_WORDS and nxt.text == "of"]


# words that open a clause of their own after a number: the nouns after them are that clause's
CLAUSE_OPENERS = frozenset({"as", "when", "while", "after", "before", "because", "since", "until", "if"})


def _in_next_clause(win: Window, hit: Word) -> bool:
    """Whether a word after the number stands in a clause a conjunction or a partitive relative opens
    between them ("went from just four cases over the weekend to 135 as infections were confirmed",
    "to 47, all of whom have recovered"): no noun of the number's.
    *As* after a participle is the participle's complement ("two patients confirmed as having
    contracted the virus"), no clause."""
    if hit not in win.right:
        return False
    before = win.right[: win.right.index(hit)]
    return any(
        (w.text in CLAUSE_OPENERS and not (w.text == "as" and k > 0 and before[k - 1].text.endswith("ed")))
        # "bring the total to 47, all of whom have recovered": a relative clause on a part of the
        # count says what became of them, not what was counted
        # (not "25 of which were fatal": the number heads the partitive, and the clause is its own)
        or (w.text in ("whom", "which") and k > 1 and before[k - 1].text == "of")
        for k, w in enumerate(before)
    )


def _cases_of(head: str, win: Window, lex: ClaimsLexicon) -> Thing | None:
    """The thing an *of* complement right after a count of cases names, a head of another thing after at
    most three modifiers ("four cases of swine flu deaths": deaths, as "four swine flu deaths" would
    be); None for none ("cases of swine flu")."""
    right = sorted(win.right, key=lambda w: w.start)
    if head != "case" or not right or right[0].text != "of":
        return None
    for w in right[1:5]:
        other = next((t for t in lex.things.values() if singular(w.text) in t.heads), None)
        if other is not None:
            return other if singular(w.text) != head else None
        if not w.text[:1].isalnum() or w.text in AUX:
            return None
    return None


# the words of a reaction to a drug or vaccine, which a case *of* names instead of the disease
_REACTIONS = frozenset({"adverse", "reaction", "reactions", "side", "allergic", "guillain-barre"})


def _without_of(mods: list[str]) -> list[str]:
    """The modifiers without an *of* that opens them when no determiner follows it ("reported 25,288 of
    influenza A (H1N1) infection": the noun's own words after *of*); a partitive's stay ("of the")."""
    if mods[:1] == ["of"] and mods[1:2] not in (["the"], ["these"], ["those"], ["them"]):
        return mods[1:]
    return mods


def _counted_otherwise(
    q: Quantity, win: Window, toks: list[str], lex: ClaimsLexicon
) -> tuple[bool, tuple[Thing | None, str | None] | None]:
    """Whether the counted noun names what is counted otherwise than by its head (and what it names, as
    :func:`_thing_of_counts` returns it): the disease's name after the count, *ones*, a case of a
    reaction."""
    assert q.counts
    head = toks[-1]
    if (" ".join(toks) in _DISEASE_OF_PATIENTS or (len(toks) == 1 and _VIRUS_CODE.fullmatch(head))) and (
        q.counts.lower() not in q.text.lower()
    ):
        # "brought to 428 the total number of A(H1N1) in the country": a number of the disease after the
        # count is of its cases (not "two more H1N1, or Swine Flu, deaths", whose noun comes later)
        return True, (lex.things.get("cases"), None)
    if head == "one" and len(toks) > 1:
        return True, None  # "after 74 new ones confirmed": *ones* stands for a noun before it
    right = [w.text.lower() for w in sorted(win.right, key=lambda w: w.start)[:4]]
    if len(toks) == 1 and _VIRUS_CODE.fullmatch(head) and right[:1] in (["related"], ["linked"]):
        # "Six A/H1N1 related deaths": the virus's name and its participle of cause modify the noun after
        other = next((t for t in lex.things.values() if right[1:2] and singular(right[1]) in t.heads), None)
        if other is not None:
            return True, (other, None)
    if head == "case" and right[:1] == ["of"] and _REACTIONS & set(right[1:4]):
        # "one case of adverse reaction to the vaccine": a case of a reaction, no case of the disease
        return True, (None, "reaction case")
    return False, None


def _thing_of_counts(q: Quantity, win: Window, lex: ClaimsLexicon) -> tuple[Thing | None, str | None] | None:
    """What the quantity's counted noun names: a thing (its modifiers allowed), a generic noun; None
    for a noun of persons (the words around say what is counted)."""
    assert q.counts
    toks = _counted_words_of(q.counts, lex)
    head = toks[-1]
    if head == "life" or (toks == ["victim"] and any(w.text in lex.victims_claimed for w in win.left[-2:])):
        return _lives(win, lex)
    # every word written between the number and the counted noun modifies it ("influenza-like" cases)
    decided, named = _counted_otherwise(q, win, toks, lex)
    if decided:
        return named
    inner = [singular(w.text) for w in win.inner if w.text[:1].isalpha()]
    if _state_of_part(q, win, lex):
        inner = inner[2:]  # "20 of the deaths have been confirmed": "of the" is the partitive's
    mods = _after_qualifier(inner[: inner.index(head)] if head in inner else toks[:-1], lex)
    mods = _without_of(mods)
    # a country's name or people modifying the noun is the count's place, no modifier of its measure ("the
    # total number of confirmed UK cases": the place is read apart)
    mods = [m for m in mods if _kb_country(m) is None and m not in lex.region_demonyms]
    compound = _compound_thing(_compound_modifier(toks), head, lex)
    if compound is not None:
        return compound, None
    of_thing = _cases_of(head, win, lex) or _dead_cases(head, win, lex)
    if of_thing is not None:
        return of_thing, None
    for thing in lex.things.values():
        if head in thing.heads:
            if _modifiers_ok(thing, mods, lex):
                return thing, None
            return None, " ".join(toks)
    if toks == [head] and (head in ILL or head == "infected"):
        # "1,600 ill", "200 sick", "Colombia's number of infected rose to 53": people who have the disease
        return lex.things.get("cases"), None
    if len(toks) == 2 and toks[0] in lex.persons:
        # "people infected" (the noun of a total reached and its participle): the participle says
        said = _participle_thing(toks[1], win, lex)
        return (said, None) if said is not None else None  # else, as for persons, the words around say
    pathogen = _names_pathogen(toks, lex)
    # a noun of persons, or people named by their nation ("101 Canadians have died", "Four more
    # Ukrainians"): the verb says what is counted
    if head in lex.persons or _of_people(toks, lex) or pathogen:
        # a disease is never what is counted, but what its cases or deaths are of: "two more H1N1,
        # or Swine Flu, deaths" (the noun phrase cut at the comma), like a noun of persons the words
        # around say what is counted (a disaster may be counted: "four hurricanes")
        return None
    return None, " ".join(toks)


def _names_pathogen(toks: list[str], lex: ClaimsLexicon) -> bool:
    """Whether the counted words end in a pathogen's name; a virus's code in brackets is its name ("71 new
    Influenza A (H1N1) diagnosed")."""
    bare = [t.strip("()") for t in toks]
    return any(tuple(bare[-len(n) :]) == n for n in lex.pathogen_phrases)


def _of_people(toks: list[str], lex: ClaimsLexicon) -> bool:
    """Whether a counted noun (its words singular) names people by their nation ("101 Canadians", "2,089
    South Koreans") or their region (`[places.demonyms]`: "16 Queenslanders", "three West Australians")."""
    last2 = " ".join(toks[-2:])
    return (
        _demonym(toks[-1])
        or _demonym(last2)
        or toks[-1] in lex.region_demonyms
        or last2 in lex.region_demonyms
    )


def _force(counts: str, lex: ClaimsLexicon) -> bool:
    """Whether a counted noun names a force (`[groups] forces`): "US troops", "UN peacekeepers"."""
    toks = _counted_words_of(counts, lex)
    group = next((g for g in (" ".join(toks[-2:]), toks[-1]) if g in lex.groups), None)
    return group is not None and lex.group_names.get(group, group) in lex.forces


def _strength(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> str | None:
    """ "10,000 US troops in Haiti", "Brazil sent 3,000 UN peacekeepers": a force (`[groups] forces`)
    that no word around says died or was hurt, deployed by its sentence or put in a place, is its
    strength, a measure named by its words without the nation (its place, :func:`_named`); None for
    other persons ("200 people", "two militants"), a force otherwise ("11 soldiers will be charged")
    and a part ("30 people, including 12 soldiers")."""
    if not q.counts or not _force(q.counts, lex):
        return None
    toks = _counted_words_of(q.counts, lex)
    before = [w.text for w in words(view.text, s0, q.start)]
    if before[-1:] in (["including"], ["among"]):
        return None
    placed = re.match(r"\s+(?:in|to|into)\s", view.text[q.end : q.end + 5]) is not None
    if not placed and not _has(words(view.text, s0, view.sentence(q.start)[1]), lex.deployed):
        return None
    return " ".join(t for t in toks if _kb_country(t) is None) or " ".join(toks)


def _participle_thing(participle: str, win: Window, lex: ClaimsLexicon) -> Thing | None:
    """The thing a participle after a noun of persons says is counted ("people infected": cases), or
    what its own verb says the cases became ("35 people infected remained hospitalized")."""
    said = next((t for t in lex.things.values() if participle in _free(t.predicates)), None)
    became = _cases_became(win) if said is not None and said.label == "cases" else None
    return lex.things.get(became, said) if became else said


# the count's own verb, after at most an adverb and an auxiliary, says what became of the cases: they
# died ("three other cases reportedly died", "the two cases have since died"), got over the disease
# ("Nine cases have totally recovered") or were taken into hospital ("150 cases ... remain
# hospitalised"): a case is a patient, and those are counts of another measure
_CASES_BECAME_ADVERBS = frozenset(
    {"reportedly", "also", "later", "since", "subsequently", "then", "all", "both", "have", "has", "had",
     "been", "totally", "fully", "now", "currently", "still", "remain", "remained", "remains", "were",
     "was", "proved", "proven"}
)  # fmt: skip
# the words of a disease's name in an of-phrase after "cases"
_DISEASE_NAME_WORDS = frozenset(
    {"the", "a", "confirmed", "pandemic", "swine", "flu", "influenza", "h1n1", "a(h1n1)", "(", ")", "virus",
     "novel", "new", "infection"}
)  # fmt: skip
_CASES_BECAME = {
    "died": "deaths", "perished": "deaths", "succumbed": "deaths", "fatal": "deaths", "die": "deaths",
    "dies": "deaths",
    "recovered": "recovered", "discharged": "recovered",
    "hospitalized": "hospitalized", "hospitalised": "hospitalized", "admitted": "hospitalized",
}  # fmt: skip


# the heads of a count of the sick that their own verb may say became something else ("Two swine flu
# sufferers die in NSW")
_BECOMING_HEADS = frozenset({"case", "sufferer"})


def _dead_cases(head: str, win: Window, lex: ClaimsLexicon) -> Thing | None:
    """The thing the cases (or the sufferers) counted became, when their own verb says it
    (:func:`_cases_became`)."""
    became = _cases_became(win) if head in _BECOMING_HEADS else None
    return lex.things.get(became) if became else None


def _cases_became(win: Window) -> str | None:
    """What the cases counted became, by their own verb: "after three other cases reportedly died on
    Saturday" counts deaths, "Nine cases have totally recovered" the recovered, "of which three cases have
    been fatal" deaths; None when the verb says
    nothing of it. *were* / *was* / *remain* go before a participle only ("were died" is no English)."""
    right = win.right
    if right[:1] and right[0].text == "of":
        # "150 cases of confirmed pandemic (H1N1) 2009 remain hospitalised": the disease's name first
        n = next((i for i, w in enumerate(right[1:], 1) if w.text.lower() not in _DISEASE_NAME_WORDS), 1)
        right = right[n:]
    for w in right[:4]:
        if w.text in _CASES_BECAME:
            return _CASES_BECAME[w.text]
        if w.text not in _CASES_BECAME_ADVERBS:
            return None
    return None


def _state_of_part(q: Quantity, win: Window, lex: ClaimsLexicon) -> bool:
    """A part of a whole written again ("20 of the deaths have been confirmed"), whose own words say
    its state: the part is a value of the whole's thing in that state. A part that a property sets
    apart ("11 of the new cases are males", "10 of the confirmed cases are in hospital") is none: its
    noun phrase stays a measure of its own."""
    if not _PARTITIVE.match(_unqualified(q)):
        return False
    right = {w.text for w in win.right[: lex.settings.window_words]}
    return any(right & set(ws) for ws in lex.states.get("status", {}).values())


def _unqualified(q: Quantity) -> str:
    """The quantity's text without the qualifier it opens with ("only 20 of the deaths" -> "20 of the
    deaths"): a part is written after its qualifier."""
    if q.qualifier and q.text.lower().startswith(q.qualifier.lower()):
        return q.text[len(q.qualifier) :].lstrip()
    return q.text


def _described_place(view: ArticleView, q: Quantity, lex: ClaimsLexicon, by_source: bool) -> tuple[str, ...]:
    """The place the description of a count's source or of its persons gives, when no word of its
    sentence places it: a national body's (`_body_place`), a national office's (`_office_place`), or the
    persons' nationality (`_demonym_place`); the source's only for a thing it may place (``by_source``)."""
    if by_source:
        about = _body_place(view, q, lex) or _office_place(view, q, lex)
        if about:
            return about
    return _region_demonym_place(q, lex) or _demonym_place(view, q)


def _region_demonym_place(q: Quantity, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "138 Victorians now diagnosed", "the number of Victorian cases": the region whose people the
    count's own noun names (`[places.demonyms]`), () for none."""
    if not q.counts:
        return ()
    toks = [singular(w) for w in q.counts.lower().split()]
    for n in (2, 1):
        for k in range(len(toks) - n + 1):
            region = lex.region_demonyms.get(" ".join(toks[k : k + n]))
            if region:
                return (region,)
    return ()


# the nouns of a body or its people a nationality may describe as a sentence's subject
_NATIONAL_SUBJECTS = frozenset(
    {
        "government",
        "ministry",
        "authorities",
        "officials",
        "health",
        "interior",
        "civil",
        "protection",
        "agency",
    }
)


def _subject_demonym(view: ArticleView, q: Quantity, s0: int) -> tuple[str, ...]:
    """ "The Haitian Interior Ministry put the death toll at 217,366": a sentence that names no place and
    opens with a body its nationality describes (a demonym before a noun of government, its people or
    its offices) gives that body's country to a count after it, as a speaker's description does."""
    if view.places_in(s0, view.sentence(q.start)[1]):
        return ()
    ws = [w.text for w in words(view.text, s0, q.start)][:5]
    if ws[:1] and ws[0].lower() == "the":
        ws = ws[1:]
    if len(ws) < 2 or ws[1].lower() not in _NATIONAL_SUBJECTS:
        return ()
    return _demonym_country(view, ws[0])


def _demonym_place(view: ArticleView, q: Quantity) -> tuple[str, ...]:
    """ "Some 200 Britons have tested positive", "killed 26 Argentines": persons counted by their
    nationality, where no word places them, are their country's (the guideline's "two Britons" are cases
    of the United Kingdom); NER types few plural demonyms."""
    if not q.counts:
        return ()
    return _demonym_country(view, q.counts.split()[-1])


def _demonym_country(view: ArticleView, word: str) -> tuple[str, ...]:
    """The country a demonym names ("Britons", "Haitian"), under the article's alias for it; () for none."""
    from saidwhat.entities.resources import fold, load_knowledge  # here: see _after_number

    country = load_knowledge().demonyms.get(fold(word))
    return (view.aliases.get(country, country),) if country else ()


def _demonym(word: str) -> bool:
    """Whether a word is a nation's demonym ("canadian", "ukrainian"), as the knowledge base folds it."""
    from saidwhat.entities.resources import fold, load_knowledge  # here: see _after_number

    return fold(word) in load_knowledge().demonyms


def _thing_hits(ordered: list[Word], win: Window, lex: ClaimsLexicon) -> list[tuple[int, Thing, Word]]:
    """Every word of ``ordered`` (nearest first) that names a thing: a predicate, a head; with its
    rank."""
    text_order = sorted(ordered, key=lambda w: w.start)
    # "six in Canada, with no deaths reported": a noun under *no* is what there is none of, not what a
    # number counts
    denied = {
        text_order[k + 1].start for k in range(len(text_order) - 1) if text_order[k].text in ("no", "without")
    }
    lo, hi = _reduced_relative(win, lex)
    run_on = _virus_run_on(text_order, win)
    found: list[tuple[int, Thing, Word]] = []
    for thing in lex.things.values():
        hits = [
            run_on[i]
            for i, p in find_phrases(run_on, _free(thing.predicates))
            if i + len(p.split()) <= len(text_order)
            or (i < len(text_order) and _ends_in_name(p, len(text_order) - i))
        ]
        hits = [w for w in hits if not _next_verb(w, win)]
        hits += _in_predicate(win, thing)
        if thing.name == "hospitalized":
            # (after the count only: "MRSA and C difficile infections in hospitals - the former a
            # reported 1,652" places the infections)
            right_starts = {r.start for r in win.right}
            hits += [w for w in _in_hospitals(text_order) if w.start in right_starts]
        hits += [w for k, w in enumerate(text_order) if _counts_as(text_order, k, thing, lex)]
        found += [
            (ordered.index(w), thing, w) for w in hits if w.start not in denied and not lo <= w.start < hi
        ]
    return found


def _ends_in_name(phrase: str, inside: int) -> bool:
    """Whether the words of a predicate past the window (after its first ``inside`` words) name the disease
    ("affected with swine flu", "confirmed to have the H1N1 virus"): a participle's predicate that starts
    among the words read is not cut off by the count of words read, as the disease's name is part of it."""
    if phrase.endswith(" virus"):
        return True
    # (a participle's phrase: "with swine flu" after "at large in the community" is no predicate of theirs)
    ws = phrase.split()
    return ws[0].endswith("ed") and all(w in _OF_DISEASE_WORDS for w in ws[inside:])


def _in_hospitals(ws: list[Word]) -> list[Word]:
    """The *in* of "in hospitals", "in English hospitals", "in the city's hospitals": the plural, and one or
    two words between *in* and the noun of hospitals, still place the persons in hospital (the lexicon's
    "in hospital" holds neither)."""
    out = []
    for k, w in enumerate(ws):
        if w.text != "in":
            continue
        after = [x.text for x in ws[k + 1 : k + 4]]
        end = next((j for j, t in enumerate(after) if t in ("hospital", "hospitals")), None)
        if end is None or end > 2 or set(after[:end]) & (AUX | {",", "and", "or"}):
            continue
        # (not what a hospital has: "289 hospital critical care beds in hospitals")
        if not {x.text for x in ws[max(0, k - 4) : k]} & _OF_HOSPITALS:
            out.append(w)
    return out


# the nouns of what hospitals have, which *in hospitals* after them places, not persons
_OF_HOSPITALS = frozenset(
    {"bed", "beds", "ward", "wards", "unit", "units", "place", "places", "staff", "doctors", "nurses"}
)


def _past_reduced_relative(win: Window, n: int, lex: ClaimsLexicon) -> int:
    """How many words on each side a count's thing is read from: ``n``, and on the right as many more as
    a reduced relative clause right after it holds (:func:`_reduced_relative`: "Two British people
    admitted to hospital in Scotland have been confirmed as having the virus": its words are not read)."""
    lo, hi = _reduced_relative(win, lex)
    return n + sum(1 for w in win.right if lo <= w.start < hi)


def _virus_run_on(text_order: list[Word], win: Window) -> list[Word]:
    """The words a count's thing is read from (in text order), and the few after the last one: a predicate
    that names the virus ("confirmed to have the H1N1 virus", `virus_names`) may start among them and
    end past them (no other predicate is read past them)."""
    if not text_order:
        return text_order
    last = text_order[-1].start
    return text_order + [w for w in sorted(win.right, key=lambda w: w.start) if w.start > last][:4]


def _reduced_relative(win: Window, lex: ClaimsLexicon) -> tuple[int, int]:
    """The span of a participle's phrase right after the count that its own perfect follows ("Twenty
    people infected with the virus have died", "Nearly 170 people suspected of having swine flu have
    died"): a reduced relative clause on the persons, whose words say who they were, not what the count
    counts (the perfect's verb does, when it counts a toll, `[incidents] things`, or when a passive
    perfect's verb is any thing's predicate: the people infected who "had recovered" are still the cases
    counted); (0, 0) when there is none."""
    right = sorted(win.right, key=lambda w: w.start)
    if len(right) < 3 or not right[0].text.endswith("ed"):
        return 0, 0
    tolls = [lex.things[name] for name in lex.incident_things]
    for j in range(1, len(right) - 1):
        if right[j].text not in ("have", "has", "had"):
            continue
        if any(right[j + 1].text in t.predicates for t in tolls):
            return right[0].start, right[j].start
        # "Two British people admitted to hospital in Scotland ... have been confirmed as having the
        # virus": a passive perfect whose verb is a thing's predicate says what is counted
        if (
            right[j + 1].text == "been"
            and j + 2 < len(right)
            and _predicate_at(right, j + 2, lex) is not None
        ):
            return right[0].start, right[j].start
    return 0, 0


# the words that name the disease between a compound's modifier and its head ("40 fatal human swine flu
# cases" are fatal cases: deaths)
_COMPOUND_GAP_WORDS = frozenset(
    {"swine", "flu", "influenza", "h1n1", "human", "a(h1n1)", "a/h1n1", "ah1n1", "virus", "pandemic", "novel"}
)


def _compound_modifier(toks: list[str]) -> str | None:
    """The word before a counted noun that may make a compound with it, the disease's name between them
    passed over."""
    k = len(toks) - 2
    while k > 0 and toks[k] in _COMPOUND_GAP_WORDS:
        k -= 1
    return toks[k] if k >= 0 else None


def _compound_thing(modifier: str | None, head: str, lex: ClaimsLexicon) -> Thing | None:
    """The thing a "modifier head" compound counts although its head is another thing's ("fatal
    cases" are deaths: `compounds` of `[things]`)."""
    if modifier is None:
        return None
    phrase = f"{modifier.lower()} {singular(head.lower())}"
    return next((t for t in lex.things.values() if phrase in t.compounds), None)


def _counts_as(ws: list[Word], k: int, thing: Thing, lex: ClaimsLexicon) -> bool:
    """Whether the word ``ws[k]`` names ``thing`` as a counted noun: its head, unless the word before
    makes a compound of another thing ("the number of fatal cases")."""
    compound = _compound_thing(ws[k - 1].text if k else None, ws[k].text, lex)
    if compound is not None:
        return compound is thing
    return singular(ws[k].text) in thing.heads


# words between a verb and the number it takes as object ("killing at least three")
_BEFORE_NUMBER = wordset(
    "least more than some over nearly about almost up to as many another further around under an estimated"
    " roughly approximately"
)


def _next_verb(w: Word, win: Window) -> bool:
    """Whether the predicate word ``w`` of a count's right window is the verb of the next quantity:
    "shooting four people, killing three" - nothing but qualifier words between it and the next
    number, which is its object."""
    if win.stop is None or w not in win.right:
        return False
    after = [x for x in win.right if x.start > w.start]
    texts = [x.text for x in after]
    for i, t in enumerate(texts):
        if t not in _BEFORE_NUMBER and texts[i : i + 2] != ["at", "least"]:
            return False
    # (a bracket opens an aside, no object: "five patients died (3 in Pune and one each in Mumbai)")
    return win.stop - (after[-1].end if after else w.end) <= 2 and not win.bracketed


def _modified(
    q: Quantity, win: Window, thing: Thing, hit: Word, lex: ClaimsLexicon
) -> tuple[Thing | None, str | None]:
    """'800 "influenza-like" cases': the words between the number and its noun ``hit`` (a head of
    ``thing``) modify it; modifiers the thing does not allow make a generic measure of their own.
    Words set off by commas are a parenthetical, not modifiers: "two more H1N1, or Swine Flu,
    deaths" (only the words after the last comma modify the noun)."""
    before = win.right[: win.right.index(hit)]
    commas = [k for k, w in enumerate(before) if w.text == ","]
    if commas:
        before = before[commas[-1] + 1 :]
    mods = [singular(w.text) for w in before if w.text[:1].isalpha()]
    if mods[:1] == ["of"] and mods[1:2] and mods[1] in _PART_PRONOUNS:
        mods = mods[2:]  # "2,446 confirmed cases, 60 of them fatal": the partitive's, no modifiers
    mods = _inverted_total_mods(q, win, mods)
    if q.kind == "count" and mods in (["of", "the"], ["of", "these"], ["of", "those"]):
        return thing, None  # "Tests confirmed swine flu in 16 of the dead": a part of the dead, deaths
    if q.kind != "money" and set(mods) & _PP_OPENERS:
        # "has risen to 10 with the death of three more patients", "11 soldiers will be charged in
        # connection with the death of": a noun inside a prepositional phrase after the count is no noun
        # the count's words modify, and no generic measure is made of the words before it
        return None, None
    if q.kind != "money" and _predicate_after_verb(mods, hit, thing):
        return thing, None
    if not _modifiers_ok(thing, _after_link(mods) if q.kind == "money" else mods, lex):
        if q.counts and hit.start >= q.end:
            # "Two militants appeared on the video without the hostages": words after the count's own
            # noun are no modifiers of another noun, and name no measure
            return None, None
        return None, " ".join([*mods, singular(hit.text)])
    return thing, None


def _inverted_total_mods(q: Quantity, win: Window, mods: list[str]) -> list[str]:
    """ "These cases bring to 10 the total Minnesota deaths": after a verb of bringing and *to*, the
    noun phrase after the bare number is the total's own, its determiner and *total* no modifiers of its
    noun (the thing had been "the total death")."""
    if q.counts is not None or mods[:1] != ["the"]:
        return mods
    if not _bring_to([w.text.lower() for w in win.left[-2:]]):
        return mods
    return [m for m in mods[1:] if m not in _INVERTED_TOTAL_WORDS]


_INVERTED_TOTAL_WORDS = frozenset({"total", "cumulative", "overall"})


# the words after which a noun is no predicate's own: prepositions and determiners
_NO_PREDICATE = frozenset(
    {"of", "in", "at", "to", "for", "from", "with", "by", "on", "into", "as", "the", "a", "an"}
)


def _predicate_after_verb(mods: list[str], hit: Word, thing: Thing) -> bool:
    """Whether a verb group stands between the count and the word ``hit``, so that the word is the
    predicate, not a noun the words before it modify: "112,250 people had been confirmed dead" (a
    word of the thing's predicates), "28 of them are confirmed cases" (a predicate noun, only words of
    the verb group and its state before it; not "are convicted of the abuse of prisoners")."""
    last = max((i for i, m in enumerate(mods) if m in AUX), default=None)
    if last is None or not all(m.isalpha() for m in mods):
        return False
    return hit.text in thing.predicates or not set(mods[last + 1 :]) & _NO_PREDICATE


# prepositions that open a phrase of their own after a count ("to 10 with the death of ..."): no modifier
_PP_OPENERS = frozenset({"with", "after", "following", "amid", "since", "despite", "including"})
MONEY_LINKS = frozenset({"in", "of", "for", "to", "toward", "towards", "from", "on"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _after_link(mods: list[str]) -> list[str]:
    """The words before an amount's noun without the preposition that links the amount to it and the
    determiner after it ("$100m in aid", "$4.37m of emergency funding", "£6m to the relief effort",
    "$100m pledged in immediate aid": the money is aid, not "in aid")."""
    return [m for m in mods if m not in MONEY_LINKS and m not in DETERMINERS]


def _counted_words_of(counts: str, lex: ClaimsLexicon) -> list[str]:
    """The words of a counted noun phrase, singular, without what follows its noun: an adverb
    ("2,371 Swine Flu Cases Worldwide", read in title case) or a participle ("the total number of
    H1N1 cases confirmed in the country has reached 1,996": its state is read from the words around)."""
    toks = [singular(t) for t in counts.lower().split()]
    if len(toks) > 1 and toks[-1] in WORLD_ADVERBS:
        toks.pop()
    if len(toks) > 1 and toks[-1].endswith("ed") and any(toks[-2] in t.heads for t in lex.things.values()):
        toks.pop()
    return toks


def _lives(win: Window, lex: ClaimsLexicon) -> tuple[Thing | None, str | None]:
    """Lives counted with a verb of loss are deaths ("claimed 45 lives", "cost more than 100,000 lives",
    "1,200 lives were lost"), as victims a disease claims ("The disease has claimed 103 victims"); lives
    saved or protected are no thing of the lexicon (`[lives]`)."""
    before = [w.text for w in win.left[-2:]]
    after = [w.text for w in win.right[:2]]
    if (before and before[-1] in lex.lives_loss) or any(w in lex.lives_loss for w in after):
        return lex.things[lex.lives_thing], None
    return None, "lives"


def _free(predicates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in predicates if not p.endswith(" in"))


def _in_predicate(win: Window, thing: Thing) -> list[Word]:
    """ "tests have confirmed the virus in more than 10,000 people", "diagnosed in 17,564 people": a
    predicate ending in *in* counts the number its *in* introduces (at most three words after its
    verb), never a number elsewhere in its clause ("from the virus in Mexico, 19 have been ...")."""
    if not win.left or win.left[-1].text != "in":
        return []
    verbs = {p.split()[0] for p in thing.predicates if p.endswith(" in")}
    return [w for w in win.left[-5:-1] if w.text in verbs][-1:]


def _total_of(win: Window, lex: ClaimsLexicon) -> tuple[Thing | None, str | None] | None:
    """What "the number of X" / "the total of X" counts: X, after its modifiers ("the number of
    countries with confirmed cases ... to 39" counts countries)."""
    left = sorted(win.left, key=lambda w: w.start)
    known = lex.modifier_words
    at = _totals_of(left)
    if not at:
        return None
    i = at[-1]
    own = lex.thing_of(left[i].text)
    if own is not None:
        return own, None  # "the death toll of A/H1N1 influenza ...": a toll of its cause
    mods: list[str] = []
    for k, w in enumerate(left[i + 2 :], start=i + 2):
        word = singular(w.text)
        thing = _compound_thing(mods[-1] if mods else None, word, lex)
        if thing is not None:
            return thing, None  # "the number of fatal cases"
        thing = lex.thing_of(word)
        if thing is not None:
            return (thing, None) if _modifiers_ok(thing, mods, lex) else (None, " ".join([*mods, word]))
        if not w.text[:1].isalpha() or w.text in ("the", "a", "an"):
            continue
        if w.text in NOUN_PHRASE_ENDS or w.text in RELATIVE_PRONOUNS:
            # "the number of patients in England ...", "the total number of people who have
            # succumbed to H1N1 virus": a post-modifier or a relative clause; the predicates say,
            # the relative clause's own first (:func:`_relative_predicate`)
            # (else the post-modifier's own predicate: "the number of people in hospital with swine flu
            # in England has risen to 652" counts the hospitalized, not the cases "with swine flu" names)
            said = _persons_predicate(left, k, lex) if mods and mods[-1] in lex.persons else None
            return (said, None) if said is not None else None
        if mods and mods[-1] in lex.persons:
            # "the total number of people infected", "of those afflicted with the disease": the
            # participle after the persons says what became of them
            said = _predicate_at(left, k, lex)
            if said is not None:
                return said, None
        if w.text in ("or", "and") and mods and mods[-1] in known:
            mods.append(word)  # "the number of likely or confirmed cases": modifiers joined
            continue
        if w.text not in known and word not in lex.persons:
            alone = not mods and w.text.endswith("ed") and _ends_noun_phrase(left, k + 1)
            said = _predicate_at(left, k, lex) if alone else None
            # "bringing the number of infected to 40": a participle alone is the people it says
            # something of; else another noun: the number of countries, of schools, ...
            return (said, None) if said is not None else (None, word)
        mods.append(word)
    return None


def _persons_predicate(ws: list[Word], k: int, lex: ClaimsLexicon) -> Thing | None:
    """What the words from ``ws[k]`` on, after a total's persons, say became of them: the verb of a
    relative clause on them (:func:`_relative_predicate`), else a predicate right there ("the number of
    people in hospital with swine flu": the hospitalized)."""
    return _relative_predicate(ws, k, lex) or _predicate_at(ws, k, lex)


def _relative_predicate(ws: list[Word], k: int, lex: ClaimsLexicon) -> Thing | None:
    """ "the number of people in Britain who have died after contracting swine flu": the verb of a
    relative clause on the persons (after a short post-modifier), its auxiliaries passed, says what is
    counted; an adjunct after it ("after contracting ...") says when or how, not what (it had been read
    as cases, the predicate nearer the number)."""
    j = next((x for x in range(k, min(k + 5, len(ws))) if ws[x].text in ("who", "that")), None)
    if j is None:
        return None
    j += 1
    while j < len(ws) and ws[j].text in AUX:
        j += 1
    return _predicate_at(ws, j, lex) if j < len(ws) else None


def _ends_noun_phrase(ws: list[Word], i: int) -> bool:
    """Whether a noun phrase ends before ``ws[i]``: the words end, or a preposition or a verb's *to*
    starts there."""
    return i >= len(ws) or ws[i].text in NOUN_PHRASE_ENDS or not ws[i].text[:1].isalpha()


def _predicate_at(ws: list[Word], i: int, lex: ClaimsLexicon) -> Thing | None:
    """The thing whose predicate is written at ``ws[i]`` ("infected", "afflicted with"), if one is; as
    in `_thing_hits`, not a predicate that counts only the number its *in* introduces ("found in")."""
    span = ws[i : i + 8]
    # "the total number of people affected so far with the flu": an adverb of time after the participle
    # is none of the predicate's words
    if len(span) > 2 and (span[1].text, span[2].text) in (("so", "far"), ("thus", "far")):
        span = [span[0], *span[3:]]
    elif len(span) > 1 and span[1].text in ("already", "now"):
        span = [span[0], *span[2:]]
    for thing in lex.things.values():
        if 0 in _has(span[:6], _free(thing.predicates)):
            return thing
    return None


def _state_of(thing: Thing, win: Window, lex: ClaimsLexicon, part: bool = False) -> str | None:
    """The thing's state; None when two states of its family are written (ambiguous). For a part of
    a whole named before it (``part``), the words between them describe the whole: only the words
    after the number count. (A whole's window holds no verb of its part: :func:`_whole_window`.)"""
    family = lex.states[thing.states]
    inner_text = sorted(win.inner, key=lambda w: w.start)
    found = {s for s, ws in family.items() if _has(inner_text, ws)}
    if not found:
        n = lex.settings.window_words
        # "the number of suspected deaths linked to the virus is reported to be 160": further left
        reach = 2 * n if _has(sorted(win.left, key=lambda w: w.start), TOTAL_WORDS) else n
        # the whole of "20 of the 149 fatalities have been confirmed" is not what the verb says; nor the
        # whole after *out of* ("40 cases ... have been confirmed in the country out of over 300 reported
        # cases": the verb before it is the part's)
        left = [] if part or _out_of_whole(win.left) else win.left[-reach:]
        if not part:
            left = [*_head_phrase(thing, win.left, lex, left), *left]
        right = win.right[: n + _disease_phrase(win.right)]
        if any(singular(w.text.lower()) in thing.heads for w in win.inner):
            right = _off_later_nouns(right, lex)
        if win.stop is not None:
            # "Peru swine flu deaths top 40, Health Ministry confirms 164 new cases": the verb right
            # before the next count has it for its object
            right = [w for w in right if not 0 <= win.stop - w.end <= 1]
        around = _off_wholes(sorted([*left, *right], key=lambda w: w.start), lex)
        around = _off_other_things(
            around,
            sorted([*win.left, *win.inner, *win.right], key=lambda w: w.start),
            thing,
            lex,
            frozenset(w.start for w in win.inner),
        )
        # "patients previously suspected as having swine flu": a state they were in before, not now
        around = [
            w for k, w in enumerate(around) if not (k and around[k - 1].text.lower() in PAST_STATE_BEFORE)
        ]
        found = {s for s, ws in family.items() if _has(around, ws)}
        if found == {"confirmed"} and "suspected" in family and _negated(around, family["confirmed"]):
            # "The other 13 cases could not be confirmed yet": not confirmed is unconfirmed, a suspicion
            found = {"suspected"}
        if not found and "confirmed" in family and _confirmation_by(win.left):
            found = {"confirmed"}
        # (a suspicion written before the count that its own test resolved: "30 people were suspected of
        # having swine flu, 5 of whom tested positive")
        if found == {"suspected"} and (_suspicion_resolved(win.right) or _tested_positive(win.right)):
            found = set()
    if len(found) > 1:
        return None
    return next(iter(found)) if found else thing.default_state


def _disease_phrase(right: list[Word]) -> int:
    """How many words after the count name its disease in an *of* or *from* phrase ("Three cases of the new
    influenza A(H1N1) virus have been confirmed in India"): the name is part of the counted noun phrase,
    so the words of the count's predicate are read as far past it as past a bare noun."""
    ws = [w.text.lower() for w in sorted(right, key=lambda w: w.start)]
    if ws[:1] not in (["of"], ["from"]):
        return 0
    k = 1
    while k < len(ws) and (ws[k] in _OF_DISEASE_WORDS or (ws[k] == "of" and ws[k - 1] in ("strain", "type"))):
        k += 1
    return k if k > 1 and set(ws[1:k]) & _COMPOUND_GAP_WORDS else 0


# a bare number right after a verb of a state, with the whole it is part of after it: "Peru has confirmed
# 12 of 40 suspected cases", "Mexico confirmed 20 of the 149 suspected deaths"
_WHOLE_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\d,.]+|\w+\s+(?:hundred|thousand))\b")
_STATE_VERB_BEFORE = re.compile(
    r"\b(?:confirmed|confirms|confirm|verified)\s+(?:only\s+|just\s+)?"
    # the virus found *in* the part: "tests confirmed the virus in 7 of the 10 suspected cases"
    r"(?:(?:the\s+)?(?:new\s+)?(?:virus|disease|infection|swine\s+flu|flu|h1n1|a\(h1n1\)|influenza)"
    r"(?:\s+(?:virus|infection))?\s+in\s+)?$",
    re.IGNORECASE,
)


def _part_object_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> str:
    """The state of a part the verb before it takes as its object, whatever the whole after it was: "Peru
    has confirmed 12 of 40 suspected cases" confirms the 12 (the whole's adjective is the whole's)
    ("" when the count is no such part)."""
    if q.counts or "confirmed" not in lex.states[thing.states]:
        return ""
    if not _WHOLE_OF_AFTER.match(view.text, q.end) or not _STATE_VERB_BEFORE.search(
        view.text, max(0, q.start - 60), q.start
    ):
        return ""
    return "confirmed"


def _negated(ws: list[Word], state_words: tuple[str, ...]) -> bool:
    """Whether every word of the state in ``ws`` is the participle of a negated verb group: a negation,
    then only auxiliaries and *yet* before it ("could not be confirmed", "have not yet been confirmed";
    not "did not stop 47 new cases being confirmed", whose negation is another verb's)."""
    hits = _has(ws, state_words)
    low = [w.text.lower() for w in ws]

    def negated(i: int) -> bool:
        k = i - 1
        while k >= 0 and (low[k] in AUX or low[k] in _MODALS or low[k] == "yet"):
            k -= 1
        return k >= 0 and k < i - 1 and low[k] in ("not", "n't", "never")

    return bool(hits) and all(negated(i) for i in hits)


def _out_of_whole(left: list[Word]) -> bool:
    """Whether *out of* stands right before the count (a qualifier between): the count is a whole its
    part was drawn from."""
    ws = [w.text.lower() for w in sorted(left, key=lambda w: w.start)]
    while ws and ws[-1] in IN_COUNT | _BEFORE_NUMBER:
        ws.pop()
    return ws[-2:] == ["out", "of"]


def _confirmation_by(left: list[Word]) -> bool:
    """ "following the laboratory confirmation by the National Institute of Communicable Diseases (NICD)
    of three deaths": *confirmation* and its agent, then *of* right before the count, confirm it as
    "the confirmation of three deaths" does (its agent's name is no word of the window)."""
    ws = [w.text.lower() for w in sorted(left, key=lambda w: w.start)][-14:]
    if ws[-1:] != ["of"]:
        return False
    return any(a == "confirmation" and b == "by" for a, b in pairwise(ws[:-1]))


def _suspicion_resolved(right: list[Word]) -> bool:
    """ "Four servicemembers suspected of having the H1N1 virus have tested positive": the count's own
    predicate, after the phrase that says what they were suspected of, says the test came back positive;
    the suspicion is over (up to the first comma: "30 people suspected of having it, 5 of whom tested
    positive" keeps the 30 suspected)."""
    ws = [w.text.lower() for w in sorted(right, key=lambda w: w.start)]
    ws = ws[: ws.index(",")] if "," in ws else ws
    if "suspected" not in ws:
        return False
    return _says_positive(ws[ws.index("suspected") + 1 :])


def _tested_positive(right: list[Word]) -> bool:
    """Whether the count's own predicate, in the first words after it (up to a comma), says a test came
    back positive ("5 of whom tested positive")."""
    ws = [w.text.lower() for w in sorted(right, key=lambda w: w.start)[:6]]
    return _says_positive(ws[: ws.index(",")] if "," in ws else ws)


def _says_positive(ws: list[str]) -> bool:
    """Whether the words (lower-case) say a test came back positive: "tested positive", "proved positive";
    or a copula says the persons tested are positive ("of them 35 have been positive", "12 were
    positive"): what a test found of them."""
    return any(
        a in ("tested", "test", "tests", "proved", "proven", "been", "were", "are") and b == "positive"
        for a, b in pairwise(ws)
    )


# an adverb of a state left behind: "previously suspected", "formerly listed as probable"
PAST_STATE_BEFORE = frozenset({"previously", "formerly"})


def _off_later_nouns(right: list[Word], lex: ClaimsLexicon) -> list[Word]:
    """The words after a count that has its own noun, without the modifiers of a counted noun
    written after it: they are that noun's ("Mexico has reported 13 deaths, with confirmed cases 44
    higher": *confirmed* is the cases', not the deaths'), as an adjective is its own noun's. A noun
    phrase after *among*, *of* or *from* names the whole the count is a part of, whose state it
    keeps ("13 deaths among confirmed cases")."""
    known, heads = lex.modifier_words, lex.head_words
    out: list[Word] = []
    i = 0
    while i < len(right):
        j = i
        while j < len(right) and right[j].text.lower() in known:
            j += 1
        whole = i > 0 and right[i - 1].text.lower() in WHOLE_MARKS
        if j > i and j < len(right) and singular(right[j].text.lower()) in heads and not whole:
            i = j  # the run of modifiers of that noun
            continue
        out.extend(right[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


# a noun phrase after one of these is the whole the count is a part of: its state is the count's
# ("13 deaths among confirmed cases", "12 deaths out of confirmed cases")
WHOLE_MARKS = frozenset({"among", "of", "from"})


def _past_modifiers(ws: list[Word], j: int, known: frozenset[str]) -> int:
    """The index of the first word from ``ws[j]`` on that is no modifier of ``known``: the noun a run
    of modifiers leads to."""
    while j < len(ws) and ws[j].text.lower() in known:
        j += 1
    return j


def _off_wholes(ws: list[Word], lex: ClaimsLexicon) -> list[Word]:
    """``ws`` without the words that premodify a noun naming the outbreak as a whole (`[diseases]
    wholes`): in "fears of a possible global flu pandemic grew, with more than 200 people sickened",
    *possible* is the pandemic's, no state of the 200 (an adjective is its own noun's); in "possible
    pandemic flu cases" the noun is *cases*."""
    known, heads = lex.modifier_words, lex.head_words
    out = []
    for i, w in enumerate(ws):
        j = _past_modifiers(ws, i + 1, known)
        run = [x.text.lower() for x in ws[i + 1 : j]]
        nxt = singular(ws[j].text.lower()) if j < len(ws) else ""
        whole = (bool(run) and run[-1] in lex.wholes and nxt not in heads) or nxt in lex.wholes
        if w.text.lower() in known and whole:
            continue
        out.append(w)
    return out


# the words between a verb and its object's modifiers: "confirms its first case"
_DETERMINER_OR_ORDINAL = wordset("a an the its their his her first second third fourth fifth")


def _off_other_things(
    ws: list[Word], full: list[Word], thing: Thing, lex: ClaimsLexicon, own: frozenset[int] = frozenset()
) -> list[Word]:
    """``ws`` without the words that premodify the head of another thing, read on in ``full`` (the
    window's words in text order): in "Two more people died, bringing the number of confirmed cases to
    five", *confirmed* is the cases', no state of the deaths (an adjective is its own noun's). Not a
    whole the count is drawn from ("13 deaths among confirmed cases", "out of confirmed cases"): the
    part has the whole's state. Nor the count's own noun (``own``: the starts of its words), whatever
    thing that noun's phrase is read as: "Russia has confirmed four cases of swine flu deaths" confirms
    the deaths the cases are."""
    known = lex.modifier_words
    others = {h for t in lex.things.values() if t is not thing for h in t.heads} - set(thing.heads)
    at = {w.start: k for k, w in enumerate(full)}
    out = []
    for w in ws:
        i = at.get(w.start, len(full))
        j = _past_modifiers(full, i + 1, known)
        # (and past a determiner or an ordinal: "Norway confirms first swine flu case, global death tally
        # tops 50" confirms the case, not the tally)
        while j < len(full) and full[j].text in _DETERMINER_OR_ORDINAL:
            j = _past_modifiers(full, j + 1, known)
        nxt = singular(full[j].text.lower()) if j < len(full) else ""
        before = [x.text.lower() for x in full[max(0, i - 2) : i]]
        whole = before[-1:] == ["among"] or before == ["out", "of"]
        mine = j < len(full) and full[j].start in own
        if w.text.lower() in known and nxt in others and not whole and not mine:
            continue
        out.append(w)
    return out


def _head_phrase(thing: Thing, left: list[Word], lex: ClaimsLexicon, read: list[Word]) -> list[Word]:
    """The modifiers of the thing's noun written in the words read before a bare number ("suspected
    swine flu cases in his country had risen to 1,614"): they describe what the number counts, however
    far left they begin. Only the words of ``left`` outside ``read`` are returned."""
    heads = [i for i, w in enumerate(left) if singular(w.text) in thing.heads and w in read]
    if not heads:
        # (or the head of the subject a verb of change takes to the number, however far: "Confirmed deaths
        # from swine flu in the United States have risen to 87")
        changed = _changed_head(left, lex)
        heads = [changed] if changed is not None and singular(left[changed].text) in thing.heads else []
    if not heads:
        return []
    known = lex.modifier_words
    i = heads[-1]
    j = _modifiers_before(left, i, known)
    head = _of_head(thing, left, j)
    if head is not None:
        i = head  # "the confirmed cases of the country's flu infection": the head is *cases*
        j = _modifiers_before(left, i, known)
    # and a participle of a state right after the head, a reduced relative on it: "Deaths suspected to
    # have been caused by swine flu in Peru have risen to 40"
    states = lex.state_words[thing.states]
    after = left[i + 1 : i + 2] if i + 1 < len(left) and left[i + 1].text.lower() in states else []
    return [w for w in [*left[j:i], *after] if w not in read]


def _modifiers_before(left: list[Word], i: int, known: frozenset[str]) -> int:
    """Where the run of modifiers of ``known`` right before ``left[i]`` starts (``i`` for none). The
    letter of a virus's code is one with its code ("the confirmed A/H1N1 flu cases": *a*, *h1n1*)."""
    j = i
    while j > 0 and (
        left[j - 1].text in known or (left[j - 1].text == "a" and j < len(left) and left[j].text == "h1n1")
    ):
        j -= 1
    return j


def _of_head(thing: Thing, left: list[Word], j: int) -> int | None:
    """The head of a noun phrase whose complement after *of* starts at ``left[j]`` ("confirmed cases of
    the country's flu infection": *cases*), when the word before *of* (past a determiner or a
    possessive) is the thing's noun; None when the noun at ``j`` is no such complement."""
    k = j - 1
    while k >= 0 and (left[k].text in DETERMINERS or left[k].text.endswith(("'s", "’s"))):
        k -= 1
    if k < 1 or left[k].text != "of" or singular(left[k - 1].text) not in thing.heads:
        return None
    return k - 1


# verbs of a rise: "had risen by one" - the amount of the rise is an increment; and the adverbs of one
# ("has crept upward by seven")
RISE = frozenset(
    {"risen", "rose", "rise", "rises", "rising", "increased", "increase", "increases", "increasing",
     "climbed", "climbs", "climbing", "jumped", "jumps", "grew", "grown", "grows", "grow", "growing", "up",
     "upward", "upwards"}
)  # fmt: skip
PERFECT = frozenset({"has", "have", "had"})
# words of a change: the verbs of a rise (but the particle "up") and of a fall; "from N" a few words
# after one names the earlier value ("an increase in swine flu deaths, from 149 to 162"; "a sharp
# increase in the death toll from 17 earlier this week")
CHANGE = (RISE - {"up"}) | frozenset(
    {"climb", "jump", "surged", "surge", "soared", "raised", "fell", "fall", "falls", "falling", "fallen",
     "dropped", "drop", "drops", "declined", "decline", "declines", "decreased", "decrease", "lowered",
     "revised", "upped", "cut"}
)  # fmt: skip


def _object_of_perfect(win: Window) -> bool:
    """ "the virus that has killed 81 people could become a pandemic": the number is the object of a
    perfect verb written before it, so a modal after it is the main clause's, not the number's."""
    left = [w.text for w in win.left[-3:]]
    return len(left) >= 2 and any(t in PERFECT for t in left[:-1]) and left[-1] not in AUX


def _risen_by(win: Window) -> bool:
    """ "the toll had risen by one", "an increase of 637 cases in one day", "a rise of 12": the amount
    of a rise, after *by* a verb's or after *of* a noun's with its article."""
    left = [w.text for w in win.left[-3:]]
    if left[-2:-1] and left[-1] == "by" and (left[-2] in RISE or _raised_by(win)):
        return True
    if left[-1:] and left[-1] in _RISE_FINITE and win.right[:1] and win.right[0].text in _RISE_AMOUNT_AFTER:
        # "Deaths in Europe increased more than 300 from a week ago": *by* left out, the change's other
        # end or span after it (not "increased about 179, while there were 224 a week prior")
        return True
    # "The largest single-day rise, of 22 cases, was reported": the amount set off by commas
    bare = [w.text for w in win.left[-4:] if w.text != ","][-2:]
    return _a_rise_of(left) or (len(bare) == 2 and bare[0] in RISE_NOUNS and bare[1] == "of")


# the finite verbs of a rise that take their amount with no *by* ("rose 300", "jumped 40 overnight")
_RISE_FINITE = frozenset({"rose", "increased", "climbed", "jumped", "grew", "surged", "soared"})
_RISE_AMOUNT_AFTER = frozenset({"from", "to", "since", "over", "overnight", "in"})
# transitive verbs of a rise, whose object the amount after *by* raised ("raised its toll by two")
RAISED = frozenset(
    {"raised", "raises", "raise", "raising", "increased", "increases", "increasing", "lifted", "lifts",
     "boosted", "boosts", "pushed", "pushes", "revised", "revises"}
)  # fmt: skip


def _raised_by(win: Window) -> bool:
    """ "Mexico raised its confirmed death toll by two to 58": the amount after *by* that follows a
    transitive verb of a rise and its object (a noun phrase: no verb, no comma between) is a rise."""
    left = win.left[:-1]  # before *by*
    for k in range(len(left) - 1, max(-1, len(left) - 8), -1):
        w = left[k].text.lower()
        if w in RAISED:
            return k < len(left) - 1  # an object between the verb and *by*
        if w in AUX or not w.isalpha():
            return False
    return False


def _a_rise_of(ws: list[str]) -> bool:
    """Whether ``ws`` is a rise noun's phrase before its amount: "a rise of", "an increase of"."""
    return len(ws) == 3 and ws[0] in ("a", "an") and ws[1] in RISE_NOUNS and ws[2] == "of"


RISE_NOUNS = frozenset({"increase", "rise", "jump", "surge", "climb", "growth"})


def _up_by(text: str, win: Window) -> bool:
    """ "- up 1,604 since Friday", ", up 20 on the day": *up* opening its phrase right before the
    number states a rise by it (not a verb's particle: "rounded up 30 people"; "up to" is a bound)."""
    if not win.left or win.left[-1].text != "up":
        return False
    before = text[max(0, win.left[-1].start - 3) : win.left[-1].start].rstrip()
    # ... or after a copula or the noun of a tally ("confirmed cases up 60 to 202", "deaths are up 12")
    return not before or before[-1] in ",-–—:(" or (len(win.left) > 1 and win.left[-2].text in _UP_AFTER)


_UP_AFTER = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "cases",
        "deaths",
        "toll",
        "tally",
        "infections",
        "fatalities",
        "total",
        "count",
    }
)


# a modal before these says what may have caused a figure, not what the figure may become
COMPARED_BEFORE = frozenset({"than", "previously", "initially", "first", "originally"})
BLAME = ("be to blame", "be responsible", "be blamed", "be linked", "be behind", "be attributed")


def _aspect_of(win: Window, lex: ClaimsLexicon) -> str:
    if win.stop is not None and [w.text for w in win.right] == ["per"]:
        # "20 cases per 100,000 people", "from 210 per 100,000 of the population": *per* right before the
        # next number divides the count by it, a rate (the window stops at that number)
        return "rate"
    near = sorted([*win.inner, *win.left[-3:], *win.right[:3]], key=lambda w: w.start)
    n = lex.settings.window_words
    wide = sorted([*win.inner, *win.left[-n:], *win.right[:n]], key=lambda w: w.start)
    # an increment is written on the number itself: "48 more deaths", "a further 12", "new cases"; or on
    # the label a bare number follows ("• Ontario – new cases 5 – total cases 61")
    label = 2 if win.left and win.left[-1].text in _LABEL_HEADS else 1
    tight = sorted([*win.inner, *win.left[-label:], *win.right[:1]], key=lambda w: w.start)
    for aspect in ASPECT_ORDER:
        scope = wide if aspect == "projected" else tight if aspect == "new" else near
        if aspect == "new" and (_risen_by(win) or _newly_predicated(win) or _put_to_total(win)):
            return "new"  # "the toll had risen by one": the rise is an increment
        if _aspect_hits(aspect, scope, win, lex):
            return aspect
    return "new" if _elapsed_day(near, win, lex) else ""


def _put_to_total(win: Window) -> bool:
    """ "Chile added 45 cases to its tally", "40 cases were added to the tally": a count that a verb of
    adding puts *to* a total is what the total gained, an increment (not *added* as a verb of saying:
    "The minister added 45 people had died", which puts nothing to a total)."""
    right = [w.text for w in win.right[:6]]
    # or the count is the subject of the passive: "40 cases were added to the tally"
    passive = right[:1] in (["were"], ["was"], ["have"], ["has"], ["had"]) and "added" in right[1:3]
    if not passive and (not win.left or win.left[-1].text not in ("added", "adds", "add", "adding")):
        return False
    if "to" not in right:
        return False
    after = right[right.index("to") + 1 :]
    return bool(set(after[:3]) & {"tally", "total", "count", "toll", "number"})


def _newly_predicated(win: Window) -> bool:
    """ "45 people were newly diagnosed with the flu", "12 cases have been newly confirmed": *newly* on
    the count's own verb group says they are new, as "newly confirmed cases" does."""
    return _after_own_aux(win) == "newly"


def _after_own_aux(win: Window) -> str | None:
    """The word right after the auxiliaries that follow a count ("have been *confirmed*", "were *newly*
    diagnosed"), lower-case; None when no auxiliary follows it or nothing comes after them."""
    k = 0
    while k < len(win.right) and win.right[k].text.lower() in AUX:
        k += 1
    return win.right[k].text.lower() if 0 < k < len(win.right) else None


# the nouns of a label that a bare number follows ("new cases 5", "new deaths 2")
_LABEL_HEADS = frozenset({"cases", "deaths", "infections", "fatalities"})


def _aspect_hits(aspect: str, scope: list[Word], win: Window, lex: ClaimsLexicon) -> list[int]:
    """Where in ``scope`` a word of ``aspect`` gives the count that aspect (`[aspects]`), the words that
    give it none left out."""
    hits = _has(scope, lex.aspects.get(aspect, ()))
    if aspect == "projected":
        hits = _projection_hits(hits, scope, win)
    if aspect == "target":
        # "The numbers are a moving target": the idiom of what will not stay put, no goal
        words_at = sorted([*win.left, *win.inner, *win.right], key=lambda w: w.start)
        before = {b.start: a.text.lower() for a, b in pairwise(words_at)}
        hits = [i for i in hits if before.get(scope[i].start) != "moving"]
    if aspect == "new":
        # "75 laboratory confirmed cases - more commonly known as swine flu": *more* of degree, no
        # increment
        hits = [i for i in hits if not _more_of_degree(scope[i], win)]
    if aspect in ("rate", "daily") and _reached_level(win):
        # "going up by around 1,000 a day since Monday to reach 8,451": the level a change reached is a
        # total; the rate on its left is the change's
        left = {w.start for w in win.left}
        hits = [i for i in hits if scope[i].start not in left]
    return hits


def _more_of_degree(hit: Word, win: Window) -> bool:
    """Whether *more* modifies the adverb or adjective after it ("more commonly", "more likely", "more
    serious than"), not a count."""
    if hit.text.lower() != "more":
        return False
    nxt = next((w.text.lower() for w in sorted(win.right, key=lambda w: w.start) if w.start > hit.start), "")
    return nxt.endswith("ly") or nxt in ("than", "serious", "severe", "common", "deadly", "dangerous")


# the words that say a figure falls short of the real number
_SHORT_OF_REAL = frozenset(
    {"behind", "underestimated", "understated", "underestimate", "undercounted", "undercount"}
)


def _doubted_complete(after: list[Word]) -> bool:
    """Whether the words after a modal are *be* and, a word or two on, one that says the figure falls
    short of the real number ("may be way behind reality", "could be underestimated")."""
    ws = [w.text.lower() for w in after]
    return ws[:1] == ["be"] and bool(_SHORT_OF_REAL & set(ws[1:4]))


def _before_other_clause(hits: list[int], scope: list[Word], win: Window) -> list[int]:
    """The hits before the first *with* or comma after the count: "ballooned to 9,830 with experts
    predicting as many as 100,000" (an absolute clause, whose verb is its own), "Death Toll Exceeds 700,
    Expects Spike in Cases" (a verb after a comma is another predicate's, of what comes next)."""
    for mark in ("with", ","):
        at = next((w.start for w in win.right if w.text == mark), None)
        if at is not None:
            hits = [i for i in hits if scope[i].start < at]
    return hits


def _projection_hits(hits: list[int], scope: list[Word], win: Window) -> list[int]:
    """The words of projection of ``hits`` that project the count, the words that project something
    else left out."""
    if hits:
        # "may have killed", "could have been": a possibility about the past, not a projection
        hits = [i for i in hits if not (i + 1 < len(scope) and scope[i + 1].text == "have")]
        # "could be to blame for 48 more deaths": a possible cause of deaths that happened
        hits = [i for i in hits if 0 not in _has(scope[i + 1 : i + 4], BLAME)]
        # "the officially confirmed 2,928 cases may be way behind reality": a doubt that the figure is
        # complete, not a figure to come
        hits = [i for i in hits if not _doubted_complete(scope[i + 1 : i + 5])]
        # "less severe than previously feared": the fear of a comparison, not of the figure
        hits = [i for i in hits if not (i > 0 and scope[i - 1].text in COMPARED_BEFORE)]
        # "officials could not be reached to comment about the 24 deaths": a negated modal projects
        # nothing
        hits = [i for i in hits if not (i + 1 < len(scope) and scope[i + 1].text in ("not", "n't"))]
        # "tops 300, adding to worries over the expected influx of pilgrims": a participle after a
        # determiner is an adjective of the noun it comes before, no projection of the count (unless
        # that noun is the count's: "the expected 300 deaths")
        inner = {w.start for w in win.inner}
        hits = [i for i in hits if not _attributive(scope, i, inner)]
        # "ballooned to 9,830 with experts predicting as many as 100,000", "300 cases, with officials
        # expecting more": *with* after the count opens an absolute clause, whose verb is its own
        hits = _before_other_clause(hits, scope, win)
        if _object_of_perfect(win):
            right = {w.start for w in win.right}
            hits = [i for i in hits if scope[i].start not in right]
        aside = _with_aside(win)
        if aside is not None:
            # "Miami-Dade and Broward counties, with 31 flu deaths, don't expect their first vaccines":
            # a *with* phrase set off by commas is an aside; the verbs around it are its clause's
            hits = [i for i in hits if aside[0] < scope[i].start < aside[1]]
    return hits


def _with_aside(win: Window) -> tuple[int, int] | None:
    """The span of a *with* phrase set off by commas that holds the count: ", with 31 flu deaths," (from
    *with* to the comma that closes it); None when the count is in no such phrase."""
    left = win.left
    if len(left) < 2 or left[-1].text.lower() != "with" or left[-2].text != ",":
        return None
    close = next((w.start for w in win.right if w.text in (",", ";")), None)
    return None if close is None else (left[-1].start, close)


def _attributive(scope: list[Word], i: int, inner: set[int]) -> bool:
    """Whether ``scope[i]`` is a participle set between a determiner and a noun other than the count's
    (``inner``: the starts of the count's own words): "the expected influx", "an anticipated peak"."""
    if i == 0 or i + 1 >= len(scope) or scope[i - 1].text.lower() not in DETERMINERS:
        return False
    if scope[i + 1].start in inner or scope[i].start in inner:
        return False
    nxt = scope[i + 1].text
    return scope[i].text.lower().endswith("ed") and nxt[:1].isalpha() and nxt.lower() not in ("to", "that")


def _reached_level(win: Window) -> bool:
    """Whether the count is the level a change reached or a count stood at, a word of `REACHED` right
    before it ("to reach 8,451", "rose to 300")."""
    return bool(win.left) and win.left[-1].text in REACHED


# the words before a number that make it the value a change reached or a count stood at ("rose to 300
# overnight", "stood at 45"), not what the span added
REACHED = frozenset(
    {"to", "at", "reached", "reach", "reaches", "hit", "hits", "topped", "tops", "top", "passed", "pass"}
    | {"passes", "surpassed", "surpass", "surpasses", "exceeded", "exceed", "exceeds", "crossed", "cross"}
    # (and "touch" as the Indian press writes "reach": "toll touches 64", "grow by 42 to touch 411")
    | {"touch", "touches", "touched", "touching"}
)


def _elapsed_day(near: list[Word], win: Window, lex: ClaimsLexicon) -> bool:
    """ "19 new deaths overnight", "Mexico reported 19 deaths overnight", "12 cases in the past 24
    hours": a count the span of one day it happened in follows (the lexicon's `[aspects] elapsed`) is
    what that day added, an increment; the value a change reached in it is a total ("the number of
    dead rose to 300 overnight")."""
    if not _has(near, lex.aspects.get("elapsed", ())):
        return False
    return not (win.left and win.left[-1].text.lower() in REACHED)


def _elapsed_after(view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon) -> bool:
    """ "Mexico reported 19 deaths in the past 24 hours": a span of one day or week of several words,
    right after the count (its window stops at the span's number, so :func:`_elapsed_day` does not see
    it) or opening its sentence before a comma, makes it an increment, as "overnight" does; not the
    value a change reached in it."""
    if win.left and win.left[-1].text.lower() in REACHED:
        return False
    s0, s1 = view.sentence(q.start)
    after = words(view.text, q.end, min(s1, q.end + 80))[:9]
    hits = _has(after, lex.aspects.get("elapsed", ()))
    # right after the count, or after its own verb group: "21 people have died in the past 24 hours"
    if hits and (hits[0] <= 1 or _verb_group(after[: hits[0] + 1])):
        return True
    if _adjunct_of_own_verb(words(view.text, q.end, min(s1, q.end + 120))[:14], lex):
        return True
    # fronted, set off by its comma: "In the past week, 12 Peruvians have died" (a timex's words are
    # none of the window's)
    before = words(view.text, s0, q.start)
    comma = next((i for i, w in enumerate(before) if w.text == ","), None)
    return comma is not None and comma <= 6 and 0 in _has(before[:comma], lex.aspects.get("elapsed", ()))


def _adjunct_of_own_verb(after: list[Word], lex: ClaimsLexicon) -> bool:
    """ "Five people have died of swine flu in the last 24 hours": a span of one day or week after the
    count's own verb group (right after the count) and the phrases that complete it, in one clause (no
    comma, conjunction or other number between), says when the count's event happened, as it does right
    after the verb."""
    low = [w.text.lower() for w in after]
    v = 0
    while v < len(low) and (low[v] in AUX or (v and low[v].endswith("ed"))):
        v += 1
    if v == 0 or not low[v - 1].endswith("ed"):
        return False
    hits = [h for h in _has(after, lex.aspects.get("elapsed", ())) if h >= v]
    if not hits:
        return False
    between = low[v : hits[0]]
    return not any(
        t in (",", ";", ":", "and", "but", "or") or t in lex.boundaries or any(c.isdigit() for c in t)
        for t in between
    )


def _verb_group(ws: list[Word]) -> bool:
    """Whether the words before the last are one verb group: auxiliaries and participles, an infinitive's
    *to* before an auxiliary included ("11 people were suspected to have died within 24 hours")."""
    low = [w.text.lower() for w in ws]
    return all(
        t in AUX or t.endswith("ed") or (t == "to" and low[i + 1] in AUX) for i, t in enumerate(low[:-1])
    )


# a period with the indefinite article right after a count divides it ("100,000 cases a day"); after a
# preposition it bounds it ("637 cases in a day")
# ("a year" is the lexicon's `[aspects] rate` word, which a yearly toll of seasonal flu keeps as its total)
_DISTRIBUTIVE = re.compile(r"(?:a|an)\s+(?:hour|day|week|month)", re.IGNORECASE)


# "224 a week prior", "a day earlier": a span before one of these words is a point of time, no frequency
_POINT_AFTER = re.compile(r"[ \t]+(?:prior|earlier|before|ago|later|previously)\b", re.IGNORECASE)


def _distributive(view: ArticleView, q: Quantity, t: Timex) -> bool:
    return (
        t.type == "DURATION"
        and bool(_DISTRIBUTIVE.fullmatch(t.text))
        and t.start >= q.end
        and not view.text[q.end : t.start].strip()
        and not _POINT_AFTER.match(view.text, t.end)
    )


def _other_clauses_frequency(view: ArticleView, q: Quantity, t: Timex, s0: int) -> bool:
    """Whether a frequency before the count, a comma between them, is another clause's: "Because the
    department reports the number of flu cases each week, the ADHS reported a total of 1,480 cases" (not a
    frequency that opens the sentence: "Each week, 100 people die")."""
    if t.end > q.start or "," not in view.text[t.end : q.start]:
        return False
    ws = words(view.text, s0, t.start)
    cut = max((k + 1 for k, w in enumerate(ws) if w.text in (",", ";", ":")), default=0)
    own = {w.text.lower() for w in ws[cut:]}
    # the frequency's own clause has a verb of reporting or a count of its own
    return (
        bool(own & _REPORTING_VERBS)
        or _TOTAL_OF.search(view.text, ws[cut].start if ws[cut:] else s0, t.start) is not None
    )


_REPORTING_VERBS = frozenset(
    {"reports", "report", "reported", "publishes", "published", "updates", "updated", "releases", "released"}
)


# "grown by more than 370 over a week": a preposition before one period bounds the span a change took,
# no frequency (the tagger may read "over a week" as a set)
_SPAN_BOUND = re.compile(r"(?:over|in|within|during|inside)\s+(?:a|an|one)\s+\w+$", re.IGNORECASE)


_YEAR_SPAN = re.compile(r"\s*(?:[-–—]|to\b)\s*(?:1[89]|20)\d\d\b")


def _when_of(view: ArticleView, q: Quantity, win: Window) -> tuple[str, str]:
    """(a past year the sentence is about, "rate" when the clause says how often): "killed 2 million in
    1957", "10,000 die each year"."""
    a, b = win.clause
    s0, s1 = view.sentence(q.start)
    pub = (view.analysis.doc.published or "")[:4]
    year, rate = "", ""
    for t in view.analysis.timexes:
        if not t.value or t.start < s0 or t.end > s1:
            continue
        if (
            t.type == "SET"
            and t.start >= a
            and t.end <= b
            and not _change_frequency(view, t.start, s0)
            and not (t.end <= q.start and _reached_level(win))
            and not _frequency_of_other(view, q, t)
            and not _POINT_AFTER.match(view.text, t.end)
            and not _SPAN_BOUND.match(t.text)
            and not _other_clauses_frequency(view, q, t, s0)
        ):
            rate = "rate"
        elif _distributive(view, q, t):
            rate = "rate"  # "100,000 swine flu cases a day": *a* right after the count says per day
        elif (
            t.type == "DATE"
            and t.value[:4].isdigit()
            and pub.isdigit()
            and int(t.value[:4]) < int(pub)
            # a year ("in 1957") dates its whole sentence; a full date ("arrested after October 7,
            # 2023") only its own clause, and so does a year that modifies a noun ("The 1918 Spanish flu
            # pandemic was caused by an H1N1 form of influenza A With the UK confirming two cases": the
            # pandemic's year)
            and (_dates_sentence(view, t, s0) or (t.start >= a and t.end <= b))
            # "detainees arrested after Hamas's October 7, 2023, attack": a bound of a period, not the
            # time of the figure
            and not {"after", "since", "before", "until"}
            & {w.text for w in words(view.text, max(s0, t.start - 24), t.start)[-3:]}
            # "English Archive 2005 -2017": the first year of a span of years is its bound
            and not _YEAR_SPAN.match(view.text, t.end)
            and not _recent_date(t.value, view.analysis.doc.published)
            # "1,043 cases of confirmed pandemic (H1N1) 2009": the year of the virus's name
            and not _VIRUS_NAME_YEAR.search(view.text, max(0, t.start - 12), t.start)
            # "had infected nearly 2000": a qualifier of amount makes the four digits a count, no year
            and not _AMOUNT_BEFORE.search(view.text, max(0, t.start - 16), t.start)
        ):
            year = t.value[:4]
    return year, rate


# the qualifiers of an amount right before four digits: "nearly 2000", "more than 1500" (no year is
# written so)
_AMOUNT_BEFORE = re.compile(
    r"\b(?:nearly|almost|about|around|approximately|roughly|some|over|more\s+than|fewer\s+than|less\s+than"
    r"|at\s+least|up\s+to)\s+$",
    re.IGNORECASE,
)


def _dates_sentence(view: ArticleView, t: Timex, s0: int) -> bool:
    """Whether a year alone dates its whole sentence: written as the time ("in 1957"), or modifying a noun
    in the adverbial that opens the sentence ("During the 2003 SARS outbreak more than 8,000 people
    contracted the disease and 774 people died"); a year that modifies a noun elsewhere dates that noun."""
    if t.value is None or len(t.value) != 4:
        return False
    if not _ATTRIBUTIVE_YEAR.match(view.text, t.end):
        return True
    lead = words(view.text, s0, t.start)
    return bool(lead) and lead[0].text.lower() in _FRONTED_PREPS and "," not in {w.text for w in lead}


_FRONTED_PREPS = frozenset({"during", "in", "after", "before", "throughout", "since"})
# a year followed by a noun it modifies ("the 1918 Spanish flu pandemic", "the 1957 flu")
_ATTRIBUTIVE_YEAR = re.compile(r"[ \t]+(?!(?:and|or|to|in|on|at|when|as|but|after|before|until)\b)[A-Za-z]")
# the year in the virus's name: "Pandemic (H1N1) 2009", "influenza A(H1N1) 2009"
_VIRUS_NAME_YEAR = re.compile(r"H1N1\)?\s*$", re.IGNORECASE)


def _recent_date(value: str, published: str | None) -> bool:
    """A day or a month within the year before publication dates a figure of the news, no past year
    it is of: "2,935 cases were confirmed ... from Dec. 28, 2009, to Jan. 3, 2010" (published in January
    2010), "The fourth week of December 2009 recorded ... 2,685 new cases" (in February), "From October
    29th to December 29th, over 675 people died" (a day written without its year). A year alone ("killed
    2 million in 1957", "36,000 died of seasonal flu in 2008") is the period the figure is of."""
    if len(value) < 7 or not published:
        return False
    week = _ISO_WEEK.match(value)
    season = _SEASON_MONTHS.get(value[5:7])
    try:
        if week is not None:  # "the previous week": 2009-W45
            when = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        elif season is not None:  # "the autumn-winter flu season": 2009-FA
            when = date(int(value[:4]), season, 1)
        else:
            when = date.fromisoformat(value[:10] if len(value) >= 10 else value[:7] + "-01")
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return 0 <= (pub - when).days <= 366


_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# "in its weekly pandemic update": a frequency adjective before a noun
# (not an adverb before a function word: "300 people die daily of the fever")
_FREQUENCY_ADJECTIVE = re.compile(
    r"(?:hourly|daily|nightly|weekly|biweekly|monthly|yearly)\s+"
    r"(?!(?:of|in|on|at|to|for|from|by|with|since|and|or|but|as|the|a|an|until|across)\b)[a-z]",
    re.IGNORECASE,
)


_AVERAGE_OF = re.compile(r"\s+average\s+of\b", re.IGNORECASE)


def _frequency_of_other(view: ArticleView, q: Quantity, t: Timex) -> bool:
    """ "including at least 10,582 deaths, the agency said in its weekly pandemic update": a frequency
    adjective that modifies another noun than the count's says how often that thing happens (an update,
    a briefing), not that the count is a rate; "12 daily deaths" (right after the number) is one."""
    if not _FREQUENCY_ADJECTIVE.match(view.text, t.start):
        return False
    if _AVERAGE_OF.match(view.text, t.end) and t.end <= q.start:
        return False  # "a daily average of some 8,000 new cases": the average is the count's
    inside = q.start <= t.start < q.end
    return not (inside or (t.start >= q.end and not view.text[q.end : t.start].strip()))


def _change_frequency(view: ArticleView, start: int, s0: int) -> bool:
    """ "141 deaths, with figures rising daily": a frequency right after a verb of change says how often
    the figure changes, not that the figure is a rate."""
    before = [w.text.lower() for w in words(view.text, max(s0, start - 16), start)]
    return bool(before) and before[-1] in RISE


# the adjectives that call a figure an earlier one ("from a previous 20")
_BEFORE_NOW = frozenset({"previous", "earlier", "former", "prior"})


def _called_earlier(before: list[str]) -> bool:
    """Whether the words before a number call it an earlier figure: "up from", "down from" ("up from
    19"), or *from*, an article and an adjective of earlier ("from a previous 20")."""
    if tuple(before[-2:]) in EARLIER[:2]:
        return True
    return (
        before[-3:-1] in (["from", "a"], ["from", "an"], ["from", "the"])
        and before[-1:] != []
        and (before[-1] in _BEFORE_NOW)
    )


def _earlier(view: ArticleView, q: Quantity, next_q: Quantity | None, prev_q: Quantity | None = None) -> bool:
    before = [w.text for w in words(view.text, max(0, q.start - 32), q.start)]
    if before[-2:] == ["from", "the"]:
        before = before[:-1]  # "had risen to 1,154 from the 816 announced on July 27": the same *from*
    if _called_earlier(before) or _dated_before(view, q) or _compared_with_before(view, q, prev_q):
        return True  # "up from 19", "up from the 19 reported on Friday", "to seven from a previous 20"
    if _previous_total(view, q):
        return True
    if before[-1:] == ["from"] and (
        _after_change(view, q.start, MOTION) or bool(CHANGE_NOUNS.intersection(before[-2:-1]))
    ):
        return True  # "... fell from 20", "a big increase from the 19 cases confirmed last week"
    if before[-1:] == ["from"] and prev_q is not None:
        # "increased the number of infections to 2,254 from 1,639": the new value, then the old one
        between = [w.text for w in words(view.text, prev_q.end, q.start) if w.text != "the"]
        ahead = [w.text for w in words(view.text, max(0, prev_q.start - 12), prev_q.start)]
        if between in (["from"], [",", "from"]) and ahead[-1:] == ["to"]:
            return True
    if before[-1:] == ["from"] and next_q is not None:
        # "from 20 to seven", "went from just four cases over the weekend to 135": a span of time may
        # stand between the two values of a change, no clause
        between = [w.text for w in words(view.text, q.end, next_q.start)]
        if len(between) >= 4 and between[-4] == "to" and between[-3] in ("a", "the") and between[-1] == "of":
            between = between[:-3]  # "from 37 reported on Nov. 10 to a total of 61"
        return between[-1:] == ["to"] and len(between) <= FROM_TO_GAP and not set(between) & CLAUSE_MARKS
    if before[-1:] == ["from"]:
        # "cut the number of confirmed deaths from 20 to seven": the second number may be a bare
        # number word the quantity stage leaves out
        after = [w.text for w in words(view.text, q.end, min(len(view.text), q.end + 24))][:2]
        return len(after) == 2 and after[0] == "to" and _is_number_word(after[1])
    return False


COMPARED_WITH = (("compared", "with"), ("compared", "to"))
# a noun of change right before "from": what follows is where the change started
CHANGE_NOUNS = frozenset(
    {"increase", "rise", "jump", "surge", "climb", "leap", "spike", "decrease", "decline", "drop", "fall"}
)
FROM_TO_GAP = 6  # words between "from N" and "to M", "to" included ("over the weekend to")
CLAUSE_MARKS = frozenset({",", ";", ":", "and", "but", "while", "as", "when", "which", "who"})
# the words of a total that an earlier report gave ("the previous confirmed death toll was 16")
PREVIOUS = frozenset({"previous", "earlier", "former", "old"})
# what may stand between that total's word and its number
TOTAL_IS = frozenset({"was", "of", "stood", "at", "had", "been", "is"})


def _previous_total(view: ArticleView, q: Quantity) -> bool:
    """A number given to a total that its own words date before the report ("The previous confirmed
    death toll was 16", "the earlier tally of 200", "the old figure had stood at 149"): the earlier
    value of the figure, not a value of its own."""
    s0 = view.sentence(q.start)[0]
    before = [w.text for w in words(view.text, s0, q.start)][-8:]
    for i, w in enumerate(before):
        if w not in PREVIOUS:
            continue
        totals = [j for j in range(i + 1, min(i + 4, len(before))) if before[j] in TOTAL_WORDS]
        if totals and 0 < len(before) - totals[0] - 1 <= 3 and set(before[totals[0] + 1 :]) <= TOTAL_IS:
            return True
    return False


def _compared_with_before(view: ArticleView, q: Quantity, prev_q: Quantity | None) -> bool:
    """ "The number of people killed ... rose to 72, compared with 65 on Friday": a number compared
    with another of its sentence and dated by the words right after it is that figure's earlier
    value. Undated, the comparison may be of another place ("72 deaths, compared with three in the
    US"), a value of its own."""
    s0, s1 = view.sentence(q.start)
    if prev_q is None or prev_q.start < s0:
        return False
    before = tuple(w.text for w in words(view.text, max(s0, q.start - 20), q.start)[-2:])
    if before not in COMPARED_WITH:
        return False
    after = words(view.text, q.end, s1)[:3]
    dated = any(
        t.type == "DATE" and after and q.end <= t.start <= after[-1].start for t in view.analysis.timexes
    )
    return dated or _dated_words(after)


# words right after a number that date it before the report ("the death toll of 17 earlier this week")
DATED_BEFORE = (("earlier",), ("the", "week", "before"), ("the", "day", "before"), ("the", "previous"))


def _dated_before(view: ArticleView, q: Quantity) -> bool:
    """A number dated before the report by the words right after it, in a sentence that writes a change
    before it ("a sharp increase in the death toll of 17 earlier this week"): the change's earlier
    value."""
    s0, s1 = view.sentence(q.start)
    if not _dated_words(words(view.text, q.end, min(s1, q.end + 30))[:3]):
        return False
    return any(w.text.lower() in CHANGE for w in words(view.text, s0, q.start))


def _dated_words(after: list[Word]) -> bool:
    """Whether the words right after a number open a phrase of :data:`DATED_BEFORE` ("earlier", "the
    day before")."""
    texts = tuple(w.text for w in after)
    return any(texts[: len(d)] == d for d in DATED_BEFORE)


def _after_change(view: ArticleView, start: int, besides: frozenset[str] = frozenset()) -> bool:
    """Whether the *from* right before ``start`` follows a word of change in its clause ("an increase in
    swine flu deaths, from 149 to 162"): the number after it is the value the change started from.
    ``besides``: words not taken as words of change here."""
    s0 = view.sentence(start)[0]
    before = [w.text.lower() for w in words(view.text, max(s0, start - 120), start)]
    if before[-1:] != ["from"]:
        return False
    for w in reversed(before[-CHANGE_REACH - 1 : -1]):
        if w in CHANGE and w not in besides:
            return True
        if w in (";", ":", "—", "–", "(", ")") or w in CLAUSE_STOPS:
            return False
    return False


def _up_before(view: ArticleView, start: int) -> bool:
    """Whether *up* stands right before a range ("Swine flu confirmed cases up 60 to 202"): the rise, then
    the level it reached, no range of one value."""
    before = [w.text.lower() for w in words(view.text, max(0, start - 12), start)]
    return before[-1:] == ["up"]


def _change_range(view: ArticleView, q: Quantity) -> list[Quantity]:
    """A range written "from A to B" after a word of change is a change, not a range: the two numbers
    as the counts they are (A, the earlier value, is then left out by :func:`_earlier`)."""
    if q.kind != "range" or q.value_max is None or " to " not in q.text:
        return [q]
    if not (_after_change(view, q.start) or _up_before(view, q.start)):
        return [q]
    a_text, b_text = q.text.split(" to ", 1)
    b_start = q.start + len(a_text) + len(" to ")
    first = replace(q, text=a_text, end=q.start + len(a_text), kind="count", value_max=None)
    second = replace(q, text=b_text, start=b_start, value=q.value_max, kind="count", value_max=None)
    return [first, second]


def _is_number_word(w: str) -> bool:
    """A number in digits or in words, a compound one included ("forty-five", "twenty-two": one word
    of the text, each of its parts a number word)."""
    from saidwhat.quantities.lexicon import load_lexicon as load_quantity_lexicon  # see _after_number

    if w[:1].isdigit():
        return True
    known = load_quantity_lexicon().number_words
    return w in known or ("-" in w and all(part in known for part in w.split("-")))


PLACE_PREPS = frozenset(
    {"in", "across", "outside", "inside", "within", "throughout", "from", "at", "for", "among", "around"}
)


# the kinds of place a name follows with *of* ("in the western state of Gujarat", "in the province of
# Ontario")
_PLACE_KINDS = frozenset(
    {"state", "province", "region", "city", "county", "district", "prefecture", "island", "islands",
     "territory", "department", "emirate", "town", "village", "municipality", "governorate"}
)  # fmt: skip


_ISLAND_NAME = re.compile(r"\b(?:Islands?|Isles?)\b")


def _introduced(text: str, a: int, start: int, end: int | None = None) -> bool:
    before = [w.text for w in words(text, max(a, start - 16), start)]
    before = [w for w in before if w not in ("the", "all", "of", "a", "an")]
    if bool(before) and before[-1] in PLACE_PREPS:
        return True
    # the part of the place a compass or area adjective names is in the place: "11 in suburban Cook
    # County", "6 in western Canada"
    area = [w.text for w in words(text, max(a, start - 32), start)][-3:]
    area = [w for w in area if w != "the"]
    if len(area) >= 2 and area[-1] in _AREA_ADJECTIVES and area[-2] in PLACE_PREPS:
        return True
    # one is *on* an island: "159 cases on Crete and 127 on the Ionian Islands"
    if before[-1:] == ["on"] and end is not None and _ISLAND_NAME.search(text, start, end):
        return True
    # the kind of place named before the name: "36 deaths have occurred in the western state of Gujarat"
    raw = [w.text.lower() for w in words(text, max(a, start - 48), start)]
    if raw[-1:] == ["of"] and len(raw) >= 3 and raw[-2] in _PLACE_KINDS:
        lead = [w for w in raw[:-2] if w not in ("the", "a", "an")][-2:]
        if any(w in PLACE_PREPS for w in lead):
            return True
    # an apposition: "45 deaths in the epicentre, Chile, and ..." - the place renames the noun the
    # preposition introduces (one or two words), and a comma or the sentence's end closes it
    if end is None or text[end : end + 1] not in (",", ".", ")", "") or before[-1:] != [","]:
        return False
    wide = [w.text for w in words(text, max(a, start - 32), start)]
    wide = [w for w in wide if w not in ("the", "a", "an")]
    return any(w in PLACE_PREPS for w in wide[-4:-2])


_AREA_ADJECTIVES = wordset(
    "suburban rural urban western eastern northern southern central northwestern northeastern southwestern"
    " southeastern north-western north-eastern south-western south-eastern mainland coastal neighbouring"
    " neighboring nearby greater"
)


def _place_of(
    view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon, qs: list[Quantity] | None = None
) -> tuple[str, ...]:
    return _place_found(view, q, win, lex, qs)[0]


def _place_found(
    view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon, qs: list[Quantity] | None = None
) -> tuple[tuple[str, ...], bool]:
    """The place the quantity's own words give, and whether it is written on or after the number
    ("nine UK cases", "20 cases in the US", "the nationwide total": the count's own place) rather than
    before it ("Mexico has 20 cases")."""
    a, b = win.clause
    b = min(b, _reporting_clause_start(view, q))
    # a list line "US: one death, ...", or an item "in Nicaragua – 13 new cases": the place heading it
    for p in view.places:
        if p.end <= a and view.text[p.end : a].strip() in (":", "–", "—"):
            a = p.start
    places = _clause_places(view, q, win, a, b)
    inside = [p for p in places if q.start <= p.start and p.end <= q.end]
    if inside:  # "nine UK cases"; "one Mexican infant in the United States": where the persons are
        return _inside_place(view, q, places, inside[0], lex)
    if qs is not None and _in_world_countries(view, q, qs, lex):
        return ("world",), True  # "4,379 people in 29 countries": the countries counted
    # a place after the number counts when a preposition introduces it ("20 cases in the US") and is
    # then the count's own; one before it ("Mexico has 20 cases", "Mexico's 20 deaths") otherwise
    after = _places_after(view, q, places, a, lex)
    if after and _WORLD_NEXT.match(view.text, q.end):
        # "The flu virus that's claimed 311 lives worldwide played a hand in the death of a woman from
        # San Jose": a world adverb right after the count is its own place, a place later in the
        # sentence another clause's
        return ("world",), True
    mostly = bool(after) and _majority_after(view.text, q.end, after[0].start)
    majority = _majority_place(view, q, a, after, lex, mostly) if after else None
    if majority is not None:
        if majority[0] or not mostly:
            return majority
        after = []  # "Canada has 201 cases, most of them in Ontario": a part's place; the count's is before
    country = _listed_regions(view.text, after, lex)
    if country:
        return (country,), True
    if after:
        return _joint(view, q, after[0], places), True
    inverted = _inverted_total_place(view, q, places)
    if inverted is not None:
        return (inverted.name,), True
    part_place = _place_after_part(view, q)
    if part_place is not None:
        return (part_place.name,), True
    national = _national(view, q, win, lex)
    if national:
        return national, True
    there = _there(view, q, win)
    if there:
        return there, True
    if _world_own(win, lex):
        return ("world",), True
    before = _places_before(view, q, places, win, lex)
    if before:
        return _joint(view, q, before[-1], places), False
    ws = sorted([*win.left, *win.inner, *win.right], key=lambda w: w.start)
    if any(
        not _region_countries(view, ws[k]) and not _whole_of_share(ws, k) for k in _has(ws, lex.world_words)
    ):
        return ("world",), True
    return (), False


def _whole_of_share(ws: list[Word], k: int) -> bool:
    """Whether the world word at ``k`` modifies a total after *of the*, the whole a share is taken from
    ("accounts for nearly three quarters of the global toll with 4,399 deaths"): not the count's place."""
    return (
        [w.text.lower() for w in ws[max(0, k - 2) : k]] == ["of", "the"]
        and k + 1 < len(ws)
        and ws[k + 1].text.lower() in TOTAL_WORDS
    )


def _clause_places(view: ArticleView, q: Quantity, win: Window, a: int, b: int) -> list[Place]:
    """The places of the count's clause ``[a, b)`` that may be its own: none of an aside after it, of a
    *where* clause that closes before it, nor one it leaves out or that another name describes
    (:func:`_not_the_counts`), but the antecedent of a *where* clause it stands in, whatever the main
    clause compares ("far fewer than in Britain, ..., where some 110,000 people have been infected")."""
    return [
        p
        for p in view.places_in(a, b)
        if not win.aside[0] <= p.start < win.aside[1]
        and (p.start == win.antecedent or not _not_the_counts(view, p))
        and not _in_where_clause(view.text, p, q)
        and not _surpassed(view.text, p, q)
    ]


# a verb of surpassing right before a place: "The U.S. has surpassed Mexico to register 10,053 cases"
_SURPASSED = re.compile(
    r"\b(?:surpass(?:ed|es|ing)?|overt(?:ook|aken|akes|aking)|outstrip(?:ped|s|ping)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _surpassed(text: str, p: Place, q: Quantity) -> bool:
    """Whether the place is the object of a verb of surpassing before the count, which is the subject's
    ("The U.S. has surpassed Mexico to register 10,053 cases"); not when a relative clause on the place
    holds the count ("surpassed the United States, which now has 593 swine-flu-related fatalities")."""
    if p.end > q.start or _SURPASSED.search(text, max(0, p.start - 24), p.start) is None:
        return False
    return re.match(r"\s*,\s*(?:which|where|who)\b", text[p.end : q.start]) is None


# a total's noun phrase written after the number a verb of bringing takes it to: "bringing to five the
# number of U.S. deaths from the disease", "bring to 10 the total Minnesota deaths"
_INVERTED_TOTAL = re.compile(
    r"[ \t]+the[ \t]+(?:(?:total[ \t]+)?(?:number|tally|toll|count)[ \t]+of[ \t]+|total[ \t]+)"
    r"(?P<np>[^,;:!?()]{1,60})"
)


def _inverted_total_place(view: ArticleView, q: Quantity, places: list[Place]) -> Place | None:
    """The place the total's own noun phrase names when it follows the number ("bringing to five the
    number of U.S. deaths"): the count is that total."""
    if not _bring_to([w.text for w in words(view.text, max(0, q.start - 24), q.start)][-2:]):
        return None
    m = _INVERTED_TOTAL.match(view.text, q.end)
    if m is None:
        return None
    return next((p for p in places if m.start("np") <= p.start and p.end <= m.end("np")), None)


# a non-restrictive relative clause on a place, open before the place it names: ", where schools in"; or
# an apposition that describes it by a relative clause (", the province that reported Canada's first")
_WHERE_OPEN = re.compile(r",\s*(?:where|the\s+(?:[a-z-]+\s+){1,2}(?:that|which|where|whose))\b[^,;:.!?]*$")


def _in_where_clause(text: str, p: Place, q: Quantity) -> bool:
    """Whether the place is inside a non-restrictive *where* clause that closes before the count: "In
    Japan, where schools in Kobe and Osaka were shut, the number of infections climbed to 267" (the
    clause describes Japan; Kobe and Osaka are not where the count is); or inside an apposition that a
    relative clause describes: "In Nova Scotia, the province that reported Canada's first confirmed
    cases, two more people were diagnosed"."""
    if p.end > q.start or _WHERE_OPEN.search(text, max(0, p.start - 80), p.start) is None:
        return False
    between = text[p.end : q.start]
    return "," in between and not re.search(r"[;:.!?]", between)


# a place after a noun of places and *near* or *close to* locates that other place ("the death toll in
# that western city near Mumbai"), never the count (an incident "near Lima" keeps Lima as its place)
_NEAR = re.compile(
    r"\b(?:city|town|village|area|region|district|province|state|suburb|county)\s+(?:near|close\s+to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


_WORLD_NEXT = re.compile(
    r"[ \t]+(?:globally|world-?wide|around\s+the\s+(?:world|globe)|across\s+the\s+world)\b"
)


def _not_the_counts(view: ArticleView, p: Place) -> bool:
    """Whether the place is not the count's: *near* or *close to* introduces it (:data:`_NEAR`), it only
    describes the one a noun of places and *of* name after it ("the Mediterranean city of Alexandria",
    "the Mexican state of Oaxaca": the count's place is the second), or the count leaves it out or
    compares itself with it (:data:`_SET_APART`)."""
    return (
        bool(_NEAR.search(view.text, max(0, p.start - 16), p.start))
        or _lab_city(view.text, p)
        or bool(_DESCRIBES_NEXT.match(view.text, p.end))
        or bool(_SET_APART.search(view.text, max(0, p.start - 30), p.start))
        or bool(_TIME_ZONE.match(view.text, p.end))
    )


# a place after a laboratory or an institute names where that body is, not where the cases it confirmed
# are ("the National Microbiology Laboratory in Winnipeg confirmed the four cases" of Nova Scotia)
_LAB_IN = re.compile(r"\b(?:laborator(?:y|ies)|lab|labs|institute)\s+(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _lab_city(text: str, p: Place) -> bool:
    """Whether the place names where a laboratory or an institute is (:data:`_LAB_IN`)."""
    return _LAB_IN.search(text, max(0, p.start - 24), p.start) is not None


# a place that names a clock, not where anything happened: "As of 7 November 2009, 23:00 hours, Cairo
# time, 25,531 laboratory-confirmed cases ... were reported to WHO" (the region's, not Cairo's)
_TIME_ZONE = re.compile(r"[ \t]+time\b(?![ \t]+(?:and|after|to|when|since|of|in)\b)")


# a place the count leaves out or compares itself with: "the number of cases in the Middle East
# excluding Israel", "more deaths than in Mexico", "the same mutation as found in Norway"
_SET_APART = re.compile(
    r"\b(?:excluding|except|apart\s+from|other\s+than|than\s+in"
    r"|(?<!well\s)as\s+(?:(?:found|seen|reported|detected|observed|identified)\s+)?in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_DESCRIBES_NEXT = re.compile(
    r"[ \t]+(?:(?:port|resort|coastal|border|capital|northern|southern|eastern|western|central)[ \t]+)?"
    r"(?:city|town|port|village|province|state|region|island|county|district)[ \t]+of[ \t]+[A-Z]"
)


def _joint(view: ArticleView, q: Quantity, place: Place, places: list[Place]) -> tuple[str, ...]:
    """The place of a count that its words give, or, where that place is a conjunct of a coordination of
    places ("ten new confirmed cases had been reported in Germany, Spain, Ireland and Italy", "Jakarta
    and Bali had 20 cases"), all of them: the count is theirs together, no one's alone. Not where *each*
    distributes it (:func:`_each_of_conjuncts`) nor *respectively*, and not a place in apposition
    ("Kobe, Japan": no *and* joins it); ``places`` are those of the count's clause that may be its own
    (a clause joined by *and* is no conjunct: "... one in St Kitts and Nevis, and Trinidad and Tobago
    has 210 cases")."""
    if _EACH.match(view.text, q.end) or "respectively" in view.text[q.end : view.sentence(q.start)[1]]:
        return (place.name,)
    # (a people's adjective is no conjunct: "two have been reported in the US and Canadian officials say")
    places = [p for p in places if p.start == place.start or not _demonym(view.text[p.start : p.end].lower())]
    k = next((i for i, p in enumerate(places) if p.start == place.start), None)
    if k is None:
        return (place.name,)
    lo, hi = _conjunct_run(view.text, places, k)
    last_gap = view.text[places[hi - 1].end : places[hi].start] if hi > lo else ""
    names = tuple(dict.fromkeys(p.name for p in places[lo : hi + 1]))
    if len(names) < 2 or not re.search(r"\band\b", last_gap, re.IGNORECASE):
        return (place.name,)
    if _CLAUSE_SUBJECT.match(view.text, places[hi].end):
        # "Swine flu sickened 21 more students in Japan and Turkey reported its first case": the last
        # conjunct is the subject of a clause of its own, joined by *and*
        return (place.name,)
    return names


# a finite verb right after a place with the determiner of its object after it: the place is a
# clause's subject ("and Turkey reported its first case", "and Spain has two cases"); a bare auxiliary
# may be the count's own verb ("Ten cases in Germany and Spain were reported")
_CLAUSE_SUBJECT = re.compile(
    r"[ \t]+\w+(?:ed|s)[ \t]+(?:its|their|a|an|the|one|two|three|his|her|first|\d)\b"
)


# a part of the count's whole on *with*, then *in* (the place of the whole and its part): "109 confirmed
# cases with one death in the United States"
_WITH_PART_IN = re.compile(
    r"[ \t]+with[ \t]+(?:[\w,.-]+[ \t]+){1,3}?(?:deaths?|dead|fatalit(?:y|ies))[ \t]+in[ \t]+(?:the[ \t]+)?"
)


def _place_after_part(view: ArticleView, q: Quantity) -> Place | None:
    """The place written after a part of the count on *with* ("The figures include 109 confirmed cases
    with one death in the United States and 156 confirmed cases with nine deaths in Mexico"): the part
    (one death of the 109 cases) is no clause of its own, and the place after it is the whole's as well
    as the part's (the window of the whole stops at the part's number, and the place before the second
    whole is the first one's)."""
    m = _WITH_PART_IN.match(view.text, q.end, q.end + 60)
    if m is None:
        return None
    return next((p for p in view.places if p.start == m.end()), None)


def _places_after(
    view: ArticleView, q: Quantity, places: list[Place], a: int, lex: ClaimsLexicon
) -> list[Place]:
    """The places of the count's clause after it that a preposition introduces ("20 cases in the US");
    not a place the count lies outside of ("outside Asia"), the domain of a superlative, one of an *of*
    clause, a journey's goal or origin ("traced 20 cases to a single flight from Cancun"), nor one
    after the relative clause holding the count has closed."""
    closed = _relative_close(view, q)
    return [
        p
        for p in places
        if p.start >= q.end
        and _introduced(view.text, a, p.start, p.end)
        and not _outside(view.text, p)
        and not _comparison_domain(view.text, p, lex)
        and not _of_clause(view.text, q.end, p.start)
        and not _journeys_end(view.text, p)
        and not _later_clause_or_part(view.text, q.end, p.start)
        and (closed is None or p.start < closed)
        and _DISEASE_RELATIVE.search(view.text, q.end, p.start) is None
        and not _in_origin_clause(view, q, p)
        and _BREAKDOWN_BRACKET.fullmatch(view.text, q.end, p.start) is None
    ]


# a breakdown in brackets right after the count, opened by a number: "Confirmed cases in Canada: 34 (eight in
# Nova Scotia, eight in Ontario, ...)": its places are its items'
_BREAKDOWN_BRACKET = re.compile(
    r"\s*\(\s*(?:\d|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b)[^()]*",
    re.IGNORECASE,
)


# a clause on where the virus began, between the count and a place: "At least 7,826 people are now known
# to have died following infection with the H1N1 virus since it first emerged in Mexico in April"
_ORIGIN_CLAUSE = re.compile(
    r"\b(?:since|after|when)\s+(?:it|the\s+(?:new\s+)?(?:virus|disease|outbreak|strain|pandemic))\s+"
    r"(?:was\s+)?(?:first\s+)?(?:emerged|appeared|surfaced|broke\s+out|detected|identified|discovered|began|"
    r"started)\b[^;.!?]*$",
    re.IGNORECASE,
)


# a relative clause on the disease between the count and a place: "Two people have tested positive for the
# H1N1 influenza A virus that has been spreading in North America and elsewhere since it first appeared in
# Mexico" (the clause says where the disease went, not where the count is)
_DISEASE_RELATIVE = re.compile(
    r"\b(?:virus|strain|flu|influenza|disease|illness|bug)\s*,?\s+(?:that|which)\s+(?:has|have|had|was|is|first)\b"
    r"[^;.!?]*$",
    re.IGNORECASE,
)


# a clause of its own after the count, opened by *as* and its subject ("has risen from 40 to 68, as the
# virus cuts deeper across Latin America"; not "as of", "as many as", "confirmed as", nor *as* with a
# noun phrase of a role: "three brigades to leave ..., as an immediate payback for Iraqi voters")
_AS_CLAUSE = re.compile(
    r",\s+as\s+(?:the|it|they|he|she|officials|authorities)\b"
    # or with no comma, *as* and a subject of one or two words and its auxiliary: "went from just four
    # cases over the weekend to 135 as infections were confirmed in the port city of Kobe"
    r"|\bas\s+(?!many\b|much\b|of\b|well\b|long\b|soon\b|far\b)[a-z]+(?:\s+[a-z]+)?\s+(?:were|was|have|has|had)\b",
    re.IGNORECASE,
)
# a member of the count named by *include* with an indefinite person: "include a 45-year-old man"
_MEMBER_AFTER = re.compile(
    r"\b(?:include|includes|included|including)\s+(?:a|an|one)\s+[^,;:.!?]{0,40}?"
    r"\b(?:man|woman|boy|girl|child|baby|infant|student|teacher|patient|person|resident|worker|pilgrim)\s*$",
    re.IGNORECASE,
)
# a part of the count named after it, whose place the words then give ("bring the toll across the region
# to 8, with half of the deaths being in Saudi Arabia", "two deaths, one of a Mexican toddler in a Texas
# hospital"); a majority's place is read apart (:func:`_majority_after`)
_PART_OF_AFTER = re.compile(
    r",\s*(?:with\s+)?(?:about\s+|nearly\s+|almost\s+|more\s+than\s+)?"
    r"(?:half|a\s+third|a\s+quarter|two-thirds|some|many|several|one|two|three|a\s+few)\s+of\s+"
    r"(?:them|whom|these|those|(?:the|a|an)\s+[^,;:.!?]{0,60}?)\s*$",
    re.IGNORECASE,
)


# a clause of its own after a comma whose subject is a number its verb follows ("Mexico has recorded 48
# deaths, two have been reported in the US": the US is the two's)
_NUMBER_CLAUSE = re.compile(
    r",\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)\s+(?:more\s+)?"
    r"(?:have|has|had|were|was|are|is|died)\b",
    re.IGNORECASE,
)
# (not the pronoun of "- that of Taysir Allouni in Spain", nor a partitive's "800 of which are in Mexico")
_RELATIVE_ON_OTHER = re.compile(
    r"\b(?:that(?!\s+of\b)|(?<!of\s)which)\s+(?:\w+\s+){0,3}?(?:in|from)\s+(?:the\s+)?$"
)


def _later_clause_or_part(text: str, end: int, place: int) -> bool:
    """Whether the place after a count (at ``place``) stands in a clause of its own opened after it
    (:data:`_AS_CLAUSE`, :data:`_NUMBER_CLAUSE`, or a relative clause on another noun after it,
    :data:`_RELATIVE_ON_OTHER`) or in the phrase of a part or a member of it (:data:`_PART_OF_AFTER`,
    :data:`_MEMBER_AFTER`): where that clause's verb happens, or where the part is, not where the count
    is."""
    between = text[end:place]
    if _AS_CLAUSE.search(between) or _NUMBER_CLAUSE.search(between):
        return True
    rel = _RELATIVE_ON_OTHER.search(between)
    if rel is not None and re.search(r"[A-Za-z]", between[: rel.start()]):
        # "110,000 people have been infected by the virus that first surfaced in Mexico": a relative
        # clause on a noun after the count (not on the count's own: "cases that were found in Lima")
        return True
    m = re.search(r"\b(?:in|from)\s+(?:(?:the|a|an)\s+)?$", between)
    # (or where a member is from: "The four cases include a 45-year-old man from Minya")
    return m is not None and any(
        r.search(between, 0, m.start()) for r in (_PART_OF_AFTER, _MEMBER_AFTER, _PART_COUNT_AFTER)
    )


# a part of the count counted after *include* ("The 17 new probable cases include one in Allegan County,
# six in Kent County ..."): the place after it is the part's
_PART_COUNT_AFTER = re.compile(
    r"\b(?:include|includes|included|including)\s+(?:at\s+least\s+|about\s+|some\s+)?"
    r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty"
    r"|forty|fifty|a\s+dozen)(?:\s+[a-z-]+){0,2}\s*$",
    re.IGNORECASE,
)


def _inside_place(
    view: ArticleView, q: Quantity, places: list[Place], inside: Place, lex: ClaimsLexicon
) -> tuple[tuple[str, ...], bool]:
    """The place of a count that names one inside it ("nine UK cases"). Persons named by their nation
    are where *in* puts them right after ("one Mexican infant in the United States"), else in the
    country their clause names before them ("Cuba has not reported more infections besides the four
    Mexican students"), else their nation's ("Five more Zambians")."""
    if not _nationality(view, q, inside, lex):
        return (inside.name,), True
    where = _where_persons_are(view, q, places)
    if where is not None:
        return (where.name,), True
    # (not a journey's origin or goal: "checking passengers returning from Mexico ... amid news that the
    # virus has now infected 13 Canadians" are Canada's)
    other = [
        p
        for p in places
        if p.end <= q.start
        and p.name != inside.name
        and p.name in lex.countries
        and not _journey_end(view.text, p, q)
    ]
    if other:
        return (other[-1].name,), False
    return (inside.name,), True


def _nationality(view: ArticleView, q: Quantity, p: Place, lex: ClaimsLexicon) -> bool:
    """Whether a place inside the count is the nationality of the persons counted ("the death of one
    Mexican infant in the United States"): a demonym before or as a noun of persons. A place that *in*
    puts right after them, where they are, is then the count's."""
    return (
        bool(q.counts) and _persons_noun(q.counts or "", lex) and _demonym(view.text[p.start : p.end].lower())
    )


_IN_RIGHT_AFTER = re.compile(r"\s+in\s+(?:the\s+)?$")


def _where_persons_are(view: ArticleView, q: Quantity, places: list[Place]) -> Place | None:
    """The place that *in* puts right after the persons counted ("one Mexican infant in the United
    States"), None when none does."""
    return next(
        (p for p in places if p.start > q.end and _IN_RIGHT_AFTER.fullmatch(view.text, q.end, p.start)), None
    )


def _reporting_clause_start(view: ArticleView, q: Quantity) -> int:
    """Where the reporting clause after a count's statement starts, at its cue ("..., bringing the total
    number of fatalities to 86, Aglukkaq told reporters from Yellowknife"): a place there is where the
    saying was, not the count's (the statement's content may stop short of the count: the cue of a
    statement that opens before the count and whose speaker and cue follow it in its sentence; a
    passive "cases were confirmed in the UK" has no speaker). The end of the text when none."""
    s1 = view.sentence(q.start)[1]
    cues = [
        st.cue.start
        for st in view.analysis.statements
        if st.cue is not None
        and st.speaker is not None
        and q.end <= st.speaker.start < s1
        and q.end <= st.cue.start < s1
        and st.content.start <= q.start
    ]
    return min(cues, default=len(view.text))


def _listed_regions(text: str, after: list[Place], lex: ClaimsLexicon) -> str | None:
    """ "20 confirmed cases were discovered in Texas, California, Kansas and New York": a count in a
    list of two or more regions of one country (`[places.regions]`; nothing but commas and *and* / *or*
    between them) is that country's, the sum of its parts."""
    run = after[:1]
    for p in after[1:]:
        if text[run[-1].end : p.start].strip(" ,").lower() not in ("", "and", "or", ", and"):
            break
        run.append(p)
    # a capital among regions is its country's too ("in Beijing, Tibet, Qinghai and Xinjiang")
    countries = {lex.local_country(p.name) or lex.local_country(text[p.start : p.end]) for p in run}
    if len(run) < 2 or len(countries) != 1 or None in countries:
        return None
    return countries.pop()


def _region_countries(view: ArticleView, w: Word) -> bool:
    """ "countries" / "nations" right after a capitalised word name a region's countries, not the world
    ("31 European Union and European Free Trade Association countries", "EU nations"; not "Forty
    countries have confirmed cases", whose capital opens the sentence)."""
    if w.text.lower() not in ("countries", "nations"):
        return False
    before = words(view.text, max(0, w.start - 40), w.start)
    if not before or view.sentence(before[-1].start)[0] == before[-1].start:
        return False
    return view.text[before[-1].start : before[-1].start + 1].isupper()  # words() lowers the text


# words that never stand inside one noun phrase between a place and its head ("Mexico's swine flu
# outbreak", "the Mexican outbreak"): a verb, a preposition other than *of*, a conjunction, an article
# other than *the*, a quantifier or a relative word mean the place is in another phrase ("under
# observation in the Philippines for the new flu virus")
NOT_IN_PHRASE = wordset(
    "a an few some many this that these those is are was were be been being has have had says said say"
    " tells told reports reported according in on at to for from by with into since after before until"
    " as and or but nor which who whom where when while"
)


def _describes(text: str, end: int, start: int) -> bool:
    """Whether a place ending at ``end`` modifies the noun at ``start`` in one noun phrase: no
    punctuation but a comma, and only modifiers (and *of*, *the*, *'s*) between them."""
    between = text[end:start]
    if any(c in between for c in ';:()"“”'):
        return False
    return not any(w.text in NOT_IN_PHRASE for w in words(text, end, start))


def _places_before(
    view: ArticleView, q: Quantity, places: list[Place], win: Window, lex: ClaimsLexicon
) -> list[Place]:
    """The places of the count's clause before it; not, when the count is in a relative clause on the
    disease ("under observation in the Philippines for the new flu virus that has killed 86 people"),
    those before the antecedent, which are the main clause's, unless they describe it ("Mexico's swine
    flu outbreak, which has killed 150")."""
    before = [
        p
        for p in places
        if p.end <= q.start
        and not _journey_end(view.text, p, q)
        and not _comparison_domain(view.text, p, lex)
        and not _locative_aside(view.text, p)
        and not _speech_venue(view.text, p)
        and not _locates_place(view.text, p, places, lex)
        and not _classifies_country(view.text, p)
    ]
    person = _person_relative(view, q)
    if person is not None:
        # "the US president criticized the proceedings against Netanyahu, who is on trial in three
        # criminal cases": a relative clause on a person says what is so of that person, not of the
        # places of the main clause; a place of the person's own description still is ("Mexican Health
        # Secretary Jose Cordova, who ...")
        before = [p for p in before if p.start > person or _close_describes(view.text, p.end, person)]
    agent = _toll_agent(win, lex)
    if agent is None or not agent[1]:
        return before
    head = agent[0].start
    return [p for p in before if p.start > head or _describes(view.text, p.end, head)]


_WHO = re.compile(r",\s+who\b")
# a region's name as the modifier of a noun of countries: "the only other Caribbean nation"
_COUNTRY_NOUN_AFTER = re.compile(
    r"\s+(?:overseas\s+)?(?:nations?|country|countries|islands?|territor(?:y|ies)|communit(?:y|ies)|departments?)\b",
    re.IGNORECASE,
)


def _classifies_country(text: str, p: Place) -> bool:
    """Whether the place modifies a noun of countries right after it ("Suriname was the only other
    Caribbean nation to register triple digit infection with 109 cases", "Bermuda, UK Overseas Territory
    (1)"): it says what kind of country the clause speaks of, or whose territory it is, not where the
    count is (the country or the territory is named elsewhere)."""
    return bool(_COUNTRY_NOUN_AFTER.match(text, p.end))


# a clause of contrast opened with a name for its subject: "... while Martinique has two", "..., but
# the Dominican Republic has been hit by the most deaths"
_CONTRAST_NAMED = re.compile(r"(?:\bwhile|\bwhereas|,\s*but)\s+(?:the\s+)?[A-Z]")


def _own_contrast_place(
    view: ArticleView, q: Quantity, about: tuple[str, ...], lex: ClaimsLexicon
) -> tuple[str, ...]:
    """ "Curacao has reported seven cases while Bermuda has two", "Cuba is leading the way with 793
    cases, but the Dominican Republic has been hit by the most deaths, with the number put at 22": a
    count in a clause of contrast (*while*, *whereas*, *but*) whose subject is a name is where that
    clause says, not where the clause before it is: it keeps a place of its own clause, the last one
    before it when the place read is not of its clause (a body named by its nation is its nation's),
    and none when the name is no place the analysis read."""
    s0, s1 = view.sentence(q.start)
    opened = [m.start() for m in _CONTRAST_NAMED.finditer(view.text, s0, q.start)] if about else []
    if not opened:
        return about
    # a body named by its nation is where its clause is ("but the US Gulf War Veterans Association")
    own = sorted(
        [*view.places_in(opened[-1], s1), *_national_bodies(view, opened[-1], s1)], key=lambda p: p.start
    )
    dates = tuple(a for a in about if a[:1].isdigit())  # a year or a date is the count's own
    named = [a for a in about if not a[:1].isdigit()]
    if all(a in {p.name for p in own} for a in named):
        return about
    before = [p for p in own if p.end <= q.start and not _comparison_domain(view.text, p, lex)]
    return ((before[-1].name,) if before else ()) + dates


def _person_relative(view: ArticleView, q: Quantity) -> int | None:
    """Where the person named right before ", who" starts, when ``q`` is in that relative clause."""
    s0 = view.sentence(q.start)[0]
    opened = [m for m in _WHO.finditer(view.text, s0, q.start)]
    if not opened:
        return None
    comma = opened[-1].start()
    return next(
        (m.start for e in view.analysis.entities if e.type == "PERSON" for m in e.mentions if m.end == comma),
        None,
    )


def _close_describes(text: str, end: int, start: int) -> bool:
    """A place that ends at most four words before ``start`` and describes the noun there."""
    return len(words(text, end, start)) <= 4 and _describes(text, end, start)


_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|where)\b")
# (an existential *there* too: "India, where the death toll has reached 478, there have been no deaths in
# Nepal")
_MAIN_RESUMES = re.compile(
    r",\s+(?:there\s+)?"
    # (or a subject of one pronoun-like word first: "Mexico, where ... 19 people are confirmed dead with
    # the virus, some are also from Costa Rica")
    r"(?:(?:some|most|many|others|all|it|they|he|she|we|officials|authorities)\s+)?"
    r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|remains?|continues?)\b"
)


def _relative_close(view: ArticleView, q: Quantity) -> int | None:
    """Where the non-restrictive relative clause holding ``q`` closes: "The disease, which has infected
    over 26,500 people in 73 countries, with 140 deaths, has been most severe in Mexico" - the comma
    and finite verb after the count resume the main clause, whose place is not the count's. None when
    the count is in no such clause."""
    s0, s1 = view.sentence(q.start)
    found = list(_RELATIVE_OPEN.finditer(view.text, s0, q.start))
    if not found or _MAIN_RESUMES.search(view.text, found[-1].end(), q.start):
        return None
    if (
        _FRONTED_IN.match(view.text, s0, found[-1].start())
        and "," not in view.text[found[-1].end() : q.start]
    ):
        # "In Canada, where 358 cases have been confirmed, a second death was reported in Alberta": a
        # clause on a fronted phrase closes at its comma, and the main clause follows
        comma = view.text.find(",", q.end, s1)
        return comma if comma >= 0 else None
    close = _MAIN_RESUMES.search(view.text, q.end, s1)
    return close.start() if close else None


# a fronted phrase of place, all that stands before a relative clause's comma: "In Canada"
_FRONTED_IN = re.compile(r"\s*(?:In|in)\s+[^,;:.!?]+$")


MAJORITY = (("majority", "of"), ("most", "of"), ("bulk", "of"))
ALL_BUT_A_FEW = (("almost", "all", "of"), ("nearly", "all", "of"), ("virtually", "all", "of"))


def _majority_of(text: str, a: int, start: int) -> bool:
    """ "the majority of (the) (about) N", "most of the N": the number is a whole of which a part is
    meant."""
    ws = [w.text for w in words(text, max(a, start - 40), start)]
    while ws and ws[-1] in ("the", "about", "some", "around", "nearly", "almost", "over", "than", "more"):
        ws.pop()
    # "almost all of the 74 dead were in Mexico": all but a few, the others elsewhere
    return tuple(ws[-2:]) in MAJORITY or tuple(ws[-3:]) in ALL_BUT_A_FEW


def _majority_place(
    view: ArticleView, q: Quantity, a: int, after: list[Place], lex: ClaimsLexicon, mostly: bool
) -> tuple[tuple[str, ...], bool] | None:
    """The place of a whole of which the place after it holds the majority (None: no majority).
    "the vast majority of about 2,000 cases are in Mexico, with 51 in the US", "80 people, the vast
    majority of them in Mexico": the place is the majority's; a whole whose sentence names a part in
    another country, or whose majority is in one country (the rest outside it), is the world's.
    ``mostly``: the words after the count name where most of it is (:func:`_majority_after`)."""
    if _majority_of(view.text, a, q.start):
        others = {p.name for p in view.places_in(*view.sentence(q.start))} - {after[0].name}
        countries = lex.known_countries
        return (("world",), True) if others & countries or after[0].name in countries else ((), False)
    if mostly:
        # a majority in a place that is no country: the count's own world word still places it
        # ("30,000 people globally, mostly in North America")
        world = _has(words(view.text, q.end, after[0].start), lex.world_words)
        return (("world",), True) if after[0].name in lex.known_countries or world else ((), False)
    return None


MOSTLY = frozenset({"mostly", "mainly", "largely", "chiefly", "predominantly", "primarily", "overwhelmingly"})


def _majority_after(text: str, end: int, place: int) -> bool:
    """ "killed 80 people, the vast majority of them in Mexico", "1,500 people ..., most of them in
    Mexico", "52,000 cases, mostly in the United States": an apposition after a count that names where
    most of it is (*most / the majority / the bulk / almost all / nearly all of them*, *mostly / mainly /
    largely in*) describes a part of the count, not where the count is."""
    ws = [w.text.lower() for w in words(text, end, place)]
    if ws[:2] == [",", "with"]:
        ws = [",", *ws[2:]]  # "had risen to 201, with most in Ontario"
    if len(ws) >= 3 and ws[0] == "," and ws[1] in MOSTLY and ws[-1] == "in":
        return True  # "had reached 345, mostly high school students in Osaka and Hyogo"
    if MOSTLY & set(ws[-3:]):
        return True  # "52,000 confirmed cases, mostly in the United States and Mexico"
    if ws[-1:] == ["the"]:
        ws = ws[:-1]  # "most in the US"
    if ws[-3:] == [",", "most", "in"]:
        return True  # "65, most in Mexico"
    if ws[-1:] == ["in"] and len(ws) >= 3 and ws[-2] in ("majority", "bulk") and "," in ws[-5:-2]:
        return True  # "at least 139 have died, a majority in the US and Mexico", "the vast majority in"
    # the phrases of :data:`MAJORITY` and :data:`ALL_BUT_A_FEW` (which end in *of*) before *them*
    return any(
        ws[i] == "of"
        and ws[i + 1] in ("them", "whom", "these", "those")
        and (
            tuple(ws[max(0, i - 1) : i + 1]) in MAJORITY or tuple(ws[max(0, i - 2) : i + 1]) in ALL_BUT_A_FEW
        )
        for i in range(len(ws) - 1)
    )


# words that open a clause of its own (a subject or a relative pronoun, a reporting verb): a place
# after them is where that clause's verb happens
CLAUSE_WORDS = frozenset({"it", "they", "that", "which", "said", "says"})


def _of_clause(text: str, a: int, b: int) -> bool:
    """ "79 cases of a virus it said has spread from Mexico into ...": a place after a clause that
    describes the noun of an *of* phrase of the count is where that noun's verb happens, not the
    count's own place ("9 cases of flu were confirmed in Peru": the count's own verb, no clause)."""
    ws = [w.text for w in words(text, a, b)]
    if ws[:1] == ["of"] and ws[1:2] and ws[1] in _PARTITIVE_PRONOUNS:
        ws = ws[2:]  # "800 of which are in Mexico": the partitive's *of*, its clause the number's
    return "of" in ws and bool(CLAUSE_WORDS & set(ws[ws.index("of") + 1 :]))


IN_COUNT = frozenset(
    {"in", "across", "at", "least", "more", "than", "some", "over", "nearly", "about", "almost"}
)


def _in_countries(
    view: ArticleView,
    q: Quantity,
    qs: list[Quantity],
    lex: ClaimsLexicon,
    nouns: frozenset[str] | None = None,
) -> bool:
    """ "infected 4,379 people in 29 countries": a count of countries introduced by *in* / *across*
    right after the number is where the number is counted - the world (``nouns``: other places counted,
    "2,532 confirmed cases in 44 states")."""
    nxt = next((o for o in qs if o.start >= q.end), None)
    return nxt is not None and _counted_in(view, q, nxt, lex, nouns)


def _counted_in(
    view: ArticleView, q: Quantity, nxt: Quantity, lex: ClaimsLexicon, nouns: frozenset[str] | None = None
) -> bool:
    """Whether ``nxt``, the quantity right after ``q``, counts the places ``q`` is counted in
    (:func:`_in_countries`)."""
    s1 = view.sentence(q.start)[1]
    if nxt.start >= s1 or not nxt.counts:
        return False
    if singular(nxt.counts.split()[-1].lower()) not in (lex.world_counts if nouns is None else nouns):
        return False
    between = [w.text for w in words(view.text, q.end, nxt.start)]
    while between and between[-1] in IN_COUNT and between[-1] not in ("in", "across"):
        between.pop()  # "in more than 20 countries"
    if between[:1] == ["of"]:
        # "2,532 confirmed cases of the new H1N1 swine influenza in 44 states": the count's disease
        k = next(
            (k for k, w in enumerate(between) if w not in _DISEASE_NAME_WORDS and w != "of"), len(between)
        )
        between = between[k:]
    # "in 29 countries", "have been reported in 20 countries": *in* right before the countries, after
    # at most a short verb group
    return (
        bool(between)
        and between[-1] in ("in", "across")
        and len(between) <= 5
        and all(w.isalpha() for w in between)
        and not set(between) & set(lex.boundaries)
    )


# the words that open the clause a count's subject stands in
_CLAUSE_OPENERS = frozenset({"as", "while", "and", "but", "whereas", ",", ";", ":", "when", "after"})
# the verbs a count's subject reaches it by ("cases worldwide ballooned to 9,830")
_SUBJECT_VERBS = wordset(
    "rose risen rises climbed climbs jumped ballooned reached hit stood stands was is topped passed "
    "increased grew soared surged"
)


def _world_subject(win: Window) -> bool:
    """ "... became the latest U.S. victim as the number of confirmed cases worldwide ballooned to 9,830":
    a world adverb in the subject of the count's own clause (back to the word that opens it), whose verb
    reaches the count, makes it the world's, whatever place the clause before named."""
    left = sorted(win.left, key=lambda w: w.start)
    k = len(left)
    while k > 0 and left[k - 1].text.lower() not in _CLAUSE_OPENERS:
        k -= 1
    clause = left[k:]
    if not clause or len(clause) > 10 or not any(w.text.lower() in _SUBJECT_VERBS for w in clause[-3:]):
        return False
    return bool(_has(clause, WORLD_ADVERBS))


def _world_own(win: Window, lex: ClaimsLexicon) -> bool:
    """Whether the world is the count's own place, whatever place its clause named before: an adverb of
    the world right after it ("The flu, which emerged in Mexico in April, has killed over 260 people
    worldwide"), as "in the US" would be; one in the subject of its own clause (:func:`_world_subject`);
    or a total the world modifies right before it ("..., two more deaths in the United States, bringing
    the global toll to 97")."""
    if 0 in _has(sorted(win.right, key=lambda w: w.start), WORLD_ADVERBS):
        return True
    if _world_subject(win):
        return True
    left = sorted(win.left, key=lambda w: w.start)[-6:]
    cut = max((k for k, w in enumerate(left) if w.text in (",", ";", ":")), default=-1)
    left = left[cut + 1 :]
    totals = [k for k, w in enumerate(left) if w.text.lower() in TOTAL_WORDS]
    if not totals or len(left) - totals[-1] > 3:
        return False
    # (not the whole a share is taken from: :func:`_whole_of_share`)
    world = _has(left[: totals[-1]], lex.world_words)
    return any(k < totals[-1] and not _whole_of_share(left, k) for k in world)


def _in_world_countries(view: ArticleView, q: Quantity, qs: list[Quantity], lex: ClaimsLexicon) -> bool:
    """Whether ``q`` is counted in countries (:func:`_in_countries`) its text does not name as a region's:
    "in 29 countries" are the world, "in the 22 countries of North, Central and South America" not."""
    if not _in_countries(view, q, qs, lex):
        return False
    nxt = next((o for o in qs if o.start >= q.end), None)
    return nxt is None or _REGION_OF_COUNTRIES.match(view.text, nxt.end) is None


# the countries counted named as a region's after their noun: "in the 22 countries of North, Central and
# South America", "in 20 countries in Europe" (a capitalised name; not "of the world", not a month: "in
# 30 countries in April")
_REGION_OF_COUNTRIES = re.compile(
    r"\s+(?:of|in)\s+(?:the\s+)?(?!(?:World|Globe|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z]"
)


# words that say a figure is its country's as a whole ("the nationwide total", "across the country"),
# or that point back to the country the text names ("in this country", "the number in the kingdom",
# "12 confirmed cases here": where the reporter and the country of the story are)
NATIONAL = (
    "nationwide", "countrywide", "national", "nationally", "across the country", "around the country",
    "in the country", "throughout the country", "the country's", "the nation's", "in this country",
    "this country's", "in the kingdom", "the kingdom's", "across the nation", "here",
)  # fmt: skip


# Chinese news copy names China "the Chinese mainland" (without Hong Kong, Macao and Taiwan), then
# "the mainland"
_MAINLAND_CHINA = re.compile(r"\b(?:Chinese mainland|mainland China)\b", re.IGNORECASE)


# the country as the subject before a count: "The country now has 193 confirmed cases" (after it, the
# phrase may be of another clause: "the quake devastated the country")
NATIONAL_BEFORE = ("the country",)
# the count's own words make it a part's, a state's, a province's or a city's, whatever else says the
# nation's ("here" of a dateline, "national"): "the death toll ... in the state has reached 108"
PART_OF_NATION = (
    "in the state", "the state's", "statewide", "state-wide", "in the province", "the province's",
    "province-wide", "provincewide", "in the city", "the city's", "citywide", "city-wide",
)  # fmt: skip


def _national_body_subject(win: Window, lex: ClaimsLexicon) -> bool:
    """Whether the count's clause names, before it, the nation's own office or government ("The
    country's health ministry has so far recorded 1,349 confirmed cases"): its figures are the nation's,
    however far back its subject stands."""
    left = sorted(win.left, key=lambda w: w.start)
    return any(
        any(w.text in lex.offices for w in left[i + 2 : i + 4])
        for i in _has(left, ("the country's", "the nation's"))
    )


# a sentence whose subject is a country's epithet ("The Himalayan nation now has 3 cases", "The South
# American country has reported 1,000 deaths"): a name of the country the text gave before
_EPITHET_SUBJECT = re.compile(
    r"\s*The\s+(?:[A-Z][\w-]*\s+){1,2}(?:nation|country|kingdom)\s+(?:[a-z]+\s+){0,3}?(?:has|had|have|now|reported|"
    r"confirmed|recorded|registered)\b[^.;]*$"
)


# a name right after a word ("mainland China")
_NAME_NEXT = re.compile(r"[ \t]+[A-Z]")


def _national(view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "bringing the nationwide total to 19", "in more than 10,000 people across the country", "The
    country now has 193 confirmed cases": the country named last before the number in its sentence or
    the two before (not a state or a city of it)."""
    ws = sorted([*win.left[-4:], *win.inner, *_clause_right(win, lex)], key=lambda w: w.start)
    near = sorted([*win.left[-4:], *win.inner, *win.right], key=lambda w: w.start)
    # (the noun, not a modifier of a name: "1 in mainland China), Colombia (3)" is Colombia's item)
    if any(not _NAME_NEXT.match(view.text, near[k].end) for k in _has(near, ("mainland",))) and (
        _MAINLAND_CHINA.search(view.text)
    ):
        return ("China",)  # "the mainland reported 10,828 cases", after "the Chinese mainland"
    # the phrase that brings a total names its whole: "taking the number in the kingdom, a key hub
    # for international tourism, to 201"
    if (
        not _national_said(view.text, ws, lex)
        and not _has(_bringing_words(view, q), NATIONAL)
        and not _national_said(view.text, sorted(win.left[-4:], key=lambda w: w.start), lex, NATIONAL_BEFORE)
        and not _national_total(view, q, lex)
        and not _EPITHET_SUBJECT.match(view.text, view.sentence(q.start)[0], q.start)
        and not _national_body_subject(win, lex)
    ):
        return ()
    own = sorted([*win.left[-8:], *win.inner, *_clause_right(win, lex)], key=lambda w: w.start)
    if _has(own, PART_OF_NATION):
        return ()  # "the death toll ... in the state has reached 108, a health official said here"
    countries = lex.known_countries
    starts = [a for a, _ in view.sentences if a <= q.start][-3:]
    lo = starts[0] if starts else 0
    named = [p for p in [*view.places, *_national_bodies(view, lo, q.start)] if p.name in countries]
    for p in sorted(named, key=lambda p: p.start, reverse=True):
        # (not a journey's origin or goal: "All four arrived from the United States" names no nation
        # of "the nation's total")
        if (
            lo <= p.start
            and p.end <= q.start
            and not _journeys_end(view.text, p)
            and not _counted_nationals(view, p)
        ):
            return (p.name,)
    # (where the reporter files from, the country "the kingdom" and "here" point to: "RIYADH: Four new
    # cases ... bringing the total number of confirmed cases in the Kingdom to 39"; not when these
    # sentences name a place of another country: "officials in Islamabad said", under "New Delhi")
    dateline = _dateline_country(view, lex)
    named_near = {lex.local_country(p.name) or p.name for p in view.places if lo <= p.start < q.start}
    if dateline and not named_near - {dateline}:
        return (dateline,)
    # (else the country named before it, however far: "the country" points back, not forward)
    return (
        _only_country(view, lex)
        or _regions_country(view, lo, q.start, lex)
        or _country_pointed_back(view, lex, q.start)
    )


def _counted_nationals(view: ArticleView, p: Place) -> bool:
    """Whether the place is persons another count counts by their nation ("confirmed 20 additional cases
    ..., including three Americans, bringing the total number of infections here to 367": the counted
    noun itself): they are members of a count, not the nation a national word refers to ("nine UK cases"
    still names the UK)."""
    return any(o.start < p.start and p.end == o.end for o in view.analysis.quantities)


def _national_said(
    text: str, ws: list[Word], lex: ClaimsLexicon, phrases: tuple[str, ...] = NATIONAL
) -> bool:
    """Whether the words say the count is the nation's (``phrases``); not "in the country" as the domain
    of a superlative ("Sao Paulo state has the highest death toll in the country with 16 victims": the
    count is the state's, ranked in the country, :func:`_comparison_domain`)."""
    for i in _has(ws, phrases):
        the = i + 1 if ws[i].text == "in" else i
        if ws[the].text == "the" and the + 1 < len(ws):
            domain = Place(ws[the + 1].text, ws[the].start, ws[the + 1].end)
            if _comparison_domain(text, domain, lex):
                continue
        return True
    return False


def _regions_country(view: ArticleView, lo: int, hi: int, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "Ten people last night tested positive for swine flu in Gujarat, taking the total number of those
    afflicted by the disease countrywide to 1,203": a national word whose sentences name no country
    but regions or capitals of one country (`[places.regions]`, `[places.capitals]`) is that
    country's."""
    # (not a journey's goal or origin: "after returning from a trip to New York" in an Irish story)
    found = {
        c
        for p in view.places
        if lo <= p.start
        and p.end <= hi
        and (c := lex.local_country(p.name))
        and not _journeys_end(view.text, p)
    }
    return (found.pop(),) if len(found) == 1 else ()


def _kb_country(word: str) -> str | None:
    """The country a folded word names in the knowledge base: a demonym's ("lebanese") or its own
    name's."""
    from saidwhat.entities.resources import load_knowledge  # here: see _after_number

    kb = load_knowledge()
    return kb.demonyms.get(word) or kb.countries.get(word)


# nouns of organisations that bear a nation's name without being its authorities
_NOT_BODIES = frozenset(
    {"university", "college", "school", "hospital", "embassy", "consulate", "airlines", "airline", "airways",
     "bank", "church", "academy", "club", "league", "museum", "chamber", "society", "association"}
)  # fmt: skip


def _national_bodies(view: ArticleView, lo: int, hi: int) -> list[Place]:
    """The countries of the bodies named by their nation in ``[lo, hi)`` ("the Lebanese Health
    Ministry diagnosed five people ..., bringing the total number of cases in the country to eight"):
    what *the country* may point back to, though the name is no place of the count's own."""
    if view.body_places is None:
        from saidwhat.entities.resources import fold  # here: see _after_number

        found = []
        for e in view.analysis.entities:
            name = fold(e.name).split() if e.type == "ORG" else []
            # (an institution that bears a nation's name is none of its bodies: "the American University
            # in Cairo", "the British Embassy in Mexico City")
            first = name[:1] if not _NOT_BODIES.intersection(name) else []
            country = _kb_country(first[0]) if first else None
            if country:
                found += [Place(country, m.start, m.end) for m in e.mentions]
        view.body_places = sorted(found, key=lambda p: p.start)
    out = []
    for p in islice(view.body_places, bisect_left(view.body_places, lo, key=lambda p: p.start), None):
        if p.start >= hi:
            break
        if p.end <= hi:
            out.append(p)
    return out


def _national_total(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "The total number of confirmed cases in the country since the first case in June now stands at
    2 844", "The country's death toll stands at four": the noun phrase of the total whose value the
    number gives (a total word before it in its sentence, no other number between) says national,
    however far before the number it stands."""
    s0 = view.sentence(q.start)[0]
    ws = words(view.text, s0, q.start)
    t = next((k for k, w in enumerate(ws) if w.text in TOTAL_WORDS), None)
    if t is None or any(ch.isdigit() for ch in view.text[ws[t].end : q.start]):
        return False
    # the total's own determiner too: "The country's death toll stands at four"
    return _national_said(view.text, ws[max(0, t - 4) : t + 8], lex)


def _clause_right(win: Window, lex: ClaimsLexicon) -> list[Word]:
    """The words after a count that its clause may place it by: as many as the window reads, and on to
    the clause's first comma however far ("49 fresh cases of the disease were reported from across
    the country"), not past it ("the state's first two deaths ..., bringing the nationwide total")."""
    right = sorted(win.right, key=lambda w: w.start)
    # (a comma that opens another clause ends it however near: "now totals 56, with an updated national
    # number expected later" is Ontario's; the national number is another)
    opened = next(
        (
            i
            for i, w in enumerate(right[:-1])
            if w.text == "," and right[i + 1].text.lower() in _COMMA_OPENERS
        ),
        None,
    )
    if opened is not None:
        return right[:opened]
    n = lex.settings.window_words
    stop = next((i for i, w in enumerate(right) if w.text in (",", ";")), len(right))
    return right[: max(n, stop)]


# the words that open a clause after a comma: what follows them is not the count's own clause ("...,
# according to an AFP tally of national government figures": the source's words)
# (named apart from `_CLAUSE_OPENERS`, the openers of a subject's clause, which session 56's set had
# shadowed for :func:`_world_subject`)
_COMMA_OPENERS = frozenset(
    {
        "according",
        "with",
        "while",
        "whereas",
        "but",
        "as",
        "which",
        "where",
        "when",
        "although",
        "though",
        "after",
        "before",
    }
)


# a currency's noun right after a place's name: the name is the currency's ("a fund of 5 million U.S.
# dollars" in a story on Panama names no country the story is about)
_CURRENCY_AFTER = re.compile(r"\s+(?:dollars?|pesos?|pounds?|euros?|yuan|yen|rupees?)\b", re.IGNORECASE)


def _only_country(view: ArticleView, lex: ClaimsLexicon) -> tuple[str, ...]:
    """The one country a text is about when it names no other: the countries it names, and those of
    the regions and capitals it names, its dateline's included ("New Delhi, October 25: ... Maharashtra
    ... the total number of deaths nationwide"); () when they are not one. A journey's goal or origin is
    not what the text is about ("after returning from a trip to New York", in an Irish story), nor a
    currency's name ("5 million U.S. dollars", :data:`_CURRENCY_AFTER`)."""
    found = {c for _, c in _countries_named(view, lex)}
    return (found.pop(),) if len(found) == 1 else ()


def _country_pointed_back(view: ArticleView, lex: ClaimsLexicon, pos: int) -> tuple[str, ...]:
    """The country a national phrase at ``pos`` points back to ("The country's health ministry has so
    far recorded 1,349 confirmed cases", in a story on Russia whose last lines name the WHO and Mexico):
    the one country the text named before it, when the last place it named before it is of that
    country ("a 53-year-old Moscow woman"). Not when that place is of none the lexicon knows ("the
    person who died in Scotland ... the total in the country": Scotland's, not Mexico's before it)."""
    found = {c for start, c in _countries_named(view, lex) if start < pos}
    if len(found) != 1:
        return ()
    last = max(
        (
            (a, b)
            for a, b in view.place_mentions_in(0, pos)
            if b <= pos and view.segment_kind(a) in OWN_SEGMENTS
        ),
        key=lambda span: span[0],
        default=None,
    )
    country = found.pop()
    if last is None:
        return ()
    name = view.text[last[0] : last[1]]
    if country not in (lex.local_country(name), name, _kb_country(name.lower())):
        return ()
    return (country,)


def _countries_named(view: ArticleView, lex: ClaimsLexicon) -> list[tuple[int, str]]:
    """Where the text names a country of its own (:func:`_only_country`), and which."""
    cached = view.only_country_memo.get(id(lex))
    if cached is not None:
        return cached  # one article's counts ask in turn: read its entities once
    countries = lex.known_countries
    found: list[tuple[int, str]] = []
    for a, b in view.place_mentions_in(0, len(view.text)):
        if view.segment_kind(a) not in OWN_SEGMENTS:
            continue
        name = view.text[a:b]
        country = lex.local_country(name)
        if country and not _journeys_end(view.text, Place(name, a, b)):
            found.append((a, country))
    found += [
        (p.start, p.name)
        for p in view.places
        if p.name in countries
        and view.segment_kind(p.start) in OWN_SEGMENTS
        and not _journeys_end(view.text, p)
        and not _CURRENCY_AFTER.match(view.text, p.end)
    ]
    # a dateline NER did not type as a place ("RIYADH: Four new cases ..."), by its country or capital
    found += [
        (d.start, c)
        for d in view.datelines
        if (c := lex.local_country(d.name) or (d.name if d.name in countries else None))
    ]
    view.only_country_memo[id(lex)] = found
    return found


def _there(view: ArticleView, q: Quantity, win: Window) -> tuple[str, ...]:
    """ "Mexico has reported 1,626 cases, and 45 people have died there": *there* after the number
    is the place named last before it in its sentence (not the *there* of "there have been")."""
    right = [w.text for w in win.right[:6]]
    if "there" not in right:
        return _officials_there(view, q, win)
    i = right.index("there")
    if i + 1 < len(right) and right[i + 1] in (*AUX, "will", "would", "may", "might"):
        return ()
    s0 = view.sentence(q.start)[0]
    before = [p for p in view.places if s0 <= p.start and p.end <= q.start]
    return (before[-1].name,) if before else ()


# the nouns of those who report from a place, before its *there* ("officials there", "authorities there")
REPORTERS_THERE = wordset("officials authorities doctors experts sources ministry government hospitals media")


def _officials_there(view: ArticleView, q: Quantity, win: Window) -> tuple[str, ...]:
    """ "The outbreak has hit Peru hard. Officials there have reported 2,000 cases": *there* right
    after a noun of those who report (:data:`REPORTERS_THERE`: "officials there", "authorities
    there"), before the number, points back to the place named last before it, in its sentence or the
    one before (not the subject *there* of "since then there have been")."""
    left = win.left[-6:]
    k = next((k for k in range(len(left) - 1, 0, -1) if left[k].text.lower() == "there"), None)
    if k is None or left[k - 1].text.lower() not in REPORTERS_THERE:
        return ()
    s0 = view.sentence(q.start)[0]
    lo = view.sentence_before(s0)[0]
    before = view.places_in(lo, left[k].start)
    return (before[-1].name,) if before else ()


def _interval(q: Quantity, lex: ClaimsLexicon) -> tuple[float, float] | None:
    if q.value_max is not None and q.value is not None:
        return float(q.value), float(q.value_max)
    if q.value is None:
        return None
    v = float(q.value)
    qual = (q.qualifier or "").lower()
    if qual in lex.at_least:
        return v, float("inf")
    if qual in lex.at_most:
        return 0.0, v
    if qual in lex.about:
        w = lex.about_width
        return v * (1 - w), v * (1 + w)
    return v, v


def _source(st: Statement | None) -> tuple[SourceRef | None, tuple[str, ...]]:
    if st is None or st.speaker is None:
        return None, tuple(v.name or v.text for v in st.via) if st else ()
    sp = st.speaker
    return SourceRef(sp.name or sp.text, sp.entity, sp.anonymous), tuple(v.name or v.text for v in st.via)


@dataclass(slots=True)
class Measured:
    """A quantity with the measure read for it (what a later quantity of its sentence may share)."""

    q: Quantity
    thing: Thing | None
    generic: str | None
    state: str
    aspect: str
    about: tuple[str, ...]
    part: bool = False  # a part or an item of the value before it ("including 100 in the US")
    disease: str = ""  # another disease than the article's that it counts ("HIV": "HIV cases")
    estimate: bool = False  # an estimate of the real number ("100,000 likely cases"): no value
    named: str = ""  # the disease its clause (or its whole's) names, the article's own included


LIST_MARKS = frozenset({",", ";", "and", "or", "--", "—", "–", ":", "including", "to", "with"})
TOTAL_WORDS = ("total", "tally", "toll", "number", "figure", "count")
# prepositions: a noun phrase's post-modifier starts at one, never its head
NOUN_PHRASE_ENDS = wordset(
    "in at from to for with by on of into among between across over under within since after"
)
TOTAL_AFTER = ("in total", "in all", "altogether")
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def _past_aside(view: ArticleView, prev_q: Quantity, q: Quantity) -> int:
    """Where the words between the count before and ``q`` start: after a part set off after that count,
    its verb after the part ("Four people including a six-year-old boy tested positive ..., taking the
    total ... to 35": the part is none of the 35's), else right after that count."""
    aside = part_aside(view.text, prev_q)
    if aside is None:
        # "claimed four more lives, including a one-year-old, pushing the national toll to 40": a
        # participle of bringing after the comma that closes the part is the whole clause's
        m = _PART_ASIDE.match(view.text, prev_q.end)
        if m is not None and m.group("verb") in BRING:
            aside = (m.end("pre"), m.start("verb"))
    return aside[1] if aside is not None and aside[1] <= q.start else prev_q.end


def _relation(
    view: ArticleView, prev: Measured | None, q: Quantity, s0: int, win: Window, lex: ClaimsLexicon
) -> str:
    """How a bare number (or a gapped count of people, `_gapped`) relates to the quantity before it in
    its sentence: "subset" ("Of the 48 hostages, 20 ..."), "part" ("..., including 20 in Britain"),
    "list" ("125 in Japan, 103 in Spain and 101 in Britain"; "from 8 to 12"), "total" ("... bringing
    the total to 27"), or ""."""
    if prev is None or prev.thing is None or not (q.counts is None or _gapped(prev.q, q, win, lex)):
        return ""
    # "Spain has 95 cases, Britain 47": the place's name of a gapped item stands before its number
    item = _gapped_item_start(view, prev.q.end, q.start)
    between = [
        w.text for w in words(view.text, _past_aside(view, prev.q, q), q.start if item is None else item)
    ]
    frame = [w.text for w in words(view.text, max(s0, prev.q.start - 8), prev.q.start)][-2:]
    if _subset_relation(view, prev, q, s0, (frame, between), win, lex):
        return "subset"
    if _includes(between, lex, INCLUDE_WORDS):
        return "part"
    if _has(sorted(win.left, key=lambda w: w.start), TOTAL_WORDS) or _has(win.right[:3], TOTAL_AFTER):
        if {"while", "whereas"} & set(between):
            # "Cuba's total has jumped to 46 while Jamaican authorities say their last count was 32": a
            # clause of contrast gives a total of its own (`_bare_total`), not the count's before
            return ""
        return "total"  # "bringing the total to 27", "making eight in total"
    if _partitive_other(view, q, prev.thing, lex):
        return ""
    if between[-1:] == ["at"] and _higher_than(view, prev.q):
        return "total"  # "44 higher than on Tuesday at 2748": the level the rise reached
    if between == ["to"] and _up_before(view, prev.q.start):
        return "total"  # "cases up 60 to 202": the level the rise reached
    # a figure in brackets after a name is an item of a list ("include Spain (93), Britain (39)")
    bracket = view.text[prev.q.end : q.start].rstrip().endswith("(")
    if (between[-1:] and between[-1] in LIST_MARKS) or all(w in INHERIT for w in between[:2]) or bracket:
        if _own_participle(win, prev.thing, lex):
            return ""  # "44 deaths and 1,600 hospitalized": the item says what it counts itself
        return "list"
    if (
        _parallel_clause(view, prev.q, q)
        or _pronoun_total(between)
        or _RISE_AFTER.fullmatch(view.text, prev.q.end, q.start)
        or _elliptical_more(win)
    ):
        return "list"
    return ""


def _subset_relation(
    view: ArticleView,
    prev: Measured,
    q: Quantity,
    s0: int,
    around: tuple[list[str], list[str]],
    win: Window,
    lex: ClaimsLexicon,
) -> bool:
    """Whether a bare number names a subset of the count before it (``around``: the two words before that
    count and the words between them): a named subset (:func:`_named_subset`), a part of the last count of
    the sentence before (:func:`_opening_pronoun_part`), or one a contrast's own state defines ("159
    deaths in Mexico, but only 26 have been confirmed by tests")."""
    frame, between = around
    if _named_subset(view, q, frame, between) or (q.start == s0 and _opening_pronoun_part(view, q, s0, prev)):
        return True
    return (
        prev.thing is not None
        and between[-1:] in (["but"], ["though"], ["although"])
        and _stated_after(win, prev.thing, lex)
    )


def _named_subset(view: ArticleView, q: Quantity, frame: list[str], between: list[str]) -> bool:
    """Whether a bare number names a subset of the count before it: "Mexico has linked 149 deaths to the
    flu, of which 20 have been confirmed" (a value only in a state its own words give), "20 of the 45",
    and "1,200 cases worldwide, 800 of which are in Mexico" (the partitive pronoun after the number,
    also as the object of *account for*)."""
    if frame == ["of", "the"] or between[-2:] in (["of", "which"], ["of", "whom"]):
        return True
    # (and "..., and that Mexico accounted for 822 of them": *them* points back to the count)
    return _after_of_pronoun(view, q) is not None and (between[-1:] == [","] or _accounted_for(view, q))


def _stated_after(win: Window, thing: Thing, lex: ClaimsLexicon) -> bool:
    """Whether the bare number's own verb group right after it ends in a word of a state of ``thing``'s
    family ("but only 26 have been confirmed"): a part of the count before it in that state."""
    return _after_own_aux(win) in lex.state_words[thing.states]


# *and* and a verb of saying or counting after a part's closing comma: a new clause of the whole's
# subject ("..., including 45 deaths, and says 2,200 more are suspected"); a bare list goes on with the
# part ("..., including 48 deaths, and one each in Canada and Costa Rica")
_NEW_CLAUSE_AFTER_ASIDE = re.compile(
    r"\s*,\s*and\s+(?:(?:has|have|had|now|also)\s+)*"
    r"(?:says?|said|reports?|reported|confirms?|confirmed|estimates?|estimated|suspects?|suspected|fears?|feared)"
    r"(?:\s+(?:that|another|a\s+further|some|about|nearly|almost|over|more\s+than))*\s+",
    re.IGNORECASE,
)
# a part set off by *including* right after its whole ("1,626 cases, including 45 deaths")
_PART_OPENED = re.compile(r"\s*,?\s*including\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.IGNORECASE)


# a count, its noun or its place, then *with* before another count: "779 in Afghanistan with", "300 cases
# with", "2,494 in Egypt, with" (not set off by a comma after the noun: "300 cases, with 14 deaths, 10 in
# the capital" breaks down the part)
_ITEM_WITH = re.compile(
    r"\b\d(?:[\d,.]*\d)?(?:\s+[a-z-]+){0,2}(?:\s+in\s+(?:the\s+)?[A-Z][\w.'’ -]{1,40}?,?)?\s+with\s+"
    r"(?:(?:about|some|nearly|almost|at\s+least|more\s+than)\s+)?$"
)


def _with_object(view: ArticleView, q: Quantity) -> bool:
    """Whether ``q`` writes its own noun and is the object of *with* right after another count's item
    ("779 in Afghanistan with 14 deaths"): what that item has, not an item of its own ("Crete with 227
    cases", "seven deaths with four in Argentina" are)."""
    if not q.counts:
        return False
    s0 = view.sentence(q.start)[0]
    return _ITEM_WITH.search(view.text, max(s0, q.start - 70), q.start) is not None


def _whole_after_aside(
    view: ArticleView,
    near: tuple[Measured | None, Measured | None],
    q: Quantity,
    rel: str,
    thing: Thing | None,
) -> Thing | None:
    """The thing of a count that continues a clause after a part set off in it ("has now confirmed
    1,626 cases, including 45 deaths, and says 2,200 more are suspected": *and* and a verb of saying
    after the aside's comma): the noun it leaves out is the whole's (cases), not the part's the aside
    counts (a list after the part, "including 48 deaths, and one each in Canada", "including 45
    deaths, 30 in the capital", goes on with the part); ``near`` is the value before it and the
    sentence's first."""
    prev, head = near
    if rel == "list" and prev is not None and _with_object(view, prev.q) and q.counts is None:
        # "779 cases in Afghanistan with 14 deaths, 793 in Bahrain with 6 deaths": an item after a count
        # *with* an item goes on with the items, not with what they have (the count of the sentence's
        # first item, when it counts another thing; else no thing is told)
        if head is not None and head is not prev and head.thing is not prev.thing:
            return head.thing
        return None
    if rel != "list" or prev is None or head is None or head.thing is None or head is prev:
        return thing
    opened = _PART_OPENED.fullmatch(view.text, head.q.end, prev.q.start) is not None
    closed = _NEW_CLAUSE_AFTER_ASIDE.fullmatch(view.text, prev.q.end, q.start) is not None
    return head.thing if opened and closed and head.thing is not prev.thing else thing


def _elliptical_more(win: Window) -> bool:
    """ "The number of swine flu cases in Vietnam has risen to 97 after 13 more were confirmed", "...
    after the ministry confirmed 12 more": *more* right after a bare number with no noun after it
    leaves out the noun of the count before it in its sentence: more of the same thing. So does
    *another* / *a further* before such a number ("45 deaths ..., and the virus is suspected in another
    100")."""
    right = win.right
    if right and right[0].text == "more":
        return len(right) == 1 or right[1].text in _NO_NOUN_AFTER
    before = bool(win.left) and win.left[-1].text.lower() in ("another", "further")
    return before and not win.inner and (not right or right[0].text in _NO_NOUN_AFTER)


# what may follow an elliptical "N more": a verb's auxiliary, a participle's verb or a clause's end
_NO_NOUN_AFTER = frozenset(
    {"were", "was", "have", "had", "has", "are", "is", ",", ";", "on", "in", "at"}
    # a reduced relative's participle: "with a further 260 confirmed since Friday", "after 48 more confirmed"
    | {"confirmed", "reported", "recorded", "registered", "detected", "identified", "diagnosed", "suspected"}
)


_PARTITIVE_PRONOUNS = frozenset(PARTITIVE_PRONOUNS)


def _partitive_other(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """ "There are now 23 confirmed cases of H1N1 in Ireland, four of which involved in-country
    transmission": a number of *which* / *them* / *whom* after a count names a part of it by what its
    clause says. A clause that names no place and no word of a thing's predicates, nouns or states says
    something else of them (how they caught it, who they are), so the part is no value of the count's
    measure ("seven of them in Hanoi", "four of which were fatal", "two of them have died" are)."""
    after = _after_of_pronoun(view, q)
    return after is not None and bool(after) and _says_nothing_of(view, after[:10], thing, lex)


def _after_of_pronoun(view: ArticleView, q: Quantity) -> list[Word] | None:
    """The words of the sentence after "of them" / "of which" / ... right after the number (a part of
    the count before it), None when no such phrase follows it."""
    after = words(view.text, q.end, view.sentence(q.start)[1])
    if len(after) < 2 or after[0].text != "of" or after[1].text not in _PARTITIVE_PRONOUNS:
        return None
    return after[2:]


def _to_comma(ws: list[Word]) -> list[Word]:
    """``ws`` up to its first comma, semicolon or dash, or a conjunction of contrast that opens another
    clause ("only 14 were 'imported cases' while the remaining 1584 had been contracted ..."): the clause
    a part's words make."""
    cut = next((i for i, w in enumerate(ws) if w.text in (",", ";", "—", "–", "while", "whereas")), len(ws))
    return ws[:cut]


# the nouns of a nationality before its country: "citizens of Turkey", "nationals of the United States"
_NATIONALITY_OF = re.compile(
    r"\b(?:citizens?|nationals?|natives?|passport\s+holders?)\s+of\s+(?:the\s+)?$", re.I
)


def _says_nothing_of(view: ArticleView, ws: list[Word], thing: Thing, lex: ClaimsLexicon) -> bool:
    """Whether the words of a part's clause (up to its first comma or dash) say something else of the
    part than what the claims measure: no place, no word of a thing's predicates, nouns or states."""
    clause = _to_comma(ws)
    if not clause:
        return False
    # (a place the part's nationality names places it nowhere: "Of these cases, 14 were citizens of Turkey
    # travelling back, while eight were people of other nationalities")
    if any(
        not _NATIONALITY_OF.search(view.text, max(0, p.start - 30), p.start)
        for p in view.places_in(clause[0].start, clause[-1].end)
    ):
        return False
    if any(_has(clause, t.predicates) for t in lex.things.values()):
        return False
    # (the part's own noun again, modified, names a kind of it: "only 14 were 'imported cases'")
    if any(singular(w.text) in lex.head_words and singular(w.text) not in thing.heads for w in clause):
        return False
    return not any(_has(clause, ws) for ws in lex.states[thing.states].values())


def _part_said_otherwise(
    view: ArticleView,
    q: Quantity,
    prev: Measured | None,
    thing: Thing,
    rel: str,
    partitive: tuple[Thing, Window] | None,
    lex: ClaimsLexicon,
) -> bool:
    """ "62 people were hospitalised, 12 of them in intensive care": a bare number *of them* after a
    count of the thing its words read is a part of that count that its clause describes otherwise
    (:func:`_partitive_other`: no place, no word of a thing), no value of the count's measure; it read
    the thing off the whole's verb. So is a part of a partitive (``partitive``, "20 of the 45 ...")
    whose verb after the whole says something else of it, and a part of a fronted whole ("Of the new
    cases, 11 are males")."""
    if rel == "subset" and partitive is not None:
        # "20 of the 45 confirmed cases in Spain were students": the verb after the whole says who
        # the part are; not when it places them ("20 of the 45 cases were in Madrid")
        right = partitive[1].right
        if not right or _placed_predicate(view, right[0].start, q.start, lex) or _accounted_for(view, q):
            return False
        return _says_nothing_of(view, right, thing, lex)
    # "Of the new cases, 11 are males": so does the verb after a part of a fronted whole; "The dead
    # include 12 children": so does a part's own noun, unless a thing's ("The toll includes 12 deaths")
    fronted = (q.counts is None or _persons_only(q.counts, lex)) and _fronted_whole(view, q) is not None
    # "Of those, 46 cases had underlying medical conditions": a pronoun's whole, the part named by its noun;
    # "All three cases belonged in the high-risk category": *all* before a count names a set told before
    fronted = fronted or (_PRONOUN_WHOLE.search(view.text, max(0, q.start - 20), q.start) is not None)
    fronted = fronted or _ALL_OPENS.fullmatch(view.text, view.sentence(q.start)[0], q.start) is not None
    included = q.counts is not None and _included_object(view, q)
    if included and q.counts is not None and singular(q.counts.split()[-1].lower()) in lex.head_words:
        return False
    if fronted or included:
        return _says_nothing_of(view, words(view.text, q.end, view.sentence(q.start)[1]), thing, lex)
    return (
        not rel
        and q.counts is None
        and prev is not None
        and prev.thing is thing
        and _partitive_other(view, q, thing, lex)
    )


# *include* right before a count (a qualifier between): "The dead include 12 children"; so do *involve*
# and *comprise* ("The Cuban cases have involved 20 children and 26 adults", "The 26 persons comprised
# two foreigners and 24 Indonesians")
_INCLUDED = re.compile(
    r"\b(?:includ(?:e|es|ed)|involve[sd]?|compris(?:e|es|ed))\s+(?:(?:at\s+least|some|about|more\s+than)\s+)?$",
    re.IGNORECASE,
)


def _included_object(view: ArticleView, q: Quantity) -> bool:
    """Whether the count is the object of *include* ("The dead include 12 children"): a part of the set
    the subject names."""
    return _INCLUDED.search(view.text, max(view.sentence(q.start)[0], q.start - 30), q.start) is not None


# a rise set off right after a count: "Confirmed cases in Britain: 339 (up 22)", "... 1,490, up 300", "has
# reached 7,520, rising more than 1,000 in 24 hours"
_RISE_AFTER = re.compile(
    r"\s*(?:\(|,|--?|—|–)\s*(?:up|(?:rising|increasing|climbing|jumping|growing)(?:\s+by)?)\s+"
)


# the verbs of a total's value ("it stood at 11", "it reached 27", "it rose to 40")
TOTAL_VERBS = wordset("stood stands stand was is reached reaches rose rises climbed climbs jumped hit topped")


def _pronoun_total(between: list[str]) -> bool:
    """ "In Spain, the number of confirmed cases rose to 88, while in Germany it stood at 11"; "In Mexico
    the toll rose to 108; in the U.S. it reached 27": *it* after a join of clauses stands for the total
    of the clause before, and the number its verb gives is another value of that total."""
    if len(between) < 3 or between[-1] not in ("at", "to", *TOTAL_VERBS):
        return False
    tail = between[-3:] if between[-1] in ("at", "to") else between[-2:]
    if tail[0] != "it" or tail[1] not in TOTAL_VERBS:
        return False
    return bool(set(between[: -len(tail)]) & CLAUSE_JOINS)


# the words that join a clause repeating the verb of the clause before ("..., Chile has 7,376")
CLAUSE_JOINS = frozenset({",", ";", "and", "while", "whereas", "but", "the"})


def _parallel_clause(view: ArticleView, prev_q: Quantity, q: Quantity) -> bool:
    """ "Argentina has 1,587 cases, Chile has 7,376 and Uruguay has 195", "Ecuador has registered 19
    cases; Bolivia has 15": a bare number after a place and a verb of the clause before (its noun left
    out, its verb written again), in a clause of its own joined to it, is an item of its list."""
    names = view.places_in(prev_q.end, q.start)
    if not names:
        return False
    name = names[-1]
    # (the item's subject may be a coordination of places: "New Zealand has six, France and Israel have
    # four each", its verb then in the plural)
    inside = [(p.start, p.end) for p in names]
    head = [
        w.text
        for w in words(view.text, prev_q.end, name.start)
        if not any(a <= w.start < b for a, b in inside)
    ]
    verb = [w.text.lower() for w in words(view.text, name.end, q.start)]
    if not head or head[0] == "the" or not set(head) <= CLAUSE_JOINS | {"each"} or not 1 <= len(verb) <= 2:
        return False
    before = [w.text.lower() for w in words(view.text, max(0, prev_q.start - 40), prev_q.start)][-3:]
    return _same_verb(verb[0], before) and all(w.isalpha() for w in verb)


# a verb's forms in the singular and the plural: "Spain has 54, France and Israel have four each"
_VERB_NUMBER = {"has": "have", "is": "are", "was": "were"}


def _same_verb(verb: str, before: list[str]) -> bool:
    """Whether ``verb`` is written among ``before``, in either number."""
    forms = {verb, _VERB_NUMBER.get(verb, verb), *(k for k, v in _VERB_NUMBER.items() if v == verb)}
    return bool(forms & set(before))


# nothing but blanks, or a possessive's ending and blanks
_POSSESSIVE_ONLY = re.compile(r"(?:" + POSSESSIVE_ENDING + r")?\s*")


def _gapped_item_start(view: ArticleView, a: int, start: int) -> int | None:
    """Where a gapped item opens in ``[a, start)``: the place's name written right before a number, after
    a list mark ("..., Britain 47"), its article with it ("..., the United States 896"); the item's own
    place, its verb and noun left out. None when there is none."""
    names = view.places_in(a, start)
    # (a possessive between them is the item's too: "Argentina's 1,587 cases and Japan's 1,446")
    if not names or _POSSESSIVE_ONLY.fullmatch(view.text, names[-1].end, start) is None:
        return None
    before = view.text[a : names[-1].start].rstrip()
    the = _THE_END.search(before)
    if the is not None:
        before = before[: the.start()]
    if not (before.endswith(",") or before.endswith(" and")):
        return None
    return a + the.end() - len("the") if the is not None else names[-1].start


# a name's article at the end of the words before it
_THE_END = re.compile(r"\s+the$", re.IGNORECASE)


def _gapped(prev: Quantity, q: Quantity, win: Window, lex: ClaimsLexicon) -> bool:
    """ "590 people infected in Mexico and 226 people in the United States": a count of the same person
    noun as the one before it, with no predicate of its own (not "three million people affected"), is
    the gapped second item of its list."""
    if q.counts is None or prev.counts is None or q.counts.lower() != prev.counts.lower():
        return False
    own = bool(win.right) and (win.right[0].text.endswith(("ed", "ing")) or win.right[0].text in AUX)
    return not own and singular(q.counts.split()[-1]) in lex.persons


def _own_participle(win: Window, thing: Thing, lex: ClaimsLexicon) -> bool:
    """A bare number followed by a participle its thing does not take ("1,600 hospitalized",
    "85 recovered") counts what the participle says, not the list's thing."""
    if not win.right or win.inner:
        return False
    w = win.right[0].text
    if w in ILL and thing.name != "cases":
        return True  # "death toll in Mexico now 149 with 1,600 ill": the ill are cases, not deaths
    if 0 in _has(sorted(win.right, key=lambda x: x.start)[:4], CONDITIONS):
        return True  # "20 deaths, and 12 in hospital": where the people are, a condition, no death
    known = {x for ws in lex.states[thing.states].values() for x in ws} | thing.modifiers
    return w.endswith("ed") and w not in thing.predicates and w not in known and w not in _NEUTRAL_VERBS


# verbs that say a counted thing happened or was counted, nothing of what it is: an item of a list with
# one of them still counts the list's thing ("Of all the deaths, 3,406 occurred in the Americas, 530
# occurred in South-East Asia")
_NEUTRAL_VERBS = frozenset(
    {
        "occurred",
        "happened",
        "reported",
        "recorded",
        "registered",
        "detected",
        "identified",
        "logged",
        "counted",
    }
)


# adjectives that say the people counted have the disease ("1,600 ill", "200 sick"): cases
ILL = frozenset({"ill", "sick"})
# the conditions a bare number of a list may be in ("and 12 in hospital"): a measure of their own
CONDITIONS = (
    "in hospital", "in intensive care", "in critical condition", "in a critical condition",
    "in serious condition", "in a serious condition", "in isolation", "in quarantine",
)  # fmt: skip


def _countries_in_sentence(
    view: ArticleView, qs: list[Quantity], s0: int, s1: int, lex: ClaimsLexicon
) -> bool:
    """A sentence counting countries ("in 33 countries") gives figures about the world; not the
    countries of a region it names ("the 22 countries of North, Central and South America")."""
    return any(
        s0 <= o.start < s1
        and o.counts
        and singular(o.counts.split()[-1]) in lex.world_counts
        and not _REGION_OF_COUNTRIES.match(view.text, o.end)
        for o in qs
    )


def _fronted_place(view: ArticleView, s0: int, q: Quantity) -> tuple[str, ...]:
    """A place fronted in its sentence ("In Mexico, the government puts the toll at 150") or heading
    a list line ("US: one death, at least 109 confirmed cases") scopes what follows it, unless
    another place comes between."""
    before = [
        p for p in view.places if s0 <= p.start and p.end <= q.start and not _in_where_clause(view.text, p, q)
    ]
    if not before:
        return ()
    first, last = before[0], before[-1]
    lead = [w.text for w in words(view.text, s0, first.start)]
    if lead in (["in"], ["in", "the"]) and view.text[first.end : first.end + 2].lstrip().startswith(","):
        return (first.name,) if first.name == last.name else ()
    if view.text[last.end : last.end + 2].startswith(":"):
        return (last.name,)
    return ()


def _speaker_place(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[str, ...]:
    """The country of the source when its description names one ("Mexican Health Secretary Jose
    Angel Cordova said ...", "British officials say ...", "The Ministry of Health of Peru said ..."):
    a national authority's figure without a place is about its country."""
    st = _statement_of(view, q)
    if st is None or st.speaker is None:
        return ()
    sp = st.speaker
    s0 = view.sentence(sp.start)[0]
    # the words before the speaker's name that describe it, not the content or the cue before it
    # ("6,250 deaths to date, mostly in the Americas region, according to the World Health Organization")
    lo = max(
        [s0, sp.start - 40] + [e for e in (st.content.end, st.cue.end if st.cue else 0) if e <= sp.start]
    )
    names = {p.name for p in view.places_in(lo, sp.end) if not _lab_city(view.text, p)}
    # a demonym or country in the speaker's own description ("Mexican Health Secretary ...")
    from saidwhat.entities.resources import fold  # here: see _after_number

    folded_aliases = {fold(k): v for k, v in view.aliases.items()}
    countries = _folded_countries(lex.country_names)
    # and in the description the article gives the speaker elsewhere ("Mexican Health Minister Jose
    # Angel Cordova told reporters ..." then "He said 16 deaths were confirmed")
    toks = fold(f"{sp.text} , {_speaker_title(view, sp)} , {_described_before(view, sp)}").split()
    # (a demonym that opens a region's name is no nation: "the British Columbia Centre for Disease
    # Control" is British Columbia's)
    opens_region = {i for i in range(len(toks) - 1) if f"{toks[i]} {toks[i + 1]}" in lex.folded_region_names}

    def country_of(w: str) -> str | None:
        return _kb_country(w) or countries.get(w) or folded_aliases.get(w)

    for n in (2, 1):
        for i in range(len(toks) - n + 1):
            if n == 1 and (i in opens_region or _prefixed_demonym(toks, i, country_of)):
                continue
            country = country_of(" ".join(toks[i : i + n]))
            if country:
                names.add(view.aliases.get(country, country))
    return (names.pop(),) if len(names) == 1 else ()


# words that make a demonym after them a region's or a continent's: "the Pan American Health
# Organization", "the Inter-American Development Bank", "Latin American", "West African" (folding drops
# the hyphen of "Inter-American")
_REGION_PREFIXES = frozenset({"pan", "inter", "latin", "central", "meso", "north", "south", "east", "west"})


def _prefixed_demonym(toks: list[str], i: int, country_of: Callable[[str], str | None]) -> bool:
    """Whether the word at ``i`` follows a prefix of regions with which it names no country (by
    ``country_of``, :func:`_speaker_place`'s reading of folded words): "Pan American" is no American's,
    "South African" is South Africa's (its two words name the country, and are read as such before one
    word is)."""
    return i > 0 and toks[i - 1] in _REGION_PREFIXES and not country_of(f"{toks[i - 1]} {toks[i]}")


@lru_cache(maxsize=4)
def _folded_countries(names: frozenset[str]) -> dict[str, str]:
    """The names of the world's countries, folded (a name inside a body's: "The Ministry of Health of
    Peru"), less those that are also a person's or a US state's (read once per lexicon, whose
    ``country_names`` is one set)."""
    from saidwhat.entities.resources import fold

    return {fold(c): c for c in names - AMBIGUOUS_COUNTRIES}


def _body_place(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "The Health Protection Agency (HPA) said it was investigating 230 possible cases": the figure
    of a national body (`[places] national_bodies`) that the source names (not a pronoun the attribution
    resolved to it) is about its country."""
    st = _statement_of(view, q)
    if st is None or st.speaker is None or st.speaker.text.strip().lower() in lex.pronouns:
        return ()
    from saidwhat.entities.crossdoc import load_crossdoc  # here: see _after_number

    name = st.speaker.name or ""
    # a body known by its short form ("The CDC reported 896 confirmed cases"): its full name
    country = lex.national_bodies.get((load_crossdoc().full_name(name) or name).lower())
    return (country,) if country else ()


# between a body that opens the count's clause and the count: its own verb of reporting ("The United States
# Government has reported 91 ...", "the Mexican Health Ministry confirmed 20 ...")
_BODY_VERB_GAP = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:now|so\s+far|also|already|officially)\s+)?"
    r"(?:reported|confirmed|recorded|registered|announced|notified|detected|identified|counted|reports|confirms)"
    r"\s+(?:(?:a\s+total\s+of|at\s+least|more\s+than|over|about|some|nearly|almost|another|a\s+further)\s+)?$",
    re.IGNORECASE,
)


def _reporting_body_place(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "The United States Government has reported 91 laboratory confirmed human cases", whoever the
    sentence is quoted from (a WHO update a page quotes with an unclosed quotation mark, "The WHO said:
    '...'"): the count is the object of a verb of reporting whose subject is a body named by its nation
    ("the Mexican Health Ministry", "The New Zealand Ministry of Health"), so it is that nation's figure.
    Only such a body right before its verb, and the count its object (a qualifier between)."""
    for b in _reporting_bodies(view, lex):
        if s0 <= b.start and b.end <= q.start and _BODY_VERB_GAP.fullmatch(view.text, b.end, q.start):
            return (b.name,)
    return ()


def _reporting_bodies(view: ArticleView, lex: ClaimsLexicon) -> list[Place]:
    """The mentions of the organisations whose name opens with a country's name or its people's (one to
    three words), each as a place of that country, in the entities' order (read once per article and
    lexicon: every count of the article may ask, :func:`_reporting_body_place`)."""
    cached = view.reporting_bodies_memo.get(id(lex))
    if cached is not None:
        return cached
    from saidwhat.entities.resources import fold  # here: see _after_number

    countries = _folded_countries(lex.country_names)
    out: list[Place] = []
    for e in view.analysis.entities:
        if e.type != "ORG":
            continue
        name = fold(e.name).split()
        if _NOT_BODIES.intersection(name):
            continue
        country = next(
            (
                c
                for k in (3, 2, 1)
                if len(name) > k - 1
                and (c := _kb_country(" ".join(name[:k])) or countries.get(" ".join(name[:k])))
            ),
            None,
        )
        if country is not None:
            out += [Place(country, m.start, m.end) for m in e.mentions]
    view.reporting_bodies_memo[id(lex)] = out
    return out


# a national office as the subject that opens a sentence, named by its post alone: "The Health Minister,
# Maria Luisa Avila, to combat the rise in confirmed infections which now stands at 718 and 22 deaths,
# extended ..."
_OFFICE_SUBJECT = re.compile(
    r"\s*The\s+(?:[A-Z][a-z]+\s+){0,2}(?:Minister|Ministry|Secretary|Government)\b(?![\w'’-])"
)


def _office_subject(view: ArticleView, q: Quantity) -> bool:
    """Whether the count's sentence opens with a national office named by its post alone, as its
    subject, before the count (:data:`_OFFICE_SUBJECT`); the office's words name no place (else another
    rule reads it)."""
    s0 = view.sentence(q.start)[0]
    m = _OFFICE_SUBJECT.match(view.text, s0)
    return m is not None and m.end() <= q.start and not view.places_in(s0, m.end())


def _office_place(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "Mexico has been hardest hit. Health Secretary Jose Angel Cordova said 2,059 people had been
    infected": a national office (`[places] offices`) whose description names no country (else
    :func:`_speaker_place`) speaks for the one country the article names (:func:`_only_country`); one that
    opens the count's sentence as its subject (:func:`_office_subject`), for the country the text points
    back to (:func:`_country_pointed_back`)."""
    st = _statement_of(view, q)
    if st is None or st.speaker is None:
        # (the country the text named last before it: "the Government" of a Scottish story is no other's)
        return _country_pointed_back(view, lex, q.start) if _office_subject(view, q) else ()
    if st.speaker.text.strip().lower() in lex.pronouns:
        return ()
    from saidwhat.entities.resources import fold  # here: see _after_number

    sp = st.speaker
    if not set(re.findall(r"[\w-]+", fold(f"{sp.text} {_speaker_title(view, sp)}"))) & lex.offices:
        return ()
    # a reporter filing from a country's capital quotes that country's office ("MEXICO CITY ... Health
    # Minister Jose Angel Cordova said 159 people had died", whatever other country the story names)
    dateline = _dateline_country(view, lex)
    return (dateline,) if dateline else _only_country(view, lex)


def _described_before(view: ArticleView, sp: Speaker) -> str:
    """How the article wrote the speaker where it named it before ("Mexican health ministry spokesman
    Carlos Olmos said ..." then "He said ... 1,578 people were ill"): the speaker text of its entity's
    first statement, when that is another mention than ``sp``; a person's only: *it* is resolved to a
    body less surely than *he* or *she* to a person."""
    if sp.entity is None or not any(e.id == sp.entity and e.type == "PERSON" for e in view.analysis.entities):
        return ""
    first = view.first_speaker(sp.entity)
    return first.text if first is not None and first.start < sp.start else ""


def _speaker_title(view: ArticleView, sp: Speaker) -> str:
    """The description the article gives the speaker elsewhere, as its entity's ``title`` ("Mexican
    Health Minister Jose Angel Cordova told reporters ..." then "He said ..."); "" when none."""
    return next((e.attributes.get("title", "") for e in view.analysis.entities if e.id == sp.entity), "")


def _between_cue_and_content(view: ArticleView, q: Quantity) -> Statement | None:
    """ "Cordova said of 159 suspected flu deaths, tests showed ...": a number between a statement's
    cue and its content, in one sentence, is what the speaker speaks of."""
    s0, s1 = view.sentence(q.start)
    for st in view.analysis.statements:
        cue = st.cue
        if cue is not None and s0 <= cue.start and cue.end <= q.start and q.end <= st.content.start < s1:
            return st
    return None


def _statement_of(view: ArticleView, q: Quantity) -> Statement | None:
    """The statement a count is the speaker's word in: the one whose content holds it, else the one
    whose cue and content it stands between (`_between_cue_and_content`: "The WHO said on Saturday 72
    people had died", where the parse leaves the number to the weekday)."""
    return view.statement_covering(q.start, q.end) or _between_cue_and_content(view, q)


def _global_source(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """Whether a global body gives the count: its headline's source, the speaker or a relay of its
    statement, or the subject that keeps its tally (:func:`_global_tally`)."""
    if _headline_source(view, q, lex) or _global_tally(view, q, view.sentence(q.start)[0], lex):
        return True
    st = _statement_of(view, q)
    if st is None:
        return False
    names = [st.speaker.name or st.speaker.text] if st.speaker else []
    names += [v.name or v.text for v in st.via]
    return any(n.lower() in lex.global_sources or _global_figures(n, lex) for n in names)


def _world_of_sources(
    view: ArticleView, qs: list[Quantity], q: Quantity, sentence: tuple[int, int], lex: ClaimsLexicon
) -> tuple[str, ...]:
    """The world, for an unplaced count of a sentence that names several countries, or of a global
    body (:func:`_global_source`: "The WHO said 1,085 cases had been confirmed"); but a global body's
    figure in an article on a disaster at one place is of that place (:func:`_disaster_country`:
    "The UN said at least 3,000 people had been killed" after "A quake struck Haiti")."""
    if _countries_in_sentence(view, qs, *sentence, lex):
        return ("world",)
    if _global_source(view, q, lex):
        return _disaster_country(view, lex) or ("world",)
    return ()


def _disaster_country(view: ArticleView, lex: ClaimsLexicon) -> tuple[str, ...]:
    """The one country an article writes a located event at ("quake-hit Haiti", :func:`_event_countries`)
    when it names no disease proper (an outbreak spreads; a quake, a flood happen at one place)."""
    cached = view.disaster_memo.get(id(lex))
    if cached is not None:
        return cached  # every global body's count of the article asks: read the article once
    named = _event_countries(view, lex)
    one = len(named) == 1 and not _has(words(view.text), lex.pathogen_names)
    out = (next(iter(named)),) if one else ()
    view.disaster_memo[id(lex)] = out
    return out


def _global_tally(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> bool:
    """Whether a global body opens the count's sentence as the subject that keeps the tally the count
    gives ("The World Health Organization (WHO) today raised its tally of confirmed human cases of swine
    flu to 615"): its own figures, the world's."""
    # (the subject and its tally open the sentence: read a bounded way, a hostile one-line text stays linear)
    end = min(q.start, s0 + 300)
    return _global_tally_pattern(tuple(sorted(lex.global_sources))).match(view.text, s0, end) is not None


@lru_cache(maxsize=4)
def _global_tally_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """A global body as a sentence's subject (its acronym in brackets after it), then, in its clause, its
    own tally: "The WHO raised its tally of ... to"."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"\s*(?:the\s+)?(?:{alts})(?:\s*\([A-Z]+\))?\s[^.;:,]*?\bits\s+(?:[\w-]+\s+){{0,2}}"
        r"(?:tally|count|toll|total|figures?)\b",
        re.IGNORECASE,
    )


def _headline_source(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "Swine flu death toll close to 1,800: WHO": a headline's source written after a colon that ends
    its line is a global body (the attribution reads no statement there)."""
    s1 = view.sentence(q.start)[1]
    m = _HEADLINE_SOURCE.match(view.text[q.end : s1])
    return m is not None and m.group(1).lower() in lex.global_sources


# the rest of a headline's line after a count: words, a colon, then a source's name that ends the line
_HEADLINE_SOURCE = re.compile(r"[^:\n]*:\s*(?:the\s+)?([A-Z][\w .'’-]{1,40}?)\s*[.]?\s*$")


# nouns of a source that is a body's figures: "According to the latest WHO tally, 65 people have died"
FIGURE_HEADS = frozenset(
    {
        "tally",
        "count",
        "figures",
        "figure",
        "data",
        "statistics",
        "numbers",
        "toll",
        "totals",
        "labs",
        "lab",
        "laboratories",
        "laboratory",
    }
)


# the documents a body issues its figures in
REPORT_HEADS = frozenset({"update", "updates", "report", "reports", "bulletin", "statement"})


def _global_figures(name: str, lex: ClaimsLexicon) -> bool:
    """A source phrase that names a global body's figures ("the latest WHO tally", "the WHO's latest
    tally", "the latest WHO tally of confirmed cases"): the body's own figures are about the world, as
    the body itself would be."""
    toks = [t.lower() for t in re.findall(r"[\w.]+", re.sub(r"['’]s\b", "", name))]
    # a report the body issued, its source after *from* or *by*: "the latest update from the World Health
    # Organisation", "figures released by the WHO"
    for k, t in enumerate(toks[1:], 1):
        if t in ("from", "by") and (toks[k - 1] in FIGURE_HEADS | REPORT_HEADS or toks[k - 1] == "released"):
            after = f" {' '.join(toks[k + 1 :])} "
            if any(f" {g} " in after or after.strip() in (g, f"the {g}") for g in lex.global_sources):
                return True
    # (the head stands before a post-modifier: "the latest WHO tally of confirmed influenza A(H1N1) cases")
    toks = toks[: toks.index("of")] if "of" in toks else toks
    if not toks or toks[-1] not in FIGURE_HEADS:
        return False
    joined = f" {' '.join(toks)} "
    return any(f" {g} " in joined for g in lex.global_sources)


AUX = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"})


# verbs no noun phrase takes as a modifier after it, so that they are the clause's own verb: modals,
# *remain*, and intransitive verbs of dying ("the 12 patients died" is a sentence; a participle after a
# noun is a passive, "the 34 cases confirmed in the UK")
_OWN_VERBS = (
    AUX | _FINITE | {"died", "die", "dies", "perished", "succumbed", "remained", "could", "may", "might"}
)


def _before_aux(ws: list[Word]) -> list[Word]:
    """The words before the first auxiliary (or other verb of the clause, ``_OWN_VERBS``): in "the 34
    cases confirmed in the UK were acquired here" the participle modifies the whole, the verb after the
    auxiliary says something of the part; in "3 of the 12 patients died" the verb is the part's."""
    for i, w in enumerate(ws):
        if w.text in _OWN_VERBS:
            return ws[:i]
    return ws


def _whole_window(win: Window, is_whole: bool) -> Window:
    """The window of the whole of a partitive ("20 of the 45 cases were in Madrid", "90 per cent of the
    3,000 deaths have been in the Americas", "20 of the 45 cases have recovered"): the verb after its
    noun phrase says something of the part, so the whole reads neither it nor a place after it."""
    if not is_whole:
        return win
    right = _before_aux(win.right)
    if len(right) == len(win.right):
        return win
    cut = win.right[len(right)].start
    return replace(win, right=right, clause=(win.clause[0], min(win.clause[1], cut)))


def _next_whole(
    view: ArticleView, q: Quantity, next_q: Quantity | None, lex: ClaimsLexicon
) -> tuple[Thing | None, Window] | None:
    """For a bare number right before *of (the)* and the next count ("20 of the 149 deaths", "in 31 of
    the 32 departments"): the thing the whole counts (None: a noun no thing of the lexicon is) and the
    whole's window, read once; None when the number is no such part."""
    if next_q is None or q.counts is not None or not _part_of_whole(view, q, next_q):
        return None
    return _thing_of_next(view, q, next_q, lex)


def _part_of_next(
    q: Quantity, whole: tuple[Thing | None, Window] | None, lex: ClaimsLexicon
) -> tuple[Thing, Window] | None:
    """The thing of "N of the M things ..." (a bare number's, :func:`_next_whole`) and the window after
    the whole, or None. The whole's own words (its state) are the part's too, unless the verb after
    the whole gives the part a state of its own ("10 of the 14 probable cases have now been confirmed":
    confirmed, no longer probable)."""
    if whole is None:
        return None
    thing, nwin = whole
    if thing is None:
        return None
    after = nwin.right[len(_before_aux(nwin.right)) :]
    own = any(_has(after, ws) for ws in lex.states[thing.states].values())
    return thing, Window([] if own else nwin.inner, [], after, (q.start, nwin.clause[1]))


def _part_of_other(whole: tuple[Thing | None, Window] | None, next_q: Quantity | None) -> bool:
    """Whether a bare number is a part of a whole that counts a noun no thing of the lexicon is ("in 31
    of the 32 departments", :func:`_next_whole`): it counts that noun, and so measures nothing the
    claims track."""
    return whole is not None and whole[0] is None and next_q is not None and next_q.counts is not None


# what may stand between two coordinated numbers that share the second's noun ("at least 20 and up to 81
# deaths", "20 or 30 cases")
SHARED_NOUN_GAP = frozenset(
    {"and", "or", "at", "least", "most", "up", "to", "more", "than", "as", "many", "nearly"}
)


def _noun_of_next(view: ArticleView, q: Quantity, next_q: Quantity, lex: ClaimsLexicon) -> Thing | None:
    """The thing of "at least 20 and up to 81 deaths": a bare number whose words name no thing,
    coordinated with the next number, counts what that one's noun counts."""
    between = [w.text for w in words(view.text, q.end, next_q.start)]
    if not between or between[0] not in ("and", "or") or not set(between) <= SHARED_NOUN_GAP:
        return None
    if next_q.counts is None or next_q.counts.lower() not in next_q.text.lower():
        return None  # the next number's noun must be its own, written after it
    return _thing_of_next(view, q, next_q, lex)[0]


# words that join to a total the change that brought it ("rose to 300 after 20 more tested positive")
RISE_JOINS = frozenset({"after", "with", "as"})
# words a total and the rise after it may have between them ("stood at 20 on Thursday after")
RISE_GAP = 8


def _total_before_rise(view: ArticleView, q: Quantity, next_q: Quantity, lex: ClaimsLexicon) -> Thing | None:
    """ "Chile's tally rose to 300 after 20 more people tested positive", "The total in Indonesia
    stood at 20, with five new cases": a total that names no thing, joined to the increment that
    brought it, counts what the increment counts (the mirror of "..., bringing the total to 27")."""
    s0, s1 = view.sentence(q.start)
    if not _has(words(view.text, max(s0, q.start - 60), q.start)[-6:], TOTAL_WORDS):
        return None
    gap = words(view.text, q.end, next_q.start)
    between = [w.text for w in gap]
    if not between or len(between) > RISE_GAP or not RISE_JOINS & set(between):
        return None
    # the increment's word before its number ("with a further 59 cases") or after it ("five more")
    rise = gap[-2:] + words(view.text, next_q.start, min(s1, next_q.end + 12))[:3]
    if not _has(rise, lex.aspects["new"]):
        return None
    return _thing_of_next(view, q, next_q, lex)[0]


def _thing_of_next(
    view: ArticleView, q: Quantity, next_q: Quantity, lex: ClaimsLexicon
) -> tuple[Thing | None, Window]:
    """The thing the next quantity counts, read in its own window to the end of the sentence, and that
    window: what a partitive's whole or a coordinated count's noun gives the number before it."""
    nwin = window(view, next_q, None, view.sentence(q.start)[1], lex)
    return _thing_of(next_q, nwin, lex)[0], nwin


def _past_countries(
    view: ArticleView, qs: list[Quantity], prev: Measured | None, head: Measured | None, lex: ClaimsLexicon
) -> Measured | None:
    """ "5,251 confirmed cases in some 30 countries, with 61 having died", "2,532 confirmed cases in 44
    states, including three deaths": the places counted are where the count before them is counted
    (:func:`_in_countries`), so what follows relates to that count."""
    if prev is None or prev.thing is not None or head is None or head.q not in qs:
        return prev
    k = qs.index(head.q)
    if k + 1 < len(qs) and qs[k + 1] is prev.q and _in_countries(view, head.q, qs, lex, _PLACES_COUNTED):
        return head
    return prev


def _place_neighbour(
    prev: Measured | None, past: Measured | None, prev_q: Quantity | None
) -> Quantity | None:
    """The quantity whose place a count may take as the one right before it: "2,532 confirmed cases in 44
    states, and three deaths": the count before the states counted (:func:`_past_countries`)."""
    return past.q if past is not None and past is not prev else prev_q


def _past_rise(view: ArticleView, prev: Measured | None, head: Measured | None) -> Measured | None:
    """ "Britain's confirmed cases rose to 1,752, up 211 from Wednesday, with 1,346 in England": a rise
    set off right after a count is an aside on it (:data:`_RISE_AFTER`), so what follows the aside
    relates to that count, not to the rise (1,346 had been new cases, "with 45 deaths" new deaths)."""
    if prev is None or head is None or prev is head or prev.aspect != "new":
        return prev
    m = _RISE_AFTER.match(view.text, head.q.end)
    return head if m is not None and m.end() == prev.q.start else prev


# a count joined to the head count by *with* ("reached 11,034 with 85 deaths") and an appositive rise
# after it (", an increase of nearly 800")
_WITH_JOIN = re.compile(r"\s+with\s+(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?")
_APPOSITIVE_RISE = re.compile(
    r"[^,;.]*,\s*(?:an?\s+)?(?:increase|rise|jump|surge)\s+of\s+"
    r"(?:(?:nearly|about|almost|some|over|more\s+than|around)\s+)?$",
    re.IGNORECASE,
)


def _with_rise(
    view: ArticleView, prev: Measured | None, head: Measured | None, q: Quantity
) -> Measured | None:
    """ "The tally of cases reached 11,034 with 85 deaths early today, an increase of nearly 800 since
    yesterday": a rise set off after a clause whose count has another count *with* it is a rise of the
    clause's own count (the cases), not of the one joined to it (the deaths): the count before it is the
    clause's (whose noun the rules may then not read: no value rather than 800 new deaths)."""
    if prev is None or head is None or prev is head or prev.q.start < head.q.end:
        return prev
    if not _WITH_JOIN.fullmatch(view.text, head.q.end, prev.q.start):
        return prev
    return head if _APPOSITIVE_RISE.fullmatch(view.text, prev.q.end, q.start) else prev


def _neighbours(
    view: ArticleView, qs: list[Quantity], i: int, s0: int, s1: int
) -> tuple[Quantity | None, Quantity | None]:
    """The quantities just before and after ``qs[i]`` in its sentence ``[s0, s1)`` (None: none); a
    population in an aside is none ("India, home to 1.2 billion people, has 4,000 cases": the count's
    subject is before it, :func:`_population_aside`)."""
    q = qs[i]
    prev_q = qs[i - 1] if i > 0 and qs[i - 1].end <= q.start and qs[i - 1].start >= s0 else None
    if prev_q is not None and _population_aside(view, prev_q, q):
        prev_q = None
    if prev_q is not None and i > 1 and qs[i - 2].start >= s0 and _from_aside(view, qs[i - 2], prev_q, q):
        prev_q = qs[i - 2]  # "confirmed 101 deaths, up from 97 a day earlier, and 4,541 cases"
    k = _before_bracket(view, qs, i - 1, q.start) if prev_q is not None else None
    if k is not None and qs[k].start >= s0:
        # "with 6,640 (23% of all the 28.751 in the region), followed by Saudi Arabia with 4,119"
        prev_q = qs[k]
    next_q = qs[i + 1] if i + 1 < len(qs) and qs[i + 1].start < s1 else None
    return prev_q, next_q


# the earlier value of a change set off after a count: ", up from 97 a day earlier,"
_FROM_ASIDE_OPEN = re.compile(r"\s*,\s*(?:up|down)\s+from\s+(?:about\s+|some\s+)?")
_FROM_ASIDE_CLOSE = re.compile(r"[^.;:,\d]{0,40},\s*(?:and|as\s+well\s+as)\s+(?:about\s+|some\s+|nearly\s+)?")
# the whole aside, its earlier value included (:func:`_joined_words` reads past it)
_FROM_ASIDE = re.compile(_FROM_ASIDE_OPEN.pattern + r"\d[\d,.]*[^.;:,\d]{0,40},")


def _from_asides(view: ArticleView, qs: list[Quantity]) -> frozenset[int]:
    """The indices of the quantities that are the earlier value of a change set off between two counts
    (:func:`_from_aside`), or that stand in brackets right after a count, closed before the next count
    (:func:`_before_bracket`)."""
    return frozenset(
        i
        for i in range(1, len(qs) - 1)
        if _from_aside(view, qs[i - 1], qs[i], qs[i + 1])
        or _before_bracket(view, qs, i, view.sentence(qs[i].start)[1]) is not None
    )


def _before_bracket(view: ArticleView, qs: list[Quantity], k: int, end: int) -> int | None:
    """The index of the count a bracket opens right after, when ``qs[k]`` stands inside that bracket and it
    closes before ``end`` ("6,640 (23% of all the 28.751 in the region), followed by Saudi Arabia with
    4,119": the share and its whole are an aside, and the count before them is the next item's
    neighbour); None when ``qs[k]`` is in no such bracket."""
    text = view.text
    j = k - 1
    while j >= 0 and _BRACKET_OPEN.fullmatch(text, qs[j].end, qs[k].start) is None:
        if "(" in text[qs[j].end : qs[k].start] or qs[k].start - qs[j].end > 120:
            return None
        j -= 1
    if j < 0:
        return None
    close = text.find(")", qs[k].end, end)
    return j if close >= 0 and "(" not in text[qs[k].end : close] else None


# a bracket opened right after a count, not yet closed: "6,640 (23% of all the"
_BRACKET_OPEN = re.compile(r"\s*\([^()]*")


def _from_aside(view: ArticleView, before: Quantity, earlier: Quantity, q: Quantity) -> bool:
    """Whether ``earlier`` is the earlier value of a change set off by commas right after ``before``, and
    ``q`` is joined by *and* after it ("Mexico has confirmed 101 deaths, up from 97 a day earlier, and
    4,541 cases"): the aside is no neighbour of ``q``; the count before it is, as it would be without it
    (the 4,541 had lost the verb's state and the subject's place)."""
    return (
        _FROM_ASIDE_OPEN.fullmatch(view.text, before.end, earlier.start) is not None
        and _FROM_ASIDE_CLOSE.fullmatch(view.text, earlier.end, q.start) is not None
    )


def _prev_relation(
    view: ArticleView,
    prev: Measured | None,
    q: Quantity,
    s0: int,
    win: Window,
    thing: Thing | None,
    generic: str | None,
    lex: ClaimsLexicon,
) -> str:
    """How ``q`` relates to the measure before it (:func:`_relation`, for a quantity that names no
    thing), "part-of-kind" for a part of the same kind ("2,446 confirmed cases including 60
    deaths": the whole's state), "and-part" for a count joined by *and* to such a part (`_and_part`:
    the whole's place, its own state); "" for none."""
    rel = _relation(view, prev, q, s0, win, lex) if thing is None and generic is None else ""
    if (
        rel == ""
        and prev is not None
        and prev.thing is not None
        and thing is not None
        and generic is None
        and prev.thing.states == thing.states
    ):
        if _part_of_kind(view, prev, q, thing, lex):
            rel = "part-of-kind"
        elif _and_part(view, prev, q):
            rel = "and-part"  # the whole's place, its own state: not the part's before it
    if (
        rel in ("", "list")
        and prev is not None
        and prev.thing is not None
        and (thing is None or thing.name == prev.thing.name or _bare_toll(view, q))
        and generic is None
        and (
            _by_then_to(view, (prev.q.start, prev.q.end), q.start, s0)
            or _brings_total(view, q, s0)
            or _reaching_after(view, prev, q)
        )
    ):
        rel = "total"
    return rel


def _reaching_after(view: ArticleView, prev: Measured, q: Quantity) -> bool:
    """ "pandemic deaths in Europe increased more than 300 from a week ago, reaching at least 2,422": the
    level a participle of reaching takes after an increment is its measure's total."""
    ws = [w.text.lower() for w in words(view.text, prev.q.end, q.start)]
    return prev.aspect == "new" and ws[-1:] != [] and ws[-1] in _REACHING and "," in ws


def _part_of_kind(view: ArticleView, prev: Measured, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """Whether ``q`` is a part of the count before it, of a thing of the same family: after *including*
    or *among* ("2,446 confirmed cases including 60 deaths"), *with* or *of which* (:func:`_with_part`),
    or in a bracket right after it ("Mexico: 1,112 confirmed cases (42 deaths)", the deaths among
    them)."""
    assert prev.thing is not None
    # the words of a count between them are none of the clause's ("in more than 80 countries": no
    # *than* of a comparison)
    spans = [(o.start, o.end) for o in view.analysis.quantities if prev.q.end <= o.start and o.end <= q.start]
    between = [
        w.text
        for w in words(view.text, _past_aside(view, prev.q, q), q.start)
        if not any(a <= w.start < b for a, b in spans)
    ]
    if q.counts is not None and _includes(between, lex, INCLUDE_WORDS):
        return True
    if _with_part(prev.thing, thing, between, lex):
        return True
    if (
        thing is not prev.thing
        and _PRONOUN_PART.match(view.text, q.end)
        and _pronoun_part_of(view, prev, q, between, lex)
    ):
        # "2,446 confirmed cases, 60 of them fatal" (the whole's disease may go on: "1,319 cases of the
        # virus, 45 of them fatal"; so may its place: "40 confirmed cases in Mexico, 25 of which were
        # fatal"): confirmed deaths, as "including 60 deaths"
        return True
    if (
        thing is not prev.thing
        and between[-1:] == [","]
        and _whole_goes_on(view, prev.q.end, q.start)
        and _FRONTED_OF.fullmatch(view.text, view.sentence(q.start)[0], prev.q.start)
    ):
        return True  # "Of the country's 2,059 confirmed cases (in Mexico), 56 people have died": among them
    return view.text[prev.q.end : q.start].strip() == "(" and q.counts is not None and thing is not prev.thing


# a fronted *of* phrase right before a whole's number, from its sentence's start: "Of the country's"
_FRONTED_OF = re.compile(
    r"\s*of\s+(?:(?:the|these|those|its|their|(?:[\w.-]+(?:'s|’s)))\s+){0,2}(?:(?:total|latest|overall)\s+)?",
    re.IGNORECASE,
)


def _pronoun_part_of(
    view: ArticleView, prev: Measured, q: Quantity, between: list[str], lex: ClaimsLexicon
) -> bool:
    """Whether the words between a count and a part *of them* after it join the part to it: a comma after
    the count's own phrase ("40 confirmed cases in Mexico, 25 of them fatal"), or *and* after its clause
    ("1,995 people were suspected of having the virus and 149 of them had died")."""
    if between[-1:] == [","]:
        return _whole_goes_on(view, prev.q.end, q.start)
    return between[-1:] == ["and"] and not _crosses_clause(between[:-1], lex, with_comma=True)


def _whole_goes_on(view: ArticleView, a: int, b: int) -> bool:
    """Whether the words from ``a`` to ``b`` (up to a comma) go on with a count's own noun phrase: its
    disease ("of the virus") or its place ("in Mexico"), nothing that opens a clause of its own."""
    ws = words(view.text, a, b)
    placed = [(p.start, p.end) for p in view.places_in(a, b)]
    return all(
        w.text in _DISEASE_NAME_WORDS
        or w.text in ("of", "in", ",")
        or any(x <= w.start < y for x, y in placed)
        for w in ws[:-1]
    )


# a partitive pronoun right after a part: "60 of them fatal"
_PART_PRONOUNS = ("them", "which", "whom")
_PRONOUN_PART = re.compile(rf"\s+of\s+(?:{'|'.join(_PART_PRONOUNS)})\b")


def _with_part(whole: Thing, thing: Thing, between: list[str], lex: ClaimsLexicon) -> bool:
    """ "5,251 confirmed cases ..., with 61 having died", "27,824 confirmed cases ..., with 141 deaths",
    "17,416 confirmed cases, of which 146 have died": what follows *with* or *of which* is among the
    whole (61 of the cases), its noun or predicate saying what became of them; the same thing ("with 28
    confirmed") is no part, nor are the sick among the dead ("Suspected death toll in Mexico now 149
    with 1,600 ill" lends the toll's state to no case)."""
    return (
        thing is not whole
        and not (whole.name == "deaths" and thing.name == "cases")
        and (_includes(between, lex, frozenset({"with"}), first=False) or _of_which(between, lex))
    )


def _of_which(between: list[str], lex: ClaimsLexicon) -> bool:
    """ "17,416 confirmed cases, of which 146 have died": *of which* / *of whom* / *of them* right before
    the part, after the whole's own phrase (no clause boundary but the comma before *of*)."""
    if len(between) < 2 or between[-2] != "of" or between[-1] not in ("which", "whom", "them"):
        return False
    before = between[:-2]
    if before[-1:] == [","]:
        before = before[:-1]
    return not _crosses_clause(before, lex)


def _crosses_clause(ws: list[str], lex: ClaimsLexicon, with_comma: bool = False) -> bool:
    """Whether the words ``ws`` hold a clause boundary (`[boundaries]` words, a semicolon, a colon or a
    dash; with ``with_comma``, a comma too)."""
    marks = (",", ";", ":", "—", "–") if with_comma else (";", ":", "—", "–")
    return any(w in lex.boundaries or w in marks for w in ws)


def _and_part(view: ArticleView, prev: Measured, q: Quantity) -> bool:
    """ "2,460 suspected cases, including 16 confirmed deaths and 47 suspected deaths": a count joined
    by a bare *and* to a part of the kind is in the same *including* phrase, a part of the same whole."""
    if not prev.part or view.text[prev.q.end : q.start].strip() != "and":
        return False
    before = [w.text for w in words(view.text, max(0, prev.q.start - 24), prev.q.start)][-2:]
    return bool(INCLUDE_WORDS.intersection(before))


PART_WORDS = frozenset({"including", "among"})
INCLUDE_WORDS = PART_WORDS | {"includes", "include", "included"}


def _includes(
    between: list[str], lex: ClaimsLexicon, marks: frozenset[str] = PART_WORDS, first: bool = True
) -> bool:
    """ "2,446 confirmed cases including 60 deaths", "1,100 confirmed cases of the virus, including 42
    deaths": *including* / *among* right after the whole, or right before the part with only the whole's
    own phrase between (no clause boundary: "…, while Chile has reported many deaths, including 4")."""
    if first and any(w in marks for w in between[:3]):
        return True
    if not between or between[-1] not in marks:
        return False
    before = between[:-1]
    if between[-1] in _INCLUDE_VERBS and before[-1:] == ["and"]:
        before = before[:-1]  # "totals 52,160 in 80 countries, and includes 231 deaths": one subject's verbs
    return not _crosses_clause(before, lex)


_INCLUDE_VERBS = frozenset({"includes", "include", "included"})


# verbs that bring a total to a new figure after a change ("..., bringing the total to 27")
BRING = frozenset(
    {"bringing", "brings", "brought", "taking", "takes", "took", "raising", "raises", "pushing",
     "pushes", "pushed", "putting", "puts", "making", "makes", "bring", "take", "raise", "push"}
)  # fmt: skip


def _by_then_to(view: ArticleView, amount: tuple[int, int], level: int, lo: int = 0) -> bool:
    """ "the confirmed death toll had risen by one, to 16", "climbed by five to 45 in Argentina": *by* N
    *to* M writes one change, its amount (the span ``amount``) and the level it reached (the figure at
    ``level``), the changed count's new total; so does *from* N *to* M, its level before ("lowered its
    suspected death toll from 176 to 101"); *by* (*from*) is read back to ``lo`` at most, and a time
    between the two is no word of the change ("rose by 200 on Monday to 1,694")."""
    a, b = amount
    between = [w.text for w in _off_times(view, words(view.text, b, level)) if w.text not in _CHANGE_ADVERBS]
    before = [w.text for w in words(view.text, max(lo, a - 12), a)]
    if between[:1] == [","]:
        between = between[1:]
    # "to pass 6,000", "to reach 109": an infinitive of reaching before the level
    if len(between) == 2 and between[0] == "to" and between[1] in REACHED:
        between = between[:1]
    # "jumped more than 70 percent in a week to 291": a finite verb of a rise takes its amount with no *by*
    return between == ["to"] and bool(before) and (before[-1] in ("by", "from") or before[-1] in _RISE_FINITE)


# adverbs of when or how a change happened, between its amount and its level ("jumped by 120 overnight to
# 1,200", "rose by 12 again to 40"): no word of the change
_CHANGE_ADVERBS = frozenset({"overnight", "again"})
# the prepositions that introduce a time expression ("on Monday", "in a week")
_TIME_PREPOSITIONS = frozenset({"on", "in", "over", "during", "at", "since", "within"})


def _off_times(view: ArticleView, ws: list[Word]) -> list[Word]:
    """The words but those of a time expression and the preposition right before one ("rose by 200 on
    Monday to 1,694": *to* follows the amount; the time says when the change happened)."""
    spans = [(t.start, t.end) for t in view.analysis.timexes]
    inside = [any(x <= w.start < y for x, y in spans) for w in ws]
    return [
        w
        for k, w in enumerate(ws)
        if not inside[k] and not (w.text in _TIME_PREPOSITIONS and k + 1 < len(ws) and inside[k + 1])
    ]


def _bring_at(ws: list[Word]) -> int | None:
    """Where the phrase that brings a total starts in ``ws``, words ending right before the total's
    number ("bringing the total to", "taking the toll in the US to"): the first verb of :data:`BRING`,
    a word of :data:`TOTAL_WORDS` after it and *to* last; None when ``ws`` is no such phrase."""
    if not ws or ws[-1].text != "to":
        return None
    b = next((i for i, w in enumerate(ws) if w.text in BRING), None)
    return b if b is not None and any(w.text in TOTAL_WORDS for w in ws[b + 1 :]) else None


def _bringing_words(view: ArticleView, q: Quantity) -> list[Word]:
    """The words of the phrase that brings ``q`` as a total ("taking the number in the kingdom ... to"),
    from its last verb; none when no such phrase stands right before the number."""
    s0 = view.sentence(q.start)[0]
    ws = words(view.text, max(s0, q.start - 100), _level_start(q))[-16:]
    b = next((i for i in range(len(ws) - 1, -1, -1) if ws[i].text in BRING), None)
    return ws[b:] if b is not None and _bring_at(ws[b:]) == 0 else []


def _level_start(q: Quantity) -> int:
    """Where the words after the phrase that brings a total end: at the number, or after "up to" the
    count's span opens with ("bringing the total up to 107 cases": the phrasal verb's *up to*, no
    bound)."""
    return q.start + 5 if q.text[:5].lower() == "up to" else q.start


def _bare_toll(view: ArticleView, q: Quantity) -> bool:
    """ "another 11 confirmed new cases ..., bringing the toll so far to 77": a bare number that a phrase
    brings as the *toll* or *tally* with no noun of its own counts what the change before it counted
    (the toll of the cases); "the death toll" names its own."""
    ws = [w.text.lower() for w in _bringing_words(view, q)]
    return (
        q.counts is None
        and bool({"toll", "tally"} & set(ws))
        and not {"death", "deaths", "fatality"} & set(ws)
    )


def _brings_total(view: ArticleView, q: Quantity, s0: int) -> bool:
    """ "a further 17 cases, bringing the total to 203", "taking the toll in the US to three",
    "raising the number of new flu infections here to 61" (a total's noun phrase may be long); or with
    the total's noun phrase after its number: "another two cases, bringing to 14 the total number of
    cases so far" (:func:`_inverted_bring`)."""
    ws = words(view.text, max(s0, q.start - 100), _level_start(q))[-12:]
    return _bring_at(ws) is not None or _inverted_bring(ws, words(view.text, q.end, q.end + 60))


def _inverted_bring(before: list[Word], after: list[Word]) -> bool:
    """Whether a number stands between a verb of bringing with *to* (the words ``before`` it end so) and
    the total's noun phrase (the words ``after`` it open with *the* and a word of a total within three):
    "bringing to 14 the total number of cases", "These cases bring to 10 the total Minnesota deaths"."""
    right = [w.text.lower() for w in after[:4]]
    return (
        _bring_to([w.text for w in before[-2:]])
        and right[:1] == ["the"]
        and any(w in TOTAL_WORDS for w in right[1:])
    )


def _bring_to(left: list[str]) -> bool:
    """Whether the two words right before a number are a verb of bringing and *to* ("bringing to 14 the
    total", "bring to 10 the total Minnesota deaths"): the number is the total the verb brings."""
    return len(left) == 2 and left[0] in BRING and left[1] == "to"


def _about(
    view: ArticleView,
    qs: list[Quantity],
    q: Quantity,
    win: Window,
    lex: ClaimsLexicon,
    inherited: tuple[str, ...] | None,
    sentence: tuple[int, int],
    total: bool = False,
    previous: tuple[str, ...] = (),
    by_source: bool = True,
) -> tuple[str, ...]:
    """The place a measured quantity is about: its own, else the whole's (``inherited``), else the
    place fronted in its sentence or named by its source, else the place of the value before it in
    its sentence (``previous``: "Mexico has reported 1,626 cases, and 48 more deaths ..."), else the
    world (several countries in the sentence, a global source, or "globally" in a sentence naming no
    place). The source's country places no count of a thing whose ``speaker_place`` is false
    (``by_source``: captives). The total a change brings (``total``: "nine new cases in the UK, eight
    in England and one in Scotland, bringing the total to 48") is the changed count's: a place named
    before the number is a part's, only one written on or after it is the total's own."""
    s0, s1 = sentence
    if _outside_after(win):
        return ()  # "two fatalities outside that country": the rest of the world is no place we name
    if _has(sorted(win.inner, key=lambda w: w.start), lex.world_words) or _all_but_in_country(view, q, lex):
        return ("world",)  # "the 1,000 or so worldwide swine flu cases": the count's own words say
    about, own = _place_found(view, q, win, lex, qs)
    if not own and _outside_before(view, q, win):
        return ()  # "the number of deaths outside Mexico has inched up to five"
    if _unnamed_own_place(view, q, about, total, own):
        return ()
    if total and inherited and not own:
        about = _total_phrase_place(view, q, s0) or _subject_country(view, q, s0, inherited, lex) or inherited
    if not about and inherited is not None:
        about = inherited
    if not about:
        about = _fronted_place(view, s0, q)
    # "it has killed 167 people and been confirmed in 40,000 globally": a world adverb in a sentence
    # that names no place is the world's, whoever the source ("She noted that the AIDS virus ... has
    # killed 25 million people globally and infects 33 million")
    if not about and not view.places_in(s0, s1) and _has(words(view.text, s0, s1), WORLD_ADVERBS):
        about = ("world",)
    if not about and by_source:
        about = _reporting_body_place(view, q, s0, lex) or _speaker_place(view, q, lex)
    if not about and previous:
        about = previous
    about = about or _world_of_sources(view, qs, q, (s0, s1), lex)
    return (
        about
        or _described_place(view, q, lex, by_source)
        or _sentence_country(view, qs, q, win, (s0, s1), lex)
        or _subject_demonym(view, q, s0)
        or _in_states(view, q, lex)
        or _agent_toll(view, q, win, lex)
        or _event_place(view, (s0, s1), lex)
    )


def _subject_country(
    view: ArticleView, q: Quantity, s0: int, inherited: tuple[str, ...], lex: ClaimsLexicon
) -> tuple[str, ...]:
    """ "Chinese mainland reported two cases in the city of Fuzhou of Fujian Province, bringing the total
    number of confirmed cases to 51": the total a change brings is the country the sentence opens with
    (the subject that reported the change), when the change's own place, written after its number, is
    a place inside one (a city, a province), not a country."""
    if len(inherited) != 1 or inherited[0] in lex.known_countries:
        return ()
    first = next((o for o in view.analysis.quantities if s0 <= o.start < q.start), None)
    if first is None or not any(p.name == inherited[0] for p in view.places_in(first.end, q.start)):
        return ()
    names = {
        p.name
        for p in view.places_in(s0, first.start)
        if p.name in lex.known_countries and not _journeys_end(view.text, p)
    }
    return (names.pop(),) if len(names) == 1 else ()


def _unnamed_own_place(
    view: ArticleView, q: Quantity, about: tuple[str, ...], total: bool, own: bool
) -> bool:
    """Whether a count has a place of its own that no known name gives, whatever place was found before
    it: a total its phrase calls the nation's ("one each in Pune, Vadodara and Mumbai - died of swine flu
    taking the countrywide toll to 10": not its parts' places); or, unplaced, a list item that names its
    own ("Delhi (13), Maharashtra (10)"); or placed by a name before it, a list item that names its own
    after it ("three were from Islamabad, 12 from Punjab": the name before is the item before's)."""
    if total and not own and _has(_bringing_words(view, q), NATIONAL):
        return True
    if about and not own and _named_item(view, q, after_only=True):
        return True
    return not about and _named_item(view, q)


# a count's share in one place set off after it: ", all but one in Mexico", ", all but five of them in"
_ALL_BUT_IN = re.compile(r"\s*,\s*all\s+but\s+[\w,]+\s+(?:of\s+(?:them|these|those)\s+)?in\s+(?:the\s+)?")


def _all_but_in_country(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "at least 177 dead, all but one in Mexico": a count all but some of which lie in one country
    lies in that country and elsewhere, several countries: the world's (not that country's, which the
    place after it had made it, nor no place)."""
    m = _ALL_BUT_IN.match(view.text, q.end)
    return m is not None and any(p.start == m.end() and p.name in lex.known_countries for p in view.places)


_OUTSIDE = re.compile(r"\boutside\s+(?:of\s+)?(?:the\s+)?$", re.IGNORECASE)


def _outside_after(win: Window) -> bool:
    """Whether *outside* follows the count in its phrase ("two fatalities outside that country"); not
    after a comma, where it bounds an apposition's ranking ("26 deaths, the most outside North
    America": the count is still the subject's)."""
    right = [w.text for w in win.right[:4]]
    return "outside" in right and "," not in right[: right.index("outside")]


def _outside(text: str, p: Place) -> bool:
    """Whether *outside* introduces the place ("deaths outside Mexico"): the rest of the world."""
    return _OUTSIDE.search(text, max(0, p.start - 20), p.start) is not None


def _outside_before(view: ArticleView, q: Quantity, win: Window) -> bool:
    """Whether the count's window names, before it, the place it lies outside ("The number of swine
    flu-related deaths outside Mexico has inched up to five", "Outside Mexico, 20 people have died"):
    the rest of the world is no place we name, and the place is not the count's. Not a place whose
    *where* clause holds the count ("the first outside the Americas, where more than 140 people have
    died"), nor one of another clause ("Aid outside Port-au-Prince ... in Haiti and another 1.5 million
    have been made homeless")."""
    places = view.places_in(max(win.clause[0], min((w.start for w in win.left), default=q.start)), q.start)
    # (not when another place follows it before the count: "Outside Mexico, the United States has the
    # most cases, with 403" is the United States')
    return any(
        _outside(view.text, p) and not _WHERE_AFTER.match(view.text, p.end) and k == len(places) - 1
        for k, p in enumerate(places)
    )


# a *where* clause on the place right before it ("the first outside the Americas, where more than 140
# people have died": the count is the place's own)
_WHERE_AFTER = re.compile(r"\s*,?\s*where\b")


# a list item headed by a name of its own: ", Maharashtra (10)", "and Kerala 5", "followed by the Atlantic
# province of Colom with 23 cases"
_NAMED_ITEM = re.compile(
    r"(?:,|\band|\b(?:province|state|region|district|county|department|prefecture)\s+of)"
    r"\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*(?:\(|\bwith\b)?\s*$"
)
# ... or by a place of its own after it: "and 39 in its Western Pacific region", "(2 in Bangalore and 1 in
# Udupi)"
_NAMED_REGION_AFTER = re.compile(
    r"\s+(?:in|from)\s+(?:(?:its|the|their)\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+"
    r"(?:region|province|state|county|district|prefecture)\b"
    r"|((?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*)(?=\s*[,;.)]|\s+and\b|\s*$))"
)


def _named_item(view: ArticleView, q: Quantity, after_only: bool = False) -> bool:
    """Whether the count is a list item whose own name stands right before it, after a list mark
    (", Maharashtra (10)", "and Kerala 5", ", Kane with 57"), or whose region *in* or *from* names after
    it ("and 39 in its Western Pacific region", "12 from Punjab, five from Sindh"): the item is that
    name's, never the place of the item before it, even when the name is no place we know. A name inside
    a time expression (", May 5") is none. ``after_only``: only a name after it counts."""
    m = None if after_only else _NAMED_ITEM.search(view.text, max(0, q.start - 60), q.start)
    m = m or _NAMED_REGION_AFTER.match(view.text, q.end)
    if m is None:
        return False
    a, b = m.span(1) if m.group(1) else m.span(2)
    return not any(t.start < b and a < t.end for t in view.analysis.timexes)


TOLL_VERBS = frozenset({"killed", "infected", "sickened", "claimed", "struck", "affected"})
# what stands between the disease and its toll verb: "a virus that has already killed", "the flu, which
# has so far killed"
BEFORE_TOLL_VERB = frozenset({"has", "have", "had", "that", "which", "now", "already", "so", "far", ","})


def _agent_toll(view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "The new strain has infected 257 people", "a virus that has already killed up to 103 people",
    "the flu, which has killed 79 people": a count whose subject is the disease itself (`[diseases]
    agents`), to which nothing gives a place, is the disease's toll everywhere, the world's (not a
    share, "killed 2% of its victims", a toll *there*, nor a count *at* a place of its own, "14 pupils
    at one school"), in an article that writes the disease as more than one country's (a report on one
    city's outbreak, "the disease killed 58 people", is no world figure)."""
    right = [w.text.lower() for w in win.right[:3]]
    if q.unit is not None or "there" in right or "at" in right[:2] or _OWN_LAND.match(view.text, q.end):
        return ()
    return ("world",) if _toll_agent(win, lex) is not None and _multinational(view, lex) else ()


# a land of the count's own right after it: "had infected 561 individuals across the archipelago"
_OWN_LAND = re.compile(
    r"[ \t]+(?:across|in|throughout)[ \t]+the[ \t]+"
    r"(?:country|nation|archipelago|kingdom|islands?|state|province|region|territory|city|area|gulf|continent)\b"
)


def _multinational(view: ArticleView, lex: ClaimsLexicon) -> bool:
    """Whether the article's own text names two countries or more, or a word of the world."""
    countries = lex.country_names
    named = {
        p.name for p in view.places if p.name in countries and view.segment_kind(p.start) in OWN_SEGMENTS
    }
    return len(named) >= 2 or bool(_has(words(view.text), lex.world_words))


def _toll_agent(win: Window, lex: ClaimsLexicon) -> tuple[Word, bool] | None:
    """The disease word whose toll the count is ("the virus has killed 79", "a virus that has killed
    103") and whether a relative pronoun stands between them (the count is in a relative clause on
    it); None when the count's verb has no such subject."""
    left = sorted(win.left, key=lambda w: w.start)
    while left and left[-1].text in IN_COUNT | {"up", "to", "as", "many", "an", "least"}:
        left.pop()
    if not left or left[-1].text not in TOLL_VERBS:
        return None
    k = len(left) - 2
    relative = False
    while k >= 0 and left[k].text in BEFORE_TOLL_VERB:
        relative = relative or left[k].text in ("that", "which")
        k -= 1
    return (left[k], relative) if k >= 0 and left[k].text in lex.agents else None


def _event_place(view: ArticleView, sentence: tuple[int, int], lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "Tuesday's 7.0-magnitude earthquake has left as many as 45,000-50,000 people dead", "the death
    toll from the quake rose to 110,000": a count in a sentence that names a located event (`[places]
    events`: an earthquake, a flood, a bombing happen at one place; an outbreak spreads) and no place
    is about the place the article writes that event at, when its own text writes it at one country
    only (else at the one country its headline names)."""
    s0, s1 = sentence
    if view.places_in(s0, s1) or not _has(words(view.text, s0, s1), lex.events):
        return ()
    named = _struck_countries(view, lex)
    return (next(iter(named)),) if len(named) == 1 else ()


def _struck_countries(view: ArticleView, lex: ClaimsLexicon) -> frozenset[str]:
    """The countries the article's own text writes a located event at (:func:`_event_countries`), else
    those its headline names (:func:`_lede_countries`): where its disaster struck, read once per article
    (each count of a sentence naming an event, and each giver's amount, asks)."""
    cached = view.struck_memo.get(id(lex))
    if cached is None:
        cached = frozenset(_event_countries(view, lex) or _lede_countries(view, lex))
        view.struck_memo[id(lex)] = cached
    return cached


def _lede_countries(view: ArticleView, lex: ClaimsLexicon) -> set[str]:
    """The countries the article's headline names: where a located event the text never writes at a place
    happens ("Haiti recovery 'to take decades' ... As many as 200,000 people died in the earthquake on
    12 January"); a news story sets its scene there."""
    heads = [seg for seg in view.analysis.segments if seg.kind == "headline"]
    if not heads:
        return set()  # a first sentence that is no headline may name a country in passing
    return {p.name for p in view.places_in(heads[0].start, heads[0].end) if p.name in lex.country_names}


# words that join a place to an event without making it the event's place ("Haiti and the quake",
# "Haiti was hit by the quake" is read by the *hit* pattern instead)
_GLUE = (
    "(?:and|or|but|the|a|an|its|their|after|before|since|following|in|of|to|for|with|by|from|as|at|on"
    "|is|was|were|are|has|had|have|be|been|said|says)"
)


@lru_cache(maxsize=4)
def _event_patterns(events: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What may follow a place that is an event's ("'s devastating earthquake") and what may come
    before it ("the earthquake that struck ", "quake-hit ")."""
    ev = "|".join(re.escape(e) for e in sorted(events, key=len, reverse=True))
    after = re.compile(rf"^(?:'s|’s)?(?:\s+(?!{_GLUE}\b)[\w.-]+){{0,2}}?\s+(?:{ev})\b", re.IGNORECASE)
    before = re.compile(
        rf"\b(?:{ev})(?:-(?:hit|struck|ravaged|stricken)|\s+(?:(?:that|which)\s+)?"
        rf"(?:in|hit|struck|devastated|rocked))\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
    return after, before


def _event_countries(view: ArticleView, lex: ClaimsLexicon) -> set[str]:
    """The countries the article's own text writes a located event at: "the Haiti earthquake",
    "Haiti's devastating quake", "the earthquake in / that struck Haiti", "quake-hit Haiti"."""
    after, before = _event_patterns(lex.events)
    countries = lex.country_names
    text = view.text
    return {
        p.name
        for p in view.places
        if p.name in countries
        and view.segment_kind(p.start) in OWN_SEGMENTS
        and (after.search(text[p.end : p.end + 50]) or before.search(text[max(0, p.start - 60) : p.start]))
    }


# a count "in N states" with no country named is of the United States: English-language news calls
# the US states "states" bare (another country's are "Mexican states", "states of Mexico")
STATES = ("state", "United States")
US_WORDS = frozenset({"us", "u.s", "u.s.", "american", "united"})


def _in_states(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "The agency reported 896 confirmed cases of the new flu in 41 states": a count of states
    introduced by *in* / *across* after the number, within its own phrase and verb group (no clause
    boundary), is where the number is counted: the United States, when no other country names them."""
    ws = [w.text for w in words(view.text, q.end, view.sentence(q.start)[1])][:14]
    k = next((i for i, w in enumerate(ws) if _is_number_word(w)), None)
    if k is None:
        return ()
    j = k + 1
    while j < len(ws) and ws[j] in US_WORDS:
        j += 1  # "in 10 US states"
    if j >= len(ws) or ws[j] not in ("states", "state") or ws[j + 1 : j + 2] == ["of"]:
        return ()  # "in 20 states of Mexico"
    between = ws[:k]
    while between and between[-1] in IN_COUNT and between[-1] not in ("in", "across"):
        between.pop()  # "in at least 11 states"
    ok = (
        bool(between)
        and between[-1] in ("in", "across")
        and len(between) <= 8
        and all(w[:1].isalnum() for w in between)
        and not set(between) & set(lex.boundaries)
    )
    return (STATES[1],) if ok else ()


def _another_clauses_place(view: ArticleView, q: Quantity, p: Place, lex: ClaimsLexicon) -> bool:
    """Whether a place of the count's sentence is another clause's: the domain of a superlative, a place
    of a clause or a part after the count, or of a relative clause on the disease after it ("... for the
    virus that has been spreading in North America ... since it first appeared in Mexico")."""
    if _comparison_domain(view.text, p, lex):
        return True
    if p.start < q.end:
        return False
    return _later_clause_or_part(view.text, q.end, p.start) or bool(
        _DISEASE_RELATIVE.search(view.text, q.end, p.start)
    )


def _sentence_country(
    view: ArticleView,
    qs: list[Quantity],
    q: Quantity,
    win: Window,
    sentence: tuple[int, int],
    lex: ClaimsLexicon,
) -> tuple[str, ...]:
    """A count whose own clause names no place, in a sentence whose every place is one country, is
    about that country: the sentence is about it ("Officials in Chile are fighting a virus that has
    killed 30"; "A virus that has killed 30 people has spread fear across Chile"). Not when the sentence
    names another place too (a state, a city, a second country) or the world ("worldwide"), nor a
    count *outside* it or *at* a place of its own that is no country ("14 more pupils at a school in
    Chile": a part of it), nor when another count comes between the two ("45 deaths -- 40 in Chile and
    five elsewhere": the part's)."""
    s0, s1 = sentence
    if "at" in [w.text.lower() for w in win.right[:2]] or _majority_of(view.text, s0, q.start):
        return ()
    # a nationality in another count's own words names the people counted, not where things happen
    # ("About 70 Mexicans were confined despite just one confirmed case"); a place right after another
    # count locates that count ("..., including 120 in Chile, and at least 90 died")
    others = [o for o in qs if o is not q and s0 <= o.start < s1]  # only the sentence's counts matter
    if any(_part_placed_apart(view, o, q, lex) for o in others):
        return ()  # "Twenty of the 45 deaths were in Mexico": the place is the part's
    places = [p for p in view.places_in(s0, s1) if not any(_owns_place(view.text, o, p) for o in others)]
    # (nor the domain of a superlative: "the cases in this metro have risen to 13, the highest in India")
    # (nor the place of a part or of a clause of its own after the count: "bring the toll across the
    # region to 8, with half of the deaths being in Saudi Arabia")
    places = [p for p in _off_origins(view, q, places) if not _another_clauses_place(view, q, p, lex)]
    places = _off_virus_origin(view, q, places)
    names = {p.name for p in places}
    if len(names) != 1 or not names <= lex.known_countries:
        return ()
    sentence_words = words(view.text, s0, s1)
    if "outside" in {w.text for w in sentence_words} or _has(sentence_words, WORLD_ADVERBS):
        # "... in the Philippines for the new flu virus that has killed 86 people and infected more
        # than 11,000 worldwide": a sentence that writes the world is not about its one country
        return ()
    for p in places:
        ahead = [w.text.lower() for w in words(view.text, max(s0, p.start - 30), p.start)][-3:]
        if (bool(ahead) and ahead[-1] in ELSEWHERE) or {"them", "these", "which"} & set(ahead):
            return ()  # "cases who had visited Chile"; "all but one of them in Chile": a part's place
        if _SET_APART.search(view.text, max(s0, p.start - 30), p.start):
            return ()  # "four more cases with the same mutation as found in Norway": a comparison's place
        lo, hi = min(q.end, p.end), max(q.start, p.start)
        if any(lo <= o.start < hi for o in others):
            return ()
    return (names.pop(),)


def _off_virus_origin(view: ArticleView, q: Quantity, places: list[Place]) -> list[Place]:
    """``places`` without those of a clause on where the virus began after the count."""
    return [p for p in places if not _in_origin_clause(view, q, p)]


def _in_origin_clause(view: ArticleView, q: Quantity, p: Place) -> bool:
    """Whether the place after the count stands in a clause on where the virus began ("... died ... since
    it first emerged in Mexico in April", :data:`_ORIGIN_CLAUSE`)."""
    return p.start > q.end and _ORIGIN_CLAUSE.search(view.text, q.end, p.start) is not None


def _off_origins(view: ArticleView, q: Quantity, places: list[Place]) -> list[Place]:
    """``places`` without the origins of a journey after the count, when another place is left: "two
    women who tested positive ... after returning from the United States" are not counted where they
    came from, but in the sentence's other country (not without the goal of one under way: "a Mexican
    boy who was visiting Texas" died there)."""
    origins = [
        p for p in places if p.start > q.end and _journey_end(view.text, p, q) and _from_place(view, p)
    ]
    return [p for p in places if p not in origins] if origins and len(origins) < len(places) else places


def _from_place(view: ArticleView, p: Place) -> bool:
    """Whether *from* (the article's *the* aside) is the word right before the place ``p``."""
    return _ahead_of(view.text, p)[-1:] == ["from"]


def _ahead_of(text: str, p: Place) -> list[str]:
    """The last words (at most four, lower case) in the 40 characters before the place ``p``, without
    the *the* of its name ("returned from the United States": ``[..., "returned", "from"]``)."""
    ahead = [w.text.lower() for w in words(text, max(0, p.start - 40), p.start)][-4:]
    if ahead[-1:] == ["the"]:
        ahead.pop()
    return ahead


def _owns_place(text: str, o: Quantity, p: Place) -> bool:
    """Whether the place ``p`` is the count ``o``'s own: in its words ("70 Mexicans"), or right after a
    part introduced by *including* ("..., including 120 in Chile"; not a coordinated count, whose place
    may be shared: "200,000 hospitalisations in the US each year and about 36,000 deaths")."""
    if o.start <= p.start < o.end:
        return True
    after = 0 <= p.start - o.end <= 8 and text[o.end : p.start].strip().lower() in ("in", "in the")
    return after and text[max(0, o.start - 12) : o.start].strip().lower().endswith("including")


# words before a place that make it the origin or the goal of a journey, not where a count happened
ELSEWHERE = frozenset({"visited", "visiting", "visit", "to", "from", "via"})
# words of a journey: *to* / *from* a place after one name its goal or origin ("a spring-break trip to
# Mexico led to 73 confirmed cases", "people who returned from Mexico")
JOURNEY = frozenset(
    {"trip", "trips", "travel", "travels", "traveled", "travelled", "traveling", "travelling", "flight",
     "flights", "flew", "flying", "returned", "returning", "return", "returns", "holiday", "holidays",
     "vacation", "journey", "came", "arrived", "arriving", "back", "visit", "visits", "visited",
     "visiting"}
)  # fmt: skip


_LOCATIVE_ASIDE = re.compile(r",\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?$")


def _locative_aside(text: str, p: Place) -> bool:
    """Whether ``p`` is in a comma-delimited aside that locates the name before it ("Jalisco, in
    western Mexico, announced ... three suspect deaths"): not the place of the clause's count."""
    return (
        bool(_LOCATIVE_ASIDE.search(text[max(0, p.start - 30) : p.start])) and text[p.end : p.end + 1] == ","
    )


# a verb of speech and its hearers before *in* ("told reporters in Canberra", "told a news conference in
# Mexico City", "speaking to journalists in Geneva"); not a verb of speech alone ("said two died in
# Mexico": the place of what was said)
_SPEECH_IN = re.compile(
    r"\b(?:told|tells|tell|telling|said\s+to|speaking\s+to|spoke\s+to|briefed|briefing|addressing|addressed)"
    r"\s+(?:the\s+|a\s+)?(?:reporters|journalists|press|media|news\s+conference|press\s+conference|"
    r"news\s+briefing|press\s+briefing|briefing|parliament|lawmakers|legislators|senators|"
    r"news\s+agency|agency|newspaper|radio|television|TV)\s+in\s+(?:the\s+)?$"
)


def _speech_venue(text: str, p: Place) -> bool:
    """Whether ``p`` is where the source spoke to its hearers ("Roxon told reporters in Canberra, adding
    that there are 55 suspected cases", "Fukuda told reporters in Geneva that 1,490 cases had been
    confirmed"): the place of the speech, not of the count it reports. So is a place right after a verb
    of saying that the reported clause follows ("Besser said in Atlanta there were 91 confirmed cases in
    ten states"; not "said in Mexico 40 people had died", where the place may be the clause's)."""
    if _SPEECH_IN.search(text, max(0, p.start - 60), p.start) is not None:
        return True
    return (
        _SAID_IN.search(text, max(0, p.start - 20), p.start) is not None
        and _CLAUSE_AFTER_VENUE.match(text, p.end) is not None
    )


# a verb of saying and *in* right before a place, and what opens the reported clause right after it
_SAID_IN = re.compile(r"\b(?:said|says|say|announced|told\s+\w+)\s+in\s+(?:the\s+)?$")
_CLAUSE_AFTER_VENUE = re.compile(r"\s*(?:,|that\b|there\s+(?:were|was|are|is|have|had)\b)")


_LOCATES = re.compile(r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}")


def _locates_place(text: str, p: Place, places: list[Place], lex: ClaimsLexicon) -> bool:
    """Whether ``p``, no country, locates the country named right before it ("Trinidad and Tobago in
    the English-speaking Caribbean follows with 53 cases"): the count is the country's."""
    countries = lex.country_names
    if p.name in countries:
        return False
    return any(
        o.end < p.start and o.name in countries and _LOCATES.fullmatch(text, o.end, p.start) is not None
        for o in places
    )


# superlatives: "in <place>" after one names the set compared, not where a count is
SUPERLATIVES = frozenset(
    {"most", "highest", "largest", "biggest", "greatest", "worst", "hardest", "heaviest", "lowest",
     "fewest"}
)  # fmt: skip


# what places are ranked by in a superlative ("the worst hit countries in Europe")
RANKED = frozenset({"country", "nation", "number", "outbreak", "figure", "total", "tally"})


def _comparison_domain(text: str, p: Place, lex: ClaimsLexicon) -> bool:
    """Whether ``p`` is the domain of a superlative that ranks places by a count ("Britain has the most
    official cases in Europe, at 122", "one of the worst hit countries in Europe with 7,447 cases"), or
    the whole of "the rest of" ("for the rest of the Caribbean"): the count is not the place's."""
    ahead = [w.text.lower() for w in words(text, max(0, p.start - 60), p.start)][-6:]
    if ahead[-1:] == ["the"]:
        ahead.pop()
    if ahead[-2:] == ["rest", "of"]:
        # "the third highest infections for the rest of the Caribbean", "300 in the rest of Europe":
        # the rest of a region is the others, not the region; no count of it is the region's
        return True
    if ahead[-1:] != ["in"]:
        return False
    if ahead[-3:] == ["the", "first", "in"]:
        # "his country has 11 confirmed cases of swine flu - the first in the Asia-South Pacific region":
        # the first of a region's is ranked in it, as the highest in it is
        return True
    # the superlative of a definite noun phrase of counts or places before "in"; not a predicate's
    # ("has been most severe in Mexico"), a majority's ("most of them in Mexico") nor another noun's
    # ("the largest military base in the United States")
    ranked = RANKED | {h for t in lex.things.values() for h in t.heads}
    # (a superlative compound is one word: "the worst-hit country in the Asia-Pacific region with over
    # 3,500 cases", "the hardest-hit nation in Europe")
    # (its noun may be left out: "the swine flu cases in this metro have risen to 13, the highest in
    # India" ranks the count itself)
    # (an ordinal may grade it: "the second-highest in the Americas", "the third largest in Europe")
    return any(
        (w.split("-", 1)[0] in SUPERLATIVES or _graded_superlative(w))
        and k > 0
        and (ahead[k - 1] == "the" or (k > 1 and ahead[k - 1] in _RANK_ORDINALS and ahead[k - 2] == "the"))
        and (
            k + 2 == len(ahead)
            or (ahead[k + 1] not in ("in", "of") and any(singular(x) in ranked for x in ahead[k + 1 : -1]))
        )
        for k, w in enumerate(ahead[:-1])
    )


_RANK_ORDINALS = frozenset({"second", "third", "fourth", "fifth"})


def _graded_superlative(word: str) -> bool:
    """ "second-highest", "third-largest": an ordinal joined to a superlative by a hyphen."""
    first, _, rest = word.partition("-")
    return first in _RANK_ORDINALS and rest in SUPERLATIVES


def _journey_end(text: str, p: Place, q: Quantity) -> bool:
    """Whether the place ``p`` is the goal or origin of a journey written right before it ("a trip to
    Mexico", "returned from Mexico", "had visited Mexico"): not where the count ``q`` after it is,
    unless ``q`` is in a *where* clause on the place ("returning from Mexico, where more than 80 people
    have died")."""
    between = [w.text.lower() for w in words(text, p.end, q.start)]
    if between[:1] == ["where"] or between[:2] == [",", "where"]:
        return False
    return _journeys_end(text, p)


def _journeys_end(text: str, p: Place) -> bool:
    """Whether the words right before the place make it a journey's goal or origin ("visited Mexico",
    "a trip to Mexico", "a single flight from Cancun")."""
    ahead = _ahead_of(text, p)
    if ahead[-1:] in (["visited"], ["visiting"], ["visit"]):
        return True
    return len(ahead) >= 2 and ahead[-1] in ("to", "from") and bool(JOURNEY & set(ahead[:-1]))


def _total_phrase_place(view: ArticleView, q: Quantity, s0: int) -> tuple[str, ...]:
    """The place written in the phrase that brings a total ("bringing the US total to 11")."""
    # (as far back as "brings the current total number of confirmed UK cases to 822")
    ws = words(view.text, max(s0, q.start - 100), q.start)[-12:]
    b = next((w for w in ws if w.text in BRING), None)
    if b is None:
        # "more than twice Mexico's total of 2,059": a possessive place before the total's noun
        owners = [
            p
            for p in view.places_in(max(s0, q.start - 60), q.start)
            if _POSSESSED_TOTAL.match(view.text, p.end)
        ]
        return (owners[-1].name,) if owners else ()
    inside = [p for p in view.places_in(b.start, q.start) if not _not_the_counts(view, p)]
    return (inside[-1].name,) if inside else ()


# a possessive and a total's noun after a place ("Mexico's total of", "Canada's overall tally")
_POSSESSED_TOTAL = re.compile(r"(?:'s|’s)\s+(?:[a-z]+\s+){0,2}?(?:total|tally|toll|count)\b")
# world words that scope a whole sentence ("... and been confirmed in nearly 40,000 globally")
WORLD_ADVERBS = (
    "globally", "worldwide", "world-wide", "around the world", "across the world", "around the globe"
)  # fmt: skip


def _of_the(view: ArticleView, a: int, b: int) -> bool:
    """The words in ``[a, b)`` are *of the* or *of* ("20 of the 149 ...")."""
    return [w.text for w in words(view.text, a, b)] in (["of", "the"], ["of"])


def _part_of_whole(view: ArticleView, part: Quantity, whole: Quantity) -> bool:
    """Whether ``part`` *of (the)* ``whole`` is a partitive: *of (the)* between them, and the part no
    greater than the whole ("20 of the 149 deaths"; "rose to 140 Of nine new confirmed cases", two
    sentences a page ran together, is none)."""
    if not _of_the(view, part.end, whole.start):
        return False
    return part.value is None or whole.value is None or part.value <= whole.value


def _counted_words(win: Window, q: Quantity) -> Window:
    """A count whose noun the quantity stage read outside its span ("Britain (39)" in a list of
    "confirmed cases", "from 20 to seven" confirmed deaths): its ``counts`` are its own words."""
    if not q.counts or win.inner or q.counts.lower() in q.text.lower():
        return win
    inner = [Word(w, q.end, q.end) for w in q.counts.lower().split()]
    return Window(inner, win.left, win.right, win.clause)


def _measured_state(
    thing: Thing, win: Window, lex: ClaimsLexicon, rel: str, prev: Measured | None, placed: bool = False
) -> str | None:
    """The state of ``thing`` the window says (a part or a whole of the measure before it keeps
    that one's state when the words name only the default); None when ambiguous or undefined.
    ``placed``: a subset its predicate defines by a place (:func:`_subset_placed`)."""
    state = _state_of(thing, win, lex, part=rel in ("part", "subset"))
    if state is None:
        return None  # two states in one window: ambiguous
    if rel == "list" and _own_predicate_without_state(thing, win, lex):
        return None  # "... and 85 were being tested": undefined
    if rel == "subset" and state == thing.default_state and not placed:
        # "10 of the 34 cases ... were acquired here": a subset the words define in a way the
        # lexicon cannot read is no value of the whole's measure; one its place defines is that
        # place's ("Of the 45 deaths, 20 were in Mexico")
        return None
    inherits = rel not in ("", "subset", "and-part") or (rel == "subset" and placed)
    if inherits and prev is not None and state == thing.default_state:
        # "Of the 45 confirmed deaths, 20 were in Mexico": a part its place defines is of the whole's state
        state = prev.state or state
    return state


# words that give a probability, not a category of count: a state read only from them is an estimate
ESTIMATE_WORDS = ("likely",)


def _estimated(thing: Thing, win: Window, lex: ClaimsLexicon, state: str) -> bool:
    """ "upward of 100,000 likely cases", "around 100,000 people are likely infected", "deaths likely to
    have been caused by the virus": *likely* says how probable the writer finds a figure, so a state read
    only from it makes the value an estimate of the real number, whose measure a reader cannot tell
    (unlike "13 probable cases", a category of cases)."""
    words_of_state = lex.states[thing.states].get(state, ())
    if not set(words_of_state) & set(ESTIMATE_WORDS):
        return False
    n = lex.settings.window_words
    ws = sorted([*win.inner, *win.left[-2 * n :], *win.right[:n]], key=lambda w: w.start)
    others = tuple(w for w in words_of_state if w not in ESTIMATE_WORDS)
    return bool(_has(ws, ESTIMATE_WORDS)) and not _has(ws, others)


def _estimate_written(view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon, aspect: str) -> bool:
    """ "an estimated 13,450 cases", "101 estimated deaths", "The Red Cross estimates 45,000 people have
    died", "their estimate of deaths ... to over 100": a form of *estimate* on the quantity or in its
    window makes it an estimate of the real number, as *likely* does; so does being the subject or the
    object of *may / might / could have* + participle ("200,000 people may have died", "may have killed
    159"). Not a projection's
    ("experts estimate that 2 billion could be infected" stays projected)."""
    if aspect == "projected":
        return False
    if q.qualifier and _has(words(q.qualifier.lower()), lex.estimate_words):
        return True
    n = lex.settings.window_words
    ws = sorted([*win.inner, *win.left[-n:], *win.right[:n]], key=lambda w: w.start)
    return (
        bool(_has(ws, lex.estimate_words))
        or _estimates_range(win, lex)
        or _possible_past_subject(win, lex)
        or _possible_past_object(win, lex)
        or _estimated_tally(view, q, lex)
    )


def _estimated_tally(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "The total estimated number of cases in Belgium since the H1N1 outbreak began in April 2009 is now
    35,771": a tally its own noun phrase calls estimated gives an estimate, however far its value stands
    after it (no other number between)."""
    s0 = view.sentence(q.start)[0]
    ws = words(view.text, s0, q.start)
    tally = next(
        (
            w
            for i, w in reversed(list(enumerate(ws)))
            if w.text in TOTAL_WORDS and any(e.text in lex.estimate_words for e in ws[max(0, i - 2) : i])
        ),
        None,
    )
    # (no count between: "an estimated total of 500 cases, and 20 deaths" is the 500's)
    return tally is not None and not any(
        o.kind in ("count", "range") and tally.end <= o.start < q.start for o in view.analysis.quantities
    )


# the auxiliaries of a passive verb of belief ("are believed", "have been thought")
_HEDGE_AUX = frozenset({"are", "were", "is", "was", "been"})


def _hedged_predicate(q: Quantity, win: Window, lex: ClaimsLexicon) -> bool:
    """ "Two others are thought to be infected", "Two people in Japan are believed to be infected": a
    passive verb of belief as the predicate of counted persons (within six words after the count), or
    its participle before *to* ("The five people in Israel believed to have swine flu")
    says what is believed to have become of them, not what is known (`[estimates] hedges`); so does
    one whose toll verb takes them for object ("an epidemic believed to have killed 149 people"). The
    H1N1 and Haiti guidelines leave such counts out as hedged. A count whose own noun names the thing
    keeps its value: the belief is about a cause ("48 more deaths are thought to be attributable to
    the outbreak")."""
    # (written: the engine's implied noun, "dead" of "killed 200,000", is none of the text's)
    head = singular(q.counts.lower().split()[-1]) if q.counts and q.counts.lower() in q.text.lower() else ""
    if any(head in t.heads for t in lex.things.values()):
        return False
    ws = [w.text.lower() for w in sorted(win.right, key=lambda w: w.start)[:6]]
    if any(a in _HEDGE_AUX and b in lex.hedges for a, b in pairwise(ws)):
        return True
    # the reduced relative: "The five people in Israel believed to have swine flu include a gardener"
    if any(a in lex.hedges and b == "to" for a, b in pairwise(ws)):
        return True
    # the object of a toll believed of its cause: "a swine flu epidemic believed to have killed 149 people"
    left = [w.text.lower() for w in sorted(win.left, key=lambda w: w.start)[-4:]]
    if left[-2:-1] == ["have"]:
        # (or the copy's slip "which is believed to killed as many as 200,000": *have* left out)
        left = [*left[:-2], left[-1]]
    return len(left) >= 3 and left[-3] in lex.hedges and left[-2] == "to" and left[-1] in TOLL_VERBS


def _estimated_by_source(view: ArticleView, q: Quantity, lex: ClaimsLexicon, aspect: str) -> bool:
    """ "H1N1 swine flu killed 10,000 Americans, ... and sickened 50 million ..., the CDC estimates":
    a count in what a source is reported to *estimate* is its estimate of the real number, however
    far the cue stands (a projection stays one: "experts estimate that 2 billion could be infected")."""
    if aspect == "projected":
        return False
    st = view.statement_covering(q.start, q.end)
    if st is not None and st.cue is not None and st.cue.text.lower() in lex.estimate_words:
        return True
    # "According to the latest WHO estimates, Egypt has recently recorded the highest number of new
    # cases, 850, ...": a sentence that opens by naming estimates as its source gives estimates
    m = _ACCORDING_TO.match(view.text, view.sentence(q.start)[0])
    return m is not None and m.end() <= q.start and bool(_has(words(m.group("source")), lex.estimate_words))


# a source phrase that opens its sentence, up to its comma: "According to the latest WHO estimates,"
_ACCORDING_TO = re.compile(r"\s*According\s+to\s+(?P<source>[^,.;:]{1,80}),", re.IGNORECASE)


_RANGE_VERBS = wordset("range ranges ranged ranging vary varies varied")


def _estimates_range(win: Window, lex: ClaimsLexicon) -> bool:
    """ "Estimates of the numbers killed in the Haitian earthquake range from 100,000 to 200,000": the
    bounds of a range that *estimates* span are estimates however far the noun is from them."""
    left = sorted(win.left, key=lambda w: w.start)
    if len(left) >= 2 and left[-1].text == "from" and left[-2].text in _RANGE_VERBS:
        return bool(_has(left, lex.estimate_words))
    return False


# the forms of a verb of testing or watching whose object, a count of people, is under test, no cases
_TEST_VERBS = wordset(
    "investigating investigates investigated testing tests tested monitoring monitors monitored"
    " screening screened examining examined observing"
)
# the words between such a verb and its object's number ("testing another 40", "investigating some 30")
_TEST_OBJECT_SKIP = wordset("another a further some about around nearly almost over more than at least up to")
# words between a count and its own predicate ("17 other people are currently being tested")
# (and a relative pronoun: "129 cases that are awaiting laboratory test results")
_BEFORE_PREDICATE = wordset(
    "people patients persons other more are were is was have has currently still now also that which who"
)


def _under_test(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """The count's own predicate, right after it, says its people are being tested or watched ("with
    another 169 under investigation"): they are no cases (`[estimates] under_test`), and deaths whose
    cause is being investigated are no deaths of the disease yet ("and 19 more are under
    investigation"). Not a count its own words call cases of a state ("14 other possible cases
    currently being investigated": suspected cases); cases of none under investigation are people
    being tested ("866 cases are currently under laboratory investigation in the UK")."""
    own = (q.counts or "").lower().split()
    if own and singular(own[-1]) in thing.heads:
        marks = lex.state_words.get(thing.states, frozenset())
        if any(w in marks for w in own[:-1]):
            return False
    before = [w.text.lower() for w in words(view.text, max(0, q.start - 40), q.start)]
    while before and before[-1] in _TEST_OBJECT_SKIP:
        before.pop()
    if before[-2:] in (["pending", "on"], ["pending", "for"], ["awaited", "for"]):
        return True  # "with tests pending on another 10 cases": their tests are not back
    if before and before[-1] in _TEST_VERBS:
        return True  # "Colombia is investigating 40 more", "doctors are testing 200 people": the object
    end = min(view.sentence(q.start)[1], q.end + 80)
    ws = [w for w in words(view.text, q.end, end) if w.text.isalpha()][:8]
    k = 0
    while k < len(ws) and ws[k].text.lower() in _BEFORE_PREDICATE:
        k += 1
    return 0 in _has(ws[k:], lex.under_test)


def _possible_past_object(win: Window, lex: ClaimsLexicon) -> bool:
    """The count is the object of *may / might / could have* + participle ("the virus, which may have
    killed more than 100 people"): the modal hedges the figure as much as it does a subject's."""
    ws = [w.text.lower() for w in win.left]
    while ws and ws[-1] in _BEFORE_NUMBER:
        ws.pop()
    return len(ws) >= 3 and ws[-1].isalpha() and ws[-2] == "have" and ws[-3] in lex.possible_past


def _possible_past_subject(win: Window, lex: ClaimsLexicon) -> bool:
    """The count is the subject of *may / might / could have* + participle: the modal comes after it
    in its clause, before any verb of its own, aside or bracket ("More than 1 million people in the
    United States may have been infected"; the object of one, "the virus may have killed 159", is
    :func:`_possible_past_object`'s)."""
    ws = [w.text.lower() for w in win.right]
    for i, t in enumerate(ws[:-2]):
        if t in (",", "(", ")") or t in AUX:
            return False
        if t in lex.possible_past and ws[i + 1] == "have":
            return True
    return False


def _contrastive_other(win: Window, prev: Measured | None, thing: Thing, state: str, aspect: str) -> bool:
    """ "20 people had died while another 83 deaths were suspected": *another* (*other*, *a further*:
    "confirmed the deaths of 16 people, while a further 45 deaths were suspected") right before
    a number (or *more* right after it: "and 101 more are suspected") that follows a count of the same
    thing in another state of its family introduces the
    other part of a partition of one population, not an increment of the first count (*48 more*,
    *another 12 deaths* of the same state are). The count's own state must be written: "confirmed
    20 deaths on Monday and a further 12 deaths on Tuesday" is an increment."""
    return (
        aspect == "new"
        and (
            (bool(win.left) and win.left[-1].text.lower() in ("another", "other", "further"))
            # "26 deaths have been confirmed, and 101 more are suspected": *more* after the number
            # says what *another* before it does
            or (not win.inner and bool(win.right) and win.right[0].text == "more")
        )
        and prev is not None
        and prev.thing is not None
        and prev.thing.name == thing.name
        and state != thing.default_state  # its own state written ("and a further 12 on Tuesday" is new)
        # (cases of no written state are the confirmed ones: "cases ... stand at 3,597, with a further 260
        # confirmed since Friday" is an increment, no other part)
        and _other_state(prev.state, state, thing)
    )


def _other_state(a: str, b: str, thing: Thing) -> bool:
    """Whether two states of ``thing`` are two measures of it: not the same, nor no written state and
    *confirmed* (the cases a text counts with no state are the confirmed ones)."""
    return a != b and {a, b} != {thing.default_state, "confirmed"}


def _own_predicate_without_state(thing: Thing, win: Window, lex: ClaimsLexicon) -> bool:
    """ "16 deaths were confirmed ... and 85 were being tested": a list item with a verb of its own is
    a clause with its own predicate, not an ellipsis of the first ("125 in Japan, 103 in Spain");
    when that predicate names no state, the item's measure is unknown."""
    return (
        bool(win.right)
        and win.right[0].text in AUX
        and _state_of(thing, win, lex, part=False) == thing.default_state
    )


def disease_mentions(view: ArticleView, lex: ClaimsLexicon) -> dict[str, list[int]]:
    """Where the article names each disease it names (word indices), read once for
    :func:`main_diseases` and :func:`article_disease`."""
    ws = words(view.text)
    # one reading of the text for every name of every disease (a name may name two)
    named: dict[str, list[str]] = defaultdict(list)
    for d, names in lex.diseases.items():
        for name in dict.fromkeys(names):
            named[name].append(d)
    found: dict[str, list[int]] = {d: [] for d in lex.diseases}
    for i, name in find_phrases(ws, tuple(named)):
        for d in named[name]:
            found[d].append(i)
    return {d: hits for d, hits in found.items() if hits}


def main_diseases(found: dict[str, list[int]]) -> frozenset[str]:
    """The diseases the article is about: the one its lede names (the first named) and the one it
    names most (an article on swine flu that compares it with bird flu is about both)."""
    if not found:
        return frozenset()
    first = min(found, key=lambda d: found[d][0])
    most = max(found, key=lambda d: len(found[d]))
    return frozenset({first, most})


def article_disease(found: dict[str, list[int]]) -> str:
    """The one disease an article is about, "" for none: it is named first, at least
    three times, and no other disease is named more than once (a report on a
    plague outbreak that mentions swine flu once; not an article that compares two)."""
    if not found:
        return ""
    first = min(found, key=lambda d: found[d][0])
    others = all(len(h) <= 1 for d, h in found.items() if d != first)
    return first if others and len(found[first]) >= 3 else ""


def _counted_disease(
    view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon, diseases: frozenset[str]
) -> tuple[str | None, str]:
    """The disease the quantity's clause counts when it is not its article's ``diseases``: a count of
    another disease is a measure of its own ("33 million people infected with HIV"; "seasonal flu
    strains, which kill 250,000 to 500,000 every year"; a generic name counted per year, "influenza is
    a factor in 36,000 deaths a year", is the seasonal flu's toll). "" for the article's disease; None
    when the clause names other causes ("58 died of other causes") or two other diseases (unknown).
    Second, the one disease the clause names, the article's own included ("Swine flu has killed up to
    159 people"; "" for none or several): what :func:`resolve_diseases` reads over the story. The
    clause's own words are read, names included; a disease a comparison names ("behaving like
    seasonal flu", "milder than bird flu") is not counted."""
    a, b = win.clause
    relative = _relative_with_antecedent(view, q)
    ws = words(view.text, *relative) if relative else []
    named = _diseases_named(view, ws, lex, compared=False)
    if not named:  # (an antecedent that names no disease: "Bird flu has hit Indonesia, which has ...")
        ws = words(view.text, min(a, q.start), max(b, q.end))
        named = _diseases_named(view, ws, lex)
    if not named and _AS_A_RESULT.match(view.text, q.end, max(b, q.end) + 40):
        # "... due to regular, seasonal flu around the world each year, and between 250,000 and 500,000
        # die as a result": the result of the clause before, whose cause (and period) is the count's
        ws = words(view.text, view.sentence(q.start)[0], min(a, q.start)) + ws
        named = _diseases_named(view, ws, lex)
    joined = _shares_subject(view, q) if not named else None
    if joined is not None:
        # "seasonal influenza causes 250,000 hospitalizations and 36,000 deaths each year", "... and
        # results in about three to five million cases": an object or predicate joined by *and* has the
        # subject of the clause before
        named = _diseases_named(view, words(view.text, view.sentence(q.start)[0], joined), lex)
    if not named:
        named = _pronoun_subjects_disease(view, q, lex)
    one = next(iter(named)) if len(named) == 1 else ""
    if _has(ws, lex.other_causes):
        return None, one
    if not named and _has(ws, lex.yearly_names) and _has(ws, lex.yearly_words):
        # (named as well when it is one of the article's own: "In a normal flu season, about 36,000 people
        # die in the United States" in a report on past pandemics is no count of the story's disease)
        named, one = {lex.yearly_disease}, lex.yearly_disease
    if not named or named & diseases:
        return "", one
    return (next(iter(named)) if len(named) == 1 else None), one


# the verbs of causing whose predicate, joined by *and* to the one before, shares its subject
_CAUSING = frozenset(
    {"causes", "caused", "cause", "results", "resulted", "result", "kills", "killed", "kill", "leads"}
    | {"led", "claims", "claimed", "infects", "infected", "sickens", "sickened", "accounts", "accounted"}
)


def _shares_subject(view: ArticleView, q: Quantity) -> int | None:
    """Where the words before the count before ``q`` start, when ``q`` is joined to that count by *and*:
    another object of its verb ("causes 250,000 hospitalizations and 36,000 deaths"), or the object of a
    predicate that shares its subject ("causes ... deaths a year, and results in about three to five
    million cases"); None otherwise."""
    s0 = view.sentence(q.start)[0]
    before = [o for o in view.analysis.quantities if s0 <= o.start and o.end <= q.start]
    if not before:
        return None
    m = _JOINED_OBJECT.fullmatch(view.text, before[-1].end, q.start)
    return before[-1].start if m is not None else None


_JOINED_OBJECT = re.compile(
    r"(?:[ \t]+[a-z-]+){0,3}?[ \t]*(?:,[ \t]*)?and[ \t]+(?:(?:"
    + "|".join(sorted(_CAUSING))
    + r")[ \t]+(?:in|to|of)[ \t]+)?"
)


# a pronoun that opens a sentence as its subject ("It killed ...", "That too was centred on Asia"); *that*
# and *this* only before a verb or an adverb of their own (else they are a noun's determiner)
_PRONOUN_OPENS = frozenset({"it", "that", "this"})
_AFTER_PRONOUN = frozenset(
    {"too", "also", "then", "later", "eventually", "only", "still", "has", "had", "have", "is", "was"}
    | {"would", "will", "could", "may", "might", "killed", "caused", "infected", "claimed", "left"}
    | {"lasted", "spread", "sickened"}
)


def _pronoun_subjects_disease(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> set[str]:
    """The disease a sentence's opening pronoun refers to, when the sentence names none before the count:
    the first one the sentence before names, its subject's ("Six years ago came the Severe Acute
    Respiratory Syndrome (Sars) epidemic. That too was centred on Asia but caused more than 800 deaths
    worldwide": SARS's); the article's own disease so named leaves the count its own (as one of its main
    diseases, :func:`_counted_disease`). Empty for none."""
    s0 = view.sentence(q.start)[0]
    first = words(view.text, s0, q.start)[:2]
    if not first or first[0].text not in _PRONOUN_OPENS:
        return set()
    if first[0].text != "it" and (len(first) < 2 or first[1].text not in _AFTER_PRONOUN):
        return set()  # "This infection seems to have ...": a determiner, whose noun is the subject
    if _diseases_named(view, words(view.text, s0, q.start), lex):
        return set()
    before = words(view.text, view.sentence_before(s0)[0], s0)  # none for the first sentence
    found = [(min(_has(before, names)), d) for d, names in lex.diseases.items() if _has(before, names)]
    return {min(found)[1]} if found else set()


# a count's own verb, then *as a result* with no *of* after it: the cause is the clause before's
_AS_A_RESULT = re.compile(
    r"(?:\s+(?:people|persons|have|has|had|will|would|may|might|could|are|were|also))*"
    r"\s+(?:die[sd]?|dying|perished|fell\s+ill|became\s+ill|were\s+infected|are\s+infected)"
    r"\s+as\s+a\s+(?:direct\s+)?result\b(?!\s+of)",
    re.IGNORECASE,
)


def _diseases_named(view: ArticleView, ws: list[Word], lex: ClaimsLexicon, compared: bool = True) -> set[str]:
    """The diseases the words name, but the components of a mix and (``compared``) a name a comparison
    introduces ("milder than bird flu")."""
    return {
        d
        for d, names in lex.diseases.items()
        if any(
            (i == 0 or not compared or ws[i - 1].text not in COMPARED) and not _a_component(view, ws[i])
            for i in _has(ws, names)
        )
    }


# a non-restrictive relative clause open before a count: its comma, *which*, and no stop before the count
_RELATIVE_ON = re.compile(r",\s*which\s[^,;:.!?()\u2013\u2014]*$")
# what ends such a clause, or its antecedent's phrase on the left
_CLAUSE_STOP = re.compile(r"[,;:.!?()\u2013\u2014]")


def _relative_with_antecedent(view: ArticleView, q: Quantity) -> tuple[int, int] | None:
    """The span of a non-restrictive relative clause the count stands in and of the few words of its
    antecedent before it ("Unlike bird flu, which has killed 262 people, the new virus ...": *bird
    flu*, "Like SARS, which killed nearly 800 people"): the clause speaks of its antecedent, whatever
    the sentence compares it with. None when the count is in no such clause."""
    s0, s1 = view.sentence(q.start)
    m = _RELATIVE_ON.search(view.text, s0, q.start)
    if m is None:
        return None
    close = _CLAUSE_STOP.search(view.text, q.end, s1)
    before = _CLAUSE_STOP.split(view.text[s0 : m.start()])[-1]
    ant = words(view.text, m.start() - len(before), m.start())[-4:]
    return (ant[0].start if ant else m.start()), (close.start() if close else s1)


# the words of a mix whose components are named after them ("a mixture of swine, human and avian flu
# viruses", "genes from bird flu"): a virus made of them, not a disease counted
MIX_WORDS = frozenset({"mixture", "mix", "combination", "hybrid", "blend", "genes", "elements", "bits"})


def _a_component(view: ArticleView, name: Word) -> bool:
    """Whether the disease named at ``name`` is a component of a mix written up to six words before
    it in its sentence ("The new H1N1 flu strain -- a mixture of swine, human and avian flu viruses --
    has killed up to 159 people": H1N1 deaths, not bird flu's)."""
    s0 = view.sentence(name.start)[0]
    return any(w.text in MIX_WORDS for w in words(view.text, s0, name.start)[-6:])


def _places_counted_between(
    view: ArticleView, a: Quantity, between: Quantity | None, q: Quantity, lex: ClaimsLexicon
) -> bool:
    """Whether ``between`` (the quantity between ``a`` and ``q``) counts the places ``a`` is counted in
    (:func:`_counted_in`): "2,532 cases in 44 states, and three deaths" (the states are part of the
    first count's phrase, so the second is joined to that count, not to the states)."""
    return (
        between is not None
        and a.end <= between.start < q.start
        and _counted_in(view, a, between, lex, _PLACES_COUNTED)
    )


def _joined_words(
    view: ArticleView,
    prev: Measured | None,
    prev_q: Quantity | None,
    q: Quantity,
    thing: Thing,
    lex: ClaimsLexicon,
) -> list[str] | None:
    """The words (lowercase) between ``q`` and the count right before it, when that count is measured
    and of a thing of ``thing``'s family of states; None otherwise. A count of the places the count
    before is counted in may stand between them ("has confirmed 2,532 cases in 44 states, and three
    deaths": :func:`_places_counted_between`)."""
    if prev is None or prev.thing is None or prev.thing.states != thing.states:
        return None
    if prev.q is not prev_q and not _places_counted_between(view, prev.q, prev_q, q, lex):
        return None
    # the earlier value of a change set off after the count is no word between them (:func:`_from_aside`)
    aside = _FROM_ASIDE.match(view.text, prev.q.end, q.start)
    return [w.text.lower() for w in words(view.text, aside.end() if aside else prev.q.end, q.start)]


def _conjunct_of_verb_state(
    view: ArticleView,
    prev: Measured | None,
    prev_q: Quantity | None,
    q: Quantity,
    thing: Thing,
    lex: ClaimsLexicon,
) -> bool:
    """ "WHO had confirmed 44,287 cases of the new flu and 180 deaths", "has confirmed 70,893 cases ...,
    with 311 deaths": a verb of a state governs every conjunct of its object, so a count joined by *and*
    or *with* to the count right before it (no verb between), of the same family of states, shares the
    state that verb gives; not an adjective's ("15 confirmed cases and 2 deaths": the verb's word is
    written before the first number, an adjective after it)."""
    between = _joined_words(view, prev, prev_q, q, thing, lex)
    if prev is None or prev.thing is None or between is None:
        return False
    if not prev.state or prev.state == prev.thing.default_state:
        return False
    if between[-2:-1] == ["and"] and between[-1].endswith("ing"):
        between.pop()  # "suspected of killing 150 people and sickening 2,400": coordinated gerunds
    elif between[-3:-2] == ["and"] and between[-2] in _GERUND_PREPOSITIONS and between[-1].endswith("ing"):
        del between[-2:]  # "suspected of killing 150 people and of sickening 1,600": its preposition again
    if between[-1:] not in (["and"], ["with"]) or len(between) > 10 or set(between) & (AUX | CLAUSE_WORDS):
        return False
    before = words(view.text, view.sentence(prev.q.start)[0], prev.q.start)[-3:]
    return bool(_has(before, lex.states[thing.states][prev.state]))


# the prepositions a coordinated gerund may repeat ("of killing ... and of sickening ...")
_GERUND_PREPOSITIONS = frozenset({"of", "in", "for", "by", "with"})


def _conjunct_of_modal(
    view: ArticleView,
    prev: Measured | None,
    prev_q: Quantity | None,
    q: Quantity,
    thing: Thing,
    lex: ClaimsLexicon,
    aspect: str,
) -> str:
    """ "Israel would free 250 inmates serving life sentences and more than 1,700 detainees": a modal
    before a verb governs every conjunct of its object, so a count joined by *and* to the projected
    count right before it (no verb between, a thing of the same family of states) and of no aspect of
    its own is projected too. Returns the aspect of ``q``."""
    between = _joined_words(view, prev, prev_q, q, thing, lex)
    if aspect or prev is None or between is None or prev.aspect != "projected":
        return aspect
    if between[-1:] != ["and"] or len(between) > 8 or set(between) & (AUX | CLAUSE_WORDS):
        return ""
    n = lex.settings.window_words
    before = words(view.text, view.sentence(prev.q.start)[0], prev.q.start)[-n:]
    return "projected" if _has(before, lex.aspects.get("projected", ())) else ""


def _coordinated(view: ArticleView, prev: Measured, q: Quantity, thing: Thing) -> bool:
    """ "36,000 deaths a year in the US and 250,000 deaths globally": a count of the same thing
    joined to the one before it by *and*, with no verb between, is the second half of one phrase."""
    if prev.thing is None or prev.thing.name != thing.name:
        return False
    between = [w.text for w in words(view.text, prev.q.end, q.start)]
    return between[-1:] == ["and"] and len(between) <= 8 and not set(between) & (AUX | CLAUSE_WORDS)


COMPARED = frozenset({"like", "than", "unlike"})


def _thing_read(
    view: ArticleView,
    q: Quantity,
    win: Window,
    partitive: tuple[Thing, Window] | None,
    lex: ClaimsLexicon,
    wide: bool = False,
) -> tuple[Thing | None, str | None]:
    """What ``q`` counts: the whole's thing for a partitive ("20 of the 149 reported fatalities"),
    else the thing (or the generic noun) its own words name (``wide``: read twice as far, for a
    number fronted by *at* whose clause names it after its subject and verb)."""
    if partitive is not None:
        # "Of the cases, 47 have been hospitalized": a part's own verb may say what it counts
        return _own_verb_thing(win, partitive[0], lex), None
    thing, generic = _thing_of(q, win, lex, wide)
    unmoneyed = thing is None or thing.states not in lex.money_families
    if q.kind == "money" and unmoneyed and _gift(view, q, lex):
        return lex.things[lex.gifts.thing], None
    if generic is not None:
        return _placed_part(view, q, lex) or (thing, generic)
    return _own_verb_thing(win, thing, lex), generic


# the words of a disease's name after "infected with"
_INFECTED_WITH_WORDS = _COMPOUND_GAP_WORDS | {"the", "a", "new", "(", ")", "a/h1n1", "strain"}
# the words of a disease's name in an *of* or *from* phrase after a count, for the reach of its predicate
# ("of the new strain of influenza A/H1N1", "from the new pandemic influenza A(H1N1) 2009 virus")
_OF_DISEASE_WORDS = _INFECTED_WITH_WORDS | {"type", "2009", "-"}


def _own_verb_thing(win: Window, thing: Thing | None, lex: ClaimsLexicon) -> Thing | None:
    """ "Twelve infected people have died in Mexico", "12 infected pilgrims have recovered", "A total of 105
    cases in the UK have been hospitalised": infected persons whose own verb says they died, recovered or
    were hospitalised count deaths, recoveries or hospitalisations (the infection is what they had), not
    cases."""
    if thing is None or thing.name != "cases" or not win.right:
        return thing
    right = win.right
    if right[0].text in ("in", "across"):
        # "105 cases in the UK have been hospitalised": a place between the count and its verb group
        aux = next((j for j, w in enumerate(right[1:6], 1) if w.text in AUX), None)
        right = right[aux:] if aux is not None else right
    elif len(right) > 2 and right[0].text.lower() in ("infected", "sick", "ill") and right[1].text == "with":
        # "Five people infected with influenza A (H1N1) died Monday": the reduced relative says what they
        # had, the verb after it what became of them
        j = 2
        while j < len(right) and right[j].text.lower() in _INFECTED_WITH_WORDS:
            j += 1
        right = right[j:] or right
    elif len(right) > 2 and right[0].text.lower() == "infected" and right[1].text.lower() in _REMAIN:
        # "Thirty-five people infected remained hospitalized": the participle alone says what they had,
        # *remain* and the participle after it what became of them
        right = right[2:]
    # (the word after its auxiliaries, or its own verb when it has none: "infected people died"; after a
    # raising verb and its auxiliaries: "55 cases in B.C. are reported to have died")
    k = next((j for j, w in enumerate(right) if w.text.lower() not in AUX), len(right))
    if k + 1 < len(right) and right[k].text.lower() in _RAISING and right[k + 1].text == "to":
        k = next((j for j in range(k + 2, len(right)) if right[j].text.lower() not in AUX), len(right))
    verb = right[k].text.lower() if k < len(right) else ""
    for name in ("deaths", "recovered", "hospitalized"):
        other = lex.things.get(name)
        if other is not None and verb in other.predicates and verb.endswith("ed"):
            return other
    return thing


_REMAIN = frozenset({"remain", "remains", "remained"})


# the raising verbs of report between a subject and its own verb ("are reported to have died"; not of belief)
_RAISING = wordset("reported said known understood")


# the words of a verb group before its verb ("has also been", "will now"); between an amount and a
# participle after it ("$360m has so far been pledged", "has since been"), and between a subject and its
# verb ("The UN has also released", "is to give")
_VERB_GROUP = AUX | wordset("will would so far already now also just")
_BEFORE_PASSIVE = _VERB_GROUP | {"since"}
# ... and of a raising verb between a subject and its verb ("Wyclef Jean is also said to have raised $1m")
_SUBJECT_TO_VERB = _VERB_GROUP | wordset("to said reported expected thought believed understood set due")


def _gift(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> str | None:
    """How an amount of money is one given, raised or asked for (`[gifts]`): "given" (the object of a
    verb of giving or raising, not after a verb of wishing: "Madonna has donated $250,000", "has
    raised more than $57m"; or the subject of its passive: "$360m has been pledged"), "reached" (the
    value a total of gifts reached: "public donations to the fund have reached £31.5m"), "asked" ("an
    appeal for $562m"), "gift" (its own noun is a gift, after modifiers of the gift's thing or names:
    "a £6m contribution", "a £1m emergency appeal"); None for none of these."""
    if q.kind != "money":
        return None
    g = lex.gifts
    s0, s1 = view.sentence(q.start)
    left = words(view.text, s0, q.start)
    v = _gift_verb(left, lex)
    if v is not None:
        intent = v >= 2 and left[v - 1].text == "to" and left[v - 2].text in g.intents
        # "ex-soldiers should be given £10,000": a passive's subject is paid, no gift is said
        return None if intent or _passive_at(left, v) else "given"
    k = _before_between(left, lex)
    if k and left[k - 1].text in g.reached and any(_gift_noun(w, lex) for w in left[: k - 1]):
        return "reached"
    if k >= 2 and f"{left[k - 2].text} {left[k - 1].text}" in g.asked:
        return "asked"
    right = _past_brackets(words(view.text, q.end, s1))
    j = 0
    while j < len(right) and right[j].text in _BEFORE_PASSIVE:
        j += 1
    if j and any(i == j for i, _ in find_phrases(right, g.passives)):
        return "given"
    mods = lex.things[g.thing].modifiers
    j = 0
    while j < min(3, len(right)) and (right[j].text in mods or view.text[right[j].start].isupper()):
        j += 1
    if j >= len(right) or singular(right[j].text) not in g.nouns:
        return None
    # "A £25 donation buys a kit of household essentials": what one gift of that size buys, a price
    return None if j + 1 < len(right) and right[j + 1].text in g.buys else "gift"


def _before_between(left: list[Word], lex: ClaimsLexicon) -> int:
    """How many of ``left`` (the sentence's words before an amount) stand before the words between a
    verb and the amount it takes ("donated a total of £46m", "released an immediate $10m")."""
    k = len(left)
    while k and left[k - 1].text in lex.gifts.between:
        k -= 1
    return k


def _gift_verb(left: list[Word], lex: ClaimsLexicon) -> int | None:
    """Where in ``left`` the verb of giving or raising that takes the amount for object stands ("has
    donated $250,000"); None when there is none."""
    k = _before_between(left, lex)
    return k - 1 if k and left[k - 1].text in lex.gifts.verbs else None


# marks that open a clause, so that a subject starts after them
_CLAUSE_MARKS = wordset(", ; : that while whereas but meanwhile separately")
_PASSIVE_BE = AUX - {"has", "have", "had"}


def _passive_at(left: list[Word], k: int) -> bool:
    """Whether the verb at ``left[k]`` is a passive participle ("are to be given"; not "is funding")."""
    return k > 0 and left[k - 1].text in _PASSIVE_BE and not left[k].text.endswith("ing")


def _subject_giver(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[bool, str | None]:
    """The giver of an amount a verb takes (:func:`_object_verb`): (True, the party the verb's subject
    names, :func:`_verb_subject`), (True, a gift's possessor: "the government's £6m contribution"), or
    (True, None) when the subject names no one ("The company has pledged") or is a passive's, who gets
    the money; (False, None) when no verb takes the amount."""
    s0, _ = view.sentence(q.start)
    left = words(view.text, s0, q.start)
    k, owned = _object_verb(view, q, left, lex)
    if k is None:
        return False, None
    if owned:
        return True, _owner(view, q, left[k], lex)
    if _passive_at(left, k):
        return True, None  # "charities are to be given £250,000": the subject of a passive gets the money
    giver = _verb_subject(view, q, left, k, lex)
    e = _subject_end(view.text, left, k)
    if giver is None and not (e and left[e - 1].text in _PERSONAL):  # "I just donated £100 to the Red Cross"
        giver = _appeal_given_to(view, q, lex)
    return True, giver


_PERSONAL = wordset("i we you he she they it")


def _appeal_given_to(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> str | None:
    """The organiser of the appeal or fund, or the body, an amount is given to, when its subject names no
    giver: the public's gifts to an appeal are the appeal's figure ("Britons have so far donated £15m to
    the Disasters Emergency Committee appeal", "to the Red Cross"); None when no body or appeal follows
    *to*, or it names no one ("to the appeal")."""
    right = _past_brackets(words(view.text, q.end, view.sentence(q.start)[1]))
    if not right or right[0].text not in ("to", "via", "through"):
        return None
    first = right[2] if len(right) > 2 and right[1].text == "the" else right[1] if len(right) > 1 else None
    body = next(
        (
            _giver_name(view, e, lex)
            for e in view.analysis.entities
            if e.type == "ORG" and first is not None
            for mn in e.mentions
            if mn.start == first.start
        ),
        None,
    )
    if body is not None:
        return body  # "Britons have so far donated £15m to the Disasters and Emergency Committee"
    to = next((i for i, w in enumerate(right[:10]) if singular(w.text) in lex.gifts.collectors), None)
    if to is None or any(w.text in _CLAUSE_MARKS or w.text in AUX for w in right[1:to]):
        return None
    by = _run_by(view, right[to + 1 :], lex)
    if by is not None:
        return by  # "via the appeal launched by the Disasters Emergency Committee"
    np = right[1 : to + 1]
    return _organiser(view, q, np, _mentions_in(view, np[0].start, np[-1].end, lex), lex)


def _run_by(view: ArticleView, after: list[Word], lex: ClaimsLexicon) -> str | None:
    """The organiser an appeal's passive of running names after it (``after``, the words that follow
    the appeal's noun): "launched by the Disasters Emergency Committee", "is being run by the DEC"."""
    j = 0
    while j < min(3, len(after)) and (after[j].text in AUX or after[j].text == "being"):
        j += 1
    by = after[j : j + 4]
    if len(by) < 3 or by[0].text not in _RUN_BY or by[1].text != "by":
        return None
    at = by[3] if by[2].text == "the" and len(by) > 3 else by[2]
    return _name_starting(view, at.start, at.end, lex)


def _name_starting(view: ArticleView, a: int, b: int, lex: ClaimsLexicon) -> str | None:
    """The canonical name of the giver's name that starts at ``a`` (``b`` the end of its first word)."""
    return next((n for s, _, n in _mentions_in(view, a, b, lex) if s == a), None)


# participles of running an appeal, before its organiser's *by*
_RUN_BY = wordset("launched organised organized run set started held")


def _verb_subject(
    view: ArticleView, q: Quantity, left: list[Word], k: int, lex: ClaimsLexicon, hops: int = 1
) -> str | None:
    """The party the subject of the verb at ``left[k]`` names (:func:`_subject_party`): "Lance Armstrong's
    LiveStrong Foundation has pledged $250,000" is the foundation's; an appositive between commas or
    dashes is passed over ("The Hollywood Foreign Press Association, organisers of Sunday's Golden Globe
    awards, have pledged $100,000"); the subject ends at a clause mark, the verb of a clause before it or
    the cue of the statement whose content holds the amount ("have led to people in the UK giving £12m"
    names no giver); a pronoun is that statement's speaker's ("The World Bank says it will provide"); a
    verb joined by *and* to one before it shares its subject ("the UN is mobilising a team and releasing
    $10m")."""
    e = _subject_end(view.text, left, k)
    if e and left[e - 1].text == ",":
        # an appositive ends at the comma before the verb: the subject ends at the comma that opens it
        opening = _appositive_opening(view.text, left, e - 1)
        e = opening if opening is not None else e
    if e and left[e - 1].text == "and":
        # the nearest verb before *and*: "which launched a £250,000 aid campaign and donated £75,000"
        p = next((i for i in range(e - 2, -1, -1) if left[i].text in AUX or _finite_gift(left[i], lex)), None)
        return None if p is None or not hops else _verb_subject(view, q, left, p, lex, hops - 1)
    if e and left[e - 1].text in _RELATIVES and view.text[left[e - 1].start].islower():  # not "The WHO has"
        return _relative_antecedent(view, q, left, e - 1, lex)
    c = _subject_start(view, q, left, e)
    if c >= e:
        return None
    if left[e - 1].text in _PRONOUN_GENDER:
        return _speaker_for(view, q, left[e - 1].text, lex)
    subj = _bare_subject(view.text, left[c:e])
    return _subject_party(view, q, subj, lex) if subj else None


_RELATIVES = wordset("which who that")


def _subject_end(text: str, left: list[Word], k: int) -> int:
    """Where the subject of the verb at ``left[k]`` ends: before the verb group, raising verbs and
    adverbs after an auxiliary included ("has so far", "is also said to have", "would immediately",
    "we have generously donated")."""
    e = k
    while e and (
        left[e - 1].text in _SUBJECT_TO_VERB
        or (left[e - 1].text.endswith("ly") and e > 1 and left[e - 2].text in _VERB_GROUP)
    ):
        e -= 1
    return e


def _finite_gift(w: Word, lex: ClaimsLexicon) -> bool:
    """Whether ``w`` is a verb of giving or launching in the past or present tense ("launched",
    "donates"), which a verb after *and* may share its subject with."""
    return (w.text in lex.gifts.verbs or w.text in lex.gifts.launches) and w.text.endswith(("ed", "s"))


def _relative_antecedent(
    view: ArticleView, q: Quantity, left: list[Word], r: int, lex: ClaimsLexicon
) -> str | None:
    """The party a relative pronoun subject (``left[r]``) stands for: the name right before it, with or
    without a comma ("Muslim Aid, which launched"), else the appeal, fund or telethon it follows, past
    the phrases after that noun ("a “Hope for Haiti Now” telethon in the US on Friday which raised
    more than $57m", an appeal's organiser); None otherwise."""
    k = r - 1 if r and left[r - 1].text == "," else r
    if not k:
        return None
    before = left[k - 1]
    names = _mentions_in(view, before.start - 80, before.end, lex)
    name = next((n for _, b, n in names if b == before.end), None)
    if name is not None:
        return name
    for i in range(k - 1, max(-1, k - 9), -1):
        if singular(left[i].text) in lex.gifts.collectors:
            np = _collector_np(view.text, left, i, lex)
            return _organiser(view, q, np, _mentions_in(view, np[0].start, np[-1].end, lex), lex)
        if _bounds_noun_phrase(view.text, left[i], lex) and left[i].text not in _NOT_HEAD:
            return None
    return None


def _appositive_opening(text: str, left: list[Word], close: int) -> int | None:
    """Where the comma that opens the appositive closed by the comma ``left[close]`` stands: the comma
    before it, past the commas of a list that ends in *and* or *or* inside it ("The disaster relief
    telethon, featuring performances from stars including Jay-Z, Madonna and U2, has so far raised");
    None when there is none."""
    commas = [i for i in range(close - 1, -1, -1) if left[i].text == ","]
    if not commas:
        return None
    if not any(w.text in ("and", "or") for w in left[commas[0] + 1 : close]):
        return commas[0]
    k = 0
    while k + 1 < len(commas) and _name_item(text, left[commas[k + 1] + 1 : commas[k]]):
        k += 1
    return commas[k + 1] if k + 1 < len(commas) else None


def _name_item(text: str, ws: list[Word]) -> bool:
    """Whether ``ws`` reads as one item of a list of names: one to four words, the first a capital."""
    return 0 < len(ws) <= 4 and text[ws[0].start].isupper()


def _subject_start(view: ArticleView, q: Quantity, left: list[Word], e: int) -> int:
    """Where in ``left`` the subject that ends before ``left[e]`` starts: after a mark that opens a clause
    or a verb, at a sentence start whose mark is lost, or at the content of the statement that holds
    the amount."""
    c = next((i + 1 for i in range(e - 1, -1, -1) if _opens_subject(view.text, left[i])), 0)
    # an article written in capitals after a word that no name goes on from starts a sentence whose mark
    # is lost (a caption run in: "The UN building collapsed in the earthquake The UN has launched")
    c = next((i for i in range(e - 1, c, -1) if _run_in_start(view.text, left, i)), c)
    if c and left[c - 1].text in AUX:
        # a verb before the subject: a clause joined by *and* ends at it ("The World Food Programme is
        # supplying food and the Red Cross has begun a $10m appeal")
        c = next((i + 1 for i in range(e - 1, c - 1, -1) if left[i].text == "and"), c)
    st = _holding_statement(view, q)
    if st is not None and st.cue is not None and st.cue.end <= left[e - 1].start:
        # "X said it would give": not when the verb of giving is the cue ("The EU pledged $10m")
        c = next((i for i in range(c, e) if left[i].start >= st.content.start), e)
    return c


def _holding_statement(view: ArticleView, q: Quantity) -> Statement | None:
    """The statement with a speaker whose content holds ``q`` (the narrowest)."""
    held = [
        st
        for st in view.analysis.statements
        if st.speaker is not None and st.content.start <= q.start and q.end <= st.content.end
    ]
    return min(held, key=lambda st: st.content.end - st.content.start, default=None)


# pronouns of a giver: whether they refer to a person
_PRONOUN_GENDER = {"it": False, "its": False, "they": False, "their": False}
_PRONOUN_GENDER |= {"he": True, "his": True, "she": True, "her": True}


def _speaker_for(view: ArticleView, q: Quantity, pronoun: str, lex: ClaimsLexicon) -> str | None:
    """The party a pronoun in the content of a statement refers to: its speaker, when the pronoun fits
    ("it" a body, "she" a person: "The Democratic Republic of Congo has announced it is sending $2.5m")."""
    st = _holding_statement(view, q)
    if st is None or st.speaker is None:
        return None
    person = _PRONOUN_GENDER[pronoun]
    ent = next((x for x in view.analysis.entities if x.id == st.speaker.entity), None)
    if ent is None:
        # "organisers of the Hope for Haiti Now telethon said it had raised": the appeal they run
        return None if person else _speaker_collector(view, q, st, lex)
    if ent.type == "PERSON" and not person:
        # "It will launch an emergency appeal for $550m, UN spokeswoman Corinne Momal-Vanian said", "UN
        # humanitarian chief John Holmes says it will launch a flash appeal"
        name_start = st.speaker.ref_start or st.speaker.start
        pre = _mentions_in(view, st.speaker.start, name_start, lex)
        head = words(view.text, st.speaker.start, name_start)
        return _headed_body(view, head, pre, lex) or _spoken_for(view, ent, lex)
    if ent.type not in GIVER_TYPES or (ent.type == "PERSON") != person:
        return None
    return _giver_name(view, ent, lex)


def _headed_body(
    view: ArticleView, ws: list[Word], mentions: list[tuple[int, int, str]], lex: ClaimsLexicon
) -> str | None:
    """The organisation a person's title before their name says they head or speak for (``ws``, the
    words before the name, and the names among them): one organisation's name followed by a word of
    heading or speaking (`[gifts] heads`, `spokespeople`) and no other name ("UN humanitarian chief",
    "Oxfam director"); None otherwise."""
    if len(mentions) != 1 or not _typed_at(view, mentions[0][0], "ORG"):
        return None
    _, b, name = mentions[0]
    after = [w for w in ws if w.start >= b]
    g = lex.gifts
    return name if any(w.text in g.heads or w.text in g.spokespeople for w in after) else None


def _name_party(
    view: ArticleView, q: Quantity, head: list[Word], mentions: list[tuple[int, int, str]], lex: ClaimsLexicon
) -> str | None:
    """The party a subject headed by a name names: the names of a list together, or each its amount
    (:func:`_respective`), an organisation its head or spokesperson acts for (:func:`_office_holder`),
    the last name that modifies nothing (:func:`_head_name`), or a name no entity's as written
    (:func:`_unnamed_name`)."""
    # a list the subject's start cut at a comma goes on before it ("Britain, France and Germany")
    s0 = view.sentence(q.start)[0]
    listed = _mentions_in(view, s0, head[-1].end, lex)
    # (not a place a preposition introduces: "In Brussels, France and Germany have pledged")
    joint = _joined_names(
        view.text,
        [m for m in listed if m[1] <= head[-1].end and not _introduced_by(view, s0, m[0], _NOT_HEAD, 20)],
    )
    if len(joint) > 1:
        return _respective(view, q, joint)
    inside = [m for m in mentions if head[0].start <= m[0] and m[1] <= head[-1].end]
    if len(inside) > 1 and _typed_at(view, inside[-1][0], "PERSON"):
        return _office_holder(view, head, inside, mentions, lex)
    return _head_name(view, head, mentions) or _unnamed_name(view, q, head)


def _headline_case(view: ArticleView, pos: int) -> bool:
    """Whether the sentence at ``pos`` is written in a headline's capitals (most words capitalised)."""
    s0, s1 = view.sentence(pos)
    ws = words(view.text, s0, s1)
    return sum(view.text[w.start].isupper() for w in ws) * 2 > len(ws)


def _unnamed_name(view: ArticleView, q: Quantity, head: list[Word]) -> str | None:
    """A subject that is a name no entity's, as written ("Save the Children has released £50,000"): two
    capitalised words or more, the last one last, with only the small words of names between, in a
    sentence not written in a headline's capitals ("Charity Appeal Raises £5m"); None otherwise."""
    while head and head[0].text in ("the", "a", "an"):
        head = head[1:]
    caps = [w for w in head if view.text[w.start].isupper()]
    if (
        len(caps) < 2
        or caps[-1] is not head[-1]
        or any(w.text not in _NAME_JOINS and w not in caps for w in head)
    ):
        return None
    return None if _headline_case(view, q.start) else _as_written(view.text[head[0].start : head[-1].end])


def _office_holder(
    view: ArticleView,
    head: list[Word],
    inside: list[tuple[int, int, str]],
    mentions: list[tuple[int, int, str]],
    lex: ClaimsLexicon,
) -> str | None:
    """The giver a subject headed by a person after a title names (``inside``: the names in its head, the
    person's last): the organisation the title says they head ("UN humanitarian chief John Holmes
    launches a flash appeal": an appeal is its body's), else the person (:func:`_head_name`)."""
    before = [w for w in head if w.end <= inside[-1][0]]
    body = _headed_body(view, before, [inside[-2]], lex) if len(inside) == 2 else None
    return body or _head_name(view, head, mentions)


def _typed_at(view: ArticleView, start: int, kind: str) -> bool:
    """Whether a mention of an entity of type ``kind`` ("ORG", "PERSON") starts at ``start``."""
    return any(e.type == kind and any(mn.start == start for mn in e.mentions) for e in view.analysis.entities)


def _spoken_for(view: ArticleView, ent: Entity, lex: ClaimsLexicon) -> str | None:
    """The body a spokesperson speaks for, as their title names it (`[gifts] spokespeople`: "UN
    spokeswoman", "spokeswoman for the UN World Food Programme"): an organisation or a country of the
    article by that name, or an acronym of the cross-document table; None for another title or name."""
    title = ent.attributes.get("title", "")
    tw = words(title)
    k = next((i for i, w in enumerate(tw) if w.text in lex.gifts.spokespeople), None)
    if k is None:
        return None
    rest = tw[:k] or [w for w in tw[k + 1 :] if w.text not in ("for", "of")]
    while rest and rest[0].text == "the":
        rest = rest[1:]
    if not rest:
        return None
    body = title[rest[0].start : rest[-1].end]
    for e in view.analysis.entities:
        if e.type in ("ORG", "GPE") and (e.name == body or any(mn.text == body for mn in e.mentions)):
            return _giver_name(view, e, lex)
    full = load_crossdoc().full_name(body)
    # a name no entity's, as written ("American Red Cross spokeswoman")
    capitals = all(title[w.start].isupper() or w.text in _NAME_JOINS for w in rest)
    return full or (_as_written(body) if capitals and title[rest[-1].start].isupper() else None)


def _speaker_collector(view: ArticleView, q: Quantity, st: Statement, lex: ClaimsLexicon) -> str | None:
    """The organiser of the appeal, fund or telethon a speaker that is no entity's names ("organisers of
    the Hope for Haiti Now telethon", read up to the cue after it); None when it names none."""
    assert st.speaker is not None
    end = st.cue.start if st.cue is not None and st.cue.start >= st.speaker.end else st.speaker.end
    # from its sentence's start: the speaker may be the appeal's noun alone ('Organisers of the “Hope for
    # Haiti Now” telethon, led by George Clooney, said it raised')
    ws = words(view.text, view.sentence(st.speaker.start)[0], end)
    i = next((i for i in range(len(ws) - 1, -1, -1) if singular(ws[i].text) in lex.gifts.collectors), None)
    if i is None:
        return None
    np = _collector_np(view.text, ws, i, lex)
    return _organiser(view, q, np, _mentions_in(view, np[0].start, np[-1].end, lex), lex, refer=False)


def _owner(view: ArticleView, q: Quantity, w: Word, lex: ClaimsLexicon) -> str | None:
    """The party a possessor names ("DEC's", "its" of a statement's speaker; a name no entity's but
    abbreviated in brackets after it, by that abbreviation: "the UK Disasters Emergency Committee's (DEC)
    appeal")."""
    if w.text in _PRONOUN_GENDER:
        return _speaker_for(view, q, w.text, lex)
    short = _BRACKETED.match(view.text, w.end)
    named = _name_at(view, w, lex)
    if named is None and view.text[max(0, w.start - 4) : w.start].lower() == "the ":
        # "the government's £6m contribution"
        return _home_government(view, q, w.text, lex)
    if named is None and short is not None:
        return _name_starting(view, short.start(1), short.end(1), lex)
    return named


_BRACKETED = re.compile(r"\s*\((\w+)\)")


def _home_government(view: ArticleView, q: Quantity, noun: str, lex: ClaimsLexicon) -> str | None:
    """The country of "the government" that no modifier names (``noun``, after *the*, possessive or
    not): the one whose money alone the amount is written in (`[gifts] home_currencies`: a British paper's
    "The government has pledged £20m"); None for a currency of many countries (dollars, euros) or
    another noun."""
    noun = noun.removesuffix("'s").removesuffix("’s")
    country = lex.gifts.home_currencies.get(q.unit or "") if noun in lex.gifts.home_governments else None
    return None if country is None else view.aliases.get(country, country)


def _bare_subject(text: str, subj: list[Word]) -> list[Word]:
    """A subject without its words in brackets ("the Disasters Emergency Committee's (DEC) appeal") and
    without an appositive after a dash ("The European Commission - the EU's executive arm -")."""
    out: list[Word] = []
    depth = 0
    for i, w in enumerate(subj):
        gap = text[subj[i - 1].end : w.start] if i else ""
        depth += gap.count("(") - gap.count(")")
        if w.text in ("—", "–") or " - " in gap:
            break
        if depth <= 0:
            out.append(w)
    return out


def _opens_subject(text: str, w: Word) -> bool:
    """Whether a subject starts after ``w``: a mark that opens a clause (not the comma of "15,000") or a
    verb of a clause before it."""
    if w.text == ",":
        return not (text[w.start - 1 : w.start].isdigit() and text[w.end : w.end + 1].isdigit())
    return w.text in _CLAUSE_MARKS or w.text in AUX


def _run_in_start(text: str, left: list[Word], i: int) -> bool:
    """Whether ``left[i]`` is "The", "A" or "An" inside a sentence after a word that is no preposition
    (not "in The Hague")."""
    w = left[i]
    return w.text in ("the", "a", "an") and text[w.start].isupper() and left[i - 1].text not in _NOT_HEAD


def _object_verb(
    view: ArticleView, q: Quantity, left: list[Word], lex: ClaimsLexicon
) -> tuple[int | None, bool]:
    """Where in ``left`` (the sentence's words before an amount) the verb the amount goes with stands: a
    verb of giving or raising whose object it is ("has donated $250,000"), a verb of reaching whose
    subject is a total of gifts ("donations ... have reached £31.5m"), or a verb of launching whose
    object is the appeal or the gift of that amount ("The UN has launched an appeal for $562m", "has
    begun a $10m appeal"); with True, the possessor of such a gift instead, its giver whatever the verb
    ("criticised the government's £6m contribution"); (None, False) for none of these."""
    k = _gift_verb(left, lex)
    if k is not None:
        return k, False
    kind = _gift(view, q, lex)
    if kind == "reached":
        return _before_between(left, lex) - 1, False
    if kind not in ("asked", "gift"):
        return None, False
    j = len(left) - (2 if kind == "asked" else 0)
    mods = lex.things[lex.gifts.thing].modifiers
    while j and left[j - 1].text in mods:
        j -= 1
    if j and _possessor(left[j - 1]):
        return j - 1, True
    j = _before_between(left[:j], lex)
    return (j - 1, False) if j and left[j - 1].text in lex.gifts.launches else (None, False)


# words after a subject's head that are no part of its noun phrase ("The US alone has given")
_SUBJECT_TAIL = wordset("alone too itself himself herself themselves together jointly both")
# the lower-case words a name of several words may hold ("Hope for Haiti Now", "Save the Children")
_NAME_JOINS = wordset("for of the and")


def _subject_party(view: ArticleView, q: Quantity, subj: list[Word], lex: ClaimsLexicon) -> str | None:
    """The party a subject of giving names, by its head (the last word before a preposition outside a
    name): a name is itself, the last that modifies nothing after it ("US pop star Madonna"); a
    government is the country its modifier names ("The British government"); an appeal, a fund or a
    telethon is its organiser's, and a foundation or a charity is the one its name names
    (:func:`_organiser`: "DEC's Haiti earthquake appeal", "the Yele Haiti foundation"); gifts are the
    appeal's they went to ("donations to a Disasters Emergency Committee fund"); any other noun names
    no one ("A seven-year-old west London boy", "people in the UK")."""
    mentions = _mentions_in(view, subj[0].start, subj[-1].end, lex)

    def named(w: Word) -> bool:
        return any(a <= w.start < b for a, b, _ in mentions)

    h = next(
        (
            i
            for i, w in enumerate(subj)
            if w.text in _NOT_HEAD and view.text[w.start].islower() and not named(w)
        ),
        len(subj),
    )
    head = subj[:h]
    while head and (head[-1].text in _SUBJECT_TAIL or _adverb(view.text, head[-1])):
        head.pop()
    if len(head) >= 3 and head[-2].text == "and" and not named(head[-1]) and not named(head[-3]):
        head = head[:-2]  # common nouns joined share their modifiers: "the ... telethon and gig"
    if not head:
        return None
    last = head[-1]
    if _people_at(view, last):
        return None  # "Britons have donated £46m": a people gives as its public, not as its state
    g = lex.gifts
    common = singular(last.text) in g.governments | g.collectors | g.bodies  # "The Government", "Appeal"
    if named(last) or (view.text[last.start].isupper() and not common):
        return _name_party(view, q, head, mentions, lex)
    noun = singular(last.text)
    rest = subj[h:]
    if noun in lex.gifts.governments:
        return _government_party(view, q, head, rest, mentions, lex)
    if noun in lex.gifts.collectors or noun in lex.gifts.bodies:
        return _organiser(view, q, head, mentions, lex)
    if _gift_noun(last, lex) and rest and rest[0].text == "to":
        to = next((i for i, w in enumerate(rest) if singular(w.text) in lex.gifts.collectors), None)
        return None if to is None else _organiser(view, q, rest[1 : to + 1], mentions, lex)
    return None


_NAME_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _joined_names(text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    """The names of a list that ends a subject, joined by commas and *and* with nothing else between
    them ("Brad Pitt and Angelina Jolie", "Britain, France and Germany"; not "Brad Pitt and Angelina Jolie
    gave $1m (£620,000) and supermodel Giselle Bundchen"): the last name alone when no *and* joins it."""
    if not mentions:
        return []
    out = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        if m[1] > out[0][0] or not _NAME_LIST_GAP.fullmatch(text, m[1], out[0][0]):
            break
        out.insert(0, m)
    joined = any("and" in text[a[1] : b[0]] for a, b in pairwise(out))
    return [n for _, _, n in out] if joined else [out[-1][2]]


def _respective(view: ArticleView, q: Quantity, names: list[str]) -> str | None:
    """The giver of an amount whose subject joins several names ("Rwanda and Liberia have pledged"): the
    name in the amount's place among the amounts of the sentence when *respectively* follows them
    ("$100,000 and $50,000 respectively"); else all of them, one joint giver ("Brad Pitt and Angelina
    Jolie gave $1m"), never the last alone; None when the amounts and the names do not pair."""
    s0, s1 = view.sentence(q.start)
    after = re.search(r"\brespectively\b", view.text[q.end : s1])
    if after is None:
        return f"{', '.join(names[:-1])} and {names[-1]}"
    stop = q.end + after.start()
    amounts = sorted(
        x.start
        for x in view.analysis.quantities
        if x.kind == "money" and s0 <= x.start < stop and not _in_brackets(view.text, s0, x.start)
    )
    return names[amounts.index(q.start)] if len(amounts) == len(names) and q.start in amounts else None


def _in_brackets(text: str, s0: int, at: int) -> bool:
    """Whether ``at`` stands inside brackets opened in its sentence (a conversion: "$1m (£620,000)")."""
    return text.count("(", s0, at) > text.count(")", s0, at)


def _government_party(
    view: ArticleView,
    q: Quantity,
    head: list[Word],
    rest: list[Word],
    mentions: list[tuple[int, int, str]],
    lex: ClaimsLexicon,
) -> str | None:
    """The country a subject headed by a government (``head``, ``rest`` the words after the head) gives
    as: the one its modifier names ("The British government"), or *of* names ("The government of Chile",
    not "The governments of France and Germany"), or, for a government no word names, the country of the
    amount's currency (:func:`_home_government`: "The government has already pledged £20m", not "the
    government of a neighbouring state")."""
    country = next((name for start, _, name in reversed(mentions) if start < head[-1].start), None)
    of = rest[2:] if len(rest) > 2 and rest[1].text == "the" else rest[1:]
    if country is None and of and rest[0].text == "of":
        country = next((n for a, b, n in mentions if a == of[0].start and b >= of[-1].end), None)
    if country is not None or rest or len(head) != 2 or head[0].text != "the":
        return country
    return _home_government(view, q, head[1].text, lex)


def _possessor(w: Word) -> bool:
    """Whether ``w`` is a possessor ("government's", "its")."""
    return w.text.endswith(("'s", "’s")) or w.text in ("its", "their", "his", "her")


def _adverb(text: str, w: Word) -> bool:
    """Whether ``w`` reads as an adverb of manner or time after a subject ("The UN immediately
    released"): a lower-case word of *-ly* of six letters or more that is no noun of *-ly* ("family")."""
    return len(w.text) >= 6 and w.text.endswith("ly") and text[w.start].islower() and w.text not in _LY_NOUNS


_LY_NOUNS = wordset("family assembly monopoly supply rally ally anomaly")


def _head_name(view: ArticleView, head: list[Word], mentions: list[tuple[int, int, str]]) -> str | None:
    """The name a subject headed by a name names: its last that modifies nothing after it (not "Lance
    Armstrong's" of "Lance Armstrong's LiveStrong Foundation", nor "Haiti" of "Haiti-born singer Wyclef
    Jean") and that no preposition introduces."""
    for start, end, name in reversed(mentions):
        modifier = view.text[end : end + 2] in ("'s", "’s") or view.text[end : end + 1] == "-"
        if (
            end <= head[-1].end
            and not modifier
            and not _introduced_by(view, head[0].start, start, _NOT_HEAD, 20)
        ):
            return name
    return None


def _people_at(view: ArticleView, w: Word) -> bool:
    """Whether ``w`` is a word of a people's name ("Britons", "Haitians")."""
    return any(
        mn.start <= w.start < mn.end for e in view.analysis.entities if e.type == "NORP" for mn in e.mentions
    )


def _mentions_in(view: ArticleView, a: int, b: int, lex: ClaimsLexicon) -> list[tuple[int, int, str]]:
    """The mentions of givers' names that start between ``a`` and ``b``: (start, end, canonical name)."""
    return sorted(
        (mn.start, mn.end, _giver_name(view, ent, lex))
        for ent in view.analysis.entities
        if ent.type in GIVER_TYPES
        for mn in ent.mentions
        if a <= mn.start < b
    )


def _name_at(view: ArticleView, w: Word, lex: ClaimsLexicon) -> str | None:
    """The canonical name of the giver's name that ``w`` is a word of ("government's": None)."""
    return next(
        (name for a, b, name in _mentions_in(view, w.start - 60, w.end, lex) if a <= w.start < b), None
    )


def _organiser(
    view: ArticleView,
    q: Quantity,
    np: list[Word],
    mentions: list[tuple[int, int, str]],
    lex: ClaimsLexicon,
    refer: bool = True,
) -> str | None:
    """Who runs the appeal, fund or telethon the noun phrase ``np`` (ending at that noun) names: its
    possessor ("DEC's Haiti earthquake appeal"), else the name written before the noun, past the gift's
    modifiers ("the DEC emergency appeal", "The Hope For Haiti Now telethon", as written when it is no
    entity's), unless that name is a place or a people, which the appeal is for ("the Haiti appeal");
    else, for a definite appeal, fund or telethon (``refer``), the one organiser of those named before it
    in the article (:func:`_earlier_organiser`); else None."""
    body = np[:-1]
    owner = next((w for w in reversed(body) if _possessor(w)), None)
    if owner is not None:
        return _owner(view, q, owner, lex)
    mods = lex.things[lex.gifts.thing].modifiers
    j = len(body)
    while j and body[j - 1].text in mods and view.text[body[j - 1].start].islower():
        j -= 1
    i = j
    while i and (
        view.text[body[i - 1].start].isupper()
        or (body[i - 1].text in _NAME_JOINS and i - 1 > 0 and i < j and view.text[body[i].start].isupper())
    ):
        i -= 1  # capitalised words, and the small words between two of them ("Hope for Haiti Now")
    while i < j and (body[i].text in _NAME_JOINS or body[i].text in ("a", "an")):
        i += 1
    a, b = (body[i].start, body[j - 1].end) if i < j else (0, 0)
    if i >= j or _place_span(view, a, b):
        definite = np[0].text == "the" and singular(np[-1].text) in lex.gifts.collectors
        return _earlier_organiser(view, q, np[0].start, lex) if refer and definite else None
    named = [name for s, e, name in mentions if (s, e) == (a, b)]
    if named:
        return named[0]
    # as written, but not a headline's capitals ("Charity Appeal Raises £5m") nor one word capitalised
    # only as its sentence's first ("Appeal funds were sent")
    first = i == j - 1 and view.sentence(a)[0] == a
    return None if first or _headline_case(view, q.start) else _as_written(view.text[a:b])


def _place_span(view: ArticleView, a: int, b: int) -> bool:
    """Whether ``a``..``b`` is a mention of a place or of a country's people ("the Haiti appeal")."""
    return any(
        (mn.start, mn.end) == (a, b)
        for ent in view.analysis.entities
        if ent.type in ("GPE", "LOC") or (ent.type == "NORP" and "country" in ent.attributes)
        for mn in ent.mentions
    )


def _collector_np(text: str, ws: list[Word], i: int, lex: ClaimsLexicon, start: int = 0) -> list[Word]:
    """The noun phrase of ``ws`` that ends at the appeal, fund or telethon ``ws[i]``: at most six words
    back, to its article or to a word no noun phrase goes on over (:func:`_bounds_noun_phrase`), never
    before ``start`` (its sentence's)."""
    j = i
    while (
        j > max(0, i - 6)
        and ws[j - 1].start >= start
        and (
            not _bounds_noun_phrase(text, ws[j - 1], lex)
            or (
                ws[j - 1].text in _NAME_JOINS
                and j > 1
                and text[ws[j - 2].start].isupper()
                and text[ws[j].start].isupper()
            )
        )
    ):
        j -= 1
        if ws[j].text in ("the", "a", "an"):
            break
    return ws[j : i + 1]


def _bounds_noun_phrase(text: str, w: Word, lex: ClaimsLexicon) -> bool:
    """Whether a noun phrase after ``w`` starts there: ``w`` marks a clause, is a verb or a lower-case
    preposition."""
    return (
        w.text in _CLAUSE_MARKS
        or w.text in AUX
        or w.text in lex.gifts.verbs
        or w.text in lex.gifts.launches
        or (w.text in _NOT_HEAD and text[w.start].islower())
    )


def _as_written(name: str) -> str:
    """A name no entity's as written, its small words after the first in lower case, so that one name
    written in two cases is one giver ("Hope For Haiti Now" and "Hope for Haiti Now")."""
    head, *rest = name.split(" ")
    return " ".join([head, *(w.lower() if w.lower() in _NAME_JOINS else w for w in rest)])


def _earlier_organiser(view: ArticleView, q: Quantity, before: int, lex: ClaimsLexicon) -> str | None:
    """Whom a definite appeal, fund or telethon that names no organiser ("The disaster relief telethon
    ... has so far raised $66m", "giving £12m to the official relief fund") refers to: the organiser of
    the appeals, funds and telethons named before ``before`` in the article, when they all have one and
    the same ("the Hope For Haiti Now telethon", "DEC's Haiti earthquake appeal"); else None."""
    found: set[str] = set()
    ws = words(view.text, 0, before)
    for i, w in enumerate(ws):
        if singular(w.text) not in lex.gifts.collectors:
            continue
        s0, s1 = view.sentence(w.start)
        np = _collector_np(view.text, ws, i, lex, s0)
        who = _organiser(view, q, np, _mentions_in(view, np[0].start, np[-1].end, lex), lex, refer=False)
        # "The main Haiti appeal is being run by the Disasters and Emergency Committee"
        who = who or _run_by(view, words(view.text, w.end, s1)[:8], lex)
        if who is not None:
            found.add(who)
    return next(iter(found)) if len(found) == 1 else None


def _gift_noun(w: Word, lex: ClaimsLexicon) -> bool:
    """Whether ``w`` names gifts or the money thing ("donations", "aid")."""
    noun = singular(w.text)
    return noun in lex.gifts.nouns or noun in lex.things[lex.gifts.thing].heads


def _past_brackets(ws: list[Word]) -> list[Word]:
    """The words after a bracket that opens them ("(£612,000) from their foundation": a conversion)."""
    if not ws or ws[0].text != "(":
        return ws
    close = next((i for i, w in enumerate(ws) if w.text == ")"), None)
    return ws if close is None else ws[close + 1 :]


def _off_asked(view: ArticleView, q: Quantity, thing: Thing, win: Window, lex: ClaimsLexicon) -> Window:
    """An amount given, raised or reached (:func:`_gift`) is never the amount asked for: the words of
    that state around it are the appeal's that raised it ("The DEC appeal has raised £60m"), no state
    of it."""
    if thing.states not in lex.money_families or _gift(view, q, lex) not in ("given", "reached"):
        return win
    asked = set(lex.states[thing.states].get(lex.gifts.asked_state, ()))

    def keep(ws: list[Word]) -> list[Word]:
        return [w for w in ws if w.text not in asked]

    return replace(win, inner=keep(win.inner), left=keep(win.left), right=keep(win.right))


def _placed_part(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> tuple[Thing, None] | None:
    """ "The toll stood at 80, and 75 of the deaths were in Mexico": a part of a thing's whole that
    names no number (*of the* is the partitive's, no modifier of the noun) whose clause places it, and
    says nothing else of it, is a value of that thing in that place, as "75 of the 80 deaths were in
    Mexico" is. A part its clause describes otherwise stays a noun of its own ("10 of the confirmed
    cases are in hospital", "11 of the new cases are males")."""
    if not q.counts or q.kind != "count" or not _PARTITIVE.match(q.text):
        return None
    thing = lex.thing_of(singular(q.counts.split()[-1].lower()))
    if thing is None:
        return None
    return (
        (thing, None)
        if _placed_predicate(view, q.end, q.start, lex) or _stated_object(view, q, thing, lex)
        else None
    )


def _stated_object(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """ "Tests had confirmed 26 of the deaths.": a part that ends its clause as the object of a verb of a
    state of its thing's family is a value in that state, as "20 of the deaths have been confirmed" is."""
    after = words(view.text, q.end, view.sentence(q.start)[1])
    if after and after[0].text not in (",", ";", ".", "—", "–"):
        return False
    before = [w.text.lower() for w in words(view.text, max(view.sentence(q.start)[0], q.start - 40), q.start)]
    marks = lex.state_words[thing.states]
    return bool(before) and before[-1] in marks


def _whole_of_part_place(view: ArticleView, part: Quantity | None, q: Quantity, lex: ClaimsLexicon) -> bool:
    """Whether ``q`` is the whole of the partitive before it and shares its part's place: not when the
    part's own words place it ("20 of the 45 deaths were in Mexico": the 20 are Mexico's, the 45 need
    not be)."""
    return part is not None and _part_of_whole(view, part, q) and not _part_placed_apart(view, part, q, lex)


def _subset_placed(
    view: ArticleView, q: Quantity, rel: str, partitive: tuple[Thing, Window] | None, lex: ClaimsLexicon
) -> bool:
    """Whether a subset's predicate defines it by a place ("Of the 45 deaths, 20 were in Mexico",
    "20 of the 45 deaths were in Mexico": the verb after the whole is the part's)."""
    if rel != "subset" or q.kind != "count":
        return False  # "90 per cent of the 3,000 deaths have been in the Americas": no count of them
    if _accounted_for(view, q):
        return True
    if partitive is None:
        # "800 of which are in Mexico": the clause after the partitive pronoun
        after = _after_of_pronoun(view, q)
        return _placed_predicate(view, after[0].start if after else q.end, q.start, lex)
    right = partitive[1].right
    return bool(right) and _placed_predicate(view, right[0].start, q.start, lex)


# an optional qualifier right before a count's number, in the patterns of the words before it
_QUALIFIER_BEFORE = r"(?:(?:about|some|nearly|almost|over|more\s+than|at\s+least)\s+)?"
# *account for* right before a count, a qualifier between: "Mexico accounts for 26 of the 27 deaths"
_ACCOUNTS_FOR = re.compile(r"\baccount(?:s|ed)?\s+for\s+" + _QUALIFIER_BEFORE + "$", re.IGNORECASE)


def _accounted_for(view: ArticleView, q: Quantity) -> bool:
    """Whether the count is the object of *account for* ("Mexico accounts for 26 of the 27 deaths
    worldwide"): the subject, a place, is where that part of the whole is."""
    m = _ACCOUNTS_FOR.search(view.text, max(view.sentence(q.start)[0], q.start - 40), q.start)
    if m is None:
        return False
    end = len(view.text[: m.start()].rstrip())
    return any(p.end == end for p in view.places)  # "Children account for 20 of the 45 cases" is none


def _part_placed_apart(view: ArticleView, part: Quantity, whole: Quantity, lex: ClaimsLexicon) -> bool:
    """Whether ``part`` of (the) ``whole`` is placed by its own words, so that the whole does not share
    its place: "Twenty of the 45 deaths were in Mexico", "Mexico accounts for 26 of the 27 deaths"."""
    return _part_of_whole(view, part, whole) and (
        _placed_predicate(view, whole.end, whole.start, lex) or _accounted_for(view, part)
    )


def _placed_predicate(view: ArticleView, at: int, q_start: int, lex: ClaimsLexicon) -> bool:
    """Whether the clause from ``at`` (after a part, or after the whole of its partitive) to its first
    comma places the part and says nothing else of it: *in* and the place right after the part's verb
    group ("were in Mexico", "occurred in Mexico"), or right after the part in a clause with no verb
    ("with 75 of the deaths in Mexico"); a place before the verb is the whole's ("11 of the new cases in
    Spain are males"), one further on another noun's ("are part of an outbreak ... in Birmingham"), and
    a thing's predicate says something else ("are in hospital")."""
    clause = _to_comma(words(view.text, at, view.sentence(q_start)[1]))
    k = 0
    while k < min(3, len(clause)) and (clause[k].text.lower() in AUX or clause[k].text.endswith("ed")):
        k += 1  # the part's verb group: "were", "were recorded", "occurred", "have been reported"
    if clause[k : k + 1] == [] or clause[k].text.lower() != "in":
        return False
    if k == 0 and any(w.text.lower() in AUX for w in clause):
        return False  # "11 of the new cases in Spain are males": the verb comes after the place
    k += 1 + (k + 1 < len(clause) and clause[k + 1].text.lower() == "the")
    if k >= len(clause) or not any(p.start == clause[k].start for p in view.places):
        return False
    return not any(_has(clause, t.predicates) for t in lex.things.values())


def _month_form(month: str) -> str:
    """A month's name or its short form, as a pattern: "Jan(?:uary)?", "Sept?(?:ember)?" ("Sep",
    "Sept"), "May"."""
    if len(month) <= 3:
        return month.title()
    if month == "september":
        return "Sept?(?:ember)?"  # "Sep." and "Sept." both
    return f"{month[:3].title()}(?:{month[3:]})?"


# a month's name, or its short form ("Nov. 9", "Sept 30")
_MONTH = "(?:" + "|".join(_month_form(m) for m in FULL_MONTHS) + r")\.?"
_DAY = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})"
# a closed period, both its bounds days: "from Nov. 9 to 15", "between 30 August and 28 November"
_PERIOD = re.compile(
    rf"\b(?:[Ff]rom\s+{_DAY}(?:,?\s+\d{{4}})?\s+(?:to|through|until|till)"
    rf"|[Bb]etween\s+{_DAY}(?:,?\s+\d{{4}})?\s+and)\s+(?:{_DAY}|\d{{1,2}}\b)"
)


# a span of several days, weeks or months up to now or from a start ("in the last 10 days", "during the
# first six months of this year")
_SPAN = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:last|past|first)\s+(?:[\w-]+\s+)?(?:days|weeks|months)\b"
    # the days before an event ("four deaths in the days leading up to the start of the haj")
    r"|\b(?:in|over|during)\s+the\s+(?:[\w-]+\s+)?(?:days|weeks|months)\s+(?:leading\s+up\s+to|before|preceding)\b"
    # since a day of the week just past or the report before ("12 deaths since Monday", "6,308 new cases
    # since the last bulletin"): what the days since then added; not since a date or an event, which
    # may be the start of the whole count ("2,000 cases since April 24", "since the outbreak began",
    # "have died since Tuesday's earthquake")
    r"|\bsince\s+(?:yesterday|the\s+weekend|(?:last\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!['’]s)"
    r"|the\s+(?:last|previous)\s+(?:report|bulletin|update|count|tally))\b(?!['’])",
    # (a span that opens its sentence has a capital: "Since Monday, 17 people have died")
    re.IGNORECASE,
)


# a number of a noun phrase that a copula (or an apposition's comma) sets the count equal to: "The number
# of new cases reported in the past 24 hours was 1,163", "the highest number of new cases, 850"
_NUMBER_OF_IS = re.compile(
    r"\b(?:numbers?|total|tally|count)\s+of\s+(?P<np>[^,;:.!?]{1,80}?)"
    r"(?:\s+(?:was|were|is|are|stood\s+at|stands\s+at)\s+|\s*,\s*)" + _QUALIFIER_BEFORE + "$",
    re.IGNORECASE,
)
# the nouns *new* names the disease with ("the new flu", "new strain"), no increment
_NEW_DISEASE = frozenset({"flu", "influenza", "strain", "virus", "h1n1", "a(h1n1)", "a/h1n1", "disease"})


# a definite subject of new ones and its verb, a list of places and counts after it: "The new cases were
# registered in Great Britain, 11, Switzerland with 4, Italy 4"
_THE_NEW_SUBJECT = re.compile(
    r"\b[Tt]he\s+(?:new|fresh|additional|latest\s+new)\s+(?:cases|deaths|infections|fatalities)\s+"
    r"(?:were|are|have\s+been|had\s+been)\b"
)
# the words of such a list, besides names and numbers
_LIST_WORDS = frozenset(
    {"in", "with", "and", ",", "another", "the", "of", "registered", "reported", "recorded", "confirmed"}
    | {"detected", "found", "identified", "spread", "among", "across", "distributed", "as", "follows", ":"}
)


def _new_subjects_item(view: ArticleView, q: Quantity, s0: int) -> bool:
    """Whether the count is an item of a list that a definite subject of new ones opens ("The new cases
    were registered in Great Britain, 11, Switzerland with 4": new cases of each place), nothing but names,
    numbers and the list's words between them."""
    found = list(_THE_NEW_SUBJECT.finditer(view.text, s0, q.start))
    if not found:
        return False
    m = found[-1]
    between = words(view.text, m.end(), q.start)
    return all(w.text in _LIST_WORDS or view.text[w.start].isupper() or w.text[:1].isdigit() for w in between)


def _number_of_new(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "The number of new cases reported in the past 24 hours was 1,163", "The largest numbers of new
    cases ... were 1,163 from the United States": the number of new ones, or of those a span just past
    added, that a copula gives is an increment (not "the number of new flu infections": the new flu)."""
    s0 = view.sentence(q.start)[0]
    if _new_subjects_item(view, q, s0):
        return True
    m = _NUMBER_OF_IS.search(view.text, max(s0, q.start - 160), q.start)
    if m is None:
        return False
    np_ws = words(view.text, m.start("np"), m.end("np"))
    low = [w.text.lower() for w in np_ws]
    # (a word of increments in lower case: not the *New* of "New Zealand")
    if any(
        t in ("new", "fresh", "additional")
        and view.text[np_ws[k].start].islower()
        and low[k + 1 : k + 2]
        and low[k + 1] not in _NEW_DISEASE
        for k, t in enumerate(low)
    ):
        return True
    return bool(_has(np_ws, lex.aspects.get("elapsed", ())))


def _over_period(view: ArticleView, q: Quantity, win: Window) -> bool:
    """ "The mainland reported 10,828 cases from Nov. 9 to 15": a count over a closed period written
    in its own clause (the few words before it, or after it up to the next count) is what that period
    added, an increment; so is a count over a span of days, weeks or months ("Forty-three US soldiers
    have been killed in Iraq in the last 10 days"), unless it is the level a change reached in it."""
    s0, s1 = view.sentence(q.start)
    a = win.left[-4].start if len(win.left) >= 4 else s0
    b = min(s1, win.stop) if win.stop is not None else s1
    if _PERIOD.search(view.text, a, min(b, q.end + 80)) is not None:
        return True
    if win.left and win.left[-1].text in REACHED:
        return False
    if _fronted_span(view, s0, q) and not _held_before(win):
        return True
    span = _SPAN.search(view.text, a, min(b, q.end + 80))
    if span is None:
        span = _WEEK_SPAN.search(view.text, q.end, min(b, q.end + 60))
        if (
            span is None
            or _held_before(win)
            or len(gap := words(view.text, q.end, span.start())) > 5
            # "193 member states have been pushing this week": an activity that goes on, not what it added
            or any(w.text.endswith("ing") for w in gap)
            or re.search(r"[-–—]", view.text[q.end : span.start()])
        ):
            return False  # "Britain had 300 cases last week": what it had then, a total
    # the span of the count's own clause, after it or fronted ("In the last week, 12 died"), not another
    # clause's ("108 deaths with no cases reported in the last three days")
    if span.start() < q.start:
        between = view.text[span.end() : q.start]
        return between.strip() in ("", ",") or not _CLAUSE_BREAK.search(between)
    return not _CLAUSE_BREAK.search(view.text, q.end, span.start())


def _fronted_span(view: ArticleView, s0: int, q: Quantity) -> bool:
    """ "Since Monday, 17 people have died", "Over the past three days, Chile confirmed 40 cases": a span
    that opens the sentence, set off by a comma, dates the clause after it, the count's when no other
    clause comes between (further than the few words before the count the window reads); not a level held
    or a total's ("Since Tuesday, Argentina has a total of 300 confirmed cases")."""
    m = _SPAN.match(view.text, s0)
    if m is None:
        return False
    comma = view.text.find(",", m.end(), q.start)
    if comma < 0 or len(words(view.text, m.end(), comma)) > 3:
        return False  # "Since Monday the ministry ...": no comma sets the span off
    if _CLAUSE_BREAK.search(view.text, comma + 1, q.start):
        return False
    # (not a total's level: "Since Monday, Spain's tally has been 120 cases")
    return not _has(words(view.text, comma + 1, q.end), TOTAL_WORDS)


# the week just past or this one, or a weekend ("Peru reported 40 cases last week", "12 deaths over the
# weekend", "5,000 cases in the week to Friday"): what it added, unless the count is what a place had or
# held then (`_HELD_BEFORE`)
_WEEK_SPAN = re.compile(
    # (not a point: "as of last week", "up to last week", "earlier this week", "by last week")
    r"(?<!\bof\s)(?<!\bto\s)(?<!\bby\s)(?<!\buntil\s)(?<!\bearlier\s)(?<!\bsince\s)"
    r"\b(?:(?:last|this)\s+week(?:end)?|(?:over|during)\s+the\s+(?:past\s+|last\s+)?weekend"
    r"|in\s+the\s+week\s+(?:to|ending|up\s+to))\b(?!['’])",
    re.IGNORECASE,
)


def _partitive_whole(view: ArticleView, q: Quantity) -> bool:
    """Whether the count is the whole of a partitive written before it ("15 of its 17 cases", "20 of the
    45 cases"): what the clause says after it is the part's."""
    ws = [w.text for w in words(view.text, max(0, q.start - 40), q.start)][-3:]
    return len(ws) == 3 and _is_number_word(ws[0]) and ws[1] == "of" and ws[2] in PARTITIVE_DETERMINERS


def _held_before(win: Window) -> bool:
    """Whether a verb of having or standing at is right before the count, or before *a total of* it
    ("Fiji had a total of 97 cases last week": what it had then, not what the week added)."""
    ws = [w.text.lower() for w in win.left[-4:]]
    if ws[-3:] == ["a", "total", "of"]:
        ws = ws[:-3]
    return bool(ws) and ws[-1] in _HELD_BEFORE


# the verbs of what a place has or a count stands at: the count after them is a level, not what the span added
_HELD_BEFORE = frozenset(
    {"had", "has", "have", "was", "were", "is", "are", "stood", "stands", "reached", "hit"}
)

# (a number is another count's; a virus's code is none: "four deaths from the H1N1 virus in the days ...")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b\d|\b(?:with|and|but|as|while|when|after|before)\b")


# the verbs of an event a count is the subject of ("three deaths were reported", "one person succumbed"),
# in the simple past: what happened on a day, not a state reached ("has reached", "stands at")
DAY_EVENT_VERBS = (
    ("were", "reported"), ("was", "reported"), ("were", "confirmed"), ("was", "confirmed"),
    ("were", "recorded"), ("was", "recorded"), ("were", "detected"), ("was", "detected"),
    ("were", "registered"), ("were", "diagnosed"), ("died",), ("succumbed",), ("tested", "positive"),
)  # fmt: skip
# the words of a day the event is dated by, in the count's sentence
_DAY_OF_EVENT = re.compile(
    r"\b(?:today|yesterday|tonight|overnight|this weekend|during the day|(?:in|over) the (?:last|past) 24"
    r" hours|(?:on )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    # (a part of the day: "40 cases were reported this morning")
    r"|this (?:morning|afternoon|evening))\b",
    re.IGNORECASE,
)


def _days_event(view: ArticleView, q: Quantity, win: Window) -> bool:
    """ "Yesterday, three swine flu deaths were reported", "One person succumbed to swine flu today",
    "Overall, 400 cases were reported in the country Wednesday": a count that is the subject of an
    event verb in the simple past, in a sentence dated by a day, is what that day added. Not a total
    ("the toll", "the total number"), nor a count reached or held ("has reached", "stands at")."""
    right = [w.text for w in win.right[:3]]
    if not any(tuple(right[: len(v)]) == v for v in DAY_EVENT_VERBS) or q.value_max is not None:
        return False
    if _has(sorted(win.left, key=lambda w: w.start), TOTAL_WORDS) or any(
        w.text in TOTAL_WORDS for w in win.inner
    ):
        return False
    s0, s1 = view.sentence(q.start)
    if _WHOLE_SPAN.search(view.text, s0, s1):
        return False  # "Since April, 300 people tested positive ..., officials said on Monday": a total
    return _DAY_OF_EVENT.search(view.text, s0, s1) is not None


# the words of a count over the whole outbreak, whatever day its report is dated by
_WHOLE_SPAN = re.compile(
    r"\b(?:since|so\s+far|to\s+date|as\s+of|in\s+total|in\s+all|altogether|cumulative)\b", re.I
)


# the modals that make what a phrase would bring a projection
_BRING_MODALS = frozenset({"will", "would", "could", "may", "might", "shall"})


def _modal_bring(view: ArticleView, q: Quantity) -> bool:
    """ "If confirmed they will bring the total number of swine flu cases reported in Kenya to 20": the
    total a modal's verb of bringing would make is a projection, however far its phrase runs before
    the number (past the window of projection words)."""
    ws = _bringing_words(view, q)
    if not ws:
        return False
    before = words(view.text, max(view.sentence(q.start)[0], ws[0].start - 20), ws[0].start)
    return bool(before) and before[-1].text.lower() in _BRING_MODALS


def _own_aspect(view: ArticleView, q: Quantity, win: Window, lex: ClaimsLexicon) -> str:
    """The aspect the words around ``q`` give it; "rose by three to 78" read as one range is
    neither an increment nor a total."""
    if _modal_bring(view, q):
        return "projected"
    # "15 of its 17 cases reported in the last week": a partitive's whole is no increment the clause after
    # it says; the part is
    aspect = _aspect_of(win, lex) or (
        "new"
        if not _partitive_whole(view, q)
        and (
            _up_by(view.text, win)
            or _higher_than(view, q)
            or _over_period(view, q, win)
            or _days_event(view, q, win)
            or _elapsed_after(view, q, win, lex)
            or _part_of_fronted_new(view, q, lex)
            or _number_of_new(view, q, lex)
        )
        else ""
    )
    if aspect == "new" and q.value_max is not None and _risen_by(win):
        return ""
    return aspect


# a fronted partitive's whole that names no number, and the comma before the part ("Of the new cases in
# England, 124 ...")
_FRONTED_WHOLE = re.compile(
    # (a digit only inside a virus's code: "Of those diagnosed with the H1N1 virus, 56 were male")
    r"\s*(?:of|among)\s+(?:the|these|those)\s+(?P<whole>(?:[^,;:.!?\d]|(?<=[A-Za-z(/])\d){1,60}),\s*$",
    re.IGNORECASE,
)


# *All* opening a sentence right before its count: the set is one told before ("All three cases belonged
# ..."); not an object ("killing all 11 people on board") nor "All the 49 cases reported during the day"
_ALL_OPENS = re.compile(r"\s*All\s+")
# a fronted partitive whose whole is a pronoun, right before the count: "Of those, 46 cases had ..."
_PRONOUN_WHOLE = re.compile(r"\b(?:of|among)\s+(?:those|these|them)\s*,\s*$", re.IGNORECASE)


def _fronted_whole(view: ArticleView, q: Quantity) -> re.Match[str] | None:
    """The fronted *of* phrase that names no number right before a count ("Of the new cases, 124 ..."),
    None when there is none."""
    return _FRONTED_WHOLE.fullmatch(view.text, view.sentence(q.start)[0], q.start)


def _part_of_fronted_new(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "Of the new cases in England, 124 appeared in the West Midlands": a part of a fronted whole of
    new cases is new too."""
    m = _fronted_whole(view, q)
    return m is not None and bool(_has(words(m.group("whole")), lex.aspects["new"]))


_HIGHER_THAN = re.compile(
    r"\s+(?:higher|more)\s+than\s+(?:on\s+|in\s+)?(?:the\s+)?(?:day\s+before|previous|yesterday|[A-Z][a-z]+day|last)\b"
)


def _higher_than(view: ArticleView, q: Quantity) -> bool:
    """ "with confirmed cases 44 higher than on Tuesday at 2748": a number *higher than* an earlier
    day's figure is the rise since that day, an increment (the level it reached follows, *at* N)."""
    return q.counts is None and _HIGHER_THAN.match(view.text, q.end) is not None


def _related(
    view: ArticleView,
    prev: Measured | None,
    q: Quantity,
    s0: int,
    win: Window,
    thing: Thing | None,
    generic: str | None,
    aspect: str,
    partitive: tuple[Thing, Window] | None,
    lex: ClaimsLexicon,
) -> tuple[Thing | None, str, Window, str]:
    """The thing, aspect, window and relation of ``q`` after reading the measure before it: a part,
    a subset, a list item or a total of it counts its thing (a total keeps no increment); a
    partitive is a subset described by the words after its whole."""
    rel = _prev_relation(view, prev, q, s0, win, thing, generic, lex)
    members = None if rel else _found_in_part(view, q, win, thing, prev)
    if members is not None:
        return members, aspect, win, rel
    if rel in ("part", "subset", "list", "total") and prev is not None:
        cumulative = _SINCE_THE_START.match(view.text, q.end) is not None
        return prev.thing, aspect or (prev.aspect if rel != "total" and not cumulative else ""), win, rel
    if partitive is not None:
        # "20 of the 149 reported fatalities have been confirmed": the part is what the words
        # after the whole say of it
        after = partitive[1]
        return (
            thing,
            aspect,
            Window(after.inner, win.left, after.right, (win.clause[0], after.clause[1])),
            "subset",
        )
    return thing, aspect, win, rel


# a span from the start of the whole outbreak right after a count: it counts every one so far, a total
# ("20 new deaths since Friday, and 300 since the outbreak began": the 300 are no increment)
_SINCE_THE_START = re.compile(
    r"\s+(?:since\s+the\s+(?:(?:outbreak|pandemic|epidemic)\s+(?:began|started|emerged|broke\s+out)"
    r"|(?:start|beginning|onset)\s+of\s+the\s+(?:outbreak|pandemic|epidemic))|so\s+far|to\s+date|in\s+total)\b",
    re.IGNORECASE,
)


# the verbs that find the virus *in* the persons or deaths their object counts
_FOUND_IN = frozenset({"confirmed", "detected", "found", "identified"})


def _found_in_part(
    view: ArticleView, q: Quantity, win: Window, thing: Thing | None, prev: Measured | None
) -> Thing | None:
    """ "Mexico's government says the virus is suspected in 168 deaths and confirmed in 19 of them",
    "confirmed the virus in 7 of them": a verb that finds the virus *in* some *of them* counts members
    of the count before it, so its thing (returned; None otherwise), not the cases that "confirmed in 19
    people" counts."""
    if prev is None or thing is None or prev.thing is thing or _after_of_pronoun(view, q) is None:
        return None
    left = [w.text.lower() for w in sorted(win.left, key=lambda w: w.start)][-5:]
    return prev.thing if left[-1:] == ["in"] and _FOUND_IN & set(left[:-1]) else None


def _foreign(q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """A value that cannot be of ``thing``: money of a thing that is no amount ("$1" is not a number
    of deaths; "5 pledges" is not an amount of aid), a physical measure of anything ("an attack in
    Samarra, 60 miles north of Baghdad, killed ..." counts no deaths)."""
    return q.kind == "measure" or (q.kind == "money") != (thing.states in lex.money_families)


def _disease_of(
    view: ArticleView,
    q: Quantity,
    win: Window,
    thing: Thing,
    lex: ClaimsLexicon,
    diseases: frozenset[str],
    prev: Measured | None,
    rel: str,
) -> tuple[str | None, str]:
    """The other disease a status count counts (:func:`_counted_disease`), else the one of the count
    it is a part, an item, a total or the coordinated second half of (None: no value); and the
    disease the count names, its own or, where it names none, that count's (``Measured.named``)."""
    own, one = _counted_disease(view, q, win, lex, diseases) if thing.states == "status" else ("", "")
    if own is None:
        return None, one
    joined = prev is not None and (
        bool(rel) or _coordinated(view, prev, q, thing) or _shared_subject(view, prev, q, lex)
    )
    disease = own or (prev.disease if joined and prev is not None else "")
    named = disease or one or (prev.named if joined and prev is not None else "")
    return disease, named


def _shared_subject(view: ArticleView, prev: Measured, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "the AIDS virus, which has now killed 25 million people globally and infects 33 million": the
    object of a verb coordinated with the one before the previous count (*and* + a verb of a thing,
    nothing else but an adverb between) has that verb's subject, and so its disease; so has the object
    of a participle set off by a comma after it ("Bird flu has infected 424 people since 2003, killing
    261 of them": the participle's subject is the clause's), and the whole after *out of* ("killed 261
    people out of 424 infected")."""
    between = [w.text for w in words(view.text, prev.q.end, q.start)]
    if between in (["out", "of"], ["out", "of", "the"]):
        return True  # "has killed 261 people out of 424 infected": the whole is counted in that clause
    if len(between) > 5 or between[-2:-1] not in (["and"], [","]) or set(between) & (AUX | CLAUSE_WORDS):
        return False
    verb = between[-1]
    if between[-2] == "," and not verb.endswith("ing"):
        return False
    return any(verb in t.predicates for t in lex.things.values())


def _generic_measure(
    view: ArticleView, q: Quantity, win: Window, generic: str | None, aspect: str, lex: ClaimsLexicon
) -> Measured | None:
    """A count or an amount of a noun the lexicon does not know is measured by that noun and its own
    place; anything else that names no thing measures nothing. A definite count of such a noun in
    words, under a hundred ("the two sides remain divided", "the nine volunteers"), names a set the
    reader already knows, not a figure ("the 3,000 UN peacekeepers in the country", "the estimated
    250,000 pigs" still are)."""
    if generic is None or q.kind not in ("count", "money"):
        return None
    if (
        q.kind == "count"
        and q.qualifier is None
        and q.value is not None
        and q.value < 100
        and not any(c.isdigit() for c in q.text)
        and re.search(r"\bthe\s+$", view.text[max(0, q.start - 8) : q.start], re.IGNORECASE)
    ):
        return None
    return Measured(q, None, generic, "", aspect, _place_of(view, q, win, lex))


def _whole_of_list(prev: Measured | None, head: Measured | None, rel: str) -> Measured | None:
    """The measure a total takes its place from: the count before it, but after the items of a list
    the sentence's first count, which they split ("nine new cases in the UK, eight in England and one
    in Scotland, bringing the total to 48" is the UK's total, not Scotland's)."""
    if rel != "total" or prev is None or not prev.part or head is None or head.part:
        return prev
    return head if head.thing is prev.thing and head.q is not prev.q else prev


def _inherited_place(
    prev: Measured | None,
    rel: str,
    is_whole: bool,
    partitive: tuple[Thing, Window] | None,
    other_part: bool,
) -> tuple[str, ...] | None:
    """The place ``q`` shares with the measure before it: a part, a subset or a whole of that
    measure (a partitive only when it is the whole), or the other part of its population."""
    if prev is None:
        return None
    if (bool(rel or is_whole) and (partitive is None or is_whole)) or other_part:
        return prev.about
    return None


def _previous_place(
    prev: Measured | None, prev_q: Quantity | None, head: Measured | None = None
) -> tuple[str, ...]:
    """The place of the measured value right before ``q`` in its sentence, a year aside; not a
    part's: "200 sickened, including 100 in the US, and 177 dead" is no US figure. A part that has its
    whole's place (the sentence's first count's) lends that place: "Canada has 284 cases, including one
    death - but two additional cases have been reported" (the whole's, not a part's own)."""
    if prev is None or prev.thing is None or prev.q is not prev_q:
        return ()
    if prev.part and (head is None or head is prev or head.part or head.about != prev.about):
        return ()
    return tuple(a for a in prev.about if not a.isdigit())


def _dated(
    view: ArticleView, q: Quantity, win: Window, about: tuple[str, ...], aspect: str
) -> tuple[tuple[str, ...], str]:
    """The year a value is of joins its place; an increment per period is a rate ("rising by about
    1,000 per day", "another 9 million every year")."""
    year, rate = _when_of(view, q, win)
    if year and year not in about:
        about = (*about, year)
    return about, rate if rate and aspect in ("", "new") else aspect


def _cases_of_the_dead(
    view: ArticleView, prev: Measured | None, q: Quantity, thing: Thing | None, lex: ClaimsLexicon
) -> Thing | None:
    """ "A total of 182 patients in Britain have died from swine flu with 14 cases in Wales, 33 in
    Scotland": cases that *with* sets out by place after a death toll are its cases, deaths (no case of the
    disease is a part of its dead)."""
    if prev is None or prev.thing is None or prev.thing.name != "deaths" or thing is None:
        return thing
    if thing.name != "cases" or (q.counts or "").lower() not in ("case", "cases"):
        return thing
    between = [w.text for w in words(view.text, prev.q.end, q.start)]
    if between[-1:] != ["with"] or not _PLACE_NAME_AFTER.match(view.text, q.end):
        return thing
    return lex.things.get("deaths", thing)


_PLACE_NAME_AFTER = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?[A-Z]")


def measure(
    view: ArticleView,
    qs: list[Quantity],
    i: int,
    prev: Measured | None,
    lex: ClaimsLexicon,
    diseases: frozenset[str] = frozenset(),
    head: Measured | None = None,
    before: Measured | None = None,
) -> Measured | None:
    """The measure of ``qs[i]`` (None: it measures nothing, or its state is ambiguous). ``head`` is
    the first measured value of its sentence; ``before``, the last value of a thing before it."""
    q = qs[i]
    s0, s1 = view.sentence(q.start)
    if _no_victims(view, q, s0, lex):
        return None
    prev_q, next_q = _neighbours(view, qs, i, s0, s1)
    if (
        prev is not None
        and prev.q is not prev_q
        and not _it_includes(view, q, s0, prev)
        and not _opening_pronoun_part(view, q, s0, prev)
    ):
        prev = None
    past = _past_countries(view, qs, prev, head, lex)
    place_q = _place_neighbour(prev, past, prev_q)
    prev = _with_rise(view, _past_rise(view, past, head), head, q)
    win = window(view, q, prev_q.end if prev_q else None, _window_end(view, qs, i, next_q, lex), lex)
    of_next = _next_whole(view, q, next_q, lex)
    if _part_of_other(of_next, next_q):
        return None  # "cases were reported in 31 of the 32 departments": 31 departments
    partitive = _part_of_next(q, of_next, lex)
    is_whole = prev_q is not None and _part_of_whole(view, prev_q, q)
    win = _whole_window(win, is_whole)
    at = _fronted_at(view, q, s0)
    thing, generic = _thing_read(view, q, win, partitive, lex, wide=at is not None)
    thing, aspect, win, rel = _related(
        view, prev, q, s0, win, thing, generic, _own_aspect(view, q, win, lex), partitive, lex
    )
    thing = _cases_of_the_dead(view, prev, q, _whole_after_aside(view, (prev, head), q, rel, thing), lex)
    if generic is None:
        thing, aspect, rel, prev = _from_neighbours(
            view, q, (prev, head, next_q), s0, (thing, aspect, rel), lex
        )
        thing = _total_or_label_thing(view, q, win, s0, (thing, rel), before, lex)
    if thing is None:
        # a group of persons no word around says died or was hurt, and no count before it takes as its
        # part or item, is a force's strength ("10,000 US troops"; not "30 people, including 12 soldiers")
        strength = _strength(view, q, s0, lex) if generic is None and rel == "" else None
        return _generic_measure(view, q, win, generic or strength, aspect, lex)
    if _foreign(q, thing, lex) or _part_said_otherwise(view, q, prev, thing, rel, partitive, lex):
        return None
    disease, named = _disease_of(view, q, win, thing, lex, diseases, prev, rel)
    if disease is None:
        return None
    state = _measured_state(
        thing,
        _counted_words(_off_asked(view, q, thing, _off_cue(view, q, win), lex), q),
        lex,
        rel,
        _total_source(rel, prev, head),
        _subset_placed(view, q, rel, partitive, lex),
    )
    if state is None:
        return None
    state = _part_object_state(view, q, thing, lex) or state
    state, aspect = _from_whole(view, prev, prev_q, q, thing, lex, state, aspect, rel)
    aspect = _conjunct_of_modal(view, prev, prev_q, q, thing, lex, aspect)
    if state == thing.default_state:
        state = _context_state(view, q, next_q, thing, lex, aspect) or _bare_total_state(
            view, q, win, s0, thing, before, lex
        )
    # "403 confirmed cases ... in 38 states, ..., with another 700 probable cases": the count of the same
    # thing the sentence began with stands in for a count of another thing right before
    same = prev if prev is not None and prev.thing is thing else head
    other_part = _contrastive_other(win, same, thing, state, aspect)
    if other_part:
        aspect = ""
    inherited = _inherited_place(
        same if other_part else _whole_of_list(prev, head, rel),
        rel,
        _whole_of_part_place(view, prev_q, q, lex),
        partitive,
        other_part,
    )
    whole = _whole_place(view, q, prev, head) if inherited is None else None
    about = _about(
        view,
        qs,
        q,
        win,
        lex,
        inherited or whole,
        (s0, s1),
        total=rel == "total" or whole is not None,
        previous=_previous_place(prev, place_q, head),
        by_source=thing.speaker_place,
    )
    about = _own_contrast_place(view, q, about or _own_clause_place(view, q, s0, head, lex), lex)
    about = _wide_scope_after(view, q, about, lex)
    about, aspect = _dated(view, q, win, at or about, aspect)
    part = rel in ("part", "part-of-kind", "and-part", "subset", "list")
    estimate = _an_estimate(view, q, thing, win, lex, state, aspect)
    return Measured(q, thing, None, state, aspect, about, part, disease, estimate, named)


# the words a total's value follows in its clause: "Cuba's total has jumped to 46", "their last count
# was 32", "the tally now stands at 20"
_TO_VALUE = frozenset(
    {"has", "have", "had", "is", "was", "now", "stands", "stood", "stand", "jumped", "rose", "risen"}
    | {"climbed", "increased", "grown", "grew", "gone", "went", "up", "soared", "reached", "hit", "to", "at"}
    | {"remains", "remained", "remain", "stays", "stayed", "still"}
)
# the words between a total's determiner and its noun: "their last count", "Cuba's overall total"
_TOTAL_ADJECTIVES = frozenset({"last", "latest", "overall", "new", "current", "official", "national"})


def _bare_total(text: str, win: Window) -> bool:
    """Whether the count is the value of a total that names no thing: a total noun (*total*, *tally*,
    *count*) after a possessive or a determiner, with no *of* after it and only words of reaching or
    being between it and the number ("Cuba's total has jumped to 46", "their last count was 32"), or
    the amount it changed by ("Canada's tally jumped by 40 to 358")."""
    left = sorted(win.left, key=lambda w: w.start)
    j = next((k for k in range(len(left) - 1, -1, -1) if left[k].text in ("total", "tally", "count")), None)
    if j is None or not left[j + 1 :] or len(left) - j - 1 > 4:
        return False
    between = left[j + 1 :]
    if between[-1].text == "by" and len(between) > 1:
        between = between[:-1]  # "the total rose by 24 to 191": the change of that total
    if not all(w.text in _TO_VALUE or w.text == "in" for w in between):
        return False  # "the total in Chile rose to 40" (the place's name is out of the window)
    k = j - 1
    while k >= 0 and left[k].text in _TOTAL_ADJECTIVES:
        k -= 1
    first = left[k + 1]  # the first word of the total's phrase
    if _POSSESSIVE_END.search(text, max(0, first.start - 4), first.start):
        return True  # a name's possessive, which the window leaves out with the name ("Cuba's total")
    # (a name between them, which the window leaves out too: "The Grenada total remains at 20")
    return (
        k >= 0
        and (
            left[k].end >= first.start - 2
            or _NAMES_ONLY.fullmatch(text, left[k].end, first.start) is not None
        )
        and left[k].text.lower() in ("the", "its", "their")
    )


# the capitalised words of a name between a determiner and a total's noun
_NAMES_ONLY = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,3}\s+")


# a possessive's ending right before a word ("Cuba`s total", "Barbados' total")
_POSSESSIVE_END = re.compile(POSSESSIVE_ENDING + r"\s+$")


def _bare_total_thing(
    view: ArticleView,
    q: Quantity,
    win: Window,
    s0: int,
    read: tuple[Thing | None, str],
    before: Measured | None,
    lex: ClaimsLexicon,
) -> Thing | None:
    """The thing ``read`` (the count's own thing and relation), or, for the value of a total that names
    no thing (:func:`_bare_total`), the thing the last value before it counted (:func:`_thing_before`),
    or, for a number a dash sets off, the thing its clause names (:func:`_dash_value_thing`)."""
    thing, rel = read
    # (persons after the number name no thing either: "The national total now stands at 1,461 patients")
    if thing is not None or rel or (q.counts is not None and not _persons_only(q.counts, lex)):
        return thing
    if _disease_tally(win):
        return lex.things.get("cases")
    elliptical = q.counts is None and _elliptical_more(win) and [w.text for w in win.left[-1:]] != ["by"]
    if _bare_total(view.text, win) or elliptical:
        # (and "Spain's health ministry reported 13 more, taking its total to 93": more of what the value
        # before it counted, when no count of its sentence lends the noun left out)
        if elliptical and _other_noun_between(view, q, before):
            return None  # "80 000 packages ... have been distributed, and 10 000 more are available"
        return _thing_before(view, s0, before)
    return _dash_value_thing(view, q, s0, lex)


# the words of the disease that may name a tally of it: "the swine flu tally", "Australia's H1N1 count"
_DISEASE_WORDS = frozenset({"swine", "flu", "h1n1", "influenza", "a(h1n1)", "ah1n1", "a/h1n1", "virus"})


def _disease_tally(win: Window) -> bool:
    """ "Australia's swine flu tally has passed 400", "Swine flu tally hits 400": a tally or count the
    disease's name modifies, with no noun of a thing, counts the disease's cases (its toll would be its
    deaths, a noun of deaths the lexicon reads)."""
    left = sorted(win.left, key=lambda w: w.start)
    j = next((k for k in range(len(left) - 1, -1, -1) if left[k].text.lower() in ("tally", "count")), None)
    if j is None or not 0 < len(left) - j - 1 <= 5:
        return False
    # only words of reaching between, and a place's phrase ("in Australia")
    if not all(w.text in _TALLY_TO_VALUE or w.text[:1].isupper() for w in left[j + 1 :]):
        return False
    k = j
    while k > 0 and left[k - 1].text.lower() in _DISEASE_WORDS:
        k -= 1
    return k < j


_TALLY_TO_VALUE = _TO_VALUE | wordset("hits passed passes tops topped reaches climbs rises jumps in")


def _other_noun_between(view: ArticleView, q: Quantity, before: Measured | None) -> bool:
    """Whether a count with a noun of its own stands between the value before (``before``) and the
    elliptical ``q`` ("N more", "another N"), in ``q``'s sentence or the one before it: the noun left
    out is that count's ("80 000 packages of medications have been distributed, and 10 000 more are
    available. Another 60 000 are to be delivered": packages, not the deaths counted before them)."""
    lo = view.sentence_before(view.sentence(q.start)[0])[0]
    if before is not None:
        lo = max(lo, before.q.end)
    return any(o.counts and lo <= o.start and o.end <= q.start for o in view.analysis.quantities)


def _context_state(
    view: ArticleView, q: Quantity, next_q: Quantity | None, thing: Thing, lex: ClaimsLexicon, aspect: str
) -> str:
    """The state the counts around a count of no state of its own lend it: the whole after it, a whole
    with no number, the total an increment brings, the figure a rise reached ("" for none)."""
    return (
        _whole_after_state(view, q, next_q, thing, lex)
        or _relative_state(view, q, thing, lex)
        or _label_state(view, q, thing, lex)
        or _unnumbered_whole_state(view, q, thing, lex)
        or (_brought_total_state(view, q, thing, lex) if aspect == "new" else "")
        or (_risen_after_state(view, q, next_q, thing, lex) if aspect == "" else "")
    )


def _bare_total_state(
    view: ArticleView,
    q: Quantity,
    win: Window,
    s0: int,
    thing: Thing,
    before: Measured | None,
    lex: ClaimsLexicon,
) -> str:
    """ "An extra 141 cases of swine flu have been confirmed in England ... The national total now stands
    at 1,461 patients": a total that names no thing is the total of what the value before it counted
    (:func:`_thing_before`); the level it stands at restates that measure, in that value's state (""
    for none)."""
    if before is None or (q.counts is not None and not _persons_only(q.counts, lex)):
        return ""
    if not _bare_total(view.text, win) or _thing_before(view, s0, before) is not thing:
        return ""
    # a level restated ("stands at", "is now"), not one a change or an increment brought ("The total rose
    # by 24 to 191", "The new cases bring the country's total to 12": the sentence's own event, no state)
    return before.state if _LEVEL_BEFORE.search(view.text, max(s0, q.start - 30), q.start) else ""


# the verb of a level right before a total's number: "now stands at", "is", "was"
_LEVEL_BEFORE = re.compile(
    r"\b(?:stands?|stood|is|was|remains?|remained)\s+(?:now\s+)?(?:at\s+)?" + _QUALIFIER_BEFORE + "$",
    re.IGNORECASE,
)


def _persons_only(counts: str, lex: ClaimsLexicon) -> bool:
    """Whether a counted noun is one word of persons ("people", "patients"), which says who, not what."""
    ws = counts.lower().split()
    return len(ws) == 1 and (ws[0] in lex.persons or singular(ws[0]) in lex.persons)


def _dash_value_thing(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> Thing | None:
    """ "Cuba had the most swine flu cases in the Caribbean up to last week – 677": a bare number set off
    by a dash after its clause gives the value of the clause's noun phrase of a thing (the last thing's
    noun before the dash, no other number between)."""
    dash = _dash_end(view, q, s0)
    if dash is None:
        return None
    ws = words(view.text, s0, dash)[-12:]
    starts = view.quantity_starts()
    for w in reversed(ws):
        thing = lex.thing_of(singular(w.text))
        if thing is not None:
            k = bisect_left(starts, w.end)
            return thing if k >= len(starts) or starts[k] >= q.start else None
    return None


def _own_clause_place(
    view: ArticleView, q: Quantity, s0: int, head: Measured | None, lex: ClaimsLexicon
) -> tuple[str, ...]:
    """The place of an unplaced count that its clause gives: *its* total's place
    (:func:`_its_total_place`), or the country of the clause a dash sets the number off from
    (:func:`_dash_value_place`)."""
    return _its_total_place(view, q, s0, head) or _dash_value_place(view, q, s0, lex)


def _dash_end(view: ArticleView, q: Quantity, s0: int) -> int | None:
    """Where the clause before a dash that sets off a bare number ends ("... up to last week – 677"),
    None when no dash stands right before the number."""
    if q.counts is not None:
        return None
    before = view.text[s0 : q.start].rstrip()
    if not before.endswith((" –", " —", " -", " --")):
        return None
    return len(before.rstrip("–—- ")) + s0


def _dash_value_place(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> tuple[str, ...]:
    """ "Cuba had the most swine flu cases in the Caribbean up to last week – 677": the value a dash sets
    off is the clause's, and of the one country the clause names."""
    end = _dash_end(view, q, s0)
    if end is None:
        return ()
    names = {p.name for p in view.places_in(s0, end) if p.name in lex.country_names}
    return (names.pop(),) if len(names) == 1 else ()


def _thing_before(view: ArticleView, s0: int, before: Measured | None) -> Thing | None:
    """The thing the last value before a sentence counted, when it stands in that sentence or the one
    right before: what a total that names no thing is a total of ("Trinidad and Tobago follows with 53
    cases. Cuba's total has jumped to 46")."""
    if before is None or before.thing is None:
        return None
    return before.thing if before.q.start >= view.sentence_before(s0)[0] else None


def _from_neighbours(
    view: ArticleView,
    q: Quantity,
    around: tuple[Measured | None, Measured | None, Quantity | None],
    s0: int,
    read: tuple[Thing | None, str, str],
    lex: ClaimsLexicon,
) -> tuple[Thing | None, str, str, Measured | None]:
    """The thing, aspect and relation a number with no generic noun takes from the counts around it
    (``around``: the measured value before it, the sentence's first, the next quantity), when its own
    words (``read``) leave them open; and the value it relates to."""
    prev, head, next_q = around
    thing, aspect, rel = read
    if thing is None and rel == "" and next_q is not None and q.counts is None:
        thing = _noun_of_next(view, q, next_q, lex)  # "at least 20 and up to 81 deaths"
        if thing is None:
            thing = _total_before_rise(view, q, next_q, lex)
    if head is not None and (thing is None or thing is head.thing) and _count_raised_by(view, q, s0):
        # "..., increasing its count by almost a thousand": an increment of the sentence's count
        return head.thing, "new", "increment", head
    if prev is not None and thing is None and _apposed_rise(view, prev, q):
        # "has reached a total of 20, a rise of 12 from eight cases": the rise of the count before
        return prev.thing, "new", "increment", prev
    if prev is not None and thing is None and rel == "" and _conjoined_persons(view, prev, q, lex):
        # "attacks that have killed 300 civilians and 1,730 American soldiers": the verb's second object
        return prev.thing, aspect, rel, prev
    return thing, aspect, rel, prev


def _conjoined_persons(view: ArticleView, prev: Measured, q: Quantity, lex: ClaimsLexicon) -> bool:
    """Whether ``q`` counts persons joined by *and* or *or* right after the count of persons before it,
    whose verb said what became of them: both are that verb's (its objects or its subjects)."""
    if prev.thing is None or prev.thing.states != "status" or not prev.q.counts or not q.counts:
        return False
    between = [w.text for w in words(view.text, prev.q.end, q.start)]
    return between in (["and"], ["or"]) and all(_persons_noun(c, lex) for c in (prev.q.counts, q.counts))


def _persons_noun(counts: str, lex: ClaimsLexicon) -> bool:
    """Whether a counted noun is a noun of persons or a people named by their nation."""
    head = singular(counts.lower().split()[-1])
    return head in lex.persons or _demonym(head)


def _total_source(rel: str, prev: Measured | None, head: Measured | None) -> Measured | None:
    """The count a total takes its state from: the one before it, but a vague one ("confirmed 12
    more cases hours after announcing dozens of other cases, bringing the country's total to 44")
    states no figure of its own; the sentence's first count of the same thing then does."""
    if (
        rel == "total"
        and prev is not None
        and _vague(prev.q)
        and head is not None
        and head.thing is prev.thing
    ):
        return head
    return prev


CLAUSE_CONTENT = frozenset({"that", "there"})


def _off_cue(view: ArticleView, q: Quantity, win: Window) -> Window:
    """The window without the cue of the statement whose clause holds the count: "The Health
    Protection Agency confirmed on Tuesday there are now 6,538 cases in the UK", "The WHO today
    confirmed that the virus has infected 4,379 people" - *confirmed* is the source's saying, not
    the count's state. Only a content that is a clause of its own (opened by *that* or *there*) is
    read so, or a content the cue follows ("Swine flu has killed 42 people in Mexico, health officials
    confirmed"): a count in the cue's object ("Mexico confirmed 20 deaths", "Turkey confirmed its first
    two cases") is what was confirmed."""
    st = view.statement_covering(q.start, q.end)
    if st is None or st.cue is None:
        return win
    # (a cue set off after its content says the whole clause before it: "Swine flu has killed 42 people in
    # Mexico, health officials confirmed" is "officials confirmed that ..."; not "went from four cases to
    # 135 as infections were confirmed", the count's own change)
    trailing = st.content.end <= st.cue.start and "," in view.text[st.content.end : st.cue.start]
    if not trailing and first_word(view.text[st.content.start : q.start]) not in CLAUSE_CONTENT:
        return win
    a, b = st.cue.start, st.cue.end
    if re.search(r"\bsuspect", view.text[a:b], re.IGNORECASE):
        # "Officials suspect that 20 people have died of the virus": a suspicion is no mere saying, it
        # is what the count's status is (as "it suspected 60 people had been killed" is read)
        return win
    if st.speaker is not None and _A_TEST.search(st.speaker.text):
        # "tests confirmed that eight students ... had contracted swine flu": a test says nothing, its
        # confirmation is the diagnosis, the count's state
        return win
    return replace(
        win,
        left=[w for w in win.left if not a <= w.start < b],
        right=[w for w in win.right if not a <= w.start < b] if trailing else win.right,
    )


# a speaker that is a test of the disease, not a source: its confirmation is a diagnosis
_A_TEST = re.compile(
    r"\b(?:tests?|results?|laborator(?:y|ies)|labs?|analys[ie]s|samples?|swabs?)\s*$", re.IGNORECASE
)


def _an_estimate(
    view: ArticleView, q: Quantity, thing: Thing, win: Window, lex: ClaimsLexicon, state: str, aspect: str
) -> bool:
    """Whether the count is an estimate of the real number: no value (session 16)."""
    return (
        _estimated(thing, win, lex, state)
        or _estimate_written(view, q, win, lex, aspect)
        or _estimated_by_source(view, q, lex, aspect)
        # of a toll's family only: captives "believed to be alive" are a state of their own
        or (
            thing.states == "status"
            and (
                _hedged_predicate(q, win, lex)
                or _hedged_clause(view, q, lex)
                or _PROBABLY_LINKED.match(view.text, q.end) is not None
            )
        )
        or _second_estimate_bound(view, q, lex)
    )


# an adverb of probability on the link of the counted to their cause, after the count's own verb: "81
# deaths were recorded probably linked to the virus" (the guideline's "deaths probably linked": a measure
# a reader cannot tell); *likely* is an estimate word of its own (:data:`ESTIMATE_WORDS`)
_PROBABLY_LINKED = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s+(?:probably|possibly|perhaps)\s+(?:be\s+|been\s+)?"
    r"(?:linked|caused|related|due|attributable|attributed|connected|tied)\b",
    re.IGNORECASE,
)


# an impersonal verb of belief that opens the clause a count stands in: "It is believed the quake killed"
_IT_IS_BELIEVED = re.compile(
    r"\bit\s+(?:is|was|has\s+been)\s+(?:widely\s+)?(?P<verb>[a-z]+)\s", re.IGNORECASE
)


def _hedged_clause(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "It is believed the 7.0 magnitude quake on 12 January killed as many as 200,000 people": a count in
    the clause an impersonal passive of belief opens (*it is believed / thought / feared*) is what is
    believed, hedged as "the quake is believed to have killed 200,000" is (`[estimates] hedges`)."""
    s0 = view.sentence(q.start)[0]
    # (in that clause: no comma between, "It is thought that they were inspired ..., in a similar way to
    # last year's Madrid bombings, which claimed 191 lives" says nothing of the 191)
    return any(
        m.group("verb").lower() in lex.hedges and not re.search(r"[,;:—–]", view.text[m.end() : q.start])
        for m in _IT_IS_BELIEVED.finditer(view.text, s0, q.start)
    )


# the first bound of a range of estimates, written before the second: "range from 50,000 to at least"
_ESTIMATE_FIRST_BOUND = re.compile(
    rf"\b(?:{'|'.join(sorted(_RANGE_VERBS))})\s+from\s+(?:about\s+|some\s+)?[\d,.]+"
    r"(?:\s+(?:million|thousand))?\s+to\s+$",
    re.IGNORECASE,
)


def _second_estimate_bound(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "Estimates of the numbers killed by the earthquake range from 50,000 to at least 200,000": the
    second bound of a range that *estimates* span is an estimate too (:func:`_estimates_range` reads the
    first; the window of the second starts after the first's number)."""
    s0 = view.sentence(q.start)[0]
    m = _ESTIMATE_FIRST_BOUND.search(view.text, max(s0, q.start - 60), q.start)
    return m is not None and bool(_has(words(view.text, s0, m.start()), lex.estimate_words))


def _from_whole(
    view: ArticleView,
    prev: Measured | None,
    prev_q: Quantity | None,
    q: Quantity,
    thing: Thing,
    lex: ClaimsLexicon,
    state: str,
    aspect: str,
    rel: str,
) -> tuple[str, str]:
    """The state and aspect a count takes from the count before it: the state of a verb that governs
    both ("WHO had confirmed 44,287 cases and 180 deaths"), the increment of the whole it is a part
    of ("2,288 new infections including two deaths": new deaths)."""
    if prev is None:
        return state, aspect
    if state == thing.default_state and _conjunct_of_verb_state(view, prev, prev_q, q, thing, lex):
        state = prev.state
    if rel == "part-of-kind" and prev.aspect == "new" and aspect == "":
        aspect = "new"
    return state, aspect


# a relative clause on a plural count's noun phrase whose passive names a state: "23 new cases of swine
# flu in Scotland which were confirmed today" (the plural verb agrees with the cases, not the place)
_RELATIVE_STATE = re.compile(
    r"(?:\s+(?:of|in|from|at)\s+[^,;:.()\d]{1,50}?)?,?\s+(?:which|that)\s+(?:were|are|have\s+been|had\s+been)"
    r"\s+(?:also\s+|now\s+|all\s+|officially\s+)?(?P<state>\w+)\b",
    re.IGNORECASE,
)


# a round-up's label before a colon that opens its line: "Deaths: Global total of 76 — 68 in Mexico",
# "—Confirmed cases, according to WHO: More than 5,250 cases in 30 countries" (a dash or bullet before it)
_LINE_LABEL = re.compile(r"[ \t]*(?:[—–•*-][ \t]*)?(?P<label>[A-Za-z][A-Za-z ,'-]{0,60}?):[ \t]")


def _line_label(view: ArticleView, q: Quantity) -> list[Word]:
    """The words of the label before a colon that opens the count's line, when the count is in the first
    sentence after it ([] for none): a round-up's heading of what its figures count."""
    start = view.text.rfind("\n", 0, q.start) + 1
    m = _LINE_LABEL.match(view.text, start, q.start)
    if m is None or view.sentence(q.start)[0] > m.end():
        return []
    label = words(m.group("label"))
    return label if 1 <= len(label) <= 8 else []


def _total_or_label_thing(
    view: ArticleView,
    q: Quantity,
    win: Window,
    s0: int,
    read: tuple[Thing | None, str],
    before: Measured | None,
    lex: ClaimsLexicon,
) -> Thing | None:
    """The thing of a count (``read``: the thing read so far and the relation), else of a bare total
    (:func:`_bare_total_thing`), else the one a round-up's label names (:func:`_label_thing`)."""
    return _bare_total_thing(view, q, win, s0, read, before, lex) or _label_thing(view, q, lex)


def _label_thing(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> Thing | None:
    """The thing a round-up's label names for a count that names none ("Deaths: Global total of 76")."""
    if q.counts:
        return None
    heads = {singular(w.text.lower()) for w in _line_label(view, q)}
    named = [t for t in lex.things.values() if heads & t.heads]
    return named[0] if len(named) == 1 else None


def _label_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> str:
    """The state a round-up's label gives the counts of its own thing ("Confirmed cases: WHO says 40
    countries have reported more than 8,829 cases"); "" for none."""
    label = _line_label(view, q)
    if not any(singular(w.text.lower()) in thing.heads for w in label):
        return ""
    found = [st for st, ws in lex.states[thing.states].items() if _has(label, ws)]
    return found[0] if len(found) == 1 else ""


def _relative_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> str:
    """The state a relative clause right after a plural count's own noun phrase gives it ("" for none):
    its antecedent is the counted noun, not a place or a noun after it, when its verb is plural."""
    if not q.counts or q.value is None or q.value <= 1:
        return ""
    m = _RELATIVE_STATE.match(view.text, q.end, view.sentence(q.start)[1])
    if m is None:
        return ""
    word = m.group("state").lower()
    return next((st for st, ws in lex.states[thing.states].items() if word in ws), "")


def _unnumbered_whole_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> str:
    """ "... have reported laboratory confirmed cases of pandemic influenza H1N1 2009, including at least
    10,582 deaths": a part after *including* of a whole written with no number keeps the state the
    whole's noun phrase names (a state word next to a head of its family, after the last number
    before it and within its clause), as a part of a numbered whole does."""
    s0 = view.sentence(q.start)[0]
    # the count's span starts at its qualifier ("at least 10,582 deaths"): *including* stands right before
    ws = words(view.text, max(s0, q.start - 160), q.start)
    k = len(ws)
    if k < 2 or ws[k - 1].text not in INCLUDE_WORDS or ws[k - 2].text != ",":
        return thing.default_state
    last = max((o.end for o in view.analysis.quantities if o.end <= q.start and o.kind != "year"), default=0)
    before = [w for w in ws[max(0, k - 14) : k - 2] if w.start >= last]
    cut = max((i + 1 for i, w in enumerate(before) if w.text in (";", ":")), default=0)
    before = before[cut:]
    heads = {h for t in lex.things.values() if t.states == thing.states for h in t.heads}
    for state, ws_state in lex.states[thing.states].items():
        for i in _has(before, ws_state):
            near = before[max(0, i - 2) : i + 3]
            if any(singular(w.text) in heads for w in near):
                return state
    return thing.default_state


def _whole_after_state(
    view: ArticleView, q: Quantity, next_q: Quantity | None, thing: Thing, lex: ClaimsLexicon
) -> str | None:
    """ "42 deaths in the country from the virus, out of more than 1,000 confirmed cases", "429 swine flu
    deaths worldwide among 94,512 cases confirmed": a count drawn *out of* (or *among*) a whole written
    after it, in its sentence, has the whole's state (as a part after *including* has), written before
    the whole's noun or as the participle right after it. So has one *from* a whole of another thing
    ("more than 230 people have been killed by the flu worldwide from 52,000 confirmed cases": the dead
    are among the confirmed cases); *from* a count of the same thing is where a change began ("rose to
    20 from 15")."""
    if next_q is None or not next_q.counts:
        return None
    between = [w.text.lower() for w in words(view.text, q.end, next_q.start)]
    if between[-1:] == ["from"] and len(between) <= 12:
        head = next_q.counts.lower().split()[-1]
        whole = lex.thing_of(singular(head))
        if whole is None or whole is thing or whole.states != thing.states:
            return None
    elif (between[-2:] != ["out", "of"] and between[-1:] != ["among"]) or len(between) > 12:
        return None
    if set(between) & CLAUSE_WORDS:
        return None
    after = words(view.text, next_q.end, min(len(view.text), next_q.end + 40))[:1]
    counted = words(next_q.counts.lower()) + [w for w in after if w.text.endswith("ed")]
    return _sole_state(counted, thing, lex)


def _sole_state(ws: list[Word], thing: Thing, lex: ClaimsLexicon) -> str | None:
    """The one state of ``thing``'s family that the words ``ws`` write; None for none or several."""
    found = [st for st, words_of in lex.states[thing.states].items() if _has(ws, words_of)]
    return found[0] if len(found) == 1 else None


# the words that join a rise's level to the increment that made it ("risen to 97 after 13 more were
# confirmed", "rose to 49 as eleven more people were confirmed")
_RISE_CAUSE = frozenset({"after", "as", "when", "following"})


def _risen_after_state(
    view: ArticleView, q: Quantity, next_q: Quantity | None, thing: Thing, lex: ClaimsLexicon
) -> str:
    """ "The number of swine flu cases in Vietnam has risen to 97 after 13 more were confirmed": the
    level a rise reached counts what the rise added, so a level whose own words write no state takes
    the state its increment's words write (*after*, *as*, *when* or *following*, then a count of *more*,
    a date between at most), the guideline's rule of a total and the increment that brings it, read the
    other way."""
    if next_q is None:
        return ""
    before = [w.text for w in words(view.text, max(0, q.start - 40), q.start)][-3:]
    if before[-1:] != ["to"] or not RISE & set(before):
        return ""
    between = [w.text for w in words(view.text, q.end, next_q.start)]
    if not between or between[-1] not in _RISE_CAUSE or len(between) > 5 or "," in between:
        return ""
    s1 = view.sentence(q.start)[1]
    own = words(view.text, next_q.start, s1)[:8]
    if "more" not in [w.text for w in own[:4]]:
        return ""
    cut = next((i for i, w in enumerate(own) if w.text in (",", ";")), len(own))
    return _sole_state(own[:cut], thing, lex) or ""


def _brought_total_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> str:
    """ "TWO more Ugandans have tested positive ... This brings the number of confirmed cases in
    Uganda to five": an increment takes the state of the total it brings (the H1N1 guideline's dev2
    rule), written in the phrase that brings it later in its sentence or opening the next ("This
    brings"), with no other number between; the total's phrase must name the thing or none."""
    s1 = view.sentence(q.start)[1]
    ws = words(view.text, q.end, s1)
    n0, n1 = view.sentence_after(s1)
    nxt = words(view.text, n0, n1)
    if nxt[:1] and nxt[0].text.lower() in ("this", "that", "which") and nxt[1:2] and nxt[1].text in BRING:
        ws = ws + nxt
    b = next((i for i, w in enumerate(ws) if w.text in BRING), None)
    if b is None:
        return ""
    starts = view.quantity_starts()
    k = bisect_left(starts, q.end)
    if k < len(starts) and starts[k] < ws[b].start:
        return ""  # another number stands between: the total is not this increment's
    to = next((i for i in range(b + 1, min(len(ws), b + 14)) if ws[i].text == "to"), None)
    phrase = ws[b + 1 : to] if to is not None else []
    if not _has(phrase, TOTAL_WORDS):
        return ""
    heads = {singular(w.text.lower()) for w in phrase}
    if any(heads & set(t.heads) for t in lex.things.values() if t is not thing):
        return ""
    return _sole_state(phrase, thing, lex) or ""


def _its_total_place(view: ArticleView, q: Quantity, s0: int, head: Measured | None) -> tuple[str, ...]:
    """ "The largest increase was reported by the United Kingdom, with 2,288 new infections ...,
    bringing its total to 6,538": *its* / *their* total is that of the place the sentence's first
    count is about."""
    if head is None or head.q is q or not head.about:
        return ()
    ws = [w.text.lower() for w in words(view.text, max(s0, q.start - 60), q.start)][-6:]
    if ws[-1:] not in (["to"], ["at"]):
        return ()
    possessed = any(w in ("its", "their") and n in TOTAL_WORDS for w, n in pairwise(ws))
    return head.about if possessed else ()


def _no_victims(view: ArticleView, q: Quantity, s0: int, lex: ClaimsLexicon) -> bool:
    """A number that counts no victims: the agents after a passive death or injury word and *by* ("shot
    dead by two men", "wounded by three gunmen")."""
    lead = [w.text for w in words(view.text, max(s0, q.start - 40), q.start)][-2:]
    if lead[-1:] != ["by"]:
        return False
    harm = {p for name in lex.incident_things for p in lex.things[name].predicates if " " not in p}
    return len(lead) == 2 and lead[0] in harm


_NO_ONE = re.compile(r"\bno[- ]?$", re.IGNORECASE)


def _count_raised_by(view: ArticleView, q: Quantity, s0: int) -> bool:
    """ "H1N1 has infected 4,379 people in 29 countries, the WHO said, increasing its count by almost a
    thousand": a number after *by* that follows a rise verb and its object *its/the count* (tally, toll,
    total) is the amount of the rise of the count its sentence gave first."""
    ws = [w.text for w in words(view.text, max(s0, q.start - 60), q.start)][-4:]
    return (
        len(ws) == 4
        and ws[3] == "by"
        and ws[2] in TOTAL_WORDS
        and ws[1] in ("its", "the", "their")
        and ws[0] in RISE | {"raising", "raised", "raises", "pushing", "pushed"}
    )


def _apposed_rise(view: ArticleView, prev: Measured, q: Quantity) -> bool:
    """ "reached a total of 20, a rise of 12", "8,453 cases of the virus, a rise of nearly 1,000": a
    rise noun's amount set off right after a count of a thing (and the count's own modifier) is that
    count's rise."""
    between = [w.text for w in words(view.text, prev.q.end, q.start)]
    own, rise = between[:-4], between[-4:]
    return (
        prev.thing is not None
        and q.counts is None
        and len(own) <= APPOSED_RISE_GAP
        and not set(own) & CLAUSE_MARKS
        and rise[:1] == [","]
        and _a_rise_of(rise[1:])
    )


APPOSED_RISE_GAP = 4  # words of the count's own modifier before the comma ("of the virus")


def _in_sentence_before(view: ArticleView, s0: int, prev: Measured) -> bool:
    """Whether ``prev`` stands in the sentence right before the one that starts at ``s0``."""
    starts = [a for a, _ in view.sentences if a < s0]
    return bool(starts) and starts[-1] <= prev.q.start < s0


def _opening_pronoun_part(view: ArticleView, q: Quantity, s0: int, prev: Measured) -> bool:
    """ "There were 20 confirmed cases of swine flu in the United States. Eight of those were in New York,
    seven in California": a bare number opening its sentence, with *of those* / *of them* after it, is a
    part of the last value of the sentence before (its thing and state, the part's own place)."""
    if q.counts or prev.thing is None or q.start != s0 or _after_of_pronoun(view, q) is None:
        return False
    return _in_sentence_before(view, s0, prev)


def _it_includes(view: ArticleView, q: Quantity, s0: int, prev: Measured) -> bool:
    """ "The confirmed global death toll stands at 26. It includes 25 in Mexico ...": a sentence whose
    subject *it* / *this* includes a bare number names a part of the last value of the sentence before
    (its thing and state, the part's own place)."""
    lead = [w.text.lower() for w in words(view.text, s0, q.start)]
    if q.counts or not 2 <= len(lead) <= 4 or lead[0] not in ("it", "this"):
        return False
    if not {"includes", "include", "included"} & set(lead[1:3]) or prev.thing is None:
        return False
    return _in_sentence_before(view, s0, prev)


def _fronted_at(view: ArticleView, q: Quantity, s0: int) -> tuple[str, ...] | None:
    """ "At 64, the US has the greatest number of confirmed cases outside Mexico": a number fronted by
    *at* is the figure of what its clause names, and of the place that is the clause's subject (the
    place right after the comma), not of a place the clause compares it with. None: no such front;
    () when the subject is no place."""
    if [w.text.lower() for w in words(view.text, s0, q.start)] != ["at"]:
        return None
    rest = view.text[q.end : view.sentence(q.start)[1]]
    if not rest.startswith(","):
        return None
    subject = words(view.text, q.end + 1, q.end + len(rest))[:4]
    for p in view.places:
        if subject and subject[0].start <= p.start <= subject[-1].start:
            return (p.name,)
    return ()


def _window_end(
    view: ArticleView, qs: list[Quantity], i: int, next_q: Quantity | None, lex: ClaimsLexicon
) -> int | None:
    """Where the window of ``qs[i]`` ends on the right: at the next quantity, unless that one counts
    the countries (or states, provinces, ...) the number is counted in ("More than 2,000 people in 24
    countries have been infected": the verb after the place phrase is the number's)."""
    for j in range(i - 1, max(-1, i - 5), -1):  # the aside may hold several parts
        around = part_aside(view.text, qs[j])
        if around is not None and around[0] <= qs[i].start < around[1]:
            return min(around[1], next_q.start) if next_q else around[1]  # a part inside it: not after
    if next_q is not None:
        aside = part_aside(view.text, qs[i]) or bracket_aside(view.text, qs[i])
        if aside is not None and next_q.start < aside[1]:
            # the part set off after it is no neighbour: the count's verb comes after it
            later = next((o for o in qs[i + 1 :] if o.start >= aside[1]), None)
            s1 = view.sentence(qs[i].start)[1]
            return later.start if later is not None and later.start < s1 else None
    # (states too: "226 people in 30 states had tested positive": the verb after them is the number's)
    if next_q is None or not _in_countries(view, qs[i], qs, lex, _PLACES_COUNTED):
        return next_q.start if next_q else None
    after = qs[i + 2] if i + 2 < len(qs) else None
    return after.start if after is not None and after.start < view.sentence(qs[i].start)[1] else None


def _whole_place(
    view: ArticleView, q: Quantity, prev: Measured | None, head: Measured | None
) -> tuple[str, ...] | None:
    """The place of a number that is the whole of another: "15 cases in Britain, 12 in England and three
    in Scotland, out of 631 suspected cases" (*out of*: the whole the first count of the sentence is
    drawn from) and "increased its tally of cases around the world from 257 to 331" (the new value of a
    change written *from A to B* is a value of A's measure and place)."""
    before = [w.text for w in words(view.text, max(0, q.start - 40), q.start)]
    if before[-2:] == ["out", "of"] and head is not None and head.q is not q and head.about:
        return head.about
    if prev is not None and before[-1:] == ["to"] and prev.about:
        ahead = [w.text for w in words(view.text, max(0, prev.q.start - 12), prev.q.start)]
        between = [w.text for w in words(view.text, prev.q.end, q.start)]
        if ahead[-1:] == ["from"] and between == ["to"]:
            return prev.about
    return None


def _nobody(text: str, q: Quantity) -> bool:
    """ "no-one" / "no one" is nobody, not one person ("just because no-one in the UK has died")."""
    return q.text.strip().lower() == "one" and bool(_NO_ONE.search(text[max(0, q.start - 4) : q.start]))


CARRY_SENTENCES = 3


def _carry_place(
    view: ArticleView, m: Measured, placed: dict[str, tuple[int, tuple[str, ...]]], countries: frozenset[str]
) -> None:
    """An increment in a sentence that names no place ("The agency announced a further 17 cases,
    bringing the total to 203" after "cases in the UK rose above 200") adds to the count named just
    before: it takes the place of the last value of its thing in the sentences before (at most
    ``CARRY_SENTENCES`` back). Records the place of every placed value."""
    assert m.thing is not None
    s0, s1 = view.sentence(m.q.start)
    if m.about:
        earlier = placed.get(m.thing.name)
        if earlier is not None and earlier[0] == s0 and earlier[1] and earlier[1] != m.about:
            placed[m.thing.name + _SEVERAL] = (s0, ())
        placed[m.thing.name] = placed["*"] = (s0, m.about)
        return
    last = placed.get(m.thing.name)
    if m.aspect == "new" and last is None:
        last = _measure_named_before(view, m, countries)
    if m.aspect == "new" and last is not None and not last[1]:
        return  # "17,855 cases ... This represents a rise of 4,638 cases": it adds to a count with no place
    if m.aspect == "new" and last is not None and placed.get(m.thing.name + _SEVERAL, (-1, ()))[0] == last[0]:
        # "426 confirmed cases in England, 189 in Scotland, four in Northern Ireland and two in Wales.
        # However, there are also a further 523 possible cases": a sentence of several places' counts
        # gives an increment after it none of them
        return
    if m.aspect != "new":
        # "In Chile, 900 people have been infected. Some 40 of them have died": *of them* points back
        # to the last count of the sentence before, and the part is where that count is
        last = placed.get("*")
        after = [w.text.lower() for w in words(view.text, m.q.end, min(s1, m.q.end + 16))][:2]
        before = [w.text.lower() for w in words(view.text, s0, m.q.start)]
        back = sum(1 for a, _ in view.sentences if last[0] <= a < s0) if last else 0
        # "Some 40 of them have died", and the whole named again: "20 of the deaths have been confirmed";
        # or fronted: "Of those 163 have died"
        of_whole = (
            after in (["of", "them"], ["of", "these"], ["of", "those"])
            or before in (["of", "them"], ["of", "these"], ["of", "those"])
            or _PARTITIVE.match(m.q.text)
        )
        if not of_whole or back != 1:
            return
    if last is not None and _may_carry(view, m, last, countries):
        m.about = last[1]


def _measure_named_before(
    view: ArticleView, m: Measured, countries: frozenset[str]
) -> tuple[int, tuple[str, ...]] | None:
    """The sentence right before an increment's, when it names the increment's thing and one country
    and holds no number: "The number of swine flu cases increased sharply in Germany last week. The
    Robert Koch Federal Institute ... announced an increase of 637 cases in one day" (the increment is
    of the measure that sentence speaks of); None otherwise."""
    assert m.thing is not None
    s0 = view.sentence(m.q.start)[0]
    b0, b1 = view.sentence_before(s0)
    if b1 <= b0 or any(b0 <= o.start < b1 for o in view.analysis.quantities):
        return None
    if not any(singular(w.text) in m.thing.heads for w in words(view.text, b0, b1)):
        return None
    named = {p.name for p in view.places_in(b0, b1)}
    return (b0, (named.pop(),)) if len(named) == 1 and named <= countries else None


def _may_carry(
    view: ArticleView, m: Measured, last: tuple[int, tuple[str, ...]], countries: frozenset[str]
) -> bool:
    """Whether the count may take the place of the last value of its thing (:func:`_carry_place`): its
    sentence names no place, no noun of a smaller place than the country carried, and that value stands
    at most ``CARRY_SENTENCES`` back."""
    s0, s1 = view.sentence(m.q.start)
    if view.places_in(s0, s1):
        return False
    if _names_a_place(view, s0, s1):
        return False  # a place named inside another name ("Health Protection Scotland said ...")
    if _WIDE_SCOPE.match(view.text, s0):
        return False  # "Statewide, 183 more people were hospitalized": wider than the city before
    if _LOCAL_NOUN.search(view.text, s0, m.q.start) and set(last[1]) & countries:
        return False  # "The city had Monday reported 70 fresh cases": a city's count is none of its country's
    line = view.text.rfind("\n", 0, m.q.start) + 1
    if view.text[line : line + 3].lstrip()[:1] in _BULLETS:
        return False  # "• Shiawassee has added two new cases": an item of a list, about its own subject
    back = sum(1 for a, _ in view.sentences if last[0] <= a < s0)
    return 0 < back <= CARRY_SENTENCES


def _wide_scope_after(
    view: ArticleView, q: Quantity, about: tuple[str, ...], lex: ClaimsLexicon
) -> tuple[str, ...]:
    """ "10 confirmed cases in Coconino County and 729 statewide", "10 cases in Toronto and 729 nationwide":
    an adverb of a whole state or nation right after a count makes it that whole's, never the place of the
    item before it (a country stays when the adverb is the nation's, a first-level region when it is the
    state's)."""
    m = _WIDE_AFTER.match(view.text, q.end)
    if m is None or not about:
        return about
    if m.group(1).lower() in ("nationwide", "countrywide", "nationally"):
        return about if set(about) <= lex.known_countries else ()
    return about if set(about) <= set(lex.regions) else ()  # "Texas has 500 cases statewide" stays Texas's


# ... or right after a count, its own scope
_WIDE_AFTER = re.compile(r"[ \t]+(statewide|state-wide|nationwide|countrywide|nationally)\b", re.IGNORECASE)
# an adverb of a whole state or nation opening a sentence
_WIDE_SCOPE = re.compile(
    r"\s*(?:statewide|nationwide|countrywide|nationally|across\s+the\s+(?:state|country))\b", re.IGNORECASE
)


# the marks that open the items of a list, one a line
_BULLETS = frozenset({"•", "*", "-", "–", "·", "▪", "○"})


# a noun of a place smaller than a country that names the place a sentence is about ("The city had
# Monday reported 70 fresh cases"); not before *of*, which names it ("the city of Pune")
_LOCAL_NOUN = re.compile(
    r"\b(?:the|this)\s+(?:city|town|village|state|province|district|county|capital|prefecture|municipality)"
    r"\b(?!\s+of\b)",
    re.IGNORECASE,
)


# the key of ``placed`` (in :func:`_carry_place`) that records a sentence counting a thing in several places
_SEVERAL = "|several"


def _unplaced_count(m: Measured, view: ArticleView, placed: dict[str, tuple[int, tuple[str, ...]]]) -> None:
    """Record a count of a thing left without a place, in a sentence after its thing's last placed
    value: an increment after it adds to it, not to the place named before (`_carry_place`)."""
    if m.thing is not None and not m.about and not m.part and m.aspect != "new":
        s0 = view.sentence(m.q.start)[0]
        last = placed.get(m.thing.name)
        if last is None or last[0] < s0:
            placed[m.thing.name] = (s0, ())


def _vague(q: Quantity) -> bool:
    """ "scores of people", "tens of millions", "thousands": a plural scale word with no digit names an
    order of magnitude, not a number; a reader lists no figure for it, so it is no value of a claim
    (it stays a quantity, and a measure that a part or a total after it may share)."""
    from saidwhat.quantities.lexicon import load_lexicon as load_quantity_lexicon  # see _after_number

    # (the number's own words: the counted noun may write digits, "tens of thousands of A(H1N1) cases")
    number = q.text[: len(q.text) - len(q.counts)] if q.counts and q.text.endswith(q.counts) else q.text
    if any(ch.isdigit() for ch in number):
        return False
    scales = load_quantity_lexicon().plural_scales
    return any(w.text in scales for w in words(q.text))


def _school_year(text: str, q: Quantity) -> bool:
    """ "year seven pupils", "year-seven pupils": a number right after *year* names a school year."""
    return bool(re.search(r"\byear[ -]$", text[max(0, q.start - 5) : q.start], re.IGNORECASE))


# an age the number is ("The average age of the cases is 22", "an age range of (less than)1 to 97"):
# *age* before it in its clause, no count's noun after it
_AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\b[^,;:.!?\n]{0,50}$", re.IGNORECASE)


# a noun of persons right before a bound ("a child under 18", "people over 65"): the bound is an age
_PERSONS_BEFORE_BOUND = re.compile(
    r"\b(?:child|children|kids?|people|persons?|those|adults?|patients?|anyone|men|women|boys?|girls?|"
    r"babies|infants?|teenagers?|youngsters?|students?|pupils?)\s+$",
    re.IGNORECASE,
)
_BOUND = re.compile(r"(?:under|over|below|above)\s", re.IGNORECASE)


def _an_age(text: str, q: Quantity) -> bool:
    """Whether a bare number is an age its clause names (:data:`_AGE_BEFORE`), or the value an average
    age is said to be however long its subject (:data:`_AGE_IS`), no count."""
    if q.counts:
        return False
    if _WHO_IS.search(text, max(0, q.start - 20), q.start) and _AFTER_AGE.match(text, q.end):
        return True  # "the death of Wiener, who was 55 and had taught for decades"
    return bool(_AGE_BEFORE.search(text, max(0, q.start - 60), q.start)) or bool(
        _AGE_IS.search(text, max(0, q.start - 140), q.start)
    )


# a relative clause on one person whose copula takes a bare number: that person's age ("Wiener, who was
# 55 and had taught for decades"); the number ends the clause or a coordination
_WHO_IS = re.compile(r",\s*who\s+(?:is|was)\s+$", re.IGNORECASE)
_AFTER_AGE = re.compile(r"\s*(?:[,.;)]|\s+and\b|\s+years?\b|$)", re.IGNORECASE)


# "The average age of people who have come down with swine flu (in lab confirmed cases) is 18": the
# copula of an average age, its subject as long as it runs
_AGE_IS = re.compile(
    r"\b(?:average|median|mean)\s+age\b[^;:.!?\n]{0,120}\b(?:is|was|were|stands\s+at|stood\s+at)\s+$",
    re.IGNORECASE,
)


def _age_bound(text: str, q: Quantity) -> bool:
    """Whether a bare number is the bound of an age right after a noun of persons ("Five deaths have also
    occurred among adults, and a child under 18 has also died": no 18 deaths). It stays a quantity of
    the article (the windows of the counts around it end at it, as before)."""
    if not q.counts and _AND_YOUNGER.match(text, q.end):
        return True  # "in people 25 and younger": an age and the ages on one side of it
    if not q.counts and _YOUNGER_THAN.search(text, max(0, q.start - 40), q.start):
        return True  # "199 people younger than 18 have been hospitalized": the bound of their ages
    if q.counts or _BOUND.match(q.text) is None:
        return False
    # ... or after the copula of a share of persons: "70 per cent of those who had contracted the H1N1
    # virus were under 30"
    return (
        _PERSONS_BEFORE_BOUND.search(text, max(0, q.start - 30), q.start) is not None
        or _SHARE_THEN_COPULA.search(text, max(0, q.start - 120), q.start) is not None
    )


# (not "at least 20 and up to 81 deaths": *up to* bounds another figure)
_AND_YOUNGER = re.compile(
    r"[ \t]+(?:and|or)[ \t]+(?:younger|older|under|over|up(?![ \t]+to\b)|above|below)\b", re.IGNORECASE
)
_YOUNGER_THAN = re.compile(
    r"\b(?:people|persons|children|kids|patients|adults|those|residents|anyone)\s+(?:younger|older)\s+than\s+$",
    re.IGNORECASE,
)
_SHARE_THEN_COPULA = re.compile(
    r"\b(?:per\s?cent|percent|%|most|half|majority)\b[^.;:!?]{0,90}?\b(?:were|are|was|is)\s+$", re.IGNORECASE
)


# nouns a bare number after them names a member of a numbered series ("in week 44", "Phase 5")
SERIES_NOUNS = frozenset({"week", "phase", "level", "stage", "category", "grade", "ward", "flight", "route"})
# words before such a noun that make it a span or a thing of its own, whose number may be a count
# ("in the past week 44 died")
SPAN_OPENERS = frozenset(
    {"the", "a", "an", "this", "that", "last", "past", "next", "each", "every", "per", "one", "same",
     "previous", "following", "coming", "first", "whole", "entire"}
)  # fmt: skip


def _series_member(text: str, q: Quantity) -> bool:
    """ "rose in week 44", "Week 44", "on Flight 312": a bare number right after a noun of a numbered
    series names a member of the series (a week of the year, a phase of an alert), not a count."""
    if q.counts:
        return False
    before = [w.text.lower() for w in words(text, max(0, q.start - 30), q.start)]
    return (
        len(before) >= 1
        and before[-1] in SERIES_NOUNS
        and text[q.start - 1 : q.start] == " "
        and not (len(before) >= 2 and before[-2] in SPAN_OPENERS)
    )


def _own_quantities(view: ArticleView) -> list[Quantity]:
    """The article's own quantities that may count something, in text order."""
    qs = [
        q
        for q in view.analysis.quantities
        if q.kind not in ("ordinal", "age")
        and view.segment_kind(q.start) in OWN_SEGMENTS
        and not _nobody(view.text, q)
        and not _school_year(view.text, q)
        and not _series_member(view.text, q)
        and not _an_age(view.text, q)
    ]
    repeats = _repeated_sentences(view)
    qs = [q for q in qs if not any(a <= q.start < b for a, b in repeats)]
    converted = _conversions(qs, view.text)
    qs = [q for q in qs if q.start not in converted]
    return sorted((p for q in qs for p in _change_range(view, _within_unit(view, q))), key=lambda q: q.start)


# words a sentence needs before its repetition counts as the page's copy of it (a short line such as
# "Mexico: 26" may stand twice in a table)
REPEATED_SENTENCE_MIN_WORDS = 8


def _repeated_sentences(view: ArticleView) -> list[tuple[int, int]]:
    """The sentences that repeat, word for word, a sentence before them in the article: a page's
    teaser or standfirst above its lede, a paragraph a scraper took twice, a pull quote ("At least 13
    more swine flu patients died in India, taking the toll ... to 666" twice). The repetition is the
    same report, not a second one: its figures are values once, where they stood first; a teaser cut
    off by an ellipsis gives them where its sentence stands whole (:func:`_teaser_of_later`)."""
    seen: set[str] = set()
    out: list[tuple[int, int]] = []
    norms = [" ".join(view.text[a:b].split()) for a, b in view.sentences]
    for k, (a, b) in enumerate(view.sentences):
        norm = norms[k]
        if len(norm.split()) < REPEATED_SENTENCE_MIN_WORDS:
            continue
        if norm in seen or _teaser_of_later(norms, k):
            out.append((a, b))
        seen.add(norm)
    return out


def _teaser_of_later(norms: list[str], k: int) -> bool:
    """Whether sentence ``k`` (of the normalised sentences ``norms``), cut off by an ellipsis, is the start
    of a later one, word for word (a page's teaser: "... for a total of 179 confirmed cases,..." above the
    lede that goes on ", none of which have caused a death."): the later sentence is the whole report, the
    teaser a copy of its start. (The later sentences are read in place: no copy of them per sentence.)"""
    norm = norms[k]
    if not norm.endswith(("...", "…")):
        return False
    stem = norm.rstrip(".…").rstrip(" ,;:")
    return len(stem.split()) >= REPEATED_SENTENCE_MIN_WORDS and any(
        s.startswith(stem) for s in islice(norms, k + 1, None)
    )


def _within_unit(view: ArticleView, q: Quantity) -> Quantity:
    """``q`` cut where its headline unit ends: the words a page runs into a headline from the next line
    ("reaches 80 Suspected cases", see :func:`~saidwhat.claims.text.page_cuts`) are not its noun."""
    cut = next((c for c in view.page_cuts if q.start < c < q.end), None)
    if cut is None:
        return q
    text = view.text[q.start : cut].rstrip()
    counts = q.counts if q.counts and q.counts.lower() in text.lower() else None
    return replace(q, text=text, end=q.start + len(text), counts=counts)


def quantity_values(view: ArticleView, lex: ClaimsLexicon) -> list[QuantityValue]:
    """Every quantity of one article that measures something, as a value with its measure key."""
    qs = _own_quantities(view)
    out: list[QuantityValue] = []
    made: list[Measured] = []  # the measure of each value of ``out``
    prev: Measured | None = None
    found = disease_mentions(view, lex) if qs else {}
    diseases, topic = main_diseases(found), article_disease(found)
    placed: dict[str, tuple[int, tuple[str, ...]]] = {}  # thing -> (sentence start, place) of its last value
    head: Measured | None = None  # the first measured value of the current sentence
    last: Measured | None = None  # the last value that counts a thing of the lexicon
    before: Measured | None = None  # the last measured value of a thing, whatever its sentence
    asides = _from_asides(view, qs)  # earlier values set off after a count: no neighbour of the next
    for i, q in enumerate(qs):
        if head is not None and view.sentence(head.q.start) != view.sentence(q.start):
            head = None
        m = measure(view, qs, i, prev, lex, diseases, head, before) or _each_continues(view, q, last)
        if m is not None and m.thing is not None:
            # a list continues the thing its sentence counts: not a part of another thing
            # ("1,626 cases, including 48 deaths")
            last = m if head is None or head.thing is m.thing else None
            before = m
        if m is not None and m.thing is not None and not m.disease:
            _carry_place(view, m, placed, lex.known_countries)
            head = head or m
        prev = prev if i in asides else m
        if m is None or (q.kind == "percent" and (m.thing is None or m.aspect != "rate")):
            # a share is no count: "23% of all the 28,751 in the region" (a rate keeps its value: "a
            # fatality rate of 0.4 percent")
            continue
        if _no_value(view, qs, i, m, lex) or _subset_of_fronted(view, q, m, made[-1] if made else None):
            continue
        if not m.disease:
            _unplaced_count(m, view, placed)
        name, about = _named(view, q, m, lex, made[-1] if made else None)
        out.append(
            QuantityValue(
                key=MeasureKey(name, m.state, m.aspect, q.unit, about, view.story),
                **_number_fields(q),
                published=view.analysis.doc.published,
                article=view.id,
                disease=m.named,
                topic="" if m.named or m.thing is None or m.thing.states != "status" else topic,
                **_said(view, q),
            )
        )
        made.append(m)
    _world_of_parts(view, made, out, lex)
    _shared_locative(view, made, out)
    _headline_place(view, made, out)
    _dateline_place(view, made, out, lex)
    _section_place(view, made, out, lex)
    _another_set(view, made, out)
    _added_to_total(view, made, out, lex)
    _toll_of_change(view, made, out, lex)
    _increment_of_total(view, made, out, lex)
    _repeated_figure(view, made, out)
    _series_goes_on(view, made, out)
    vals = _definite_recounts(
        view, qs, _shared_rise(view, _anaphoric_totals_state(view, _increments_state(view, out))), lex
    )
    vals = _each_of_conjuncts(view, _bracketed_totals(view, vals))
    vals = _bracketed_new(view, qs, _bracketed_items(view, qs, _respective_counts(view, qs, vals), lex), lex)
    vals = _place_items_before(view, qs, _with_items(view, qs, vals))
    _parallel_objects(view, vals)
    _whole_with_its_parts(vals, lex)
    return _both_items(view, vals)


def _whole_with_its_parts(vals: list[QuantityValue], lex: ClaimsLexicon) -> None:
    """ "Britain and Northern Ireland have reported more than 200 cases": places coordinated with a
    country they are parts of (its constituent countries or first-level regions, :meth:`whole_of`) add
    nothing to it; the count is the country's."""
    for v in vals:
        about = v.key.about
        if len(about) < 2:
            continue
        wholes = [a for a in about if not lex.whole_of(a)]
        if len(wholes) == 1 and all(lex.whole_of(a) == wholes[0] for a in about if a != wholes[0]):
            v.key = replace(v.key, about=(wholes[0],))


# qualifiers between a verb and the number it takes for object ("has reported over 5,700"): a count's own
# words (`IN_COUNT`) but its place's prepositions
_OBJECT_QUALIFIERS = IN_COUNT - {"in", "across"}


def _verb_before_number(view: ArticleView, start: int, s0: int) -> str | None:
    """The verb right before the number at ``start`` (its qualifiers passed over), lower case."""
    ws = [w.text.lower() for w in words(view.text, max(s0, start - 60), start)]
    while ws and ws[-1] in _OBJECT_QUALIFIERS:
        ws.pop()
    return ws[-1] if ws and ws[-1].endswith("ed") else None


def _parallel_objects(view: ArticleView, vals: list[QuantityValue]) -> None:
    """ "Mexico has reported over 7,600 cases including 113 deaths, Canada has reported over 5,700
    including 13 deaths": a bare number that the verb of an earlier count's clause takes again leaves out
    that count's noun (the clauses are parallel), not the noun of the part set off with *including* right
    before it (the 5,700 had been deaths)."""
    for i in range(2, len(vals)):
        v, part = vals[i], vals[i - 1]
        if _own_noun(view, v) or part.key.thing != v.key.thing:
            continue
        s0 = view.sentence(v.start)[0]
        if view.sentence(part.start)[0] != s0 or not _INCLUDING_BEFORE.search(view.text, s0, part.start):
            continue
        verb = _verb_before_number(view, v.start, s0)
        if verb is None:
            continue
        u = next(
            (
                x
                for x in reversed(vals[: i - 1])
                if s0 <= x.start
                and _own_noun(view, x)
                and x.key.thing != v.key.thing
                and _verb_before_number(view, x.start, s0) == verb
            ),
            None,
        )
        if u is not None:
            v.key = replace(v.key, thing=u.key.thing, state=v.key.state or u.key.state)


def _own_noun(view: ArticleView, v: QuantityValue) -> bool:
    """Whether the value's counted noun is written in its own words (the engine may lend a bare number
    the noun of the count after it: "over 5,700 including 13 deaths")."""
    return v.counts is not None and v.counts.lower() in view.text[v.start : v.end].lower()


_INCLUDING_BEFORE = re.compile(r"\bincluding\s+(?:at\s+least\s+|about\s+|some\s+)?$", re.IGNORECASE)


# a noun or verb of rise right before its amount: "a worldwide increase of", "rose by"
_RISE_BEFORE = re.compile(
    rf"(?:\b(?:an?|the)\s+(?:[a-z-]+\s+)?(?:{'|'.join(sorted(RISE_NOUNS))})\s+of"
    r"|\b(?:rose|risen|rising|increased|increasing|climbed|jumped|grew|grown|up)\s+by)\s+$",
    re.IGNORECASE,
)
_AND_BETWEEN = re.compile(r"\s*,?\s+and\s+")


def _shared_rise(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "a worldwide increase of 940 cases and 95 deaths": a rise's amount coordinated with the amount
    before it is a rise too (the rise noun or verb governs both objects), of its own thing and the same
    place."""
    out = list(vals)
    for k in range(1, len(out)):
        u, v = out[k - 1], out[k]
        if (
            u.key.aspect == "new"
            and not v.key.aspect
            and v.key.thing != u.key.thing
            and _AND_BETWEEN.fullmatch(view.text, u.end, v.start)
            and _RISE_BEFORE.search(view.text, max(0, u.start - 40), u.start)
        ):
            out[k] = replace(v, key=replace(v.key, aspect="new"))
    return out


class _NumberFields(TypedDict):
    value: float | int | None
    low: float | int | None
    high: float | int | None


def _number_fields(q: Quantity) -> _NumberFields:
    """A value's number as a claim keeps it: a range as its low and high, else its value."""
    ranged = q.value_max is not None
    return {"value": None if ranged else q.value, "low": q.value if ranged else None, "high": q.value_max}


# *respectively* after the last count of a coordination ("42 and 2 deaths, respectively")
_RESPECTIVELY_AFTER = re.compile(r"(?:\s+[a-z-]+){0,4}?\s*,?\s*respectively\b")
# the gap between two bare numbers of one coordination: "42 and 2", "300, 200 and 100"
_NUMBER_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _respective_counts(
    view: ArticleView, qs: list[Quantity], vals: list[QuantityValue]
) -> list[QuantityValue]:
    """ "Mexico and the United States have reported 42 and 2 deaths, respectively": *respectively* pairs
    the numbers of a coordination, in order, with the places of the coordination before them; each number
    is a value of its own place, of the measure the last one's noun gives ("42" leaves "deaths" out). Only
    when the places and the numbers are as many."""
    out = list(vals)
    for v in vals:
        if v.value is None or not _RESPECTIVELY_AFTER.match(view.text, v.end):
            continue
        q = next((x for x in qs if x.start == v.start), None)
        if q is None:
            continue
        k = qs.index(q)
        numbers = [q]
        while (
            k > 0
            and qs[k - 1].kind == "count"
            and _NUMBER_GAP.fullmatch(view.text, qs[k - 1].end, numbers[0].start)
        ):
            k -= 1
            numbers.insert(0, qs[k])
        s0 = view.sentence(v.start)[0]
        before = [p for p in view.places if s0 <= p.start and p.end <= numbers[0].start]
        if len(numbers) < 2:
            continue
        if before:
            lo, hi = _conjunct_run(view.text, before, len(before) - 1)
            places = before[lo : hi + 1]
        else:
            places = _pair_named_before(view, s0, numbers[0].start)
        if len(places) != len(numbers):
            continue
        for n, p in zip(numbers, places, strict=True):
            own = next((w for w in out if w.start == n.start), None)
            if own is not None and own.key.thing != v.key.thing:
                break  # a number of another measure: no coordination of one
            about = (p.name,)
            if own is not None:
                own.key = replace(own.key, about=about)
            elif n.counts is None:
                out.append(
                    replace(
                        v,
                        key=replace(v.key, about=about),
                        **_number_fields(n),
                        qualifier=n.qualifier,
                        counts=None,
                        text=n.text,
                        start=n.start,
                        end=n.end,
                    )
                )
    return sorted(out, key=lambda w: w.start) if len(out) > len(vals) else out


# a list item that is a place and its count in brackets: "Austria (1)", "Mexico (822 cases, ..."
_ITEM_OPEN = re.compile(r"[ \t]*\([ \t]*")
_ITEM_CLOSE = re.compile(r"[ \t]*\)")


def _place_joined(view: ArticleView, start: int, joint: re.Pattern[str]) -> Place | None:
    """The place that ``joint`` joins to the number at ``start``: "Austria (1)" (:data:`_ITEM_OPEN`),
    "Mexico with 10,262" (:data:`_WITH_ITEM`)."""
    return next((p for p in view.places if p.end < start and joint.fullmatch(view.text, p.end, start)), None)


def _after_place(view: ArticleView, p: Place) -> bool:
    """Whether a place comes right after another place and a comma: "Hong Kong, China"."""
    return any(o.end < p.start and re.fullmatch(r",\s*", view.text[o.end : p.start]) for o in view.places)


def _list_whole(
    view: ArticleView, vals: list[QuantityValue], first: int, lex: ClaimsLexicon
) -> QuantityValue | None:
    """The count a list of bracketed items breaks down: the first count of a status thing ("1,516 cases")
    before the list in its sentence, else in the sentence before ("... 1,516 cases. They include Austria
    (1), ..."). Its measure is the items'."""
    s0 = view.sentence(first)[0]
    counts = [w for w in vals if (t := lex.things.get(w.key.thing)) is not None and t.states == "status"]
    own = next((w for w in counts if s0 <= w.start and w.end <= first), None)
    # the sentence's own count; else, when the words before the list say what it is ("The teams are")
    # with no count, none from before
    if own is not None or (view.text[s0:first].strip(" \t\n:-–") and not _PRONOUN_LIST.match(view.text, s0)):
        return own
    b0, b1 = view.sentence_before(s0)
    whole = next((w for w in counts if b1 <= s0 and b0 <= w.start < b1), None)
    if whole is None:
        return None
    # the list's own sentence names no other thing: "... Chile (1) have reported deaths" counts deaths
    heads = {
        h for t in lex.things.values() if t.states == "status" and t.name != whole.key.thing for h in t.heads
    }
    said = {w.text.removesuffix("s") for w in words(view.text, first, view.sentence(first)[1])}
    return None if said & heads else whole


# a list's sentence that points back to the count before it: "They include", "These are"; or goes on with
# the ranking it heads: "It is followed by Peru (133), Chile (132), ..."
_PRONOUN_LIST = re.compile(
    r"\s*(?:(?:They|These|Those)\s+(?:include|are|were|included)|(?:It|This|That)\s+(?:is|was)\s+followed"
    r"\s+by|Followed\s+by)\b"
)


def _bracketed_runs(
    view: ArticleView, qs: list[Quantity]
) -> dict[tuple[int, int], list[tuple[Quantity, Place]]]:
    """The counts in brackets right after a place ("Austria (1)"), with that place, by sentence."""
    items: dict[tuple[int, int], list[tuple[Quantity, Place]]] = {}
    for q in qs:
        p = _place_joined(view, q.start, _ITEM_OPEN) if q.kind == "count" and q.value is not None else None
        if p is not None:
            items.setdefault(view.sentence(q.start), []).append((q, p))
    return items


def _bracketed_items(
    view: ArticleView, qs: list[Quantity], vals: list[QuantityValue], lex: ClaimsLexicon
) -> list[QuantityValue]:
    """ "22 countries have officially reported 1,516 cases. They include Austria (1), Canada (165), ...
    Mexico (822 cases, including 29 deaths)": a bare number in brackets after a place, in a list of two
    such items or more, is that place's count of the measure the list breaks down: the noun an item of
    the list writes ("822 cases"), else the count the list breaks down (:func:`_list_whole`)."""
    at = {v.start: v for v in vals}
    out = list(vals)
    for run in _bracketed_runs(view, qs).values():
        bare = [
            (q, p)
            for q, p in run
            if q.counts is None
            and q.start not in at
            and _ITEM_CLOSE.match(view.text, q.end)
            and not _after_place(view, p)  # "Hong Kong, China (1)": whose count is not told
        ]
        if len(run) < 2 or not bare:
            continue
        # an item that writes its noun ("822 cases"), not a bare one read by another rule
        own = [at[q.start] for q, _ in run if q.start in at and q.counts is not None]
        first = run[0][1].start
        model = next((v for v in own if v.key.thing in lex.things), None) or _list_whole(
            view, vals, first, lex
        )
        if model is None:
            continue
        for q, p in bare:
            out.append(
                replace(model, key=replace(model.key, about=(p.name,)), **_number_fields(q), **_said(view, q))
            )
    return sorted(out, key=lambda w: w.start) if len(out) > len(vals) else out


def _bracketed_new(
    view: ArticleView, qs: list[Quantity], vals: list[QuantityValue], lex: ClaimsLexicon
) -> list[QuantityValue]:
    """ "New cases were also reported from Rajasthan (47), Maharashtra (20) and West Bengal (1)": the
    bare numbers in brackets after places, two or more in a sentence, count the noun phrase written before
    the first of them, and an increment on its noun (*new*, *fresh*, *additional*, *more*) is theirs too, as
    its state is (they had been totals)."""
    at = {v.start: v for v in vals}
    new: dict[int, QuantityValue] = {}
    for (s0, _), items in _bracketed_runs(view, qs).items():
        run = [
            at[q.start]
            for q, _ in items
            if q.counts is None
            and q.start in at
            and not at[q.start].key.aspect
            and _ITEM_CLOSE.match(view.text, q.end)
        ]
        if not run:
            continue
        first = min(v.start for v in run)
        head = _NEW_ITEMS_HEAD.search(view.text, s0, first)
        thing = lex.things.get(run[0].key.thing)
        if len(run) < 2 or head is None or thing is None or singular(head.group("noun")) not in thing.heads:
            continue
        if any(q.start < first and q.start >= head.end() for q in qs):
            continue  # a count between the noun phrase and the list is what the list may break down
        for v in run:
            new[v.start] = replace(v, key=replace(v.key, aspect="new"))
    return [new.get(v.start, v) for v in vals] if new else vals


# the noun phrase of new counts a list of bracketed items breaks down ("New cases were also reported from")
_NEW_ITEMS_HEAD = re.compile(
    r"\b(?:new|fresh|additional|more)\s+(?:(?:swine|flu|h1n1|influenza|a\(h1n1\)|confirmed|positive)\s+){0,3}"
    r"(?P<noun>cases|deaths|infections|fatalities)\b",
    re.IGNORECASE,
)


# a place's item of a list joined to its number by *with*: "the US with currently 33,902"
_WITH_ITEM = re.compile(r"\s+with\s+(?:(?:currently|now|about|around|some|nearly|almost|over|just)\s+)?")


def _with_items(view: ArticleView, qs: list[Quantity], vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "after the US with currently 33,902 and Mexico with 10,262 confirmed cases": items of a list, each a
    place *with* its number, whose last one writes the noun, leave it out before: each bare number is its
    place's count of the last one's measure."""
    out = list(vals)
    at = {v.start for v in vals}
    for v in vals:
        if v.counts is None or len(v.key.about) != 1:
            continue
        place = _place_joined(view, v.start, _WITH_ITEM)
        if place is None:
            continue
        out += _items_before(view, qs, v, place, at, 0, partial(_joined_item, view))
    return sorted(out, key=lambda w: w.start) if len(out) > len(vals) else out


def _joined_item(view: ArticleView, start: int) -> Place | None:
    """The place *with* joins to the number at ``start`` ("Mexico with 10,262", :data:`_WITH_ITEM`)."""
    return _place_joined(view, start, _WITH_ITEM)


def _items_before(
    view: ArticleView,
    qs: list[Quantity],
    v: QuantityValue,
    place: Place,
    at: set[int],
    lo: int,
    place_of: Callable[[int], Place | None],
) -> list[QuantityValue]:
    """The bare numbers of the items of a list before ``v``'s item (whose place is ``place``), each with its
    own place (``place_of`` the number's start): values of ``v``'s measure, back to the first number that is
    no item (a noun of its own, a value already, before ``lo``, no conjunction before ``place``)."""
    out: list[QuantityValue] = []
    k = next((i for i, x in enumerate(qs) if x.start == v.start), None)
    found: Place | None = place
    while found is not None and k:
        q = qs[k - 1]
        if q.counts is not None or q.kind != "count" or q.start in at or q.start < lo:
            break
        if not _CONJUNCT_GAP.fullmatch(view.text, q.end, found.start):
            break
        found = place_of(q.start)
        if found is None:
            break
        out.append(replace(v, key=replace(v.key, about=(found.name,)), **_number_fields(q), **_said(view, q)))
        k -= 1
    return out


# between an item's place and its number: "Colombia had 10", "Brazil and Costa Rica each had eight cases",
# "Brazil eight" (the verb of the first item left out)
_PLACE_NUMBER_GAP = re.compile(
    r"\s+(?:each\s+)?(?:(?:had|has|have|reported|recorded|registered|confirmed|counted|documented|logged)\s+)?"
    r"(?:each\s+)?(?:(?:about|around|some|nearly|almost|over|just)\s+)?"
)


# words after a number that the engine did not take for its noun ("four confirmed cases of swine flu")
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")


def _item_place(view: ArticleView, s0: int, start: int) -> Place | None:
    """The first place of the coordination of places that is the subject of the item whose number starts
    at ``start`` ("Brazil and Costa Rica each had eight"): the places end right before the item's verb and
    number (:data:`_PLACE_NUMBER_GAP`), in the sentence starting at ``s0``."""
    places = [p for p in view.places if s0 <= p.start and p.end <= start]
    if not places or not _PLACE_NUMBER_GAP.fullmatch(view.text, places[-1].end, start):
        return None
    return places[_conjunct_run(view.text, places, len(places) - 1)[0]]


def _place_items_before(
    view: ArticleView, qs: list[Quantity], vals: list[QuantityValue]
) -> list[QuantityValue]:
    """ "Colombia had 10, Brazil and Costa Rica each had eight cases", "Colombia reported 10, Brazil eight
    and Peru four cases": items of a list, each a place and its number, whose first ones leave out the
    noun a later one writes: each bare number before it is its place's count of that one's measure (the
    noun is shared as "the US with 33,902 and Mexico with 10,262 confirmed cases" shares it,
    :func:`_with_items`). Only items of one sentence whose subject is a place the analysis read."""
    out = list(vals)
    at = {v.start for v in vals}
    done: set[int] = set()
    for v in vals:
        if v.key.unit is not None or not v.key.about or v.start in done:
            continue
        if v.counts is None and not _NOUN_AFTER.match(view.text, v.end):
            continue  # the item writes no noun of its own ("El Salvador had four,")
        done.add(v.start)
        s0 = view.sentence(v.start)[0]
        place = _item_place(view, s0, v.start)
        if place is not None:
            out += _items_before(view, qs, v, place, at, s0, partial(_item_place, view, s0))
    return sorted(out, key=lambda w: w.start) if len(out) > len(vals) else out


# the places of the sentence before, named again as a pair: "in both nations", "the two countries"
_BOTH_NATIONS = re.compile(r"\b(?:both|the\s+two)\s+(?:nations|countries)\b", re.IGNORECASE)


def _pair_named_before(view: ArticleView, s0: int, end: int) -> list[Place]:
    """ "Barbados has 154 cases while Jamaica has 149. Deaths in both nations have been put at 3 and 5,
    respectively": a sentence naming no place that points back to two nations takes, in order, the two
    places the sentence before names (none when it names another number of them)."""
    b0, b1 = view.sentence_before(s0)
    if not _BOTH_NATIONS.search(view.text, s0, end) or b1 > s0:
        return []  # (no sentence before: the first one is its own "before")
    names: dict[str, Place] = {}
    for p in view.places_in(b0, b1):
        names.setdefault(p.name, p)
    return list(names.values()) if len(names) == 2 else []


# *both* with a count after two items of a list: ", both with one death"
_BOTH_WITH = re.compile(r",\s*both\s+with\s+$", re.IGNORECASE)


def _both_items(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "Canada has 496 confirmed cases and Costa Rica nine cases, both with one death": *both* gives the
    count after it to each of the two items before it in its sentence, each a value of its own place
    (the last item's place is the one the count took)."""
    out: list[QuantityValue] = []
    for k, v in enumerate(vals):
        out.append(v)
        if not _BOTH_WITH.search(view.text, max(0, v.start - 16), v.start) or len(v.key.about) != 1:
            continue
        s0 = view.sentence(v.start)[0]
        items = [
            w for w in vals[:k] if w.start >= s0 and w.key.thing != v.key.thing and len(w.key.about) == 1
        ]
        if len(items) == 2 and items[1].key.about == v.key.about and items[0].key.about != v.key.about:
            out.append(replace(v, key=replace(v.key, about=items[0].key.about)))
    return out


# a bracket that gives a total: "(total 185)", "(the total number of cases – 185)", "(cumulative: 40)"
_TOTAL_BRACKET = re.compile(r"\((?:the\s+)?(?:total|cumulative|overall)\b[^()\n]{0,40}$", re.IGNORECASE)


def _bracketed_totals(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "in Peru was registered 21 new cases (the total number of cases – 185), in Nicaragua – 13 new
    cases (...)": a number in a bracket that names a total, right after a count of the same thing in
    its sentence, is the total of that count's measure and place (the bracket is an aside on the item
    before it, not a part of the item after it)."""
    out: list[QuantityValue] = []
    for v in vals:
        prev = out[-1] if out else None
        m = _TOTAL_BRACKET.search(view.text, max(0, v.start - 60), v.start)
        if (
            prev is not None
            and m is not None
            and prev.end <= m.start()
            and prev.key.thing == v.key.thing
            and prev.key.aspect == "new"
            and view.sentence(prev.start) == view.sentence(v.start)
            and len(words(view.text, prev.end, m.start())) <= 8
            and not set(view.text[prev.end : m.start()]) & set(",;.()")
        ):
            v = replace(v, key=replace(v.key, about=prev.key.about, state=prev.key.state, aspect=""))
        out.append(v)
    return out


# a definite determiner right before a count: "the 12 newly confirmed patients", "None of the 135
# patients", "all 10 had travelled abroad", "both"
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|all|both)\s+(?:(?:of\s+)?the\s+)?$", re.IGNORECASE)


# a count written exactly, in digits or in words ("12", "1,578", "three"), not a round plural ("thousands")
_EXACT_COUNT = re.compile(
    r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)", re.I
)


def _definite_count(view: ArticleView, q: Quantity) -> bool:
    """Whether ``q`` is an exact count of things made definite: "the 12 newly confirmed patients", "all
    10" (not "the thousands of victims": no number to refer back by)."""
    if q.value is None or q.value_max is not None or q.unit is not None or q.kind != "count":
        return False
    return bool(_DEFINITE_BEFORE.search(view.text[max(0, q.start - 24) : q.start])) and bool(
        _EXACT_COUNT.match(q.text)
    )


Referents = dict[float, tuple[list[int], list[QuantityValue]]]


def _referents(vals: list[QuantityValue], lex: ClaimsLexicon) -> Referents:
    """The placed values of a thing of the lexicon by number, each number's ends and values in the
    order of their ends (read once per article)."""
    out: Referents = {}
    for w in sorted(vals, key=lambda w: w.end):
        if w.value is not None and w.key.about and w.key.unit is None and w.key.thing in lex.things:
            ends, same = out.setdefault(float(w.value), ([], []))
            ends.append(w.end)
            same.append(w)
    return out


def _referent(view: ArticleView, q: Quantity, by_number: Referents) -> QuantityValue | None:
    """The last placed value of a thing before ``q``'s sentence whose number is ``q``'s (one bisect)."""
    found = by_number.get(float(q.value)) if q.value is not None else None
    if found is None:
        return None
    k = bisect_right(found[0], view.sentence(q.start)[0])
    return found[1][k - 1] if k else None


def _recount(view: ArticleView, q: Quantity, ante: QuantityValue, lex: ClaimsLexicon) -> QuantityValue | None:
    """``q`` as a value of ``ante``'s measure and place (its aspect too), its state the one its own words
    write, else none; none when its own noun is neither one of persons nor the thing's."""
    thing = lex.things[ante.key.thing]
    own = words(q.counts.lower()) if q.counts else []
    head = singular(own[-1].text) if own else ""
    if head and head not in lex.persons and head not in thing.heads:
        return None
    state = _sole_state(own, thing, lex) or ""
    return replace(ante, key=replace(ante.key, state=state), value=q.value, **_said(view, q))


class _Said(TypedDict):
    """The fields of a :class:`QuantityValue` that its quantity's words and statement give."""

    qualifier: str | None
    counts: str | None
    text: str
    start: int
    end: int
    stance: str
    source: SourceRef | None
    via: tuple[str, ...]
    said_on: str | None
    statement: str | None


def _said(view: ArticleView, q: Quantity) -> _Said:
    """The fields of a value that its quantity's words and the statement holding them give: its span,
    qualifier and counted noun, its stance, source, relays, date said and statement."""
    st = view.statement_covering(q.start, q.end)
    src, via = _source(st)
    return {
        "qualifier": q.qualifier,
        "counts": q.counts,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "stance": "denies" if st is not None and st.act == "deny" else "asserts",
        "source": src,
        "via": via,
        "said_on": st.said_on.value[:10] if st and st.said_on else None,
        "statement": st.id if st else None,
    }


def _increments_state(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "Nineteen more people have been infected ..., bringing to 111 the total number of confirmed cases
    in the Philippines": an increment that names no state has the state of the total it brings (the
    sentence writes one state for both; the gold's guideline: "three more deaths ... bringing the toll
    to 15" give both the state the sentence writes; so does "13 new cases ..., for a total of 179 confirmed
    cases"). So has the change a total written first says it
    came from ("Sri Lanka now has five confirmed cases after two more people tested positive", "The
    number of confirmed cases rose to 11 after four more people tested positive"): the increment is
    a difference of the total's own measure."""
    for a, b in pairwise(vals):
        for v, w, links in ((a, b, BRING), (b, a, _CHANGE_AFTER_TOTAL)):
            if not (
                v.key.aspect == "new"
                and not v.key.state
                and w.key.thing == v.key.thing
                and not w.key.aspect
                and w.key.state
                and w.key.unit is None
                and view.sentence(v.start) == view.sentence(w.start)
            ):
                continue
            between = words(view.text, min(v.end, w.end), max(v.start, w.start))
            if (
                (
                    any(x.text in links for x in between)
                    # "reported 13 new cases ..., for a total of 179 confirmed cases"
                    or (links is BRING and [x.text for x in between[-4:]] == ["for", "a", "total", "of"])
                )
                and not any(x.text in (";", ":") for x in between)
                and (links is BRING or v.key.about in ((), w.key.about))
            ):
                v.key = replace(v.key, state=w.key.state)
    return vals


# a sentence that opens with a pronoun for the change the sentence before reported, then a verb that brings
# a total to its new level: "Health officials confirmed 20 more cases. That brings the total to 109."
_ANAPHORIC_BRING = re.compile(
    r"(?:It|That|This|These|They|Which)\s+(?:now\s+|also\s+)?(?:(?:has|have|had)\s+)?"
    r"(?:brings|brought|bring|takes|took|take|pushes|pushed|push|raises|raised|raise)\s"
)


def _anaphoric_totals_state(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "The Health Protection Agency has confirmed 27 new cases. It brings the total to 390": a total
    brought by a change the sentence before reported has that change's state, as "confirmed 27 new cases,
    bringing the total to 390" has in one sentence (:func:`_increments_state`, the other way round): the
    pronoun stands for the change. The sentence before must count an increment of the same thing, and
    every value of that thing there must have one state; the total is of the increment's place or of
    none."""
    for v in vals:
        if v.key.state or v.key.aspect or v.key.unit is not None:
            continue
        s0, _ = view.sentence(v.start)
        last = len(view.text[:s0].rstrip()) - 1
        if last < 0 or not _ANAPHORIC_BRING.match(view.text, s0):
            continue
        sent = view.sentence(last)
        same = [
            w
            for w in vals
            if w.key.thing == v.key.thing and w.key.unit is None and sent[0] <= w.start < sent[1]
        ]
        states = {w.key.state for w in same}
        changes = [w for w in same if w.key.aspect == "new"]
        if (
            len(states) == 1
            and changes
            and changes[-1].key.state
            and v.key.about in ((), changes[-1].key.about)
        ):
            v.key = replace(v.key, state=changes[-1].key.state)
    return vals


# the words that join a total written first to the change that made it: "now has five confirmed cases
# after two more people tested positive", "climbed to 20, with three new infections reported"
_CHANGE_AFTER_TOTAL = frozenset({"after", "with", "following"})


def _definite_recounts(
    view: ArticleView, qs: list[Quantity], vals: list[QuantityValue], lex: ClaimsLexicon
) -> list[QuantityValue]:
    """ "Japan's health ministry has confirmed 12 more cases ... the 12 newly confirmed patients
    included 11 high school students": a count made definite (*the*, *these*, *all*) refers back to
    those a count of the same number before it counted, so it is a value of that measure and place
    again (:func:`_recount`). A definite count that got a value of its own keeps it, and takes the
    place of the count it refers to when it has none ("One of the two new cases was a child at this
    school")."""
    starts = {v.start: k for k, v in enumerate(vals)}
    out = list(vals)
    by_number: Referents | None = None
    for q in qs:
        own_value = vals[starts[q.start]] if q.start in starts else None
        if own_value is not None and own_value.key.unit is not None:
            continue
        if not _definite_count(view, q):
            continue
        by_number = _referents(vals, lex) if by_number is None else by_number
        if (ante := _referent(view, q, by_number)) is None:
            continue
        if own_value is not None:
            # the same people again: the referent's place, and its aspect ("49 fresh cases ... All the
            # 49 cases reported during the day": new ones), where its own words write neither otherwise
            # (not its state: a state is read where the text writes it, as the guideline reads it)
            if (
                own_value.key.thing == ante.key.thing
                and own_value.key.aspect in ("", ante.key.aspect)
                and own_value.key.about in ((), ante.key.about)
            ):
                own_value.key = replace(own_value.key, about=ante.key.about, aspect=ante.key.aspect)
        elif (again := _recount(view, q, ante, lex)) is not None:
            out.append(again)
    return sorted(out, key=lambda v: v.start) if len(out) > len(vals) else out


# "two cases each", "1 confirmed case each", "one death each": *each* after a count (and at most its
# noun's words) distributes it; not "each year", "each other", "each of"
_EACH = re.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?each\b(?!\s+(?:" + "|".join(NOT_DISTRIBUTIVE_AFTER_EACH) + r")\b)"
)
# the words between *each* and the coordination of places it gives the count to ("each from provinces of")
_EACH_PLACE = re.compile(
    r"\s+(?:from|in)\s+(?:the\s+)?(?:(?:provinces?|states?|regions?|cities|countries)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
# *each* and a locative before a capitalised name: "each in Madurai"
_EACH_NAME = re.compile(_EACH_PLACE.pattern + r"(?-i:[A-Z])", re.IGNORECASE)
# the words between two places of one coordination: "Israel, Costa Rica", "Spain and the UK"
_CONJUNCT_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.IGNORECASE)


def _conjunct_run(text: str, places: list[Place], k: int) -> tuple[int, int]:
    """The first and last index of the coordination of places (``places`` in text order) that
    ``places[k]`` is a conjunct of: "Israel, Costa Rica", "Spain and the UK" (:data:`_CONJUNCT_GAP`)."""
    lo = hi = k
    while lo > 0 and _CONJUNCT_GAP.fullmatch(text, places[lo - 1].end, places[lo].start):
        lo -= 1
    while hi + 1 < len(places) and _CONJUNCT_GAP.fullmatch(text, places[hi].end, places[hi + 1].start):
        hi += 1
    return lo, hi


def _each_of_conjuncts(view: ArticleView, vals: list[QuantityValue]) -> list[QuantityValue]:
    """ "Spain and the UK earlier confirmed two cases each", "Israel, Costa Rica: 2 confirmed cases
    each": *each* gives the count to every place of the coordination its place is one of, so each of
    those places has a value of its own (the same number, span and source)."""
    out: list[QuantityValue] = []
    for v in vals:
        if len(v.key.about) > 1 and _floated_each(view, v):
            # "Sweden and Switzerland each reported one case": one case of each
            out.extend(replace(v, key=replace(v.key, about=(name,))) for name in v.key.about)
            continue
        out.append(v)
        each = _EACH.match(view.text, v.end)
        if each is None or len(v.key.about) > 1:
            continue
        s0, s1 = view.sentence(v.start)
        places = view.places_in(s0, s1)
        # "one new case each from provinces of Zhejiang, Sichuan and Jiangxi": the places after *each*
        first = next((p for p in places if p.start >= each.end()), None)
        if first is not None and _EACH_PLACE.fullmatch(view.text, each.end(), first.start):
            v.key = replace(v.key, about=(first.name,))
        elif _EACH_NAME.match(view.text, each.end()):
            # "one each in Madurai, Hyderabad and Chandigarh": names no place reads are still the count's
            # places, not the place of the count before it
            v.key = replace(v.key, about=())
            continue
        elif not v.key.about:
            continue
        at = [k for k, p in enumerate(places) if p.name == v.key.about[0]]
        if not at:
            continue
        k = min(at, key=lambda j: min(abs(places[j].start - v.end), abs(v.start - places[j].end)))
        lo, hi = _conjunct_run(view.text, places, k)
        names = dict.fromkeys(p.name for p in places[lo : hi + 1] if p.name != v.key.about[0])
        out.extend(replace(v, key=replace(v.key, about=(name,))) for name in names)
    return out


# a count that is the subject of *be among* a set: "Seven health care workers are among those infected"
_AMONG_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:are|were|is|was)\s+(?:also\s+|now\s+)?among\s+(?:the|those|them)\b",
    re.IGNORECASE,
)
# a clause whose subject is *each of* a set, before the count ("Each of the three countries has reported
# two deaths": a count of every member, no total of the set)
_EACH_SUBJECT = re.compile(r"\s*each\s+of\s+[^,;:.!?\d]*$", re.IGNORECASE)


# *each* floated after a coordinated subject, before the verb of the count ("Sweden and Switzerland each
# reported one case", "have each confirmed a case")
_FLOATED_EACH = re.compile(r"\s+(?:(?:have|has|had)\s+)?each\s+(?:[a-z]+\s+){1,3}$")


def _floated_each(view: ArticleView, v: QuantityValue) -> bool:
    """Whether *each* floats between the places a joint value names and the count: the count is every
    place's own."""
    s0 = view.sentence(v.start)[0]
    places = [p for p in view.places_in(s0, v.start) if p.name in v.key.about]
    return bool(places) and _FLOATED_EACH.fullmatch(view.text, places[-1].end, v.start) is not None


def _each_continues(view: ArticleView, q: Quantity, last: Measured | None) -> Measured | None:
    """ "Israel and New Zealand have seven cases each. South Korea, Netherlands and Colombia have three
    each.": a bare number with a floated *each*, its noun left out, the first number of a sentence
    right after the sentence of the last count, continues that count's list: it counts the same thing
    in the same state, in the place its own sentence names before it."""
    if last is None or q.counts is not None or q.kind != "count":
        return None
    if not re.match(r"\s+each\b", view.text[q.end :]):
        return None
    here = view.sentence(q.start)
    k = view.sentences.index(here) if here in view.sentences else 0
    if k == 0 or view.sentences[k - 1] != view.sentence(last.q.start):
        return None  # not in the sentence right after (in the same one, the list's own rules read it)
    s0 = here[0]
    places = view.places_in(s0, q.start)
    if not places or len(words(view.text, places[-1].end, q.start)) > 2:
        return None
    about = (places[-1].name,)
    return Measured(q, last.thing, None, last.state, "", about, True, last.disease, False, last.named)


def _joined_to_earlier(view: ArticleView, qs: list[Quantity], i: int) -> bool:
    """ "up from 4,541 cases and 80 deaths on Monday": a count joined by a bare *and* to the earlier value
    of a change is an earlier value too (the first is the one *from* introduces)."""
    if i == 0 or [w.text for w in words(view.text, qs[i - 1].end, qs[i].start)] != ["and"]:
        return False
    before = [w.text for w in words(view.text, max(0, qs[i - 1].start - 24), qs[i - 1].start)]
    return tuple(before[-2:]) in EARLIER[:2]


# a whole fronted by *out of* or *of* before its number, from its sentence's start: "Out of the"
_OUT_OF_FRONT = re.compile(r"\s*(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+)?", re.IGNORECASE)


def _subset_of_fronted(view: ArticleView, q: Quantity, m: Measured, whole: Measured | None) -> bool:
    """ "Out of the 238 new cases, 61 cases were found in schools", "Out of 25 deaths confirmed to date, 10
    of the victims were pregnant women": a count of the same thing as a whole fronted by *(out) of*, after
    the whole's comma, counts a subset of it, no value of its measure; unless a place defines the subset
    ("Of the 45 deaths, 20 deaths were in Mexico": Mexico's, read by the rules of places) or its own words
    give it another state ("Out of 300 suspected cases, 40 cases were confirmed")."""
    if whole is None or whole.thing is None or whole.thing is not m.thing or q.counts is None:
        return False
    s0, s1 = view.sentence(q.start)
    if whole.q.start < s0 or not _OUT_OF_FRONT.fullmatch(view.text, s0, whole.q.start):
        return False
    between = view.text[whole.q.end : q.start]
    if not between.rstrip().endswith(",") or set(between) & set(";.()"):
        return False
    return m.state in ("", whole.state) and not view.places_in(q.end, s1)


def _no_value(view: ArticleView, qs: list[Quantity], i: int, m: Measured, lex: ClaimsLexicon) -> bool:
    """A measured quantity that is no value of its measure: the earlier value of a change, a vague
    figure, an estimate, people under test, the voices of a statement."""
    q = qs[i]
    s1 = view.sentence(q.start)[1]
    nq = qs[i + 1] if i + 1 < len(qs) and qs[i + 1].start < s1 else None
    if (
        _earlier(view, q, nq, qs[i - 1] if i > 0 else None)
        or _joined_to_earlier(view, qs, i)
        or _vague(q)
        or m.estimate
        or (m.thing is None and _a_voice(view, q))
        or _supposed(view, q)
        or _population(view, q)
        or _real_number(view, q)
        or _age_bound(view.text, q)
        or (q.value == 0 and not q.value_max)  # a table's "0" deaths: none, no figure of a tally
        or _FALLEN_BY.search(view.text, max(view.sentence(q.start)[0], q.start - 80), q.start) is not None
    ):
        return True
    if m.thing is not None and m.thing.name == "deaths" and _DEATHS_APART.match(view.text, q.end):
        return True
    if _EACH_SUBJECT.match(view.text, view.sentence(q.start)[0], q.start):
        return True  # "Each of the three countries has reported two deaths": every one's, no total
    if _AMONG_AFTER.match(view.text, q.end):
        return True  # "Seven health care workers are among those infected": members of a whole, no tally
    return m.thing is not None and _no_status_value(view, qs, i, m.thing, lex)


# a part set off after a count that names a kind of its members and no number: ", including probable cases"
_INCLUDING_KIND = re.compile(
    r"\s*,?\s*including\s+(?:the\s+|all\s+)?(?P<kind>[a-z-]+)\s+(?:cases|ones|deaths)\b"
)


def _includes_a_state(view: ArticleView, q: Quantity, thing: Thing, lex: ClaimsLexicon) -> bool:
    """ "The US reported 4,298 cases, including probable cases": a count that says it includes members of a
    state, and gives no number of them, mixes that state with others, as "3,000 probable and confirmed
    cases" does; its measure is none a reader can tell (the H1N1 guideline leaves such counts out)."""
    m = _INCLUDING_KIND.match(view.text, q.end)
    return m is not None and m.group("kind") in lex.state_words.get(thing.states, frozenset())


def _no_status_value(view: ArticleView, qs: list[Quantity], i: int, thing: Thing, lex: ClaimsLexicon) -> bool:
    """A count of a thing of states (cases, deaths) that is no value of it (:func:`_no_value`)."""
    q = qs[i]
    if thing.states == "status" and _fractional(q):
        return True  # "The number of cases reported per sentinel in Japan was 31.82": a rate, no count
    if thing.name in ("cases", "deaths") and _under_test(view, q, thing, lex):
        return True  # "... and 19 more are under investigation": no cases, no deaths of the disease yet
    if thing.states == "status" and _part_of_unknown_whole(view, qs, i, lex):
        return True  # "8,585 probable and confirmed US cases ..., with 12 deaths": of no measure either
    if thing.name == "cases" and _total_of_no_cases(view, q, lex):
        return True
    if thing.states == "status" and _includes_a_state(view, q, thing, lex):
        return True
    if _no_count_here(view.text, q):
        return True
    return thing.name in ("cases", "hospitalized", "deaths") and _tested_negative(
        view, q, view.sentence(q.start)[1]
    )


def _no_count_here(text: str, q: Quantity) -> bool:
    """A number its place in the sentence makes no count: each member's age ("two men, one 25 and the other
    51, were diagnosed"), a rate's divisor ("2.46 over a thousand", "1 death per 40,000 cases"), a share's
    number restated ("while 25 percent (45 cases) are aged between 20 and 49"), an instance ("In one case,
    the person is in hospital because of trauma"), any number ("one or more confirmed case"), a whole none
    of which is meant ("None of the about 2,000 passengers ... have tested positive"), a difference ("500
    more cases than in Texas")."""
    before = text[max(0, q.start - 24) : q.start]
    if _OVER_A_THOUSAND.match(q.text) and _DIVISOR_AFTER_RATE.search(before):
        return True
    if _SHARE_BRACKET.search(before) and _CLAUSE_GOES_ON.match(text, q.end):
        return True
    if _ONE_OR_MORE.match(text, q.start):
        return True
    if _PER_BEFORE.search(before):
        return True  # "1 death per 40,000 cases": the divisor of a rate
    if _NONE_OF.search(text, max(0, q.start - 40), q.start) and not _OWN_TALLY_NOUN.search(q.text):
        return True
    return _member_attribute_text(text, q) or _one_instance(text, q) or _compared_difference(text, q)


# "if there is already one or more confirmed case of A/H1N1": *one or more* is any number, no figure
_ONE_OR_MORE = re.compile(r"one\s+or\s+more\b", re.IGNORECASE)
# "None of the about 2,000 passengers who disembarked Monday have tested positive": the whole *none* of
# which the predicate holds for counts none of what it says (a whole of cases is still a tally of cases:
# "None of the 45 cases in Mexico has been fatal")
_OWN_TALLY_NOUN = re.compile(r"\b(?:cases?|deaths?|fatalit|infection|hospitali[sz]ation)", re.IGNORECASE)
_NONE_OF = re.compile(
    r"\bnone\s+of\s+(?:the\s+|these\s+|those\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.IGNORECASE,
)


# "That's 500 more cases than in Texas", "Texas has 300 more cases than Ohio": a count right before *more*
# or *fewer* and a *than* says by how much two tallies differ, no tally; unless what it is compared with
# is an earlier time ("40 more cases than the day before" is what the day added)
_MORE_THAN = re.compile(
    r"(?:\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(?:[ \t]+(?:hundred|thousand|million))?[ \t]+(?:more|fewer)"
    r"[ \t]+(?:[\w()/-]+[ \t]+){0,4}?than\b"
    r"([^.;!?]{0,40})",
    re.IGNORECASE,
)
_EARLIER_TIME_WORDS = frozenset(
    {"yesterday", "day", "days", "week", "weeks", "month", "months", "before", "earlier", "previous"}
    | {"previously", "last", "ago", "reported", *FULL_WEEKDAYS}
)


def _compared_difference(text: str, q: Quantity) -> bool:
    m = _MORE_THAN.match(text, q.start)
    if m is None:
        return False
    after = {w.strip(".,;:!?\"'()").lower() for w in m.group(1).split()}
    return not after & _EARLIER_TIME_WORDS


# "two men, one 25 and the other 51,": *one* N *and the other* M set off after a count of persons says
# what each member is (an age), not how many
_ONE_AND_OTHER = re.compile(
    r",[ \t]*one[ \t]+(\d{1,3})[ \t]*,?[ \t]+and[ \t]+the[ \t]+other[ \t]+(\d{1,3})\b"
)


# a number with decimals right before "over a thousand" (or its noun and a bracket between) makes that a
# divisor ("cases per head with 2.46 over a thousand"); "Over a thousand people have died" counts
# *per* right before a number ("one death per 40,000 cases", "per 1,000 people", "out of every 100,000
# people"): the divisor of a rate
_PER_BEFORE = re.compile(r"\b(?:per|(?:out\s+of|for|in)\s+every)\s+$", re.IGNORECASE)
_DIVISOR_AFTER_RATE = re.compile(r"\d[.,]\d+(?:\s+[a-z]+)?\s*\(?\s*$")
_OVER_A_THOUSAND = re.compile(r"(?:over|per)\s+(?:a|one)\s+(?:thousand|hundred|million)\b", re.IGNORECASE)
# a share and an opening bracket right before a count: the count restates the share ("25 percent (45
# cases) are aged between 20 and 49"), a part its property sets apart, no tally
# ... and the clause goes on after the bracket closes (not "the current global rate of 0.4% (167 deaths,
# 39620 cases)": the counts a rate was drawn from)
_CLAUSE_GOES_ON = re.compile(r"\s*\)\s+[a-z]")
_SHARE_BRACKET = re.compile(r"\d(?:\s*%|\s+per\s?cent|\s+percent)\s*\(\s*$", re.IGNORECASE)


def _member_attribute_text(text: str, q: Quantity) -> bool:
    lo = max(0, q.start - 40)
    return any(q.start in (m.start(1), m.start(2)) for m in _ONE_AND_OTHER.finditer(text, lo, q.end + 40))


# "In one case, the person is in hospital because of trauma": *in* before "one case" and a comma after
# it make an adverbial of instance ("in one instance"), which counts nothing
_ONE_INSTANCE = re.compile(r"(?:^|[\s\"“(])[Ii]n\s+(?:at\s+least\s+)?$")
_ONE_INSTANCE_AFTER = re.compile(r"\s*,")


def _one_instance(text: str, q: Quantity) -> bool:
    return (
        q.value == 1
        and q.value_max is None
        and (q.counts or "").lower() in ("case", "cases")
        and _ONE_INSTANCE.search(text, max(0, q.start - 14), q.start) is not None
        and _ONE_INSTANCE_AFTER.match(text, q.end) is not None
    )


# the noun of a total right before its phrase of what it counts: "the number of", "the total of"
_TOTAL_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\b", re.IGNORECASE)


def _total_of_no_cases(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "the number of cases under investigation in Northern Ireland is at six", "the number of cases
    investigated and have proved negative ... stands at 137": a total whose own phrase counts people under
    test or whose test came back negative counts no cases (as such a predicate after a count does,
    :func:`_under_test`, :func:`_tested_negative`)."""
    s0 = view.sentence(q.start)[0]
    found = list(_TOTAL_OF.finditer(view.text, s0, q.start))
    if not found:
        return False
    phrase = words(view.text, found[-1].end(), q.start)
    if any(w.text in (",", ";", "while", "but") for w in phrase):
        return False
    return any(w.text.lower() == "negative" for w in phrase) or bool(_has(phrase, lex.under_test))


# the words that open a part right after its whole ("..., with 12 deaths", "..., of which 6 were fatal")
_PART_OPENERS = (["with"], ["including"], ["of", "which"], ["of", "whom"], ["among", "them"])


def _part_of_unknown_whole(view: ArticleView, qs: list[Quantity], i: int, lex: ClaimsLexicon) -> bool:
    """Whether ``qs[i]`` is a part of the count right before it whose phrase joins two states ("There have
    been 8,585 probable and confirmed US cases of the new H1N1 strain, with 12 deaths"; "The number of
    confirmed and probable novel H1N1 cases ... grew to 5,469, of which 6 were fatal"): a part has its
    whole's state (the guideline's "N confirmed cases including M deaths"), and a whole whose measure a
    reader cannot tell gives its part none either."""
    q = qs[i]
    s0 = view.sentence(q.start)[0]
    if i == 0 or qs[i - 1].start < s0:
        return False
    whole = qs[i - 1]
    between = [w.text for w in words(view.text, whole.end, q.start) if w.text != ","]
    # the opener right before the part, after at most the whole's own phrase ("probable and confirmed US
    # cases of the new H1N1 strain")
    if not any(between[-len(o) :] == o for o in _PART_OPENERS) or len(between) > 14:
        return False
    if set(between) & (AUX | CLAUSE_WORDS - {"which"}):
        return False
    ws = [w.text for w in words(view.text, s0, q.start)]
    if set(ws) & {";", ":", "said", "says", "but", "while"}:
        return False  # another clause's states ("..., but Mexico has 2,000 cases, with 50 deaths")
    states = lex.states["status"]
    return any(
        a in states[x] and c in states[y]
        for a, b, c in zip(ws, ws[1:], ws[2:], strict=False)
        if b in ("and", "or")
        for x in states
        for y in states
        if x != y
    )


# the amount of a fall: *by* after a verb of falling, a transitive one and its object, or *down* ("The
# death toll fell by 7 to 149", "Mexico cut its death toll by 7", "revised the toll down by 7"): how
# much a count lost is no value of it, nor an increment (not the agent of a passive: "was cut by three
# men", "the shooting down of a helicopter by three journalists")
_FALLEN_BY = re.compile(
    r"(?:\b(?:fell|fallen|falls?|falling|dropped|drops?|dropping|declined|declines?|declining|decreased"
    r"|decreases?|decreasing)(?:\s+[A-Za-z'-]+){0,6}?"
    r"|\b(?:lowered|lowers?|lowering|cut|cuts|cutting|reduced|reduces?|reducing)(?:\s+[A-Za-z'-]+){1,6}?"
    r"|\bdown)\s+by\s+(?:(?:about|some|nearly|almost|around|more\s+than)\s+)?$",
    re.IGNORECASE,
)
# "the actual number of infections reaches 15,000": a guess at the real number, not a reported count
_REAL_NUMBER = re.compile(
    r"\b(?:actual|real|true)\s+(?:number|figure|toll|count|extent)\b(?P<rest>[^.;:\d]{0,80})$", re.IGNORECASE
)


def _real_number(view: ArticleView, q: Quantity) -> bool:
    """ "It is believed that the actual number of infections reaches 15,000 with 43 deaths": the real
    number, as against the reported one, is an estimate of it (the guideline leaves estimates of the
    real number out); its value and the parts joined to it are no values. Not a comparison with the
    reported count ("the real number is much higher than the 1,000 confirmed")."""
    s0 = view.sentence(q.start)[0]
    if _real_number_at(view, q.start, s0):
        return True
    # the part joined by *with* to the real number's value: "reaches 15,000 with 43 deaths"
    m = re.search(r"([\d,]+)\s+with\s+$", view.text[max(s0, q.start - 40) : q.start])
    return m is not None and _real_number_at(view, q.start - len(m.group(0)), s0)


def _real_number_at(view: ArticleView, start: int, s0: int) -> bool:
    """Whether the real number's phrase stands right before ``start`` in its sentence (from ``s0``)."""
    m = _REAL_NUMBER.search(view.text, max(s0, start - 100), start)
    return m is not None and not re.search(r"\b(?:than|compared|while|but)\b", m.group("rest"), re.IGNORECASE)


def _fractional(q: Quantity) -> bool:
    """Whether the figure is no whole number: people (cases, deaths, the injured, ...) are counted whole,
    so "31.82 cases per sentinel" is a rate or an average, no count ("1.5 million" is whole; a percent is
    a share, no count)."""
    return q.kind == "count" and any(v is not None and v != int(v) for v in (q.value, q.value_max))


# "Haiti's swine flu toll is put at 91 with no deaths", "St. Lucia reported 55 with one death": deaths counted
# apart right after a toll's bare number say that the number counts no deaths (it counts cases)
_DEATHS_APART = re.compile(
    r"\s+with\s+(?:no|only\s+\w+|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:deaths?|fatalit(?:y|ies)|dead)\b",
    re.IGNORECASE,
)


# "a population of over 70 million", "home to 1.2 billion people", "its 49 million people": how many
# people live in a place, whatever toll the words around it name; so does the number a place's noun
# takes with *of* ("67 people in the nation of 40 million have died")
_POPULATION = re.compile(
    r"(?:\bpopulations?\s+of|\bhome\s+to|\binhabitants\s+of|\(\s*(?:population|pop\.):?"
    r"|\b(?:nation|country|city|state|island|province|territory|metropolis|town)\s+of)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|roughly|approximately|more\s+than|at\s+least)\s+)?$",
    re.IGNORECASE,
)


def _population(view: ArticleView, q: Quantity) -> bool:
    """ "Iran's death toll in regard to its total population of over 70 million is not high": the
    number after *population of* (or *home to*, or a bracket's "population": "Samoa (population 220,000)")
    is how many people live there, no value of a toll or of a count of cases."""
    return _population_words(view, q) is not None


def _population_words(view: ArticleView, q: Quantity) -> re.Match[str] | None:
    """The words right before ``q`` that make it a population (`_POPULATION`), None when there are none."""
    return _POPULATION.search(view.text, max(0, q.start - 40), q.start)


def _population_aside(view: ArticleView, p: Quantity, q: Quantity) -> bool:
    """Whether ``p`` is a population figure in an aside set off by commas before ``q`` ("India, home to
    1.2 billion people, has 4,000 cases"): the aside describes the subject before it, and the count
    after it is that subject's, so the figure ends no clause of the count's."""
    opened = _population_words(view, p)
    if opened is None or not view.text[: opened.start()].rstrip().endswith(","):
        return False
    return view.text[p.end : q.start].lstrip().startswith(",")


# the words that open a condition (a sentence or one of its clauses) whose figures are supposed, not counted
_SUPPOSING = frozenset({"if", "assuming", "supposing", "suppose", "unless"})


def _supposed(view: ArticleView, q: Quantity) -> bool:
    """ "Assuming that 5 million of people are infected, probably 100,000 of them will die", "If 10,000
    people caught it, 100 would die": a condition that opens its sentence or a clause of it supposes
    the figures in it (up to its comma) and those of the clause after it when a modal says they follow
    from it; no one counted them, so they are no values. A condition of relevance ("If you are keeping
    track, the figures are these: 43 more cases were announced") supposes nothing of a clause with no
    modal; a figure before the condition is no part of it."""
    s0, s1 = view.sentence(q.start)
    ws = words(view.text, s0, s1)
    k = next(
        (i for i, w in enumerate(ws) if w.text in _SUPPOSING and (i == 0 or ws[i - 1].text in _JOINS)), None
    )
    if k is None or q.start < ws[k].start:
        return False
    text = view.text
    commas = [
        i
        for i in range(k + 1, len(ws))
        if ws[i].text in (",", ";")
        and not (text[ws[i].start - 1 : ws[i].start + 2].replace(",", "").isdigit())
    ]
    if not commas:
        return False
    if q.start < ws[commas[0]].start:
        return True  # in the condition
    stop = ws[commas[1]].start if len(commas) > 1 else s1
    if q.start >= stop:
        return False
    then = {w.text for w in ws[commas[0] + 1 :] if w.start < stop}
    return bool(_MODALS & then)


# what may stand before a condition's opener: a join of clauses, or the *that* of a complement clause
# the condition opens ("notices saying that if even one case is confirmed, they will close")
_JOINS = frozenset({",", "and", "but", ";", "that"})


# the participles of catching a disease that a negation before them denies of the count
_NOT_CONTRACTED = frozenset({"contracted", "contract", "caught", "catch", "infected", "carrying"})


def _tested_negative(view: ArticleView, q: Quantity, s1: int) -> bool:
    """ "two Israelis suspected of contracting swine flu tested negative for the disease", "205 others
    are negative for A/H1N1", "933 cases have already been ruled out", "another six cases turned out to be
    a false alarm": people whose test came back negative, or whom it ruled out, are no cases of any state.
    Read in the count's own clause: up to the next number or a word that joins another ("12 tested positive
    and 3 tested negative": the 12 are cases); not a negated ruling ("have not ruled out more")."""
    if _RULED_OUT_IN.search(view.text, max(0, q.start - 30), q.start):
        return True  # "swine flu has been confirmed in 50 cases ... and ruled out in 185 cases"
    ws = [w.text.lower() for w in words(view.text, q.end, min(s1, q.end + 120))]
    for k, low in enumerate(ws):
        if low in ("and", "but", "while", ";") or any(ch.isdigit() for ch in low):
            return False
        if low == "negative" or (low == "false" and ws[k + 1 : k + 2] in (["alarm"], ["alarms"])):
            return True  # (or "another six cases turned out to be a false alarm")
        if low in ("not", "n't") and _NOT_CONTRACTED & set(ws[k + 1 : k + 3]):
            # "two children hospitalized earlier in the week, had not contracted the virus"
            return True
        # "677 cases were cleared" (a passive: not "they cleared immigration", nor "cleared to go home")
        cleared = (
            low == "cleared"
            and k > 0
            and ws[k - 1] in AUX
            and ws[k + 1 : k + 2] not in (["to"], ["for"], ["from"])
        )
        if (low == "ruled" and ws[k + 1 : k + 2] == ["out"]) or low == "discarded" or cleared:
            return not {"not", "n't", "never"} & set(ws[max(0, k - 3) : k])
    return False


# a ruling out written before the count: "(swine flu has been) ruled out in 185 cases"
_RULED_OUT_IN = re.compile(r"(?<!\bnot\s)\bruled\s+out\s+(?:in|for)\s+$", re.IGNORECASE)


def _a_voice(view: ArticleView, q: Quantity) -> bool:
    """ "one official said", "according to one scientist", "two senior officials told Haaretz": a
    number that opens the words naming a statement's speaker or relay picks out who speaks - *one* as
    the indefinite "a certain", another number when the voice is anonymous - and nobody reports a count
    of them ("Forty countries have confirmed cases" still counts countries). Read for the counts of
    nouns the lexicon does not measure only: a count of a thing it measures taken for a speaker ("one
    case in Northern Ireland confirmed on Sunday") is the attribution's error more often than a
    voice."""
    for st in view.analysis.statements:
        voices: list[Speaker | Via] = [*([st.speaker] if st.speaker is not None else []), *st.via]
        for v in voices:
            opens = v.start <= q.start and q.end <= v.end and not words(view.text, v.start, q.start)
            if opens and (q.value == 1 or (isinstance(v, Speaker) and v.anonymous)):
                return True
    return False


def _named(
    view: ArticleView, q: Quantity, m: Measured, lex: ClaimsLexicon, earlier: Measured | None = None
) -> tuple[str, tuple[str, ...]]:
    """The name of the measure of ``q`` and its place: the thing (or generic noun), after the group of
    victims it counts (or the group of the value before it, ``earlier``, that its number leaves out), the
    incident whose toll it is and another disease than the article's."""
    name = m.thing.name if m.thing is not None else (m.generic or "")
    group, nation = _victims(view, q, m, lex)
    if not group and earlier is not None and _elided_noun(view, earlier, q, lex):
        group, nation = _victims(view, earlier.q, earlier, lex)
    if m.thing is None and m.generic is not None and q.counts and _force(q.counts, lex):
        nation = _written_nation(q.counts.split())  # a force's strength: "138,000 US troops in Iraq"
    if group:
        name = f"{group} {name}"  # "4,000 US soldiers killed": the soldiers' deaths, not everyone's
    # a nation's soldiers are its toll wherever they died ("the number of UK soldiers killed in Iraq")
    about = (nation,) if nation is not None else m.about
    incident = _incident(view, q, m, lex)
    if incident is not None:
        name = f"{incident[0]} {name}"  # one attack's toll, not the war's
        about = (*(a for a in about if not a[:1].isdigit()), *incident[1:2])
    if m.disease:
        name = f"{m.disease} {name}"  # a measure of its own, never in a series of the article's
    if m.thing is not None and m.thing.states in lex.money_families:
        by_verb, giver = _subject_giver(view, q, lex)
        if not by_verb:
            giver = _giver(view, q, lex)
        if giver is not None:
            # the giver's aid: another donor's pledge is no revision of it; its place is where it goes
            # (after *to* or *for*) unless that is where the article's disaster struck, every gift's
            # (other places of its sentence are where it was said or collected: "In Brussels, European
            # Union nations pledged", "raised $35m in the US")
            struck = _struck_countries(view, lex)
            about = (f"from {giver}", *(r for r in _recipient(view, q, giver) if r not in struck))
    return name, about


def _recipient(view: ArticleView, q: Quantity, giver: str) -> tuple[str, ...]:
    """Where an amount goes when its sentence's place is its giver's: the first place of its sentence
    written after *to* or *for* ("The US pledged $100m in aid to Haiti")."""
    s0, s1 = view.sentence(q.start)
    # a place in the giver's name is none it goes to ("the Hope for Haiti telethon")
    named = [(m.start(), m.end()) for m in re.finditer(re.escape(giver), view.text[s0:s1], re.IGNORECASE)]
    for p in view.places_in(s0, s1):
        inside = any(a <= p.start - s0 < b for a, b in named)
        if p.name != giver and not inside and _introduced_by(view, s0, p.start, TO_FOR, 12):
            return (p.name,)
    return ()


def _introduced_by(view: ArticleView, s0: int, start: int, marks: frozenset[str], back: int) -> bool:
    """Whether the name at ``start`` (in the sentence from ``s0``) follows one of ``marks``, with or
    without *the* between ("to Haiti", "to the United States"), read in the ``back`` characters
    before it."""
    lead = [w.text for w in words(view.text, max(s0, start - back), start)][-2:]
    return bool(lead) and (lead[-1] in marks or (len(lead) == 2 and lead[1] == "the" and lead[0] in marks))


TO_FOR = frozenset({"to", "for"})
GIVER_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# a name after one of these is where the money goes or is spent, not who gives it
RECIPIENT_MARKS = frozenset({"to", "for", "in", "at", "into", "on", "of", "across", "toward", "towards"})
# prepositions a name of a giver's subject may follow and still not head it ("organisers of the Globes")
_NOT_HEAD = RECIPIENT_MARKS | wordset("from by with including like as")


def _giver(view: ArticleView, q: Quantity, lex: ClaimsLexicon) -> str | None:
    """Who gives the amount ``q`` (a money thing's): the name after *from* in the words after it ("$100m
    in aid from the US"), else the nearest name before it in its sentence that no preposition
    introduces ("The US pledged $100m", "the UN is mobilising a team and releasing $10m"; not "aid to
    Haiti of $5m"); None for a total of several givers ("a total of about $270m had been pledged")."""
    s0, s1 = view.sentence(q.start)
    if any(w.text in TOTAL_WORDS for w in words(view.text, max(s0, q.start - 40), q.start)):
        return None
    names = sorted(
        (mn.start, _giver_name(view, e, lex))
        for e in view.analysis.entities
        if e.type in GIVER_TYPES and (e.type != "NORP" or "country" in e.attributes or e.name in view.aliases)
        for mn in e.mentions
        if s0 <= mn.start < s1
    )
    for start, name in names:
        between = words(view.text, q.end, start) if start >= q.end else []
        if between and len(between) <= 8 and "from" in [w.text for w in between[-2:]]:
            return name
    for start, name in reversed(names):
        if start < q.start and not _introduced_by(view, s0, start, RECIPIENT_MARKS, 20):
            return name
    return None


def _giver_name(view: ArticleView, e: Entity, lex: ClaimsLexicon) -> str:
    """A giver's canonical name: a people's is its country's; a head of state or government or a
    minister, acting in office, gives as the country their title names (`[gifts] offices`: "UK Prime
    Minister Gordon Brown")."""
    country = e.attributes.get("country")
    if e.type == "PERSON" and country and _has(words(e.attributes.get("title", "")), lex.gifts.offices):
        return country
    if e.type == "NORP":
        return view.aliases.get(e.name, e.attributes.get("country", e.name))
    if e.type == "ORG" and e.name not in view.aliases:
        # one body under one name in every article: an acronym of the cross-document table is its full
        # name ("UN" is the United Nations in an article that never writes it out)
        # and a name of the table written with other small words is the table's ("Disasters and
        # Emergency Committee")
        name = load_crossdoc().full_name(e.name) or _table_org(e.name) or e.name
    else:
        name = view.aliases.get(e.name, e.name)
    # a government's department or agency gives as its country, the Commission as the union
    return lex.gifts.acts_for.get(name, name)


@lru_cache(maxsize=4096)
def _table_org(name: str) -> str | None:
    """The full name of the cross-document table an organisation's name is, or a variant of, up to its
    small words and case ("Disasters and Emergency Committee" is the Disasters Emergency Committee)."""
    return _table_orgs().get(_name_key(name))


@lru_cache(maxsize=1)
def _table_orgs() -> dict[tuple[str, ...], str]:
    return {_name_key(variant): full for variant, full in load_crossdoc().org_names.items()}


def _name_key(name: str) -> tuple[str, ...]:
    from saidwhat.entities.resources import fold  # here: see _after_number

    return tuple(w for w in fold(name).split() if w not in _NAME_JOINS)


_DATED = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


def _incident(view: ArticleView, q: Quantity, m: Measured, lex: ClaimsLexicon) -> tuple[str, ...] | None:
    """The type and the date of the one incident whose toll ``q`` is (`[incidents]`): "At least 43 people
    were killed today when two suicide bombers blew themselves up" is that attack's, dated by the
    sentence's first dated time expression ("today", "last month", "in 2002") or else the publication
    date; None when its sentence names no incident, or a span of time ("since April 28", "in the past
    month", "800 a month"), or the count is a rate or a projection."""
    if m.thing is None or m.thing.name not in lex.incident_things or m.aspect in ("rate", "projected"):
        return None
    s0, s1 = view.sentence(q.start)
    ws = words(view.text, s0, s1)
    if _has(ws, lex.incident_spans):
        return None
    kind = next((k for k, names in lex.incident_types.items() if _has(ws, names)), None)
    if kind is None or _running_toll(view, ws, s0, s1, lex):
        return None
    day = next(
        (
            t.value
            for t in view.analysis.timexes
            if s0 <= t.start < s1 and t.type == "DATE" and t.value and _DATED.match(t.value)
        ),
        (view.analysis.doc.published or "")[:10],
    )
    return (kind, day) if day else (kind,)


_DETERMINERS = DETERMINERS | wordset("this that these those")


def _running_toll(view: ArticleView, ws: list[Word], s0: int, s1: int, lex: ClaimsLexicon) -> bool:
    """ "Mr Rumsfeld said Iraqis would bring an end to attacks that have killed thousands of civilians
    and 1,730 American soldiers": incidents named only by bare plurals ("attacks", "suicide bombings";
    never "a bomb", "the attacks", "two blasts", "car bombs"), in a sentence whose verb is a present
    perfect and that dates nothing, are many incidents up to now, a running toll, not one incident's."""
    if any(s0 <= t.start < s1 and t.type == "DATE" for t in view.analysis.timexes):
        return False
    if not any(w.text in ("has", "have") and n.text.endswith(("ed", "een")) for w, n in pairwise(ws)):
        return False
    names = {n for ns in lex.incident_types.values() for n in ns}
    hits = [i for i, _ in find_phrases(ws, tuple(names))]
    for i in hits:
        word = ws[i].text
        if i + 1 < len(ws) and ws[i + 1].text in names and i + 1 in hits:
            continue  # a modifier of the next incident noun ("suicide attacks")
        if word not in names or singular(word) == word or (i > 0 and _determined(ws[i - 1].text)):
            return False
        if i > 0 and " ".join((ws[i - 1].text, singular(word))) in names:
            return False  # "car bombs": a compound names the incidents
    return bool(hits)


def _determined(word: str) -> bool:
    """Whether a word before a noun makes it definite or counted: a determiner or a number."""
    return word in _DETERMINERS or _is_number_word(word)


def _victims(view: ArticleView, q: Quantity, m: Measured, lex: ClaimsLexicon) -> tuple[str, str | None]:
    """The group of victims a count of a status thing counts when its own noun names one (`[groups]`),
    by the group's name, and the nation its noun phrase writes: "4,000 US soldiers killed" counts
    soldiers (of the United States), "more than 100,000 Iraqi civilians" civilians, "2,000 American
    servicemen" and "1,500 US service personnel fatalities" soldiers (`[groups] same`); a number
    whose own words name no group, the total's noun it is the value of ("US military death toll in Iraq
    tops 1,500")."""
    if m.thing is None or m.thing.states != "status":
        return "", None
    own = q.counts.split() if q.counts else _words_after_number(view, q)
    for phrase in (own, _total_modifiers(view, q, m.thing) if not q.counts or len(own) == 1 else []):
        toks = [singular(w) for w in phrase]
        for i in reversed(range(len(toks))):  # the head's group: "military policemen" are policemen
            n = _group_at(toks, i, lex)
            if n:
                group = " ".join(toks[i : i + n])
                return lex.group_names.get(group, group), _written_nation(phrase[:i])
    return "", None


def _elided_noun(view: ArticleView, earlier: Measured, q: Quantity, lex: ClaimsLexicon) -> bool:
    """ "35 US servicewomen have now died in Iraq and 271 have been injured", "the 1,500 US service
    personnel fatalities and the 11,600 wounded": a number that writes no noun of persons (none, or
    only what became of them), joined by *and* to the count of persons before it in its sentence,
    counts the same persons ("... have died in Iraq and 20 in Afghanistan")."""
    if view.sentence(earlier.q.start) != view.sentence(q.start) or earlier.q.end > q.start:
        return False
    if q.counts and (_persons_noun(q.counts, lex) or lex.thing_of(singular(q.counts.split()[-1])) is None):
        return False
    between = [w.text for w in words(view.text, earlier.q.end, q.start)]
    return "and" in between and not any(w[:1].isdigit() for w in between)


def _words_after_number(view: ArticleView, q: Quantity) -> list[str]:
    """The words of a count's noun phrase written right after its number, where the quantity kept no
    counted noun ("1,500 US service personnel fatalities"), or after its partitive pronoun ("1,600 of
    them American soldiers"), as written: up to a preposition, a verb or a punctuation mark."""
    out: list[str] = []
    # (within its sentence: "... stand at 491.\n\nEighteen U.S. soldiers ..." had made the 491 soldiers)
    ws = words(view.text, q.end, min(q.end + 80, view.sentence(q.start)[1]))[:8]
    if [w.text for w in ws[:2]] in (["of", "them"], ["of", "whom"]):
        ws = ws[2:]  # "100,000 have paid with their lives, 1,600 of them American soldiers"
    for w in ws[:6]:
        if not w.text[:1].isalpha() or w.text in NOUN_PHRASE_ENDS | AUX | RELATIVE_PRONOUNS:
            break
        out.append(view.text[w.start : w.end].rstrip("."))  # a word's span keeps a full stop
    return out


def _total_modifiers(view: ArticleView, q: Quantity, thing: Thing) -> list[str]:
    """The words, as written, before the noun of the total a bare number is the value of, the last head
    of its thing before it in its sentence: "the number of US military deaths ... crept over 1,500",
    "US military death toll in Iraq tops 1,500" (up to a determiner, a preposition or a mark)."""
    left = words(view.text, view.sentence(q.start)[0], q.start)
    k = next((i for i in reversed(range(len(left))) if singular(left[i].text) in thing.heads), None)
    out: list[str] = []
    for w in reversed(left[:k] if k is not None else []):
        if not w.text[:1].isalpha() or w.text in NOUN_PHRASE_ENDS | DETERMINERS:
            break
        out.insert(0, view.text[w.start : w.end])
    return out


def _written_nation(ws: list[str]) -> str | None:
    """The country a capitalised word of ``ws`` names ("US", "British", "Iraqi"), None if none does
    (a lower-case "us" is a pronoun)."""
    for w in ws:
        if w[:1].isupper():
            country = _kb_country(w.lower())
            if country is not None:
                return country
    return None


def _brought_total(view: ArticleView, v: QuantityValue, w: QuantityValue) -> Word | None:
    """The word that brings ``w`` as a total after ``v`` ("..., bringing the total number of confirmed
    cases in the UK to 28"), None unless the words between are such a phrase."""
    ws = words(view.text, v.end, w.start)
    b = _bring_at(ws)
    return None if b is None else ws[b]


# the smallest number a repetition carries a place by: small counts ("two deaths") recur by chance;
# chosen by leave-one-set-out over the development sets (docs/claims.md, session 25)
REPEATED_MIN = 10


def _repeated_figure(view: ArticleView, made: list[Measured], vals: list[QuantityValue]) -> None:
    """ "South Korea's health authorities ... raising the number of new flu infections here to 61" then
    "Of the 61 confirmed cases, 49 people have been released": a figure written again later in the
    article, of the same thing and no other state or aspect, is the same figure, where the first was
    (numbers of :data:`REPEATED_MIN` and more). A headline's figure is the one its story tells after it:
    "AH1N1 flu cases climb to 118" then "... bringing the total now to 118 people infected" in Costa Rica."""
    # (where the text's first line that ends a sentence is, read once: a headline stands before it)
    first = _SENTENCE_LINE.search(view.text)
    story_start = first.start() if first is not None else len(view.text)
    for i, v in enumerate(vals):
        if v.key.about or made[i].thing is None or v.value is None or v.key.unit is not None:
            continue
        if v.value < REPEATED_MIN:
            continue
        told = vals[i + 1 :] if _headline_line(view.text, v.start, story_start) else []
        for w in [*reversed(vals[:i]), *told]:
            if not w.key.about or w.value != v.value or w.key.thing != v.key.thing or w.key.unit is not None:
                continue
            if v.key.state in ("", w.key.state) and v.key.aspect in ("", w.key.aspect):
                v.key = replace(v.key, about=w.key.about)
                break


# a line that ends a sentence ("... to 118 people infected.")
_SENTENCE_LINE = re.compile(r"[.!?][\"'”’)]*[ \t]*$", re.MULTILINE)


def _headline_line(text: str, pos: int, story_start: int) -> bool:
    """Whether ``pos`` is on a headline: a short line of its own with no sentence mark at its end, before
    any line of the text that ends a sentence (the first such mark is at ``story_start``: "Saturday, June
    13, 2009 / AH1N1 flu cases climb to 118 / The number of cases ... continues to grow ...")."""
    # (a bounded look first: a side of the line with no line break and more words than a headline has is
    # none, so a hostile one-line text stays linear)
    for side in (text[max(0, pos - _HEADLINE_REACH) : pos], text[pos : pos + _HEADLINE_REACH]):
        if "\n" not in side and len(side.split()) > _HEADLINE_WORDS:
            return False
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    b = len(text) if b < 0 else b
    line = text[a:b].strip()
    if not line or len(line.split()) > _HEADLINE_WORDS or _SENTENCE_LINE.search(line):
        return False
    return story_start >= a


# a headline's words at most, and how far its line is read on either side before it is counted
_HEADLINE_WORDS = 20
_HEADLINE_REACH = 400


# words that make a count the whole of a state or province, whatever part the sentence before counted
_WHOLE_OF_PART = re.compile(
    r"\b(?:statewide|state-wide|provincewide|province-wide|across\s+the\s+state)\b", re.I
)


def _series_goes_on(view: ArticleView, made: list[Measured], vals: list[QuantityValue]) -> None:
    """ "... including at least 10,582 deaths," the WHO said. In information publicized a week ago,
    the death toll had only reached 9,596": a total of the thing that the sentence right before
    counted, in a sentence that names no place, goes on with that count's series, where it is. Only
    when the sentence before gives its counts of the thing one place (a list of regions gives none),
    no count before it in its own sentence stayed without one (it is then a part of that count:
    "6,308 new cases were reported, including 21 deaths"), and its sentence names no place of its own,
    not even as a name the analysis did not read or as an indefinite locative ("at a school")."""
    index = {a: n for n, (a, _) in enumerate(view.sentences)}
    for i, v in enumerate(vals):
        m = made[i]
        if v.key.about or v.key.aspect or m.thing is None or m.part or m.disease or v.key.unit is not None:
            continue
        s0, s1 = view.sentence(v.start)
        n = index.get(s0)
        if not n or view.places_in(s0, s1) or _names_a_place(view, s0, s1) or _unknown_name(view, s0, s1):
            continue
        if _INDEFINITE_LOCATIVE.search(view.text, s0, s1):
            continue  # "Later two deaths were reported at a school": a place the text does not name
        if _ELSEWHERE.search(view.text, s0, s1):
            continue  # "Elsewhere, five others have died": a place other than the one before
        if _WHOLE_OF_PART.search(view.text, s0, s1):
            continue  # "Statewide, the number of confirmed diagnoses is 130": not the county's before it
        if any(not w.key.about for w in vals[:i] if w.start >= s0):
            continue
        b0, b1 = view.sentences[n - 1]
        if _list_item(view, b0, b1):
            continue  # "* Canada: 214 cases" then "Total: 2,736 cases": an item starts no series
        before = {
            tuple(a for a in w.key.about if not a.isdigit())  # a year is the value's own
            for j, w in enumerate(vals[:i])
            if b0 <= w.start < b1 and w.key.thing == v.key.thing and not made[j].part
        }
        if len(before) == 1 and (place := before.pop()):
            v.key = replace(v.key, about=place)


# a line that opens as an item of a list: a bullet, or a place's name and a colon or a dash after it
_ITEM_MARK = re.compile(r"\s*[*•·▪‣◦-]\s")
_ITEM_SEPARATOR = re.compile(r"\s*(?:[:–—]|-\s)")


def _list_item(view: ArticleView, s0: int, s1: int) -> bool:
    """Whether the sentence at ``s0`` is an item of a list ("* Mexico: 1,626 cases", "Canada - 214
    cases", "US: one death"): one entry of an enumeration, whose place no line after it goes on with
    (the line after a list may total it)."""
    if _ITEM_MARK.match(view.text, s0):
        return True
    first = next(iter(view.places_in(s0, s1)), None)
    if first is None or view.text[s0 : first.start].strip(" \t*•·-"):
        return False
    return bool(_ITEM_SEPARATOR.match(view.text, first.end))


# *elsewhere* on its own (not "elsewhere in the country", which is the same country's)
_ELSEWHERE = re.compile(r"\belsewhere\b(?!\s+in\b)", re.IGNORECASE)
# a locative with an indefinite article: a place of the count's own that the text does not name
_INDEFINITE_LOCATIVE = re.compile(r"\b(?:at|in)\s+(?:a|an|one)\s+[a-z]", re.IGNORECASE)


def _unknown_name(view: ArticleView, s0: int, s1: int) -> bool:
    """A capitalised word inside the sentence that no entity, date or time of the analysis covers: a
    name the analysis did not read, perhaps a place ("Rio de Janeiro has recorded 84 deaths"); or a
    person's name opening the sentence who says nothing in the article ("Porto Velho has recorded 84
    deaths": a city the tagger took for a person; an official who gives figures is a speaker)."""
    if _silent_person(view, s0, s1):
        return True
    known = view.mentions_in(s0, s1)
    known += [(t.start, t.end) for t in view.analysis.timexes if s0 <= t.start and t.end <= s1]
    ws = words(view.text, s0, s1)
    if len(ws) > 1 and ws[1].text in _PLACE_NOUNS and ws[0].text not in _NOT_NAMES:
        return True  # "Lviv oblast still has the most cases": a place's name opens the sentence
    for w in ws[1:]:
        raw = view.text[w.start : w.end]
        if raw[:1].isupper() and raw[1:].islower() and not any(a <= w.start < b for a, b in known):
            return True
    return False


# the nouns after a name that make it a place's ("Lviv oblast", "Sichuan province", "Kerala state"), and the
# words opening a sentence before them that are no name ("The state", "Each province")
_PLACE_NOUNS = wordset("oblast province state region district county prefecture department governorate city")
_NOT_NAMES = DETERMINERS | wordset("each every one this that any no another")


def _silent_person(view: ArticleView, s0: int, s1: int) -> bool:
    """Whether the sentence opens with a person's name the analysis read that is no speaker of any of
    the article's statements: a subject a reader cannot take for a source (a city the tagger took for
    a person: "Porto Velho has recorded 84 deaths")."""
    return any(
        e.type == "PERSON"
        and view.first_speaker(e.id) is None  # the view reads the speakers once per article
        and any(s0 <= m.start < s1 and not view.text[s0 : m.start].strip(" \t\n\"'“‘") for m in e.mentions)
        for e in view.analysis.entities
    )


def _names_a_place(view: ArticleView, s0: int, s1: int) -> bool:
    """A place named inside another name ("Health Protection Scotland said ...")."""
    sentence = view.text[s0:s1]
    return any(p.name in sentence or view.text[p.start : p.end] in sentence for p in view.places)


_ANOTHER = re.compile(r"\banother\s+$", re.IGNORECASE)


def _another_set(view: ArticleView, made: list[Measured], vals: list[QuantityValue]) -> None:
    """ "Spain's Health Ministry confirmed the country's first case ... and said another 20 people are
    suspected of having the disease": *another* adds a set to what was counted before, an increment only
    of a count of the same thing in the same state ("Another nine UK cases of swine flu have been
    confirmed" after confirmed UK cases). After a count of another state, or none of its thing, it is a
    total of its own ("another 700 probable cases" after the confirmed ones, "Another 486 possible UK
    cases are being investigated", "another 1.5 million were made homeless" after the dead)."""
    for i, v in enumerate(vals):
        m = made[i]
        if (
            v.key.aspect != "new"
            or m.thing is None
            or not _ANOTHER.search(view.text[max(0, v.start - 12) : v.start])
        ):
            continue
        if _brings_later_total(view, v):
            continue  # "Another 25 cases ... have been confirmed in England ..., taking the UK total to 848"
        before = [w for j, w in enumerate(vals[:i]) if made[j].thing is m.thing and w.start < v.start]
        last = before[-1] if before else None
        # (cases of no written state are the confirmed ones, as :func:`_contrastive_other` reads them:
        # "Laos has 100 cases. Another 30 cases were confirmed on Sunday" adds to them)
        if last is None or _other_state(last.key.state, v.key.state, m.thing):
            v.key = replace(v.key, aspect="")


def _brings_later_total(view: ArticleView, v: QuantityValue) -> bool:
    """Its sentence goes on to bring a total after it ("..., taking the UK total to 848", "..., bringing to
    14 the total number of cases")."""
    ws = words(view.text, v.end, view.sentence(v.start)[1])
    return any(w.text in BRING for w in ws) and any(
        _bring_at(ws[: k + 1]) is not None or _inverted_bring(ws[max(0, k - 1) : k + 1], ws[k + 2 : k + 6])
        for k, w in enumerate(ws)
        if w.text == "to"
    )


# the possessive verb right before a count (its qualifier between): "Scotland has four cases", what a
# place holds, not an event that added to a total
_HAS_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?" + _QUALIFIER_BEFORE + "$", re.IGNORECASE)


def _added_to_total(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "one person has died as a result of the virus, pushing the total number of deaths to 32": a
    count that brings the total its sentence gives after it is what was added to that total, an
    increment, however it is worded (not a total itself, nor a part or an item of a list)."""
    for i, v in enumerate(vals):
        m = made[i]
        if (
            m.thing is None
            or v.key.aspect
            or m.part
            or v.value is None
            or _HAS_BEFORE.search(view.text, max(0, v.start - 40), v.start)
            # "Twelve people tested positive in Kerala, taking the total ... countrywide to 2,400": a count
            # of a region or a constituent country is the part's, unless written as an increment ("two
            # more cases ... in Kansas"), as the guideline leaves "Four children and one adult" out
            or (len(v.key.about) == 1 and lex.whole_of(v.key.about[0]) is not None)
        ):
            continue  # "Scotland has four cases ..., bringing the UK total to 34": a part held, no addition
        s1 = view.sentence(v.start)[1]
        w = next(
            (j for j in range(i + 1, len(vals)) if vals[j].start < s1 and made[j].thing is m.thing), None
        )
        if w is not None and _brought_total(view, v, vals[w]) is not None:
            v.key = replace(v.key, aspect="new")


# the words of a sentence that say its toll is of deaths ("the death toll", "two more people died")
_DEATH_WORDS = (
    "death", "deaths", "dead", "died", "die", "dies", "fatal", "fatality", "fatalities", "killed",
    "succumbed",
)  # fmt: skip


def _toll_of_change(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "Four New Cases of Swine Flu Take Total Toll to 39", "Five new infections pushed the toll to 80": the
    total a change brings is of the change's own measure, so a bare *toll* a count of cases brings counts
    cases; *toll* says deaths only where no count and no word of its sentence says otherwise (not "Two
    people died and 40 cases were confirmed, taking the toll to 12")."""
    deaths, cases = lex.things.get("deaths"), lex.things.get("cases")
    for i, w in enumerate(vals):
        if deaths is None or made[i].thing is not deaths:
            continue
        s0 = view.sentence(w.start)[0]
        j = next((k for k in range(i - 1, -1, -1) if made[k].thing is not None), None)
        if j is None or vals[j].start < s0 or made[j].thing is not cases:
            continue
        ws = words(view.text, vals[j].end, w.start)
        if (
            _brought_total(view, vals[j], w) is None
            or "toll" not in (x.text for x in ws)
            or _has(words(view.text, s0, w.start), _DEATH_WORDS)
        ):
            continue
        w.key = replace(w.key, thing=vals[j].key.thing)
        made[i].thing = cases


def _increment_of_total(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "One further person ... was confirmed to have swine flu, bringing the total number of confirmed
    cases in the UK to 28": an increment adds to the total its sentence brings, so it is where that
    total is, when the phrase that brings the total names the place (or the country as a whole: "in
    the kingdom") and nothing between gives another (a part of the increment may: "18 new cases,
    including four in Wales, bringing the UK total to 1,320"). So is one placed in a constituent of the
    total's place (`[places.constituents]`) when it is the sentence's first count of its thing ("12 new
    cases in England, bringing the UK total to 215"; not "33 new cases in England, and seven in
    Scotland, taking the UK total to 339": each is a part of the increment)."""
    for i, v in enumerate(vals):
        if v.key.aspect != "new" or made[i].thing is None:
            continue
        if v.key.about and _with_after_state_total(view, made, vals, i, lex):
            continue
        if v.key.about and not _first_constituent(view, made, vals, i, lex):
            continue
        s1 = view.sentence(v.start)[1]
        for j in range(i + 1, len(vals)):
            w = vals[j]
            if w.start >= s1 or (w.key.about and made[j].thing is not made[i].thing):
                break
            if made[j].part and _brought_total(view, v, w) is None:
                if v.key.about:
                    break  # "33 new cases ... in England, and seven in Scotland, taking the UK total to 339"
                continue  # "18 new cases ..., including four in Wales, bringing the UK total to 1,320"
            if (
                made[j].thing is made[i].thing
                and w.key.about
                and _by_then_to(view, (v.start, v.end), w.start)
            ):
                v.key = replace(v.key, about=w.key.about)  # "climbed by five to 45 in Argentina"
                break
            if made[j].thing is made[i].thing:
                bring = _brought_total(view, v, w)
                if bring is None:
                    break
                inside = view.places_in(bring.start, w.start)
                national = _has(words(view.text, bring.start, w.start), NATIONAL)
                whole = (inside and (inside[-1].name,) == w.key.about) or (national and w.key.about)
                if whole and (not v.key.about or lex.whole_of(v.key.about[0]) == w.key.about[0]):
                    # "... in the UK to 28", "taking the number in the kingdom ... to 201"
                    v.key = replace(v.key, about=w.key.about)
                break


# what joins an increment to the total before it: "jumped to 1,320 today, with a further 59 cases in England"
_WITH_INCREMENT = re.compile(
    r"[^.;:]{0,40}?,?\s*with\s+(?:a\s+further|another|an\s+extra|a\s+new)?\s*$", re.IGNORECASE
)


def _with_after_state_total(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], i: int, lex: ClaimsLexicon
) -> bool:
    """ "The total UK figure jumped to 1,320 today, with a further 59 cases in England": an increment in a
    constituent country joined by *with* to its state's total right before it is the state's (the
    guideline's 59 new cases of the UK). Gives it that place; whether it did."""
    v = vals[i]
    state = lex.constituents.get(v.key.about[0]) if len(v.key.about) == 1 else None
    j = i - 1
    while j >= 0 and made[j].thing is not made[i].thing:
        j -= 1
    if state is None or j < 0 or view.sentence(vals[j].start) != view.sentence(v.start):
        return False
    w = vals[j]
    if w.key.about != (state,) or w.key.aspect or not _WITH_INCREMENT.fullmatch(view.text, w.end, v.start):
        return False
    v.key = replace(v.key, about=w.key.about)
    return True


def _first_constituent(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], i: int, lex: ClaimsLexicon
) -> bool:
    """Whether ``vals[i]`` is placed in one constituent country or first-level region
    (`[places.constituents]`, `[places.regions]`) and is the first value of its thing in its sentence."""
    about = vals[i].key.about
    if len(about) != 1 or lex.whole_of(about[0]) is None:
        return False
    s0 = view.sentence(vals[i].start)[0]
    if _has(words(view.text, max(s0, vals[i].start - 20), vals[i].start), PART_OF_NATION):
        return False  # "the state's first two deaths ..., bringing the nationwide total to 19"
    return not any(vals[j].start >= s0 and made[j].thing is made[i].thing for j in range(i))


# the words that set the counts after them beside a count, in a ranking or a comparison, not inside it
_RANKED_AFTER = re.compile(
    r"\b(?:after|behind|ahead\s+of|followed\s+by|compared\s+(?:with|to)|than|trailing)\b", re.IGNORECASE
)


def _world_of_parts(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "27 deaths have been confirmed -- 26 in Mexico and one in the United States": a count without a
    place whose parts, written right after it in its sentence, are in two countries or more is a count
    of the world; one whose parts are all in regions or capitals of one country (`[places.regions]`,
    `[places.capitals]`) is a count of that country ("Seven new cases were confirmed Tuesday -- two in
    Alberta, four in Ontario and one in British Columbia")."""
    countries = lex.known_countries
    for i, v in enumerate(vals):
        if v.key.about or made[i].thing is None or _OWN_LAND.match(view.text, v.end):
            # (not "five deaths in the region since the flu battle began, one in Qatar and four in Saudi":
            # the count's own words locate it)
            continue
        s = view.sentence(v.start)
        parts = []
        for j in range(i + 1, len(vals)):
            if not made[j].part or view.sentence(vals[j].start) != s:
                break
            parts.append(vals[j].key.about)
        places = {p for p in parts if len(p) == 1 and p[0] in countries}
        local = {lex.local_country(p[0]) if len(p) == 1 and p[0] not in countries else None for p in parts}
        if len(parts) >= 2 and len(local) == 1 and (country := local.pop()) is not None:
            v.key = replace(v.key, about=(country,))
        elif len(parts) >= 2 and len(places) == len(parts) and len(places) >= 2:
            # (not a ranking's others: "Chile ... with 7,376 infected, after the United States (33,902),
            # Mexico (10,262) and Canada (7,983)")
            following = vals[i + 1].start
            if not _RANKED_AFTER.search(view.text, v.end, following):
                v.key = replace(v.key, about=("world",))


def _shared_locative(view: ArticleView, made: list[Measured], vals: list[QuantityValue]) -> None:
    """ "suspected of killing more than 150 people and sickening more than 2,400 in Mexico": a place
    written after the second of two counts joined by *and* (a few words between, no comma, no verb of
    their own) locates both; the first, placed by nothing else, takes it, whatever the second counts
    ("more than 1,000 deaths and more than 20,000 hospitalizations in this country": a national phrase
    right after it locates both as well). So does a first placed only
    by the list item before it ("5 deaths in the United States, 496 cases and 1 death in Canada": the
    item's own place is written after its pair)."""
    for i in range(len(vals) - 1):
        v, w = vals[i], vals[i + 1]
        if not w.key.about or made[i].thing is None:
            continue
        if v.key.about and not (i > 0 and _from_item_before(view, vals[i - 1], v)):
            continue
        s0, s1 = view.sentence(v.start)
        if view.sentence(w.start) != (s0, s1) or view.places_in(v.end, w.start):
            continue
        between = [x.text for x in words(view.text, v.end, w.start)]
        if "and" not in between or len(between) > 4 or set(between) & (AUX | CLAUSE_WORDS | {","}):
            continue
        if set(between) & _LOCATIVES:
            continue  # "5 in La Libertad and 4 in Ancash": the first has a locative of its own
        place = next(iter(view.places_in(w.end, s1)), None)
        if (
            place is not None
            and (place.name,) == w.key.about
            and _shared_predicate(words(view.text, w.end, place.start))
            and _introduced(view.text, w.end, place.start)
        ) or 0 in _has(words(view.text, w.end, s1)[:3], NATIONAL):
            v.key = replace(v.key, about=w.key.about)


def _shared_predicate(ws: list[Word]) -> bool:
    """Whether the words between the second of two joined counts and a place are a preposition (and its
    article), or a passive or perfect verb group before it whose subject both counts are ("almost 5,000
    cases and 85 deaths have been reported in Mexico")."""
    if len(ws) <= 2:
        return True
    rest = [w.text.lower() for w in ws]
    while rest and rest[-1] in ("the", "a", "an"):
        rest.pop()
    verb = rest[:-1]  # (the preposition, which _introduced reads, left out)
    return 2 <= len(verb) <= 4 and all(x in AUX for x in verb[:-1]) and verb[-1].endswith(("ed", "en"))


_LOCATIVES = wordset("in at from")


def _from_item_before(view: ArticleView, u: QuantityValue, v: QuantityValue) -> bool:
    """Whether ``v``'s place is only the place of the list item before it, ``u``: the same place,
    written nowhere between them but in ``u``'s item, which a comma ends."""
    if u.key.about != v.key.about or view.sentence(u.start) != view.sentence(v.start):
        return False
    between = view.places_in(u.end, v.start)
    if any((p.name,) != v.key.about for p in between):
        return False
    return "," in view.text[between[-1].end if between else u.end : v.start]


def _headline_place(view: ArticleView, made: list[Measured], vals: list[QuantityValue]) -> None:
    """ "Swine Flu Toll Surpasses 90,000", then "The WHO announced that the swine flu has infected
    94,512 people globally and has caused 429 deaths": a headline restates its story's lead, so a
    headline count no word of its own places takes the one place of the values of the body's first
    sentence that has values."""
    body = [v for v in vals if view.segment_kind(v.start) == "body"]
    if not body:
        return
    lead = view.sentence(body[0].start)
    places = {v.key.about for v in body if view.sentence(v.start) == lead}
    if len(places) != 1 or not next(iter(places)):
        return
    for i, v in enumerate(vals):
        if not v.key.about and made[i].thing is not None and view.segment_kind(v.start) == "headline":
            v.key = replace(v.key, about=next(iter(places)))


def _dateline_place(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "MEXICO CITY (AP) -- The death toll from swine flu rose to 159 on Sunday": a dateline says where
    the reporter files from, and a lead that names no place tells that place's news; a count of the
    lead sentence no word places is the dateline's country's. Only a country's name or its capital's
    makes one ("GENEVA", the WHO's seat, names no country; a region's city would be a part of one), and
    not where the lead names any place or people of one ("U.S. officials", "in 43 states"). The
    article's first dateline only: a page's later ones open other stories."""
    country = _dateline_country(view, lex)
    if country is None:
        return
    d = view.datelines[0]
    k = dateline_end(view.text, d)
    while k < len(view.text) and view.text[k].isspace():
        k += 1
    lead = view.sentence(k)
    if lead[1] <= k or view.place_mentions_in(k, lead[1]):
        return
    for i, v in enumerate(vals):
        if not v.key.about and made[i].thing is not None and k <= v.start < lead[1]:
            v.key = replace(v.key, about=(country,))


def _dateline_country(view: ArticleView, lex: ClaimsLexicon) -> str | None:
    """The country the article's first dateline names, itself or by its capital ("MEXICO CITY"); None
    when it names none ("GENEVA", the WHO's seat)."""
    if not view.datelines:
        return None
    d = view.datelines[0]
    name = view.text[d.start : d.end]
    return next((c for c in (d.name, name, name.title()) if c in lex.known_countries), None) or next(
        (lex.capitals[c] for c in (d.name, name, name.title()) if c in lex.capitals), None
    )


def _section_place(
    view: ArticleView, made: list[Measured], vals: list[QuantityValue], lex: ClaimsLexicon
) -> None:
    """ "United States\n\nOne 23-month-old baby has died of swine flu in Texas. There are 65 confirmed
    cases, ...": a line of the body that is a country's name and nothing else heads a section of a
    round-up; a count in the paragraph right under it that no word places is that country's. Only that
    paragraph: a page may have lost the headings of the paragraphs after it (a round-up's "The Irish
    Republic", then three paragraphs of other countries whose names were images)."""
    text = view.text
    # (view.places is in text order; a heading alone on its line overlaps no other)
    heads = [
        p
        for p in view.places
        if p.name in lex.known_countries and _alone_on_line(text, p) and view.segment_kind(p.start) == "body"
    ]
    if not heads:
        return
    ends = [h.end for h in heads]
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]  # read once for the article, not per count
    for i, v in enumerate(vals):
        if v.key.about or made[i].thing is None:
            continue
        k = bisect_right(ends, v.start) - 1  # the nearest heading above (its line holds nothing else)
        if k < 0:
            continue
        # the paragraph under it starts at its first character that is no space; no blank line after that
        spaces = _SPACES.match(text, heads[k].end)
        start = spaces.end() if spaces else heads[k].end
        b = bisect_left(breaks, start)
        if b == len(breaks) or breaks[b] >= v.start:
            v.key = replace(v.key, about=(heads[k].name,))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s*")
# how far a heading's line is read on either side of its name (a hostile one-line text stays linear)
_HEADING_REACH = 80


def _alone_on_line(text: str, p: Place) -> bool:
    """Whether the place's name is all its line holds (spaces aside), the line no longer than a heading's."""
    back = max(0, p.start - _HEADING_REACH)
    before = text.rfind("\n", back, p.start)
    if before < 0 and back > 0:
        return False
    after = text.find("\n", p.end, p.end + _HEADING_REACH)
    if after < 0 and p.end + _HEADING_REACH < len(text):
        return False
    line_end = len(text) if after < 0 else after
    return not text[before + 1 : p.start].strip() and not text[p.end : line_end].strip()


def _day(d: str | None) -> date | None:
    if not d:
        return None
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


def _iv(v: QuantityValue, lex: ClaimsLexicon) -> tuple[float, float] | None:
    q = Quantity(
        v.text,
        v.start,
        v.end,
        v.value if v.value is not None else v.low,
        None,
        None,
        qualifier=v.qualifier,
        value_max=v.high,
    )
    return _interval(q, lex)


def _reported(v: QuantityValue) -> tuple[float, float] | None:
    """The figure a value reports, for its revisions: its number whatever its qualifier ("at least 72"
    then "79" raises the toll; "more than 1,000" then "more than 5,000" too), a range its low and
    high. Contradictions compare the qualifiers' intervals instead (:func:`_iv`)."""
    low = v.value if v.value is not None else v.low
    if low is None:
        return None
    high = v.high if v.value is None and v.high is not None else low
    return float(low), float(high)


def _src_key(v: QuantityValue) -> str:
    return v.source.key if v.source is not None else f"article:{v.article}"


def _show(v: QuantityValue) -> str:
    who = v.source.name if v.source else "the article"
    return f"{who}: {v.text}"


def resolve_diseases(values: list[QuantityValue], lex: ClaimsLexicon) -> list[QuantityValue]:
    """Each count's disease read over its story, not its article: a story's disease is the one its
    counts name in the most articles ("Swine flu has killed up to 159 people" in a story of swine flu);
    a count that names it is a count of the story's disease (its bare thing, "deaths"), even in an
    article whose own topic is another (an Egyptian pig cull, a new CDC director: its lede's and
    its most named disease), and a count that names another is that disease's ("Avian influenza has
    killed 261 people": "bird flu deaths"), even in an article about it. Counts that name no disease
    keep their article's reading. A disease is the story's only when the counts of a share of its
    articles with counts of people name it (`story_disease_share`); in a story with no such disease
    (an earthquake's, where a few articles count a cholera outbreak) every count that names a disease
    is that disease's measure, never the bare one of the story's other counts. A count that names none
    is its article's one disease's when that is another than the story's (a Reuters report on a plague
    outbreak in Libya, filed with the swine flu story: "The United States sees about 10 to 20 cases
    each year" counts plague)."""
    status = {t.name for t in lex.things.values() if t.states == "status"}
    by_story: dict[str | None, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    counted: dict[str | None, set[str]] = defaultdict(set)  # the articles with counts of people
    naming: dict[tuple[str | None, str], int] = defaultdict(int)  # the counts that name each disease
    for v in values:
        if v.key.thing.rsplit(" ", 1)[-1] in status:
            counted[v.key.story].add(v.article)
        if v.disease:
            by_story[v.key.story][v.disease].add(v.article)
            naming[(v.key.story, v.disease)] += 1
    main = {}
    for story, ds in by_story.items():
        # named in as many articles (a story of one article: "Egypt's H1N1 death toll reaches 265", with
        # a paragraph on bird flu), the disease more of its counts name
        top = max(sorted(ds), key=lambda d: (len(ds[d]), naming[(story, d)]))
        if len(ds[top]) >= lex.settings.story_disease_share * len(counted[story]):
            main[story] = top
    out = []
    for v in values:
        d = v.disease
        if not d and v.topic and main.get(v.key.story) not in (None, v.topic):
            d = v.topic
        if d:
            base = v.key.thing[len(d) + 1 :] if v.key.thing.startswith(f"{d} ") else v.key.thing
            thing = base if d == main.get(v.key.story) else f"{d} {base}"
            if thing != v.key.thing:
                v = replace(v, key=replace(v.key, thing=thing))
        out.append(v)
    return out


def group_values(values: Iterable[QuantityValue], lex: ClaimsLexicon, start_id: int = 1) -> list[Claim]:
    """Claims from values: one per measure key, values in date order, with updates and contradictions."""
    by_key: dict[MeasureKey, list[QuantityValue]] = defaultdict(list)
    for v in values:
        by_key[v.key].append(v)
    claims: list[Claim] = []
    keys = sorted(by_key, key=lambda k: (k.story or "", k.thing, k.state, k.aspect, k.unit or "", k.about))
    for n, key in enumerate(keys, start_id):
        vals = sorted(by_key[key], key=lambda v: (v.date or "", v.published or "", v.article, v.start))
        claim = Claim(id=f"c{n}", kind="quantity", key=key, story=key.story, values=list(vals))
        # a series is a lexicon measure of a place: values of a bare "deaths" or of an unknown noun
        # may be of different events, so they are listed but never compared
        if _compared(key, lex):
            claim.updates = updates(vals, lex)
            claim.contradictions = contradictions(vals, lex)
        claims.append(claim)
    return claims


def _compared(key: MeasureKey, lex: ClaimsLexicon) -> bool:
    """Whether a claim's values are a series (updates and contradictions): a lexicon measure of a place,
    and for an amount of money one giver's ("from ..."): several donors' pledges revise nothing."""
    thing = lex.things.get(key.thing)
    if thing is None or all(a.isdigit() for a in key.about):
        return False
    return thing.states not in lex.money_families or any(a.startswith("from ") for a in key.about)


def updates(vals: list[QuantityValue], lex: ClaimsLexicon) -> list[Update]:
    """Each value against the latest value of an earlier date: raised, lowered or confirmed, by the
    figures they report (:func:`_reported`)."""
    out: list[Update] = []
    for i, v in enumerate(vals):
        d = _day(v.date)
        if d is None:
            continue
        earlier = [j for j in range(i) if (dj := _day(vals[j].date)) is not None and dj < d]
        if not earlier:
            continue
        last_day = _day(vals[earlier[-1]].date)
        same_day = [j for j in earlier if _day(vals[j].date) == last_day]
        # the same source's value if it gave one that day, else the last one
        mine = [j for j in same_day if _src_key(vals[j]) == _src_key(v)]
        j = mine[-1] if mine else same_day[-1]
        a, b = _reported(vals[j]), _reported(v)
        if a is None or b is None:
            continue
        by = v.source.name if v.source else None
        if v.stance == "denies":
            out.append(Update(j, i, "retracted", by))
        elif b[0] > a[1]:
            out.append(Update(j, i, "raised", by))
        elif b[1] < a[0]:
            out.append(Update(j, i, "lowered", by))
        elif a == b and vals[j].article != v.article:
            out.append(Update(j, i, "confirmed", by))
    return out


def contradictions(vals: list[QuantityValue], lex: ClaimsLexicon) -> list[Contradiction]:
    """Pairs of values from different sources, within the window of days, whose intervals are disjoint."""
    out: list[Contradiction] = []
    days = lex.settings.contradiction_days
    for i, a in enumerate(vals):
        da = _day(a.date)
        ia = _iv(a, lex)
        if da is None or ia is None:
            continue
        for j in range(i + 1, len(vals)):
            b = vals[j]
            db = _day(b.date)
            if db is None or (db - da).days > days:
                break
            ib = _iv(b, lex)
            # one article's two figures are a breakdown or a change it reports, not a dispute
            if ib is None or _src_key(a) == _src_key(b) or a.article == b.article:
                continue
            if ia[1] < ib[0] or ib[1] < ia[0]:
                out.append(
                    Contradiction(
                        i,
                        j,
                        f"{_show(a)}; {_show(b)}; {da.isoformat()}"
                        + (f" / {db.isoformat()}" if db != da else ""),
                    )
                )
    return out
