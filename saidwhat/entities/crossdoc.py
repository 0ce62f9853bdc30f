"""Cross-document entity matching: when two per-document entities are one real-world thing.

Pure functions over names; the store's registry (``saidwhat.store.registry``) keeps the index and
calls :func:`decide`. A name is parsed once into a :class:`Name`: its *core* (the folded matching
key: anyascii transliteration, lowercase, accents and dots dropped, titles and ranks stripped from
persons, legal-form suffixes from organisations, a known acronym replaced by its full name), and
its words. Index keys (:func:`index_keys`) are short strings — the core, the skeleton of a person's
surname, a person's first name, the initials of an organisation — so the candidates of a new name
are found by a few indexed look-ups whatever the size of the store.

Join rules (each a linguistic fact, each tested in ``tests/test_crossdoc.py``):

* same core, compatible types → one entity ("Col. Gaddafi" = "Gaddafi", "BP plc" = "BP");
* persons: the surnames are equal or transliteration variants (same consonant skeleton and a
  rapidfuzz ratio >= ``TRANSLIT_RATIO``), and the given names agree — equal, an initial, a listed
  nickname, or a transliteration variant ("Ayad"/"Iyad", "Moqtada"/"Muqtada"). Two different
  given names never join (Michael, Katherine and Joe Jackson stay apart), and the new name must
  agree with *every* full name already joined to the entity;
* a surname alone (typed PERSON, or ORG/GPE when it is no known organisation or country) joins the
  one person of the store with that surname, never one of two; a spelling variant only when every
  vowel group keeps its place and length ("Yuschenko", not "Clarke" for Helen Clark); a first
  name alone joins the one person with that first name when nobody has it as a surname;
* organisations: an acronym joins the one organisation whose initials it is, and the long form
  takes over an entity known only by its acronym; the table ``saidwhat/data/acronyms.toml`` maps
  well-known acronyms and short names ("Fed", "WHO") to their full name; organisation and place
  names that differ only by transliteration ("Al-Qaida"/"Al-Qaeda", "Falluja"/"Fallujah") join.

Names in ``saidwhat/data/non_speakers.toml`` ("you", "Views", "Reports") are refused
(:func:`parse_name` returns None).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from anyascii import anyascii
from rapidfuzz.fuzz import ratio

from saidwhat.entities.resources import fold, load_gazetteer, load_knowledge, possessor, strip_possessive

TRANSLIT_RATIO = 70.0  # person names: same skeleton and at least this rapidfuzz ratio
BARE_RATIO = 88.0  # a surname alone against a person's surname: the given names cannot confirm it
CORE_RATIO = 88.0  # organisation / place names: same skeleton and first letter, this ratio, lengths within 1

PERSON, ORG, PLACE, ANY = "person", "org", "place", "any"
_FAMILY = {
    "PERSON": PERSON,
    "PER": PERSON,
    "ORG": ORG,
    "ORGANIZATION": ORG,
    "OUTLET": ORG,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "": ANY,
    "UNKNOWN": ANY,
    "MISC": ANY,
}
_EDGE = " \t\n.,;:!?\"'“”‘’()[]{}-–—"


def family(etype: str) -> str:
    """The type family of an entity type: person, org, place, any (unknown) or the type itself."""
    t = etype.strip().upper()
    return _FAMILY.get(t, t.lower())


def families_compatible(a: str, b: str) -> bool:
    return a == b or ANY in (a, b)


# -- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CrossdocData:
    """The validated contents of crossdoc.toml, acronyms.toml and non_speakers.toml."""

    titles: tuple[tuple[str, ...], ...]  # folded title word sequences, longest first
    person_suffixes: frozenset[str]
    particles: frozenset[str]
    company_suffixes: frozenset[str]
    acronym_stopwords: frozenset[str]
    nicknames: dict[str, str]  # folded short or full given name -> folded full name
    acronyms: dict[str, str]  # short form as written (dots removed) -> full name
    org_names: dict[str, str]  # folded full name or variant -> full name
    pronouns: frozenset[str]
    labels: frozenset[str]
    honorifics: frozenset[str]  # titles that make any name a person's ("Dr Fukuda" typed ORG)

    def full_name(self, short: str) -> str | None:
        """The full name of a short form of the acronym table ("CDC", "U.N."), None for none."""
        return self.acronyms.get(_undot(short))


def _read(name: str) -> dict[str, Any]:
    raw = resources.files("saidwhat.data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _words(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where} must be a list of non-empty strings")
    return list(value)


def _undot(text: str) -> str:
    return text.replace(".", "").replace(" ", "")


@lru_cache(maxsize=1)
def load_crossdoc() -> CrossdocData:
    """The matching data (cached). Raises ValueError when a file is not in the documented shape."""
    cfg = _read("crossdoc.toml")
    acr = _read("acronyms.toml")
    non = _read("non_speakers.toml")
    titles = sorted(
        {tuple(fold(t).split()) for t in _words(cfg.get("person_titles"), "person_titles")},
        key=lambda t: (-len(t), t),
    )
    nicknames: dict[str, str] = {}
    for full, shorts in cfg.get("nicknames", {}).items():
        for short in [full, *(_words(shorts, f"nicknames.{full}") if shorts else [])]:
            nicknames[fold(short)] = fold(full)
    suffixes = frozenset(fold(s) for s in _words(cfg.get("company_suffixes"), "company_suffixes"))
    acronyms: dict[str, str] = {}
    org_names: dict[str, str] = {}
    for i, row in enumerate(acr.get("org", [])):
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"acronyms.toml [[org]] #{i + 1} needs a name")
        for short in _words(row.get("short"), f"acronyms.toml [[org]] {name} short"):
            if acronyms.get(_undot(short), name) != name:
                raise ValueError(f"acronyms.toml: {short!r} is listed twice")
            acronyms[_undot(short)] = name
        variants = _words(row["variants"], f"{name} variants") if "variants" in row else []
        for variant in [name, *variants]:
            org_names[_org_core(ascii_fold(variant), suffixes)] = name
    return CrossdocData(
        titles=tuple(titles),
        person_suffixes=frozenset(fold(s) for s in _words(cfg.get("person_suffixes"), "person_suffixes")),
        particles=frozenset(fold(s) for s in _words(cfg.get("particles"), "particles")),
        company_suffixes=suffixes,
        acronym_stopwords=frozenset(
            fold(s) for s in _words(cfg.get("acronym_stopwords"), "acronym_stopwords")
        ),
        nicknames=nicknames,
        acronyms=acronyms,
        org_names=org_names,
        pronouns=frozenset(s.casefold() for s in _words(non.get("pronouns"), "pronouns")),
        labels=frozenset(s.casefold() for s in _words(non.get("labels"), "labels")),
        honorifics=frozenset(fold(s) for s in _words(cfg.get("person_honorifics"), "person_honorifics")),
    )


@lru_cache(maxsize=1)
def common_first_names() -> frozenset[str]:
    """Common given names (``saidwhat/data/gender.toml``): alone, they may name anybody."""
    data = _read("gender.toml").get("first_names", {})
    return frozenset(fold(n) for names in data.values() for n in names)


@lru_cache(maxsize=1)
def gender_data() -> tuple[dict[str, str], dict[str, str]]:
    """Gendered titles and first names of ``saidwhat/data/gender.toml``: word -> "male"/"female"."""
    raw = _read("gender.toml")
    titles = {t.lower().rstrip("."): g for g, ts in raw.get("titles", {}).items() for t in ts if " " not in t}
    names = {fold(n): g for g, ns in raw.get("first_names", {}).items() for n in ns}
    return titles, names


# -- names ---------------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """anyascii transliteration, then :func:`fold` (lowercase, no accents, dots or apostrophes)."""
    return fold(anyascii(text))


_SKELETON_SUBS = (
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"[^a-z0-9]"), ""),  # digits stay: "Radio 1" is not "Radio 4"
    (re.compile(r"[qcgk]"), "k"),
    (re.compile(r"z"), "s"),
    (re.compile(r"v"), "f"),
    (re.compile(r"[aeiouyhw]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


@lru_cache(maxsize=16384)
def skeleton(word: str) -> str:
    """A consonant skeleton for indexing transliteration variants: vowels, h, w, y dropped, q/c/g/k
    and s/z merged, doubles collapsed ("Qaddafi", "Gadhafi", "Kadhafi" → "kdf"; "Muqtada" = "Moqtada")."""
    s = word.lower()
    for pattern, repl in _SKELETON_SUBS:
        s = pattern.sub(repl, s)
    return s


def _org_core(key: str, suffixes: frozenset[str]) -> str:
    words = key.split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Name:
    """A name parsed for cross-document matching."""

    display: str  # as written, titles and edge punctuation removed ("Ayad Allawi")
    etype: str  # the entity type as given (upper case)
    family: str  # person / org / place / any / other type in lower case
    core: str  # the folded matching key ("ayad allawi", "federal reserve")
    words: tuple[str, ...]  # core words, without particles for persons
    caps: bool  # one word written as an acronym ("WHO", "U.N.", "MoD")
    label: str  # the name to show: the display, or the full name of a listed acronym
    titled: bool = False  # a person written after a title ("President Bush", "Prince Charles")
    gender: str | None = None  # "male" / "female" from a title ("Mrs") or a first name (gender.toml)

    @property
    def acronym(self) -> str:
        """The written acronym of a caps name, folded ("U.N." → "un"); "" for other names."""
        return fold(self.display) if self.caps else ""

    @property
    def surname(self) -> str:
        return self.words[-1]

    @property
    def given(self) -> tuple[str, ...]:
        return self.words[:-1]

    @property
    def is_full(self) -> bool:
        """A person written with given name(s) and surname."""
        return self.family == PERSON and len(self.words) >= 2

    def completeness(self) -> tuple[int, int, int]:
        """Orders names by how complete they are: full words (not initials), then words, then length."""
        full = sum(1 for w in self.words if len(w) > 1)
        return (full, len(self.label.split()), len(self.label))


def refused(name: str) -> bool:
    """Whether ``name`` is a generic pronoun or a page/section label that never names an entity."""
    data = load_crossdoc()
    s = name.strip(_EDGE).replace("’", "'")
    low = re.sub(r"\s+", " ", s.casefold())
    if low.startswith("the "):
        low = low[4:]
    if low in data.labels:
        return True
    return low in data.pronouns and not (s.isupper() and len(s) > 1)


def _strip_titles(words: list[str], data: CrossdocData) -> int:
    """How many leading words of ``words`` (folded) are titles, leaving at least one word."""
    i = 0
    changed = True
    while changed:
        changed = False
        for title in data.titles:
            n = len(title)
            if len(words) - i > n and tuple(words[i : i + n]) == title:
                i += n
                changed = True
                break
    return i


_CAPS = re.compile(r"^(?:[A-Z]\.){1,5}[A-Z]\.?$|^[A-Z][A-Za-z]{1,5}$")


def _is_caps(display: str) -> bool:
    """One word written as an acronym: "WHO", "U.N.", "MoD" (two or more capitals, at most 6 letters)."""
    if " " in display or not _CAPS.match(display):
        return False
    return sum(1 for c in display if c.isupper()) >= 2


_OPEN_PAREN = re.compile(r"\s*\([^()]*\)?$")


def _known_org(display: str, data: CrossdocData) -> bool:
    """Listed as an organisation (acronym table, gazetteer, [organisations]): never a person."""
    if (
        data.full_name(display) is not None
        or _org_core(ascii_fold(display), data.company_suffixes) in data.org_names
    ):
        return True
    return load_gazetteer().lookup(display) is not None or fold(display) in load_knowledge().organisations


_GLUED_INITIALS = re.compile(r"\b([A-Z])\.(?=[A-Z]\.)")


def _person(display: str, etype: str, data: CrossdocData) -> Name | None:
    # the richer title regex of the per-document stage ("US President", "Defense Minister") first
    inside = load_knowledge().title_inside.match(display)
    titled = inside is not None
    title_words = inside.group().split() if inside else []
    if inside:
        display = display[inside.end() :]
    raw = _GLUED_INITIALS.sub(r"\1. ", display).split()  # "G.W. Bush" -> "G. W. Bush"
    folded = [ascii_fold(w) for w in raw]
    cut = _strip_titles([" ".join(f.split()) for f in folded], data)
    titled = titled or cut > 0
    title_words += raw[:cut]
    raw, folded = raw[cut:], folded[cut:]
    while len(folded) > 1 and folded[-1] in data.person_suffixes:
        raw, folded = raw[:-1], folded[:-1]
    display = " ".join(raw).strip(_EDGE + ",")
    words = tuple(w for f in folded for w in f.split())
    if not words:
        return None
    kept = tuple(w for w in words if w not in data.particles) or words
    if any(w.islower() and ascii_fold(w) not in data.particles for w in raw[1:]):
        # "Stephen Rae of GlaxoSmithKline": not a person's name; joins only its exact copies
        return Name(display, etype, "person-like", " ".join(words), words, False, display, titled)
    return Name(
        display, etype, PERSON, " ".join(words), kept, False, display, titled, _gender(title_words, kept)
    )


def _gender(title_words: Sequence[str], words: Sequence[str]) -> str | None:
    titles, first_names = gender_data()
    for w in title_words:
        g = titles.get(w.lower().rstrip(".")) or titles.get(w.lower())
        if g:
            return g
    return first_names.get(words[0]) if len(words) > 1 else None


@lru_cache(maxsize=65536)
def parse_name(name: str, etype: str) -> Name | None:
    """Parse ``name`` of type ``etype``; None when it names nothing (empty, a pronoun, a label)."""
    data = load_crossdoc()
    etype = etype.strip().upper()
    fam = family(etype)
    display = re.sub(r"\s+", " ", strip_possessive(possessor(name.strip().replace("’", "'")))).strip(_EDGE)
    if display.lower().startswith("the "):
        display = display[4:]
    display = _OPEN_PAREN.sub("", display) or display  # "World Health Organization (WHO"
    if not display or refused(display):
        return None
    if fam in (PERSON, PLACE) and _known_org(display, data):
        fam, etype = ORG, "ORG"  # "Unicef" tagged PERSON, "EU" tagged GPE
    elif fam in (ORG, PLACE, ANY) and " " in display and ascii_fold(display.split()[0]) in data.honorifics:
        fam, etype = PERSON, "PERSON"  # "Dr Fukuda" tagged ORG
    if fam == PERSON:
        return _person(display, etype, data)
    caps = _is_caps(display)
    key = ascii_fold(display)
    if not key:
        return None
    if fam in (ORG, ANY):
        full = data.full_name(display)
        if full is not None:
            core = ascii_fold(full)
            return Name(display, etype, fam, core, tuple(core.split()), caps, full)
        src = load_gazetteer().lookup(display)
        if src is not None:
            key = fold(src.name)
        core = _org_core(key, data.company_suffixes)
        full = data.org_names.get(core)
        first, _, rest = core.partition(" ")
        if full is None and rest and first in load_knowledge().demonyms:
            full = data.org_names.get(
                rest
            )  # "UK Health Protection Agency", "US Food and Drug Administration"
        if full is not None:
            core = ascii_fold(full)
        return Name(display, etype, fam, core, tuple(core.split()), caps, display)
    label = display
    kb = load_knowledge()
    if fam == PLACE and key in kb.countries:
        label = kb.countries[key]
        key = fold(label)
    elif fam == "norp" and key in kb.demonyms:
        key = fold(kb.demonyms[key])
    return Name(display, etype, fam, key, tuple(key.split()), caps, label)


def known_non_person(name: Name) -> bool:
    """A one-word ORG/GPE that is a known organisation, outlet, acronym or country, never a surname
    (nor a company written with its legal form: "Roche AG")."""
    kb = load_knowledge()
    data = load_crossdoc()
    return (
        name.caps
        or len(name.display.split()) > len(name.words)
        or name.core in kb.countries
        or name.core in kb.demonyms
        or name.core in kb.organisations
        or name.core in data.org_names
        or load_gazetteer().lookup(name.display) is not None
    )


def acronyms_of(name: Name) -> list[str]:
    """The acronyms a multi-word organisation name may be written as ("Ministry of Defense" → mod, md)."""
    if name.family not in (ORG, ANY) or len(name.words) < 2 or name.caps:
        return []
    stop = load_crossdoc().acronym_stopwords
    written = name.display.replace(".", "").split()
    if any(len(w) > 1 and w.isupper() for w in written):
        return []  # "UN Security Council": an acronym inside is no initial
    if any(w.islower() and ascii_fold(w) not in stop for w in written):
        return []  # "This message": not a name
    words = list(name.words)
    forms = ["".join(w[0] for w in words if w not in stop), "".join(w[0] for w in words)]
    if "and" in words[1:]:
        head = words[: words.index("and", 1)]
        forms.append("".join(w[0] for w in head if w not in stop))
    out: list[str] = []
    for f in forms:
        if len(f) >= 2 and f not in out:
            out.append(f)
    return out


# -- index keys ----------------------------------------------------------------------------------


def _surname_key(word: str) -> str:
    sk = skeleton(word)
    return f"s:{sk}" if len(sk) >= 2 else f"s:={word}"


def index_keys(name: Name) -> list[str]:
    """The keys under which an entity known by ``name`` is found again."""
    keys = [f"n:{name.core}"]
    if name.family == PERSON:
        keys.append(_surname_key(name.surname))
        if name.is_full:
            keys.append(f"g:{name.given[0]}")
    elif name.family in (ORG, PLACE, ANY):
        keys.append(f"k:{name.family}:{skeleton(name.core) or name.core}")
        if name.caps:
            keys.append(f"c:{name.acronym}")
        keys.extend(f"a:{a}" for a in acronyms_of(name))
        if len(name.words) == 1 and not name.caps:
            keys.append(_surname_key(name.core))
    return keys


def probe_keys(name: Name) -> list[str]:
    """The keys to look up for the candidates of ``name``."""
    keys = [f"n:{name.core}"]
    if name.family == PERSON or (len(name.words) == 1 and not name.caps):
        keys.append(_surname_key(name.words[-1]))
    if name.family == PERSON and len(name.words) == 1:
        keys.append(f"g:{name.words[0]}")
    if name.family in (ORG, PLACE, ANY):
        keys.append(f"k:{name.family}:{skeleton(name.core) or name.core}")
        if name.caps:
            keys.append(f"a:{name.acronym}")
        keys.extend(f"c:{a}" for a in acronyms_of(name))
    return keys


# -- comparing names -----------------------------------------------------------------------------


def translit(a: str, b: str, threshold: float = TRANSLIT_RATIO) -> bool:
    """Transliteration variants of one word: same skeleton and a close spelling (rapidfuzz ratio)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3:
        return False
    return skeleton(a) == skeleton(b) != "" and ratio(a, b) >= threshold


