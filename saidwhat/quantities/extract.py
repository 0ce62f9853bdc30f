"""Quantities: numbers in digits and words with what they count, read off the spaCy parse.

For every number phrase ("1,700", "two hundred thousand", "1.5 million", "3bn", "first") the stage
looks left for a qualifier ("more than") and a currency ("$"), right for a percent sign, a currency
word, a measure unit or a hyphenated unit ("20-point"), a range partner ("between 10 and 20",
"10-20"), and the noun phrase counted (``counts``: the modifiers and head noun after the number, as
written: "Palestinian detainees", "remaining hostages"). Numbers inside time expressions, years, dates,
identifiers ("Channel 12"), list numbering, phone numbers, URLs and malformed numerals are skipped.
After a change word, "by N to M" and "from N to M" are two numbers (an amount or an old value, and
the new total), not a range; a bracketed figure after a name ("Britain (39)") is a value counting
its list's noun; the bare second member of a change or of a split ("26 in Mexico and one in the
United States") is kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from spacy.tokens import Doc, Token

from saidwhat.calendar_names import FULL_WEEKDAYS, NOT_DISTRIBUTIVE_AFTER_EACH, PARTITIVE_PRONOUNS
from saidwhat.entities.resources import fold, load_knowledge
from saidwhat.model import Quantity, Timex
from saidwhat.nlp import GLUED_BEFORE_NUMBERS, doc_text
from saidwhat.place_nouns import PLACES_COUNTED_PLURAL
from saidwhat.quantities.lexicon import (
    Lexicon,
    load_lexicon,
    parse_numeral,
    parse_ordinal,
    parse_words,
    to_number,
)
from saidwhat.segment.segmenter import title_cased_line
from saidwhat.spans import SpanSet

# (digits grouped by threes, or by twos before the last three as Indian copy writes lakhs: "1,07,000")
_NUM = r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d?(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?"
_CURRENCY = r"(?:US\$|C\$|A\$|[$€£₪¥₽₹])"
# the whitespace-delimited chunk a digit token sits in must be one of these shapes
_CHUNK = re.compile(
    # a capital scale suffix only after a currency sign ("$5M"; "a 5K race", "3M" the company are no millions)
    rf"^(?:{_CURRENCY}{_NUM}(?:BN|Bn|B|MN|Mn|M|K)|{_CURRENCY}?{_NUM}(?:%|bn|b|mn|m|k|tn|trn|st|nd|rd|th)?)"
    rf"(?:[-–](?:[A-Za-z]+|(?:[$€£₪¥])?{_NUM}(?:%|bn|b|mn|m|k)?)|[-–]years?[-–]old|\+)?$"
)
# a word the tokenizer split off the number it was glued to ("is now over318,925"): not part of the chunk
_GLUED = re.compile(rf"^(?:{'|'.join(GLUED_BEFORE_NUMBERS.split())})(?=\d)", re.IGNORECASE)
_MODIFIER_TAGS = ("JJ", "VBN")
# the groups of a number whose thousands a space sets apart ("2 844"): the first, then each other
_GROUP_HEAD = re.compile(r"[1-9]\d{0,2}")
_GROUP = re.compile(r"\d{3}")


def _ratio_base(value: Decimal | int | float | None) -> bool:
    """A number a proportion is stated over ("eight of 10 voters", "two of three Americans", "99 of 100
    doctors"): a power of ten or five and under. Another whole after *of* is a count of its own, the
    set its part is taken from ("one of 91 cases of swine flu in the US"); after *out of* it stays the
    base ("19 out of 20 cases go unrecorded")."""
    if value is None:
        return True
    v = float(value)
    return v <= 5 or v in (10.0, 100.0, 1000.0)


_PHONE = re.compile(r"^\+?\(?\d{2,4}\)?[-.]?\d{3,4}[-.]\d{3,4}$|^\d{3}-\d{4}$")
_STRIP_LEFT = "([{\"'“‘«"
_STRIP_RIGHT = ")]}\"'”’».,;:!?…"
_DASHES = frozenset({"-", "–", "—"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# the words after which a number word may leave out its noun: a comma, a semicolon or a conjunction of
# the list it ends ("56 in Mexico; three in the U.S."), a word that opens a part ("with six more in Mexico
# and one in the United States", "including three in Texas"); after anything else ("the two in the car",
# "number one in the US chart", a run-on "in the UK eight in England") it is a pronoun, a rank or a
# misreading
_ELLIPSIS_BEFORE = frozenset({",", ";", "and", "or", "with", "including", "while", "plus", "to", "but"})
_LOCATIVE = frozenset({"in", "at", "from", "among", "across"})
# prepositions after a total that introduce another figure, not the total's value ("the death toll now 149
# with 1,600 ill", "a toll of 20 among 300 cases")
_NOT_A_VALUE = frozenset({"with", "among", "besides"})
# verbs whose object is the value a total reaches ("to reach 8,451", "topping 1,000")
_REACH_VERBS = frozenset({"reach", "hit", "top", "pass", "exceed", "surpass"})
# verbs whose object a number word may stand for, its noun of persons left out (`_elliptical`)
_TOLL_VERBS = frozenset({"kill", "infect", "sicken", "injure", "wound"})
# verbs whose object a number may be with its noun left out after another count of its clause's
# sentence ("13 cases while the Bahamas is reporting six", `_gapped_object`)
_GAP_VERBS = frozenset({"report", "confirm", "record", "register", "have", "announce", "detect", "count"})
# plural nouns that a length in metres names a race of ("the 100m hurdles", "the 4x100m relays")
_RACES = frozenset({"hurdles", "relays", "heats", "finals", "semifinals", "semi-finals", "semis"})
_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}\.\d{3}$")
_WEEKDAYS = frozenset(FULL_WEEKDAYS)
# a floated *each* after a number distributes a count (`_distributive`), but not before these words
_EACH_NOT = frozenset(NOT_DISTRIBUTIVE_AFTER_EACH)
# the pronouns after "N of" that point back to what a partitive number word counts a part of
_PARTITIVE_PRONOUNS = frozenset(PARTITIVE_PRONOUNS)
# determiners that make "the two of them" a reference to persons already named, no count of a part
_DEFINITE_BEFORE = frozenset({"the", "these", "those", "all", "both", "their", "its", "his", "her", "our"})
_EACH_NOT_AFTER = frozenset({"the", "these", "those", "all", "both", "of", "their", "its"})
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "VERB", "NUM", "ADV"})


def _finite_verb(t: Token) -> bool:
    """Whether ``t`` is a finite verb that no participle's form could be: the verb of a clause whose
    subject the number is ("13 took place", "three have indoor facilities"), never a modifier of a noun
    counted (a participle ends in *-ed*, *-en* or *-ing*: "12 killed soldiers", "45 remaining hostages")."""
    if t.pos_ != "VERB" or t.lower_.endswith(("ed", "en", "ing")):
        return False
    return t.dep_ == "ROOT" or t.tag_ in ("VBP", "VBZ")


# subordinating conjunctions: no word of a noun phrase, whatever the parse tags them
_CLAUSE_OPENERS = frozenset(
    {"as", "while", "when", "whereas", "although", "though", "because", "since", "until"}
)
_MAX_NP = 5
# words after which *number* is a verb: adverbs of time and the nominal adjectives of a toll
_BEFORE_VERB_NUMBER = frozenset(
    {
        "now",
        "still",
        "already",
        "currently",
        "officially",
        "dead",
        "wounded",
        "injured",
        "missing",
        "displaced",
    }
)
# a virus's code, with the name of its disease before it: "influenza A/H1N1", "A(H1N1)", "swine flu
# A H1N1", "H5N1" (the parse splits these at random)
_VIRUS_CODE = re.compile(
    r"(?i)\b(?:(?:swine\s+)?(?:influenza|flu)\s+)?(?:type\s+)?(?:A\s?[/(-]?\s?)?H\d{1,2}N\d{1,2}\b\)?"
)
# nouns of a list of places: its items name places, not what their figures count
_PLACE_KINDS = frozenset({"country", "state", "nation", "province", "region", "city", "territory", "county"})
# words that introduce a list rather than describe what it counts ("the following infections: ...")
_LIST_WORDS = frozenset({"following", "above", "below", "listed", "latest"})


@cache
def _country_names() -> frozenset[str]:
    """Every country's name and alias the entities' knowledge base knows, folded."""
    kb = load_knowledge()
    return frozenset(
        {*kb.countries, *(fold(c) for c in kb.countries.values()), *(fold(c) for c in kb.demonyms.values())}
    )


def _places_counted(q: Quantity) -> bool:
    """Whether ``q`` counts places ("22 countries"), the ones another count is counted in."""
    noun = (q.counts or "").split()[-1:]
    return q.kind == "count" and bool(noun) and noun[0].lower() in PLACES_COUNTED_PLURAL


@dataclass(slots=True)
class _Number:
    i: int  # first token
    j: int  # last token (inclusive)
    value: Decimal | None
    kind: str  # cardinal | ordinal | plural
    digits: bool
    paren: bool = False  # the token carries the closing bracket: spaCy reads "(8)" as "(" + "8)"


def _with_objects(nouns: list[Token]) -> list[Token]:
    """The objects of the *with* phrases on ``nouns`` ("countries with confirmed cases": cases)."""
    withs = [c for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "with"]
    return [c for w in withs for c in w.children if c.dep_ == "pobj"]


# a table's row: a name (capitalised words), then two figures or more, each set off by spaces or a tab
# and each may have a bracketed aside ("812 (11 Aug)")
_TABLE_ROW = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
    r"(?:[ \t]+\d[\d,.]*(?:[ \t]*\([^()\n]{1,20}\))?){2,}[ \t]*"
)
_FIGURE = re.compile(r"(?<=[ \t])\d[\d,.]*")
# a list's line: a bullet or none, a name (capitalised words), a mark or none, one figure (bracketed or
# not), and at most a bracketed aside ("Austria 1", "* Mexico: 1,112", "Canada - 214", "Spain (93)",
# "Mexico 822 (29 deaths)")
_LIST_LINE = re.compile(
    r"[ \t]*(?:[*•·–-][ \t]+)?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}[ \t]*[:–—-]?[ \t]*"
    r"(?:\((?P<bfig>\d[\d,.]*)\)|(?P<fig>\d[\d,.]*))(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*[.;,]?[ \t]*"
)
# the most lines of a table above a row its header may stand, and the longest line of a table
_TABLE_ROWS = 40
_TABLE_LINE = 200
# the days that deixis names, which the tagger takes for nouns
_DEICTIC_DAYS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
# and the weekdays: no noun a number counts ("jumped to 358 Tuesday")
_NAMED_DAYS = _DEICTIC_DAYS | _WEEKDAYS
# the most words a line's label before its figure may have ("Confirmed cases in the United States: 1,490")
_LABEL_WORDS = 7


_FUNCTION_WORDS = frozenset(
    {"and", "or", "of", "the", "a", "an", "with", "in", "to", "for", "by", "on", "at"}
)


def _plural_label(cell: str) -> bool:
    """A table header's cell that names what its column counts: a plural ("Deaths", "Total Confirmed
    Cases"), no function word in it ("numbers and gates" is no label)."""
    words = cell.lower().split()
    return (cell.isalpha() or " " in cell) and cell.lower().endswith("s") and not _FUNCTION_WORDS & set(words)


_RATE_WORDS = frozenset({"rate", "ratio", "percent", "percentage"})


def _rate_label(cell: str) -> bool:
    """A header's cell of a rate's column ("Mortality rate(%)", "Case fatality rate", "%")."""
    last = re.sub(r"\(.*\)$", "", cell.split()[-1]).lower() if cell.split() else ""
    return "%" in cell or last in _RATE_WORDS


def _header_cells(words: list[str]) -> list[str]:
    """The cells of a table's header whose borders the stored page lost, its words single-spaced
    ("Country Deaths Total Confirmed Cases Mortality rate(%)"): a cell ends with its label's head, a
    plural, a rate's word or a bracket ("Total Confirmed Cases", "Mortality rate(%)"); the first word,
    the label of the rows' names ("Country"), is a cell of its own."""
    cells: list[str] = []
    cell: list[str] = []
    for i, w in enumerate(words):
        cell.append(w)
        head = re.sub(r"\(.*\)$", "", w).lower()
        if i == 0 or w.endswith(")") or (w.isalpha() and head.endswith("s")) or head in _RATE_WORDS:
            cells.append(" ".join(cell))
            cell = []
    if cell:
        cells.append(" ".join(cell))
    return cells


def _plural_noun(t: Token) -> bool:
    """A plural common noun: what a list of counts may count ("cases", "infections")."""
    return t.tag_ == "NNS" and t.pos_ == "NOUN"


def _of_object(noun: Token) -> Token | None:
    """The object of a total noun's *of* ("the number of dead": dead), None when it has none."""
    objs = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
    return next((c for c in objs if c.dep_ == "pobj"), None)


def _compound_end(obj: Token) -> int:
    """Where the noun phrase of a total's *of* object ends: at the object, or at the plural noun a
    participle or an adjective joins it to when the parser took a singular modifier for the object
    ("the total number of laboratory confirmed cases": cases, not laboratory)."""
    doc, j = obj.doc, obj.i + 1
    if obj.tag_ == "NN" and j + 1 < len(doc) and doc[j].tag_ in ("VBN", "JJ") and doc[j + 1].tag_ == "NNS":
        return j + 1
    return obj.i


def _as_mean_age(words: list[str]) -> int | None:
    """How many of the words after a number name it an age of a group ("as median age", "as the average
    age": "The age range of these cases is 2-58 years old, with 16 as median age"); None otherwise."""
    k = 1 if words[:1] == ["as"] else 0
    if not k:
        return None
    k += words[k : k + 1] == ["the"]
    if words[k : k + 1] in (["median"], ["average"], ["mean"]) and words[k + 1 : k + 2] == ["age"]:
        return k + 2
    return None


class _Reject(Exception):
    """Raised by a step of :meth:`_Reader.quantity`: the number is not a quantity."""


# the rest of a bracket on its line: no line break, no other bracket, then its close
_CLOSES = re.compile(r"[^\n()]*\)")
# what stands between a copula and the range of ages it gives ("are mostly between 25 and 45")
_AGE_ADVERBS = frozenset({"mostly", "mainly", "largely", "typically", "generally", "all", "usually"})
# the words that bound an age ("those infected are under 18", "most victims were over 60")
_AGE_BOUNDS = frozenset({"under", "over", "below", "above"})


def _modifies_later(t: Token) -> bool:
    """Whether a noun modifies a noun a few words on: a compound's first part ("swine flu deaths"), or a
    noun the parse makes an adjective of a plural noun ("four swine flu-related deaths": the tagger reads
    *swine* as a name)."""
    if t.dep_ == "compound":
        return t.i < t.head.i <= t.i + 2
    return t.dep_ == "amod" and t.i < t.head.i <= t.i + 4 and t.head.tag_ == "NNS"


def _subject_between(tok: Token, head: Token) -> bool:
    """Whether another subject of the verb stands between the number and it: a verb has one subject,
    and the parse that gives it two ("62 people were hospitalised, 12 of them in intensive care, and 3
    had died": 12 and 3) has the nearer one right; the first is no count of what the verb says."""
    return any(c.dep_ == "nsubj" and tok.i < c.i < head.i for c in head.children)


# the people whose ages a copula gives ("the dead", "those who died", "the victims")
_PERSONS_DIED = frozenset(
    {"dead", "died", "victims", "patients", "fatalities", "deceased", "killed", "infected"}
)


@dataclass(slots=True)
class _Draft:
    """A quantity being read: token bounds (``start``..``end`` inclusive, ``k`` the next token)."""

    num: _Number
    base: Decimal
    value: int | float
    kind: str = ""
    qualifier: str | None = None
    unit: str | None = None
    value_max: int | float | None = None
    counts: str | None = None
    between: bool = False
    paired: bool = False  # a member of a change ("by three to 78", "from 20 to seven") or a split
    start: int = 0
    end: int = 0
    k: int = 0

    def __post_init__(self) -> None:
        self.kind = {"ordinal": "ordinal", "plural": "count", "cardinal": "count"}[self.num.kind]
        self.qualifier = "at least" if self.num.kind == "plural" else None
        self.start, self.end = self.num.i, self.num.j


class _Reader:
    def __init__(self, doc: Doc, timexes: Sequence[Timex]) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.n = len(doc)
        self.lex: Lexicon = load_lexicon()
        self.words = self.lex.number_words
        self.scale_words = frozenset({*self.lex.hundred, *self.lex.scales, *self.lex.dozen})
        self.timexes = SpanSet((t.start, t.end) for t in timexes)
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        # quantities read so far: last token -> (first token, first token of the number)
        self.ends: dict[int, tuple[int, int]] = {}
        self.last_end = -1  # the last token of the last quantity read
        # (number, partner number) of a change: a number with no counts takes its partner's
        self.links: list[tuple[int, int]] = []
        self.bracketed: set[int] = set()  # numbers in brackets after a name in a list of counts
        # where each line starts, and the table a row's line is in (:meth:`_column_counts`), by line
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        self._rows: dict[int, tuple[list[int], list[str]] | None] = {}
        self._headers: dict[int, list[str] | None] = {}  # a row's line start -> its header's cells
        self._list_heads: dict[int, str | None] = {}  # a list line's start -> what its heading counts
        self._inline_heads: dict[int, str | None] = {}  # a list's colon -> what the words before it count
        self._sentence_marks: dict[int, tuple[list[int], list[int]]] = {}  # colons and verbs by sentence
        self.virus = self._virus_tokens()

    def _virus_tokens(self) -> frozenset[int]:
        """The tokens of a virus's code and the name before it ("influenza A/H1N1", "A(H1N1)", "H5N1"):
        the parse splits and tags them at random (*H1N1* as a verb, *A(H1N1* as a plural noun), but
        before a noun they name what it is of ("two more influenza A/H1N1 death cases")."""
        out: set[int] = set()
        for m in _VIRUS_CODE.finditer(self.text):
            # the tokens that start in the span (one bisect per span, not a scan per token)
            k = bisect_left(self.starts, m.start())
            while k < len(self.starts) and self.starts[k] < m.end():
                out.add(k)
                k += 1
        return frozenset(out)

    # ------------------------------------------------------------------ numbers
    def is_start(self, tok: Token) -> bool:
        low = tok.lower_
        if (
            tok.like_num
            or any(ch.isdigit() for ch in tok.text)
            or low in self.words
            or low in self.lex.ordinals
            or low in self.lex.plural_scales
        ):
            return True
        if self._half_a(tok.i):
            return self.is_start(self.doc[tok.i + 1])  # "half a dozen", "half a million"
        if self._half_hyphen(tok.i):
            return True  # "half-dozen", "half-million"
        if low in ("a", "an") and tok.i + 1 < self.n:
            nxt = self.doc[tok.i + 1].lower_
            return nxt in self.lex.hundred or nxt in self.lex.scales or nxt in self.lex.dozen
        return parse_ordinal(tok.text, self.lex) is not None

    def read(self, i: int) -> _Number | None:
        doc, lex = self.doc, self.lex
        tok = doc[i]
        low = tok.lower_
        if any(ch.isdigit() for ch in tok.text):
            return self._read_digits(i)
        if low in lex.plural_scales:
            j = i
            value = Decimal(lex.plural_scales[low])
            # "tens of thousands", "hundreds of millions": each larger scale after "of" multiplies
            while (
                j + 2 < self.n
                and doc[j + 1].lower_ == "of"
                and lex.plural_scales.get(doc[j + 2].lower_, 0) > lex.plural_scales[doc[j].lower_]
                and lex.plural_scales[doc[j + 2].lower_] >= 1000
            ):
                j += 2
                value *= lex.plural_scales[doc[j].lower_]
            if low == "tens" and j == i:
                return None  # "tens of people" is rare and vague: only "tens of thousands" etc.
            return _Number(i, j, value, "plural", False)
        if low in lex.ordinals:
            return _Number(i, i, Decimal(lex.ordinals[low]), "ordinal", False)
        return self._read_words(i)

    def _read_digits(self, i: int) -> _Number | None:
        """A number written with digits ("1,700", "2.5", "3rd"), with a scale word after it."""
        doc, lex = self.doc, self.lex
        tok = doc[i]
        if not self._chunk_ok(tok):
            return None
        ordinal = parse_ordinal(tok.text, lex)
        if ordinal is not None:
            return _Number(i, i, Decimal(ordinal), "ordinal", True)
        paren = tok.text.endswith(")") and i > 0 and doc[i - 1].text == "("
        value = parse_numeral(tok.text[:-1] if paren else tok.text, lex)
        if value is None:
            return None
        if paren:
            return _Number(i, i, value, "cardinal", True, paren=True)
        j = i
        groups = self._space_grouped(i)
        for _ in range(groups):
            j += 1  # "now stands at 2 844": a space between groups of digits (SI style)
            value = value * 1000 + int(doc[j].text)
        if not groups and self._comma_spaced(i):
            j += 2  # "more than 25, 000 new cases": a space typed after the thousands comma
            value = value * 1000 + int(doc[j].text)
        if j + 1 < self.n and doc[j + 1].lower_ in lex.scales:
            j += 1
            value *= lex.scales[doc[j].lower_]
        elif self._split_suffix(i):
            j += 1
            value *= lex.suffixes[doc[j].lower_.removesuffix(".")]
        return _Number(i, j, value, "cardinal", True)

    def _space_grouped(self, i: int) -> int:
        """ "The total number of confirmed cases ... now stands at 2 844": one to three digits, then
        groups of three digits each after one space, are one number with its thousands set apart by
        spaces (SI style: "3 414 040 registered cases"), when no other group of digits stands before or
        after them (a phone number: "0370 60 60 900"). The number of groups after the first (0: none)."""
        doc = self.doc
        if i + 1 >= self.n or doc[i].whitespace_ != " " or not _GROUP_HEAD.fullmatch(doc[i].text):
            return 0
        if not _GROUP.fullmatch(doc[i + 1].text):
            return 0
        if i > 0 and doc[i - 1].text[-1:].isdigit():
            return 0
        if self.in_timex(doc[i].idx, doc[i].idx + len(doc[i].text)):
            return 0  # "On June 11 100 new cases": the day of a date, then a count
        if self._column_counts(i) is not None:
            return 0  # a table's row: "Canada 214 100", two columns
        k = i + 1
        while k + 1 < self.n and doc[k].whitespace_ == " " and _GROUP.fullmatch(doc[k + 1].text):
            k += 1
        if k + 1 < self.n and doc[k].whitespace_ and doc[k + 1].text[:1].isdigit():
            return 0
        if k - i >= 2 and not (k + 1 < self.n and doc[k].whitespace_ == " " and doc[k + 1].is_alpha):
            # three groups or more: only before a word of the same line ("3 414 040 registered cases"),
            # not a table's row of three columns ("Canada 112 420 300")
            return 0
        return k - i

    def _comma_spaced(self, i: int) -> bool:
        """ "more than 25, 000 new cases": one to three digits, a comma, one space and three digits that
        begin with a zero are one number whose thousands comma a space was typed after (no number of a
        list is written with a leading zero), when no group of digits stands before it."""
        doc = self.doc
        if i + 2 >= self.n or not _GROUP_HEAD.fullmatch(doc[i].text) or doc[i].whitespace_:
            return False
        if doc[i + 1].text != "," or doc[i + 1].whitespace_ != " ":
            return False
        if not (_GROUP.fullmatch(doc[i + 2].text) and doc[i + 2].text.startswith("0")):
            return False
        return not (i > 0 and doc[i - 1].text[-1:].isdigit())

    def _split_suffix(self, i: int) -> bool:
        """A scale suffix the tokenizer split from the digits at ``i`` ("$100m", "£6m)": ``$ 100 m``) or
        that the text writes apart ("$8.9 bn", "£6.15 m"). *bn* and *mn* are scales wherever they stand
        after digits; *m*, *b*, *k* after a currency sign ("$100m" is a hundred million dollars), or
        attached to the digits before a plural noun or a currency word ("50m people", "12m doses",
        "5m euros": metres measure no plural count, but name a race, "the 100m hurdles"); a bare "100m"
        may be metres ("170m long")."""
        doc, lex = self.doc, self.lex
        if i + 1 >= self.n:
            return False
        # "to £20m." is read "£" + "20" + "m.": the full stop is the sentence's
        suffix = doc[i + 1].lower_.removesuffix(".")
        # written apart, a capital is a name's ("£50 M Street"); attached it is the suffix ("$5M")
        if suffix not in lex.suffixes or (doc[i].whitespace_ and doc[i + 1].text[:1].isupper()):
            return False
        money = i > 0 and doc[i - 1].text in lex.currency_before
        if suffix in ("bn", "mn"):
            return True
        if not doc[i].whitespace_ and i + 2 < self.n and doc[i + 1].whitespace_:
            after = doc[i + 2]
            if after.lower_ in lex.currency_after or (
                after.tag_ in ("NNS", "NNPS") and after.lower_ not in _RACES
            ):
                return True
        return money and (not doc[i].whitespace_ or suffix == "m")

    def _read_words(self, i: int) -> _Number | None:
        """A number spelled out ("twenty-two", "a hundred and five")."""
        doc, lex = self.doc, self.lex
        words: list[str] = []
        half = self._half_a(i)  # "half a dozen": half of the number the article starts
        first = i + 1 if half else i
        hyphened = self._half_hyphen(i)
        if hyphened:  # "half-dozen", "a half-million": half of the word after the hyphen
            half, first = True, i + 2
        j = first
        k = first
        while k < self.n:
            t = doc[k]
            w = t.lower_
            if k == first and w in ("a", "an"):
                words.append("one")
            elif w in self.words:
                words.append(w)
            elif (
                w in _DASHES
                and words
                and not doc[k - 1].whitespace_
                and not t.whitespace_
                and k + 1 < self.n
                and doc[k + 1].lower_ in self.words
            ) or (
                w == "and"
                and words
                and words[-1] in (*lex.hundred, *lex.scales)
                and k + 1 < self.n
                and (doc[k + 1].lower_ in lex.units or doc[k + 1].lower_ in lex.tens)
            ):
                k += 1
                continue
            else:
                break
            j = k
            k += 1
        if not words:
            return None
        if hyphened and words[0] in lex.scales:
            words.insert(0, "one")  # "a half-million": half of one million
        if words[0] in lex.scales or words[0] in lex.hundred:
            # "several hundred", "hundred guests": a vague or clipped number, no value
            return _Number(i, j, None, "cardinal", False)
        # an ill-formed run ("twenty-two hundred thousand million") is skipped whole, not re-read
        value = parse_words(words, lex)
        if half and value is not None:
            value = value / 2 if value % 2 else value // 2
        return _Number(i, self._restated(j, value), value, "cardinal", False)

    def _restated(self, j: int, value: Decimal | None) -> int:
        """The last token of a number spelled out and restated in digits in brackets, as official copy
        writes it ("five (5) new cases", "twenty-one (21)"): one number; else ``j``."""
        doc = self.doc
        if value is None or j + 2 >= self.n or doc[j + 1].text != "(":
            return j
        digits = doc[j + 2].text.removesuffix(")")
        if not digits.isdigit() or Decimal(digits) != value:
            return j
        if doc[j + 2].text.endswith(")"):
            return j + 2  # spaCy reads "(5)" as "(" + "5)"
        return j + 3 if j + 3 < self.n and doc[j + 3].text == ")" else j

    def _half_a(self, i: int) -> bool:
        """Whether token ``i`` is *half* before an indefinite article ("half a dozen", "half a million")."""
        return self.doc[i].lower_ == "half" and i + 1 < self.n and self.doc[i + 1].lower_ in ("a", "an")

    def _half_hyphen(self, i: int) -> bool:
        """Whether token ``i`` is *half* joined by a hyphen to *dozen* or a scale ("a half-dozen other
        countries": six, not a dozen)."""
        doc = self.doc
        return (
            doc[i].lower_ == "half"
            and i + 2 < self.n
            and doc[i + 1].text in _DASHES
            and not doc[i].whitespace_
            and not doc[i + 1].whitespace_
            and (doc[i + 2].lower_ in self.lex.dozen or doc[i + 2].lower_ in self.lex.scales)
        )

    def _chunk_ok(self, tok: Token) -> bool:
        text = self.text
        a = tok.idx
        b = a + len(tok.text)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        chunk = text[a:b].lstrip(_STRIP_LEFT).rstrip(_STRIP_RIGHT)
        if a < tok.idx:
            chunk = _GLUED.sub("", chunk)
        # a possessive or a closing quote glued on ("Trump’s 20-point") is not part of the number
        return bool(_CHUNK.match(chunk)) and not _PHONE.match(chunk)

    # ------------------------------------------------------------------ guards
    def in_timex(self, a: int, b: int) -> bool:
        return self.timexes.overlaps(a, b)

    def _prev_word(self, i: int, skip: tuple[str, ...] = ()) -> Token | None:
        k = i - 1
        while k >= 0 and (self.doc[k].is_space or self.doc[k].lower_ in skip):
            k -= 1
        return self.doc[k] if k >= 0 else None

    def _next_word(self, j: int, skip: tuple[str, ...] = ()) -> Token | None:
        k = j + 1
        while k < self.n and (self.doc[k].is_space or self.doc[k].lower_ in skip):
            k += 1
        return self.doc[k] if k < self.n else None

    def _is_month(self, tok: Token | None) -> bool:
        return tok is not None and tok.text[:1].isupper() and tok.lower_.rstrip(".") in self.lex.months

    def skip_number(self, num: _Number) -> bool:
        doc = self.doc
        first, last = doc[num.i], doc[num.j]
        a, b = first.idx, last.idx + len(last.text)
        if self.in_timex(a, b):
            return True
        prev = self._prev_word(num.i)
        nxt = self._next_word(num.j)
        if prev is not None and prev.lower_ == "every" and prev.i > 0 and doc[prev.i - 1].lower_ == "in":
            prev = self._prev_word(prev.i)  # "one in every 37": the denominator after *in every*
        if prev is not None and prev.lower_ in ("of", "in", "out") and prev.i > 0:
            numerator = self._prev_word(prev.i, ("out",))
            if (
                numerator is not None
                and (numerator.like_num or numerator.lower_ in self.words)
                and (prev.lower_ != "of" or doc[prev.i - 1].lower_ == "out" or _ratio_base(num.value))
            ):
                return True  # the denominator of a ratio: "eight of 10 voters", "one in five"
        if self._numerator(num):
            return True  # the numerator of a ratio: "1 in 6 Americans", "one in five"
        if self._is_month(self._prev_word(num.i, ("the",))) or self._is_month(
            self._next_word(num.j, ("of",))
        ):
            return True
        if self._day_after_comma(num, prev, nxt):
            return True
        return num.digits and self._skip_digits(num, prev, nxt, a, b)

    def _day_after_comma(self, num: _Number, prev: Token | None, nxt: Token | None) -> bool:
        """ "597 deaths in Ukraine until December, 24.", "since October, 29": a day written after its month
        and a comma, the month the object of a preposition of time, the number ending its phrase (not "In
        December, 24 people died": a count of the noun after it)."""
        if prev is None or prev.text != "," or num.value is None or not 1 <= num.value <= 31:
            return False
        month = self._prev_word(prev.i)
        if month is None or month.i == 0 or not self._is_month(month):
            return False
        if self.doc[month.i - 1].lower_ not in ("until", "till", "since", "by", "on", "from", "through"):
            return False
        return nxt is None or nxt.is_punct

    def _numerator(self, num: _Number) -> bool:
        """Whether ``num`` is the numerator of a ratio: *in* (or *in every*) and a larger number after
        it ("1 in 6 Americans", "one in five", "one in every 37"); not "13,400 in 48 countries" (a count
        and where it is), "5 in 2008" (a year), nor "257 out of 421 infected" (a part of a whole)."""
        doc = self.doc
        k = num.j + 1
        if num.value is None or k + 1 >= self.n or doc[k].lower_ != "in":
            return False
        if doc[k + 1].lower_ == "every" and k + 2 < self.n:
            k += 1  # "one in every 37 cases"
        den = self.read(k + 1) if self.is_start(doc[k + 1]) else None
        if den is None or den.value is None or den.kind != "cardinal":
            return False
        year = doc[k + 1].text.isdigit() and len(doc[k + 1].text) == 4
        return not year and den.value > num.value

    def _after_day(self, prev: Token, first: Token) -> bool:
        """Whether a whole number follows the day of a date ("On June 11 100 new cases"), not its year
        ("Tuesday 5 May 2009 11.25 BST": a time)."""
        day = prev.text.isdigit() and len(prev.text) <= 2
        whole = first.text.replace(",", "").isdigit()
        return day and whole and self.in_timex(prev.idx, prev.idx + len(prev.text))

    def _skip_digits(self, num: _Number, prev: Token | None, nxt: Token | None, a: int, b: int) -> bool:
        """Digits that are no quantity: list numbering, identifiers, phone-like runs, leading zeros."""
        lex, text, first = self.lex, self.text, self.doc[num.i]
        line_start = text.rfind("\n", 0, a) + 1
        before = text[line_start:a].strip()
        # list numbering: "1." / "2)" / "(2)" at the start of a line, "(2)" anywhere but after a name
        # in a list of counts ("cases in Mexico (1,626) and Britain (39)": values)
        closed = num.paren or (nxt is not None and nxt.text == ")")
        if before in ("", "(") and (
            num.paren or (nxt is not None and nxt.text in (".", ")") and nxt.idx == b)
        ):
            return True
        # (or the first of a bracket that goes on after a comma: "Texas (41, with one confirmed death)")
        if prev is not None and prev.text == "(" and (closed or self._goes_on(nxt, b)) and num.i == num.j:
            if not self._bracketed_value(prev):
                return True
            self.bracketed.add(num.i)
            return False
        if (
            prev is not None
            and prev.text not in lex.currency_before
            and (
                self._identifier_word(prev)
                or (
                    prev.pos_ == "PROPN"
                    and prev.text[:1].isupper()
                    and prev.lower_ not in _WEEKDAYS  # "confirmed Sunday 106 more cases": no name
                    and prev.idx + len(prev.text) + 1 == a
                    and not self.title_line(num.i)
                    and not self._gapped_item(num.i)
                    and not self._after_locative(num.i)  # or after a country opening its line
                    and self._column_counts(num.i) is None  # a table's row: "Mexico 2,059 56"
                    and self._heading_counts(num.i) is None  # a list's line: "Austria 1"
                    and self._inline_counts(num.i) is None  # "...: Mexico 1,112, United States 896"
                )
            )
        ):
            return True
        if self._in_number_run(prev, nxt, first):
            return True
        return first.text.startswith("0") and len(first.text) > 1 and "." not in first.text

    def _identifier_word(self, t: Token) -> bool:
        """Whether ``t`` before digits makes them an identifier ("No. 10", "number 10", "page 3"); not
        *number* as a verb (:meth:`_verb_number`)."""
        return t.lower_ in self.lex.identifier_before and not self._verb_number(t)

    def _verb_number(self, t: Token) -> bool:
        """Whether *number* before a figure is the verb ("Worldwide deaths now number 65", "the dead
        number 150,000"), not an identifier's noun ("at number 10", "Number 10"): lowercase, after a
        plural noun, a noun of the dead or an adverb of time (the tagger reads it as either)."""
        if t.text != "number" or t.i == 0:
            return False
        before = self.doc[t.i - 1]
        return before.tag_ in ("NNS", "NNPS") or before.lower_ in _BEFORE_VERB_NUMBER

    def _in_number_run(self, prev: Token | None, nxt: Token | None, first: Token) -> bool:
        """A run of bare numbers ("202 555 0100") is an identifier; not a count after the day of a date
        ("On June 11 100 new cases"), nor one whose neighbour stands on another line."""
        if self._column_counts(first.i) is not None:
            return False  # a table's row: "Mexico 2,059 56" under "Country Cases Deaths"
        for other in (prev, nxt):
            if other is prev and other is not None and self._after_day(other, first):
                continue
            if other is not None and self._across_lines(first, other):
                continue  # "... flu cases rise to 320\n\n2009-07-16": a headline, then a date line
            if other is not None and other.like_num and other.text.isdigit() and not other.is_punct:
                return True
        return False

    def _across_lines(self, a: Token, b: Token) -> bool:
        """Whether a line break stands between two tokens: a run of numbers is written on one line."""
        lo, hi = (a, b) if a.i < b.i else (b, a)
        return "\n" in self.text[lo.idx + len(lo.text) : hi.idx]

    def title_line(self, i: int) -> bool:
        """Whether token ``i`` stands in a title-cased line, where a capital says nothing of a name."""
        return title_cased_line(self.text, self.doc[i].idx)

    def _elliptical(self, d: _Draft) -> bool:
        """ "seven new deaths, with six more in Mexico and one in the United States", "10 people died,
        including three in Texas": a number word right before the name of the place it is in (*more*
        between), after another quantity of its sentence, counts what that one counts; its noun is left
        out, not a pronoun ("the two in the car", "one in five", "one in Geneva said" are none). Only
        after a comma, a conjunction or a word that opens a part (`_ELLIPSIS_BEFORE`)."""
        doc, num = self.doc, d.num
        prev = self._prev_word(num.i)
        # "has killed at least 60 people in Mexico and infected seven in the United States": the verb
        # of a gapped object (the people left out) after another quantity
        if prev is None or (prev.lower_ not in _ELLIPSIS_BEFORE and prev.lemma_.lower() not in _TOLL_VERBS):
            return False
        k = num.j + 1
        if k < self.n and doc[k].lower_ == "more":
            k += 1
        if k + 1 >= self.n or doc[k].lower_ not in _LOCATIVE:
            return False
        name = doc[k + 2] if doc[k + 1].lower_ == "the" and k + 2 < self.n else doc[k + 1]
        if not name.text[:1].isupper() or name.like_num:
            return False
        return doc[num.i].sent.start <= self.last_end < num.i

    def _gapped_item(self, i: int) -> bool:
        """ "Spain has 95 cases, Britain 47, Panama 15, ... Italy nine", "Canada with 34, Britain with
        eight": a number right after a country's name (the knowledge base's, NER's label aside: it reads
        "Chile 47" as a facility), or after the name and *with*, that opens an item of a list (after a
        comma or *and*), its verb and noun left out, after a quantity of its sentence: it counts what that
        one counts (not "Flight 93", "Apollo 11")."""
        doc = self.doc
        # ("..., Spain with 13, Britain with eight": *with* may join the name to its number)
        j = i - 1 if i > 0 and doc[i - 1].lower_ == "with" else i
        # ("Mexico has 1,626 cases, the United States 896": the name's article opens the item)
        k = self._country_before(j, with_article=True)
        if k is None or k == 0 or doc[k - 1].lower_ not in (",", "and"):
            return False
        return doc[i].sent.start <= self.last_end < k

    def _country_before(self, i: int, with_article: bool = False) -> int | None:
        """The first token of a country's name (the knowledge base's, up to three capitalised words)
        that ends right before token ``i`` (``with_article``: its *the*, when written); None when there
        is none."""
        doc = self.doc
        names = _country_names()
        found = None
        for k in range(i - 1, max(-1, i - 4), -1):
            if not doc[k].text[:1].isupper():
                break
            if fold(doc[k:i].text) in names:
                found = k  # the longest name: "Great Britain", not "Britain"
        if found is None:
            return None
        return found - 1 if with_article and found > 0 and doc[found - 1].lower_ == "the" else found

    def _line_head_country(self, i: int) -> bool:
        """ "Mexico 152 suspected deaths from swine flu, of which 20 were confirmed", "US 50 confirmed
        cases, including 28 pupils": a number right after a country's name that opens its line, a word
        of the line after it, is a fact box's figure of that country, no name ("Route 66")."""
        doc = self.doc
        k = self._country_before(i)
        if k is None or i + 1 >= len(doc):
            return False
        start = doc[k].idx
        opens = not self.text[self.text.rfind("\n", 0, start) + 1 : start].strip()
        nxt = doc[i + 1]
        on_line = "\n" not in self.text[doc[i].idx : nxt.idx]
        return opens and on_line and nxt.text[:1].islower() and nxt.is_alpha

    def _after_locative(self, i: int) -> bool:
        """ "In the United States 127 deaths have been reported": a number right after a country's name
        that is the object of a locative preposition (*in*, *at*, *from*, *among*, *across*; *the*
        between) opens the clause the phrase is fronted to, its comma left out; so does one that opens
        its line (:meth:`_line_head_country`); a country and a number make no name ("Flight 93", "Apollo
        11", "in Ward 8" still are one)."""
        j = self._country_before(i, with_article=True)
        return (j is not None and j > 0 and self.doc[j - 1].lower_ in _LOCATIVE) or self._line_head_country(i)

    def _elliptical_more(self, d: _Draft) -> bool:
        """ "Britain's confirmed cases rose to 39 after five more were confirmed": a number word with
        *more* after it (or *another* / *a further* before it: "after a further two were confirmed") and no
        noun after that (a verb, a preposition or the clause's end), after another quantity of its
        sentence, counts more of what that one counts; it is no pronoun."""
        doc, num = self.doc, d.num
        k = num.j + 1
        prev = self._prev_word(num.i)
        if k < self.n and doc[k].lower_ == "more":
            k += 1
        elif prev is None or prev.lower_ not in ("another", "further"):
            return False
        after = doc[k] if k < self.n else None
        if after is not None and after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
            return False
        return doc[num.i].sent.start <= self.last_end < num.i

    def _distributive(self, d: _Draft) -> bool:
        """ "South Korea, Netherlands and Colombia have three each", "one each in Canada and Costa
        Rica": a number word before a floated *each* gives that many to each member of a set, its noun
        left out; it is a count, not a pronoun (not "the two each took one", nor "each year", "each
        other", "each of")."""
        nxt = self._next_word(d.num.j)
        if nxt is None or nxt.lower_ != "each":
            return False
        after = self._next_word(nxt.i)
        if after is not None and after.lower_ in _EACH_NOT:
            return False
        prev = self._prev_word(d.num.i)
        return prev is None or prev.lower_ not in _EACH_NOT_AFTER

    def _goes_on(self, nxt: Token | None, pos: int) -> bool:
        """Whether a comma follows the number and its bracket, open at ``pos``, closes on its line, a
        bounded way on, before another opens."""
        return nxt is not None and nxt.text == "," and _CLOSES.match(self.text, pos, pos + 200) is not None

    def _bracketed_value(self, lparen: Token) -> bool:
        """ "Mexico (1,626)", "Britain (39)": a number in brackets right after a name on the same line
        is a value (an item marker stands first in its line or item: "(2) withdraw"; after a common
        noun it is a label: "the hospital (1)")."""
        if lparen.i == 0:
            return False
        owner = self.doc[lparen.i - 1]
        if owner.pos_ != "PROPN" or owner.lower_ in self.lex.identifier_before:
            return False
        return "\n" not in self.text[owner.idx : lparen.idx]

    def _list_head(self, owner: Token) -> Token:
        """The head of the list a name stands in: up its conjuncts, appositions and compounds, or the
        plural count noun the list stands in apposition to ("the following infections: Israel (7)")."""
        t = owner
        for _ in range(60):
            if t.dep_ not in ("conj", "appos", "compound") or t.head.i == t.i:
                break
            if t.dep_ == "appos" and _plural_noun(t.head):
                return t.head
            t = t.head
        return t

    @staticmethod
    def _with_object(verb: Token) -> Token | None:
        """ "countries with confirmed cases are Argentina (1)", "countries with cases [that] include
        Spain (93)": the object of *with* on the subject of the verb the list completes (or on the
        noun the verb qualifies)."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN":
            subjects.append(verb.head)
        objs = _with_objects(subjects)
        return objs[0] if objs else None

    def _list_noun(self, head: Token, owner: Token) -> Token | None:
        """The word the list's head links it to: the plural noun itself, when it stands before the
        name; the noun of the preposition the list hangs on ("confirmed cases in Mexico (1,626)");
        the *with* object of a verb the list is the attribute or object of."""
        if _plural_noun(head) and head.i < owner.i:
            return head
        if head.dep_ == "pobj" and head.head.lower_ in ("in", "from", "among", "across", "at"):
            return head.head.head
        if head.dep_ in ("attr", "dobj") and head.head.pos_ in ("VERB", "AUX"):
            return self._with_object(head.head)
        return None

    def _count_phrase(self, noun: Token) -> str:
        """The words of a count noun's phrase: its adjectives and compounds before it, less the count
        modifiers and list words that open it ("the following confirmed infections")."""
        first = noun.i
        while (
            first > 0
            and self.doc[first - 1].dep_ in ("amod", "compound")
            and self.doc[first - 1].head.i == noun.i
        ):
            first -= 1
        while first < noun.i and (
            self.doc[first].lower_ in self.lex.counts_modifiers or self.doc[first].lower_ in _LIST_WORDS
        ):
            first += 1
        return self.doc[first : noun.i + 1].text

    def _shared_noun(self, num: _Number) -> str | None:
        """ "12 suspected and 5 confirmed cases", "two probable or three confirmed deaths": a number with
        its own modifier (adjectives, participles), then *and*, *or* or a comma, then a number whose
        noun phrase ends in a plural noun, shares that noun: it counts its modifier and the noun."""
        doc, k = self.doc, num.j + 1
        mods = k
        while mods < self.n and mods - k < 2 and (doc[mods].pos_ == "ADJ" or doc[mods].tag_ == "VBN"):
            mods += 1
        if mods == k or mods + 1 >= self.n or doc[mods].lower_ not in ("and", "or", ","):
            return None
        other = mods + 1
        if not doc[other].like_num or other + 1 >= self.n:
            return None
        np = self.counted(other + 1, _Number(other, other, Decimal(0), "cardinal", True))
        if np is None or not _plural_noun(doc[np[1]]) or doc[np[0]].pos_ not in ("ADJ", "VERB"):
            return None  # the other's noun must have a modifier of its own: "5 confirmed cases"
        return f"{doc[k:mods].text} {doc[np[1]].text}"

    def _label_counts(self, i: int) -> str | None:
        """ "Deaths: 72", "Confirmed cases in Britain: 339", "Cases worldwide: 8,480": a figure after a
        colon that ends a line's label counts the label's plural noun (the label opens its line or
        sentence: a noun phrase of at most six words, a place's or a span's words after its noun; a
        place's name alone heads a list line instead: "Peru: 3 cases")."""
        doc = self.doc
        if i < 2 or doc[i - 1].text != ":":
            return None
        first = i - 1
        while first > 0 and i - first <= _LABEL_WORDS:
            t = doc[first - 1]
            if t.is_space or "\n" in t.whitespace_ or t.is_sent_end or t.is_punct:
                break
            first -= 1
        else:
            if first > 0:
                return None  # a longer run than a label: a sentence's clause before its colon
        label = doc[first : i - 1]
        # the noun phrase ends where a place's or a span's words start ("in Britain", "worldwide")
        after = next((t for t in label if t.pos_ == "ADP" or t.pos_ == "ADV"), None)
        head = label[: (after.i - first) if after is not None else len(label)]
        if not len(head) or not _plural_noun(head[-1]):
            return None
        if any(t.pos_ not in ("ADJ", "NOUN", "VERB") or t.ent_type_ for t in head):
            return None
        return head.text

    def _column_counts(self, i: int) -> str | None:
        """ "Country Cases Deaths" then "Mexico 2,059 56": a figure of a table's row (a name, then only
        figures) counts the heading of its column, the header being the nearest line above with no
        figure, whose cells after the rows' names are as many as the row's figures, each a plural."""
        at = self.doc[i].idx
        k = bisect_right(self._line_starts, at) - 1
        a = self._line_starts[k]
        if a not in self._rows:
            self._rows[a] = self._table_row(k)
        row = self._rows[a]
        if row is None or at not in row[0]:
            return None
        return row[1][row[0].index(at)]

    def _line(self, k: int) -> str:
        """The text of line ``k`` (no line break)."""
        end = self._line_starts[k + 1] - 1 if k + 1 < len(self._line_starts) else len(self.text)
        return self.text[self._line_starts[k] : end]

    def _table_row(self, k: int) -> tuple[list[int], list[str]] | None:
        """The figures' offsets of line ``k`` and their columns' headings, when it is a table's row."""
        line = self._line(k)
        row = _TABLE_ROW.fullmatch(line) if len(line) <= _TABLE_LINE else None
        if row is None:
            return None
        a = self._line_starts[k]
        figures = [a + m.start() for m in _FIGURE.finditer(line, row.end("name"))]
        cells = self._headers[a] = self._header_above(k)
        n = len(figures)
        cols = cells[len(cells) - n :] if cells and len(cells) in (n, n + 1) else []
        if cols and all(_plural_label(c) or _rate_label(c) for c in cols) and any(map(_plural_label, cols)):
            # a rate's column counts its rate ("Mortality rate(%)": "Mortality rate"), no case or death
            return figures, [re.sub(r"\s*\([^()]*\)$", "", c) or c for c in cols]
        return None

    def _heading_counts(self, i: int) -> str | None:
        """ "The following countries have reported laboratory confirmed cases with no deaths:" then
        "Austria 1", "Canada 165": the figure of a list's line (a name, then one figure) counts what
        the list's heading names, the nearest line above that is none of its lines and ends with a
        colon: its first plural noun that is no noun of places and not denied ("with no deaths"), with
        its modifiers. Only a list of two lines or more."""
        at = self.doc[i].idx
        k = bisect_right(self._line_starts, at) - 1
        a = self._line_starts[k]
        line = self._line(k)
        m = _LIST_LINE.fullmatch(line) if len(line) <= _TABLE_LINE else None
        if m is None or a + max(m.start("fig"), m.start("bfig")) != at:
            return None
        if a not in self._list_heads:
            self._list_heads[a] = self._list_heading(k)
        return self._list_heads[a]

    def _inline_counts(self, i: int) -> str | None:
        """ "Countries with confirmed cases: Mexico 1,112, United States 896, Canada 214": a number right
        after a country's name that opens an item of a list after a colon (the colon, a comma, a
        semicolon or *and* before the name; no verb between the colon and it) counts what the words
        before the colon name (:meth:`_colon_heading`), when the list has two items or more."""
        doc = self.doc
        k = self._country_before(i)
        if k is None or k == 0 or doc[k - 1].text not in (":", ",", ";", "and"):
            return None
        sent = doc[i].sent
        colons, verbs = self._marks(sent.start, sent.end)
        c = bisect_left(colons, k) - 1
        if c < 0:
            return None
        colon = colons[c]
        v = bisect_right(verbs, colon)
        if v < len(verbs) and verbs[v] < k:
            return None  # a verb between the colon and the item: a clause, no list
        if colon not in self._inline_heads:
            items = sum(
                1 for t in doc[colon + 1 : sent.end] if t.like_num and self._country_before(t.i) is not None
            )
            self._inline_heads[colon] = self._colon_heading(sent.start, colon) if items >= 2 else None
        return self._inline_heads[colon]

    def _marks(self, a: int, b: int) -> tuple[list[int], list[int]]:
        """The colons and the verbs of the sentence of tokens ``[a, b)``, in order (read once)."""
        if a not in self._sentence_marks:
            toks = self.doc[a:b]
            self._sentence_marks[a] = (
                [t.i for t in toks if t.text == ":"],
                [t.i for t in toks if t.pos_ in ("VERB", "AUX")],
            )
        return self._sentence_marks[a]

    def _colon_heading(self, a: int, colon: int) -> str | None:
        """What the words from token ``a`` to a colon name: their first plural noun that is no noun of
        places and not denied, with its modifiers (:meth:`_heading_phrase`)."""
        for t in self.doc[a:colon]:
            if not _plural_noun(t) or t.lemma_.lower() in _PLACE_KINDS:
                continue
            if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
                continue
            return self._heading_phrase(t)
        return None

    def _list_line_near(self, k: int, step: int) -> bool:
        """Whether the nearest line that is not blank, up (``step`` -1) or down (1) from line ``k``, at
        most three lines off, is a list's line."""
        for d in range(1, 4):
            j = k + step * d
            if not 0 <= j < len(self._line_starts):
                return False
            if self._line(j).strip():
                return self._list_line(j)
        return False

    def _list_line(self, k: int) -> bool:
        line = self._line(k)
        return len(line) <= _TABLE_LINE and _LIST_LINE.fullmatch(line) is not None

    def _list_heading(self, k: int) -> str | None:
        """What the heading of the list whose line ``k`` is counts (:meth:`_heading_counts`)."""
        lines = 1 + sum(1 for d in (-1, 1) if self._list_line_near(k, d))
        up = k - 1
        while up >= 0 and k - up <= _TABLE_ROWS and (not self._line(up).strip() or self._list_line(up)):
            up -= 1
        if up < 0 or k - up > _TABLE_ROWS or lines < 2:
            return None
        head = self._line(up)
        if len(head) > _TABLE_LINE or not head.rstrip().endswith(":"):
            return None
        a = self._line_starts[up]
        span = self.doc.char_span(a, a + len(head.rstrip()), alignment_mode="expand")
        if span is None or not len(span):
            return None
        # the heading is the sentence the colon ends ("As of 6 May, 22 countries have reported 1,893
        # cases. The following countries have reported laboratory confirmed cases with no deaths:")
        sent = span[-1].sent
        return self._colon_heading(max(span.start, sent.start), span.end)

    def _heading_phrase(self, noun: Token) -> str:
        """A heading's count noun with the modifiers right before it, read by their words (a heading's
        parse is often a clause's: "have reported laboratory confirmed cases"): adjectives, nouns and
        participles, not one after an auxiliary (the heading's verb), at most three."""
        doc, first = self.doc, noun.i
        while noun.i - first < 3 and first > 0:
            t = doc[first - 1]
            verb = t.tag_ == "VBN" and not (first > 1 and doc[first - 2].lemma_.lower() in ("have", "be"))
            if not (t.pos_ in ("ADJ", "NOUN", "PROPN") or verb) or t.lower_ in _LIST_WORDS:
                break
            if t.lower_ in self.lex.counts_modifiers:
                break
            first -= 1
        return doc[first : noun.i + 1].text

    def _header_above(self, k: int) -> list[str] | None:
        """The cells of the nearest line above row ``k`` that is no row and has no figure (blank lines
        between skipped), at most :data:`_TABLE_ROWS` lines up; a row above already read gives its own
        header (a table's rows share one: read once)."""
        for up in range(k - 1, max(-1, k - 1 - _TABLE_ROWS), -1):
            start = self._line_starts[up]
            if start in self._headers:
                return self._headers[start]
            line = self._line(up)
            if not line.strip() or (len(line) <= _TABLE_LINE and _TABLE_ROW.fullmatch(line)):
                continue  # another row, or a blank line between
            if len(line) > _TABLE_LINE or any(ch.isdigit() for ch in line):
                return None
            cells = [c for c in re.split(r"\t| {2,}", line.strip()) if c]
            return _header_cells(line.split()) if len(cells) == 1 else cells
        return None

    def _list_counts(self, owner: Token) -> str | None:
        """What a bracketed figure after a name counts: the count noun of its list, when the parse
        links the list to it: "confirmed cases in Mexico (1,626), ..." / "countries with confirmed
        cases are Argentina (1), ..." / "countries with cases include Spain (93), ..." / "the following
        infections: Israel (7), ..." """
        noun = self._list_noun(self._list_head(owner), owner)
        if noun is not None and noun.lemma_.lower() in _PLACE_KINDS:
            noun = self._counted_in_places(noun)
        elif noun is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            noun = self._not_denied(noun)
        if noun is None or not _plural_noun(noun) or noun.i >= owner.i:
            return None
        if any(c.dep_ in ("acl", "relcl") for c in noun.children):
            return None  # "cases confirmed in WHO laboratories": more than a noun phrase says what it counts
        return self._count_phrase(noun)

    def _counted_in_places(self, places: Token) -> Token | None:
        """ "The following countries have reported laboratory confirmed cases with no deaths: Austria
        (1), Canada (165)": a list of places (countries, states) names the places; the figures count
        what the places have, the object of the verb they are the subject of, or the noun after
        *with* ("countries with confirmed cases: ...")."""
        objs = _with_objects([places])
        if places.dep_ in ("nsubj", "nsubjpass"):
            objs += [c for c in places.head.children if c.dep_ == "dobj"]
        return next((o for o in objs if _plural_noun(o)), None)

    @staticmethod
    def _not_denied(noun: Token) -> Token | None:
        """ "... have reported laboratory confirmed cases with no deaths – Austria (1), Canada (165)": a
        noun after *no* counts nothing, so a list is never its items (whatever the parse hangs on it);
        the figures count the object of the verb the *no* phrase belongs to."""
        prep = noun.head if noun.dep_ == "pobj" else None
        verb = prep.head if prep is not None and prep.dep_ == "prep" else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        return next((c for c in verb.children if c.dep_ == "dobj" and _plural_noun(c)), None)

    # ------------------------------------------------------------------ changes and pairs
    def _change_of(self, prep: Token) -> Token | None:
        """The change word a "by" / "from" phrase belongs to ("rose by three", "cut ... from 20",
        "up by 12", "a rise from 10"), or None."""
        lex = self.lex
        prev = self._prev_word(prep.i)
        if prev is not None and prev.lower_ in ("up", "down"):
            return prev
        head = prep.head
        lemma = head.lemma_.lower()
        if head.i != prep.i and (
            (head.pos_ in ("VERB", "AUX") and lemma in lex.change_verbs)
            or (head.pos_ == "NOUN" and (lemma in lex.change_nouns or head.lower_ in lex.change_verbs))
        ):
            return head
        # the nearest verb before it in its sentence (participles modifying a noun aside)
        for k in range(prep.i - 1, prep.sent.start - 1, -1):
            t = self.doc[k]
            if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "aux", "auxpass"):
                return t if t.lemma_.lower() in lex.change_verbs else None
        return None

    def _by_range(self, d: _Draft, change: Token, second: _Number) -> bool:
        """ "grow its sales by 8 to 12 percent", "could rise by 10 to 20": a range of the amount of a
        change, when the unit after the second number is shared or the change is a projection."""
        k = second.j + 1
        shared = (
            d.unit is None
            and k < self.n
            and (
                self._match_seq(k, self.lex.percent_after, forward=True) > 0
                or self.doc[k].lower_ in self.lex.currency_after
                or self.doc[k].lower_ in self.lex.measure_units
            )
        )
        return shared or change.tag_ == "VB"

    def _pair(self, d: _Draft) -> int | None:
        """The partner of a number in a change or a split (its first token), -1 for a change amount
        with no total after it ("rose by three"), None for none; links the two."""
        doc, i = self.doc, d.start
        if i == 0 or d.kind not in ("count", "percent", "money", "measure"):
            return None
        prev = doc[i - 1]
        w = prev.lower_
        if w in ("by", "from") and self._change_of(prev) is not None:
            k = d.end + 1
            if k + 1 < self.n and doc[k].lower_ == "to" and self.is_start(doc[k + 1]):
                self.links.append((d.num.i, k + 1))
                return k + 1
            return -1 if w == "by" else None
        if w == "to" and i >= 2 and (i - 2) in self.ends:
            first, num_i = self.ends[i - 2]
            if first > 0 and doc[first - 1].lower_ in ("by", "from") and self._change_of(doc[first - 1]):
                self.links.append((d.num.i, num_i))
                return num_i
            return None
        if w in ("and", ",", "or"):
            return self._split_partner(d)
        return None

    def _split_partner(self, d: _Draft) -> int | None:
        """ "27 deaths -- 26 in Mexico and one in the United States": the second member of a split
        "N in X and M in Y" (the same preposition after both, nothing but a name between)."""
        doc, j = self.doc, d.num.j
        if d.counts is not None or j + 2 >= self.n:
            return None
        prep = doc[j + 1]
        if prep.pos_ != "ADP" or prep.lower_ not in ("in", "at", "on", "from", "among", "across"):
            return None
        if self.is_start(doc[j + 2]) or doc[j + 2].like_num:
            return None  # "one in five": a ratio
        for k in range(d.start - 2, max(doc[d.start].sent.start, d.start - 10) - 1, -1):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX", "NUM") and not (k in self.ends and doc[k + 1].lower_ == prep.lower_):
                return None
            if k in self.ends and doc[k + 1].lower_ == prep.lower_:
                return self.ends[k][1]
        return None

    # ------------------------------------------------------------------ context
    def _match_seq(self, start: int, seqs: tuple[tuple[str, ...], ...], forward: bool) -> int:
        """Length in tokens of the longest sequence written right after (or before) ``start``."""
        if not 0 <= start < self.n:
            return 0
        word = self.doc[start].lower_
        for seq in seqs:
            if (seq[0] if forward else seq[-1]) != word:
                continue
            size = len(seq)
            lo = start if forward else start - size + 1
            if lo < 0 or lo + size > self.n:
                continue
            if all(self.doc[lo + k].lower_ == seq[k] for k in range(size)):
                return size
        return 0

    def counted(self, k: int, anchor: _Number) -> tuple[int, int] | None:
        """``(first, last)`` token of the noun phrase counted, starting at token ``k``."""
        doc = self.doc
        p = k
        code = 0  # tokens of a virus's code so far: "influenza A/H1N1" modifies the noun after it
        while p < self.n and p - k - code < _MAX_NP:
            t = doc[p]
            if p in self.virus:
                end = self._virus_end(p)
                if end + 1 < self.n and doc[end + 1].pos_ in ("NOUN", "PROPN", "ADJ"):
                    p, code = end + 1, code + end + 1 - p
                    continue
                p = end  # "a further 7 H1N1, or Swine flu, deaths": the code ends the phrase
                break
            if t.lower_ in _CLAUSE_OPENERS:
                # "fallen to 1,300 as more test results came in": a conjunction the parse reads as an
                # adverb opens a clause; no noun phrase counted goes on past it
                return None
            if t.pos_ in _NOUNS and not _modifies_later(t) and not self._participle_compound(p, anchor):
                break
            if _finite_verb(t):
                return None  # "Among the 17 deaths, 13 took place in Maharashtra": the count's verb
            if t.pos_ not in _MODIFIER_POS and not (t.text in _DASHES and not t.whitespace_):
                return None
            if t.pos_ == "NUM" or t.is_space:
                return None
            p += 1
        else:
            return None
        if p >= self.n or doc[p].lower_ in self.words or doc[p].lower_ in _NAMED_DAYS:
            # "a further 9 confirmed today", "5 died yesterday", "jumped to 358 Tuesday" (AP's weekday
            # without "on"): the day is no noun counted
            return None
        span = range(k, p + 1)
        nums = range(anchor.i, k)
        linked = any(doc[x].head.i in span for x in nums) or any(doc[x].head.i in nums for x in span)
        if not linked and not self._unattached_title_number(anchor, k):
            return None
        while (
            k < p
            and k not in self.virus
            and (doc[k].lower_ in self.lex.counts_modifiers or doc[k].text in _DASHES)
        ):
            k += 1
        return k, p

    def _unattached_title_number(self, anchor: _Number, k: int) -> bool:
        """Whether a number the parse left as its sentence's root stands right before the noun phrase, in a
        title-cased line ("Medical News\n\nFour New Cases of Swine Flu Take Total Toll to 39": the
        tagger reads a headline's capitalised words as names, and the parse leaves "Four" unattached); a
        headline's number counts the words that follow it."""
        return k == anchor.j + 1 and self.doc[anchor.i].dep_ == "ROOT" and self.title_line(anchor.i)

    def _virus_end(self, p: int) -> int:
        """The last token of the virus's code that starts at token ``p``."""
        end = p
        while end + 1 < self.n and end + 1 in self.virus:
            end += 1
        return end

    def _participle_compound(self, p: int, anchor: _Number) -> bool:
        """ "642 laboratory confirmed human cases", "30 flu-related deaths": a singular noun before a
        past participle, after a number above one, is the first half of a compound adjective (open or
        hyphenated), not what the number counts; the noun it modifies follows within the phrase."""
        doc = self.doc
        t = doc[p]
        if t.tag_ != "NN" or anchor.value is None or anchor.value <= 1:
            return False
        q = p + 1
        if q < self.n and doc[q].text in _DASHES and not doc[q - 1].whitespace_:
            q += 1
        if q >= self.n or doc[q].tag_ not in ("VBN", "VBD") or not doc[q].lower_.endswith("ed"):
            return False
        # (the virus's code may stand between: "75 laboratory confirmed H1N1 influenza cases")
        for r in range(q + 1, min(self.n, q + 4)):
            if doc[r].tag_ in ("NNS", "NNPS"):
                return True
            if doc[r].pos_ not in ("ADJ", "NOUN") and r not in self.virus:
                return False
        return False

    def quantity(self, num: _Number) -> tuple[Quantity, int] | None:
        """The quantity around ``num`` and the last token it used (None: not a quantity).

        The steps read outwards from the number, each refining one :class:`_Draft`: what stands
        before it (currency, "between", a qualifier), an ordinal's noun, a range partner, a unit
        after it, a qualifier after it, what it counts, and last the checks that turn it down."""
        if num.value is None:
            return None
        value = to_number(num.value, self.lex)
        if value is None:
            return None
        d = _Draft(num, num.value, value)
        try:
            if self._age(d):
                return self._emit_draft(d), d.end
            self._before(d)
            if d.kind == "ordinal":
                return self._ordinal(d)
            self._range(d)
            if self._age_range(d):
                return self._emit_draft(d), d.end
            if self._unit_after(d):
                return self._emit_draft(d), d.end
            self._qualifier_after(d)
            self._counted(d)
            if d.counts is None and d.kind in ("count", "range"):
                self._implied(d)
            if d.counts is None and num.i in self.bracketed and d.kind == "count":
                d.counts = self._list_counts(self.doc[num.i - 2])
            if d.counts is None and d.kind == "count":
                d.counts = (
                    self._label_counts(d.start)
                    or self._column_counts(num.i)
                    or self._heading_counts(num.i)
                    or self._inline_counts(num.i)
                    or self._shared_noun(num)
                )
            d.paired = self._pair(d) is not None
            self._check(d)
        except _Reject:
            return None
        return self._emit_draft(d), d.end

    # ------------------------------------------------------------------ ages
    def _age(self, d: _Draft) -> bool:
        """An age: "aged 32", "at the age of 32", "Smith, 32,", "(32)" after a name, "32-year-old",
        "32 years old".

        Kind ``age``, unit ``year``, counting nothing: an age is no number of anything."""
        doc, lex, num = self.doc, self.lex, d.num
        if not (num.digits and num.kind == "cardinal" and num.i == num.j and isinstance(d.value, int)):
            return False
        if not 0 < d.value <= lex.age_max:
            return False
        i = num.i
        words = [t.lower_ for t in doc[i + 1 : i + 5]]
        if words[:4] == ["-", "year", "-", "old"] and not doc[i].whitespace_:
            d.end = i + 4
        elif words[:2] in (["years", "old"], ["year", "old"]):
            d.end = i + 2
        elif words[:3] in (["year", "-", "old"], ["years", "-", "old"]):
            d.end = i + 3  # "her 56 year-old mother": the hyphen written after a space
        elif (k := _as_mean_age(words)) is not None:
            d.end = i + k  # "with 16 as median age", "32 as the average age"
        elif i > 0 and doc[i - 1].lower_ in lex.age_before:
            d.start = i - 1
            self._range(d)  # "aged 10 to 50"
        elif i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lex.age_before:
            d.start = i - 2  # "at the age of 59"
        elif self._persons_bound(i):
            d.start = i - 1  # "75 percent of those infected are under 18"
        elif self._age_series(i):
            pass  # "two pregnant women aged 23 and 27"
        elif not self._apposed_age(i):
            return False
        d.kind, d.unit = "age", "year"
        return True

    def _age_range(self, d: _Draft) -> bool:
        """ "aged between 10 and 50", "aged from 5 to 18": a range after a word of age is a range of
        ages, no count."""
        if d.kind != "range" or d.start == 0:
            return False
        start = d.start - 1 if self.doc[d.start - 1].lower_ == "from" else d.start
        if self._persons_between(d):
            d.kind, d.unit = "age", "year"
            return True
        if start == 0 or self.doc[start - 1].lower_ not in self.lex.age_before:
            return False
        d.kind, d.unit, d.start = "age", "year", start - 1
        return True

    def _persons_between(self, d: _Draft) -> bool:
        """ "Most of the dead are between 25 and 45", "80% of those who died were between 20 and 54": a
        range a copula gives to people, with no noun after it, is their ages (not "the number of deaths
        is between 20 and 30", nor "the dead were between 20 and 30 people")."""
        lex = self.lex
        if not d.between or d.value_max is None or not 0 < d.value < d.value_max <= lex.age_max:
            return False
        return self._persons_copula(d.start - 1, d.end)

    def _age_series(self, i: int) -> bool:
        """ "two pregnant women aged 23 and 27", "victims aged 5, 12 and 40": a number joined by a comma,
        *and* or *or* to a series of numbers that a word of age opens is an age too."""
        doc = self.doc
        if i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            return False  # "aged 40, and 20 children died": a count of its own noun
        k = i
        while k >= 2 and doc[k - 1].lower_ in (",", "and", "or") and doc[k - 2].like_num:
            k -= 2
        return k < i and k >= 1 and doc[k - 1].lower_ in self.lex.age_before

    def _persons_bound(self, i: int) -> bool:
        """ "75 percent of those infected are under 18", "most victims were over 60": a bound a copula
        gives to people, with no noun after the number, is their ages (not "the death toll is over 100",
        nor "the dead were over 100 people")."""
        if i < 2 or self.doc[i - 1].lower_ not in _AGE_BOUNDS:
            return False
        return self._persons_copula(i - 2, i)

    def _persons_copula(self, i: int, last: int) -> bool:
        """Whether token ``i`` (an adverb of age before it aside: "are mostly") is a copula whose subject
        names people who died or were infected, no total, and no noun follows the number ending at
        ``last``."""
        doc, lex = self.doc, self.lex
        if i > 0 and doc[i].lower_ in _AGE_ADVERBS:
            i -= 1
        if i <= 0 or doc[i].lemma_ != "be":
            return False
        if last + 1 < len(doc) and doc[last + 1].pos_ in ("NOUN", "PROPN"):
            return False
        subject = [t.lower_ for t in doc[doc[i].sent.start : i]]
        # a total's copula gives the total's number ("the number of deaths is between 20 and 30")
        totals = lex.totals_of | lex.totals.keys()
        return any(w in _PERSONS_DIED for w in subject) and not any(w in totals for w in subject)

    def _apposed_age(self, i: int) -> bool:
        """ "John Smith, 32, said" / "his wife, 43." / "John Smith (32)": a bare number set off after
        a singular noun or a name, not a place's ("...; in Britain, 34.")."""
        doc = self.doc
        if i < 2 or i + 1 >= self.n:
            return False
        before, after, owner = doc[i - 1].text, doc[i + 1].text, doc[i - 2]
        if (before, after) not in ((",", ","), (",", "."), (",", ";"), ("(", ")")):
            return False
        if owner.tag_ == "NNP":
            if before == "(":
                # "Britain (39)": a count in a list, no age; nor after a country's name the tagger
                # took for a person's ("... with no deaths: Austria (1), Canada (165)")
                return owner.ent_type_ == "PERSON" and self._country_before(i - 1) is None
            if owner.ent_type_ != "PERSON" and self._country_before(i - 1) is not None:
                # "in Canada, 201 cases; in Britain, 34.": an age is a person's, not a country's (NER's
                # place types are not enough: "Talab Hadi, 38" and "of Dublin, 28" are ages)
                return False
            return owner.ent_type_ not in ("DATE", "TIME")
        return owner.tag_ == "NN" and owner.pos_ == "NOUN"

    # ------------------------------------------------------------------ implied counts
    def _implied(self, d: _Draft) -> None:
        """What a bare number counts when its words around say it ("more than 2,000 dead",
        "killing at least 12", "at least 30 were killed", "the death toll rose to 140")."""
        doc, lex, k = self.doc, self.lex, d.k
        if k < self.n and doc[k].lower_ in lex.implied_after and not doc[k].text[:1].isupper():
            d.counts, d.end = doc[k].text, k
            return
        tok = doc[d.num.j]
        head = tok.head
        lemma = head.lemma_.lower()
        if head.i != tok.i and head.pos_ in ("VERB", "AUX"):
            if tok.dep_ in ("dobj", "nsubjpass") and lemma in lex.implied_transitive:
                d.counts = lex.implied_transitive[lemma]
                return
            if tok.dep_ == "nsubj" and lemma in lex.implied_intransitive and not _subject_between(tok, head):
                d.counts = lex.implied_intransitive[lemma]
                return
        d.counts = self._total_counts(tok)

    def _total_counts(self, tok: Token) -> str | None:
        """ "The death toll rose to 140", "a toll of 140", "the number of dead stood at 300": the
        number gives the value of a total noun (through a preposition, to its verb's subject or
        object, or to the noun itself)."""
        lex = self.lex
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _REACH_VERBS:
            return self._reached_total(tok.head)
        for noun in self._total_candidates(tok):
            word = noun.lemma_.lower()
            if word in lex.totals:
                # "the confirmation toll stands at 42": a modifier may say the total counts another thing
                words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
                other = [lex.toll_modifiers[w] for w in words if w in lex.toll_modifiers]
                return other[0] if other else lex.totals[word]
            if word in lex.totals_of:
                obj = _of_object(noun)
                # the noun of the total before the number ("the number of dead stood at 300"), or right
                # after it ("bringing to 111 the total number of confirmed cases")
                if obj is not None and (obj.i < tok.i or noun.left_edge.i == tok.i + 1):
                    # a modifier's own words too: "the number of New Zealand deaths" (not "Zealand deaths")
                    mods = [c.left_edge.i for c in obj.children if c.dep_ in ("amod", "compound")]
                    first = min([obj.i, *mods])
                    return self.doc[first : _compound_end(obj) + 1].text
        return None

    def _total_candidates(self, tok: Token) -> list[Token]:
        """The nouns whose value the number may give: the copula's subject ("The number of deaths in
        Peru is now six"), the noun its preposition hangs on ("a toll of 140"), or the subject or object
        of the verb it does ("The death toll rose to 140", "bringing the total to three")."""
        if tok.dep_ == "attr" and tok.head.lemma_.lower() == "be":
            return [c for c in tok.head.children if c.dep_ == "nsubj"]
        if tok.dep_ != "pobj" or tok.head.dep_ not in ("prep", "dative") or tok.head.lower_ in _NOT_A_VALUE:
            return []
        owner = tok.head.head
        if owner.pos_ in ("VERB", "AUX"):
            gapped = [
                c for c in owner.children if c.dep_ == "conj" and c.pos_ in _NOUNS and owner.i < c.i < tok.i
            ]
            if gapped:
                # "the death toll rose to 56 and its confirmed cases to 1,626": the verb left out after
                # the second subject is that subject's; the number is its value, not the toll's
                return gapped[-1:]
            nouns = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
            # "revised downwards its confirmed death toll to seven": the parse hangs the object on the
            # adverb as a preposition's object
            nouns += [g for c in owner.children if c.dep_ == "advmod" for g in c.children if g.dep_ == "pobj"]
            return nouns + self._shifted_total(tok)
        return [owner] if owner.pos_ in _NOUNS else []

    def _gapped_object(self, tok: Token) -> bool:
        """ "Jamaica now has 13 cases while the Bahamas is reporting six", "Britain has confirmed 47
        cases and Spain has confirmed 95": a number that is the object of a verb of counting
        (`_GAP_VERBS`) after another quantity of its sentence, with no noun of its own, leaves out the
        noun that quantity counts (`_gapped_objects` gives it that noun); not a pronoun."""
        return self._gap_verb(tok) is not None and tok.sent.start <= self.last_end < tok.head.i

    @staticmethod
    def _gap_verb(tok: Token) -> Token | None:
        """The verb of counting whose object ``tok`` is, when the verb's subject is a name ("the
        Bahamas is reporting six", "Spain has confirmed 95"; not "Chile's hospitals have 700", whose
        700 may be beds): a place or a body that counts, as the count before it was counted."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in _GAP_VERBS:
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return verb if subjects and all(c.pos_ == "PROPN" for c in subjects) else None

    def _value_of_total(self, tok: Token) -> bool:
        """ "bringing the total to three", "the tally rose to five": a number word that gives the value
        of a total noun is a count, even when the total names no thing (as "bringing the total to 3"
        is); not a pronoun."""
        nxt = self._next_word(tok.i)
        if nxt is not None and nxt.lower_ == "of":
            return False  # "the total is one of the highest": it picks one out
        if tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "Uruguay's confirmed cases went up to six": the parse makes the number the verb's object
            candidates = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            candidates = self._total_candidates(tok)
        # ("his hopes rose to one": *one* stays a pronoun's unless a total noun names it)
        return any(self._total_noun(n) or (tok.lower_ != "one" and self._risen_count(n)) for n in candidates)

    def _risen_count(self, noun: Token) -> bool:
        """ "Paraguay's confirmed cases rose to five", "putting the total fatality of the virus to eight":
        a plural count noun that is the subject of a verb of change (the number is the level it reached),
        or a noun that *total* modifies, names a total."""
        if any(c.dep_ == "amod" and c.lower_ in ("total", "overall", "cumulative") for c in noun.children):
            return True
        verb = noun.head
        return (
            noun.tag_ in ("NNS", "NNPS")
            and noun.dep_ in ("nsubj", "nsubjpass")
            and verb.lemma_.lower() in (self.lex.change_verbs | self.lex.up_verbs | _REACH_VERBS)
        )

    def _shifted_total(self, tok: Token) -> list[Token]:
        """ "bringing to 111 the total number of confirmed cases": the verb's object, shifted after the
        number it goes to, is the noun phrase right after the number, whatever the parse makes of it
        (its head a total noun whose phrase starts there)."""
        after = self.doc[tok.i + 1 : min(self.n, tok.i + 4)]
        return [t for t in after if self._total_noun(t) and t.left_edge.i == tok.i + 1]

    def _total_noun(self, t: Token) -> bool:
        word = t.lemma_.lower()
        return word in self.lex.totals or word in self.lex.totals_of

    def _reached_total(self, verb: Token) -> str | None:
        """ "the number of people infected ... has risen sharply, going up by around 1,000 a day to reach
        8,451": the object of a verb of reaching gives the value of the total that is the subject of
        its clause, or of the clause it depends on (up to three clauses up)."""
        lex = self.lex
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            # a total first: a dateline read as a second subject ("GENEVA, Dec. 11 (Xinhua) -- The death
            # toll ... continues to increase worldwide, reaching at least 9,596") is not the clause's own
            subjects.sort(key=lambda c: not self._total_noun(c))
            for noun in subjects:
                word = noun.lemma_.lower()
                if word in lex.totals:
                    return lex.totals[word]
                if word in lex.totals_of:
                    obj = _of_object(noun)
                    if obj is None:
                        return None
                    # its participle right after it says what became of the people: "people infected"
                    acl = [c for c in obj.children if c.dep_ == "acl" and c.i == obj.i + 1]
                    return self.doc[obj.i : (acl[0] if acl else obj).i + 1].text
                return None  # a subject of its own: not the total's clause
            if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head is verb:
                return None
            verb = verb.head
        return None

    def _emit_draft(self, d: _Draft) -> Quantity:
        return self._emit(d.start, d.end, d.value, d.unit, d.counts, d.qualifier, d.kind, d.value_max)

    def _before(self, d: _Draft) -> None:
        """Currency and qualifier before the number ("$5", "between", "more than")."""
        doc, lex, num = self.doc, self.lex, d.num
        if d.start > 0 and doc[d.start - 1].text in lex.currency_before and num.kind == "cardinal":
            d.unit, d.kind = lex.currency_before[doc[d.start - 1].text], "money"
            d.start -= 1
        d.between = d.start > 0 and doc[d.start - 1].lower_ == "between"
        if d.between:
            d.start -= 1
        q = self._match_seq(d.start - 1, lex.qualifiers_before, forward=False)
        if (
            q == 2
            and doc[d.start - 2].lower_ == "up"
            and d.start > 2
            and doc[d.start - 3].lemma_ in lex.up_verbs
        ):
            q = 0  # "the toll has gone up to 12": the verb's particle and the value it reached, no bound
        if q and num.kind != "ordinal":
            d.qualifier = " ".join(t.text for t in doc[d.start - q : d.start])
            d.start -= q

    def _ordinal(self, d: _Draft) -> tuple[Quantity, int] | None:
        """An ordinal counts the noun after it ("the third attempt"), unless it is part of a name."""
        doc, lex, num = self.doc, self.lex, d.num
        np = self.counted(d.end + 1, num)
        if np is None or doc[np[1]].lower_ in lex.ordinal_heads or doc[np[1]].pos_ != "NOUN":
            return None
        after = doc[d.end + 1]
        if after.text[:1].isupper() or (doc[num.i].text[:1].isupper() and not doc[num.i].is_sent_start):
            return None  # part of a name: "Fifth Amendment", "First Lady", "Second World War"
        if doc[np[1]].lower_ in lex.time_nouns or doc[np[1]].lemma_.lower() in lex.time_nouns:
            return None
        counts = doc[np[0] : np[1] + 1].text
        return self._emit(d.start, np[1], d.value, None, counts, None, "ordinal", None), np[1]

    def _range_connector(self, d: _Draft, conn: Token) -> bool:
        """The word after a number that opens a range: "and" after "between", else "to" or a dash
        written without a space ("10-20")."""
        w = conn.lower_
        if d.between:
            return w == "and"
        return w == "to" or (w in _DASHES and not conn.whitespace_)

    def _range_second(self, i: int) -> _Number | None:
        """The second number of a range starting at token ``i`` (a currency sign before it aside:
        "$10 to $20"), when it is a plain cardinal with a value."""
        if self.doc[i].text in self.lex.currency_before:
            i += 1
        second = self.read(i) if i < self.n and self.is_start(self.doc[i]) else None
        if second is None or second.kind != "cardinal" or second.value is None:
            return None
        return second

    def _change_values(self, d: _Draft, conn: str, second: _Number) -> bool:
        """After a change, "from 20 to seven" is the old and the new value and "rose by three to 78"
        the amount and the new total (unless "by 8 to 12 percent" is a range of the amount)."""
        before = self.doc[d.start - 1] if d.start > 0 else None
        if conn != "to" or before is None or before.lower_ not in ("from", "by"):
            return False
        change = self._change_of(before)
        return change is not None and (before.lower_ == "from" or not self._by_range(d, change, second))

    def _range_bounds(self, d: _Draft, second: _Number) -> tuple[int | float, int | float] | None:
        """The low and the high value of a range, the scale after the second number shared by the
        first ("2 to 3 million"); None unless the low is below the high."""
        hi = second.value
        assert hi is not None
        lo = d.base
        scale = self.lex.scales.get(self.doc[second.j].lower_)
        if scale and second.j > second.i and d.num.j == d.num.i and lo < hi / scale:
            lo = lo * scale
        lo_v, hi_v = to_number(lo, self.lex), to_number(hi, self.lex)
        if lo_v is None or hi_v is None or not lo_v < hi_v:
            return None
        return lo_v, hi_v

    def _range(self, d: _Draft) -> None:
        """A range partner: "between 10 and 20", "10-20", "10 to 20", "from 10 to 20 soldiers" (two
        years are no range). After a change, "from 20 to seven" is the old and the new value and "rose
        by three to 78" the amount and the new total: two numbers, not a range."""
        k = d.k = d.end + 1
        if k + 1 >= self.n or d.num.paren or not self._range_connector(d, self.doc[k]):
            return
        second = self._range_second(k + 1)
        if second is None or self._change_values(d, self.doc[k].lower_, second):
            return
        bounds = self._range_bounds(d, second)
        if bounds is None:
            return
        lo_v, hi_v = bounds
        if d.num.digits and 1000 <= lo_v <= 2100 and 1000 <= hi_v <= 2100 and not d.unit:
            raise _Reject  # two years
        d.value, d.value_max, d.kind = lo_v, hi_v, "range" if d.kind == "count" else d.kind
        d.end = second.j
        d.k = d.end + 1

    def _unit_after(self, d: _Draft) -> bool:
        """Percent, currency or a measure after the number; True when the quantity is complete. (A
        measure's unit may come before it: "a magnitude 7.0 quake" measures the quake.)"""
        doc, lex, num, k = self.doc, self.lex, d.num, d.k
        if d.kind == "count" and num.i > 0 and doc[num.i - 1].lower_ in lex.measure_units_before:
            d.unit, d.kind = lex.measure_units_before[doc[num.i - 1].lower_], "measure"
            return False
        size = self._match_seq(k, lex.percent_after, forward=True)
        if size:
            d.unit = lex.percent_units[" ".join(t.lower_ for t in doc[k : k + size])]
            d.kind = "percent" if d.kind == "count" else d.kind
            d.end = k + size - 1
        elif k < self.n and doc[k].lower_ in lex.currency_after and d.kind in ("count", "range"):
            d.unit = lex.currency_after[doc[k].lower_]
            d.kind = "money" if d.kind == "count" else d.kind
            d.end = k
        elif (
            num.kind == "plural"
            and k + 1 < self.n
            and doc[k].lower_ == "of"
            and doc[k + 1].lower_ in lex.currency_after
        ):
            d.unit, d.kind = lex.currency_after[doc[k + 1].lower_], "money"
            d.end = k + 1
        elif k < self.n and doc[k].lower_ in lex.measure_units and d.kind in ("count", "range"):
            d.unit = lex.measure_units[doc[k].lower_]
            d.kind = "measure" if d.kind == "count" else d.kind
            d.end = k
        elif (
            k + 1 < self.n
            and doc[k].text in _DASHES
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
            and doc[k + 1].is_alpha
        ):
            return self._hyphenated_unit(d)
        else:
            return False
        d.k = d.end + 1
        return False

    def _hyphenated_unit(self, d: _Draft) -> bool:
        """ "20-point framework"; not spelled out ("two-state"), not durations ("10-day")."""
        doc, lex, num, k = self.doc, self.lex, d.num, d.k
        if not num.digits or num.kind != "cardinal":
            raise _Reject
        if doc[k + 1].lower_ == "plus" and d.qualifier is None:
            d.qualifier = "plus"
            d.end = k + 1
            d.counts = None
            return True
        unit_tok = doc[k + 1]
        if unit_tok.lower_ in lex.time_nouns or unit_tok.lemma_.lower() in lex.time_nouns:
            raise _Reject
        d.unit = unit_tok.lemma_.lower() if unit_tok.lemma_ else unit_tok.lower_
        d.kind = "measure" if d.kind == "count" else d.kind
        d.end = k + 1
        d.k = d.end + 1
        return False

    def _qualifier_after(self, d: _Draft) -> None:
        doc, k = self.doc, d.k
        size = self._match_seq(k, self.lex.qualifiers_after, forward=True)
        if size and d.qualifier is None and d.kind in ("count", "money", "percent", "measure"):
            d.qualifier = " ".join(t.text for t in doc[k : k + size])
            d.end = k + size - 1
            d.k = d.end + 1
        elif k < self.n and doc[k].text == "+" and not doc[k - 1].whitespace_ and d.qualifier is None:
            # "10,000+ confirmed cases": a plus sign glued to the number is "-plus", at least the number
            d.qualifier = "plus"
            d.end = k
            d.k = k + 1

    def _counted(self, d: _Draft) -> None:
        """What is counted: the noun phrase after the number, or after "of" ("25 percent of ...")."""
        doc, lex, num, k = self.doc, self.lex, d.num, d.k
        if d.kind not in ("count", "range", "measure", "percent"):
            return
        np = self.counted(k, num) if d.kind in ("count", "range", "measure") else None
        if np is None and k + 1 < self.n and doc[k].lower_ == "of" and d.kind in ("count", "percent"):
            np = self._counted_after_of(d, k)
        one = d.value == 1 and doc[num.i].lower_ == "one"
        if np is not None and one and doc[np[1]].lower_ in lex.one_heads:
            raise _Reject  # "at one point", "one thing": idioms, not counts
        if np is not None and np[0] == np[1] and doc[np[1]].lower_ in lex.implied_intransitive:
            # "Two more die of swine flu", "Three more succumb": the tagger's noun is the verb
            d.counts = lex.implied_intransitive[doc[np[1]].lower_]
            return
        if np is not None:
            head = doc[np[1]]
            if head.lower_ in lex.time_nouns or head.lemma_.lower() in lex.time_nouns:
                raise _Reject
            if head.lower_ in lex.milestones and head.i == np[0]:
                # "surged past the 10,000 mark": the level names no thing; the figure that reaches it does
                d.counts, d.end = self._total_counts(head), np[1]
                return
            d.counts = doc[np[0] : np[1] + 1].text
            d.end = np[1]
            self._thousands_dot(d, head)

    def _thousands_dot(self, d: _Draft, head: Token) -> None:
        """ "5.123 cases", "20.000 people": a count of things in the plural is whole, so a dot before
        three digits is a thousands separator, as continental European copy writes it. A decimal
        stays one before a singular ("1.473 Singapore dollar") and in a measure of a known unit ("1.125
        miles", read before this); a unit the lexicon does not know ("1.125 inches") is misread."""
        num = self.doc[d.num.i]
        if (
            d.kind != "count"
            or d.num.i != d.num.j
            or head.tag_ != "NNS"
            or not _THOUSANDS_DOT.match(num.text)
        ):
            return
        d.base = Decimal(num.text.replace(".", ""))
        d.value = int(d.base)

    def _counted_after_of(self, d: _Draft, k: int) -> tuple[int, int] | None:
        doc = self.doc
        m = k + 1
        while m < self.n and doc[m].pos_ in ("DET", "PRON") and doc[m].dep_ in ("det", "poss"):
            m += 1
        np = self.counted(m, _Number(k, k, None, "cardinal", False)) if m < self.n else None
        if np is not None and d.value == 1 and d.kind == "count":
            raise _Reject  # "one of the things" picks one out, it counts nothing
        if np is not None and np[1] + 2 < self.n and doc[np[1] + 1].tag_ == "POS":
            # "25 percent of the world’s inmates": the possessor's noun phrase is counted
            owned = self.counted(np[1] + 2, _Number(np[1], np[1] + 1, None, "cardinal", False))
            np = (np[0], owned[1]) if owned is not None else np
        return np

    def _check(self, d: _Draft) -> None:
        """The last refusals: pronoun-like small numbers, years, addresses and names."""
        doc, num, value = self.doc, d.num, d.value
        small_word = not num.digits and num.kind == "cardinal" and value < 100
        if (
            d.counts is None
            and d.kind == "count"
            and small_word
            and not d.paired
            and not self._elliptical(d)
            and not self._elliptical_more(d)
            and not self._gapped_item(num.i)
            and not self._distributive(d)
            and not self._partitive(num, value)
            and not self._value_of_total(doc[num.i])
            and not self._gapped_object(doc[num.j])
        ):
            raise _Reject  # "the two", "one of", "no one": pronoun-like
        if (
            num.digits
            and d.kind == "count"
            and num.kind == "cardinal"
            and isinstance(value, int)
            and self._a_year(d, value)
        ):
            raise _Reject
        if (
            d.counts is not None
            and d.end > num.j
            and doc[d.end].tag_ == "NNP"
            and not self.title_line(d.start)
        ):
            raise _Reject  # "131 West 23rd Street": an address or a name, not a count

    def _partitive(self, num: _Number, value: int | float) -> bool:
        """ "13 more cases, seven of them in Ho Chi Minh City", "Seven of those were in Hanoi": a number
        word of two or more right before *of* and a pronoun that points back counts a part of what the
        pronoun names, no pronoun itself ("one of them" stays ambiguous: "one of the two", a person);
        not after a determiner: "the two of them", "all three of those" refer to persons already named.
        So does one before *of* and a count of the whole ("Twenty of the 45 cases are in New York",
        "three of 12 patients"): a part of a number of things is a number of those things, as its
        figure in digits is."""
        doc, k = self.doc, num.j + 1
        if value >= 2 and self._after_fronted_whole(num):
            return True
        if value < 2 or k + 1 >= self.n or doc[k].lower_ != "of":
            return False
        if num.i > 0 and doc[num.i - 1].lower_ in _DEFINITE_BEFORE:
            return False
        m = k + 2 if doc[k + 1].lower_ in ("the", "these", "those") and k + 2 < self.n else k + 1
        year = doc[m].text.isdigit() and len(doc[m].text) == 4  # "Clause Four of the 1918 constitution"
        return doc[k + 1].lower_ in _PARTITIVE_PRONOUNS or (
            doc[m].like_num and doc[m].pos_ == "NUM" and not year
        )

    def _after_fronted_whole(self, num: _Number) -> bool:
        """ "Of the 13 new cases, eight were in England": a number word right after the comma that
        closes a fronted *of* phrase holding a number (the sentence opens with it) counts a part of
        that whole, as its figure in digits would."""
        doc = self.doc
        if num.i < 4 or doc[num.i - 1].text != ",":
            return False
        sent = doc[num.i].sent
        head = doc[sent.start : num.i - 1]
        return (
            0 < len(head) <= 8
            and head[0].lower_ == "of"
            and any(t.like_num for t in head)
            and not any(t.text in (",", ";", ":") for t in head)
        )

    def _a_year(self, d: _Draft, value: int) -> bool:
        """A 4-digit number of 1000-2100 is a year, unless a round count of a plural noun right after it
        ("2000 troops", "1500 soldiers"), or the value of a total ("the total number of positive cases
        has mounted to 1707")."""
        doc, num = self.doc, d.num
        tok_text = doc[num.i].text
        if not (tok_text.isdigit() and len(tok_text) == 4 and 1000 <= value <= 2100):
            return False
        head_tok = doc[d.end] if d.counts else None
        # the noun right after it, or after one modifier ("1587 confirmed cases")
        plural_next = (
            head_tok is not None
            and (
                head_tok.i == num.j + 1 or (head_tok.i == num.j + 2 and doc[num.j + 1].tag_ in _MODIFIER_TAGS)
            )
            and head_tok.tag_ in ("NNS", "NNPS")
        )
        if plural_next and not (value >= 1900 and value % 100 != 0):
            return False
        if self._labelled_value(num.i) or (head_tok is not None and self._bare_object(num.i, head_tok)):
            return False
        if self._counts_other_end(num.i):
            return False
        return d.counts is None or self._total_counts(doc[num.i]) is None

    def _counts_other_end(self, i: int) -> bool:
        """The end of a change whose other end is a count, no year: "Australia's cases have leapt from 297
        to 1051" (both ends of *from* N *to* M are of one kind; a year is written with no comma and has four
        digits)."""
        doc = self.doc
        if i < 3 or doc[i - 1].lower_ != "to" or doc[i - 3].lower_ != "from" or not doc[i - 2].like_num:
            return False
        other = doc[i - 2].text
        return not (other.isdigit() and len(other) == 4)

    def _labelled_value(self, i: int) -> bool:
        """The number right after a tally's label, a plural noun that *total* or *cumulative* modifies
        ("Canada – total cases 1118, total deaths 2"): the label's value, no year."""
        doc = self.doc
        return i >= 2 and doc[i - 1].tag_ == "NNS" and doc[i - 2].lower_ in ("total", "cumulative")

    def _bare_object(self, i: int, head: Token) -> bool:
        """The number right after a verb, before the plural noun it counts with no determiner ("Mexico
        has reported 2059 laboratory confirmed human cases"): a year that modifies a noun phrase takes a
        determiner there ("reported the 2009 cases"), a count does not."""
        doc = self.doc
        if i < 1 or head.tag_ != "NNS" or not head.is_lower or head.i <= i:
            return False
        before = doc[i - 1]
        return before.pos_ == "VERB" and before.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")

    def _emit(
        self,
        a: int,
        b: int,
        value: int | float,
        unit: str | None,
        counts: str | None,
        qualifier: str | None,
        kind: str,
        value_max: int | float | None,
    ) -> Quantity:
        start = self.doc[a].idx
        last = self.doc[b]
        end = last.idx + len(last.text)
        if last.text.endswith(")") and last.text[:1].isdigit():
            end -= 1  # "(8)" read as "(" + "8)": the bracket is not part of the number
        elif b > a and last.text.endswith(".") and last.lower_[:-1] in self.lex.suffixes:
            end -= 1  # "to £20m." read as "£" + "20" + "m.": the full stop ends the sentence
        return Quantity(
            text=self.text[start:end],
            start=start,
            end=end,
            value=value,
            unit=unit,
            counts=counts,
            qualifier=qualifier,
            kind=kind,
            value_max=value_max,
        )

    def candidates(self) -> list[int]:
        """Indices of tokens that may start a number, found with one regex pass over the text."""
        starts = self.starts
        found: list[int] = []
        for m in self.lex.trigger.finditer(self.text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and (not found or found[-1] != i):
                low = self.doc[i].lower_
                # "a hundred", "a dozen": the number starts at the article ("half a dozen": at *half*)
                if i > 0 and low in self.scale_words and self.doc[i - 1].lower_ in ("a", "an"):
                    i -= 1
                    if i > 0 and self.doc[i - 1].lower_ == "half":
                        i -= 1
                elif i > 1 and low in self.scale_words and self._half_hyphen(i - 2):
                    i -= 2  # "a half-dozen": the number starts at *half*
                found.append(i)
        return found

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        nums: list[int] = []
        doc = self.doc
        done = -1  # last token already used by a number or quantity
        for i in self.candidates():
            if i <= done or not self.is_start(doc[i]):
                continue
            num = self.read(i)
            if num is None:
                continue
            done = num.j
            if num.value is None or self.skip_number(num):
                continue
            got = self.quantity(num)
            if got is None:
                continue
            q, last = got
            self.ends[last] = (self._first_token(q), num.i)
            self.last_end = last
            out.append(q)
            nums.append(num.i)
            done = max(last, num.j)
        return self._gapped_objects(self._shared_counts(self._ones(out, nums), nums), nums)

    def _gapped_objects(self, out: list[Quantity], nums: list[int]) -> list[Quantity]:
        """A count with no noun that is the object of a verb of counting after another count of its
        sentence (`_gapped_object`) counts what that one counts, its modifiers with it: the noun phrase
        left out is the whole one ("13 confirmed cases while the Bahamas is reporting six" confirmed
        cases)."""
        doc = self.doc
        for k in range(1, len(out)):
            # (past a count of the places the count before is counted in: "1,516 cases had been confirmed
            # in 22 countries, with Mexico reporting 822": cases, not countries)
            j = k - 1
            while (
                j > 0 and _places_counted(out[j]) and doc[nums[j - 1]].sent.start == doc[nums[j]].sent.start
            ):
                j -= 1
            q, prev = out[k], out[j]
            if q.counts is not None or q.kind != "count" or prev.counts is None or prev.kind != "count":
                continue
            first, last = doc[nums[k]], doc[bisect_right(self.starts, q.end - 1) - 1]
            if first.sent.start != doc[nums[j]].sent.start:
                continue
            # the object is the number's last token ("about six") or its first ("six more")
            if any((v := self._gap_verb(t)) is not None and v.i > nums[j] for t in (first, last)):
                out[k] = replace(q, counts=prev.counts)
        return out

    def _ones(self, out: list[Quantity], nums: list[int]) -> list[Quantity]:
        """ "Peru has 40 probable cases and 12 confirmed ones": *ones* stands for the noun the count
        before it in its sentence counts, its own modifiers kept ("confirmed cases")."""
        doc = self.doc
        for k in range(1, len(out)):
            q, prev = out[k], out[k - 1]
            words = (q.counts or "").split()
            if not words or words[-1].lower() != "ones" or not prev.counts:
                continue
            if doc[nums[k]].sent.start != doc[nums[k - 1]].sent.start:
                continue
            out[k] = replace(q, counts=" ".join([*words[:-1], prev.counts.split()[-1]]))
        return out

    def _first_token(self, q: Quantity) -> int:
        return bisect_right(self.starts, q.start) - 1

    def _shared_counts(self, out: list[Quantity], nums: list[int]) -> list[Quantity]:
        """A count with no noun takes its partner's: the other member of a change ("by three to 78
        deaths", "from 20 to seven" confirmed deaths), or another bracketed figure of its list. (The
        parts of a split, "26 in Mexico and one in the United States", stay bare, as digits do: what
        they count is their list's, which claims read with its state and place.)"""
        at = {n: k for k, n in enumerate(nums)}
        for a, b in self.links:
            for x, y in ((a, b), (b, a)):
                if x in at and y in at:
                    qx, qy = out[at[x]], out[at[y]]
                    if qx.counts is None and qy.counts is not None and qx.kind == qy.kind == "count":
                        out[at[x]] = replace(qx, counts=qy.counts)
                    elif x < y and qx.kind == "count" and qx.counts is None and qy.unit:
                        # "from 10 to 20 degrees", "by 2 to 30 per cent": the unit after the second
                        # number is the first's too
                        out[at[x]] = replace(qx, kind=qy.kind, unit=qy.unit)
        by_sentence: dict[int, list[int]] = {}
        for n in self.bracketed:
            if n in at:
                by_sentence.setdefault(self.doc[n].sent.start, []).append(at[n])
        for group in by_sentence.values():
            named = {out[k].counts for k in group if out[k].counts is not None}
            if len(named) == 1:
                counts = named.pop()
                for k in group:
                    if out[k].counts is None and out[k].kind == "count":
                        out[k] = replace(out[k], counts=counts)
        return out


def extract_quantities(doc: Doc, timexes: Sequence[Timex] = ()) -> list[Quantity]:
    """Quantities of one parsed document, in text order (none inside ``timexes``)."""
    return _Reader(doc, timexes).run()
