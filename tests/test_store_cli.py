"""``dyad events|quotes|actors|articles|export`` as a user runs them: files, stdout/stderr, exit codes.

In-process through click's runner (the same code path, without a new interpreter per call),
plus one real subprocess for exit codes.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from dyad.store import open_store
from test_store_dedup import meeting_readings
from test_store_queries import sochi_reading


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def dyad(*args: str) -> Result:
    from click.testing import CliRunner

    from dyad.cli import main

    run = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return Result(run.exit_code, run.stdout, run.stderr)


def dyad_process(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "events.db"
    with open_store(path) as store:
        store.write([*meeting_readings(), sochi_reading()])
    return str(path)


def test_store_cli_events_table_json_csv(db):
    table = dyad("events", "--db", db, "--source", "USA", "--since", "2022-11", "--until", "2022-11")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "source_code", "source_name"] and len(lines) == 3
    assert "(2 rows)" in table.stderr
    rows = json.loads(dyad("events", "--db", db, "--actor", "Putin", "--format", "json").stdout)
    assert [(r["source_code"], r["code"], r["place"]) for r in rows] == [("RUSGOV", "043", "Sochi")]
    assert rows[0]["lat"] == 43.6 and rows[0]["n_reports"] == 1
    parsed = list(csv.DictReader(io.StringIO(dyad("events", "--db", db, "--root", "04", "--format", "csv").stdout)))
    assert len(parsed) == 4 and sorted(int(r["n_reports"]) for r in parsed) == [1, 1, 1, 7]  # one Bali meeting


def test_store_cli_quotes_actors_articles(db):
    quotes = json.loads(dyad("quotes", "--db", db, "--speaker", "Putin", "--format", "json").stdout)
    assert [q["speaker_code"] for q in quotes] == ["RUSGOV"]
    assert dyad("quotes", "--db", db, "--contains", "sanctions").stdout.count("TURGOV") == 1
    actors = list(csv.DictReader(io.StringIO(dyad("actors", "--db", db, "--country", "RUS", "--format",
                                                  "csv").stdout)))
    assert [(a["code"], a["name"]) for a in actors] == [("RUSGOV", "Vladimir Putin")]
    articles = dyad("articles", "--db", db, "--limit", "2")
    assert articles.returncode == 0 and "bali-intent-6" in articles.stdout and "(2 rows)" in articles.stderr


def test_store_cli_export_every_format(db, tmp_path):
    for fmt, name in (("gdelt", "e.tsv"), ("plover", "e.json"), ("jsonl", "e.jsonl"), ("csv", "e.csv"),
                      ("parquet", "e.parquet")):
        run = dyad("export", "--db", db, "--format", fmt, "-o", str(tmp_path / name))
        assert run.returncode == 0, run.stderr
        assert f"written to {tmp_path / name}" in run.stderr
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 4
    assert len(json.loads((tmp_path / "e.json").read_text())) == 4
    with open(tmp_path / "e.tsv", newline="") as handle:
        assert [len(r) for r in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)] == [61] * 4
    to_stdout = dyad("export", "--db", db, "--format", "jsonl", "--target", "TUR")
    assert [json.loads(x)["target_code"] for x in to_stdout.stdout.splitlines()] == ["TURGOV"]


def test_store_cli_runs_and_their_failures(tmp_path):
    from dyad.store import Failure

    path = str(tmp_path / "runs.db")
    with open_store(path) as store:
        run = store.begin_run(coder_version="0.1.0")
        store.write(meeting_readings()[:2], run_id=run, failures=[Failure("malformed JSON line", "feed.jsonl", 7)])
        store.finish_run(run)
    runs = json.loads(dyad("runs", "--db", path, "--format", "json").stdout)
    assert [(r["id"], r["status"], r["articles_added"], r["articles_failed"]) for r in runs] == [
        (run, "finished", 2, 1)]
    failures = dyad("runs", "--db", path, "--failures", run)
    assert failures.returncode == 0 and "feed.jsonl" in failures.stdout and "malformed JSON line" in failures.stdout


def test_store_cli_misuse_exits_2(db, tmp_path):
    assert dyad("events", "--db", db, "--since", "last tuesday").returncode == 2
    assert dyad("export", "--db", db, "--format", "parquet").returncode == 2
    assert dyad("export", "--db", db, "--format", "xml", "-o", "x").returncode == 2
    missing = dyad_process("events", "--db", str(tmp_path / "absent.db"))
    assert missing.returncode == 2 and "dyad ingest" in missing.stderr
    assert dyad("ingest", "--db", db).returncode == 2


def test_store_cli_store_errors_exit_1(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all\n" * 50)
    run = dyad_process("events", "--db", str(bad))
    assert run.returncode == 1 and "not a dyad (SQLite) database" in run.stderr


def test_store_cli_help_ends_with_examples():
    for command, example in (("ingest", "dyad ingest crawl/"), ("events", "dyad events --source RUS"),
                             ("quotes", "dyad quotes --speaker Putin"), ("actors", "dyad actors --country RUS"),
                             ("articles", "dyad articles --source"), ("export", "dyad export --format gdelt"),
                             ("runs", "dyad runs --db events.db")):
        run = dyad(command, "--help")
        assert run.returncode == 0 and example in run.stdout, command