_VOWELS = re.compile(r"[aeiou]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def bare_surname_variant(a: str, b: str) -> bool:
    """A surname written alone is the surname ``b`` of a known person: equal, or a transliteration
    variant (:func:`translit` at ``BARE_RATIO``) that keeps every vowel group's place and length.

    Nothing else confirms a surname alone, and a vowel written or not is what tells two real
    surnames apart ("Clark" / "Clarke", "Wells" / "Welles", "Rusch" / "Rausch", "Brown" / "Browne");
    transliterations change vowels and consonant clusters in place ("Yushchenko" / "Yuschenko",
    "Aaronovitch" / "Aaranovitch", "Gaddafi" / "Gadhafi")."""
    if a == b:
        return True
    if not translit(a, b, BARE_RATIO):
        return False
    return [len(g) for g in _VOWEL_GROUPS.findall(a)] == [len(g) for g in _VOWEL_GROUPS.findall(b)]


def given_word_match(a: str, b: str) -> bool:
    """Two given names (or middle names) of one person: equal, an initial, a nickname, a variant.

    A short name (five letters or fewer) varies only in its vowels ("Ayad" / "Iyad", "Nouri" /
    "Nuri"; not "Jon" / "John"); a longer one by transliteration ("Elisabeth" / "Elizabeth")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    nick = load_crossdoc().nicknames
    if a in nick and nick.get(a) == nick.get(b):
        return True
    if min(len(a), len(b)) <= 5:  # at least two consonants: "Ali" is not "Ala"
        return _VOWELS.sub("", a) == _VOWELS.sub("", b) and len(_VOWELS.sub("", a)) >= 2
    return translit(a, b)


def given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Given names agree: the first ones match and, when both have middle names, so do those."""
    if not a or not b:
        return True
    if not given_word_match(a[0], b[0]):
        return False
    ma, mb = a[1:], b[1:]
    if not ma or not mb:
        return True
    if len(ma) != len(mb):
        return False
    return all(given_word_match(x, y) for x, y in zip(ma, mb, strict=True))


def same_person(a: Name, b: Name) -> bool:
    """Two full person names that may be one person (surname variants, compatible given names).

    Spacing inside the given names does not count ("La Toya" = "LaToya")."""
    if not translit(a.surname, b.surname):
        return False
    if "".join(a.given) == "".join(b.given):
        return True
    if a.surname != b.surname and not _given_close(a.given, b.given):
        return False  # never two spelling variants at once ("Ann Barnes" / "Annie Burns")
    return given_compatible(a.given, b.given)


def _given_close(a: Sequence[str], b: Sequence[str]) -> bool:
    """The first given names are equal, an initial of each other or a listed nickname."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    nick = load_crossdoc().nicknames
    return (
        x == y
        or ((len(x) == 1 or len(y) == 1) and x[0] == y[0])
        or (x in nick and nick.get(x) == nick.get(y))
    )


def close_core(a: Name, b: Name) -> bool:
    """Organisation or place names that differ by the spelling of one word ("Falluja" / "Fallujah",
    "Al-Qaida" / "Al-Qaeda"): same first letter, length within one, same skeleton and a close ratio
    (``CORE_RATIO`` for a one-word name, ``TRANSLIT_RATIO`` for a word among equal ones)."""
    if a.core == b.core:
        return True
    if a.display.islower() or b.display.islower():
        return False  # "unit" is no spelling of "Unita": a word not written as a name ("al-Qaeda" is)
    wa, wb = a.core.split(), b.core.split()
    if a.caps or b.caps or len(wa) != len(wb):
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x[:1] != y[:1] or min(len(x), len(y)) < 4 or abs(len(x) - len(y)) > 1:
        return False  # "West Midlands" is not "East Midlands"
    return translit(x, y, CORE_RATIO if len(wa) == 1 else TRANSLIT_RATIO)


# -- deciding ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Candidate:
    """A registry entity found through the index, with every name (variant) joined to it."""

    gid: int
    etype: str
    variants: tuple[Name, ...]
    name: str = ""  # the entity's canonical name

    @property
    def family(self) -> str:
        return family(self.etype)

    def full_names(self) -> list[Name]:
        return [v for v in self.variants if v.is_full]

    def person(self) -> bool:
        return self.family in (PERSON, ANY) and any(v.family == PERSON for v in self.variants)

    def has_core(self, name: Name) -> bool:
        return any(v.core == name.core and families_compatible(v.family, name.family) for v in self.variants)


SAME_NAME_OTHER_TYPE = "same full name, entity typed ORG"


@dataclass(frozen=True, slots=True)
class Decision:
    """``gid`` to join (None: create a new entity); ``rule`` names the rule that decided."""

    gid: int | None
    rule: str


def _one(gids: Iterable[int]) -> int | None:
    distinct = sorted(set(gids))
    return distinct[0] if len(distinct) == 1 else None


def _persons_with_surname(word: str, cands: Sequence[Candidate]) -> list[int]:
    """The persons of ``cands`` whose surname a surname written alone may be."""
    return sorted(
        {
            c.gid
            for c in cands
            if c.person() and any(bare_surname_variant(word, v.surname) for v in c.full_names())
        }
    )


def _gender_allows(gender: str, gid: int, cands: Sequence[Candidate]) -> bool:
    """Whether the person ``gid`` may have ``gender``: only a known other gender forbids it."""
    known = {v.gender for c in cands if c.gid == gid for v in c.full_names() if v.gender}
    return not known or gender in known


def _decide_full_person(name: Name, cands: Sequence[Candidate]) -> Decision:
    exact = [c.gid for c in cands if c.person() and c.has_core(name)]
    if exact:
        return Decision(min(exact), "same name")
    # the same full name in an entity NER typed ORG ("Keiji Fukuda" tagged ORG elsewhere)
    typed_org = [
        c.gid
        for c in cands
        if c.family == ORG and any(v.core == name.core and not v.caps for v in c.variants)
    ]
    if typed_org:
        return Decision(min(typed_org), SAME_NAME_OTHER_TYPE)
    fits = [
        c.gid
        for c in cands
        if c.person() and c.full_names() and all(same_person(name, v) for v in c.full_names())
    ]
    if fits:
        gid = _one(fits)
        return Decision(gid, "name variant" if gid is not None else "ambiguous full name")
    # an entity known by this surname alone is never taken over: it may be someone else
    return Decision(None, "new")


def _decide_one_word(name: Name, cands: Sequence[Candidate]) -> Decision:
    exact = [c for c in cands if c.has_core(name)]
    if name.family == PERSON:
        bare_only = [c.gid for c in exact if not c.full_names()]
        if bare_only:  # the entity already known by this name alone
            return Decision(min(bare_only), "same name")
    if _surname_like(name, cands):
        decision = _decide_surname(name, cands, exact)
        if decision is not None:
            return decision
    if exact:
        return Decision(min(c.gid for c in exact), "same name")
    return _decide_org_place(name, cands)


def _surname_like(name: Name, cands: Sequence[Candidate]) -> bool:
    """Whether one word may be a surname: capitalised, typed PERSON (and no place or organisation
    of the store: "Haiti" tagged PERSON) or ORG/GPE when it is no known organisation or country,
    and no common first name ("Michael" alone is not Alun Michael). A lowercase word ("flu") is
    no surname."""
    word = name.words[0]
    place_or_org = any(
        c.family in (ORG, PLACE) and any(v.core == name.core for v in c.variants) for c in cands
    )
    surname_like = (
        name.display[:1].isupper()
        and not (name.family == PERSON and place_or_org)
        and word not in common_first_names()  # "Michael" alone is not Alun Michael
    )
    return surname_like and (
        name.family == PERSON or (name.family in (ORG, PLACE) and not known_non_person(name))
    )


def _decide_surname(name: Name, cands: Sequence[Candidate], exact: list[Candidate]) -> Decision | None:
    """A surname-like word (:func:`_surname_like`): the entity of the same name (not a person's
    name), the one person with that surname, else (typed PERSON) the entity of the same name or the
    one person with that first name; None to go on as an organisation or place."""
    word = name.words[0]
    if name.family != PERSON and exact:
        return Decision(min(c.gid for c in exact), "same name")
    persons = _persons_with_surname(word, cands)
    if len(persons) > 1 and name.gender:  # "Mrs Clinton": not Bill Clinton
        persons = [p for p in persons if _gender_allows(name.gender, p, cands)]
    if len(persons) == 1:
        return Decision(persons[0], "surname of one person")
    if len(persons) > 1:
        return Decision(None, "surname shared by several people")
    if name.family != PERSON:
        return None
    if exact:
        return Decision(min(c.gid for c in exact), "same name")
    firsts = {c.gid for c in cands if c.person() and any(v.given[:1] == (word,) for v in c.full_names())}
    # "Prince Charles" is no Charles Kennedy; "David" or "Mike" alone names anybody
    gid = None if name.titled or word in common_first_names() else _one(firsts)
    return Decision(gid, "first name of one person" if gid is not None else "new")


def _decide_org_place(name: Name, cands: Sequence[Candidate]) -> Decision:
    same = [c for c in cands if families_compatible(c.family, name.family) and not c.person()]
    decision = _same_org_place(name, cands, same) or _person_typed_org(name, cands) or _acronym(name, same)
    if decision is not None:
        return decision
    close = [c.gid for c in same if any(close_core(name, v) for v in c.variants)]
    gid = _one(close)
    return Decision(gid, "spelling variant") if gid is not None else Decision(None, "new")


def _same_org_place(name: Name, cands: Sequence[Candidate], same: list[Candidate]) -> Decision | None:
    """The entity of the same name and a compatible type (``same``), or, for one word tagged ORG here
    and GPE/LOC there ("Oxfam", "Petionville"), any organisation or place of the same name."""
    exact = [c.gid for c in same if c.has_core(name)]
    if exact:
        return Decision(min(exact), "same name")
    if len(name.words) == 1 and name.family in (ORG, PLACE):
        other = [
            c.gid
            for c in cands
            if c.family in (ORG, PLACE) and not c.person() and any(v.core == name.core for v in c.variants)
        ]
        if other:
            return Decision(min(other), "same name")
    return None


def _person_typed_org(name: Name, cands: Sequence[Candidate]) -> Decision | None:
    """A person's full name tagged ORG: the person."""
    if len(name.words) > 1 and name.family in (ORG, ANY) and not name.caps:
        persons = [
            c.gid for c in cands if c.person() and any(v.is_full and v.core == name.core for v in c.variants)
        ]
        if persons:
            return Decision(min(persons), "person's name typed ORG")
    return None


def _acronym(name: Name, same: list[Candidate]) -> Decision | None:
    """An acronym: the one name of ``same`` it abbreviates; a long name: the one entity known only
    by its acronym (when no other long name has that acronym)."""
    if name.caps:
        longs = [c.gid for c in same if any(name.acronym in acronyms_of(v) for v in c.variants)]
        gid = _one(longs)
        if gid is not None:
            return Decision(gid, "acronym of one name")
    elif len(name.words) > 1:
        mine = set(acronyms_of(name))
        acr_only = [
            c.gid
            for c in same
            if c.variants and all(v.acronym in mine and v.core == v.acronym for v in c.variants)
        ]
        other_longs = [c.gid for c in same if any(mine & set(acronyms_of(v)) for v in c.variants)]
        gid = _one(acr_only)
        if gid is not None and not other_longs:
            return Decision(gid, "expansion of an acronym")
    return None


def decide(name: Name, candidates: Sequence[Candidate], blocked: Callable[[Candidate], bool]) -> Decision:
    """Which candidate entity ``name`` joins (``Decision.gid``), or None for a new entity.

    ``blocked(c)`` is True when the user's alias file forbids joining ``name`` to ``c`` (a
    ``[[split]]``); blocked candidates are ignored.
    """
    cands = [c for c in candidates if not blocked(c)]
    if name.is_full:
        return _decide_full_person(name, cands)
    if len(name.words) == 1 and not name.caps:
        return _decide_one_word(name, cands)
    return _decide_org_place(name, cands)
