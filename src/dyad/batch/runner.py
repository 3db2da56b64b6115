"""The resumable batch runner: inputs -> Reader -> Store, one transaction per batch.

A run reads its inputs in order and cuts them into batches of ``batch_size`` items. For each
batch it asks the store which articles it already holds with the same content (those are
skipped without being read), reads the rest, and writes the readings, the batch's failures and
the run's counts in one transaction. Killing the process at any moment therefore loses at most
the open batch, and running the same command again skips what was committed and completes the
rest exactly once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from dyad.batch.parallel import WorkerPool, peak_rss_mb
from dyad.errors import DyadError, StoreError
from dyad.options import Options
from dyad.records import Article, Reading
from dyad.store import Failure, Store, WriteResult
from dyad.store.rows import content_hash

log = logging.getLogger(__name__)

#: Articles per transaction when the caller doesn't say: a kill loses at most this many
#: articles' work, and each commit (with its dedup update) is amortised over them.
DEFAULT_BATCH_SIZE = 64

#: A run's summary lists at most this many failures (the ``failures`` table keeps them all).
MAX_LISTED_FAILURES = 1000


class ReaderLike(Protocol):
    """What the runner needs of a reader (``dyad.reader.Reader`` is one)."""

    options: Options

    def read_stream(self, items: Iterable[Article | DyadError]) -> Iterator[Reading | DyadError]: ...


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one ingest run did. ``failures`` lists up to ``MAX_LISTED_FAILURES`` of them."""

    run_id: str
    db: str
    status: str
    seen: int
    added: int
    replaced: int
    unchanged: int
    failed: int
    reports: int
    events: int
    seconds: float
    failures: tuple[Failure, ...] = field(default=())
    stage_failures: int = 0  # articles stored without one stage's records (listed in ``failures`` too)
    worker_memory_mb: tuple[float, ...] = ()  # peak memory of each process that read articles

    @property
    def rate(self) -> float:
        """Articles per second over the whole run."""
        return self.seen / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        return (f"{self.seen} read: {self.added} added, {self.replaced} replaced, {self.unchanged} "
                f"unchanged, {self.failed} failed{self._stages()}; {self.reports} event reports -> {self.events} events in "
                f"{self.db} ({self.seconds:.1f} s, {self.rate:.1f} articles/s)")


    def _stages(self) -> str:
        return f" ({self.stage_failures} stage failures)" if self.stage_failures else ""


@dataclass(slots=True)
class _Batch:
    items: list[Article | DyadError]
    failures: list[Failure] = field(default_factory=list)
    to_read: list[Article] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    unchanged: int = 0


# -- versions recorded with a run ------------------------------------------------------------
def coder_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyad-events")
    except PackageNotFoundError:
        return "unknown"


def _digest(parts: Iterable[tuple[str, bytes]]) -> str:
    h = hashlib.sha256()
    for name, data in sorted(parts):
        h.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()[:12]


def data_versions(options: Options) -> dict[str, str]:
    """A short hash of every data file the reader may use: dyad's own and the user's."""
    files: dict[str, bytes] = {}

    def walk(node: Any, prefix: str) -> None:  # noqa: ANN401 - an importlib Traversable
        for entry in node.iterdir():
            if entry.name.startswith((".", "__")):
                continue
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            else:
                files[f"{prefix}{entry.name}"] = entry.read_bytes()

    try:
        walk(resources.files("dyad").joinpath("data"), "")
    except (FileNotFoundError, NotADirectoryError):
        pass
    if options.data_dir and Path(options.data_dir).is_dir():
        for path in sorted(Path(options.data_dir).rglob("*")):
            if path.is_file():
                files[f"user:{path.relative_to(options.data_dir).as_posix()}"] = path.read_bytes()
    lexicon = [(n, d) for n, d in files.items() if any(k in n.lower() for k in ("event", "lexicon", "cameo"))]
    actors = [(n, d) for n, d in files.items() if "actor" in n.lower()]
    return {name: _digest([(name, data)]) for name, data in files.items()} | {
        "_lexicon": _digest(lexicon), "_actors": _digest(actors)}


