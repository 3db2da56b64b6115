"""``dyad eval``: score a reading against a hand-coded gold file, so users can check dyad on
their own stories."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dyad.cli.options import format_option, reader_options
from dyad.errors import DyadError
from dyad.options import Options


def _load_json(path: Path, what: str) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"can't read {what} {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from exc


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("reading", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses/--no-misses", default=True, show_default=True, help="List what was missed and extra.")
@format_option("text", "json", default="text")
@reader_options
def eval_command(gold: Path, reading: Path, misses: bool, fmt: str, options: Options) -> None:
    """Score READING against the hand-coded GOLD file (the format of golden/*.json: events with
    accepted codes, quotes, actors, dates, places). READING is either dyad's JSON output or the
    article itself, which is then coded first. Prints recall and precision per part and the misses.

    \b
    Examples:
      dyad eval gold/samarkand.json examples/samarkand-2022-09-16.txt
      dyad code story.txt > story.json && dyad eval gold/story.json story.json --format json
    """
    from dyad.events import score_reading
    from dyad.reader import Reader

    gold_data = _load_json(gold, "gold file")
    if not isinstance(gold_data, dict) or not any(k in gold_data for k in ("events", "quotes", "actors")):
        raise click.BadParameter(f"{gold} is not a gold reading (no events, quotes or actors)")
    predicted = None
    if reading.suffix.lower() == ".json":
        data = _load_json(reading, "reading")
        if isinstance(data, list):
            data = data[0] if data else {}
        if isinstance(data, dict) and "article" in data:
            predicted = data
    if predicted is None:
        try:
            predicted = Reader(options).read(reading).to_dict()
        except DyadError as exc:
            click.echo(f"dyad: error: {exc}", err=True)
            sys.exit(1)
    report = score_reading(gold_data, predicted)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo("\n".join(report.lines(misses=misses)))
        click.echo("(precision counts predictions that match a gold item: it is only meaningful for the "
                   "parts your gold file lists exhaustively)", err=True)


def register(main: click.Group) -> None:
    main.add_command(eval_command)
