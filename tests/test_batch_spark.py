"""The Spark runner: flattening readings into tables, reading files as ``dyad code`` does, and a
local-mode job (``local[2]``) whose Parquet output must equal ``dyad code --format jsonl`` on the
same inputs, flattened the same way."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from dyad.batch.flatten import TABLES, as_dicts, flatten
from dyad.batch.spark import (FAILURES, READINGS, display_path, jsonl_item, output_tables, read_file_bytes,
                              route)
from dyad.errors import ModelError
from dyad.ingest import read_path
from dyad.records import (Actor, ActorRef, Article, Event, Location, Mention, Quote, Reading, Span)

FIXTURES = Path(__file__).parent / "fixtures"

# pyspark 4.3 warns that it "does not yet fully support pandas >= 3"; dyad doesn't use its pandas API.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

WIRE = [
    {"id": "wire-kyiv", "title": "Zelensky and Duda agree on grain transit", "published": "2023-06-09",
     "text": "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Kyiv on Thursday.\n\n"
             "The two leaders agreed to speed up grain shipments through Polish ports, Duda's office said."},
    {"id": "wire-anchorage", "published": "2021-03-18", "source": "Reuters",
     "text": "Senior U.S. and Chinese officials traded sharp accusations in Anchorage on Thursday. Secretary "
             "of State Antony Blinken said Beijing's actions threatened the rules-based order."},
    {"id": "wire-przewodow", "published": "2022-11-15", "byline": ["Jan Kowalski", "Anna Nowak"],
     "text": "Polish officials said a missile struck a village near the border with Ukraine, killing two "
             "people. NATO ambassadors will hold emergency talks in Brussels on Wednesday."},
    {"id": "wire-tehran", "published": "2024-01-07",
     "text": "Iran summoned the British ambassador in Tehran on Sunday to protest what it called "
             "interference in its internal affairs, the state news agency IRNA reported."},
]


def _jsonl_lines() -> str:
    lines = [json.dumps(WIRE[0]), "", json.dumps(WIRE[1]),
             '{"id": "wire-broken", "text": ',              # line 4: malformed
             json.dumps({"id": "wire-empty", "title": "A headline with no story"}),  # line 5: no text
             json.dumps(WIRE[2]), json.dumps(WIRE[3], ensure_ascii=False)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """A folder of mixed inputs: WARC, JSON Lines (with bad lines), text, gzipped text, HTML, an
    empty file; plus, next to it, a path that doesn't exist."""
    root = tmp_path_factory.mktemp("spark-in")
    folder = root / "inputs"
    folder.mkdir()
    shutil.copy(FIXTURES / "news.warc.gz", folder / "crawl.warc.gz")
    shutil.copy(FIXTURES / "sochi.html", folder / "sochi.html")
    (folder / "wire.jsonl").write_text(_jsonl_lines(), encoding="utf-8")
    (folder / "caracas.txt").write_text(
        "Venezuela expels Spanish diplomats\n\nVenezuela ordered three Spanish diplomats to leave the "
        "country within 72 hours on Tuesday, accusing Madrid of meddling in the presidential election.\n",
        encoding="utf-8")
    with gzip.open(folder / "seoul.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("South Korea and Japan agreed on Thursday to resume regular security talks, the foreign "
                 "ministries in Seoul and Tokyo said in a joint statement.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / ".hidden.txt").write_text("A hidden file is never read.\n")
    return folder


# -- flattening ----------------------------------------------------------------------------------
def _reading() -> Reading:
    text = ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday. "
            "Erdogan said Ankara would not join sanctions.")
    erdogan = Actor(id="Q39723", name="Recep Tayyip Erdogan", code="TURGOV", country="TUR", sector="GOV",
                    role="President of Turkey", mentions=(Mention("Recep Tayyip Erdogan", 18, 38),
                                                          Mention("Erdogan", 98, 105)))
    putin = Actor(id="Q7747", name="Vladimir Putin", code="RUSGOV", country="RUS", sector="GOV",
                  mentions=(Mention("Vladimir Putin", 61, 75),))
    met = Event(source=erdogan.ref(erdogan.mentions[0]), target=putin.ref(putin.mentions[0]), code="040",
                root="04", label="Consult", plover="CONSULT", quad_class=1, goldstein=1,
                date="2022-08-05", location=Location("Sochi", "RUS", 43.6, 39.73), modality="asserted",
                sentence=text[:96], evidence=Span(0, 96))
    refused = Event(source=erdogan.ref(), target=None, code="0214", root="02", label="Appeal for material aid",
                    plover=None, quad_class=1, goldstein=3.4, date=None, location=None, modality="negated",
                    sentence=text[97:], evidence=Span(97, len(text)))
    quote = Quote(text="Ankara would not join sanctions", start=111, end=142,
                  speaker=ActorRef(name="Recep Tayyip Erdogan", code="TURGOV"), cue="said", kind="partial")
    article = Article(id="a1b2c3d4e5f60718", text=text, title="Erdogan meets Putin", published="2022-08-05",
                      paragraphs=(Span(0, len(text)),), origin="sochi.txt")
    return Reading(article=article, actors=(erdogan, putin), quotes=(quote,), events=(met, refused),
                   warnings=("text truncated",))


