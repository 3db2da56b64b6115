"""``dyad ingest`` (corpus -> event database) and the commands that query and export it:
``dyad events``, ``dyad quotes``, ``dyad actors``, ``dyad articles``, ``dyad export``, ``dyad runs``."""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from dyad.cli.options import db_option, fail, format_option, open_db, reader_options, require_dyad_option
from dyad.cli.render import emit_frame
from dyad.errors import DyadError, StoreError
from dyad.options import Options

#: Failures listed on stderr at the end of an ingest run (all of them are in the database).
SHOWN_FAILURES = 20

_DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)"


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from dyad.store.store import ISO_DATE_PREFIX

    if value is not None and not ISO_DATE_PREFIX.match(value):
        raise click.BadParameter(f"{value!r} is not a date; use {_DATE_HELP}")
    return value


def event_filters(func: Callable) -> Callable:
    """The filters of ``dyad events`` and ``dyad export``, passed on as ``filters``."""

    @click.option("--source", metavar="CODE", help="Source actor code prefix (RUS matches RUSGOV, RUSMIL ...).")
    @click.option("--target", metavar="CODE", help="Target actor code prefix.")
    @click.option("--root", metavar="NN", help="CAMEO root code (04 = consult).")
    @click.option("--code", metavar="CODE", help="CAMEO code prefix (044).")
    @click.option("--since", metavar="DATE", callback=_date, help=f"Events on or after DATE: {_DATE_HELP}.")
    @click.option("--until", metavar="DATE", callback=_date, help=f"Events on or before DATE: {_DATE_HELP}.")
    @click.option("--actor", metavar="NAME", help="An actor's name (part of it) or exact code, as source or target.")
    @click.option("--country", metavar="ISO3", help="Where the event happened (ISO 3166 alpha-3).")
    @click.option("--min-reports", type=click.IntRange(1), metavar="N", help="Only events reported N times or more.")
    @functools.wraps(func)
    def wrapper(*args: Any, source, target, root, code, since, until, actor, country, min_reports, **kwargs: Any):
        filters = {k: v for k, v in dict(source=source, target=target, root=root, code=code, since=since,
                                         until=until, actor=actor, country=country,
                                         min_reports=min_reports).items() if v is not None}
        return func(*args, filters=filters, **kwargs)

    return wrapper


