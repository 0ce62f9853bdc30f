"""Data files behind the entity stage, loaded once and precompiled.

``outlets.toml`` (the outlet/platform gazetteer), ``titles.toml`` (titles and roles written before
names) and ``entities.toml`` (well-known people with their handles and signatures, country aliases,
demonyms, organisations spaCy mislabels). See ``docs/entities.md`` for the formats.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_NON_WORD = re.compile(r"[^\w@]+")


def trie_regex(words: list[str]) -> str:
    """One regex alternation for many literal strings, factored as a trie (fast first-character rejection).

    Longer strings win over their prefixes, as in a longest-first alternation.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase, accents folded, dots and apostrophes dropped, other punctuation collapsed to spaces."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.lower().replace(".", "").replace("'", "")).strip()


def strip_possessive(text: str) -> str:
    """``"Trump’s"`` → ``"Trump"`` (``"Hamas’"`` → ``"Hamas"``)."""
    return _POSSESSIVE.sub("", text)


# "Donald Trump's plan", "Hamas' leaders": a capitalised possessor, then only lowercase words (the
# head noun phrase); "People's Liberation Army" (a capitalised head) is a name and stays whole
# (each word and each gap matched by one disjoint pattern: linear time, whatever the text)
_POSSESSIVE_NP = re.compile(r"^(?P<owner>[A-Z][^'’]*?(?:['’]s|s['’]))\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)*\s*$")


def possessor(text: str) -> str:
    """The possessor of a possessive noun phrase (``"Donald Trump's plan"`` → ``"Donald Trump"``);
    any other text unchanged: the thing owned is not an entity, its owner is."""
    m = _POSSESSIVE_NP.match(text.strip())
    return strip_possessive(m.group("owner")) if m else text


def _load(name: str) -> dict[str, Any]:
    raw = resources.files("saidwhat.data").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(raw)


@dataclass(frozen=True, slots=True)
class Source:
    """One gazetteer entry: a news outlet, agency, broadcaster or platform."""

    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    handles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int
    end: int
    source: Source