def test_batch_spark_flatten_event_columns_are_the_contracts():
    columns = set(TABLES["events"].column_names)
    assert {"article_id", "source_code", "source_name", "target_code", "target_name", "code", "root", "label",
            "plover", "quad_class", "goldstein", "date", "location_name", "location_country", "location_lat",
            "location_lon", "modality", "sentence", "evidence_start", "evidence_end"} <= columns
    assert {"articles", "actors", "mentions", "quotes", "events", "dates", "places", "paragraphs"} <= set(TABLES)
    assert [t.name for t in output_tables()][-2:] == [FAILURES.name, READINGS.name]


def test_batch_spark_flatten_one_row_per_list_element():
    rows = flatten(_reading().to_dict())
    events = as_dicts(TABLES["events"], rows["events"])
    assert [(e["seq"], e["source_code"], e["target_code"], e["code"]) for e in events] == [
        (0, "TURGOV", "RUSGOV", "040"), (1, "TURGOV", None, "0214")]
    met, refused = events
    assert met["article_id"] == "a1b2c3d4e5f60718"
    assert met["goldstein"] == 1.0 and isinstance(met["goldstein"], float)  # an int becomes the column's float
    assert (met["location_name"], met["location_lat"]) == ("Sochi", 43.6)
    assert (met["evidence_start"], met["evidence_end"]) == (0, 96)
    assert met["source_mention_text"] == "Recep Tayyip Erdogan" and met["target_mention_start"] == 61
    assert refused["target_name"] is None and refused["location_country"] is None and refused["modality"] == "negated"
    mentions = as_dicts(TABLES["mentions"], rows["mentions"])
    assert [(m["actor_seq"], m["seq"], m["text"]) for m in mentions] == [
        (0, 0, "Recep Tayyip Erdogan"), (0, 1, "Erdogan"), (1, 0, "Vladimir Putin")]
    (article,) = as_dicts(TABLES["articles"], rows["articles"])
    assert article["title"] == "Erdogan meets Putin" and article["warnings"] == ["text truncated"]
    assert "id" not in article and rows["paragraphs"] == [("a1b2c3d4e5f60718", 0, 0, len(_reading().article.text))]
    (quote,) = as_dicts(TABLES["quotes"], rows["quotes"])
    assert quote["speaker_code"] == "TURGOV" and quote["addressee_name"] is None and quote["kind"] == "partial"


def test_batch_spark_flatten_reads_the_json_as_the_records():
    reading = _reading()
    assert flatten(json.loads(json.dumps(reading.to_dict()))) == flatten(reading.to_dict())


