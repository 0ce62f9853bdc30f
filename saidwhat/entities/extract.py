"""In-document entities: spaCy NER corrected by a news gazetteer, canonicalised within the document.

Candidates come from four places: the outlet/platform gazetteer (overrides NER labels and spans),
embed signature lines (``— Name – Other name (@handle) date``), spaCy's named entities (titles,
leading "the" and possessives trimmed off the span), and @handles / post signatures. Candidates are
grouped by a folded key, each group gets one type by vote, then groups are joined: surname-only
mentions to the one full name with that surname, acronyms to their expansion, handles and
signatures to their person. The result is one :class:`~saidwhat.model.Entity` per real-world thing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from saidwhat.entities.index import EntityIndex
from saidwhat.entities.resources import (
    Gazetteer,
    Knowledge,
    fold,
    load_gazetteer,
    load_knowledge,
    strip_possessive,
    surname_forms,
)
from saidwhat.model import Entity, Mention, Segment
from saidwhat.nlp import doc_text
from saidwhat.segment.segmenter import title_cased_line
from saidwhat.symbols import trim_symbols

KEEP = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT")
_PRIORITY = {label: i for i, label in enumerate(KEEP)}
# a dash with space on both sides separates, a name never spans one ("Mexico City - Mexican
# authorities", "World Health Organization - as"); but for a name's own hyphen that a detokenized
# text spaced out ("Port - au-Prince": a lowercase particle joined to a capitalised word)
_SPACED_DASH = re.compile(r"[ \t]+[-\u2013\u2014]+[ \t]+(?![a-z]+-[A-Z])")
_ACRONYM_SKIP = frozenset({"of", "the", "for", "and", "on", "in", "to", "a", "an", "de"})
# "<country> state television/media/news agency": an outlet by pattern (issue 16)
_STATE_MEDIA = re.compile(
    r"\b(?!(?:The|A|An|This|That|Its|Their|His|Her|Our)\b)[A-Z][\w.-]+(?:[ \t]+[A-Z][\w.-]+){0,2}"
    r"(?:['’]s)?[ \t]+state(?:[- ](?:run|owned|controlled))?[ \t]+"
    r"(?:television|TV|media|news[ \t]+agency|broadcaster|radio|news[ \t]+channel|newspaper|daily|press)\b"
)
_HANDLE = re.compile(r"@\w{1,30}")  # preceded by no word character or "@" (checked in code: faster)
_SIGNATURE_LINE = re.compile(
    r"^[ \t]*[—–][ \t]*(?P<name>[^\n(—–@]{2,60}?)[ \t]*(?:[—–-][ \t]*(?P<alt>[^\n(@—–]{1,60}?)[ \t]*)?"
    r"\(@(?P<handle>\w{1,30})\)",
    re.MULTILINE,
)
_ACRONYM_DEF = re.compile(r"[ \t]?\((?P<acr>[A-Z][A-Za-z]?[A-Z]{1,6})\)")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_JUNK = re.compile(r"[\s,;:!?\"“”'‘’)\]-]+$")  # not ".": "D.C.", "U.S."
# a possessive inside a NER span followed by a lowercase word or a number: "Trump’s 1995" is "Trump"
_INNER_POSSESSIVE = re.compile(r"(?:'s|’s)\s+(?=[^A-Z\s])")


# the words of an apposition after a comma, up to a preposition, a clause word or punctuation
_APPOSED_ROLE = re.compile(
    r",\s+((?:[\w'’.-]+\s+){0,5}?[\w'’-]+)(?=\s*[,;:.()]|\s+(?:of|for|at|in|with|to|and|who|which|on)\s)"
)


@dataclass(slots=True)
class _Cand:
    """One mention before canonicalisation."""

    start: int
    end: int
    text: str
    label: str
    key: str
    name: str | None = None  # canonical name when already known (gazetteer, country table)
    fixed: bool = False  # type and name fixed by the gazetteer
    title: str | None = None
    title_span: tuple[int, int] | None = None
    country: str | None = None
    comment: bool = False


@dataclass
class _Group:
    key: str
    cands: list[_Cand] = field(default_factory=list)
    label: str = ""
    name: str | None = None

    @property
    def votes(self) -> Counter[str]:
        return Counter(c.label for c in self.cands)

    @property
    def comment_only(self) -> bool:
        return all(c.comment for c in self.cands)


class _Taken:
    """Character spans already claimed, with an overlap test in O(log n + nearby spans)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []
        self._longest = 0
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        i = bisect_left(self._starts, a)
        self._starts.insert(i, a)
        self._spans.insert(i, (a, b))
        self._longest = max(self._longest, b - a)

    def hits(self, a: int, b: int) -> bool:
        i = bisect_left(self._starts, b)
        while i > 0:
            i -= 1
            s, e = self._spans[i]
            if e > a:
                return True
            if s < a - self._longest:
                return False
        return False


_WORD = re.compile(r"\w+")


