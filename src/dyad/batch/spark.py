"""Code a corpus on Spark: files on any Hadoop filesystem in, Parquet tables out.

    spark-submit src/dyad/batch/spark.py hdfs:///crawl/2022/ s3a://bucket/dyad/2022/
    python -m dyad.batch.spark INPUT... OUTPUT [--format-in auto|jsonl|warc|text] [--partitions N]
    dyad spark INPUT... OUTPUT           (the same, as a dyad command)

Reads: WARC, JSON Lines, text, HTML and JSON files (a file, a directory read recursively, or a
glob) on any filesystem Hadoop knows (local, HDFS, S3 through s3a://). WARC and single-article
files are read whole (``binaryFiles``); JSON Lines are split across tasks (``textFile``) and keep
their line numbers. Each executor's Python worker loads the spaCy model and dyad's tables once
(``dyad.reader.default_reader``) and codes its partitions with them (``mapPartitions``).

Adds: one Parquet table per list of the JSON contract under OUTPUT (``articles``, ``events``,
``quotes``, ``actors``, ``mentions``, ``dates``, ``places``, ``paragraphs``, ``embeds``,
``related``; see ``dyad.batch.flatten``), ``failures`` (path, line, article_id, kind, reason:
every input or article that could not be read, never a crashed job) and ``readings`` (article_id
and the whole reading as the JSON of ``dyad code --format jsonl``, to load into a store).

pyspark is imported only when a job runs, so dyad works without it (``pip install
'dyad-events[spark]'``).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from dyad.batch.flatten import ROOT_TABLE, TABLES, Column, Table, flatten
from dyad.errors import CodingError, DataError, DyadError, InputError, ModelError
from dyad.ingest import parse_published, read_path
from dyad.ingest.jsonl import article_from_object
from dyad.ingest.warc import read_warc
from dyad.options import Options
from dyad.reader import default_reader
from dyad.records import Article, Reading

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession

    from dyad.store import Store

log = logging.getLogger(__name__)

#: How ``--format-in`` reads a file; ``auto`` goes by its name (and, for other names, its content).
FORMATS = ("auto", "jsonl", "warc", "text")

FAILURES = Table("failures", (), None, (), (
    Column("path", "string", ("path",)), Column("line", "int", ("line",)),
    Column("article_id", "string", ("article_id",)), Column("kind", "string", ("kind",)),
    Column("reason", "string", ("reason",))))
READINGS = Table("readings", (), None, ("article_id",), (Column("reading", "string", ("reading",)),))

#: Articles are spread again after reading (one WARC file holds thousands): into about one
#: partition per this many input bytes (some thousand articles), at least one per core and at
#: most ``PARTITIONS_PER_CORE`` per core. A few tasks per core keep every core busy to the end;
#: each Python worker loads the model once however many tasks it runs.
BYTES_PER_PARTITION = 8 * 1024 * 1024
PARTITIONS_PER_CORE = 3

#: Readings per store transaction in ``load_readings``: a kill loses at most one batch's work.
LOAD_BATCH_SIZE = 500

#: Tables are written by this many concurrent Spark jobs: each cuts its rows from the cached
#: coded rows in the JVM and is quick next to coding, so running them side by side hides each
#: job's scheduling latency.
WRITE_THREADS = 4

_JSONL_EXT = (".jsonl", ".ndjson", ".jsonlines")
_WARC_EXT = (".warc", ".arc")
_GZIP_MAGIC = b"\x1f\x8b"
#: A file's suffix (``.jsonl``) names its format; a longer "suffix" is part of a name.
MAX_SUFFIX_CHARS = 16
#: Characters Hadoop reads as glob syntax in an input path; escaped so a file is read as named.
_GLOB_CHARS = "\\[]{}*?"
_ARTICLE, _FAILURE = "a", "f"


@dataclass(frozen=True, slots=True)
class SparkRun:
    """What a Spark job wrote: rows per table (``counts``), the files it read, some failures."""

    output: str
    files: int
    counts: dict[str, int]
    failures: tuple[str, ...]

    @property
    def coded(self) -> int:
        return self.counts.get(ROOT_TABLE, 0)

    @property
    def failed(self) -> int:
        return self.counts.get(FAILURES.name, 0)


def output_tables(*, readings: bool = True) -> list[Table]:
    """The tables a job writes, in order."""
    return [*TABLES.values(), FAILURES] + ([READINGS] if readings else [])


# -- driver ------------------------------------------------------------------------------------
def run(spark: SparkSession, inputs: Sequence[str], output: str, *, fmt: str = "auto",
        partitions: int | None = None, options: Options | None = None, overwrite: bool = False,
        readings: bool = True, max_listed_failures: int = 20) -> SparkRun:
    """Code every article under ``inputs`` and write the tables under ``output``.

    ``output`` must not exist unless ``overwrite`` (then it is replaced whole). An input that
    can't be read becomes a row of ``failures``. Raises ``FileExistsError`` for an existing
    output, ``ValueError`` for a bad ``fmt``; a model or data table that can't be loaded on the
    executors fails the job (``ModelError``/``DataError`` in the task's error).
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    if fmt not in FORMATS:
        raise ValueError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    options = replace(options or Options(), workers=1)
    sc = spark.sparkContext
    _prepare_output(sc, output, overwrite)
    files, listing_failures = list_files(sc, inputs)
    items = _read_items(sc, files, listing_failures, fmt, options)
    n = partitions or default_partitions(sum(size for _, size in files), sc.defaultParallelism)
    tables = output_tables(readings=readings)
    coded_rows = items.repartition(n).mapPartitions(partial(code_partition, options=options, readings=readings))
    # Python codes each article once; the JVM caches the nested rows and cuts every table from them.
    coded = spark.createDataFrame(coded_rows, schema=coded_schema(tables))
    coded.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        totals = coded.select(*[F.sum(F.size(t.name)).alias(t.name) for t in tables]).first()
        counts = {t.name: int(totals[t.name] or 0) for t in tables}
        with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
            for done in [pool.submit(_write_table, coded, table, output) for table in tables]:
                done.result()
        listed = _rows_of(coded, FAILURES).limit(max_listed_failures).collect()
    finally:
        coded.unpersist()
    return SparkRun(output=output, files=len(files), counts=counts,
                    failures=tuple(_failure_text(tuple(row)) for row in listed))


def default_partitions(input_bytes: int, cores: int) -> int:
    """Partitions to code ``input_bytes`` of input on ``cores`` cores (see ``BYTES_PER_PARTITION``)."""
    cores = max(1, cores)
    wanted = -(-input_bytes // BYTES_PER_PARTITION)
    return max(cores, min(wanted, cores * PARTITIONS_PER_CORE))


def _rows_of(coded, table: Table):  # noqa: ANN001, ANN202 - pyspark DataFrames
    from pyspark.sql import functions as F

    return coded.select(F.explode(table.name).alias("row")).select("row.*")


def _write_table(coded, table: Table, output: str) -> None:  # noqa: ANN001 - a pyspark DataFrame
    _rows_of(coded, table).write.mode("errorifexists").parquet(_join(output, table.name))


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}"


def _failure_text(row: tuple[Any, ...]) -> str:
    path, line, article_id, _kind, reason = row
    where = f"{path}:{line}" if path and line is not None else (path or (f"article {article_id}" if article_id else ""))
    return f"{where}: {reason}" if where else reason


def spark_schema(table: Table):  # noqa: ANN201 - pyspark.sql.types.StructType
    """The Spark schema of ``table`` (every column nullable)."""
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int": T.LongType(), "float": T.DoubleType(),
             "bool": T.BooleanType(), "strings": T.ArrayType(T.StringType()), "json": T.StringType()}
    return T.StructType([T.StructField(name, kinds[kind], nullable=True)
                         for name, kind in zip(table.column_names, table.kinds, strict=True)])


