"""``dyad serve``: loopback by default, refuses other addresses without DYAD_TOKEN, and a real
server enforces the token on every request."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.cli.serve import is_loopback
from dyad.store import open_store
from test_web_api import beijing_rebuke, samarkand

TOKEN = "test-token-abcdefghijklmnop_0123"


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("serve") / "serve.db"
    with open_store(path) as store:
        store.add(samarkand(), beijing_rebuke())
    return str(path)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"dyad serve exited with {proc.returncode}: {proc.stderr.read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("dyad serve did not start listening")


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.com"])
def test_web_serve_refuses_other_addresses_without_token(db_path, host):
    result = CliRunner().invoke(main, ["serve", "--db", db_path, "--host", host], env={"DYAD_TOKEN": ""})
    assert result.exit_code == 2
    assert "DYAD_TOKEN" in result.output and "127.0.0.1" in result.output


def test_web_serve_refuses_a_weak_token(db_path):
    result = CliRunner().invoke(main, ["serve", "--db", db_path, "--host", "0.0.0.0"], env={"DYAD_TOKEN": "abc"})
    assert result.exit_code == 2 and "URL-safe" in result.output


def test_web_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")], env={"DYAD_TOKEN": ""})
    assert result.exit_code == 1 and "no database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_web_serve_loopback_names():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("::") and not is_loopback("10.1.2.3")


def test_web_serve_real_server_enforces_the_token(db_path):
    port = free_port()
    env = {**os.environ, "DYAD_TOKEN": TOKEN, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "dyad", "serve", "--db", db_path, "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port, proc)
        status, _, body = get(port, "/api/counts")
        assert status == 401 and b'"unauthorized"' in body
        assert get(port, "/", {"Authorization": "Bearer nope-nope-nope-nope"})[0] == 401
        status, _, body = get(port, "/api/counts", {"Authorization": f"Bearer {TOKEN}"})
        assert status == 200 and b'"articles":2' in body
        status, headers, _ = get(port, f"/?token={TOKEN}")
        assert status == 303 and headers["location"] == "/" and TOKEN in headers["set-cookie"]
        status, _, body = get(port, "/", {"Cookie": f"dyad_token={TOKEN}"})
        assert status == 200 and b"Putin and Xi meet in Samarkand" in body
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=15)
    assert out == ""  # stdout is for data; the server logs to stderr
    assert TOKEN not in err  # the access log shows ?token=*** instead
    assert "token=***" in err
