"""``dyad resolve`` as a user runs it: a real subprocess, stdout JSON, stderr, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "actors"


def dyad(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyad", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def test_actors_cli_resolve_one_query():
    run = dyad("resolve", "the Pentagon")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"name": "Pentagon", "code": "USAMIL", "country": "USA", "sector": "MIL",
                                      "role": None}


def test_actors_cli_resolve_date_and_jsonl():
    run = dyad("resolve", "Putin", "--date", "2010-06-01", "--format", "jsonl", "--data-dir", str(FIXTURE))
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("\n") == 1
    actor = json.loads(run.stdout)
    assert (actor["code"], actor["role"]) == ("RUSGOV", "Prime Minister of Russia")


def test_actors_cli_resolve_unknown_prints_null():
    run = dyad("resolve", "the village baker")
    assert run.returncode == 0
    assert json.loads(run.stdout) is None


def test_actors_cli_resolve_stdin_batch_in_order():
    queries = "Great Britain\nHamas\t2023-10-08\nnobody at all\nPutin\t2010-06-01\nthe Kremlin\tnot-a-date\n"
    run = dyad("resolve", "-", "--data-dir", str(FIXTURE), stdin=queries)
    assert run.returncode == 1  # one line had a bad date
    lines = [json.loads(x) for x in run.stdout.splitlines()]
    assert [x and x["code"] for x in lines] == ["GBR", "PSEREB", None, "RUSGOV", None]
    assert "stdin:5" in run.stderr and "not-a-date" in run.stderr


def test_actors_cli_resolve_bad_date_is_misuse():
    run = dyad("resolve", "Putin", "--date", "yesterday")
    assert run.returncode == 2
    assert "yesterday" in run.stderr


def test_actors_cli_resolve_help_ends_with_an_example():
    run = dyad("resolve", "--help")
    assert run.returncode == 0
    lines = [x for x in run.stdout.splitlines() if x.strip()]
    assert "Examples:" in run.stdout
    assert "dyad resolve" in "\n".join(lines[-4:])