def coded_schema(tables: Sequence[Table]):  # noqa: ANN201 - pyspark.sql.types.StructType
    """The schema of ``code_partition``'s rows: one array of each table's rows."""
    from pyspark.sql import types as T

    return T.StructType([T.StructField(t.name, T.ArrayType(spark_schema(t), containsNull=False), nullable=False)
                         for t in tables])


def _hadoop_path(sc: SparkContext, path: str):  # noqa: ANN202 - a py4j JavaObject
    jvm = sc._jvm  # noqa: SLF001 - pyspark exposes Hadoop only through its gateway
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath, hpath.getFileSystem(sc._jsc.hadoopConfiguration())  # noqa: SLF001


def _prepare_output(sc: SparkContext, output: str, overwrite: bool) -> None:
    path, fs = _hadoop_path(sc, output)
    if fs.exists(path):
        if not overwrite:
            raise FileExistsError(f"{output} exists; pass --overwrite to replace it")
        fs.delete(path, True)


def list_files(sc: SparkContext, inputs: Iterable[str]) -> tuple[list[tuple[str, int]], list[tuple[Any, ...]]]:
    """The files named by ``inputs`` as (Hadoop URI, size), sorted within each input; directories
    are walked recursively, skipping hidden entries (``.name``, ``_name``, as Hadoop does); a path
    that matches nothing or can't be listed becomes a failure row."""
    from py4j.protocol import Py4JJavaError

    files: list[tuple[str, int]] = []
    failures: list[tuple[Any, ...]] = []
    for raw in inputs:
        try:
            path, fs = _hadoop_path(sc, raw)
            statuses = fs.globStatus(path)
            if not statuses:
                failures.append(failure_row(InputError("no such file", path=raw)))
                continue
            for status in sorted(statuses, key=lambda s: s.getPath().toString()):
                files.extend(_walk(fs, status))
        except Py4JJavaError as exc:
            reason = str(exc.java_exception.getMessage() or exc.java_exception)
            failures.append(failure_row(InputError(f"can't list ({reason})", path=raw)))
    return files, failures


