"""``dyad spark``: code a corpus on Spark (local mode or a cluster) into Parquet tables."""

from __future__ import annotations

import sys
from dataclasses import replace

import click

from dyad.cli.options import reader_options
from dyad.options import Options

#: ``--format-in`` choices (as ``dyad.batch.spark.FORMATS``, repeated so ``--help`` needs no import).
INPUT_FORMATS = ("auto", "jsonl", "warc", "text")


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.argument("output", metavar="OUTPUT")
@click.option("--format-in", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
              help="How to read inputs: by file name (auto), or all as JSON Lines, WARC or text.")
@click.option("--partitions", type=click.IntRange(1, None), metavar="N",
              help="Partitions to code in (default: by input size, 1 to 3 per core).")
@click.option("--master", metavar="URL",
              help="Spark master, e.g. local[4] or yarn (default: spark-submit's, else local[*]).")
@click.option("--overwrite", is_flag=True, help="Replace OUTPUT if it exists.")
@click.option("--readings/--no-readings", default=True, show_default=True,
              help="Also write each whole reading as JSON (the readings table), for loading into a store.")
@reader_options
def spark_command(inputs: tuple[str, ...], output: str, format_in: str, partitions: int | None,
                  master: str | None, overwrite: bool, readings: bool, options: Options) -> None:
    """Read INPUT... (WARC, JSON Lines, text or HTML files, folders or globs on any Hadoop
    filesystem: local, hdfs://, s3a://) on Spark and write Parquet tables under OUTPUT: articles,
    events, quotes, actors, mentions, dates, places, paragraphs, embeds, related, failures and
    readings. Needs pyspark (pip install 'dyad-events[spark]') and Java 17+. --workers doesn't
    apply: Spark runs one process per core.

    \b
    Examples:
      dyad spark crawl/*.warc.gz articles.jsonl out/ --master 'local[2]'
      spark-submit src/dyad/batch/spark.py hdfs:///crawl/ hdfs:///dyad/2022/
    """
    if options.workers != 1:
        raise click.BadParameter("Spark runs one Python process per core; use --partitions or the "
                                 "executors' cores instead", param_hint="--workers")
    try:
        import pyspark  # noqa: F401 - only to say how to get it
    except ImportError as exc:
        raise click.ClickException("pyspark is not installed: pip install 'dyad-events[spark]'") from exc
    from pyspark.sql import SparkSession

    from dyad.batch.spark import run, session, summary

    owned = SparkSession.getActiveSession() is None
    spark = session(master)
    try:
        result = run(spark, list(inputs), output, fmt=format_in, partitions=partitions,
                     options=replace(options, workers=1), overwrite=overwrite, readings=readings)
    except FileExistsError as exc:
        raise click.UsageError(str(exc)) from exc
    finally:
        if owned:
            spark.stop()
    click.echo(summary(result), err=True)
    if result.failed:
        sys.exit(1)


def register(main: click.Group) -> None:
    main.add_command(spark_command)
