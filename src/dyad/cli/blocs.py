"""``dyad bloc`` and ``dyad blocs``: a bloc's events, members over time and partner blocs (issue 17)."""

from __future__ import annotations

import click

from dyad.cli.options import db_option, format_option, open_db
from dyad.cli.render import emit_frame

_PERIODS = click.Choice(["day", "week", "month", "year"])
_DATA_DIR = click.option("--data-dir", type=click.Path(file_okay=False), metavar="DIR",
                         help="Folder of your own data files; DIR/blocs/*.tsv extend or override dyad's blocs.")
_EVENT_COLUMNS = ("date", "direction", "scope", "source_code", "source_name", "code", "label", "target_code",
                  "target_name", "n_reports")


@click.command("bloc")
@click.argument("bloc", metavar="BLOC")
@db_option
@click.option("--show", type=click.Choice(["series", "events", "members", "partners"]), default="series",
              show_default=True, help="What to print: the event series, the events themselves, the members "
                                      "over time, or the other blocs its members dealt with.")
@click.option("--with", "other", metavar="ACTOR", help="Only events with ACTOR (a code prefix or another bloc).")
@click.option("--by", type=_PERIODS, default="month", show_default=True, help="Period of the series.")
@click.option("--date", metavar="DATE", help="With --show members: only the members on DATE.")
@click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Events on or before DATE.")
@_DATA_DIR
@format_option("table", "json", "csv", default="table")
def bloc_command(bloc, db, show, other, by, date, since, until, data_dir, fmt) -> None:  # noqa: ANN001, PLR0913
    """The events of BLOC's members (a bloc id: WEST, SCO, NATO, EU ...), each state counted only
    while a member on the event's date: per period, internal (member to member), outward and inward.

    \b
    Examples:
      dyad bloc SCO --by month
      dyad bloc WEST --with RUS --show events
      dyad bloc NATO --show members --date 2023-04-04
    """
    from dyad.actors import load_blocs
    from dyad.analysis.blocs import bloc_dyad_events, bloc_events, bloc_members, bloc_partners, bloc_series
    from dyad.analysis.dyads import series_of

    tables = load_blocs(data_dir)
    for warning in tables.warnings:
        click.echo(f"dyad: warning: {warning}", err=True)
    found = tables.find(bloc)
    if found is None:
        raise click.BadParameter(f"{bloc!r} is not a bloc; `dyad blocs` lists them", param_hint="BLOC")
    if show == "members":
        df = bloc_members(found.id, date=date, tables=tables)
        emit_frame(df, fmt, tuple(df.columns))
        return
    with open_db(db, create=False) as store:
        if show == "partners":
            df = bloc_partners(store, found.id, since=since, until=until, tables=tables)
        elif other:
            df = bloc_dyad_events(store, found.id, other.upper(), since=since, until=until, tables=tables)
            df = series_of(df, by=by) if show == "series" else df
        else:
            df = (bloc_series(store, found.id, by=by, since=since, until=until, tables=tables) if show == "series"
                  else bloc_events(store, found.id, since=since, until=until, tables=tables))
    columns = tuple(c for c in _EVENT_COLUMNS if c in df.columns) if show == "events" else tuple(df.columns)
    emit_frame(df, fmt, columns)


@click.command("blocs")
@click.option("--date", metavar="DATE", help="Count members on DATE (default: today).")
@_DATA_DIR
@format_option("table", "json", "csv", default="table")
def blocs_command(date, data_dir, fmt) -> None:  # noqa: ANN001
    """The blocs dyad knows: id, actor code, kind, members on DATE, and how it is defined.

    \b
    Example:
      dyad blocs --date 2005-01-01
    """
    import pandas as pd

    from dyad.actors import load_blocs

    tables = load_blocs(data_dir)
    rows = [{"id": b.id, "code": b.code, "name": b.name, "kind": b.kind,
             "members": len(tables.members(b.id, date)), "definition": b.definition}
            for b in tables.blocs.values()]
    df = pd.DataFrame(rows, columns=["id", "code", "name", "kind", "members", "definition"])
    emit_frame(df, fmt, ("id", "code", "name", "kind", "members"))
