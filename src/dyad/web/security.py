"""The dashboard's gate: a token check on every request (when a token is set), a Host check
against DNS rebinding (when none is), and security headers on every response.

A token arrives as ``Authorization: Bearer TOKEN``, as the ``dyad_token`` cookie, or once as
``?token=TOKEN``, which sets that cookie and redirects to the same address without it (so the
token leaves the address bar and the history). Tokens are compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
from collections.abc import Sequence
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The cookie that carries the token after a ``?token=`` visit.
COOKIE = "dyad_token"

#: The query parameter a first visit may carry the token in.
TOKEN_PARAM = "token"

#: Host names a server without a token answers to (the loopback ones). A web page on another
#: site that rebinds its own name to 127.0.0.1 sends its own name here, and is refused.
LOOPBACK_NAMES = ("localhost", "localhost.")

#: Sent with every response. The pages use no inline script or style, so the policy can be
#: strict: even a bug that let stored markup through could not run a script.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def token_matches(given: str | None, token: str) -> bool:
    """Constant-time comparison (of digests, so not even the length leaks)."""
    return given is not None and hmac.compare_digest(_digest(given), _digest(token))


def is_loopback_host(host: str) -> bool:
    """``127.0.0.1``, ``[::1]``, ``localhost`` (with or without a port)."""
    host = host.strip().lower()
    if host.startswith("["):
        name = host[1:host.find("]")] if "]" in host else host[1:]
    elif host.count(":") == 1:
        name = host.split(":", 1)[0]
    else:
        name = host
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class Gate:
    """ASGI middleware: refuse what the token or the Host check refuses; add security headers."""

    def __init__(self, app: ASGIApp, *, token: str | None, allowed_hosts: Sequence[str] | None = None) -> None:
        self.app = app
        self.token = token or None
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", ())}
        if not self._host_ok(headers.get("host", "")):
            await _refuse(scope, send, 400, "invalid_request",
                          "this server answers only to its loopback address (127.0.0.1 or localhost); "
                          "to serve other hosts run `dyad serve --host ADDRESS` with DYAD_TOKEN set")
            return
        if self.token is not None:
            query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            from_query = next((v for k, v in query if k == TOKEN_PARAM), None)
            if from_query is not None and token_matches(from_query, self.token):
                if scope.get("method") in ("GET", "HEAD"):
                    await _redirect_without_token(scope, send, query, self.token)
                    return
            elif not (token_matches(_bearer(headers.get("authorization")), self.token)
                      or token_matches(_cookie(headers.get("cookie")), self.token)):
                await _refuse(scope, send, 401, "unauthorized",
                              "this dashboard needs its token: send `Authorization: Bearer TOKEN`, or open "
                              "the address once with ?token=TOKEN (the DYAD_TOKEN the server was started with)",
                              extra=[(b"www-authenticate", b'Bearer realm="dyad"')])
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                present = {k.lower() for k, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in SECURITY_HEADERS if h[0] not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _host_ok(self, host: str) -> bool:
        if self.allowed_hosts is not None:
            return "*" in self.allowed_hosts or host.lower() in self.allowed_hosts or \
                host.lower().rsplit(":", 1)[0] in self.allowed_hosts
        return self.token is not None or is_loopback_host(host)


def _bearer(value: str | None) -> str | None:
    if not value:
        return None
    scheme, _, credentials = value.partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def _cookie(value: str | None) -> str | None:
    if not value:
        return None
    jar = SimpleCookie()
    try:
        jar.load(value)
    except Exception:  # noqa: BLE001 - http.cookies raises CookieError and others on junk headers
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


async def _redirect_without_token(scope: Scope, send: Send, query: list[tuple[str, str]], token: str) -> None:
    rest = urlencode([(k, v) for k, v in query if k != TOKEN_PARAM])
    path = scope.get("root_path", "") + scope.get("path", "/")
    location = path + (f"?{rest}" if rest else "")
    cookie = f"{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode("utf-8")), (b"set-cookie", cookie.encode("latin-1")),
                            (b"cache-control", b"no-store"), (b"content-length", b"0"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": b""})


async def _refuse(scope: Scope, send: Send, status: int, kind: str, message: str,
                  extra: Sequence[tuple[bytes, bytes]] = ()) -> None:
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = json.dumps({"error": {"status": status, "type": kind, "message": message, "details": []}},
                      separators=(",", ":")).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *extra, *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