@dataclass
class Gazetteer:
    """The outlet/platform gazetteer with one precompiled matcher over all aliases."""

    sources: list[Source]
    _by_alias: dict[str, Source] = field(default_factory=dict, repr=False)
    _by_fold: dict[str, Source] = field(default_factory=dict, repr=False)
    _by_handle: dict[str, Source] = field(default_factory=dict, repr=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _after_on: re.Pattern[str] | None = field(default=None, repr=False)
    _after_on_map: dict[str, Source] = field(default_factory=dict, repr=False)
    _article_forms: set[str] = field(default_factory=set, repr=False)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Gazetteer:
        gaz = cls([])
        for row in data.get("source", []):
            src = Source(
                name=row["name"],
                type=row.get("type", "OUTLET"),
                country=row.get("country"),
                aliases=tuple(row.get("aliases", [])),
                handles=tuple(row.get("handles", [])),
            )
            gaz.sources.append(src)
            for alias in (src.name, *src.aliases):
                forms = [alias]
                if len(alias) > 4 and alias.upper() != alias:
                    forms.append(alias.upper())
                for form in forms:
                    gaz._by_alias.setdefault(form, src)
                gaz._by_fold.setdefault(fold(alias), src)
            for handle in src.handles:
                gaz._by_handle[handle.lower()] = src
            for alias in row.get("after_on", []):
                gaz._after_on_map[alias] = src
        # the canonical name itself is matched only where it is distinctive (not e.g. "X")
        for src in gaz.sources:
            if src.name not in src.aliases and (len(src.name) < 3 or src.name in gaz._after_on_map):
                gaz._by_alias.pop(src.name, None)
        # "The Times of Israel": with its article, a name must beat a shorter one it starts with
        # ("The Times"); the article itself is not part of the mention
        for form, src in list(gaz._by_alias.items()):
            if " " in form and not form.lower().startswith("the "):
                for article in ("The ", "the "):
                    if article + form not in gaz._by_alias:
                        gaz._by_alias[article + form] = src
                        gaz._article_forms.add(article + form)
        forms = sorted(gaz._by_alias, key=len, reverse=True)
        gaz._pattern = re.compile(r"(?<![\w@#])(?:" + trie_regex(forms) + r")(?![\w-])")
        if gaz._after_on_map:
            names = "|".join(map(re.escape, sorted(gaz._after_on_map, key=len, reverse=True)))
            gaz._after_on = re.compile(
                r"(?:(?<=\bon )|(?<=\bvia )|(?<=\bto )|(?<=\bonto ))(?:" + names + r")(?![\w-])"
            )
        return gaz

    def find(self, text: str) -> Iterator[GazetteerMatch]:
        """Alias matches in ``text``, leftmost-longest, not overlapping each other."""
        assert self._pattern is not None
        for m in self._pattern.finditer(text):
            start = m.start() + 4 if m.group() in self._article_forms else m.start()
            yield GazetteerMatch(start, m.end(), self._by_alias[m.group()])
        if self._after_on is not None:
            for m in self._after_on.finditer(text):
                yield GazetteerMatch(m.start(), m.end(), self._after_on_map[m.group()])

    def lookup(self, name: str) -> Source | None:
        """The entry a name or alias refers to (case, accents and punctuation ignored)."""
        return self._by_fold.get(fold(name))

    def by_handle(self, handle: str) -> Source | None:
        return self._by_handle.get(handle.lower())


@dataclass(frozen=True)
class Knowledge:
    """Titles, well-known people, country aliases and demonyms."""

    title_prefix: re.Pattern[str]  # a title at the end of the text before a name
    title_inside: re.Pattern[str]  # a title at the start of a name span
    title_words: frozenset[str]  # lowercased last words of titles: a cheap test before the regex
    people: dict[str, str]  # folded full name -> canonical full name
    surnames: dict[str, list[str]]  # folded surname -> canonical full names
    handles: dict[str, str]  # lowercased handle -> canonical person name
    signatures: dict[str, str]  # signature as written -> canonical person name
    signature_pattern: re.Pattern[str] | None
    countries: dict[str, str]  # folded alias -> canonical country
    demonyms: dict[str, str]  # folded demonym -> country
    organisations: frozenset[str]  # folded ORG names
    org_suffixes: frozenset[str]  # generic last words of organisation names ("university", "party")
    org_heads: frozenset[str] = frozenset()  # last words that make a name an organisation ("council")
    event_heads: frozenset[str] = frozenset()  # last words of event names ("summit", "talks")
    # each country alias as written ("USA", "Rep. of Korea") -> canonical country
    country_forms: dict[str, str] = field(default_factory=dict)
    # verbs a title-case headline writes right after a name ("Idris Vows"): never a name's last word
    headline_verbs: frozenset[str] = frozenset()
    # degrees and honours written after a name and a comma ("Thomas R. Frieden, MD, MPH"), folded
    postnominals: frozenset[str] = frozenset()


def surname_forms(full_name: str) -> list[str]:
    """Folded surname variants of a full name: ``"Khalil al-Hayya"`` → ``["al hayya", "hayya"]``."""
    words = fold(full_name).split()
    if len(words) < 2:
        return []
    forms = [words[-1]]
    if words[-2] in {"al", "el", "ben", "bin", "abu", "van", "von", "de", "da", "di", "le", "la"}:
        forms.insert(0, " ".join(words[-2:]))
    return forms


def _title_regex(titles: dict[str, Any], countries: list[str]) -> tuple[str, str]:
    fixed = trie_regex(titles.get("titles", []))
    heads = trie_regex(titles.get("heads", []))
    quals = trie_regex([q.lower() for q in titles.get("qualifiers", [])])
    country = trie_regex(countries)
    cap = r"(?!(?:The|A|An|And|Of|In|On|At|By|For|To|With|From|As)\b)[A-Z][\w'’-]+"
    headed = rf"(?:(?:(?i:{quals})|{cap})\s+){{1,3}}(?:{heads})"
    complement = r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]+)(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3})?"
    title = rf"(?:{headed}|(?:{fixed})){complement}"
    prefix = rf"(?:(?P<country>{country})\s+)?(?P<title>{title})"
    return prefix, rf"(?:(?P<country2>{country})\s+)?(?P<title2>{title})"


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    kb = _load("entities.toml")
    titles = _load("titles.toml")
    countries = {fold(k): v for k, v in kb.get("countries", {}).items()}
    demonyms = {fold(k): v for k, v in kb.get("demonyms", {}).items()}
    country_words = [*kb.get("countries", {}), *kb.get("demonyms", {})]
    country_words += [w + "'s" for w in kb.get("countries", {})] + [w + "’s" for w in kb.get("countries", {})]
    prefix, inside = _title_regex(titles, country_words)
    people: dict[str, str] = {}
    surnames: dict[str, list[str]] = {}
    handles: dict[str, str] = {}
    signatures: dict[str, str] = {}
    for row in kb.get("person", []):
        name = row["name"]
        people[fold(name)] = name
        for s in surname_forms(name):
            surnames.setdefault(s, []).append(name)
        for h in row.get("handles", []):
            handles[h.lower()] = name
        for sig in row.get("signatures", []):
            signatures[sig] = name
    sig_pattern = re.compile(r"(?:" + trie_regex(list(signatures)) + r")\b") if signatures else None
    return Knowledge(
        title_prefix=re.compile(prefix + r"\s*,?\s+$"),
        title_inside=re.compile(r"^" + inside + r"\s+(?=[A-Z])"),
        title_words=frozenset(
            t.split()[-1].lower() for t in [*titles.get("titles", []), *titles.get("heads", [])] if t.split()
        ),
        people=people,
        surnames=surnames,
        handles=handles,
        signatures=signatures,
        signature_pattern=sig_pattern,
        countries=countries,
        demonyms=demonyms,
        organisations=frozenset(fold(n) for n in kb.get("organisations", {}).get("names", [])),
        org_suffixes=frozenset(fold(n) for n in kb.get("organisations", {}).get("suffixes", [])),
        org_heads=frozenset(fold(n) for n in kb.get("organisations", {}).get("org_heads", [])),
        event_heads=frozenset(fold(n) for n in kb.get("organisations", {}).get("event_heads", [])),
        country_forms=dict(kb.get("countries", {})),
        headline_verbs=frozenset(w.lower() for w in kb.get("headlines", {}).get("verbs", [])),
        postnominals=frozenset(fold(w) for w in kb.get("postnominals", {}).get("words", [])),
    )


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The outlet/platform gazetteer from ``saidwhat/data/outlets.toml`` (cached)."""
    return Gazetteer.from_data(_load("outlets.toml"))
