"""``dyad serve``: the web dashboard over an event database (uvicorn)."""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import sys

import click

from dyad.cli.options import db_option, fail
from dyad.errors import StoreError

#: The environment variable holding the dashboard's token.
TOKEN_ENV = "DYAD_TOKEN"

_TOKEN_IN_QUERY = re.compile(r"([?&]token=)[^&\s\"]*")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or name (only this machine can reach it)."""
    name = host.strip().strip("[]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


class _RedactToken(logging.Filter):
    """Keep ``?token=...`` out of the access log."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_TOKEN_IN_QUERY.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args)
        return True


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help=f"Address to listen on. Anything but loopback needs ${TOKEN_ENV} (a token every request "
                   "must carry).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
def serve_command(db: str | None, host: str, port: int) -> None:
    """Serve the web dashboard: overview, dyad charts, article reader, events and quotes search,
    a paste box that codes an article on the spot, and the JSON API under /api.

    By default it listens on 127.0.0.1 only. To listen on another address set DYAD_TOKEN to a
    secret of 16+ URL-safe characters; every request must then carry it, as the header
    `Authorization: Bearer TOKEN` or once as ?token=TOKEN in the browser (it sets a cookie).
    DYAD_TOKEN is enforced on loopback too when it is set.

    \b
    Examples:
      dyad serve --db events.db
      DYAD_TOKEN=$(python -c 'import secrets; print(secrets.token_urlsafe(24))') \\
        dyad serve --db events.db --host 0.0.0.0 --port 8080
    """
    token = os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and token is None:
        raise click.UsageError(f"--host {host} is reachable from other machines: set {TOKEN_ENV} to a secret "
                               "token first (python -c 'import secrets; print(secrets.token_urlsafe(24))'), or "
                               "keep the default --host 127.0.0.1")
    import uvicorn

    from dyad.web import create_app

    try:
        app = create_app(db, token=token)
    except StoreError as exc:
        fail(exc)
        return
    except ValueError as exc:
        raise click.UsageError(f"{TOKEN_ENV}: {exc}") from exc
    shown = f"[{host}]" if ":" in host else host
    hint = f" (open http://{shown}:{port}/?token=${TOKEN_ENV} once in a browser)" if token else ""
    click.echo(f"dyad: serving {app.state.where} at http://{shown}:{port}/{hint}; Ctrl-C stops", err=True)
    config = uvicorn.Config(app, host=host, port=port, log_config=_log_config(), access_log=True,
                            server_header=False, proxy_headers=False)
    server = uvicorn.Server(config)
    server.run()
    if not server.started:
        sys.exit(1)


def _log_config() -> dict:
    """uvicorn's logging, all of it on stderr (stdout is for data), the token redacted."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    for handler in config["handlers"].values():
        handler["stream"] = "ext://sys.stderr"
    config["filters"] = {"redact_token": {"()": _RedactToken}}
    config["handlers"]["access"]["filters"] = ["redact_token"]
    return config


def register(main: click.Group) -> None:
    main.add_command(serve_command)
