"""Request checks against other sites: allowed ``Host`` names and CSRF protection (issue 14).

:class:`SiteGuard` is ASGI middleware. On every HTTP request it checks

- the ``Host`` header against a :class:`HostPolicy` (DNS rebinding: a page on ``evil.example`` whose name
  is re-pointed at 127.0.0.1 reaches the local server with ``Host: evil.example``) → ``400 E_HOST``;
- on a state-changing method (POST, PUT, PATCH, DELETE) that the request was not sent by another site:
  ``Sec-Fetch-Site: cross-site``, an ``Origin`` (``null`` included) or, without one, a ``Referer`` whose
  host and port differ from the ``Host`` header → ``403 E_CSRF``.

Form posts to HTML routes also carry a token (:func:`verify_form_token`, called by the route once it
has read the form): a signed double-submit token. The middleware gives every browser a random nonce in
the cookie :data:`COOKIE` (``HttpOnly; SameSite=Strict``, set only on a response that rendered a
form); the form holds ``HMAC(secret, nonce)``. Another site can neither read the form nor forge the
HMAC, and the cookie is not sent on cross-site posts at all. JSON routes (``….json``) are for scripts
and other programs: they take no token, and the ``Origin``/``Referer`` check is what stops a browser
on another site (browsers send ``Origin`` with every cross-origin POST).

Refusals use the one error shape (JSON, or a small HTML page when a browser posted a form).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from saidwhat.errors import SaidwhatError
from saidwhat.web.guard import ASGIApp, Message, Receive, Scope, Send, send_error

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# the names every server answers to; "testserver" is the host of Starlette's (and httpx's) test client
DEFAULT_HOSTS = ("localhost", "127.0.0.1", "::1", "testserver")
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::", "[::]"})
COOKIE = "saidwhat_csrf"
FIELD = "csrf_token"
SCOPE_KEY = "saidwhat.csrf"
_NONCE = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_HOSTNAME = re.compile(r"^[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?$")
_DEFAULT_PORTS = {"http": "80", "https": "443", "ws": "80", "wss": "443"}


# -- Host names --------------------------------------------------------------------------------------


def split_host(value: str) -> tuple[str, str | None] | None:
    """``(name, port)`` of a ``Host`` header value, the name lower-cased without brackets or a final dot.

    None when the value is not a host name or IP address with an optional numeric port.
    """
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        name, rest = value[1:end], value[end + 1 :]
        try:
            ipaddress.IPv6Address(name)
        except ValueError:
            return None
    else:
        name, sep, port_part = value.partition(":")
        rest = sep + port_part
        name = name[:-1] if name.endswith(".") else name
        if not _HOSTNAME.match(name):
            return None
    if not rest:
        return name, None
    if not rest.startswith(":") or not rest[1:].isdigit() or len(rest) > 6:
        return None
    return name, rest[1:]


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """The ``Host`` names a server answers to.

    ``any_ip``: also any IP address written as such (a server bound to all interfaces is reached by
    its addresses; DNS rebinding always comes with a *name*, so an address is never a rebound host).
    """

    names: frozenset[str]
    any_ip: bool = False

    @classmethod
    def for_bind(cls, bind: str | None = None, extra: Iterable[str] = ()) -> HostPolicy:
        """The default policy for a server bound to ``bind``, plus the names in ``extra``.

        Default: the bind address (unless it is a wildcard), ``localhost``, ``127.0.0.1``, ``::1`` and
        the test client's ``testserver``. A wildcard bind (``0.0.0.0``, ``::``) also answers to any IP
        address and to this machine's host name. ``extra`` names must be host names or addresses
        (``E_BAD_REQUEST`` otherwise); ``*`` allows every host (no DNS rebinding protection).
        """
        names = set(DEFAULT_HOSTS)
        any_ip = False
        if bind is not None:
            if bind.strip().lower() in WILDCARD_BINDS:
                any_ip = True
                for machine in (socket.gethostname(), socket.getfqdn()):
                    parsed = split_host(machine)
                    if parsed is not None:
                        names.add(parsed[0])
            else:
                parsed = split_host(bind if ":" not in bind or bind.startswith("[") else f"[{bind}]")
                if parsed is not None:
                    names.add(parsed[0])
        for name in extra:
            if name.strip() == "*":
                names.add("*")
                continue
            parsed = split_host(name if ":" not in name or name.startswith("[") else f"[{name}]")
            if parsed is None or parsed[1] is not None:
                raise SaidwhatError("E_BAD_REQUEST", f"--allow-host {name!r} is not a host name or address")
            names.add(parsed[0])
        return cls(frozenset(names), any_ip)

    def allows(self, host_header: str | None) -> bool:
        if "*" in self.names:
            return True
        if host_header is None:  # HTTP/1.0 without Host: no browser sends that, nothing to rebind
            return True
        parsed = split_host(host_header)
        if parsed is None:
            return False
        name = parsed[0]
        return name in self.names or (self.any_ip and _is_ip(name))


# -- the CSRF token ----------------------------------------------------------------------------------


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class CsrfTokens:
    """Signs a browser's nonce into the token its forms carry (a fresh random secret per server)."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def token(self, nonce: str) -> str:
        mac = hmac.new(self.secret, b"saidwhat-csrf\x00" + nonce.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")

    def valid(self, nonce: str | None, token: str | None) -> bool:
        if not nonce or not token or not _NONCE.match(nonce) or len(token) > 100:
            return False
        return hmac.compare_digest(self.token(nonce), token)


@dataclass(slots=True)
class CsrfState:
    """The request's nonce (from its cookie, or new) and whether a page used it (then the cookie is set)."""

    tokens: CsrfTokens
    nonce: str
    from_cookie: bool
    used: bool = False

    def token(self) -> str:
        self.used = True
        return self.tokens.token(self.nonce)


def csrf_token(request: Any) -> str:
    """The token to put in a form's :data:`FIELD` (a Jinja global: ``{{ csrf_token(request) }}``)."""
    state = request.scope.get(SCOPE_KEY)
    if not isinstance(state, CsrfState):
        raise RuntimeError("SiteGuard middleware is not installed")
    return state.token()


def verify_form_token(request: Any, form: Mapping[str, Any]) -> None:
    """Raise ``E_CSRF`` unless ``form`` carries the token of the request's cookie.

    For HTML routes that change state; JSON routes (the path ends in ``.json``) are not checked
    (scripts have no form to take a token from; the middleware's Origin check covers browsers).
    """
    if str(request.url.path).endswith(".json"):
        return
    state = request.scope.get(SCOPE_KEY)
    sent = form.get(FIELD)
    ok = (
        isinstance(state, CsrfState)
        and state.from_cookie
        and isinstance(sent, str)
        and state.tokens.valid(state.nonce, sent)
    )
    if not ok:
        raise SaidwhatError(
            "E_CSRF",
            "the form's security token is missing or out of date: reload the form and send it again "
            "(programs should post to the .json route)",
        )


# -- Origin / Referer ------------------------------------------------------------------------------------


def _netloc(scheme: str, name: str, port: str | None) -> str:
    """``name[:port]`` with the scheme's default port left out, so ``Host: x`` equals ``https://x``."""
    if port is None or _DEFAULT_PORTS.get(scheme) == port:
        return name
    return f"{name}:{port}"


def _url_netloc(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    parsed = split_host(parts.netloc)
    if parsed is None:
        return None
    return _netloc(parts.scheme, *parsed)


def cross_site_reason(headers: Mapping[str, str], scheme: str = "http") -> str | None:
    """Why a state-changing request looks sent by another site, or None when it does not.

    ``headers`` lower-case names. A request with neither ``Origin`` nor ``Referer`` (curl, scripts) is
    not cross-site: browsers send ``Origin`` with every cross-origin POST.
    """
    if headers.get("sec-fetch-site", "").strip().lower() == "cross-site":
        return "the browser marked the request as sent by another site (Sec-Fetch-Site: cross-site)"
    host = headers.get("host")
    parsed = split_host(host) if host is not None else None
    own = _netloc(scheme, *parsed) if parsed is not None else None
    for name in ("origin", "referer"):
        value = headers.get(name)
        if value is None:
            continue
        value = value.strip()
        if name == "origin" and value.lower() == "null":
            return "the request came from an opaque origin (Origin: null)"
        theirs = _url_netloc(value)
        if theirs is None or own is None or theirs != own:
            shown = value[:100]
            return f"the request came from another site ({name.capitalize()}: {shown})"
        return None
    return None


# -- the middleware ------------------------------------------------------------------------------------


def _headers(scope: Scope) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        name = key.decode("latin-1").lower()
        if name not in out:  # the first of repeated headers counts
            out[name] = value.decode("latin-1")
    return out


def _cookie(header: str | None, name: str) -> str | None:
    if not header:
        return None
    for part in header.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key == name:
            return value.strip().strip('"')
    return None


class SiteGuard:
    """ASGI middleware: :class:`HostPolicy` check, cross-site check of unsafe methods, CSRF nonce cookie."""

    def __init__(self, app: ASGIApp, hosts: HostPolicy, tokens: CsrfTokens) -> None:
        self.app = app
        self.hosts = hosts
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        host = headers.get("host")
        if not self.hosts.allows(host):
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            shown = (host or "")[:100]
            err = SaidwhatError(
                "E_HOST",
                f"this server does not answer to the host name {shown!r} "
                "(start it with --allow-host NAME to allow it)",
            )
            await send_error(scope, send, err)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if str(scope.get("method", "")).upper() in UNSAFE_METHODS:
            reason = cross_site_reason(headers, str(scope.get("scheme", "http")))
            if reason is not None:
                await send_error(scope, send, SaidwhatError("E_CSRF", reason))
                return
        nonce = _cookie(headers.get("cookie"), COOKIE)
        from_cookie = nonce is not None and _NONCE.match(nonce) is not None
        state = CsrfState(self.tokens, nonce if from_cookie and nonce else new_nonce(), from_cookie)
        scope[SCOPE_KEY] = state

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and state.used and not state.from_cookie:
                cookie = f"{COOKIE}={state.nonce}; Path=/; HttpOnly; SameSite=Strict"
                message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_with_cookie)
