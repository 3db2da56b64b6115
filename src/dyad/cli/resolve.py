"""``dyad resolve``: who a name, title or body is on a date, from dyad's actor tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dyad.cli.options import format_option
from dyad.errors import DyadError

#: The fields of an actor that ``dyad resolve`` prints.
FIELDS = ("name", "code", "country", "sector", "role")


def _as_json(actor, indent: int | None) -> str:  # noqa: ANN001 - an Actor or None
    data = None if actor is None else {k: getattr(actor, k) for k in FIELDS}
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _check_date(date: str | None) -> str | None:
    from dyad.actors.tables import parse_date

    if date is None or parse_date(date.strip()):
        return date.strip() if date else None
    raise ValueError(f"{date!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)")


EXAMPLES = """\b
Examples:
  dyad resolve "Armenian Prime Minister" --date 2022-09-16
  dyad resolve "the Pentagon"
  printf 'Putin\\t2010-06-01\\nthe Kremlin\\n' | dyad resolve -
"""


@click.command("resolve", epilog=EXAMPLES)
@click.argument("text", metavar="TEXT")
@click.option("--date", metavar="DATE", help="Resolve roles as of this date (YYYY-MM-DD); default: "
                                             "the tables' current roles.")
@format_option("json", "jsonl", default="json")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of your own actor tables that extend or override dyad's.")
def resolve_command(text: str, date: str | None, fmt: str, data_dir: Path | None) -> None:
    """Print the actor TEXT names (name, code, country, sector, role) as JSON, or null when
    dyad's tables don't support an answer. TEXT - reads one query per line from stdin (TEXT or
    TEXT<tab>DATE) and prints one JSON line per query, in order, loading the tables once.
    """
    from dyad.actors import load_tables

    try:
        tables = load_tables(data_dir)
        date = _check_date(date)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--date") from exc
    except DyadError as exc:
        click.echo(f"dyad: {exc}", err=True)
        sys.exit(1)
    for warning in tables.warnings:
        click.echo(f"dyad: {warning}", err=True)
    if text != "-":
        click.echo(_as_json(tables.resolve(text, date), 2 if fmt == "json" else None))
        return
    failed = 0
    for number, line in enumerate(click.get_text_stream("stdin"), 1):
        query, _, line_date = line.rstrip("\r\n").partition("\t")
        try:
            when = _check_date(line_date or None) or date
        except ValueError as exc:
            click.echo(f"dyad: stdin:{number}: {exc}", err=True)
            click.echo("null")
            failed += 1
            continue
        click.echo(_as_json(tables.resolve(query, when) if query.strip() else None, None))
    if failed:
        sys.exit(1)


def register(main: click.Group) -> None:
    main.add_command(resolve_command)
