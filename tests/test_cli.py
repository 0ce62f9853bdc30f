"""End-to-end command-line tests: real subprocesses, real files, real store."""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.model import check_contract
from tests.conftest import ROOT, SAMPLES, needs_shared

ERROR_LINE = re.compile(r"^error\[(E_[A-Z_]+)\] (.+?): (.+)$")


def run(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("SAIDWHAT_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "saidwhat", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        cwd=ROOT,
        timeout=600,
    )


def error_codes(stderr: str) -> list[str]:
    codes = []
    for line in stderr.splitlines():
        m = ERROR_LINE.match(line)
        if m:
            codes.append(m.group(1))
    return codes


def assert_no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


GOOD = (
    "Council delays bridge vote\n\n"
    "The mayor said on Tuesday that the bridge would cost $410 million. "
    "“We will not sign a blank cheque,” council member Maria Okafor said.\n"
)


def test_version() -> None:
    r = run("--version")
    assert r.returncode == 0
    assert re.fullmatch(r"saidwhat \d+\.\d+\.\d+\n", r.stdout)


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A directory of one good article and one bad input of every kind ingest can meet."""
    d = tmp_path_factory.mktemp("batch")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes(
        "Le ministre a déclaré que la réforme était « nécessaire ».\n".encode("cp1252")
    )
    (d / "big.txt").write_text("word " * 3000, encoding="utf-8")
    (d / "broken.html").write_text("<html><body><div><p></div></span><<<>>>", encoding="utf-8")
    (d / "lines.jsonl").write_text(
        json.dumps({"text": GOOD + "\nA second line.", "title": "ok"})
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n",
        encoding="utf-8",
    )
    (d / "notafeed.rss").write_text("<inventory><item>bolts</item></inventory>", encoding="utf-8")
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/a\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 5000\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut"
    )
    (d / "cut.warc.gz").write_bytes(gzip.compress(record))
    (d / "dated.txt").write_text(GOOD, encoding="utf-8")
    (d / "dated.meta.json").write_text(json.dumps({"published": "2025-02-31"}), encoding="utf-8")
    return d, d / "store.db"


@pytest.fixture(scope="module")
def bad_batch_run(bad_batch: tuple[Path, Path]) -> subprocess.CompletedProcess[str]:
    d, db = bad_batch
    return run("ingest", str(d), str(d / "missing.txt"), "--db", str(db), "--max-bytes", "10000")


def test_bad_inputs_each_give_one_clear_line(bad_batch_run: subprocess.CompletedProcess[str]) -> None:
    r = bad_batch_run
    assert r.returncode == 1
    assert_no_traceback(r.stderr)
    codes = error_codes(r.stderr)
    for code in (
        "E_PATH_MISSING",
        "E_EMPTY",
        "E_BINARY",
        "E_TOO_LARGE",
        "E_HTML",
        "E_FEED",
        "E_WARC",
        "E_DATE",
    ):
        assert codes.count(code) == 1, (code, r.stderr)
    # two bad JSONL lines, each named by its line number
    jsonl = [line for line in r.stderr.splitlines() if line.startswith("error[E_JSONL]")]
    assert [re.search(r"lines\.jsonl:(\d+):", line).group(1) for line in jsonl] == ["2", "3"]  # type: ignore[union-attr]
    for line in r.stderr.splitlines():
        assert line.startswith(("error[", "note:", "stored in ")), line


def test_good_inputs_of_a_bad_batch_are_stored(
    bad_batch: tuple[Path, Path], bad_batch_run: subprocess.CompletedProcess[str]
) -> None:
    _, db = bad_batch
    with sqlite3.connect(db) as con:
        sources = {row[0] for row in con.execute("SELECT source FROM documents")}
    names = {Path(s.split(":")[0]).name for s in sources}
    # good.txt, the good JSONL line and the cp1252 file (decoded) are in; the rest is not
    assert names == {"good.txt", "lines.jsonl", "latin1.txt"}, sources


def test_ingest_twice_is_idempotent(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.db"
    assert run("ingest", str(art), "--db", str(db)).returncode == 0
    r = run("ingest", str(art), "--db", str(db))
    assert r.returncode == 0
    assert "0 new" in r.stderr and "1 unchanged" in r.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    art.write_text(GOOD + "\nThe vote is now set for May.\n", encoding="utf-8")
    r = run("ingest", str(art), "--db", str(db))
    assert "1 updated" in r.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_corrupt_database(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"this is not an sqlite database at all" * 100)
    r = run("ingest", str(art), "--db", str(db))
    assert r.returncode == 1
    assert_no_traceback(r.stderr)
    assert error_codes(r.stderr) == ["E_DB_CORRUPT"]


def test_unwritable_database(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    r = run("ingest", str(art), "--db", str(tmp_path / "no" / "such" / "dir" / "s.db"))
    assert r.returncode == 1
    assert_no_traceback(r.stderr)
    assert error_codes(r.stderr) == ["E_DB_OPEN"]


def test_invalid_published_option(tmp_path: Path) -> None:
    r = run("analyze", "-", "--published", "2025-13-01", stdin=GOOD)
    assert r.returncode == 1
    assert error_codes(r.stderr) == ["E_DATE"]
    assert_no_traceback(r.stderr)


def test_analyze_stdin_prints_contract_json() -> None:
    r = run("analyze", "-", "--published", "2025-03-12", stdin=GOOD)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert check_contract(doc) == []
    assert doc["doc"]["published"] == "2025-03-12"
    assert doc["doc"]["published_basis"] == "given"
    assert doc["doc"]["text"] == GOOD


@needs_shared
def test_analyze_samples_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run("analyze", str(SAMPLES), "--out", str(out))
    assert r.returncode == 0, r.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == ["000_14d1caff0cac3eef.json", "002_490d83485b533276.json"]
    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    for name, doc in docs.items():
        assert check_contract(doc) == [], name
        assert doc["doc"]["text"] == (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        assert doc["statements"], name
    d0, d2 = docs["000_14d1caff0cac3eef"], docs["002_490d83485b533276"]
    assert (d0["doc"]["published"], d0["doc"]["published_basis"]) == ("2025-06-29", "inferred")
    assert (d2["doc"]["published"], d2["doc"]["published_basis"]) == ("2025-10-06", "text")
    kinds0 = [s["kind"] for s in d0["segments"]]
    for kind in ("headline", "body", "related", "embed", "signature", "comment"):
        assert kind in kinds0, kind
    assert kinds0[-1] == "comment"


@needs_shared
def test_store_commands_on_samples(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    r = run("ingest", str(SAMPLES), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "2 new" in r.stderr
    r = run("statements", "--db", str(db), "--speaker", "Trump", "--json", "--limit", "200")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all("Trump" in (row["statement"]["speaker"] or {}).get("name", "") for row in rows)
    r = run("search", "dismantled", "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert any("dismantled" in "".join(part["text"] for part in h["snippet"]) for h in hits)
    r = run("export", "--format", "jsonl", "--db", str(db))
    assert r.returncode == 0, r.stderr
    exported = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(exported) == 2 and all(check_contract(d) == [] for d in exported)
    r = run("export", "--format", "csv", "--db", str(db))
    assert r.returncode == 0 and r.stdout.count("\n") > 10
    r = run("summary", "--db", str(db))
    assert r.returncode == 0 and "Donald Trump" in r.stdout


def test_read_commands_on_a_missing_store_and_bad_export(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.db")
    for args in (["summary"], ["statements"], ["search", "x"], ["entities"], ["export"]):
        r = run(*args, "--db", missing)
        assert r.returncode == 1, args
        assert error_codes(r.stderr) == ["E_DB_OPEN"], (args, r.stderr)
        assert_no_traceback(r.stderr)
    r = run("export", "--format", "xml", "--db", missing)
    assert r.returncode == 1 and error_codes(r.stderr) == ["E_BAD_REQUEST"]
