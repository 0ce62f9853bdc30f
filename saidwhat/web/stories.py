"""The stories pages: ``/stories`` (every story: size, span, a sparkline of articles per day) and
``/story/{id}`` (its timeline drawn as a picture, its articles and voices).

The JSON twins are the CLI's objects: ``saidwhat/1-stories`` (``saidwhat stories --json``) and
``saidwhat/1-story`` (``saidwhat story ID --json``: the story with its ``saidwhat/1-timeline``);
``/stories.csv`` has one row per story. The routes live on their own router, which
:mod:`saidwhat.web.app` includes.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from saidwhat.corpus.stories import stories_report, story_report
from saidwhat.store.protocol import StoreProtocol
from saidwhat.web.links import display_source
from saidwhat.web.pages import Page
from saidwhat.web.params import PAGE_ERRORS, csv_answer
from saidwhat.web.params import current_store as _store
from saidwhat.web.render import render
from saidwhat.web.storychart import entry_href, sparkline, speaker_colour, speaker_colours, timeline_picture

STORY_COLUMNS = ("id", "title", "first", "last", "size", "entities", "speakers")
DEFAULT_TOP = 12  # dates drawn on a story page unless ?top= says otherwise


CSV_ANSWER = csv_answer("one row per story")
StoreDep = Annotated[StoreProtocol, Depends(_store)]
StoryId = Annotated[str, Path(max_length=40, pattern=r"^[A-Za-z0-9_-]+$", description="a story id (st<N>)")]
TopQ = Annotated[int, Query(ge=1, le=500, description="dates on the timeline (the best-scored ones)")]

router = APIRouter()


# -- page models -----------------------------------------------------------------------------------------


def stories_page(store: StoreProtocol) -> Page:
    doc = stories_report(store)
    rows: list[dict[str, str | int | float | bool | None]] = [
        {
            "id": s["id"],
            "title": s["title"],
            "first": s["first"],
            "last": s["last"],
            "size": s["size"],
            "entities": "; ".join(e["name"] for e in s["entities"]),
            "speakers": "; ".join(v["name"] for v in s["speakers"]),
        }
        for s in doc["stories"]
    ]
    shown = [{**s, "spark": sparkline([a["published"] for a in s["articles"]])} for s in doc["stories"]]
    context = {"nav": "stories", "stories": shown, "n_articles": sum(s["size"] for s in doc["stories"])}
    return Page("stories.html", context, doc, rows, STORY_COLUMNS)


def _label(store: StoreProtocol, ref: dict[str, Any]) -> str:
    """How an article is named on the page: its display title, else its title or source."""
    found = store.find(ref["id"])
    title = (found.display_title if found is not None else None) or ref["title"]
    return title if title and title != ref["source"] else display_source(ref["source"])


def story_page(store: StoreProtocol, story: str, top: int | None) -> Page:
    doc = story_report(store, story, top)
    dates = doc["timeline"]["dates"]
    labels = {a["id"]: _label(store, a) for a in doc["articles"]}
    colours = speaker_colours([v["name"] for v in doc["speakers"]], dates)
    listed = [
        {
            "date": d["date"],
            "score": d["score"],
            "entries": [
                {
                    **e,
                    "href": entry_href(e),
                    "colour": speaker_colour(e.get("speaker"), colours),
                    "label": labels.get(e["article"], e["article"][:12]),
                }
                for e in d["entries"]
            ],
        }
        for d in dates
    ]
    context = {
        "nav": "stories",
        "story": doc,
        "articles": [{**a, "label": labels[a["id"]]} for a in doc["articles"]],
        "picture": timeline_picture(dates, colours),
        "dates": listed,
        "top": top,
        "speakers": [{**v, "colour": speaker_colour(v["name"], colours)} for v in doc["speakers"]],
    }
    return Page("story.html", context, doc)


# -- routes ----------------------------------------------------------------------------------------------


@router.get("/stories", response_class=HTMLResponse, responses=PAGE_ERRORS, summary="Stories", tags=["pages"])
@router.get("/stories.json", summary="Stories (saidwhat/1-stories)", tags=["pages"])
@router.get("/stories.csv", summary="Stories (CSV)", tags=["pages"], responses=CSV_ANSWER)
def stories(request: Request, store: StoreDep) -> Response:
    return render(request, stories_page(store))


@router.get(
    "/story/{story_id}",
    response_class=HTMLResponse,
    responses=PAGE_ERRORS,
    summary="One story and its timeline",
    tags=["pages"],
)
@router.get("/story/{story_id}.json", summary="One story and its timeline (saidwhat/1-story)", tags=["pages"])
def story(request: Request, store: StoreDep, story_id: StoryId, top: TopQ = DEFAULT_TOP) -> Response:
    return render(request, story_page(store, story_id, top))
