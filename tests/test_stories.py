"""Stories and timelines (saidwhat.stories) on small hand-made articles, and the two seed articles."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from saidwhat.model import (
    Analysis,
    Content,
    DocMeta,
    Entity,
    Mention,
    SaidOn,
    Segment,
    Speaker,
    Statement,
    Timex,
)
from saidwhat.stories import (
    ArticleFeatures,
    ClusterParams,
    StoryClusterer,
    cluster,
    default_params,
    features_of,
    key_dates,
    stories_doc,
    timeline_doc,
)
from saidwhat.stories.features import normalize_term, sentence_bounds

GAZA = {
    "ceasefire": 4,
    "hostage": 3,
    "negotiator": 2,
    "gaza": 5,
    "truce": 2,
    "prisoner": 2,
    "release": 2,
    "talk": 3,
    "proposal": 2,
    "delegation": 1,
}
GAZA_E = {"Hamas": 4, "Israel": 5, "Gaza Strip": 3, "Benjamin Netanyahu": 2, "Qatar": 1}
QUAKE = {
    "earthquake": 4,
    "rubble": 3,
    "rescuer": 3,
    "aftershock": 2,
    "survivor": 3,
    "collapse": 2,
    "magnitude": 1,
    "aid": 2,
    "hospital": 2,
    "tent": 1,
}
QUAKE_E = {"Haiti": 5, "Port-au-Prince": 3, "Red Cross": 2, "Rene Preval": 1}


def art(i: str, day: str, terms: dict[str, int], ents: dict[str, int], **kw: object) -> ArticleFeatures:
    return ArticleFeatures(id=i, published=day, terms=dict(terms), entities=dict(ents), **kw)  # type: ignore[arg-type]


def vary(terms: dict[str, int], extra: str) -> dict[str, int]:
    """The same matter told with some words of its own."""
    out = {k: v for k, v in terms.items()}
    out[extra] = 2
    out[extra + "ish"] = 1
    return out


def stream() -> list[ArticleFeatures]:
    return [
        art("g1", "2025-06-27", GAZA, GAZA_E),
        art("q1", "2025-06-27", QUAKE, QUAKE_E),
        art("g2", "2025-06-28", vary(GAZA, "mediator"), GAZA_E),
        art("q2", "2025-06-29", vary(QUAKE, "debris"), QUAKE_E),
        art("g3", "2025-06-30", vary(GAZA, "egypt"), {"Hamas": 2, "Israel": 2, "Egypt": 2}),
        art("q3", "2025-07-01", vary(QUAKE, "cholera"), {"Haiti": 3, "United Nations": 1}),
    ]


def test_two_stories_stay_apart_and_one_story_joins() -> None:
    got = cluster(stream(), default_params())
    assert got["g1"] == got["g2"] == got["g3"]
    assert got["q1"] == got["q2"] == got["q3"]
    assert got["g1"] != got["q1"]


def test_a_matter_that_goes_quiet_and_returns_as_another_matter_splits() -> None:
    p = default_params()
    base = [*stream()[:1], art("g2", "2025-06-28", vary(GAZA, "mediator"), GAZA_E)]
    # back after four months with other business: a few shared words and actors are not enough
    other = {"gaza": 1, "budget": 4, "election": 3, "coalition": 3, "knesset": 3, "vote": 2, "poll": 2}
    later = art("g9", "2025-10-30", other, {"Israel": 2, "Knesset": 2, "Yair Lapid": 1})
    got = cluster([*base, later], p)
    assert got["g9"] != got["g1"]
    # the same matter after three months, same actors and words: it joins (cf. the seed articles)
    same = art("g8", "2025-09-25", vary(GAZA, "sharm"), GAZA_E)
    assert cluster([*base, same], p)["g8"] == cluster(base, p)["g1"]
    # past the horizon a story is closed, whatever the similarity
    far = art("g7", "2026-03-01", GAZA, GAZA_E)
    assert cluster([*base, far], p)["g7"] != cluster(base, p)["g1"]


def test_quiet_gap_raises_the_bar() -> None:
    c = StoryClusterer(default_params())
    c.add(art("g1", "2025-06-27", GAZA, GAZA_E))
    s = next(iter(c.stories.values()))
    p = c.params
    assert c.required(s, s.last) == pytest.approx(p.threshold)
    assert c.required(s, s.last + int(p.gap_scale_days)) == pytest.approx(2 * p.threshold)


def test_clustering_is_deterministic_and_state_round_trips() -> None:
    items = stream()
    a = StoryClusterer().add_all(items)
    b = StoryClusterer().add_all(items)
    assert a == b
    # stop half way, persist the state as JSON, go on: the same stories as in one go
    c = StoryClusterer()
    first = c.add_all(items[:3])
    state = json.loads(json.dumps(c.to_dict()))
    d = StoryClusterer.from_dict(state)
    rest = d.add_all(items[3:])
    assert {**first, **rest} == a
    assert d.to_dict() == StoryClusterer.from_dict(json.loads(json.dumps(d.to_dict()))).to_dict()


def test_candidates_are_bounded_by_the_index_not_the_store() -> None:
    p = replace(default_params(), max_candidates=3)
    c = StoryClusterer(p)
    for i in range(40):
        c.add(art(f"x{i}", "2025-01-01", {f"solo{i}": 3, f"only{i}": 2, "common": 1}, {}))
    c.add(art("y", "2025-01-02", {"common": 1, "solo1": 1}, {}))
    assert c.last_decision is not None and c.last_decision.candidates <= 3


def test_closed_stories_leave_the_state() -> None:
    c = StoryClusterer(replace(default_params(), horizon_days=30))
    c.add(art("g1", "2025-01-01", GAZA, GAZA_E))
    c.add(art("q1", "2025-03-01", QUAKE, QUAKE_E))
    assert len(c.stories) == 1
    assert all(not ids or len(ids) == 1 for ids in c._index.values())


def test_params_are_validated() -> None:
    with pytest.raises(ValueError):
        ClusterParams(threshold=1.5)
    with pytest.raises(ValueError):
        ClusterParams.from_mapping({"treshold": 0.1})
    with pytest.raises(ValueError):
        ClusterParams(threshold=0.05, threshold_floor=0.06)


# ----------------------------------------------------------------------------- features

TEXT = (
    "Rescuers pulled survivors from the rubble of Port-au-Prince on Thursday. "
    "The earthquake struck on January 12, officials said. "
    '"We need tents now," said Rene Preval on Wednesday. '
    "Aid agencies warned of cholera."
)


def analysis() -> Analysis:
    def at(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = TEXT.index(s, i + 1)
        return i, i + len(s)

    def tx(s: str, value: str) -> Timex:
        a, b = at(s)
        return Timex(text=s, start=a, end=b, type="DATE", value=value)

    q = at('"We need tents now,"')
    sp = at("Rene Preval")
    wed = at("on Wednesday")
    ents = [
        Entity(
            id="e1",
            name="Port-au-Prince",
            type="GPE",
            mentions=[Mention(*at("Port-au-Prince"), "Port-au-Prince")],
        ),
        Entity(id="e2", name="René Préval", type="PERSON", mentions=[Mention(*sp, "Rene Preval")]),
    ]
    st = Statement(
        id="s1",
        content=Content(TEXT[q[0] : q[1]], *q),
        speaker=Speaker("Rene Preval", *sp, name="René Préval", entity="e2"),
        said_on=SaidOn("2010-01-20", "on Wednesday", *wed),
    )
    return Analysis(
        doc=DocMeta(id="h1", source="t.txt", text=TEXT, title="Haiti", published="2010-01-22"),
        segments=[Segment("body", 0, len(TEXT))],
        statements=[st],
        entities=ents,
        timexes=[
            tx("on Thursday", "2010-01-21"),
            tx("January 12", "2010-01-12"),
            tx("on Wednesday", "2010-01-20"),
        ],
    )


def test_features_of_an_analysis() -> None:
    f = features_of(analysis())
    assert f.id == "h1" and f.published == "2010-01-22"
    assert f.terms["survivor"] == 1 and "the" not in f.terms and "said" not in f.terms
    assert f.entities == {"Port-au-Prince": 1, "René Préval": 1}
    assert f.speakers == {"René Préval": 1}
    assert {d.date for d in f.dates} == {"2010-01-21", "2010-01-12", "2010-01-20"}
    assert [s.date for s in f.statements] == ["2010-01-20"]
    for d in f.dates:
        assert TEXT[d.start : d.end] == d.text
        assert TEXT[d.sentence.start : d.sentence.end] == d.sentence.text
        assert d.sentence.start <= d.start < d.end <= d.sentence.end
    assert f.lead is not None and f.lead.text.startswith("Rescuers pulled")


def test_features_round_trip_through_json() -> None:
    f = features_of(analysis())
    assert ArticleFeatures.from_dict(json.loads(json.dumps(f.to_dict()))) == f
    with pytest.raises(ValueError):
        ArticleFeatures.from_dict({"schema": "other"})


def test_term_normalisation_and_sentences() -> None:
    assert normalize_term("Hostages") == "hostage"
    assert normalize_term("casualties") == "casualty"
    assert normalize_term("the") is None and normalize_term("said") is None
    assert normalize_term("Hamas's") == normalize_term("Hamas")
    text = "He left. She said “No.” Then 3 more came."
    got = [text[a:b] for a, b in sentence_bounds(text)]
    assert got == ["He left.", "She said “No.”", "Then 3 more came."]


# ----------------------------------------------------------------------------- timelines


def test_timeline_has_retrospective_dates_and_entries_slice_the_text() -> None:
    f = features_of(analysis())
    later = replace(features_of(analysis()), id="h2", published="2010-01-25")
    doc = timeline_doc([f, later], story="st1")
    assert doc["schema"] == "saidwhat/1-timeline" and doc["story"] == "st1"
    days = [d["date"] for d in doc["dates"]]
    assert days == sorted(days)
    # the earthquake day is before the first article and is named by both (once from another day)
    assert "2010-01-12" in days and min(x.published or "" for x in (f, later)) > "2010-01-12"
    for d in doc["dates"]:
        assert 1 <= len(d["entries"]) <= 3
        for e in d["entries"]:
            assert TEXT[e["start"] : e["end"]] == e["text"]
            assert e["article"] in ("h1", "h2")
    wed = next(d for d in doc["dates"] if d["date"] == "2010-01-20")
    first = wed["entries"][0]
    assert first["statement"] == "s1" and first["speaker"] == "René Préval"


def test_timeline_ranks_days_named_from_other_days_and_ignores_forecasts() -> None:
    f = features_of(analysis())
    g = replace(f, id="h2", published="2010-01-25")
    h = replace(f, id="h3", published="2010-01-26")
    ranked = key_dates([f, g, h])
    top = ranked[0]
    # all three name January 12, 20 and 21 from later days; the 12th wins the tie (earliest date)
    assert top.date == "2010-01-12"
    assert (top.published, top.mentioned, top.days, top.score) == (0, 3, 3, 6.0)
    # a publication day that nobody else names scores its articles only
    assert next(k for k in ranked if k.date == "2010-01-25").score == 1.0
    # a day after the article naming it is a forecast, not something that happened
    fut = replace(f, id="h4", published="2010-01-05")
    assert all(k.date <= "2010-01-05" for k in key_dates([fut]))
    assert len(timeline_doc([f, g, h], top=2)["dates"]) == 2


def test_stories_doc_shape_and_title() -> None:
    items = stream()
    pred = cluster(items)
    groups: dict[str, list[ArticleFeatures]] = {}
    for f in items:
        groups.setdefault(pred[f.id], []).append(f)
    c = StoryClusterer()
    c.add_all(items)
    doc = stories_doc(groups, c)
    assert doc["schema"] == "saidwhat/1-stories"
    assert sum(s["size"] for s in doc["stories"]) == len(items)
    for s in doc["stories"]:
        assert s["first"] <= s["last"]
        assert [a["published"] for a in s["articles"]] == sorted(a["published"] for a in s["articles"])
        assert s["title"] and s["title"] != "Untitled story"
        assert {"id", "url", "source", "title", "published"} <= set(s["articles"][0])
    gaza = next(s for s in doc["stories"] if any(a["id"] == "g1" for a in s["articles"]))
    assert gaza["entities"][0]["name"] in ("Israel", "Hamas")


# ----------------------------------------------------------------------------- the seed articles


@pytest.mark.shared
@pytest.mark.slow
def test_the_two_seed_articles_three_months_apart_are_one_story(sample_000: str, sample_002: str) -> None:
    from saidwhat.ingest.base import SourceDoc
    from saidwhat.pipeline import analyze

    docs = [
        SourceDoc(source="000", text=sample_000, stem="000", published="2025-06-28", published_basis="given"),
        SourceDoc(source="002", text=sample_002, stem="002"),
    ]
    analyses = list(analyze(docs))
    feats = [features_of(a) for a in analyses]
    assert feats[1].published == "2025-10-06"
    for an, f in zip(analyses, feats, strict=True):
        text = an.doc.text
        spans = [d.sentence for d in f.dates] + [s.content for s in f.statements]
        assert spans and all(text[sp.start : sp.end] == sp.text for sp in spans)
        assert all(text[d.start : d.end] == d.text for d in f.dates)
    entries = [e for d in timeline_doc(feats)["dates"] for e in d["entries"]]
    by_id = {f.id: an.doc.text for an, f in zip(analyses, feats, strict=True)}
    assert entries and all(by_id[e["article"]][e["start"] : e["end"]] == e["text"] for e in entries)
    c = StoryClusterer()
    ids = [c.add(f) for f in sorted(feats, key=lambda f: f.published or "")]
    assert ids[0] == ids[1], c.last_decision
