"""Issues: the normalised objects of positions ("release of Palestinian prisoners", "ceasefire").

A phrase naming a lexicon issue (``[issues]`` of claims.toml) gets its canonical name; any other
phrase is normalised to its head noun phrase: words up to the first clause break, determiners and
quantifiers dropped, nouns singular ("a full Israeli military withdrawal from Gaza" -> "israeli
military withdrawal from gaza"). Near-duplicates are merged by content-word overlap.
"""

from __future__ import annotations

import re

from saidwhat.claims.lexicon import ClaimsLexicon
from saidwhat.claims.text import singular, wordset

STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "any",
        "all",
        "some",
        "several",
        "most",
        "more",
        "such",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "both",
        "either",
        "no",
        "any",
        "other",
        "further",
        "full",
        "concrete",
        "certain",
        "own",
        "very",
        "much",
        "many",
    ]
)
FUNCTION = frozenset(
    [
        "of",
        "to",
        "for",
        "from",
        "in",
        "on",
        "at",
        "by",
        "with",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "as",
        "than",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
    ]
)
# titles before a name: no part of an issue ("Mr. Trump's idea" -> "trump's idea")
TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "gov", "rep", "gen", "lt", "col", "prof"})
# the period of a title or an initial ("Mr. Trump's idea", "the U.S. plan") ends no phrase
_ABBREV_DOT = "".join(rf"(?<!\b{a.capitalize()})" for a in sorted(TITLES | {"st", "jr"}))
# a period that ends a sentence or a phrase: not a title's, an initial's ("U.S."), nor a decimal point
SENTENCE_DOT = rf"{_ABBREV_DOT}(?<!\b[A-Z])(?:(?<!\d)\.|\.(?!\d))"
BREAK = re.compile(
    rf"(?<!\d),|,(?!\d{{3}}\b)|[;:!?“”\"()—–]|{SENTENCE_DOT}"
    r"|\b(?:that|which|who|while|because|if|unless|but|even|as|so|after|before|when)\b"
)


def issue_names(text: str, lex: ClaimsLexicon) -> list[str]:
    """Lexicon issues named in ``text``, in text order."""
    low = text.lower()
    found: list[tuple[int, str]] = []
    for name, pats in lex.issues.items():
        for p in pats:
            m = p.search(low)
            if m:
                found.append((m.start(), name))
                break
    return [n for _, n in sorted(found)]


# prepositions that end no noun phrase ("stay at home over [the next five days]")
TRAILING = wordset(
    "over during within until since about into through against between without under around across "
    "along via after before like per"
)


def head_phrase(text: str, max_words: int = 6) -> str:
    """The head noun phrase of ``text``, normalised (lowercase, no determiners, common nouns
    singular; a capitalised name keeps its form: "the Philippines" stays "philippines")."""
    m = BREAK.search(text)
    # a curly apostrophe inside a word is one ("the bill’s withdrawal" read as "bill s withdrawal");
    # one at a word's end closes a quotation ("‘cheap demagoguery’")
    chunk = re.sub(r"(?<=\w)’(?=\w)", "'", text[: m.start()] if m else text)
    raw = [
        t
        for t in re.findall(r"(?:[A-Z]\.){2,}|\d[\d,.]*\d\w*|[\w'-]+", chunk)
        if t.lower() not in STOP | TITLES
    ]
    while raw and raw[-1].lower() in FUNCTION:
        raw.pop()
    while raw and raw[0].lower() in FUNCTION:
        raw.pop(0)
    raw = raw[:max_words]
    while raw and (raw[-1].lower() in FUNCTION or raw[-1].lower() in TRAILING):
        raw.pop()
    # a possessive stays as written ("country's precaution", not "country' precaution")
    return " ".join(
        t.lower() if t.lower() in FUNCTION or t[:1].isupper() or "'" in t else singular(t) for t in raw
    )


PREPOSITIONS = frozenset({"of", "to", "for", "from", "in", "on", "at", "by", "with"}) | TRAILING


def shorten(phrase: str, max_words: int = 5) -> str | None:
    """A head phrase of at most ``max_words``: prepositional phrases are cut from the end ("continent-
    wide suspension on flight to mexico" -> "continent-wide suspension on flight"); None when the
    phrase stays longer."""
    toks = phrase.split()
    while len(toks) > max_words:
        cut = [i for i, t in enumerate(toks) if t in PREPOSITIONS and i >= 1]
        if not cut:
            return None
        toks = toks[: cut[-1]]
    while toks and toks[-1] in ("and", "or", "but"):
        toks.pop()  # "believe in themselves and to go places" cut at "to": no trailing "and"
    return " ".join(toks) or None


def normalise_issue(text: str, lex: ClaimsLexicon) -> str | None:
    """The issue a phrase names: the first lexicon issue in it, else its head noun phrase."""
    names = issue_names(text, lex)
    if names:
        return names[0]
    hp = head_phrase(text)
    return hp or None


def content_words(phrase: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w'-]+", phrase.lower()) if w not in FUNCTION and w not in STOP)


def merge_issues(issues: list[str], lex: ClaimsLexicon) -> dict[str, str]:
    """Map each issue to its representative: lexicon names stay; a free phrase joins the most frequent
    phrase whose content words overlap it by the Jaccard threshold (or contain it)."""
    counts: dict[str, int] = {}
    for i in issues:
        counts[i] = counts.get(i, 0) + 1
    reps: list[str] = []
    words: dict[str, frozenset[str]] = {}
    out: dict[str, str] = {}
    for i in sorted(counts, key=lambda x: (-counts[x], len(x), x)):
        if i in lex.issues:
            out[i] = i
            reps.append(i)
            continue
        wi = content_words(i)
        best = None
        for r in reps:
            wr = words[r] if r in words else words.setdefault(r, content_words(r))
            if not wi or not wr:
                continue
            jac = len(wi & wr) / len(wi | wr)
            if jac >= lex.settings.issue_merge_jaccard or (r not in lex.issues and (wi <= wr or wr <= wi)):
                best = r
                break
        out[i] = best or i
        if best is None:
            reps.append(i)
    return out
