"""Options shared by several commands, defined once as decorators."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from dyad.errors import DyadError

from dyad.options import DEFAULT_MODEL, Options


def reader_options(func: Callable) -> Callable:
    """``--published --model --data-dir --workers --batch-size``, passed on as ``options``."""

    @click.option("--published", metavar="DATE",
                  help="Publication date (YYYY-MM-DD) for articles that carry none; relative dates "
                       "('on Thursday') resolve against it.")
    @click.option("--model", default=DEFAULT_MODEL, show_default=True, metavar="NAME",
                  help="spaCy pipeline to load (a package name or a path).")
    @click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                  help="Folder of your own data files (actors, lexicons) that extend or override dyad's.")
    @click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
                  help="Processes that read articles (each loads its own model: ~0.5 GB); output stays in input order.")
    @click.option("--batch-size", default=16, show_default=True, type=click.IntRange(1, 10_000),
                  help="Articles per parsing batch.")
    @functools.wraps(func)
    def wrapper(*args, published, model, data_dir, workers, batch_size, **kwargs):
        if published is not None:
            from dyad.ingest import parse_published

            if parse_published(published) is None:
                raise click.BadParameter(f"{published!r} is not a date; use YYYY-MM-DD", param_hint="--published")
        options = Options(model=model, data_dir=data_dir, published=published, workers=workers,
                          batch_size=batch_size)
        return func(*args, options=options, **kwargs)

    return wrapper


def require_dyad_option(func: Callable) -> Callable:
    """``--require-dyad`` (or ``$DYAD_REQUIRE_DYAD``): put below ``@reader_options``; sets
    ``options.require_dyad``."""

    @click.option("--require-dyad", is_flag=True, envvar="DYAD_REQUIRE_DYAD",
                  help="Keep only events with both a source and a target (no one-sided events).")
    @functools.wraps(func)
    def wrapper(*args, require_dyad, options, **kwargs):
        from dataclasses import replace

        return func(*args, options=replace(options, require_dyad=require_dyad), **kwargs)

    return wrapper


def format_option(*choices: str, default: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")


def db_option(func: Callable) -> Callable:
    return click.option("--db", "db", envvar="DYAD_DB", metavar="URL",
                        help="Database: a SQLite file (default dyad.db) or postgresql://user:pass@host/db "
                             "(also from $DYAD_DB).")(func)


def open_db(db: str | None, *, create: bool):  # noqa: ANN202 - a Store
    """Open the database named by ``--db``/``$DYAD_DB``; query commands never create one."""
    from dyad.store import open_store, resolve_url
    from dyad.store.db import dialect_of, sqlite_path

    url = resolve_url(db)
    if not create and dialect_of(url) == "sqlite" and sqlite_path(url) != ":memory:" \
            and not Path(sqlite_path(url)).exists():
        raise click.UsageError(f"no database at {sqlite_path(url)}: run `dyad ingest FILE... --db "
                               f"{sqlite_path(url)}` first, or name one with --db / DYAD_DB")
    return open_store(url, create=create)


def fail(exc: DyadError) -> None:
    """Report an error on stderr and exit 1, without a traceback."""
    click.echo(f"dyad: error: {exc}", err=True)
    sys.exit(1)