def _walk(fs, status) -> Iterator[tuple[str, int]]:  # noqa: ANN001 - Hadoop FileSystem, FileStatus
    if not status.isDirectory():
        yield status.getPath().toString(), int(status.getLen())
        return
    for child in sorted(fs.listStatus(status.getPath()), key=lambda s: s.getPath().toString()):
        if not child.getPath().getName().startswith((".", "_")):
            yield from _walk(fs, child)


def route(name: str, fmt: str) -> str:
    """How a file is read: ``jsonl`` (split by lines), ``warc`` (streamed) or ``file`` (whole)."""
    if fmt in ("jsonl", "warc"):
        return fmt
    lower = name.lower()
    inner = lower.removesuffix(".gz")
    if fmt == "auto" and inner.endswith(_JSONL_EXT):
        return "jsonl"
    if fmt == "auto" and inner.endswith(_WARC_EXT):
        return "warc"
    return "file"


def _escape(uri: str) -> str:
    return "".join("\\" + ch if ch in _GLOB_CHARS else ch for ch in uri)


def _read_items(sc: SparkContext, files: list[tuple[str, int]], failures: list[tuple[Any, ...]],
                fmt: str, options: Options) -> RDD:
    """An RDD of (``"a"``, Article) and (``"f"``, failure row) for every file."""
    failures = list(failures)
    whole: list[str] = []
    parts: list[RDD] = []
    for uri, size in files:
        how = route(uri, fmt)
        if "," in uri:  # Hadoop splits input paths at commas and has no escape for them
            failures.append(failure_row(InputError("Hadoop can't read a path with a comma; rename the file",
                                                   path=display_path(uri))))
        elif how == "jsonl" and size == 0:  # textFile has no line to report it by
            failures.append(failure_row(InputError("empty file", path=display_path(uri))))
        elif how == "jsonl":
            lines = sc.textFile(_escape(uri), minPartitions=sc.defaultParallelism, use_unicode=False)
            parts.append(lines.zipWithIndex().flatMap(partial(jsonl_item, display_path(uri))))
        else:
            whole.append(_escape(uri))
    if whole:
        blobs = sc.binaryFiles(",".join(whole), minPartitions=sc.defaultParallelism)
        parts.append(blobs.flatMap(partial(file_items, fmt=fmt, options=options)))
    parts.append(sc.parallelize([(_FAILURE, row) for row in failures], 1))
    return sc.union(parts)