def _form_hits(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """``(start, end, form)`` for every occurrence of each form in ``text`` standing as a word of its
    own (no letter, digit, ``_`` or ``-`` on either side, no ``@`` or ``#`` before).

    A form made of word characters only (``\\w``: letters, digits, ``_``) stands alone exactly where
    it is a whole run of word characters, so those are found in one pass over the words of the text
    instead of one search of the text per form (quadratic in a long text: 1 MB of prose has
    thousands of surnames). Other forms are searched as before: each occurrence after the end of
    the previous one."""
    hits: list[tuple[int, int, str]] = []
    words = {f for f in forms if _WORD.fullmatch(f)}
    n = len(text)
    if words:
        for m in _WORD.finditer(text):
            if m.group() in words:
                pos, end = m.span()
                if (pos == 0 or text[pos - 1] not in "@#-") and (end == n or text[end] != "-"):
                    hits.append((pos, end, m.group()))
    for form in forms:
        if form in words:
            continue
        pos = text.find(form)
        while pos != -1:
            end = pos + len(form)
            before = text[pos - 1] if pos else " "
            after = text[end] if end < n else " "
            if not (before.isalnum() or before in "_@#-" or after.isalnum() or after in "_-"):
                hits.append((pos, end, form))
            pos = text.find(form, end)
    return hits


def _byline_letters(text: str, a: int, full_names: set[int], postnominals: frozenset[str]) -> bool:
    """Whether the word at ``a`` follows a full name (ending at one of ``full_names``) and a comma, with
    only other such letters between ("Thomas R. Frieden, MD, MPH": both are his degrees, not Maryland
    and an organisation); the caller checks the word itself is one."""
    pos = a
    for _ in range(6):  # a byline writes a few letters at most
        j = pos
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == 0 or text[j - 1] != ",":
            return False
        j -= 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j in full_names:
            return True
        k = j
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "."):
            k -= 1
        if k == j or fold(text[k:j]) not in postnominals:
            return False
        pos = k
    return False


def _unclosed_paren(surface: str) -> str:
    """``surface`` cut before a parenthesis it opens and does not close, and the space before it."""
    op = surface.rfind("(")
    if op < 0 or ")" in surface[op:]:
        return surface
    return _TRAILING_JUNK.sub("", surface[:op].rstrip())


def _bare_name(name: str) -> str:
    """Folded name without middle initials: "Donald J. Trump" -> "donald trump"."""
    return " ".join(w for w in fold(name).split() if len(w) > 1)


def _initial_forms(key: str, kb: Knowledge, abbreviations: frozenset[str] = frozenset()) -> set[str]:
    """The initials a multi-word name may be written as: of its words but the small ones ("World Health
    Organization" → who); a word that is itself an abbreviation (``abbreviations``: written in capitals)
    is kept whole ("US Navy" → usn, never the UN's initials). An agency's initials leave out the country
    it is of ("U.S. Food and Drug Administration" → fda) and may stop before a name's "and" tail
    ("Centers for Disease Control and Prevention" → cdc); those shorter forms count from three letters."""
    words = key.split()
    variants = [words]
    if len(words) > 2 and (words[0] in kb.demonyms or words[0] in kb.countries):
        variants.append(words[1:])
    variants += [ws[: ws.index("and", 1)] for ws in list(variants) if "and" in ws[1:]]
    forms: set[str] = set()
    for i, ws in enumerate(variants):
        kept = [w for w in ws if w not in _ACRONYM_SKIP]
        if len(kept) >= 2 and (i == 0 or len(kept) >= 3):
            forms.add("".join(w if w in abbreviations else w[0] for w in kept))
    return forms


def _abbreviated_words(surfaces: Iterable[str]) -> frozenset[str]:
    """The words of a name written as abbreviations ("US" of "US Navy"), folded: short words in capitals
    in a form of the name that is not written wholly in capitals (a shouted name says nothing of its
    words)."""
    return frozenset(
        fold(w)
        for text in surfaces
        if not text.isupper()
        for w in text.split()
        if 2 <= len(w) <= 5 and w.isupper()
    )


