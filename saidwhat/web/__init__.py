"""The web UI and JSON API (FastAPI + Jinja2): read articles with their voices highlighted.

:func:`create_app` builds the ASGI application over a store; :func:`serve` runs it with uvicorn
(``saidwhat serve``). See ``docs/web.md`` for the pages, their JSON twins and the error shape.
"""

from __future__ import annotations

from saidwhat.web.app import create_app
from saidwhat.web.server import serve

__all__ = ["create_app", "serve"]