def limit_option(func: Callable) -> Callable:
    return click.option("--limit", type=click.IntRange(1), metavar="N", help="At most N rows.")(func)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised as an interrupt so the open batch is rolled back and the run is marked
    ``interrupted`` (as Ctrl-C does), instead of the process vanishing mid-batch."""


@contextmanager
def _interrupt_on_sigterm() -> Iterator[None]:
    def handler(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM ends the process at once
        raise _Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--force", is_flag=True, help="Re-read articles already stored with the same content "
                                            "(after upgrading dyad or changing data files).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@reader_options
@require_dyad_option
def ingest_command(paths: tuple[str, ...], db: str | None, force: bool, progress: bool | None,
                   options: Options) -> None:
    """Read every article under PATH... (text, HTML, JSON Lines, WARC files, folders, globs, or -
    for stdin) and store its reading in the event database, --batch-size articles per
    transaction.

    Re-ingesting adds nothing for unchanged articles and replaces the reading of changed ones
    (same id, new content). A killed run loses at most its open batch: run the same command
    again to finish. Inputs that can't be read are recorded in the database's failures table
    and listed at the end; the run goes on (exit status 1 when any failed).

    \b
    Examples:
      dyad ingest crawl/ feed.jsonl --db events.db --batch-size 64
      dyad ingest news.warc.gz --db postgresql://dyad:secret@localhost/dyad --workers 2
    """
    from dyad.batch import ingest
    from dyad.reader import Reader

    show = progress if progress is not None else sys.stderr.isatty()
    try:
        with _interrupt_on_sigterm(), open_db(db, create=True) as store:
            summary = ingest(paths, store, Reader(options), batch_size=options.batch_size, progress=show,
                             force=force, workers=options.workers)
    except DyadError as exc:
        fail(exc)
        return
    except KeyboardInterrupt as exc:
        how = "terminated (SIGTERM)" if isinstance(exc, _Terminated) else "interrupted"
        click.echo(f"dyad: {how}: the open batch was rolled back and the run marked interrupted; what was "
                   "committed is kept. Run the same command again to resume", err=True)
        sys.exit(128 + signal.SIGTERM if isinstance(exc, _Terminated) else 130)
    click.echo(f"dyad: {summary.describe()}", err=True)
    if options.workers > 1 and summary.worker_memory_mb:
        peaks = ", ".join(f"{mb:.0f} MB" for mb in summary.worker_memory_mb)
        click.echo(f"dyad: {options.workers} workers, peak memory per worker: {peaks}", err=True)
    for failure in [f for f in summary.failures if f.stage][:SHOWN_FAILURES]:
        click.echo(f"dyad: warning: {failure} (the article is stored with the other stages' records)", err=True)
    if summary.failed:
        for failure in [f for f in summary.failures if not f.stage][:SHOWN_FAILURES]:
            click.echo(f"dyad: failed: {failure}", err=True)
        more = summary.failed - min(SHOWN_FAILURES, len(summary.failures))
        if more > 0:
            click.echo(f"dyad: ... and {more} more: dyad runs --failures {summary.run_id}", err=True)
        sys.exit(1)


EVENT_TABLE = ("date", "source_code", "source_name", "code", "label", "target_code", "target_name", "place",
               "n_reports")


@click.command("events")
@db_option
@event_filters
@limit_option
@format_option("table", "json", "csv", default="table")
def events_command(db: str | None, filters: dict[str, Any], limit: int | None, fmt: str) -> None:
    """List deduplicated events (one row per real-world event, with how many reports it has),
    oldest first.

    \b
    Examples:
      dyad events --source RUS --target CHN --root 04 --since 2022-01
      dyad events --actor Putin --until 2022-09 --format csv > putin.csv
    """
    try:
        with open_db(db, create=False) as store:
            emit_frame(store.events(**filters, limit=limit), fmt, EVENT_TABLE)
    except StoreError as exc:
        fail(exc)


@click.command("quotes")
@db_option
@click.option("--speaker", metavar="NAME", help="The speaker's name (part of it) or exact actor code.")
@click.option("--contains", metavar="WORDS", help="Words the quote contains (case-insensitive).")
@click.option("--since", metavar="DATE", callback=_date, help=f"Articles published on or after DATE: {_DATE_HELP}.")
@click.option("--until", metavar="DATE", callback=_date, help=f"Articles published on or before DATE: {_DATE_HELP}.")
@limit_option
@format_option("table", "json", "csv", default="table")
def quotes_command(db: str | None, speaker: str | None, contains: str | None, since: str | None,
                   until: str | None, limit: int | None, fmt: str) -> None:
    """List quotes with their speakers, oldest article first.

    \b
    Example:
      dyad quotes --speaker Putin --contains sanctions --format json
    """
    try:
        with open_db(db, create=False) as store:
            df = store.quotes(speaker=speaker, contains=contains, since=since, until=until, limit=limit)
            emit_frame(df, fmt, ("published", "speaker_name", "speaker_code", "text"))
    except StoreError as exc:
        fail(exc)


@click.command("actors")
@db_option
@click.option("--country", metavar="ISO3", help="Actors of this country (ISO 3166 alpha-3).")
@click.option("--code", metavar="CODE", help="Actor code prefix (RUSGOV, USA).")
@click.option("--name", metavar="NAME", help="Part of the actor's name.")
@limit_option
@format_option("table", "json", "csv", default="table")
def actors_command(db: str | None, country: str | None, code: str | None, name: str | None, limit: int | None,
                   fmt: str) -> None:
    """List actors across all stored articles, the most widely reported first.

    \b
    Example:
      dyad actors --country RUS --limit 20
    """
    try:
        with open_db(db, create=False) as store:
            df = store.actors(country=country, code=code, name=name, limit=limit)
            emit_frame(df, fmt, ("code", "name", "country", "sector", "n_articles", "n_mentions", "role"))
    except StoreError as exc:
        fail(exc)


@click.command("articles")
@db_option
@click.option("--source", metavar="OUTLET", help="Outlet name (part of it).")
@click.option("--since", metavar="DATE", callback=_date, help=f"Published on or after DATE: {_DATE_HELP}.")
@click.option("--until", metavar="DATE", callback=_date, help=f"Published on or before DATE: {_DATE_HELP}.")
@click.option("--contains", metavar="WORDS", help="Words in the title or text (case-insensitive).")
@limit_option
@format_option("table", "json", "csv", default="table")
def articles_command(db: str | None, source: str | None, since: str | None, until: str | None,
                     contains: str | None, limit: int | None, fmt: str) -> None:
    """List stored articles, oldest first, with how many events, quotes and actors each gave.

    \b
    Example:
      dyad articles --source "Moscow Times" --since 2022-09
    """
    try:
        with open_db(db, create=False) as store:
            df = store.articles(source=source, since=since, until=until, contains=contains, limit=limit)
            emit_frame(df, fmt, ("id", "published", "source", "title", "n_events", "n_quotes"))
    except StoreError as exc:
        fail(exc)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "jsonl", "csv", "parquet"]),
              required=True, help="gdelt: GDELT 2.0 event table (TSV, no header); plover: PLOVER/POLECAT "
                                  "JSON; jsonl: events with evidence; csv / parquet: one event per row.")
@click.option("-o", "--output", default="-", metavar="FILE", show_default=True,
              help="Where to write (- is stdout; parquet needs a file).")
@event_filters
def export_command(db: str | None, fmt: str, output: str, filters: dict[str, Any]) -> None:
    """Export events in the field's formats, so existing analysis code reads them unchanged.

    \b
    Examples:
      dyad export --format gdelt -o events.tsv
      dyad export --format parquet -o events.parquet --since 2022-01
    """
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet is binary: name a file with -o events.parquet")
    try:
        with open_db(db, create=False) as store:
            n = store.export(fmt, output, **filters)
    except StoreError as exc:
        fail(exc)
        return
    click.echo(f"dyad: {n} events written to {'stdout' if output == '-' else output}", err=True)


@click.command("runs")
@db_option
@click.option("--failures", "run_failures", metavar="RUN", help="List the failures of run RUN instead.")
@format_option("table", "json", "csv", default="table")
def runs_command(db: str | None, run_failures: str | None, fmt: str) -> None:
    """List ingest runs (versions, status, counts), or the failures of one run.

    \b
    Examples:
      dyad runs --db events.db
      dyad runs --db events.db --failures 3f2a9c0e1b7d4a55 --format csv
    """
    try:
        with open_db(db, create=False) as store:
            if run_failures:
                emit_frame(store.failures(run_failures), fmt, ("input", "line", "article_id", "reason"))
            else:
                emit_frame(store.runs(), fmt, ("id", "started", "status", "coder_version", "articles_seen",
                                          "articles_added", "articles_replaced", "articles_unchanged",
                                          "articles_failed"))
    except StoreError as exc:
        fail(exc)


def register(main: click.Group) -> None:
    for command in (ingest_command, events_command, quotes_command, actors_command, articles_command,
                    export_command, runs_command):
        main.add_command(command)
