"""Corpus stages: a toy stage (articles per outlet) plugged in with a few lines; incremental == rebuild."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.corpus import CORPUS_STAGES, CorpusRegistry, CorpusStage
from saidwhat.errors import SaidwhatError
from saidwhat.store import SQLiteStore, StoreProtocol, open_store
from saidwhat.store.migrations import Migration
from tests.test_store import Quote, article


class ArticlesPerOutlet:
    """The toy corpus stage: how many latest articles each outlet (the URL's host) has."""

    name = "outlets"
    needs: tuple[str, ...] = ()
    migrations = (
        Migration(1, "articles per outlet", ("CREATE TABLE outlets (outlet TEXT PRIMARY KEY, n INTEGER)",)),
    )

    def _bump(self, store: StoreProtocol, url: str | None, by: int) -> None:
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO outlets VALUES (?, ?) ON CONFLICT(outlet) DO UPDATE SET n = outlets.n + ?",
                (urlsplit(url or "").hostname or "", by, by),
            )

    def on_added(self, store: StoreProtocol, doc_ids: Sequence[str]) -> None:
        for doc_id in doc_ids:
            doc = store.document(doc_id)
            if doc.version > 1:  # a new version replaces the previous one
                self._bump(store, store.versions(doc.source)[-2].url, -1)
            self._bump(store, doc.url, 1)

    def rebuild(self, store: StoreProtocol) -> None:
        with store.transaction() as conn:
            conn.execute("DELETE FROM outlets")
        for doc_id in store.document_ids():
            self._bump(store, store.document(doc_id).url, 1)


def outlets(store: StoreProtocol) -> dict[str, int]:
    with store.snapshot() as conn:
        return {o: n for o, n in conn.execute("SELECT outlet, n FROM outlets WHERE n > 0")}


def stored(store: StoreProtocol, source: str, url: str, words: str) -> str:
    a = article(source, "2025-06-01", [Quote("Donald Trump", words)])
    a.doc.url = url
    return store.add(a).doc_id


def test_a_toy_corpus_stage_incremental_equals_rebuild(new_store_target: Callable[[str], Path | str]) -> None:
    registry = CorpusRegistry([])
    stage = registry.register(ArticlesPerOutlet())
    assert isinstance(stage, CorpusStage)
    with open_store(new_store_target("c")) as store:
        first = [
            stored(store, "a.txt", "https://haaretz.com/1", "one"),
            stored(store, "b.txt", "https://kan.org.il/2", "two"),
        ]
        registry.on_added(store, first)
        assert outlets(store) == {"haaretz.com": 1, "kan.org.il": 1}
        # a new version of a.txt, now at another outlet: the old one no longer counts
        registry.on_added(store, [stored(store, "a.txt", "https://reuters.com/1", "one, revised")])
        incremental = outlets(store)
        assert incremental == {"kan.org.il": 1, "reuters.com": 1}
        assert registry.rebuild(store) == ["outlets"]
        assert outlets(store) == incremental
        registry.rebuild(store)  # deterministic and idempotent
        assert outlets(store) == incremental


def test_registry_order_and_needs() -> None:
    registry = CorpusRegistry([])
    with pytest.raises(ValueError, match="needs"):
        dependent = ArticlesPerOutlet()
        dependent.needs = ("stories",)
        registry.register(dependent)
    registry.register(ArticlesPerOutlet())
    with pytest.raises(ValueError, match="already"):
        registry.register(ArticlesPerOutlet())
    assert registry.names() == ["outlets"]


def test_stage_migrations_apply_once_and_read_only_refuses(
    new_store_target: Callable[[str], Path | str],
) -> None:
    path = new_store_target("m")
    stage = ArticlesPerOutlet()
    with open_store(path) as store:
        assert store.migrate_stage(stage.name, stage.migrations) == 1
        assert store.migrate_stage(stage.name, stage.migrations) == 1  # nothing pending
    with open_store(path, read_only=True) as ro, pytest.raises(SaidwhatError) as e:
        ro.migrate_stage("other", stage.migrations)
    assert e.value.code == "E_READ_ONLY"


def test_open_store_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel.db") as rel:
        assert isinstance(rel, SQLiteStore) and isinstance(rel, StoreProtocol)
        assert rel.location == "rel.db"
    with open_store(f"sqlite:///{tmp_path}/abs.db") as ab:
        assert ab.location == f"{tmp_path}/abs.db"
    assert (tmp_path / "rel.db").is_file() and (tmp_path / "abs.db").is_file()
    with pytest.raises(SaidwhatError) as e:
        open_store("mysql://localhost/test")
    assert e.value.code == "E_DB_OPEN" and "postgresql" in e.value.message  # the known schemes


def test_rebuild_command_runs_the_registered_stages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "r.db"
    with open_store(db) as store:
        stored(store, "a.txt", "https://haaretz.com/1", "one")
    monkeypatch.setattr(CORPUS_STAGES, "stages", [ArticlesPerOutlet()])
    result = CliRunner().invoke(app, ["rebuild", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "outlets" in result.output
    with open_store(db, read_only=True) as store:
        assert outlets(store) == {"haaretz.com": 1}
