"""``saidwhat serve``: uvicorn over :func:`saidwhat.web.app.create_app`, stopping promptly on a signal.

On SIGTERM or SIGINT the analysis worker is killed at once (a running analysis answers
``503 E_UNAVAILABLE``), then uvicorn shuts down: it stops accepting connections and gives the open
ones :data:`GRACE` seconds to finish (searches are bounded by their own time budget) before it
cancels them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import FrameType

import uvicorn

from saidwhat.settings import Settings
from saidwhat.store import open_store
from saidwhat.web.app import create_app
from saidwhat.web.port import check_port
from saidwhat.web.security import HostPolicy

GRACE = 5  # seconds open connections get to finish once the server is told to stop


class PromptServer(uvicorn.Server):
    """A uvicorn server that runs ``on_signal`` (kill the workers) the moment a stop signal arrives."""

    def __init__(self, config: uvicorn.Config, on_signal: Callable[[], None]) -> None:
        super().__init__(config)
        self.on_signal = on_signal

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        try:
            self.on_signal()
        finally:
            super().handle_exit(sig, frame)


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_only: bool = False,
    allow_hosts: Iterable[str] = (),
) -> None:
    """Serve the store of ``settings.db`` on ``http://host:port/`` until SIGINT / SIGTERM.

    ``allow_hosts``: Host names answered besides the defaults of :meth:`HostPolicy.for_bind`; the
    time and memory per added article are ``settings.analysis_timeout`` / ``analysis_memory_mb``.
    """
    hosts = HostPolicy.for_bind(host, allow_hosts)
    check_port(host, port)  # a busy port is E_PORT before anything claims to be serving
    with open_store(settings.db, read_only=read_only, aliases=settings.aliases) as store:
        app = create_app(store, settings=settings, hosts=hosts)
        analysis = app.state.analysis
        if not read_only:
            analysis.prestart()  # the language model loads while the server starts
        where = f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
        print(
            f"saidwhat: serving {store.location} on {where}{' (read-only)' if read_only else ''}",
            flush=True,
        )
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="info",
            proxy_headers=False,
            server_header=False,
            timeout_graceful_shutdown=GRACE,
        )
        try:
            PromptServer(config, analysis.close).run()
        finally:
            analysis.close()
