"""Hand-made stored articles of two stories (ceasefire talks, an earthquake) for the stories stage."""

from __future__ import annotations

from pathlib import Path

from saidwhat.corpus import CorpusRegistry
from saidwhat.corpus.stories import StoriesStage
from saidwhat.model import Analysis
from saidwhat.store import open_store
from tests.test_store import Quote, article

TALKS = [
    "the ceasefire talks in Cairo over the Gaza hostages and the prisoner release were close to a truce deal",
    "negotiators for Hamas and Israel discussed the hostage release, a Gaza truce and a ceasefire in Cairo",
    "mediators pressed Hamas for a Gaza ceasefire, the release of hostages and prisoners, and a truce",
]
QUAKE = [
    "rescuers searched the rubble of collapsed buildings in Port-au-Prince for earthquake survivors",
    "aftershocks shook the earthquake zone as rescuers pulled survivors from the rubble in Port-au-Prince",
    "the earthquake left survivors in tents while rescuers cleared rubble and aid reached hospitals",
]


def talks(i: int, day: str, source: str | None = None, said_on: tuple[str, str] | None = None) -> Analysis:
    quotes = [
        Quote("Donald Trump", TALKS[i % 3], said_on=said_on),
        Quote("Benjamin Netanyahu", TALKS[(i + 1) % 3]),
        Quote("Hamas", TALKS[(i + 2) % 3]),
    ]
    a = article(source or f"talks-{i}.txt", day, quotes, title=f"Talks {i}", types={"Hamas": "ORG"})
    a.doc.url = f"https://news.example/talks/{i}"
    return a


def quake(i: int, day: str) -> Analysis:
    quotes = [Quote("Rene Preval", QUAKE[i % 3]), Quote("Red Cross", QUAKE[(i + 1) % 3])]
    return article(f"quake-{i}.txt", day, quotes, title=f"Quake {i}", types={"Red Cross": "ORG"})


def stream() -> list[Analysis]:
    """Six articles of two stories, one a day, interleaved."""
    return [
        talks(0, "2025-06-27", said_on=("2025-06-26", "on Thursday")),
        quake(0, "2025-06-28"),
        talks(1, "2025-06-29"),
        quake(1, "2025-06-30"),
        talks(2, "2025-07-01", said_on=("2025-06-26", "last Thursday")),
        quake(2, "2025-07-02"),
    ]


def stories_db(path: Path) -> Path:
    """A store of :func:`stream` with its stories (the stories stage alone)."""
    registry = CorpusRegistry([])
    registry.register(StoriesStage())
    with open_store(path) as store:
        ids = [store.add(a).doc_id for a in stream()]
        registry.on_added(store, ids)
    return path