# -- executors ---------------------------------------------------------------------------------
def display_path(uri: str) -> str:
    """A Hadoop URI as a person names it: local files as plain paths (``file:/x`` -> ``/x``)."""
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            rest = uri[len(prefix):]
            return rest if rest.startswith("/") else "/" + rest
    return uri


def failure_row(exc: BaseException, *, path: str | None = None) -> tuple[Any, ...]:
    """A row of ``failures`` for an error (path, line, article_id, kind, reason)."""
    if isinstance(exc, DyadError):
        return (exc.path or path, exc.line, exc.article_id, type(exc).__name__, exc.message)
    return (path, None, None, type(exc).__name__, f"{type(exc).__name__}: {exc}")


def jsonl_item(path: str, pair: tuple[bytes, int]) -> list[tuple[str, Any]]:
    """One JSON Lines line (raw bytes, 0-based index) -> [(``"a"``, Article)], a failure, or []."""
    raw, index = pair
    number = index + 1
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [(_FAILURE, failure_row(InputError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); re-encode it, "
            "e.g. iconv -f latin1 -t utf-8", path=path, line=number)))]
    if index == 0:
        line = line.removeprefix("\ufeff")
    if not line.strip():
        return []
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return [(_FAILURE, failure_row(InputError(f"malformed JSON line ({exc.msg} at column {exc.colno})",
                                                  path=path, line=number)))]
    try:
        return [(_ARTICLE, article_from_object(obj, origin=f"{path}:{number}", path=path, line=number))]
    except InputError as exc:
        return [(_FAILURE, failure_row(exc))]


def file_items(pair: tuple[str, bytes], *, fmt: str, options: Options) -> Iterator[tuple[str, Any]]:
    """One whole file (Hadoop URI, bytes) -> (``"a"``, Article) and (``"f"``, failure row) items,
    read exactly as ``dyad code`` reads the file; a reader's crash becomes a failure row."""
    uri, data = pair
    name = display_path(uri)
    try:
        for item in read_file_bytes(name, bytes(data), fmt=fmt, options=options):
            if isinstance(item, Article):
                yield _ARTICLE, item
            else:
                yield _FAILURE, failure_row(item, path=name)
    except Exception as exc:  # noqa: BLE001 - one unreadable file must not end the job
        log.debug("reading %s failed", name, exc_info=True)
        yield _FAILURE, failure_row(exc, path=name)


def read_file_bytes(name: str, data: bytes, *, fmt: str = "auto",
                    options: Options | None = None) -> Iterator[Article | InputError]:
    """Articles in the bytes of file ``name``: WARC records streamed; other files through
    ``dyad.ingest.read_path`` (via a private temporary copy whose name keeps the suffix that
    ``fmt`` or ``name`` gives, so limits, sniffing and messages are those of ``dyad code``)."""
    options = options or Options()
    if route(name, fmt) == "warc":
        stream = io.BytesIO(data)
        yield from read_warc(gzip.GzipFile(fileobj=stream) if data[:2] == _GZIP_MAGIC else stream, path=name)
        return
    base = os.path.basename(name)
    gz = ".gz" if base.lower().endswith(".gz") else ""
    ext = ".txt" if fmt == "text" else os.path.splitext(base[: len(base) - len(gz)])[1]
    suffix = ext[:MAX_SUFFIX_CHARS] + gz
    with tempfile.TemporaryDirectory(prefix="dyad-spark-") as tmp:
        local = os.path.join(tmp, "input" + suffix)
        with open(local, "wb") as fh:
            fh.write(data)
        try:
            for item in read_path(local, options):
                yield _renamed(item, local, name)
        except InputError as exc:  # read_path raises (rather than yields) when a file can't be read
            yield _renamed(exc, local, name)


