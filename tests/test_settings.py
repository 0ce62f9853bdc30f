"""Settings: environment values are checked (a bad one is an error naming it), options win."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.errors import SaidwhatError
from saidwhat.settings import Settings


@pytest.mark.parametrize("raw", ["lots", "0", "-5", "1.5"])
def test_a_bad_environment_value_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("SAIDWHAT_MAX_BYTES", raw)
    with pytest.raises(SaidwhatError) as e:
        Settings()
    assert e.value.code == "E_SETTINGS" and e.value.source == "SAIDWHAT_MAX_BYTES"


def test_environment_values_and_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SAIDWHAT_BATCH", " 4 ")
    monkeypatch.setenv("SAIDWHAT_DB", "sqlite:///x.db")
    monkeypatch.setenv("SAIDWHAT_ALIASES", str(tmp_path / "a.toml"))
    monkeypatch.delenv("SAIDWHAT_MAX_BYTES", raising=False)
    s = Settings()
    assert (s.batch_size, s.db, s.aliases, s.max_bytes) == (
        4,
        "sqlite:///x.db",
        tmp_path / "a.toml",
        5 * 1024 * 1024,
    )


def test_the_cli_reports_a_bad_setting_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SAIDWHAT_BATCH", "many")
    result = CliRunner().invoke(app, ["rebuild", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "error[E_SETTINGS] SAIDWHAT_BATCH: must be a positive integer, not 'many'" in result.output