def _continues_name(doc: Doc, text: str, start: int, end: int, kb: Knowledge, sent_starts: set[int]) -> bool:
    """A gazetteer hit inside a longer proper name ("Reuters Institute", "Michael Bloomberg")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    if span.end < len(doc) and not text[start:end].isupper():
        nxt = doc[span.end]
        if nxt.idx == end + 1 and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.i not in sent_starts:
            return True
    if span.start > 0:
        prev = doc[span.start - 1]
        if (
            prev.idx + len(prev.text) + 1 == start
            and prev.pos_ == "PROPN"
            and prev.text[:1].isupper()
            and span.start not in sent_starts
            and fold(prev.text) not in kb.demonyms
            and fold(prev.text) not in kb.countries
        ):
            return True
    return False


class _Extractor:
    def __init__(self, doc: Doc, segments: Sequence[Segment]) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.gaz: Gazetteer = load_gazetteer()
        self.kb: Knowledge = load_knowledge()
        self.comments = [(s.start, s.end) for s in segments if s.kind == "comment"]
        self.cands: list[_Cand] = []
        self.taken = _Taken()
        self.handles: list[tuple[int, int, str]] = []
        self.signatures: list[tuple[int, int, str]] = []
        self.handle_names: dict[str, str] = {}  # handle (lower) -> folded key from a signature line
        self._pairs: set[tuple[str, str]] | None = None  # the text's pairs of words in lower case, read once

    def in_comment(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.comments)

    # ---------------------------------------------------------------- candidates
    def gazetteer(self) -> None:
        sent_starts: set[int] | None = None
        for m in self.gaz.find(self.text):
            if sent_starts is None:
                flags = self.doc.to_array("SENT_START").tolist()
                sent_starts = {i for i, flag in enumerate(flags) if flag == 1}
            if _continues_name(self.doc, self.text, m.start, m.end, self.kb, sent_starts):
                continue
            src = m.source
            self.cands.append(
                _Cand(
                    m.start,
                    m.end,
                    self.text[m.start : m.end],
                    src.type,
                    "gaz:" + src.name,
                    name=src.name,
                    fixed=True,
                    country=src.country,
                    comment=self.in_comment(m.start),
                )
            )
            self.taken.add(m.start, m.end)

    def state_media(self) -> None:
        """ "Iranian state television", "Syria's state news agency", "North Korean state media": an
        outlet by pattern (the country's name or demonym, possessive or not, then *state*, *state-run*
        or *state-owned*, then a medium), named as written without a leading article."""
        for m in _STATE_MEDIA.finditer(self.text):
            a, b = m.start(), m.end()
            if self.taken.hits(a, b):
                continue
            name = m.group(0)
            self.cands.append(
                _Cand(
                    a,
                    b,
                    name,
                    "OUTLET",
                    "state:" + fold(name),
                    name=name,
                    fixed=True,
                    comment=self.in_comment(a),
                )
            )
            self.taken.add(a, b)

    def signature_lines(self) -> None:
        for m in _SIGNATURE_LINE.finditer(self.text):
            name = m.group("name").strip()
            if not name or self.taken.hits(m.start("name"), m.end("name")):
                continue
            key = fold(name)
            a = m.start("name")
            self.cands.append(_Cand(a, a + len(name), name, "PERSON", key, comment=self.in_comment(a)))
            self.taken.add(a, a + len(name))
            alt = m.group("alt")
            if alt and alt.strip():
                b = m.start("alt")
                self.cands.append(
                    _Cand(b, b + len(alt.strip()), alt.strip(), "PERSON", key, comment=self.in_comment(b))
                )
                self.taken.add(b, b + len(alt.strip()))
            self.handle_names["@" + m.group("handle").lower()] = key

    def handle_mentions(self) -> None:
        text = self.text
        for m in _HANDLE.finditer(text):
            if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_@"):
                continue
            self.handles.append((m.start(), m.end(), m.group()))
            self.taken.add(m.start(), m.end())
        pattern = self.kb.signature_pattern
        if pattern is not None:
            for m in pattern.finditer(text):
                glued = m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_@")
                if not glued and not self.taken.hits(m.start(), m.end()):
                    self.signatures.append((m.start(), m.end(), m.group()))
                    self.taken.add(m.start(), m.end())

    def ner(self) -> None:
        text = self.text
        ents = list(self.doc.ents)
        # names NER calls persons here, with their surnames: an ORG span "President Trump" is a
        # titled person only when the rest is one of them (not "General Motors", "Justice Department")
        persons: set[str] = set()
        full_names: set[int] = set()  # where a name of two words or more ends (before its degrees)
        for ent in ents:
            if ent.label_ == "PERSON":
                name = fold(strip_possessive(ent.text))
                persons.add(name)
                persons.update(surname_forms(name))
                if " " in name:
                    full_names.add(ent.end_char)
        for ent in ents:
            label = ent.label_
            if label not in _PRIORITY:
                continue
            a, b = trim_symbols(text, ent.start_char, ent.end_char)  # "Donald J. Trump 🇺🇸"
            if self.taken.hits(a, b) or b <= a:
                continue
            surface = text[a:b]
            m = _LEADING_ARTICLE.match(surface)
            if m:
                a += m.end()
            dash = _SPACED_DASH.search(text, a, b)
            if dash:
                b = dash.start()  # "Mexico City - Mexican authorities said": a dateline and its sentence
            inner = _INNER_POSSESSIVE.search(text, a, b)
            if inner:
                b = inner.start()
            surface = _TRAILING_JUNK.sub("", strip_possessive(_TRAILING_JUNK.sub("", text[a:b])))
            # a name never ends inside a parenthesis it opens: "World Health Organization (WHO)" is
            # the long name, whose acronym `_join_acronyms` reads after it
            surface = _unclosed_paren(surface)
            name, _, last = surface.rpartition(" ")
            # the word list before the line's case, which is read only for a name ending in a verb
            if (
                name
                and label in ("PERSON", "ORG")
                and last.lower() in self.kb.headline_verbs
                and title_cased_line(text, a)
            ):
                surface = name  # "Information Minister, Idris Vows": the headline's verb
            b = a + len(surface)
            # names start with a capital or a digit ("n’t" tagged GPE is not a name)
            if not surface or not (surface[0].isupper() or surface[0].isdigit()):
                continue
            if not any(ch.isalpha() for ch in surface):
                continue
            degrees = self.kb.postnominals
            if fold(surface) in degrees and _byline_letters(text, a, full_names, degrees):
                continue  # "Frieden, MD, MPH": his degrees
            cand = _Cand(a, b, surface, label, "", comment=self.in_comment(a))
            if label in ("PERSON", "ORG") and surface[:1].isupper():
                self._strip_title(cand, persons)
            if not self._classify(cand):
                continue
            self.cands.append(cand)

    def _strip_title(self, cand: _Cand, persons: set[str]) -> None:
        kb, text = self.kb, self.text
        inside = kb.title_inside.match(cand.text)
        if inside and cand.label != "PERSON":
            rest = fold(cand.text[inside.end() :])
            if rest not in persons and rest not in kb.surnames and rest not in kb.people:
                inside = None
        title: str | None = None
        t_start = cand.start
        if inside:
            title = cand.text[: inside.end("title2")]
            cand.start += inside.end()
            cand.text = text[cand.start : cand.end]
        line_start = text.rfind("\n", 0, cand.start) + 1
        left = text[max(line_start, t_start - 80) : t_start]
        words = left.rstrip(" ,\t").rsplit(None, 1)  # empty when only (any kind of) space is left
        last = words[-1] if words else ""
        wanted = bool(last) and (last[:1].isupper() or last.lower() in kb.title_words)
        before = kb.title_prefix.search(left) if wanted else None
        if before:
            off = t_start - len(left)
            written = text[off + before.start() : off + before.end("title")]
            t_start = off + before.start()
            title = written if title is None else written + " " + title
        if title is None:
            return
        cand.title = title.strip()
        cand.title_span = (t_start, cand.start)
        country_word = title.split()[0] if title.split() else ""
        country = kb.demonyms.get(fold(strip_possessive(country_word))) or kb.countries.get(
            fold(strip_possessive(country_word))
        )
        if country:
            cand.country = country

    def _classify(self, cand: _Cand) -> bool:
        """Set the key (and name) of a NER candidate; False drops it."""
        kb = self.kb
        key = fold(cand.text)
        if not key:
            return False
        src = self.gaz.lookup(cand.text)
        if src is not None and cand.label in ("ORG", "PRODUCT", "GPE", "PERSON", "FAC"):
            cand.label, cand.key, cand.name, cand.fixed, cand.country = (
                src.type,
                "gaz:" + src.name,
                src.name,
                True,
                src.country,
            )
            return True
        self._retype(cand, key)
        if cand.label in ("GPE", "LOC") and key in kb.countries:
            cand.label, cand.name = "GPE", kb.countries[key]
            cand.key = "gpe:" + fold(cand.name)
            return True
        if cand.label == "NORP":
            country = kb.demonyms.get(key)
            if country:
                cand.country = country
                cand.key = "norp:" + fold(country)
                return True
            # "Democrats" and "Democrat", "Muslims" and "Muslim": one group
            cand.key = "norp:" + (key[:-1] if key.endswith("s") and len(key) > 4 else key)
            return True
        cand.key = key
        return True

    def _retype(self, cand: _Cand, key: str) -> None:
        """Types NER gets wrong, by the name's own words: a listed organisation or bloc, a name
        ending in an organisation head ("Gulf Cooperation Council" tagged GPE) is ORG; a name ending
        in an event head ("Sharm el-Sheikh Summit" tagged PERSON), or two names joined by a hyphen
        right before one ("the Trump-Putin summit"), is an EVENT; a place name written right after
        a person's title ("President Erdogan" tagged GPE) is a PERSON; a country's name or listed
        short form tagged ORG ("S. Korea") is the country (GPE)."""
        kb = self.kb
        words = key.split()
        if key in kb.organisations:
            cand.label = "ORG"
        elif not words or key in kb.countries or key in kb.demonyms:
            if key in kb.countries and cand.label == "ORG":
                cand.label = "GPE"  # a country's name or short form tagged ORG ("S. Korea confirmed")
            return
        elif cand.label in ("PERSON", "GPE", "LOC", "FAC", "ORG") and words[-1] in kb.event_heads:
            cand.label = "EVENT"
        elif cand.label in ("GPE", "LOC", "PERSON", "FAC") and len(words) > 1 and words[-1] in kb.org_heads:
            cand.label = "ORG"
        elif cand.label == "PERSON" and self._joined_before_event(cand):
            cand.label = "EVENT"
        elif cand.label in ("ORG", "GPE", "LOC") and self._apposed_role(cand, words):
            cand.label = "PERSON"  # "Keiji Fukuda, acting WHO assistant director-general, said"
        elif cand.label in ("GPE", "LOC") and cand.text[:1].isupper():
            self._strip_title(cand, set())
            if cand.title is not None:
                cand.label = "PERSON"

    def _apposed_role(self, cand: _Cand, words: list[str]) -> bool:
        """A name of two or three capitalised words set off by a comma before a person's role of its
        own ("Nicola Sturgeon, the Scottish health secretary"; "Chew Choon Seng, the chief executive
        of Singapore Airlines"; "Keiji Fukuda, acting WHO assistant director-general"): a person,
        whatever NER called it. Not a role of another (*the group's director*), nor a name with an
        organisation's word in it."""
        kb = self.kb
        raw = cand.text.split()
        if not 2 <= len(raw) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in raw):
            return False  # "BST Nicola Sturgeon": an acronym is no part of a person's name
        if any(w in kb.org_heads for w in words):
            return False
        m = _APPOSED_ROLE.match(self.text, cand.end)
        if m is None or "'" in m.group(1) or "’" in m.group(1):
            return False
        said = [p for w in m.group(1).lower().split() for p in w.split("-")]
        return any(w in kb.title_words for w in said)

    def _joined_before_event(self, cand: _Cand) -> bool:
        """ "Trump-Putin" right before "summit": two names joined by a hyphen naming an event."""
        parts = re.split(r"[-–]", cand.text)
        if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
            return False
        m = re.match(r"\s+([a-z]+)", self.text[cand.end : cand.end + 30])
        return m is not None and fold(m.group(1)) in self.kb.event_heads

    # ---------------------------------------------------------------- grouping
    def group(self) -> list[_Group]:
        groups: dict[str, _Group] = {}
        for c in self.cands:
            groups.setdefault(c.key, _Group(c.key)).cands.append(c)
        for g in groups.values():
            fixed = [c for c in g.cands if c.fixed]
            if fixed:
                g.label, g.name = fixed[0].label, fixed[0].name
            else:
                votes = g.votes
                g.label = min(votes, key=lambda lab: (-votes[lab], _PRIORITY.get(lab, 99)))
                g.name = next((c.name for c in g.cands if c.name), None)
        return self._join(groups)

    def _merge(self, groups: dict[str, _Group], src: str, dst: str) -> None:
        if src == dst or src not in groups or dst not in groups:
            return
        groups[dst].cands.extend(groups.pop(src).cands)

    def _join_middle_names(self, groups: dict[str, _Group]) -> None:
        """ "Loretta Lynch" and "Loretta E. Lynch": one person when exactly one longer name here has
        the same first and last word (not when "George Bush" could be George W. or George H.W.)."""
        people = [
            g.key
            for g in groups.values()
            if g.label == "PERSON" and not g.key.startswith("gaz:") and len(g.key.split()) >= 2
        ]
        longer: dict[tuple[str, str], list[str]] = {}
        for key in people:
            words = key.split()
            if len(words) > 2:
                longer.setdefault((words[0], words[-1]), []).append(key)
        for key in people:
            words = key.split()
            if len(words) == 2 and len(longer.get((words[0], words[1]), [])) == 1:
                self._merge(groups, key, longer[(words[0], words[1])][0])

    def _join(self, groups: dict[str, _Group]) -> list[_Group]:
        self._join_middle_names(groups)
        # surname-only mentions -> the one full name in the document with that surname
        full: dict[str, list[str]] = {}
        for g in groups.values():
            if g.label == "PERSON" and " " in g.key and not g.comment_only and not g.key.startswith("gaz:"):
                for s in surname_forms(g.key):
                    full.setdefault(s, []).append(g.key)
        firsts: dict[str, list[str]] = {}
        for k in {t for keys in full.values() for t in keys}:
            firsts.setdefault(k.split()[0], []).append(k)
        for key in list(groups):
            g = groups[key]
            if self._may_be_surname(key, g):
                self._join_surname(groups, key, g, full.get(key, []), firsts.get(key, []))
            elif self._surname_taken_for_place(key, g) and len(full.get(key, [])) == 1:
                self._merge(groups, key, full[key][0])
        self._outlet_short_forms(groups)
        self._join_known_people(groups)
        self._bare_surnames(groups, full)
        self._join_acronyms(groups)
        self._attach_handles(groups)
        return list(groups.values())

    def _may_be_surname(self, key: str, g: _Group) -> bool:
        """Whether the group ``key`` may be a surname or first name alone: no place, people or
        acronym, and one word or voted a person."""
        if g.key.startswith(("gaz:", "gpe:", "norp:")) or g.label in ("GPE", "NORP"):
            return False
        person_votes = "PERSON" in g.votes
        if not person_votes and (key in self.kb.organisations or " " in key):
            return False
        # an acronym ("U.N.", "UN") is nobody's surname
        return not any("." in c.text or (c.text.isupper() and len(c.text) <= 3) for c in g.cands)

    def _surname_taken_for_place(self, key: str, g: _Group) -> bool:
        """A one-word name NER called a place that is no known place, country, people or
        organisation, never written as where something is ("in X", "at X"), and written somewhere
        as a person (a clause's subject, "Mr X", "said X"): the surname of the one person named here
        in full ("Gwede Mantashe … after Mantashe met with …": NER tagged the bare surname GPE)."""
        kb = self.kb
        if g.label != "GPE" or g.key.startswith(("gaz:", "gpe:", "norp:")) or " " in key:
            return False
        if key in kb.countries or key in kb.demonyms or key in kb.organisations or key in _country_names():
            return False
        for c in g.cands:
            if not c.text[:1].isupper() or c.text.isupper() or "." in c.text:
                return False  # an acronym or an abbreviation ("Mont.") is nobody's surname
            before = self.text[max(0, c.start - 12) : c.start].split()
            if before and before[-1].lower() in _LOCATIVE:
                return False
        return any(self._acts_as_person(c) for c in g.cands)

    def _acts_as_person(self, c: _Cand) -> bool:
        """A mention written as a person: followed by its verb ("Mantashe denied"), or after a title
        or a verb of saying ("Mr Cattan", "said Houston")."""
        span = self.doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None:
            return False
        doc = self.doc
        if span.end < len(doc) and doc[span.end].pos_ in ("VERB", "AUX"):
            return True
        if span.start == 0:
            return False
        prev = doc[span.start - 1]
        return prev.lower_.rstrip(".") in _PERSON_TITLES or prev.lemma_.lower() in _SAYING

    def _join_surname(
        self, groups: dict[str, _Group], key: str, g: _Group, full: list[str], firsts: list[str]
    ) -> None:
        """A surname alone joins the one full name here with that surname (``full``), or names the
        one well-known bearer; a first name alone joins the one person here of that first name
        (``firsts``)."""
        kb = self.kb
        targets = [t for t in full if t != key]
        known = kb.surnames.get(key, [])
        if len(targets) == 1 and len(known) == 1 and _bare_name(known[0]) != _bare_name(targets[0]):
            # the one full name here ("Michelle Obama") is not the well-known bearer of the surname:
            # a titled bare surname ("President Obama") is the well-known one, an untitled one stays apart
            if any(c.title for c in g.cands):
                g.name, g.label = known[0], "PERSON"
            return
        if len(targets) == 1:
            self._merge(groups, key, targets[0])
            groups[targets[0]].label = "PERSON"
        elif not targets and " " not in key and len(kb.surnames.get(key, [])) == 1:
            g.name, g.label = kb.surnames[key][0], "PERSON"
        elif not targets and g.label == "PERSON" and len(firsts) == 1:
            # a first name alone ("Hillary") naming the one person of that first name here
            self._merge(groups, key, firsts[0])

    def _join_known_people(self, groups: dict[str, _Group]) -> None:
        """People from the knowledge base named in full and by surname: same key."""
        for key in list(groups):
            named = groups.get(key)
            if named is None or named.label != "PERSON" or named.name is None:
                continue
            target = fold(named.name)
            if target in groups and target != key:
                self._merge(groups, key, target)

    def _outlet_short_forms(self, groups: dict[str, _Group]) -> None:
        """One-word short forms of an outlet ("the Post" after "New York Post") or an organisation."""
        ends: dict[str, set[str]] = {}
        for g in groups.values():
            if g.label == "OUTLET":
                for c in g.cands:
                    words = fold(c.text).split()
                    if len(words) > 1:
                        ends.setdefault(words[-1], set()).add(g.key)
        # "Hofstra" after "Hofstra University": the name without a generic organisation word
        suffixes = self.kb.org_suffixes
        for g in groups.values():
            words = g.key.split()
            if g.label == "ORG" and len(words) == 2 and words[1] in suffixes:
                ends.setdefault(words[0], set()).add(g.key)
        for key in list(groups):
            g = groups[key]
            if g.label == "ORG" and " " not in key and len(ends.get(key, ())) == 1:
                self._merge(groups, key, next(iter(ends[key])))

    def _bare_surnames(self, groups: dict[str, _Group], full: dict[str, list[str]]) -> None:
        """Surnames NER left untagged ("Katz, Gvir, Smotrich"): proper nouns naming one person here."""
        forms: dict[str, str] = {}
        for surname, keys in full.items():
            if len(keys) != 1 or keys[0] not in groups:
                continue
            known = self.kb.surnames.get(surname, [])
            if len(known) == 1 and _bare_name(known[0]) != _bare_name(keys[0]):
                continue  # "Obama" near "Michelle Obama" may well be Barack Obama
            for c in groups[keys[0]].cands:
                last = c.text.split()[-1] if c.text.split() else ""
                if fold(last) == surname and last[:1].isupper():
                    forms[last] = keys[0]
        self._add_bare(groups, forms, proper_noun=True)

    def _add_bare(self, groups: dict[str, _Group], forms: dict[str, str], proper_noun: bool) -> None:
        """Mentions of ``forms`` (surface -> group key) wherever no candidate covers them yet."""
        if not forms:
            return
        taken = _Taken((c.start, c.end) for g in groups.values() for c in g.cands)
        hits = _form_hits(self.text, forms)
        for start, end, form in sorted(hits, key=lambda h: (h[0], -h[1])):
            key = forms[form]
            if key not in groups or taken.hits(start, end):
                continue
            if proper_noun:
                span = self.doc.char_span(start, end)
                if span is None or len(span) != 1 or span[0].pos_ != "PROPN":
                    continue
            label = groups[key].label
            groups[key].cands.append(_Cand(start, end, form, label, key, comment=self.in_comment(start)))
            taken.add(start, end)

    def _join_acronyms(self, groups: dict[str, _Group]) -> None:
        # "Long Name (ACR)" written out
        ends = {c.end: c.key for g in groups.values() for c in g.cands}
        defined: dict[str, str] = {}
        for m in _ACRONYM_DEF.finditer(self.text):
            long_key = ends.get(m.start())
            acr_key = fold(m.group("acr"))
            if long_key and long_key in groups and groups[long_key].label != "PERSON":
                self._merge(groups, acr_key, long_key)
                defined[m.group("acr")] = long_key
        # an all-caps name equal to the initials of exactly one multi-word name
        initials: dict[str, list[str]] = {}
        for g in groups.values():
            if (
                g.label in ("ORG", "LAW", "EVENT", "FAC", "GPE", "LOC")
                and " " in g.key
                and not g.key.startswith(("gaz:", "gpe:", "norp:"))
            ):
                for form in _initial_forms(g.key, self.kb, _abbreviated_words(c.text for c in g.cands)):
                    initials.setdefault(form, []).append(g.key)
        for key in list(groups):
            short = groups.get(key)
            if short is None or " " in key or not 2 <= len(key) <= 6:
                continue
            if not all(c.text.isupper() for c in short.cands):
                continue
            targets = initials.get(key, [])
            if len(targets) == 1:
                defined.update((c.text, targets[0]) for c in short.cands)
                self._merge(groups, key, targets[0])
        self._add_bare(groups, defined, proper_noun=False)

    def _person_key(self, groups: dict[str, _Group], name: str) -> str | None:
        """Key of the group that is the person ``name`` (by full name or resolved surname)."""
        target = fold(name)
        if target in groups:
            return target
        for key, g in groups.items():
            if g.label == "PERSON" and g.name == name:
                return key
        return None

    def _attach_handles(self, groups: dict[str, _Group]) -> None:
        kb = self.kb
        persons = {k: g for k, g in groups.items() if g.label == "PERSON" and not g.comment_only}
        by_squash: dict[str, list[str]] = {}
        for k, g in persons.items():
            for form in {k, fold(g.name or k)}:
                by_squash.setdefault(form.replace(" ", ""), []).append(k)
                for s in surname_forms(form):
                    by_squash.setdefault(s.replace(" ", ""), []).append(k)
        for a, b, handle in self.handles:
            low = handle.lower()
            key: str | None = None
            if low in kb.handles:
                key = self._person_key(groups, kb.handles[low])
            elif self.gaz.by_handle(low) is not None:
                src = self.gaz.by_handle(low)
                assert src is not None
                key = "gaz:" + src.name
                groups.setdefault(key, _Group(key, label=src.type, name=src.name))
            elif low in self.handle_names and self.handle_names[low] in groups:
                key = self.handle_names[low]
            else:
                bare = low[1:].replace("_", "")
                bare = bare[4:] if bare.startswith("real") else bare
                found = set(by_squash.get(bare, []))
                key = found.pop() if len(found) == 1 else None
            if key is not None and key in groups:
                groups[key].cands.append(
                    _Cand(a, b, handle, groups[key].label, key, comment=self.in_comment(a))
                )
        for a, b, sig in self.signatures:
            person_key = self._person_key(groups, kb.signatures[sig])
            if person_key is not None:
                groups[person_key].cands.append(
                    _Cand(a, b, sig, "PERSON", person_key, comment=self.in_comment(a))
                )

    # ---------------------------------------------------------------- output
    def entities(self, groups: list[_Group]) -> list[Entity]:
        protected = self.kb.organisations
        title_spans = [c.title_span for g in groups if g.label == "PERSON" for c in g.cands if c.title_span]
        out: list[tuple[int, Entity]] = []
        for g in groups:
            cands = [
                c
                for c in g.cands
                if _kept(g.label, c, protected, title_spans)
                and not (g.label in ("GPE", "LOC") and self._common_phrase(c))
            ]
            if not cands or self._capitals_guess(g):
                continue
            cands.sort(key=lambda c: (c.start, -c.end))
            out.append((cands[0].start, self._entity(g, cands)))
        out.sort(key=lambda p: p[0])
        for i, (_, e) in enumerate(out, 1):
            e.id = f"e{i}"
        return [e for _, e in out]

    def _common_phrase(self, c: _Cand) -> bool:
        """A place's mention of one word that, with the word after it, the text writes in lower case
        elsewhere ("Two more Swine Flu fatalities", "Swine flu has killed ..." beside "the swine flu
        outbreak"): a common noun phrase capitalised by a headline or a sentence's start, no name. A
        country the knowledge base knows is always one."""
        if " " in c.text or fold(c.text) in self.kb.countries:
            return False
        nxt = _NEXT_WORD.match(self.text, c.end, c.end + 40)
        if nxt is None or _PHRASE_STOP.fullmatch(nxt.group(1).lower()):
            return False
        if self._pairs is None:  # read once: a text of many places stays linear
            self._pairs = {(m.group(1), m.group(2)) for m in _LOWER_PAIR.finditer(self.text)}
        return (c.text.lower(), nxt.group(1).lower()) in self._pairs

    def _capitals_guess(self, g: _Group) -> bool:
        """A name read only in title-cased lines that no gazetteer or list of people knows ("Swine Flu
        Toll Surpasses", "Flu Kills" tagged PERSON in a headline): the tagger's guess at capitals, where
        every word has one. A place or a people (*Mexico*, *Mexican*) is still one."""
        if g.label in ("GPE", "NORP", "LOC") or any(c.fixed for c in g.cands):
            return False
        if g.label == "PERSON" and _bare_name(g.name or g.cands[0].text) in self.kb.people:
            return False
        return all(title_cased_line(self.text, c.start) for c in g.cands)

    def _entity(self, g: _Group, cands: list[_Cand]) -> Entity:
        """The entity of group ``g`` from its kept candidates (in text order): name, mentions,
        aliases, title and country."""
        name = g.name or self._best_name(g.label, cands)
        if g.label == "PERSON":
            name = self.kb.people.get(_bare_name(name), name)
        entity = Entity(id="", name=name, type=g.label)
        seen: set[tuple[int, int]] = set()
        for c in cands:
            if (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            entity.mentions.append(Mention(c.start, c.end, c.text))
            if c.text not in entity.aliases:
                entity.aliases.append(c.text)
        titles = [c.title for c in cands if c.title]
        if titles and g.label == "PERSON":
            entity.attributes["title"] = max(titles, key=len)
        country = next((c.country for c in cands if c.country), None)
        if country and g.label != "GPE" and (g.label != "PERSON" or titles):
            entity.attributes["country"] = country
        return entity

    @staticmethod
    def _best_name(label: str, cands: list[_Cand]) -> str:
        texts = Counter(c.text for c in cands if not c.text.startswith("@") and not c.comment) or Counter(
            c.text for c in cands
        )
        if label == "PERSON":
            return max(texts, key=lambda t: (len(t.split()), texts[t], len(t)))
        # an expansion beats its acronym ("International Criminal Court" over "ICC")
        return max(texts, key=lambda t: (" " in t and not t.isupper(), texts[t], len(t)))


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Folded names of the countries the knowledge base has a people of ("haiti", "mexico")."""
    return frozenset(fold(c) for c in load_knowledge().demonyms.values())


# words before a name that make it a person's ("Mr Cattan", "said Houston")
_PERSON_TITLES = frozenset({"mr", "ms", "mrs", "dr", "prof", "professor", "sir", "dame", "lord", "lady"})
_SAYING = frozenset({"say", "add", "tell", "write", "ask", "reply", "explain", "insist", "joke", "warn"})
# prepositions that make the name after them a place ("in Basra", "near Mosul")
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "towards"}
)

# the word after a place's mention, and the words that join it to the next phrase (not a phrase of its
# own: "the US in May" beside "told us in May"): :meth:`_Extractor._common_phrase`
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]{3,})\b")
# a word in lower case (not in an address: after a slash, a dot or an @) and the word after it
_LOWER_PAIR = re.compile(r"(?<![\w/.@-])([a-z]+)(?=[ \t]+([a-z]+)\b)")
# (one pattern: a word list this long is a column of one word a line once formatted)
_PHRASE_STOP = re.compile(
    r"(?:and|but|the|for|from|with|that|this|was|were|has|had"
    r"|have|are|its|into|over|than|then|said|says|after|before|since|when|while|where|which|who|whose)"
)


def _kept(label: str, c: _Cand, protected: Container[str], title_spans: list[tuple[int, int]]) -> bool:
    """A candidate kept as a mention: of a place, people or a person, fixed, a protected
    organisation, or outside every person's title (*the Foreign Ministry* of *Foreign Minister X*)."""
    return (
        label in ("GPE", "NORP", "PERSON")
        or c.fixed
        or fold(c.text) in protected
        or not any(s <= c.start and c.end <= e for s, e in title_spans)
    )


def extract_entities(doc: Doc, segments: Sequence[Segment] = ()) -> EntityIndex:
    """Entities of one parsed document, one per real-world thing, with every mention's offsets."""
    ex = _Extractor(doc, segments)
    ex.gazetteer()
    ex.state_media()
    ex.signature_lines()
    ex.handle_mentions()
    ex.ner()
    return EntityIndex(ex.entities(ex.group()))