def _renamed(item: Article | InputError, local: str, name: str) -> Article | InputError:
    if isinstance(item, Article):
        if item.origin and item.origin.startswith(local):
            return replace(item, origin=name + item.origin[len(local):])
        return item
    if item.path and item.path.startswith(local):
        item.path = name + item.path[len(local):]
    return item


def code_partition(items: Iterable[tuple[str, Any]], *, options: Options,
                   readings: bool = True) -> Iterator[tuple[list[tuple[Any, ...]], ...]]:
    """A partition of read items -> one nested row per item: for each table of
    ``output_tables(readings=...)``, in order, the list of that item's rows (an article's
    events, ...; a failure's one row). The process's one ``Reader`` (model and tables loaded on
    first use, kept by the Python worker for later tasks) codes the articles in batches; an
    article that can't be coded becomes a failure row."""
    names = [t.name for t in output_tables(readings=readings)]
    failure_at = names.index(FAILURES.name)

    def failed(row: tuple[Any, ...]) -> tuple[list[tuple[Any, ...]], ...]:
        return tuple([row] if i == failure_at else [] for i in range(len(names)))

    reader = default_reader(options)
    iterator = iter(items)
    size = max(1, options.batch_size)
    while batch := list(islice(iterator, size)):
        articles = []
        for tag, value in batch:
            if tag == _FAILURE:
                yield failed(value)
            else:
                articles.append(value)
        for article, result in zip(articles, _code(reader, articles), strict=True):
            if isinstance(result, (ModelError, DataError)):
                raise result  # the model or a data table can't be loaded: no article will be coded
            if isinstance(result, DyadError):
                yield failed(failure_row(result, path=article.origin))
                continue
            try:
                data = result.to_dict()
                rows = flatten(data)
                if readings:
                    rows[READINGS.name] = [(article.id, json.dumps(data, ensure_ascii=False))]
            except Exception as exc:  # noqa: BLE001 - a malformed reading must not end the job
                yield failed(failure_row(CodingError(
                    f"reading could not be flattened ({type(exc).__name__}: {exc}); please report it",
                    path=article.origin, article_id=article.id)))
                continue
            yield tuple(rows.get(name, []) for name in names)


def _code(reader, articles: list[Article]) -> list:  # noqa: ANN001 - a dyad Reader
    """Readings (or errors) for ``articles`` in order; when the parser fails on a batch, each
    article is tried alone so only the one at fault is lost."""
    if not articles:
        return []
    try:
        return list(reader.read_stream(articles))
    except (ModelError, DataError):
        raise
    except Exception as exc:  # noqa: BLE001 - see the docstring
        if len(articles) == 1:
            article = articles[0]
            return [CodingError(f"could not be parsed ({type(exc).__name__}: {exc}); please report it",
                                path=article.origin, article_id=article.id)]
        return [result for article in articles for result in _code(reader, [article])]


# -- loading a job's output ------------------------------------------------------------------------
def iter_readings(output: str) -> Iterator[Reading]:
    """The readings a job wrote under ``output`` (its ``readings`` table), read with pyarrow: a
    local path, or any URI pyarrow reads (``s3://``, ``gs://``; ``hdfs://`` with libhdfs)."""
    import pyarrow.dataset as ds

    data = ds.dataset(_join(output, READINGS.name), format="parquet")
    for batch in data.to_batches(columns=["reading"]):
        for text in batch.column(0).to_pylist():
            yield Reading.from_dict(json.loads(text))


def load_readings(output: str, store: Store, *, batch_size: int = LOAD_BATCH_SIZE) -> tuple[int, int]:
    """Write a job's readings and failures into a dyad store as one run (``dyad runs`` lists
    it), ``batch_size`` readings per transaction; returns (readings, failures) written. Loading
    the same output again replaces the same articles (the store's writes are idempotent)."""
    import pyarrow.dataset as ds

    from dyad.batch.runner import coder_version
    from dyad.store import Failure

    run_id = store.begin_run(coder_version=coder_version(), options={"loaded_from": "spark"}, inputs=[output])
    status = "failed"
    count = 0
    try:
        batch: list[Reading] = []
        for reading in iter_readings(output):
            batch.append(reading)
            if len(batch) >= batch_size:
                store.write(batch, run_id=run_id)
                count, batch = count + len(batch), []
        rows = ds.dataset(_join(output, FAILURES.name), format="parquet").to_table().to_pylist()
        failures = [Failure(reason=r["reason"], input=r["path"], line=r["line"], article_id=r["article_id"])
                    for r in rows]
        store.write(batch, run_id=run_id, failures=failures)
        status = "finished"
    finally:
        store.finish_run(run_id, status)
    return count + len(batch), len(failures)


