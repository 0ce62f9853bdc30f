"""What each command imports (``python -X importtime``), not how long it takes.

Commands that do not analyse (reading the store, ``--version``, a re-ingest of unchanged inputs,
which is a content-hash look-up) must never import spaCy, thinc or PyTorch: loading them is most
of the start-up time of the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web_fixtures import free_port

HEAVY = ("spacy", "thinc", "torch")
ARTICLE = (
    "Council delays bridge vote\n\n"
    "The mayor said on Tuesday that the bridge would cost $410 million. "
    "“We will not sign a blank cheque,” council member Maria Okafor said.\n"
)


def _top_level(stderr: str) -> set[str]:
    names: set[str] = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name.split(".")[0])
    return names


def imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    """The top-level packages the command imports, and the finished process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SAIDWHAT_DB", None)
    r = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "saidwhat", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    return _top_level(r.stderr), r


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store holding one analysed article (the ingest does load spaCy: the control case)."""
    tmp = tmp_path_factory.mktemp("imports")
    art, db = tmp / "a.txt", tmp / "s.db"
    art.write_text(ARTICLE, encoding="utf-8")
    names, r = imported("ingest", str(art), "--db", str(db))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "spacy" in names  # the parser does see what an analysis imports
    return art, db


def test_version_imports_no_model() -> None:
    names, r = imported("--version")
    assert r.returncode == 0
    assert not names & set(HEAVY), names & set(HEAVY)


@pytest.mark.parametrize(
    "args",
    [
        ("statements",),
        ("statements", "--speaker", "Okafor", "--act", "claim", "--since", "2025-01-01"),
        ("search", "bridge"),
        ("export", "--format", "jsonl"),
        ("export", "--format", "csv"),
        ("entities",),
        ("summary",),
    ],
    ids=lambda a: " ".join(a),
)
def test_read_commands_import_no_model(stored: tuple[Path, Path], args: tuple[str, ...]) -> None:
    _, db = stored
    names, r = imported(*args, "--db", str(db))
    assert r.returncode == 0, r.stderr[-2000:]
    assert not names & set(HEAVY), f"{' '.join(args)} imports {sorted(names & set(HEAVY))}"


def test_reingest_of_unchanged_input_imports_no_model(stored: tuple[Path, Path]) -> None:
    art, db = stored
    names, r = imported("ingest", str(art), "--db", str(db))
    assert r.returncode == 0, r.stderr[-2000:]
    assert "1 unchanged" in r.stderr
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def test_help_imports_no_model() -> None:
    for args in (("--help",), ("ingest", "--help"), ("analyze", "--help")):
        names, r = imported(*args)
        assert r.returncode == 0, args
        assert not names & set(HEAVY), (args, sorted(names & set(HEAVY)))


def test_serve_imports_no_model_until_it_answers(stored: tuple[Path, Path], tmp_path: Path) -> None:
    """``serve`` (the last step of ``make run``) answers its first page without spaCy: the model
    is loaded by the analysis worker when an article is added, not at start-up."""
    _, db = stored
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SAIDWHAT_DB", None)
    err = tmp_path / "serve.err"
    with err.open("w", encoding="utf-8") as fh:
        cmd = [sys.executable, "-X", "importtime", "-m", "saidwhat", "serve"]
        proc = subprocess.Popen(
            [*cmd, "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=fh,
            env=env,
            cwd=ROOT,
        )
        try:
            status = None
            deadline = time.monotonic() + 300
            while status is None and time.monotonic() < deadline and proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
                        status = resp.status
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    time.sleep(0.1)
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    assert status == 200, err.read_text(encoding="utf-8")[-2000:]
    names = _top_level(err.read_text(encoding="utf-8"))
    assert "fastapi" in names  # the parser does see the server's imports
    assert not names & set(HEAVY), sorted(names & set(HEAVY))
