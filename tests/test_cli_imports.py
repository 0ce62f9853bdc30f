"""What each command imports (``python -X importtime``), not how long it takes.

Commands that do not analyse (reading the store, ``--version``, a re-ingest of unchanged inputs,
which is a content-hash look-up) must never import spaCy, thinc or PyTorch: loading them is most
of the start-up time of the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

HEAVY = ("spacy", "thinc", "torch")
ARTICLE = (
    "Council delays bridge vote\n\n"
    "The mayor said on Tuesday that the bridge would cost $410 million. "
    "“We will not sign a blank cheque,” council member Maria Okafor said.\n"
)


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
    names = set()
    for line in r.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name.split(".")[0])
    return names, r


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
