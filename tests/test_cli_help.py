"""The help reads like a well-kept command line: no Python types, every option described, examples."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app

runner = CliRunner()
COMMANDS = ("analyze", "ingest", "search", "statements", "export", "entities", "summary", "rebuild", "serve")
WITH_EXAMPLES = ("analyze", "ingest", "search", "statements", "serve")
PYTHON_TYPES = re.compile(r"<(bool|str|int|float|path|list\[[a-z]+\])>|\{[a-z_]+\}")


def help_of(*args: str) -> str:
    r = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_types_and_describes_every_option(command: str) -> None:
    text = help_of(command)
    assert not PYTHON_TYPES.search(text), PYTHON_TYPES.search(text)
    for line in text.splitlines():
        m = re.match(r"^│ +(--[a-z-]+)", line)
        if m:  # an option row: after its names and metavar comes a description
            rest = line[m.end() :].strip(" │")
            assert len(re.sub(r"^(-[a-z]|--[a-z-]+|[A-Z.]+|\[[^]]*\]|\s)*", "", rest)) > 3, line
    if command in WITH_EXAMPLES:
        assert "Examples:" in text and (f"$ saidwhat {command}" in text or "| saidwhat" in text)


def test_usage_line_names_arguments_plainly() -> None:
    assert re.search(r"Usage: .*ingest \[OPTIONS\] PATHS\.\.\.\s*$", help_of("ingest"), re.M)
    assert re.search(r"Usage: .*search \[OPTIONS\] QUERY\s*$", help_of("search"), re.M)
    assert re.search(r"Usage: .*entities \[OPTIONS\] \[QUERY\]\s*$", help_of("entities"), re.M)


def test_quiet_says_what_it_hides_and_completion_is_offered() -> None:
    assert "stored in DB" in help_of("ingest")
    root = help_of()
    assert "--install-completion" in root and "--show-completion" in root
