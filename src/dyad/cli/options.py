"""Options shared by several commands, defined once as decorators."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import click

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
                  help="Processes for parsing.")
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


def format_option(*choices: str, default: str) -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")
