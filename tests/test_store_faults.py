"""Faults during ingest on one SQLite store: ``kill -9`` in the middle of a batch loses no committed
article and a re-run completes it without a duplicate; two ingests at once both finish; a writer
that holds the lock too long makes the other fail with ``E_DB_BUSY`` — never a corrupt store
(``PRAGMA integrity_check`` after each fault)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.model import Analysis, DocMeta
from saidwhat.store import open_store
from saidwhat.store.sqlite import store as sqlite_store
from tests.conftest import ROOT


def _articles(path: Path, numbers: range) -> Path:
    """A JSON Lines file of small, distinct articles (one line each, ids ``art-N``)."""
    lines = []
    for n in numbers:
        text = (
            f"Council {n} delays the bridge vote\n\n"
            f"The mayor of Town {n} said on Tuesday that the bridge would cost ${n + 400} million. "
            f"“We will not sign a blank cheque,” council member Maria Okafor-{n} said. "
            f"Officials told reporters that {n + 3} contractors had bid for the work.\n"
        )
        lines.append(json.dumps({"id": f"art-{n}", "text": text, "published": "2025-06-03"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _ingest(db: Path, *paths: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "saidwhat", "ingest", *map(str, paths), "--db", str(db), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _documents(db: Path) -> list[tuple[str, str]]:
    """(source, id) of every stored document; [] while the store has no table yet."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return [(r[0], r[1]) for r in conn.execute("SELECT source, id FROM documents ORDER BY pk")]
    except sqlite3.OperationalError:
        return []


def _intact(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_kill_9_loses_nothing_committed_and_two_ingests_at_once_both_finish(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = _articles(tmp_path / "first.jsonl", range(24))
    more = _articles(tmp_path / "more.jsonl", range(24, 30))

    victim = _ingest(db, first)
    deadline = time.monotonic() + 300
    while len(_documents(db)) < 3 and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert victim.poll() is None, f"the ingest ended before it could be killed: {victim.communicate()}"
    victim.send_signal(signal.SIGKILL)
    victim.communicate()
    kept = _documents(db)
    assert 3 <= len(kept) < 24
    _intact(db)

    # the re-run (all of first) and another ingest (first again and more) at once, on the same store
    a, b = _ingest(db, first), _ingest(db, first, more)
    outs = [p.communicate(timeout=600) for p in (a, b)]
    assert [a.returncode, b.returncode] == [0, 0], outs
    _intact(db)
    docs = _documents(db)
    assert sorted(s for s, _ in docs) == sorted(f"art-{n}" for n in range(30))  # each once
    assert len({i for _, i in docs}) == len(docs)
    assert docs[: len(kept)] == kept  # what was committed before the kill is kept as it was
    for _out, err in outs:
        assert "stored in" in err and "error[" not in err


def _analysis(n: int) -> Analysis:
    text = f"Article {n}.\n"
    import hashlib

    doc = DocMeta(id=hashlib.sha256(text.encode()).hexdigest(), source=f"a{n}.txt", text=text)
    return Analysis(doc=doc, segments=[], statements=[], entities=[], timexes=[], quantities=[])


def test_a_writer_waits_for_the_lock_then_gives_up_with_e_db_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_store, "BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr(sqlite_store, "BUSY_RETRY_SECONDS", 1.0)
    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.add(_analysis(0))
        other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        other.execute("PRAGMA busy_timeout = 0")

        other.execute("BEGIN IMMEDIATE")  # another process writes for longer than the retries last
        with pytest.raises(SaidwhatError) as exc:
            store.add(_analysis(1))
        assert exc.value.code == "E_DB_BUSY"
        other.execute("ROLLBACK")

        other.execute("BEGIN IMMEDIATE")  # ... and now for less: the write waits and goes through
        releaser = threading.Timer(0.3, lambda: other.execute("COMMIT"))
        releaser.start()
        assert store.add(_analysis(2)).status == "new"
        releaser.join()
        other.close()
        assert sorted(d.source for d in store.documents()) == ["a0.txt", "a2.txt"]
    _intact(db)
