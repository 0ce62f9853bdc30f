"""A busy port is a clear E_PORT error before `saidwhat serve` claims to be serving."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.web.port import check_port
from tests.conftest import ROOT


def test_check_port_refuses_a_busy_port_and_accepts_a_free_one() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SaidwhatError) as e:
            check_port("127.0.0.1", port)
        assert e.value.code == "E_PORT" and str(port) in e.value.message and "--port" in e.value.message
    check_port("127.0.0.1", port)  # free again
    with pytest.raises(SaidwhatError):
        check_port("no-such-host.invalid", 8000)


def test_serve_on_a_busy_port_says_so_first(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = subprocess.run(
            [sys.executable, "-m", "saidwhat", "serve", "--port", str(port), "--db", str(tmp_path / "s.db")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
    assert r.returncode == 1
    assert "serving" not in r.stdout + r.stderr
    assert r.stderr.startswith("error[E_PORT]"), r.stderr
