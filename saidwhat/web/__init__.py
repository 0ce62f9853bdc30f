"""The web UI and JSON API (FastAPI + Jinja2): read articles with their voices highlighted.

:func:`create_app` builds the ASGI application over a store; :func:`serve` runs it with uvicorn
(``saidwhat serve``). See ``docs/web.md`` for the pages, their JSON twins and the error shape.
"""

from __future__ import annotations

from saidwhat.settings import Settings
from saidwhat.store import open_store
from saidwhat.web.app import create_app
from saidwhat.web.port import check_port

__all__ = ["create_app", "serve"]


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False
) -> None:
    """Serve the store of ``settings.db`` on ``http://host:port/`` until interrupted."""
    import uvicorn

    check_port(host, port)  # a busy port is E_PORT before anything claims to be serving
    with open_store(settings.db, read_only=read_only, aliases=settings.aliases) as store:
        app = create_app(store, settings=settings)
        where = store.location
        print(
            f"saidwhat: serving {where} on http://{host}:{port}/{' (read-only)' if read_only else ''}",
            flush=True,
        )
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
