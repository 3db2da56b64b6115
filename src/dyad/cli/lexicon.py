"""``dyad lexicon import``: convert a PETRARCH/TABARI verb dictionary into dyad's event lexicon."""

from __future__ import annotations

import datetime
from pathlib import Path

import click


@click.group("lexicon")
def lexicon() -> None:
    """Event lexicon files: import another coder's verb dictionary.

    \b
    Example:
      dyad lexicon import CAMEO.2.0.txt --data-dir mydata
    """


@lexicon.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write DIR/events/verbs-petrarch.tsv; code with `dyad code --data-dir DIR`.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the converted rows to this file instead.")
@click.option("--discards", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also convert this PETRARCH discard dictionary into DIR/events/discards.tsv.")
@click.option("--source", default=None, help="What the header names as the source (default: FILE).")
@click.option("--commit", default="-", show_default=True, help="The source's commit or version.")
@click.option("--licence", default="see the source", show_default=True, help="The source's licence.")
def import_(file: Path, data_dir: Path | None, out: Path | None, discards: Path | None,
            source: str | None, commit: str, licence: str) -> None:
    """Convert FILE (a PETRARCH/TABARI verb dictionary such as PETRARCH2's CAMEO.2.0.txt) into
    dyad's lexicon format. Rows from your own verbs.tsv still win over the converted ones.

    \b
    Example:
      dyad lexicon import my.verbs.txt --data-dir mydata
      dyad lexicon import my.verbs.txt --discards my.discards.txt --data-dir mydata
      dyad code article.txt --data-dir mydata
    """
    from dyad.errors import DyadError
    from dyad.events.lexicon import cameo_codes
    from dyad.events.petrarch import convert, convert_discards, render, render_discards

    if (data_dir is None) == (out is None):
        raise click.UsageError("give one of --data-dir DIR or --out FILE")
    if discards is not None and data_dir is None:
        raise click.UsageError("--discards writes into --data-dir DIR")
    target = out if out is not None else data_dir / "events" / "verbs-petrarch.tsv"
    try:
        rows = convert(file.read_text(encoding="utf-8", errors="replace"), str(file),
                       known=cameo_codes(data_dir))
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(rows, source=source or file.name, commit=commit, licence=licence,
                             date=datetime.date.today().isoformat()), encoding="utf-8")
    click.echo(f"{len(rows)} rows -> {target}", err=True)
    if discards is not None:
        phrases = convert_discards(discards.read_text(encoding="utf-8", errors="replace"))
        written = data_dir / "events" / "discards.tsv"
        written.write_text(render_discards(phrases, source=discards.name, commit=commit, licence=licence,
                                           date=datetime.date.today().isoformat()), encoding="utf-8")
        click.echo(f"{len(phrases)} discards -> {written}", err=True)


def register(main: click.Group) -> None:
    main.add_command(lexicon)
