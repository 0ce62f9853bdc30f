"""The ``saidwhat/1-stories`` object: stories with a readable title, span, top entities and voices.

The title is made from what the story's articles share, never from one article's first sentence:
its most distinctive key phrase (a two-word phrase found in the most member articles, weighted by
how rare its words are across all articles) and its two most distinctive entities, e.g.
"Swine flu — Mexico, World Health Organization".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from saidwhat.stories.cluster import StoryClusterer
from saidwhat.stories.features import ArticleFeatures, normalize_term

STORIES_SCHEMA = "saidwhat/1-stories"
JSON = dict[str, Any]
TOP_ENTITIES = 10
TOP_SPEAKERS = 10
TITLE_SKIP_TYPES = frozenset({"NORP", "OUTLET"})


def _idf_fn(clusterer: StoryClusterer | None, entity: bool) -> Callable[[str], float]:
    if clusterer is None:
        return lambda _k: 1.0
    return lambda k: clusterer.idf(k, entity=entity)


@dataclass(slots=True)
class PhraseStats:
    """How many articles of the whole store use each key phrase (for phrase IDF in titles)."""

    docs: int
    df: Counter[str]

    @classmethod
    def of(cls, groups: Iterable[Sequence[ArticleFeatures]]) -> PhraseStats:
        df: Counter[str] = Counter()
        n = 0
        for members in groups:
            for f in members:
                n += 1
                df.update(f.phrases.keys())
        return cls(n, df)


def story_title(
    members: Sequence[ArticleFeatures],
    clusterer: StoryClusterer | None = None,
    phrases_all: PhraseStats | None = None,
) -> str:
    """A readable title: key phrase — two entities (either part may be missing). With
    ``phrases_all`` a phrase is weighted by its own IDF over the store, else by its words' IDF."""
    idf_t, idf_e = _idf_fn(clusterer, False), _idf_fn(clusterer, True)
    ent_df: Counter[str] = Counter()
    phrase_df: Counter[str] = Counter()
    types: dict[str, str] = {}
    for f in members:
        ent_df.update(f.entities.keys())
        phrase_df.update(f.phrases.keys())
        for n, t in f.entity_types.items():
            types.setdefault(n, t)
    # actors, places and events name a story; nationalities ("Iraqi") and outlets repeat them
    names = [e for e in ent_df if types.get(e) not in TITLE_SKIP_TYPES]
    ents: list[str] = []
    for e in sorted(names, key=lambda e: (-ent_df[e] * idf_e(e), e)):
        if not any(e.lower() in o.lower() or o.lower() in e.lower() for o in ents):
            ents.append(e)
        if len(ents) == 2:
            break
    known = {n.lower() for n in ent_df}

    def phrase_score(ph: str) -> float:
        if phrases_all is not None and phrases_all.df[ph] > 0:
            return phrase_df[ph] * math.log(1 + phrases_all.docs / phrases_all.df[ph])
        words = ph.split()
        stems = [normalize_term(w) or w for w in words]
        return phrase_df[ph] * sum(idf_t(w) for w in stems) / len(words)

    # a phrase that is an entity's name says less than one that is not ("swine flu", "peace talks")
    phrases = [ph for ph in phrase_df if ph not in known and not any(ph in e.lower() for e in ents)]
    phrase = max(phrases, key=lambda ph: (phrase_score(ph), ph)) if phrases else None
    head = phrase[0].upper() + phrase[1:] if phrase else None
    tail = ", ".join(ents)
    if head and tail:
        return f"{head} — {tail}"
    return head or tail or "Untitled story"


def story_summary(
    story_id: str,
    members: Sequence[ArticleFeatures],
    clusterer: StoryClusterer | None = None,
    phrases_all: PhraseStats | None = None,
) -> JSON:
    """One story of the ``saidwhat/1-stories`` object (members in any order)."""
    arts = sorted(members, key=lambda f: (f.published or "", f.id))
    ents: Counter[str] = Counter()
    types: dict[str, str] = {}
    speakers: Counter[str] = Counter()
    for f in arts:
        ents.update(f.entities)
        for n, t in f.entity_types.items():
            types.setdefault(n, t)
        speakers.update(f.speakers)
    days = [f.published for f in arts if f.published]
    return {
        "id": story_id,
        "title": story_title(arts, clusterer, phrases_all),
        "first": min(days) if days else None,
        "last": max(days) if days else None,
        "size": len(arts),
        "entities": [
            {"name": n, "entity": None, "type": types.get(n), "count": c}
            for n, c in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ENTITIES]
        ],
        "speakers": [
            {"name": n, "count": c}
            for n, c in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_SPEAKERS]
        ],
        "articles": [f.reference() for f in arts],
    }


def stories_doc(
    groups: Mapping[str, Sequence[ArticleFeatures]], clusterer: StoryClusterer | None = None
) -> JSON:
    """The ``saidwhat/1-stories`` object for story id -> member articles; biggest stories first."""

    def order(sid: str) -> tuple[int, float, str]:
        num = sid[2:] if sid.startswith("st") else sid
        return (-len(groups[sid]), float(num) if num.isdigit() else math.inf, sid)

    stats = PhraseStats.of(groups.values())
    return {
        "schema": STORIES_SCHEMA,
        "stories": [story_summary(sid, groups[sid], clusterer, stats) for sid in sorted(groups, key=order)],
    }
