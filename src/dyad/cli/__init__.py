"""The ``dyad`` command: a thin click layer that parses arguments, calls the API and prints.

Stdout carries data only; progress bars and logs go to stderr. Exit status: 0 when every input
was read, 1 when some failed (they are listed on stderr), 2 on misuse.
"""

from __future__ import annotations

import importlib
import logging

import click

#: Subcommand modules, each defining click commands registered on ``main`` by ``register``.
COMMAND_MODULES = ("code", "eval", "store", "analysis", "resolve", "spark", "serve", "lexicon")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="dyad-events", prog_name="dyad")
def main() -> None:
    """dyad: political event data from news articles, offline.

    \b
    Example:
      dyad code examples/samarkand-2022-09-16.txt --format table
    """
    _setup_logging()


def _setup_logging() -> None:
    """dyad's warnings (bad rows in a user's data file, truncated articles) go to stderr."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("dyad: warning: %(message)s"))
    logger = logging.getLogger("dyad")
    if not logger.handlers:
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)

for _name in COMMAND_MODULES:
    importlib.import_module(f"dyad.cli.{_name}").register(main)
