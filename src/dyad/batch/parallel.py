"""Reading articles in worker processes, with the results in input order.

Each worker process builds one ``Reader`` (models and tables loaded once) and reads whole
chunks of articles; the main process reads the inputs, hands chunks out a few ahead of need and
takes the readings back in the order the articles came in. Workers are *spawned*, never forked:
the parent may hold threads and a loaded model. Every chunk's result carries the worker's pid
and peak memory, so a run can report memory per worker.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError
from dyad.options import Options
from dyad.records import Article, Reading

if TYPE_CHECKING:
    from dyad.reader import Reader

#: Chunks handed out ahead per worker: enough that a worker never waits while the main process
#: writes a result, few enough to bound the memory held by readings not yet consumed.
PREFETCH_PER_WORKER = 2

_WORKER_READER: Reader | None = None


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (``ru_maxrss`` is in KiB on Linux, bytes on macOS)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _start_worker(options: Options) -> None:
    global _WORKER_READER  # noqa: PLW0603 - one Reader per worker process, built once
    from dyad.reader import Reader

    _WORKER_READER = Reader(options)


def _read_chunk(articles: list[Article]) -> tuple[int, float, list[Reading | DyadError]]:
    assert _WORKER_READER is not None, "worker started without its reader"
    results = list(_WORKER_READER.read_stream(articles))
    return os.getpid(), peak_rss_mb(), results


class WorkerPool:
    """``workers`` spawned processes, each with its own ``Reader(options)``.

    ``map(chunks)`` yields each chunk's results in the order the chunks came in;
    ``memory`` maps each worker's pid to its peak memory in MB so far.
    """

    def __init__(self, options: Options, workers: int) -> None:
        if workers < 2:
            raise ValueError("a WorkerPool needs at least 2 workers; read in process otherwise")
        self.workers = workers
        self.memory: dict[int, float] = {}
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                         initargs=(replace(options, workers=1),))

    def map(self, chunks: Iterable[Any], articles_of=lambda chunk: chunk) -> Iterator[tuple[Any, list]]:  # noqa: ANN001
        """``(chunk, results)`` for each chunk, in order; ``articles_of(chunk)`` are what is read."""
        pending: deque[tuple[Any, Future]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, self._pool.submit(_read_chunk, list(articles_of(chunk)))))
                if len(pending) >= self.workers * PREFETCH_PER_WORKER:
                    yield self._take(pending)
            while pending:
                yield self._take(pending)
        except BrokenProcessPool as exc:
            raise DyadError("a worker process died (out of memory?): try fewer --workers; in `dyad ingest` "
                            "what was committed is kept, so rerun the same command to resume") from exc

    def _take(self, pending: deque[tuple[Any, Future]]) -> tuple[Any, list]:
        chunk, future = pending.popleft()
        pid, peak, results = future.result()
        self.memory[pid] = max(peak, self.memory.get(pid, 0.0))
        return chunk, results

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_parallel(items: Iterable[Article | DyadError], options: Options, workers: int, *,
                  chunk_size: int | None = None, pool: WorkerPool | None = None,
                  ) -> Iterator[Reading | DyadError]:
    """Read ``items`` (articles, and errors passed through in place) in ``workers`` processes;
    yields readings and errors in input order. ``pool`` reuses a pool (to read its memory)."""
    size = chunk_size or max(1, options.batch_size)
    iterator = iter(items)
    chunks = iter(lambda: list(islice(iterator, size)), [])
    own = pool is None
    pool = pool or WorkerPool(options, workers)
    try:
        for chunk, results in pool.map(chunks, lambda c: [a for a in c if isinstance(a, Article)]):
            read = iter(results)
            for item in chunk:
                yield next(read) if isinstance(item, Article) else item
    finally:
        if own:
            pool.close()
