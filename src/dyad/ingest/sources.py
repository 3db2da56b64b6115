"""Find inputs (files, directories, globs, stdin) and dispatch each to its reader."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.errors import InputError
from dyad.ingest.html import read_html
from dyad.ingest.jsonl import read_json_document, read_jsonl
from dyad.ingest.text import read_text
from dyad.ingest.warc import read_warc
from dyad.options import Options
from dyad.records import Article

#: Text, HTML and JSON inputs larger than this (after decompression) are refused: it bounds
#: memory and stops gzip bombs. WARC files are streamed and have no such limit.
MAX_INPUT_BYTES = 64 * 1024 * 1024

#: Bytes sniffed to tell binary from text and to guess a format when the name doesn't say.
SNIFF_BYTES = 8192

_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
_JSON_EXT = {".json"}
_WARC_EXT = {".warc", ".arc"}


def expand(paths: Iterable[str | Path]) -> Iterator[str]:
    """Files named by ``paths``: files as given, directories recursively (sorted, hidden files
    skipped), globs expanded; ``-`` is stdin. A path that matches nothing is yielded as given so
    its reader reports it."""
    for raw in paths:
        p = str(raw)
        if p == "-":
            yield p
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif not os.path.exists(p) and any(ch in p for ch in "*?["):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield p
            for match in matches:
                if os.path.isdir(match):
                    yield from expand([match])
                else:
                    yield match
        else:
            yield p


def read_inputs(paths: Iterable[str | Path], options: Options | None = None) -> Iterator[Article | InputError]:
    """Yield every article in ``paths`` in order; an unreadable input yields an ``InputError``
    (with its path and line) in its place, so a batch reports it and goes on."""
    options = options or Options()
    for path in expand(paths):
        try:
            yield from read_path(path, options)
        except InputError as exc:
            yield exc


def read_path(path: str, options: Options | None = None) -> Iterator[Article | InputError]:
    """Read one file (or ``-`` for stdin) by its extension, else by sniffing its content."""
    options = options or Options()
    name = "<stdin>" if path == "-" else path
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc", ".arc", ".arc.gz")):
        yield from _read_warc_file(path, name)
        return
    data = _read_bytes(path, name)
    inner = lower[:-3] if lower.endswith(".gz") else lower
    if lower.endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
    if data[:5] == b"WARC/":
        yield from read_warc(io.BytesIO(data), path=name)
        return
    ext = os.path.splitext(inner)[1]
    if ext in _HTML_EXT:
        yield read_html(data, origin=name, published=options.published)
        return
    text = _decode(data, name)
    if ext in _JSONL_EXT:
        yield from read_jsonl(text.split("\n"), path=name)
    elif ext in _JSON_EXT:
        yield from read_json_document(text, path=name)
    elif ext in _TEXT_EXT:
        yield read_text(text, origin=name, published=options.published)
    else:
        yield from _sniffed(text, data, name, options)


def _sniffed(text: str, data: bytes, name: str, options: Options) -> Iterator[Article | InputError]:
    head = text.lstrip()[:SNIFF_BYTES].lower()
    if head.startswith("{"):
        yield from read_jsonl(text.split("\n"), path=name)
    elif head.startswith("[") and head[1:].lstrip().startswith("{"):
        yield from read_json_document(text, path=name)
    elif head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head:
        yield read_html(data, origin=name, published=options.published)
    else:
        yield read_text(text, origin=name, published=options.published)


def _read_bytes(path: str, name: str) -> bytes:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file", path=name) from exc
    except IsADirectoryError as exc:
        raise InputError("is a directory", path=name) from exc
    except OSError as exc:
        raise InputError(f"can't read ({exc.strerror or exc})", path=name) from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; split it (JSON Lines) or pass a WARC",
                         path=name)
    if not data.strip():
        raise InputError("empty file", path=name)
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    """Decompress gzip data, refusing truncated streams and bombs over ``MAX_INPUT_BYTES``."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            while chunk := fh.read(1 << 20):
                out.write(chunk)
                if out.tell() > MAX_INPUT_BYTES:
                    raise InputError(f"decompresses to over {MAX_INPUT_BYTES // (1024 * 1024)} MB (a gzip bomb?); refused",
                                     path=name)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(f"truncated or corrupt gzip data ({exc})", path=name) from exc
    result = out.getvalue()
    if not result.strip():
        raise InputError("empty file (after decompression)", path=name)
    return result


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary file (NUL bytes); dyad reads text, HTML, JSON Lines and WARC", path=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "re-encode it, e.g. iconv -f latin1 -t utf-8", path=name, line=line) from exc


def _read_warc_file(path: str, name: str) -> Iterator[Article | InputError]:
    if path == "-":
        data = _read_bytes(path, name)
        yield from read_warc(io.BytesIO(_gunzip(data, name) if data[:2] == b"\x1f\x8b" else data), path=name)
        return
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, streamed by the generator
    except OSError as exc:
        yield InputError(f"can't read ({exc.strerror or exc})", path=name)
        return
    with fh:
        # Python's gzip (not fastwarc's) decompresses, so a truncated .gz raises instead of ending quietly.
        stream = gzip.GzipFile(fileobj=fh) if _is_gzip(fh) else fh
        yield from read_warc(stream, path=name)


def _is_gzip(fh) -> bool:  # noqa: ANN001 - a binary file object
    magic = fh.read(2)
    fh.seek(0)
    return magic == b"\x1f\x8b"