# -- reading files as dyad code does ---------------------------------------------------------------
@pytest.mark.parametrize(("name", "fmt", "expected"), [
    ("hdfs:///crawl/CC-MAIN-2022.warc.gz", "auto", "warc"),
    ("s3a://bucket/wire/2023.JSONL", "auto", "jsonl"),
    ("file:/data/wire.ndjson.gz", "auto", "jsonl"),
    ("file:/data/story.txt", "auto", "file"),
    ("file:/data/page.html", "jsonl", "jsonl"),
    ("file:/data/dump.bin", "warc", "warc"),
    ("file:/data/feed.jsonl", "text", "file"),
])
def test_batch_spark_route_by_name_and_format(name, fmt, expected):
    assert route(name, fmt) == expected


def test_batch_spark_display_path_for_local_files():
    assert display_path("file:/tmp/in/a.txt") == "/tmp/in/a.txt"
    assert display_path("file:///tmp/in/a.txt") == "/tmp/in/a.txt"
    assert display_path("hdfs://nn:8020/crawl/a.warc.gz") == "hdfs://nn:8020/crawl/a.warc.gz"


def _plain(items):
    return [item.to_dict() if isinstance(item, Article) else str(item) for item in items]


@pytest.mark.parametrize("name", ["caracas.txt", "seoul.txt.gz", "sochi.html", "wire.jsonl", "crawl.warc.gz",
                                  "empty.txt"])
def test_batch_spark_file_bytes_read_as_dyad_code_reads_the_file(corpus, name):
    path = corpus / name
    expected = _plain(_read_path_catching(str(path)))
    assert _plain(read_file_bytes(str(path), path.read_bytes())) == expected
    assert expected  # every fixture yields an article or an error


def _read_path_catching(path: str):
    try:
        yield from read_path(path)
    except Exception as exc:  # noqa: BLE001 - the error is part of what is compared
        yield exc


def test_batch_spark_format_in_text_reads_any_name_as_text(corpus):
    data = (corpus / "caracas.txt").read_bytes()
    (article,) = read_file_bytes("s3a://bucket/caracas.dat", data, fmt="text")
    assert article.title == "Venezuela expels Spanish diplomats" and article.origin == "s3a://bucket/caracas.dat"


def test_batch_spark_jsonl_lines_keep_their_numbers():
    ok = jsonl_item("wire.jsonl", (("\ufeff" + json.dumps(WIRE[1])).encode(), 0))
    assert ok[0][0] == "a" and ok[0][1].origin == "wire.jsonl:1" and ok[0][1].source == "Reuters"
    assert jsonl_item("wire.jsonl", (b"   ", 3)) == []
    (broken,) = jsonl_item("wire.jsonl", (b'{"text": ', 41))
    assert broken[0] == "f" and broken[1][:2] == ("wire.jsonl", 42) and "malformed JSON" in broken[1][4]
    (latin1,) = jsonl_item("wire.jsonl", ('{"text": "S\u00e3o Paulo"}'.encode("latin-1"), 6))
    assert latin1[1][:2] == ("wire.jsonl", 7) and "not valid UTF-8" in latin1[1][4]


class _FlakyReader:
    """Stands in for a Reader whose parser crashes on one article of a batch."""

    def read_stream(self, articles):
        articles = list(articles)
        if any("crash" in a.text for a in articles):
            raise RuntimeError("parser crashed")
        for article in articles:
            if "missing model" in article.text:
                raise ModelError("can't load spaCy model 'xx_missing'")
            yield Reading(article=article)


def _articles(*texts: str) -> list[tuple[str, Article]]:
    from dyad.ingest import read_text

    return [("a", read_text(text, origin=f"wire.jsonl:{i}")) for i, text in enumerate(texts, start=1)]