# -- progress --------------------------------------------------------------------------------
def estimate_total(paths: Sequence[str | Path]) -> int | None:
    """How many articles ``paths`` hold, when that is cheap to know (text, HTML and JSON Lines
    files, folders of them); ``None`` when it isn't (stdin, WARC, JSON documents)."""
    from dyad.ingest import expand

    total = 0
    for path in expand(paths):
        lower = path.lower()
        if path == "-" or lower.endswith((".warc", ".warc.gz", ".arc", ".arc.gz", ".json", ".gz")):
            return None
        if lower.endswith((".jsonl", ".ndjson", ".jsonlines")):
            try:
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1  # it will be reported as one failure
        else:
            total += 1
    return total


def _progress_bar(total: int | None, enabled: bool):  # noqa: ANN202 - a tqdm bar
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="ingest", file=sys.stderr, disable=not enabled,
                dynamic_ncols=True, smoothing=0.1)


# -- reading, in this process or in workers --------------------------------------------------
def _read(reader: ReaderLike, articles: list[Article]) -> list[Reading | DyadError]:
    if not articles:
        return []
    stream = getattr(reader, "read_stream", None)
    if stream is not None:
        return list(stream(articles))
    out: list[Reading | DyadError] = []
    for article in articles:  # a reader with only read_articles: one at a time, to isolate failures
        try:
            out.extend(reader.read_articles([article]))  # type: ignore[attr-defined]
        except DyadError as exc:
            exc.article_id = exc.article_id or article.id
            exc.path = exc.path or article.origin
            out.append(exc)
    return out


def _read_batches(batches: Iterator[_Batch], reader: ReaderLike, workers: int,
                  memory: dict[int, float]) -> Iterator[tuple[_Batch, list[Reading | DyadError]]]:
    """Each batch with its readings, in order; ``memory`` gets each worker's peak MB."""
    if workers <= 1:
        for batch in batches:
            yield batch, _read(reader, batch.to_read)
        memory[os.getpid()] = peak_rss_mb()
        return
    with WorkerPool(reader.options, workers) as pool:
        try:
            yield from pool.map(batches, lambda b: b.to_read)
        finally:
            memory.update(pool.memory)


# -- the run ---------------------------------------------------------------------------------
def _write(store: Store, readings: list[Reading], failures: list[Failure], batch: _Batch,
           run_id: str) -> tuple[WriteResult, list[Failure]]:
    """Write a batch in one transaction. When the data (not the database) makes that fail, write
    its readings one by one instead, so one unstorable reading becomes a failure, not the end
    of the run."""
    try:
        return store.write(readings, run_id=run_id, failures=failures, hashes=batch.hashes,
                           seen=len(batch.items), unchanged=batch.unchanged), failures
    except StoreError as exc:
        if getattr(exc, "transient", False) or not readings:
            raise
        log.warning("batch could not be stored (%s); storing its articles one by one", exc)
    added = replaced = reports = 0
    for reading in readings:
        try:
            r = store.write([reading], run_id=run_id, hashes=batch.hashes, seen=0)
        except StoreError as exc:
            if getattr(exc, "transient", False):
                raise
            failures = [*failures, Failure(reason=f"could not be stored: {exc}", input=reading.article.origin,
                                           article_id=reading.article.id)]
            continue
        added, replaced, reports = added + r.added, replaced + r.replaced, reports + r.reports
    store.write([], run_id=run_id, failures=failures, seen=len(batch.items),
                unchanged=batch.unchanged)
    return WriteResult(added=added, replaced=replaced, failed=sum(1 for f in failures if f.stage is None),
                       reports=reports), failures


def _prepare(items: list[Article | DyadError], store: Store, force: bool) -> _Batch:
    batch = _Batch(items=items)
    latest: dict[str, Article] = {}
    for item in items:
        if isinstance(item, Article):
            if item.id in latest:
                batch.unchanged += 1  # the same id twice in one batch: the later one wins
            latest[item.id] = item
        elif isinstance(item, DyadError):
            batch.failures.append(Failure.from_error(item))
        else:
            batch.failures.append(Failure(reason=f"not an article: {type(item).__name__}"))
    batch.hashes = {i: content_hash(a) for i, a in latest.items()}
    stored = {} if force else store.content_hashes(list(latest))
    for i, article in latest.items():
        if stored.get(i) == batch.hashes[i]:
            batch.unchanged += 1
        else:
            batch.to_read.append(article)
    return batch


