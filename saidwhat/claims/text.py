"""Cheap text helpers over an analysed article: words, sentences, the statement and places around a span.

No parse: the claims stages read what the :class:`~saidwhat.model.Analysis` already holds (quantity,
statement, entity and timex spans) plus a regular-expression tokenisation of its text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, pairwise

from saidwhat.model import Analysis, Speaker, Statement

WORD = re.compile(r"\w+(?:[-'’.]\w+)*\.?|%|-{2,}|[;:,—–]")
# a sentence ends at . ! ? (and a closing quote) followed by space and an upper-case letter, digit or quote
# a sentence ends at its mark and the space after it, or at a line break; copy that lost the space
# between a sentence and a quotation ("...with 353 dead.\"We have confirmed 337 deaths,\" he said")
# ends it right before the quotation mark that a capital follows (after a closing curly mark); and copy
# whose paragraphs were run together ("..., including 21 deaths.Australia showed an increase of ...",
# "since the last bulletin on Friday.The largest increase") ends it at a mark between a lower-case word
# and a capitalised one (an abbreviation's mark never: "Gov.Perry")
_SENT_END = re.compile(
    r"(?<=[.!?])[”\"’)]?\s+(?=[“\"‘(\[]?[A-Z0-9])|\n+|(?<=[a-z][.!?])(?=[“\"][A-Z])|(?<=[a-z][.!?]”)(?=[A-Z])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
)
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|No|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Inc|Corp|Co|Ltd|vs|U\.S|U\.N)\.)$"
)
# A news page's date line ("Sunday 26 April 2009 10.40 BST"): the headline and standfirst before it are
# set in their own lines on the page, which a crawled text runs together with no punctuation
_DATE_LINE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} (?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December) \d{4} \d{1,2}[.:]\d{2} (?:BST|GMT|CET|CEST|EST|EDT)\b"
)
# a headline block is short: a date line further down is a live blog's entry, not the page's
_DATE_LINE_WITHIN = 600
# segments whose text is the article's own (comments, related headlines and boilerplate are not)
OWN_SEGMENTS = frozenset({"body", "headline", "embed"})


def wordset(words: str) -> frozenset[str]:
    """The words of a space-separated string, as a set (for the word lists of the rules)."""
    return frozenset(words.split())


# in a headline block, a number or a lower-case word followed by a capitalised word (not an acronym);
# a phrase does not end with a determiner, a preposition or a conjunction ("in New York", "the Cold War")
_RUN_IN = re.compile(r"(?<![\w'’-])([a-z][\w'’-]*|\d[\d,.]*)\s+([A-Z][a-z]+)\b")
_NO_END = wordset(
    "a an the this that these those its their his her our my your of in on at to for from by with into onto"
    " over under about after before since than as and or but nor per via"
)


# nouns whose final -s is no plural ending ("the news", "a series", "measles")
INVARIANT = wordset(
    "news series species means headquarters whereabouts measles mumps rabies diabetes herpes"
    # singular nouns in -s ("any political or religious bias" had become "bia") and reflexives
    " bias gas alias atlas canvas chaos ethos pathos kudos lens themselves ourselves yourselves"
)


def singular(word: str) -> str:
    """A rough singular of an English noun (enough to compare counted nouns)."""
    w = word.lower()
    irregular = {
        "people": "person",
        "children": "child",
        "men": "man",
        "women": "woman",
        "persons": "person",
        "lives": "life",
        "casualties": "casualty",
        "fatalities": "fatality",
        "diagnoses": "diagnosis",
    }
    if w in irregular:
        return irregular[w]
    if w in INVARIANT:
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    # a sibilant takes -es: "boxes", "churches", "crashes", "witnesses", "viruses" (not "headaches")
    sibilant = w.endswith(("xes", "ches", "shes", "sses", "zzes", "ruses"))
    if len(w) > 4 and sibilant and not (w.endswith("aches") and not w.endswith(("eaches", "oaches"))):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # lowercased, a typographic apostrophe as ' ("country’s" reads as "country's")
    start: int
    end: int


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(text) if end is None else end
    return [
        Word(m.group(0).lower().rstrip(".").replace("’", "'"), m.start(), m.end())
        for m in WORD.finditer(text, start, stop)
        if m.group(0).rstrip(".")
    ]


def _soft_wrap(text: str, m: re.Match[str], stop: int) -> bool:
    """A single line break inside a sentence of hard-wrapped copy (wire text: "said Saturday they\nhave
    confirmed five additional cases"): the line before ends with no sentence mark and the next one
    goes on in lower case, or in digits after a line as long as wrapped copy's ("74 countries have
    officially reported\n29,669 cases": a list's lines are short). A blank line, or a next line in
    capitals, still ends it."""
    if m.group(0) != "\n" or m.end() >= stop:
        return False
    back = max(0, m.start() - 2 * _WRAP_WIDTH)  # read a bounded way back: a hostile text stays linear
    line = text[max(back, text.rfind("\n", back, m.start()) + 1) : m.start()].rstrip(" \t")
    if not (text[m.end()].islower() or (text[m.end()].isdigit() and len(line) >= _WRAP_WIDTH)):
        return False
    before = line[-40:]
    return bool(before) and before[-1] not in '.!?:;"”’)'


# the shortest line of hard-wrapped copy a line in digits goes on from (wire copy wraps at 70-80)
_WRAP_WIDTH = 60


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (a regular-expression split that keeps abbreviations)."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    a = start
    for m in _SENT_END.finditer(text, start, stop):
        # a line break ends a sentence (unless it wraps one: `_soft_wrap`); a space after an
        # abbreviation ("the U.S. Centers for Disease Control", "Dr. Chan") never does
        if "\n" not in m.group(0) and _ABBREV.search(text, max(start, m.start() - 8), m.start()):
            continue
        if _soft_wrap(text, m, stop):
            continue
        if text[a : m.start()].strip():
            out.append((a, m.start()))
        a = m.end()
    if text[a:stop].strip():
        out.append((a, stop))
    return out


def first_word(text: str) -> str:
    """The first word of a content or an object, lower-cased, opening quotes and brackets skipped
    ("" for none): "how" in "how he would cope", "no" in "no proof"."""
    first = text.lstrip(" \"“‘'(").split(maxsplit=1)
    return first[0].lower() if first else ""


def names_someone(speaker: object, pronouns: frozenset[str]) -> bool:
    """Whether a statement's speaker names someone: not anonymous-unresolved "I", "you", "they"."""
    if not isinstance(speaker, Speaker):
        return False
    if speaker.name:
        return True
    return speaker.text.strip().lower() not in pronouns


def phrase_at(ws: list[Word], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(w.text for w in ws[i : i + len(phrase)]) == phrase


@lru_cache(maxsize=1024)
def _phrase_index(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The phrases of a word list by their first word, in their order (the lexicon's lists are
    tuples, read once each)."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for p in phrases:
        toks = tuple(p.split())
        if toks:  # (a blank phrase is found nowhere)
            index.setdefault(toks[0], []).append((p, toks))
    return {first: tuple(ps) for first, ps in index.items()}


def find_phrases(ws: list[Word], phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    """(word index, phrase) for every occurrence of any of ``phrases`` in ``ws``, in text order and,
    at one word, in the order of ``phrases``."""
    index = _phrase_index(tuple(phrases))
    out: list[tuple[int, str]] = []
    for i, w in enumerate(ws):
        for p, toks in index.get(w.text, ()):
            if len(toks) == 1 or phrase_at(ws, i, toks):
                out.append((i, p))
    return out


def _cut(sents: list[tuple[int, int]], cuts: list[int], text: str) -> list[tuple[int, int]]:
    """``sents`` with a sentence boundary at each offset of ``cuts`` (spaces trimmed, empties dropped)."""
    out: list[tuple[int, int]] = []
    for a, b in sents:
        bounds = [a, *sorted(c for c in cuts if a < c < b), b]
        for x, y in pairwise(bounds):
            while x < y and text[x].isspace():
                x += 1
            while y > x and text[y - 1].isspace():
                y -= 1
            if x < y:
                out.append((x, y))
    return out


def page_cuts(text: str, names: list[tuple[int, int]]) -> list[int]:
    """Unit boundaries of a crawled news page whose headline block runs into its date line ("... death toll
    reaches 80 Suspected cases reported in US ... Sunday 26 April 2009 10.40 BST A couple ..."): the
    date line is a unit of its own, and before it a capitalised common word after a number or a
    lower-case word begins a new unit (a headline, then its standfirst). A word is common when the
    page writes it in lower case elsewhere and no entity mention holds it: "Mexico", "WHO" continue."""
    m = _DATE_LINE.search(text, 0, _DATE_LINE_WITHIN)
    if m is None:
        return []
    cuts = [m.start(), m.end()]
    lower = set(re.findall(r"\b[a-z]+\b", text))
    for r in _RUN_IN.finditer(text, 0, m.start()):
        w0 = r.start(2)
        if r.group(1) in _NO_END or r.group(2).lower() not in lower:
            continue
        if not any(a <= w0 < b for a, b in names):
            cuts.append(w0)
    return cuts


def _initials_of_named(places: list[Place], countries: frozenset[str]) -> list[Place]:
    """``places`` with a name in capital initials read as the one country of those initials the article
    names in full ("South Africa now has six confirmed deaths, with the number of confirmed cases in SA
    at 2 844": SA is South Africa there; with Saudi Arabia named too it stays as written)."""
    named = {p.name for p in places if p.name in countries and " " in p.name}
    by_initials: dict[str, set[str]] = {}
    for name in named:
        by_initials.setdefault("".join(w[0] for w in name.split()).upper(), set()).add(name)
    out = []
    for p in places:
        full = by_initials.get(p.name, set()) if p.name.isupper() and 2 <= len(p.name) <= 3 else set()
        out.append(Place(next(iter(full)), p.start, p.end) if len(full) == 1 else p)
    return out


def _inside_hyphenated_name(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``[start, end)`` is a part of a hyphenated name (:data:`_INSIDE_NAME_BEFORE`):
    "Spain" in "Port-of-Spain", "Avon" in "Stratford-upon-Avon"."""
    return bool(
        _INSIDE_NAME_BEFORE.search(text[max(0, start - 12) : start]) or _INSIDE_NAME_AFTER.match(text, end)
    )


@dataclass(slots=True)
class Place:
    name: str
    start: int
    end: int


_CONTINENT_NEXT = re.compile(r"\s+continents?\b", re.IGNORECASE)
_FUNCTION_WORD_END = re.compile(r"\s(?:to|as|in|of|and|for|with|by|on|at|the|from)$")
# a hyphenated name whose parts a lower-case connective joins is one name ("Port-of-Spain",
# "Stratford-upon-Avon", "Saint-Pierre-et-Miquelon"): a place the tagger found inside it is no mention of
# that place (the tagger took "Spain" out of "Park Street, Port-of-Spain")
_NAME_CONNECTIVES = r"(?:of|upon|on|en|sur|de|la|le|du|des|et|am|an|under|by|in)"
_INSIDE_NAME_BEFORE = re.compile(r"[A-Za-z]-" + _NAME_CONNECTIVES + r"-$")
_INSIDE_NAME_AFTER = re.compile(r"-" + _NAME_CONNECTIVES + r"-[A-Za-z]")
# "the total number in the Indian capital now stands at 9,495": a people's adjective before *capital*
# names the capital city, not its country
_CAPITAL_NEXT = re.compile(r"\s+capital\b(?!\s+(?:of|punishment|gains?|markets?|spending|investment)\b)")
# "The Spanish flu killed 50 million people", "the Asian flu of 1957": a people's adjective before *flu*
# names a disease, not where a count is
_DISEASE_NEXT = re.compile(r"\s+(?:flu|influenza)\b", re.IGNORECASE)
# "the federal and Indian affairs ministers", "an Indian reserve": *Indian* before these nouns names the
# native peoples of the Americas (Canada's Indian Affairs, the US Indian Health Service), not India
_NATIVE_NEXT = re.compile(
    r"\s+(?:affairs|reserves?|reservations?|bands?|act|health\s+service|country)\b", re.IGNORECASE
)


def _not_a_nation(text: str, ent_type: str, start: int, end: int) -> bool:
    """Whether a people's adjective names no country here: a continent's ("on the American continent"),
    a capital city ("in the Indian capital"), a disease ("the Spanish flu"), or the native peoples of the
    Americas ("Indian affairs")."""
    if ent_type != "NORP":
        return False
    if _CONTINENT_NEXT.match(text, end) or _CAPITAL_NEXT.match(text, end) or _DISEASE_NEXT.match(text, end):
        return True
    return text[start:end].lower() == "indian" and _NATIVE_NEXT.match(text, end) is not None


# a dateline after its place: "SEOUL, June 13 (Yonhap) --", "BANGKOK (AFP) -", "CAIRO:", "New Delhi,
# October 25:", "Geneva - ", "ISLAMABAD, 24 December 2009 (IRIN) -": a date, an agency in brackets,
# then a dash (or a colon after a date)
_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:,?\s+\d{4})?))"
_AGENCY = r"(?:\s*\([^()\n]{1,30}\))"
_DATELINE_DASH = re.compile(rf"{_DATE}?{_AGENCY}?\s*(?:--?|—|–|//)\s")
_DATELINE_COLON = re.compile(rf"(?:{_DATE}{_AGENCY}?|{_AGENCY})?\s*:\s")


_COUNT_START = re.compile(
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|no|none)\b)", re.IGNORECASE
)


# "the Gulf state", "the Balkan country", "the Himalayan kingdom": a region's name before a noun of a
# country, after *the*, describes a country the text names elsewhere; it is not where a count is
_EPITHET_BEFORE = re.compile(r"(?:^|\s)the\s+$", re.IGNORECASE)
_EPITHET_AFTER = re.compile(r"\s+(?:state|nation|country|kingdom|emirate|sultanate)\b(?!\s+of\b)")


def _epithet(text: str, p: Place) -> bool:
    """Whether the place's name is a region's in a country's epithet ("bringing the total in the Gulf
    state to 40"): it stands after *the* and before a singular noun of a country (the caller keeps a
    country's own name: "the Mexican nation" is Mexico)."""
    return bool(_EPITHET_AFTER.match(text, p.end)) and bool(
        _EPITHET_BEFORE.search(text, max(0, p.start - 8), p.start)
    )


def _trailer(text: str, p: Place) -> re.Match[str] | None:
    """What follows a dateline's place, read a bounded way on (60 characters): its date, agency and
    dash (:data:`_DATELINE_DASH`), or a colon (:data:`_DATELINE_COLON`); None when neither."""
    rest = text[p.end : p.end + 60]
    return _DATELINE_DASH.match(rest) or _DATELINE_COLON.match(rest)


def dateline_end(text: str, p: Place) -> int:
    """Where the dateline the place opens ends: after its date, agency and dash or colon."""
    m = _trailer(text, p)
    return p.end + m.end() if m else p.end


# a name in capitals that opens a line, before a dateline's date, agency or dash ("MEXICO CITY (AP) --",
# "BUENOS AIRES --", "SANTIAGO, June 2 (Xinhua) --"): NER reads few of them
_CAPITALS_NAME = re.compile(r"^[ \t]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?=[,( \t:—–-])", re.MULTILINE)


def _capitals_names(text: str, names: frozenset[str]) -> list[tuple[Place, int]]:
    """The names written in capitals that open a line (:data:`_CAPITALS_NAME`) whose title case is one
    of ``names`` (a country's, a region's or a capital's), each with where its line starts: NER reads
    few names in capitals, which open a dateline ("MEXICO CITY (AP) --") or a fact box's list line
    ("MEXICO - 1,112 confirmed cases, 42 deaths")."""
    out = []
    for m in _CAPITALS_NAME.finditer(text):
        name = m.group(1).title()
        if name in names:
            out.append((Place(name, m.start(1), m.end(1)), m.start()))
    return out


def _capitals_list_heads(text: str, capitals: list[tuple[Place, int]], found: list[Place]) -> list[Place]:
    """The names in capitals that head a list line after a bare dash, where no place found covers them."""
    taken = {p.start for p in found}
    return [p for p, line in capitals if p.start not in taken and _DASH_LIST_LINE.match(text, line)]


def _capitals_datelines(
    text: str, capitals: list[tuple[Place, int]], found: list[Place], capital_cities: frozenset[str]
) -> list[Place]:
    """The names in capitals that open a dateline, where no place found already opens the line (a
    capital city's before a colon and a sentence: "RIYADH: Four new cases of swine flu were identified")."""
    taken = {p.start for p in found}
    return [p for p, _ in capitals if p.start not in taken and _dateline(text, p, capital_cities)]


# a list line headed by a place and a bare dash: "MEXICO - 1,112 confirmed cases", "* Peru -- 3 deaths"
_DASH_LIST_LINE = re.compile(
    r"[ \t]*(?:[*•·][ \t]+)?[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}[ \t]+(?:--?|—|–)[ \t]+"
    r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|no|none)\b)",
    re.IGNORECASE,
)


def _sentence_after(text: str, start: int, line_start: int) -> bool:
    """Whether a sentence with a finite verb follows a colon at ``start`` (read a bounded way on, to its
    line's end), on a line that no list line of places stands next to."""
    end = text.find("\n", start, start + 300)
    line = text[start : end if end >= 0 else start + 300]
    return _FINITE_AFTER_COLON.search(line) is not None and not _next_to_list_line(text, line_start)


# the finite verbs of a sentence after a dateline's colon ("... have died", "... were reported Friday")
_FINITE_AFTER_COLON = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says)\b[^.;]*[.]", re.IGNORECASE)


def _next_to_list_line(text: str, line_start: int) -> bool:
    """Whether the line before or after the one at ``line_start`` is a list line headed by a place and a
    bare dash (:data:`_DASH_LIST_LINE`), a bounded way off (200 characters each side)."""
    if line_start > 0:
        lo = max(0, line_start - 200)
        before = text.rfind("\n", lo, line_start - 1)
        prev_start = before + 1 if before >= 0 else (0 if lo == 0 else -1)
        if prev_start >= 0 and _DASH_LIST_LINE.match(text, prev_start, line_start):
            return True
    end = text.find("\n", line_start, line_start + 200)
    return end >= 0 and _DASH_LIST_LINE.match(text, end + 1, min(len(text), end + 201)) is not None


def _dateline(text: str, p: Place, capitals: frozenset[str] = frozenset()) -> bool:
    """Whether the place opens a line as a dateline: where the reporter files from, not where a count
    is ("MOSCOW, November 7 (RIA Novosti) - About 6,100 people have died from swine flu worldwide").
    A colon makes one only after a date or a name in capitals ("CAIRO:"), or after a capital's name (one of
    ``capitals``) before a sentence with its own finite verb ("New Delhi: Six swine flu deaths ... were
    reported Friday", "Islamabad: Twenty-four people have died"): "Peru: 20 cases" heads a list line, and so
    does a bare dash after a name not in capitals with a count right after it ("Mexico - 1,112 cases")."""
    back = max(0, p.start - 40)  # read a bounded way back: a hostile one-line text stays linear
    line_start = text.rfind("\n", back, p.start) + 1 or back
    if text[line_start : p.start].strip():
        return False
    m = _trailer(text, p)
    if m is None:
        return False
    if p.name in capitals and m.re is _DATELINE_COLON and _sentence_after(text, p.end + m.end(), line_start):
        return True
    bare = not re.search(r"[\d(]", m.group(0))  # no date and no agency: only the mark
    # "Mexico - 1,112 cases, 42 deaths": a list line headed by its place, as "US: one death"; in
    # capitals, when a line next to it is one too ("MEXICO - 1,112 ...\nCANADA - 214 cases")
    if (
        bare
        and _COUNT_START.match(text, p.end + m.end(), p.end + 60)
        and (not text[p.start : p.end].isupper() or _next_to_list_line(text, line_start))
    ):
        return False
    if m.re is _DATELINE_DASH:
        return True
    if re.search(r"\d", m.group(0)):
        return True  # a date before the colon: "New Delhi, October 25: One person ..."
    if _COUNT_START.match(text, p.end + m.end(), p.end + 60):
        return False  # "US: one death, ...": a list line headed by its place
    return text[p.start : p.end].isupper()


def _unnamed_countries(
    text: str, countries: frozenset[str], analysis: Analysis, places: list[Place]
) -> list[Place]:
    """Mentions of a country's name (written with its capitals) that no place and no entity of another
    type covers (a person's or an organisation's name keeps its words). A mention that is the country's
    name and nothing more is the country whatever NER's label ("11 in Peru and eight in Paraguay":
    Paraguay read as an organisation)."""
    return _unnamed(text, countries - AMBIGUOUS_COUNTRIES, analysis, places)


@lru_cache(maxsize=4)
def _joined_pattern(countries: frozenset[str]) -> re.Pattern[str] | None:
    """The countries' names that join two names with *and* ("Trinidad and Tobago"), *Saint* also
    written "St" or "St."; None when there are none."""
    joined = sorted((c for c in countries if " and " in c), key=len, reverse=True)
    if not joined:
        return None
    alts = [re.escape(c).replace("Saint\\ ", r"(?:Saint|St\.?)\s+").replace("\\ ", r"\s+") for c in joined]
    return re.compile(r"(?<![\w-])(" + "|".join(alts) + r")(?![\w-])")


def _joined_countries(text: str, countries: frozenset[str], places: list[Place]) -> list[Place]:
    """``places`` with a country whose name joins two names with *and* read as one place: NER reads
    "Trinidad and Tobago" and "St Kitts and Nevis" as two places each ("four deaths each in Jamaica and
    Trinidad and Tobago": Tobago's), but the text names one country."""
    pattern = _joined_pattern(countries)
    if pattern is None or " and " not in text:
        return places
    spans: list[Place] = []
    for m in pattern.finditer(text):
        name = next((c for c in countries if " and " in c and _same_name(c, m.group(0))), None)
        if name is not None:
            spans.append(Place(name, m.start(), m.end()))
    return _read_as(places, spans) if spans else places


# a count of states, then *and* (or *as well as*) before the place that follows: "in 43 states and the
# District of Columbia" names the United States' states, and the district with them is that country
_STATES_AND = re.compile(r"\b\d[\d,]*\s+(?:U\.?S\.?\s+)?states\s*,?\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?$")
_DISTRICT = "District of Columbia"


def _states_and_district(text: str, places: list[Place]) -> list[Place]:
    """``places`` with the District of Columbia read as the United States where a count of states lists
    it ("2,600 confirmed cases in 43 states and the District of Columbia": the country's count, not the
    district's; the guideline's "in 41 states" is the United States)."""
    return [
        Place("United States", p.start, p.end)
        if p.name == _DISTRICT and _STATES_AND.search(text, max(0, p.start - 40), p.start)
        else p
        for p in places
    ]


def _read_as(places: list[Place], spans: list[Place]) -> list[Place]:
    """``places`` with ``spans`` read as places, and the places inside a span left out (the span names
    the place they are parts of: "Trinidad" in "Trinidad and Tobago", "Korea" in "Rep. of Korea")."""
    kept = [p for p in places if not any(j.start <= p.start and p.end <= j.end for j in spans)]
    return kept + spans


def _same_name(country: str, written: str) -> bool:
    """Whether ``written`` is the country's name, *Saint* written "St" or "St." and any spaces."""
    fold_ = " ".join(written.replace("St.", "Saint").split())
    fold_ = re.sub(r"^St\b", "Saint", fold_)
    return fold_ == country


def _unnamed_regions(
    text: str, regions: frozenset[str], analysis: Analysis, places: list[Place]
) -> list[Place]:
    """Mentions of a first-level region's or a capital's name (`[places.regions]`, `[places.capitals]`)
    that no place covers: a place NER did not type as one ("Maharashtra has so far reported 235
    deaths", "Karnataka recorded the highest number": an organisation and a person to NER), which a
    count there is about, not its country's. As for a country's name, a mention that is the name and
    nothing more is the place whatever NER's label, and a longer name keeps its words ("Victoria
    Beckham"); names that are as often a person's or a government's are read only from NER
    ("Washington", "Victoria", "Virginia")."""
    return _unnamed(text, regions - _AMBIGUOUS_REGIONS, analysis, places)


# the numbers and joins between names that NER took into one name ("Brazil has 8 cases, Argentina 3 and
# Colombia 2": a person "Argentina 3"; "Argentina 1 and Colombia 1": an organisation)
_COUNTS_AND_JOINS = re.compile(r"\s*(?:\b\d[\d,.]*\b|,|\band\b)\s*")


# a possessive's ending: "Cuba's", "Cuba’s", "Barbados'", and a backtick some pages write for an apostrophe
# ("Cuba`s total", "Barbados` total")
POSSESSIVE_ENDING = r"(?:['’`]s|(?<=s)['’`])"
# one that NER may take into a name ("Cuba`s total": a person "Cuba`s")
_POSSESSIVE = re.compile(POSSESSIVE_ENDING + "$")


def _names_and_counts(mention: str, names: frozenset[str]) -> bool:
    """Whether a mention is only names of ``names``, counts and joins (a possessive's ending aside): the
    names and counts of a list, or a name's possessive, no longer name."""
    parts = [p for p in _COUNTS_AND_JOINS.split(_POSSESSIVE.sub("", mention)) if p]
    return bool(parts) and all(p in names for p in parts)


def _unnamed(text: str, names: frozenset[str], analysis: Analysis, places: list[Place]) -> list[Place]:
    """Mentions of ``names`` (written with their capitals) that no place and no entity's longer mention
    covers (a mention that is only names, counts and joins covers none, :func:`_names_and_counts`), nor a
    capitalised word before them extends ("New Mexico", "Baja California")."""
    if not names:
        return []
    taken = sorted(
        [
            (m.start, m.end)
            for e in analysis.entities
            for m in e.mentions
            if not _names_and_counts(text[m.start : m.end], names)
        ]
        + [(p.start, p.end) for p in places]
    )
    starts = [a for a, _ in taken]
    reach = list(accumulate((b for _, b in taken), max))  # the furthest end of the spans up to each one
    out: list[Place] = []
    for m in _names_pattern(names).finditer(text):
        i = bisect_left(starts, m.end()) - 1  # the spans that start before the match ends
        if i >= 0 and reach[i] > m.start() and not _parts_of(taken, i, m.start(), m.end()):
            continue
        # (on its line: a name does not go on across a line break, "Deaths\nMexico")
        before = re.search(r"([A-Z][\w.'-]*)[ \t]+$", text[max(0, m.start() - 30) : m.start()])
        if before and before.group(1).lower() not in _LEAD_WORDS:
            continue  # part of a longer name: "New Mexico", "Baja California" (not "In Uruguay")
        out.append(Place(m.group(0), m.start(), m.end()))
    return out


def _written_forms(
    text: str, forms: Mapping[str, str], analysis: Analysis, places: list[Place]
) -> list[Place]:
    """``places`` with the other written forms of countries that no place and no entity's longer mention
    covers, each as its country ("• USA – 4714 cases", "• Rep. of Korea – total cases 33": NER read no
    place or only "Korea"); a place NER read inside such a form is the form's."""
    found = [Place(forms[p.name], p.start, p.end) for p in _unnamed(text, frozenset(forms), analysis, places)]
    return _read_as(places, found) if found else places


def _parts_of(taken: list[tuple[int, int]], i: int, a: int, b: int) -> bool:
    """Whether the spans of ``taken[: i + 1]`` (sorted by start) that overlap ``[a, b)`` all lie inside
    it and are shorter: NER split a longer name ("Trinidad and Tobago": a place "Trinidad", an
    organisation "Tobago"), which the name's match then stands for."""
    inside = False
    for s, e in reversed(taken[: i + 1]):
        if e <= a and s < a - 200:
            break
        if e <= a:
            continue
        if s < a or e > b or (s, e) == (a, b):
            return False
        inside = True
    return inside


# regions and capitals whose name is as often a person's or stands for a government ("Mendoza": a common
# surname as well as Argentina's province)
_AMBIGUOUS_REGIONS = frozenset(
    {
        "Washington",
        "Victoria",
        "Georgia",
        "Virginia",
        "Alberta",
        "Sofia",
        "Paris",
        "Santiago",
        "Lincoln",
        "Mendoza",
    }
)


# capitalised words that open a sentence or a phrase before a name, not part of it ("In Uruguay",
# "The Netherlands")
_LEAD_WORDS = wordset(
    "in the at from to by and but of for with on as since after before while across throughout like "
    "including both only even all neighbouring neighboring nearby"
)
# names of a country that also name a US state or are common first names: read only from NER (and
# never from a speaker's description, claims.quantity._speaker_place)
AMBIGUOUS_COUNTRIES = frozenset({"Georgia", "Jordan", "Chad"})


@lru_cache(maxsize=4)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Any of ``names`` as a whole word, longest first."""
    ordered = sorted(names, key=len, reverse=True)
    # not before another capitalised word: "Mexico City", "Panama Canal"; not joined to a word by a hyphen
    # ("Guinea-Bissau", "Peru-based"), but a dash of two hyphens is no hyphen ("LIMA (AFP)--Peru on Sunday")
    return re.compile(
        r"(?<!\w)(?<!\w-)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)(?!-\w)(?!\s+[A-Z])"
    )


# the code of an influenza virus's subtype ("H1N1", "A(H5N1)"): never a place
_VIRUS_CODE = re.compile(r"\bH\d{1,2}N\d{1,2}\b", re.IGNORECASE)


@dataclass(slots=True)
class ArticleView:
    """One analysed article with the indexes the claims stages need."""

    analysis: Analysis
    story: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    # the sentence boundaries :func:`page_cuts` added (a quantity's words stop at them)
    page_cuts: tuple[int, ...] = ()
    _sent_starts: list[int] = field(default_factory=list)
    # the answers of :meth:`statement_covering`, by span: each count's rules ask for its statement
    _covering: dict[tuple[int, int], Statement | None] = field(default_factory=dict)
    # the countries the article names (where, and which), by the id of the lexicon that read them (the
    # claims' `_countries_named`: each count of the article may ask for the one country it is about)
    only_country_memo: dict[int, list[tuple[int, str]]] = field(default_factory=dict)
    # the one country the article writes a disaster at, naming no disease (the claims'
    # `_disaster_country`), by the id of the lexicon that read it
    disaster_memo: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # the countries the article writes its disaster at, else those its headline names (the claims'
    # `_struck_countries`), by the id of the lexicon that read them
    struck_memo: dict[int, frozenset[str]] = field(default_factory=dict)
    # the places that open a line as a dateline (:func:`_dateline`): none of :attr:`places`
    datelines: list[Place] = field(default_factory=list)
    # each speaker entity's first mention as a statement's speaker (:meth:`first_speaker`, read once)
    _first_speakers: dict[str, Speaker] | None = None
    # the countries of the bodies named by their nation, in text order (the claims' `_national_bodies`,
    # read once per article)
    body_places: list[Place] | None = None
    # the mentions of the organisations named by a nation, as places of it (the claims'
    # `_reporting_bodies`), by the id of the lexicon that read them
    reporting_bodies_memo: dict[int, list[Place]] = field(default_factory=dict)
    # where the article's quantities start, sorted (:meth:`quantity_starts`, read once)
    _quantity_starts: list[int] | None = None
    # where its time expressions start (:meth:`timex_starts`, read once)
    _timex_starts: frozenset[int] | None = None

    @property
    def id(self) -> str:
        return self.analysis.doc.id

    @property
    def text(self) -> str:
        return self.analysis.doc.text

    @classmethod
    def build(
        cls,
        analysis: Analysis,
        story: str | None,
        aliases: dict[str, str],
        countries: frozenset[str] = frozenset(),
        regions: frozenset[str] = frozenset(),
        forms: Mapping[str, str] | None = None,
        capital_cities: frozenset[str] = frozenset(),
    ) -> ArticleView:
        """The view of one article. Its places are the entity stage's places and, from ``countries``
        (the lexicon's names of the world's countries), a country's name NER left unnamed ("Uruguay
        eight") where no entity's mention is; a dateline's place is none of them (it is kept apart, in
        ``datelines``). ``forms`` are other written forms of countries (written -> country: "USA"),
        read as the names are."""
        text = analysis.doc.text
        sents: list[tuple[int, int]] = []
        for seg in analysis.segments or []:
            sents.extend(sentences(text, seg.start, seg.end))
        if not analysis.segments:
            sents = sentences(text)
        cuts = page_cuts(text, [(m.start, m.end) for e in analysis.entities for m in e.mentions])
        sents = _cut(sents, cuts, text) if cuts else sents
        places: list[Place] = []
        for ent in analysis.entities:
            if ent.type in ("GPE", "LOC"):
                name = aliases.get(ent.name, ent.name)
            elif ent.type == "NORP" and ("country" in ent.attributes or ent.name in aliases):
                name = aliases.get(ent.name, ent.attributes.get("country", ent.name))
            else:
                continue
            if _VIRUS_CODE.search(name):
                continue  # "13 cases of H1N1, 4 new cases": a virus's code the tagger took for a place
            if name.isupper() and name.title() in countries:
                name = name.title()  # "CANADA - 214 cases": a fact box's line in capitals
            places.extend(
                Place(name, m.start, m.end)
                for m in ent.mentions
                # "on the American continent": the adjective of a continent, no people's country
                if not _not_a_nation(text, ent.type, m.start, m.end)
                # "in the Kingdom as three more cases were reported": a name ends in no lower-case
                # function word (the tagger's span ran on)
                and not _FUNCTION_WORD_END.search(text, m.start, m.end)
                and not _inside_hyphenated_name(text, m.start, m.end)
            )
        places = _joined_countries(text, countries, places)
        places += _unnamed_countries(text, countries, analysis, places)
        if forms:
            places = _written_forms(text, forms, analysis, places)
        capitals = _capitals_names(text, countries | regions | capital_cities)
        places += _capitals_list_heads(text, capitals, places)
        places += _unnamed_regions(text, regions, analysis, places)
        places = _states_and_district(text, places)
        places = _initials_of_named(places, countries)
        datelines = [p for p in places if _dateline(text, p, capital_cities)]
        datelines += _capitals_datelines(text, capitals, datelines, capital_cities)
        datelines.sort(key=lambda p: p.start)
        opening = {(p.start, p.end) for p in datelines}
        places = [
            p
            for p in places
            if (p.start, p.end) not in opening and not (p.name not in countries and _epithet(text, p))
        ]
        places.sort(key=lambda p: p.start)
        return cls(
            analysis, story, sents, places, aliases, tuple(cuts), [s for s, _ in sents], datelines=datelines
        )

    def segment_kind(self, pos: int) -> str:
        for seg in self.analysis.segments:
            if seg.start <= pos < seg.end:
                return seg.kind
        return "body"

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return (pos, pos)

    def statement_covering(self, start: int, end: int) -> Statement | None:
        """The narrowest statement whose content holds ``[start, end)`` (read once per span)."""
        if (start, end) in self._covering:
            return self._covering[start, end]
        best: Statement | None = None
        for st in self.analysis.statements:
            spans = [(p.start, p.end) for p in st.content.parts] or [(st.content.start, st.content.end)]
            if any(a <= start and end <= b for a, b in spans) and (
                best is None or st.content.end - st.content.start < best.content.end - best.content.start
            ):
                best = st
        self._covering[start, end] = best
        return best

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of entity mentions in ``[start, end)`` ("New Zealand", "World Health Organization"):
        their words are names, not words of a measure."""
        return [
            (m.start, m.end)
            for e in self.analysis.entities
            for m in e.mentions
            if start <= m.start and m.end <= end
        ]

    def place_mentions_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of the mentions of places and peoples (GPE, LOC, NORP entities) that start in ``[start,
        end)`` ("Belgium", "the Americas", "Scottish"), in the entities' order."""
        return [
            (m.start, m.end)
            for e in self.analysis.entities
            if e.type in ("GPE", "LOC", "NORP")
            for m in e.mentions
            if start <= m.start < end
        ]

    def sentence_before(self, pos: int) -> tuple[int, int]:
        """The sentence before the one at ``pos`` (that one itself when it is the first)."""
        i = bisect_right(self._sent_starts, pos) - 1
        return self.sentences[i - 1] if i > 0 else self.sentence(pos)

    def sentence_after(self, pos: int) -> tuple[int, int]:
        """The first sentence that starts at or after ``pos`` (``(pos, pos)`` when none does)."""
        i = bisect_left(self._sent_starts, pos)
        return self.sentences[i] if i < len(self.sentences) else (pos, pos)

    def quantity_starts(self) -> list[int]:
        """Where each of the article's quantities starts, in text order."""
        if self._quantity_starts is None:
            self._quantity_starts = sorted(q.start for q in self.analysis.quantities)
        return self._quantity_starts

    def timex_starts(self) -> frozenset[int]:
        """Where each of the article's time expressions starts."""
        if self._timex_starts is None:
            self._timex_starts = frozenset(t.start for t in self.analysis.timexes)
        return self._timex_starts

    def first_speaker(self, entity: str) -> Speaker | None:
        """The earliest speaker mention of ``entity`` among the article's statements."""
        if self._first_speakers is None:
            firsts: dict[str, Speaker] = {}
            for st in self.analysis.statements:
                sp = st.speaker
                if (
                    sp is not None
                    and sp.entity is not None
                    and (sp.entity not in firsts or sp.start < firsts[sp.entity].start)
                ):
                    firsts[sp.entity] = sp
            self._first_speakers = firsts
        return self._first_speakers.get(entity)

    def places_in(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if start <= p.start and p.end <= end]