def test_batch_spark_partition_survives_a_parser_crash(monkeypatch):
    from dyad.batch import spark as spark_module

    monkeypatch.setattr(spark_module, "default_reader", lambda options: _FlakyReader())
    items = _articles("Kenya and Ethiopia signed a border accord in Nairobi on Monday.",
                      "The parser will crash on this sentence about Somalia.",
                      "Egypt recalled its ambassador from Addis Ababa on Tuesday.")
    items.insert(1, ("f", ("feed.jsonl", 9, None, "InputError", "malformed JSON line")))
    names = [t.name for t in output_tables()]
    rows = list(spark_module.code_partition(iter(items), options=spark_module.Options(batch_size=8)))
    assert len(rows) == 4 and all(len(row) == len(names) for row in rows)
    failures = [f for row in rows for f in row[names.index("failures")]]
    assert [(f[0], f[3]) for f in failures] == [("feed.jsonl", "InputError"), ("wire.jsonl:2", "CodingError")]
    assert "parser crashed" in failures[1][4]
    coded = [a[0] for row in rows for a in row[names.index("articles")]]
    readings = [json.loads(r[1])["article"]["origin"] for row in rows for r in row[names.index("readings")]]
    assert len(coded) == 2 and readings == ["wire.jsonl:1", "wire.jsonl:3"]


def test_batch_spark_partition_stops_when_the_model_is_missing(monkeypatch):
    from dyad.batch import spark as spark_module

    monkeypatch.setattr(spark_module, "default_reader", lambda options: _FlakyReader())
    items = _articles("Chile and Argentina held talks on the missing model of their shared glacier treaty.")
    with pytest.raises(ModelError):
        list(spark_module.code_partition(iter(items), options=spark_module.Options()))


@pytest.mark.parametrize(("size", "cores", "expected"), [
    (5_000, 2, 2),                   # a few articles: one partition per core
    (40 * 1024 * 1024, 2, 5),        # about 8 MB of input per partition
    (10 * 1024 ** 4, 64, 192),       # ten terabytes: at most 3 per core
])
def test_batch_spark_default_partitions(size, cores, expected):
    from dyad.batch.spark import default_partitions

    assert default_partitions(size, cores) == expected


def test_batch_spark_module_imports_without_pyspark():
    code = "import sys, dyad.batch.spark, dyad.cli; assert 'pyspark' not in sys.modules, 'pyspark imported'"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


# -- a local-mode Spark job ------------------------------------------------------------------------
def _java_or_skip() -> None:
    if not os.environ.get("JAVA_HOME") and os.environ.get("DYAD_JAVA_HOME"):
        os.environ["JAVA_HOME"] = os.environ["DYAD_JAVA_HOME"]  # printed by scripts/ci-java.sh
    java = (Path(os.environ["JAVA_HOME"]) / "bin" / "java") if os.environ.get("JAVA_HOME") else shutil.which("java")
    if not java or not Path(java).exists():
        pytest.skip("no Java runtime (Spark needs Java 17+): run scripts/ci-java.sh or set JAVA_HOME")