def ingest_items(items: Iterable[Article | DyadError], store: Store, reader: ReaderLike, *,
                 batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True, total: int | None = None,
                 force: bool = False, workers: int | None = None, inputs: Sequence[str] = ()) -> RunSummary:
    """Store the readings of ``items`` (articles, and errors to record as failures).

    ``force`` re-reads articles that are stored with the same content (after a new dyad or new
    data files); ``workers`` > 1 reads in that many processes (default: the reader's
    ``options.workers``). Never raises for a bad input or article: those are recorded in the
    ``failures`` table and listed in the summary. Raises ``StoreError`` when the database fails;
    the batches committed before it are kept, and rerunning resumes.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    options = getattr(reader, "options", None) or Options()
    workers = max(1, workers if workers is not None else options.workers)
    versions = data_versions(options)
    run_id = store.begin_run(coder_version=coder_version(), model=options.model,
                             lexicon_version=versions.pop("_lexicon"),
                             actor_table_version=versions.pop("_actors"), data_versions=versions,
                             options={"batch_size": batch_size, "workers": workers, "force": force,
                                      "model": options.model, "published": options.published,
                                      "data_dir": str(options.data_dir) if options.data_dir else None},
                             inputs=inputs)
    started = time.perf_counter()
    counts = dict.fromkeys(("seen", "added", "replaced", "unchanged", "failed", "reports"), 0)
    listed: list[Failure] = []
    stage_failed = 0
    memory: dict[int, float] = {}
    iterator = iter(items)
    batches = (_prepare(chunk, store, force) for chunk in iter(lambda: list(islice(iterator, batch_size)), []))
    status = "failed"
    bar = _progress_bar(total, progress)
    try:
        for batch, results in _read_batches(batches, reader, workers, memory):
            readings = [r for r in results if isinstance(r, Reading)]
            failures = batch.failures + [Failure.from_error(r) for r in results if not isinstance(r, Reading)]
            failures += [Failure(reason=f.error, input=r.article.origin, article_id=r.article.id, stage=f.stage)
                         for r in readings for f in r.stage_failures]
            result, failures = _write(store, readings, failures, batch, run_id)
            for failure in failures:
                log.info("%s %s", f"stage {failure.stage} failed on" if failure.stage else "skipped", failure)
            counts["seen"] += len(batch.items)
            counts["added"] += result.added
            counts["replaced"] += result.replaced
            counts["unchanged"] += batch.unchanged
            counts["failed"] += sum(1 for f in failures if f.stage is None)
            stage_failed += sum(1 for f in failures if f.stage is not None)
            counts["reports"] += result.reports
            listed.extend(failures[:max(0, MAX_LISTED_FAILURES - len(listed))])
            bar.update(len(batch.items))
            bar.set_postfix(added=counts["added"], failed=counts["failed"], refresh=False)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        bar.close()
        try:
            store.finish_run(run_id, status)
        except DyadError:
            if status == "finished":
                raise
            log.warning("could not mark run %s as %s", run_id, status)
    events = int(store.db.scalar("SELECT COUNT(*) FROM events") or 0)
    return RunSummary(run_id=run_id, db=store.url, status=status, events=events,
                      seconds=time.perf_counter() - started, failures=tuple(listed),
                      stage_failures=stage_failed, worker_memory_mb=tuple(sorted(memory.values())), **counts)


def ingest(paths: Iterable[str | Path], store: Store, reader: ReaderLike, *,
           batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True, force: bool = False,
           workers: int | None = None) -> RunSummary:
    """Read every article under ``paths`` (files, folders, globs, JSON Lines, WARC, ``-`` for
    stdin) and store its reading in ``store``, ``batch_size`` articles per transaction.

    Idempotent: an article stored with the same content is skipped without being read; one
    whose content changed replaces its old reading. Resumable: a killed run loses at most the
    open batch; rerun it to complete the rest exactly once. Shows a progress bar (articles/s,
    and an ETA when the number of articles is cheap to count) on stderr when ``progress``.
    """
    from dyad.ingest import read_inputs

    paths = [str(p) for p in paths]
    options = getattr(reader, "options", None) or Options()
    total = estimate_total(paths) if progress else None
    return ingest_items(read_inputs(paths, options), store, reader, batch_size=batch_size, progress=progress,
                        total=total, force=force, workers=workers, inputs=paths)
