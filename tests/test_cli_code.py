"""``dyad code`` as a user runs it: real subprocesses, real files, exit codes and stderr."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def dyad(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyad", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def example_json(example_path):
    run = dyad("code", str(example_path), "--format", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_cli_code_json_has_the_contract_shape(example_json):
    assert set(example_json) >= {"article", "actors", "quotes", "events", "dates", "places"}
    article = example_json["article"]
    for key in ("id", "title", "byline", "published", "url", "source", "photo_credit", "language",
                "text", "paragraphs", "embeds", "related"):
        assert key in article
    assert article["byline"] == "AFP" and article["published"] == "2022-09-16"
    assert article["embeds"][0]["handle"] == "@maxseddon"


def test_cli_code_several_inputs_jsonl_and_failure_summary(example_path, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run = dyad("code", str(example_path), str(FIXTURES / "sochi.html"), str(empty), "--format", "jsonl")
    assert run.returncode == 1
    lines = run.stdout.strip().splitlines()
    assert [json.loads(line)["article"]["title"] for line in lines] == [
        "Putin, Xi Hail 'Great Power' Ties at Talks Defying West", "Erdogan and Putin hold talks in Sochi"]
    assert f"{empty}: empty file" in run.stderr
    assert "3 inputs: 2 coded, 1 failed" in run.stderr
    assert "Traceback" not in run.stderr


def test_cli_code_json_array_for_several(example_path):
    run = dyad("code", str(example_path), str(FIXTURES / "sochi.html"))
    assert run.returncode == 0
    assert [r["article"]["byline"] for r in json.loads(run.stdout)] == ["AFP", "Reuters"]


def test_cli_code_stdin_with_published():
    run = dyad("code", "-", "--published", "2023-06-09", "--format", "json",
               stdin="Ukraine's President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv on Thursday.")
    assert run.returncode == 0, run.stderr
    article = json.loads(run.stdout)["article"]
    assert article["published"] == "2023-06-09"
    assert article["text"].startswith("Ukraine's President Volodymyr Zelensky")


def test_cli_code_table_is_readable(example_path):
    run = dyad("code", str(example_path), "--format", "table")
    assert run.returncode == 0
    assert run.stdout.startswith("== Putin, Xi Hail 'Great Power' Ties at Talks Defying West")
    for heading in ("Events (", "Quotes (", "Actors ("):
        assert heading in run.stdout


def test_cli_code_csv_header(example_path):
    run = dyad("code", str(example_path), "--format", "csv")
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0][:5] == ["article_id", "date", "source_code", "source_name", "code"]


def test_cli_misuse_exits_2():
    assert dyad("code", "x.txt", "--published", "yesterday-ish").returncode == 2
    assert dyad("code").returncode == 2


def test_cli_help_ends_with_an_example():
    run = dyad("code", "--help")
    assert run.returncode == 0 and "dyad code examples/samarkand-2022-09-16.txt" in run.stdout
