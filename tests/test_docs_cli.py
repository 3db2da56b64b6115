"""The CLI reference can't drift from the code, and every command's help ends with an example."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main

ROOT = Path(__file__).resolve().parent.parent


def _commands():
    for name, command in sorted(main.commands.items()):
        yield (name,)
        for sub in sorted(getattr(command, "commands", {})):
            yield (name, sub)


def test_docs_cli_reference_is_current():
    run = subprocess.run([sys.executable, "-m", "cogapp", "--check", str(ROOT / "docs" / "cli.md")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, "docs/cli.md is stale: run `cog -r docs/cli.md`\n" + run.stdout + run.stderr


@pytest.mark.parametrize("args", list(_commands()), ids=" ".join)
def test_docs_every_help_ends_with_an_example(args):
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0
    text = result.output
    assert "Example" in text and "dyad " in text.split("Example")[-1], f"dyad {' '.join(args)} --help has no example"
