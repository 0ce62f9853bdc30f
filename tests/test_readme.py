"""Every ```console block of README.md, run and compared, so that the tour cannot go stale.

Each block runs in a fresh directory (its own ``saidwhat.db``), command by command (``$ saidwhat
...`` lines; the lines up to the next ``$`` are the expected output, stdout and stderr as a terminal
shows them, tables 100 columns wide). ``../shared`` in a command is the shared data beside the
checkout and ``examples`` the repository's demo articles; a block that needs ``../shared`` skips
without it. Compared after normalising what varies between runs: trailing blanks and the temporary
directory.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def steps(block: str) -> list[tuple[str, str]]:
    """(command line, expected output) pairs of a console block."""
    out: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            out.append((line[2:], []))
        elif out:
            out[-1][1].append(line)
        else:
            raise AssertionError(f"output before any command in a README console block: {line!r}")
    return [(cmd, "\n".join(lines)) for cmd, lines in out]


def argv(command: str) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "saidwhat", f"README commands are `saidwhat ...`, not {words[0]!r}"
    args = []
    for w in words[1:]:
        if w.startswith("../shared"):
            w = str(SHARED) + w[len("../shared") :]
        elif w == "examples" or w.startswith("examples/"):
            w = str(ROOT / w)
        args.append(w)
    return [sys.executable, "-m", "saidwhat", *args]


def normalise(text: str, tmp: Path) -> str:
    text = text.replace(str(tmp) + os.sep, "").replace(str(tmp), ".")
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def test_the_readme_has_console_blocks() -> None:
    assert len(blocks()) >= 2 and all(steps(b) for b in blocks())


@pytest.mark.parametrize("index", range(len(blocks())))
def test_readme_console_block(index: int, tmp_path: Path) -> None:
    block = blocks()[index]
    if "../shared" in block and not SHARED.is_dir():
        pytest.skip(f"README block {index + 1} reads ../shared, which is not beside the checkout ({SHARED})")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", "TERM": "dumb"}
    for key in ("SAIDWHAT_DB", "SAIDWHAT_ALIASES", "NO_COLOR", "FORCE_COLOR"):
        env.pop(key, None)
    for command, expected in steps(block):
        r = subprocess.run(
            argv(command),
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
        )
        got = normalise(r.stdout, tmp_path)
        assert r.returncode == 0, f"$ {command}\n{got}"
        assert got == normalise(expected, tmp_path), f"README block {index + 1}: $ {command}\n--- got:\n{got}"