@pytest.fixture(scope="session")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
    _java_or_skip()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("dyad-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _dyad_code(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dyad", "code", *args, "--format", "jsonl", "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _parquet_rows(folder: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(folder).to_pylist()


def _multiset(rows: list[dict]) -> Counter:
    return Counter(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows)


def _expected_tables(stdout: str) -> dict[str, list[dict]]:
    expected: dict[str, list[dict]] = {name: [] for name in TABLES}
    for line in stdout.splitlines():
        for name, rows in flatten(json.loads(line)).items():
            expected[name] += as_dicts(TABLES[name], rows)
    return expected


def _skipped(stderr: str) -> Counter:
    return Counter(line.removeprefix("dyad: skipped ") for line in stderr.splitlines()
                   if line.startswith("dyad: skipped "))


@pytest.fixture(scope="session")
def code_run(corpus):
    """``dyad code`` on the corpus, started before Spark so that both load their models at once."""
    proc = _dyad_code(str(corpus), str(corpus.parent / "missing.txt"))
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.communicate()


@pytest.fixture(scope="session")
def job(corpus, code_run, spark, tmp_path_factory):
    from dyad.batch.spark import run

    out = tmp_path_factory.mktemp("spark-out") / "tables"
    result = run(spark, [str(corpus), str(corpus.parent / "missing.txt")], str(out))
    stdout, stderr = code_run.communicate(timeout=600)
    return result, out, subprocess.CompletedProcess(code_run.args, code_run.returncode, stdout, stderr)


def test_batch_spark_job_tables_equal_dyad_code(job):
    result, out, code = job
    assert code.returncode == 1, code.stderr  # the empty, malformed and missing inputs fail
    expected = _expected_tables(code.stdout)
    assert len(expected["articles"]) >= 8  # 4 JSONL + WARC pages + text, gzipped text, HTML
    for name in TABLES:
        assert _multiset(_parquet_rows(out / name)) == _multiset(expected[name]), name
        assert result.counts.get(name, 0) == len(expected[name]), name
    origins = {row["origin"] for row in expected["articles"]}
    assert any("crawl.warc.gz#http" in o for o in origins) and any(o.endswith("wire.jsonl:7") for o in origins)


def test_batch_spark_job_readings_are_dyad_code_jsonl(job):
    _, out, code = job
    written = [json.loads(row["reading"]) for row in _parquet_rows(out / "readings")]
    assert _multiset(written) == _multiset([json.loads(line) for line in code.stdout.splitlines()])
    for row in _parquet_rows(out / "readings"):
        assert row["article_id"] == json.loads(row["reading"])["article"]["id"]


def test_batch_spark_job_failures_are_rows_not_crashes(job, corpus):
    result, out, code = job
    rows = _parquet_rows(out / "failures")
    texts = Counter(f"{r['path']}:{r['line']}: {r['reason']}" if r["line"] is not None
                    else f"{r['path']}: {r['reason']}" for r in rows)
    assert texts == _skipped(code.stderr)
    assert {(r["path"], r["line"]) for r in rows} >= {
        (str(corpus / "wire.jsonl"), 4), (str(corpus / "wire.jsonl"), 5), (str(corpus / "empty.txt"), None),
        (str(corpus.parent / "missing.txt"), None)}
    assert result.failed == len(rows) and len(result.failures) == len(rows)


def test_batch_spark_cli_jsonl_input_overwrite_and_existing_output(job, corpus, tmp_path, capsys):
    from click.testing import CliRunner

    from dyad.batch.spark import main as submit_main
    from dyad.cli import main

    out = tmp_path / "wire"
    out.mkdir()
    (out / "stale.parquet").write_text("left over from an older run")
    args = ["spark", str(corpus / "wire.jsonl"), str(out), "--format-in", "jsonl", "--partitions", "3",
            "--no-readings"]
    first = CliRunner().invoke(main, [*args, "--overwrite"])
    assert first.exit_code == 1, first.output  # two bad lines
    assert "4 articles coded, 2 failed" in first.output
    assert f"skipped {corpus / 'wire.jsonl'}:4: malformed JSON line" in first.output
    assert sorted(r["article_id"] for r in _parquet_rows(out / "articles")) == sorted(w["id"] for w in WIRE)
    assert not (out / "readings").exists() and not (out / "stale.parquet").exists()
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 2 and "--overwrite" in again.output
    # the spark-submit entry point: same refusal, and a usage line for misuse
    assert submit_main([str(corpus / "wire.jsonl"), str(out)]) == 2
    assert "exists; pass --overwrite" in capsys.readouterr().err
    with pytest.raises(SystemExit) as misuse:
        submit_main([str(out)])
    assert misuse.value.code == 2 and "INPUT and the OUTPUT" in capsys.readouterr().err


def test_batch_spark_output_loads_into_a_store(job):
    from dyad.batch.spark import iter_readings, load_readings
    from dyad.store import open_store

    result, out, code = job
    expected = [json.loads(line) for line in code.stdout.splitlines()]
    assert _multiset([r.to_dict() for r in iter_readings(str(out))]) == _multiset(expected)
    with open_store("sqlite:///:memory:") as store:
        assert load_readings(str(out), store, batch_size=3) == (len(expected), result.failed)
        assert store.counts()["articles"] == len({r["article"]["id"] for r in expected})
        assert len(store.failures()) == result.failed