# -- the spark-submit entry point ---------------------------------------------------------------
def session(master: str | None = None, app_name: str = "dyad") -> SparkSession:
    """The active SparkSession, or a new one (``master`` e.g. ``local[2]``; by default what
    spark-submit configured, else local mode on every core). In local mode outside spark-submit
    the Python workers run this Python (not the ``python3`` on PATH) unless PYSPARK_PYTHON says
    otherwise."""
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if not under_submit and (master is None or master.startswith("local")):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m dyad.batch.spark",
        description="Code articles on Spark and write Parquet tables (see docs/spark.md).",
        epilog="example: spark-submit src/dyad/batch/spark.py hdfs:///crawl/ hdfs:///dyad/out/")
    p.add_argument("paths", nargs="+", metavar="INPUT... OUTPUT",
                   help="input files, directories or globs on any Hadoop filesystem, then the output folder")
    p.add_argument("--format-in", choices=FORMATS, default="auto", help="how to read inputs (default: auto)")
    p.add_argument("--partitions", type=int, help="partitions to code in (default: by input size, 1 to 3 per core)")
    p.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    p.add_argument("--no-readings", action="store_true", help="don't write the readings table")
    p.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that carry none")
    p.add_argument("--model", default=Options().model, help="spaCy pipeline (a package name or a path)")
    p.add_argument("--data-dir", help="folder of your own data files, present on every executor")
    p.add_argument("--batch-size", type=int, default=Options().batch_size, help="articles per parsing batch")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run a job from the command line; exit status 0 all coded, 1 some failed, 2 misuse."""
    p = parser()
    args = p.parse_args(argv)
    if len(args.paths) < 2:
        p.error("give at least one INPUT and the OUTPUT folder")
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    if args.published and parse_published(args.published) is None:
        p.error(f"--published {args.published!r} is not a date; use YYYY-MM-DD")
    from pathlib import Path

    options = Options(model=args.model, data_dir=Path(args.data_dir) if args.data_dir else None,
                      published=args.published, batch_size=max(1, args.batch_size))
    *inputs, output = args.paths
    from pyspark.sql import SparkSession

    owned = SparkSession.getActiveSession() is None
    spark = session(args.master)
    try:
        result = run(spark, inputs, output, fmt=args.format_in, partitions=args.partitions, options=options,
                     overwrite=args.overwrite, readings=not args.no_readings)
    except FileExistsError as exc:
        sys.stderr.write(f"dyad spark: {exc}\n")
        return 2
    finally:
        if owned:
            spark.stop()
    sys.stderr.write(summary(result) + "\n")
    return 1 if result.failed else 0


def summary(result: SparkRun) -> str:
    """A few lines for a person: what was read, coded and written, and the first failures."""
    counts = result.counts
    lines = [f"dyad spark: {result.files} files: {result.coded} articles coded, {result.failed} failed; "
             f"{counts.get('events', 0)} events, {counts.get('quotes', 0)} quotes, "
             f"{counts.get('actors', 0)} actors -> {result.output}"]
    lines += [f"dyad spark: skipped {text}" for text in result.failures]
    if result.failed > len(result.failures):
        lines.append(f"dyad spark: ... and {result.failed - len(result.failures)} more (see the failures table)")
    return "\n".join(lines)


if __name__ == "__main__":
    # Run as a file (spark-submit path/to/spark.py): call the installed module, so executors
    # find its functions by name and its per-process Reader cache works.
    from dyad.batch.spark import main as _main

    sys.exit(_main())
