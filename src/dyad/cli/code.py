"""``dyad code``: read articles and print their readings (events, quotes, actors, dates, places)."""

from __future__ import annotations

import csv
import json
import sys

import click

from dyad.batch.parallel import WorkerPool, read_parallel
from dyad.cli.options import format_option, reader_options, require_dyad_option
from dyad.cli.render import reading_table
from dyad.errors import DyadError
from dyad.ingest import read_inputs
from dyad.options import Options
from dyad.reader import Reader
from dyad.records import Reading

#: Columns of ``--format csv``: one row per event, flattened.
CSV_COLUMNS = ("article_id", "date", "source_code", "source_name", "code", "label", "target_code",
               "target_name", "quad_class", "goldstein", "plover", "modality", "location", "country",
               "sentence")


@click.command("code")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@format_option("json", "jsonl", "table", "csv", default="json")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal and there are several inputs).")
@reader_options
@require_dyad_option
def code_command(inputs: tuple[str, ...], fmt: str, progress: bool | None, options: Options) -> None:
    """Read INPUT... (text, HTML, JSON Lines, WARC files, folders, globs, or - for stdin) and print
    one reading per article: a JSON object (an array when there are several), JSON Lines, a table
    or CSV of events.

    \b
    Examples:
      dyad code examples/samarkand-2022-09-16.txt --format table
      dyad code page.html crawl.warc.gz articles.jsonl --format jsonl > readings.jsonl
      dyad code crawl/ --workers 2 --format jsonl > readings.jsonl   # parse in 2 processes
      cat story.txt | dyad code - --published 2022-09-16
    """
    out = click.get_text_stream("stdout")
    show = progress if progress is not None else (sys.stderr.isatty() and (len(inputs) > 1 or fmt == "jsonl"))
    counts = {"coded": 0, "failed": 0}
    pool = WorkerPool(options, options.workers) if options.workers > 1 else None
    try:
        if pool is None:
            items = Reader(options).read_paths(inputs)
        else:  # the inputs are read here, the articles in the workers; output stays in input order
            items = read_parallel(read_inputs(inputs, options), options, options.workers, pool=pool)
        writer = _Writer(fmt, out)
        for item in _with_progress(items, show):
            if isinstance(item, DyadError):
                counts["failed"] += 1
                click.echo(f"dyad: skipped {item}", err=True)
                continue
            counts["coded"] += 1
            for failure in item.stage_failures:
                click.echo(f"dyad: warning: {item.article.origin or item.article.id}: stage {failure.stage} "
                           f"failed ({failure.error}); the other stages' records are kept", err=True)
            writer.write(item)
        writer.close()
    finally:
        if pool is not None:
            pool.close()
    total = counts["coded"] + counts["failed"]
    if counts["failed"] or total != 1:
        click.echo(f"dyad: {total} inputs: {counts['coded']} coded, {counts['failed']} failed", err=True)
    if pool is not None and pool.memory:
        peaks = ", ".join(f"{mb:.0f} MB" for mb in sorted(pool.memory.values()))
        click.echo(f"dyad: {options.workers} workers, peak memory per worker: {peaks}", err=True)
    if counts["failed"]:
        sys.exit(1)


def _with_progress(items, show: bool):  # noqa: ANN001, ANN202
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, unit="article", file=sys.stderr, dynamic_ncols=True)


class _Writer:
    """Streams readings in one output format."""

    def __init__(self, fmt: str, out) -> None:  # noqa: ANN001 - a text stream
        self.fmt, self.out, self.n = fmt, out, 0
        self._buffer: list[Reading] = []
        self._csv = csv.writer(out) if fmt == "csv" else None
        if self._csv:
            self._csv.writerow(CSV_COLUMNS)

    def write(self, reading: Reading) -> None:
        self.n += 1
        if self.fmt == "jsonl":
            self.out.write(json.dumps(reading.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self._buffer.append(reading)
        elif self.fmt == "table":
            if self.n > 1:
                self.out.write("\n")
            self.out.write(reading_table(reading))
        else:
            for e in reading.events:
                self._csv.writerow([
                    reading.article.id, e.date, e.source.code, e.source.name, e.code, e.label,
                    e.target.code if e.target else None, e.target.name if e.target else None,
                    e.quad_class, e.goldstein, e.plover, e.modality,
                    e.location.name if e.location else None, e.location.country if e.location else None,
                    e.sentence])

    def close(self) -> None:
        if self.fmt == "json":
            data = [r.to_dict() for r in self._buffer]
            payload = data[0] if len(data) == 1 else data
            self.out.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


def register(main: click.Group) -> None:
    main.add_command(code_command)
