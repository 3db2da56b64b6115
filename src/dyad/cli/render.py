"""Human-readable summaries of readings for the terminal."""

from __future__ import annotations

import csv
import io
import json
import math
import textwrap
from typing import Any

import click

from dyad.records import ActorRef, Reading

#: Quotes longer than this are shortened in the table (the JSON keeps them whole).
QUOTE_PREVIEW_CHARS = 90


def _who(ref: ActorRef | None) -> str:
    if ref is None:
        return "?"
    return f"{ref.name} [{ref.code or '-'}]"


def reading_table(reading: Reading) -> str:
    """A readable summary of one reading: header, events, quotes, actors, dates, places."""
    a = reading.article
    lines = [f"== {a.title or '(untitled)'}",
             f"   {', '.join(x for x in (a.byline, a.source, a.published) if x) or 'no byline or date'}"
             f"  · id {a.id}  · {len(a.text.split())} words"]
    lines.append(f"\nEvents ({len(reading.events)})")
    for e in reading.events:
        where = f" @ {e.location.name}" if e.location else ""
        mod = "" if e.modality == "asserted" else f" ({e.modality})"
        lines.append(f"  {e.date or '?':10}  {_who(e.source)} -> {_who(e.target)}  "
                     f"{e.code} {e.label}{mod}{where}")
    lines.append(f"\nQuotes ({len(reading.quotes)})")
    for q in reading.quotes:
        text = textwrap.shorten(q.text, QUOTE_PREVIEW_CHARS, placeholder=" ...")
        extra = []
        if q.addressee:
            extra.append(f"to {q.addressee.name}")
        if q.reported_by:
            extra.append(f"via {q.reported_by.name}")
        lines.append(f"  {_who(q.speaker)}{' (' + ', '.join(extra) + ')' if extra else ''}: \"{text}\"")
    lines.append(f"\nActors ({len(reading.actors)})")
    for actor in reading.actors:
        role = f" — {actor.role}" if actor.role else ""
        lines.append(f"  {actor.code or '-':8} {actor.name}{role} ({len(actor.mentions)} mentions)")
    if reading.dates:
        lines.append(f"\nDates ({len(reading.dates)})")
        lines.extend(f"  {d.text!r} -> {d.resolved or 'unresolved'}" for d in reading.dates)
    if reading.places:
        lines.append(f"\nPlaces ({len(reading.places)})")
        lines.extend(f"  {p.text!r} -> {p.name}, {p.country or 'international'}" for p in reading.places)
    if a.embeds or a.related:
        lines.append(f"\nEmbeds: {len(a.embeds)}  Related links: {len(a.related)}")
    for w in reading.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines) + "\n"


#: Widest a table cell may be before it is shortened (JSON and CSV keep every character).
CELL_CHARS = 48


def _plain(value: Any) -> Any:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def emit_frame(df, fmt: str, columns: tuple[str, ...]) -> None:  # noqa: ANN001 - a DataFrame
    """Print a DataFrame as JSON, CSV, or a table of ``columns`` (the row count goes to stderr)."""
    records = [{c: _plain(v) for c, v in row.items()} for row in df.to_dict("records")]
    out = io.StringIO()
    if fmt == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(list(df.columns))
        for r in records:
            writer.writerow(["" if r[c] is None else r[c] for c in df.columns])
    elif records:
        cells = [[_cell(r[c]) for c in columns] for r in records]
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        for row in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
    click.echo(out.getvalue(), nl=False)
    if fmt == "table":
        click.echo(f"({len(records)} rows)" if records else "(no rows)", err=True)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    text = " ".join(str(value).split())
    return textwrap.shorten(text, CELL_CHARS, placeholder="...") if len(text) > CELL_CHARS else text
