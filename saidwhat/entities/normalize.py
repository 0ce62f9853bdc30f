"""Names as keys: the normalisation shared by the in-document stage and the store's registry."""

from __future__ import annotations

from saidwhat.entities.resources import fold, load_gazetteer, load_knowledge, strip_possessive

_ARTICLES = ("the ", "a ", "an ")


def canonical_key(name: str, type: str) -> str:
    """``"TYPE:normalised name"``: lowercase, accents folded, punctuation dropped, titles stripped.

    Leading articles and possessives go; a known alias becomes its canonical name (the gazetteer for
    outlets and platforms, the country table for GPEs, the demonym table for NORPs, the well-known
    people for persons), so ``canonical_key("US President Donald Trump’s", "PERSON")`` ==
    ``canonical_key("donald trump", "PERSON")`` == ``"PERSON:donald trump"``.
    """
    kb = load_knowledge()
    kind = type.strip().upper() or "UNKNOWN"
    text = strip_possessive(name.strip())
    inside = kb.title_inside.match(text)
    if inside and kind == "PERSON":
        text = text[inside.end() :]
    key = fold(text)
    for article in _ARTICLES:
        if key.startswith(article):
            key = key[len(article) :]
    if kind in ("OUTLET", "PLATFORM", "ORG"):
        src = load_gazetteer().lookup(text)
        if src is not None:
            return f"{src.type}:{fold(src.name)}"
    elif kind in ("GPE", "LOC") and key in kb.countries:
        return f"GPE:{fold(kb.countries[key])}"
    elif kind == "NORP" and key in kb.demonyms:
        return f"NORP:{fold(kb.demonyms[key])}"
    elif kind == "PERSON" and key in kb.people:
        return f"PERSON:{fold(kb.people[key])}"
    return f"{kind}:{key}"
