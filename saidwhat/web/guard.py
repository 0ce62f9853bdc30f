"""ASGI middleware: request body limit, security headers on every response, ``HEAD`` as ``GET``.

The body limit is enforced before the application sees the request: a ``Content-Length`` over the
limit is refused at once, and a body streamed without one is counted as it arrives. Refusals use
the one error shape (``E_TOO_LARGE``, HTTP 413).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from html import escape
from typing import Any

from saidwhat.errors import CATALOGUE, SaidwhatError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# no inline script anywhere: scripts and styles come from /static only
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make our own form posts Origin: null
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class Guard:
    """Caps request bodies at ``max_body`` bytes and adds :data:`SECURITY_HEADERS` to responses."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        length = _content_length(scope)
        if length is not None and length > self.max_body:
            await self._too_large(scope, send_secure)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            body = bytearray()
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body.extend(message.get("body", b""))
                more = bool(message.get("more_body", False))
                if len(body) > self.max_body:
                    await self._too_large(scope, send_secure)
                    return
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": bytes(body), "more_body": False}
                return await receive()

            await self.app(scope, replay, send_secure)
            return
        await self.app(scope, receive, send_secure)

    async def _too_large(self, scope: Scope, send: Send) -> None:
        err = SaidwhatError("E_TOO_LARGE", f"the request body is over the limit of {self.max_body} bytes")
        await send_error(scope, send, err, back=("/add", "Back"), close=True)


async def send_error(
    scope: Scope,
    send: Send,
    err: SaidwhatError,
    *,
    back: tuple[str, str] = ("/", "Home"),
    close: bool = False,
) -> None:
    """Answer ``err`` from middleware in the one error shape (a small self-contained page for browsers).

    ``back``: the page's link (URL, label); ``close``: ask the client to close the connection (the
    request body was not read to its end).
    """
    if _wants_html(scope):
        meaning = CATALOGUE[err.code][1]
        body = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Error {err.status}</title>"
            '<link rel="stylesheet" href="/static/style.css"></head><body><main class="error-page">'
            f'<p class="kicker">Error {err.status} · <code class="code">{err.code}</code></p>'
            f"<h1>{escape(meaning.capitalize())}</h1>"
            f'<p class="message">{escape(err.message)}.</p>'
            f'<p><a href="{escape(back[0])}">← {escape(back[1])}</a></p></main></body></html>'
        ).encode()
        ctype = b"text/html; charset=utf-8"
    else:
        body = json.dumps(err.to_dict()).encode()
        ctype = b"application/json"
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]
    if not str(scope.get("path", "")).endswith(".json"):
        headers.append((b"vary", b"Accept"))  # a page for browsers, JSON for programs
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": err.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class HeadAsGet:
    """``HEAD`` on every ``GET`` route: the request is answered as its ``GET``, without the body.

    FastAPI's routes answer only the methods they declare (a ``HEAD`` would be ``405``); this makes
    every page, JSON twin and CSV answer ``HEAD`` with the status and headers (``Content-Type``,
    ``Content-Length``, ``Vary``) its ``GET`` would have. Routes without ``GET`` still answer ``405``.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return
        done = False

        async def headers_only(message: Message) -> None:
            nonlocal done
            if message["type"] != "http.response.body":
                await send(message)
            elif not done and not message.get("more_body", False):
                done = True
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def _wants_html(scope: Scope) -> bool:
    """A browser's form post (HTML accepted, not a ``.json`` URL): answer with a page, not JSON."""
    if str(scope.get("path", "")).endswith(".json"):
        return False
    for key, value in scope.get("headers", []):
        if key.lower() == b"accept":
            return b"text/html" in value.lower()
    return False


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
