"""Whether ``saidwhat serve`` can listen where it is asked to, checked before it says it serves."""

from __future__ import annotations

import errno
import socket

from saidwhat.errors import SaidwhatError


def check_port(host: str, port: int) -> None:
    """Bind ``host:port`` once (as uvicorn will, with SO_REUSEADDR); ``E_PORT`` when that fails."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as e:  # socket.gaierror too: an unknown host
        why = e.strerror or str(e)
        busy = e.errno == errno.EADDRINUSE
        hint = " (another program listens there: use another --port; make run: PORT=)" if busy else ""
        raise SaidwhatError("E_PORT", f"cannot listen on {host}:{port}: {why}{hint}") from None
