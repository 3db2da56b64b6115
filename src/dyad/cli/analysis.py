"""``dyad dyads``, ``dyad dyad A B`` and ``dyad plot``: what the stored events add up to."""

from __future__ import annotations

import click

from dyad.cli.options import format_option
from dyad.cli.options import db_option, open_db
from dyad.cli.render import emit_frame

_PERIODS = click.Choice(["day", "week", "month", "year"])


@click.command("dyads")
@db_option
@click.option("--top", default=20, show_default=True, type=click.IntRange(1, 10_000), help="How many dyads.")
@click.option("--level", type=click.Choice(["country", "code"]), default="country", show_default=True,
              help="Group actors by country (RUS) or by full code (RUSGOV, RUSMIL).")
@click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Events on or before DATE.")
@click.option("--include-self", is_flag=True, help="Keep domestic dyads (BLR -> BLR).")
@format_option("table", "json", "csv", default="table")
def dyads_command(db, top, level, since, until, include_self, fmt) -> None:  # noqa: ANN001
    """The most active directed dyads: events, reports, cooperation vs conflict, mean Goldstein.

    \b
    Example:
      dyad dyads --top 20 --since 2022-01
    """
    from dyad.analysis import top_dyads

    with open_db(db, create=False) as store:
        df = top_dyads(store, n=top, level=level, since=since, until=until, include_self=include_self)
    emit_frame(df, fmt, tuple(df.columns))


@click.command("dyad")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@db_option
@click.option("--by", type=_PERIODS, default="month", show_default=True, help="Period of the series.")
@click.option("--one-way", is_flag=True, help="Only A -> B (default: both directions); symmetric events (meetings, talks, agreements) count either way.")
@click.option("--since", metavar="DATE", help="Events on or after DATE (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Events on or before DATE.")
@format_option("table", "json", "csv", default="table")
def dyad_command(a, b, db, by, one_way, since, until, fmt) -> None:  # noqa: ANN001
    """The time series of the events between actors A and B (code prefixes: RUS, CHNGOV, or
    blocs: WEST, SCO, NATO, whose members count only while members on each event's date):
    counts by quad class, cooperation vs conflict, Goldstein sum and mean, reports.

    \b
    Examples:
      dyad dyad RUS CHN --by month
      dyad dyad WEST RUS --by year
    """
    from dyad.analysis.blocs import bloc_dyad_series  # issue 17: A or B may be a bloc (WEST, SCO)

    with open_db(db, create=False) as store:
        df = bloc_dyad_series(store, a.upper(), b.upper(), by=by, both_directions=not one_way, since=since,
                              until=until)
    emit_frame(df, fmt, tuple(df.columns))


@click.group("plot")
def plot_group() -> None:
    """Draw the analytics as PNG images (matplotlib).

    \b
    Examples:
      dyad plot dyad RUS CHN -o rus-chn.png
      dyad plot network -o net.png
    """


@plot_group.command("dyad")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@db_option
@click.option("--by", type=_PERIODS, default="month", show_default=True, help="Period of the series.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="PNG file to write.")
def plot_dyad(a, b, db, by, output) -> None:  # noqa: ANN001
    """Stacked bars of A<->B events per period by quad class, with the mean Goldstein score.

    \b
    Example:
      dyad plot dyad RUS CHN -o rus-chn.png
    """
    from dyad.analysis import dyad_series, plot_dyad_series

    with open_db(db, create=False) as store:
        series = dyad_series(store, a.upper(), b.upper(), by=by)
    path = plot_dyad_series(series, output, title=f"{a.upper()} <-> {b.upper()} events by {by}")
    click.echo(f"wrote {path} ({len(series)} periods)", err=True)


@plot_group.command("network")
@db_option
@click.option("--level", type=click.Choice(["country", "code"]), default="country", show_default=True)
@click.option("--since", metavar="DATE")
@click.option("--until", metavar="DATE")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="PNG file to write.")
def plot_network_command(db, level, since, until, output) -> None:  # noqa: ANN001
    """The actor network: who acts on whom, edge width by events, colour by mean Goldstein.

    \b
    Example:
      dyad plot network -o net.png
    """
    from dyad.analysis import actor_network, plot_network

    with open_db(db, create=False) as store:
        graph = actor_network(store, level=level, since=since, until=until)
    path = plot_network(graph, output)
    click.echo(f"wrote {path} ({graph.number_of_nodes()} actors, {graph.number_of_edges()} dyads)", err=True)


def register(main: click.Group) -> None:
    from dyad.cli.blocs import bloc_command, blocs_command  # issue 17

    for command in (dyads_command, dyad_command, plot_group, bloc_command, blocs_command):
        main.add_command(command)
