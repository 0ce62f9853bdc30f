"""The one filter vocabulary (saidwhat.filters) and its store side (word-prefix names, flags, periods)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from saidwhat.acts import acts
from saidwhat.errors import SaidwhatError
from saidwhat.filters import build_filter, parse_period, period_bounds
from saidwhat.model import Speaker
from saidwhat.store import Store
from tests.test_cli_imports import ARTICLE, imported
from tests.test_store import Quote, article


@pytest.mark.parametrize("value", ["2025", "2025-06", "2025-06-30", "2024-02-29", " 2025-06 "])
def test_periods_accepted(value: str) -> None:
    assert parse_period(value) == value.strip()


@pytest.mark.parametrize(
    "value", ["25", "2025-6", "2025-13", "2025-02-30", "2023-02-29", "June 2025", "2025-06-01x"]
)
def test_periods_refused(value: str) -> None:
    with pytest.raises(SaidwhatError) as e:
        parse_period(value, "since")
    assert e.value.code == "E_BAD_REQUEST" and "YYYY, YYYY-MM or YYYY-MM-DD" in e.value.message


def test_period_bounds_are_first_and_last_day() -> None:
    assert period_bounds("2025") == ("2025-01-01", "2025-12-31")
    assert period_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert period_bounds("2025-12") == ("2025-12-01", "2025-12-31")
    assert period_bounds("2025-06-03") == ("2025-06-03", "2025-06-03")


def test_build_filter_validates_against_the_act_registry() -> None:
    f = build_filter(speaker=" Donald ", act="Demand", mode="", since="2025", until="2025-06", hedged=False)
    assert (f.speaker, f.act, f.mode, f.since, f.until, f.hedged) == (
        "Donald",
        "demand",
        None,
        "2025",
        "2025-06",
        False,
    )
    assert f.statement_only and not build_filter(since="2025").statement_only
    with pytest.raises(SaidwhatError) as e:
        build_filter(act="nonsense")
    assert e.value.code == "E_BAD_REQUEST"
    assert all(name in e.value.message for name in acts())  # the error lists every valid act
    with pytest.raises(SaidwhatError):
        build_filter(mode="loud")
    with pytest.raises(SaidwhatError):
        build_filter(since="2025-07", until="2025-06")
    with pytest.raises(SaidwhatError):
        build_filter(min_confidence=1.5)


@pytest.fixture
def newsroom(tmp_path: Path) -> Iterator[Store]:
    one = article(
        "1.txt",
        "2025-06-01",
        [
            Quote("Donald Trump", "a ceasefire deal is close", "claim", ["Haaretz"]),
            Quote("an unnamed White House official", "talks stalled", "claim", ["KAN"], anonymous=True),
            Quote("Benjamin Netanyahu", "we will not stop", "warn"),
        ],
    )
    sp = one.statements[1].speaker
    assert sp is not None
    one.statements[1].speaker = Speaker(
        sp.text, sp.start, sp.end, "unnamed White House official", None, True, "person"
    )
    one.statements[1].hedged = True
    one.statements[0].platform = "Truth Social"
    one.statements[2].confidence = 0.4
    two = article("2.txt", "2025-07-02", [Quote("Donald Trump", "hostages home", "demand", ["Channel 12"])])
    with Store(tmp_path / "s.db") as store:
        store.add(one)
        store.add(two)
        yield store


def contents(store: Store, **filters: object) -> set[str]:
    f = build_filter(**filters)  # type: ignore[arg-type]
    return {r.statement.content.text for r in store.statements(**f.query())}


def test_speaker_matches_names_and_aliases_by_word_prefix(newsroom: Store) -> None:
    assert contents(newsroom, speaker="Donald") == {"a ceasefire deal is close", "hostages home"}
    assert contents(newsroom, speaker="trump") == contents(newsroom, speaker="DONALD TRUMP")
    assert contents(newsroom, speaker="Benj") == {"we will not stop"}
    assert contents(newsroom, speaker="official") == {"talks stalled"}  # an anonymous, unlinked speaker
    assert contents(newsroom, speaker="White House") == {"talks stalled"}
    assert contents(newsroom, speaker="rump") == set()  # inside a word: no match
    assert contents(newsroom, speaker="Nobody") == set()
    m = newsroom.match_names("donald")
    assert [(e.name, e.count) for e in m.entities] == [("Donald Trump", 2)] and m.names == []
    m = newsroom.match_names("official")
    assert m.entities == [] and m.names == ["unnamed White House official"]


def test_via_flags_platform_and_periods(newsroom: Store) -> None:
    assert contents(newsroom, via="haa") == {"a ceasefire deal is close"}
    assert contents(newsroom, via="channel") == {"hostages home"}
    assert [e.name for e in newsroom.match_names("channel", role="via").entities] == ["Channel 12"]
    assert contents(newsroom, hedged=True) == {"talks stalled"}
    assert len(contents(newsroom, hedged=False)) == 3
    assert contents(newsroom, anonymous=True) == {"talks stalled"}
    assert contents(newsroom, platform="truth social") == {"a ceasefire deal is close"}
    assert contents(newsroom, since="2025-07") == {"hostages home"}
    assert len(contents(newsroom, until="2025-06")) == 3
    assert len(contents(newsroom, since="2025", until="2025")) == 4
    assert contents(newsroom, act="demand", speaker="donald") == {"hostages home"}
    assert "we will not stop" not in contents(newsroom, min_confidence=0.5)
    assert len(contents(newsroom, min_confidence=0.4)) == 4
    hits = newsroom.search("stalled", **build_filter(hedged=True).query())
    assert [h.kind for h in hits] == ["statement"]


@pytest.fixture(scope="module")
def stored_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("filters")
    art, db = tmp / "a.txt", tmp / "s.db"
    art.write_text(ARTICLE, encoding="utf-8")
    _, r = imported("ingest", str(art), "--db", str(db), "--published", "2025-03-12")
    assert r.returncode == 0, r.stderr[-2000:]
    return db


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return imported(*args)[1]


def test_cli_lists_what_a_partial_speaker_name_matched(stored_db: Path) -> None:
    r = run_cli("statements", "--speaker", "maria", "--db", str(stored_db), "--since", "2025", "--json")
    assert r.returncode == 0, r.stderr[-2000:]
    assert "--speaker 'maria' matched: Maria Okafor (#" in r.stderr
    assert "blank cheque" in r.stdout
    r = run_cli("search", "cheque", "--speaker", "zzz", "--db", str(stored_db))
    assert r.returncode == 0 and "matched: no speaker" in r.stderr and "0 result(s)" in r.stdout


def test_cli_refuses_an_unknown_act_listing_the_valid_ones(stored_db: Path) -> None:
    r = run_cli("statements", "--act", "nonsense", "--db", str(stored_db))
    assert r.returncode == 1
    line = r.stderr.strip().splitlines()[-1]
    assert line.startswith("error[E_BAD_REQUEST]") and "claim, demand, deny" in line
    r = run_cli("search", "x", "--until", "2025-02-30", "--db", str(stored_db))
    assert r.returncode == 1 and "error[E_BAD_REQUEST]" in r.stderr


def test_speaker_only_entities_count_their_mentions_and_documents(newsroom: Store) -> None:
    # the generated articles give every named speaker a per-document entity; unlink one (as when the
    # NER misses a name the attribution still finds): it is then a speaker-only registry entity
    with newsroom.transaction() as conn:
        conn.execute("UPDATE statements SET speaker_entity = NULL WHERE speaker_name = 'Donald Trump'")
        conn.execute(
            "UPDATE entities SET latest = 0 WHERE name = 'Donald Trump'"
        )  # no NER entity left for him
    trump = next(e for e in newsroom.entities() if e.name == "Donald Trump")
    assert trump.statements == 2
    assert (trump.mentions, trump.documents) == (2, 2)
    assert newsroom.entity(trump.gid).documents == 2
