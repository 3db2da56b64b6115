"""WARC / WARC.gz -> Articles, streamed record by record in constant memory (fastwarc)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from dyad.errors import InputError
from dyad.ingest.html import read_html
from dyad.records import Article

#: Response payloads larger than this are skipped with an error: no news page is 20 MB of HTML.
MAX_RECORD_BYTES = 20_000_000



def read_warc(stream: BinaryIO, *, path: str) -> Iterator[Article | InputError]:
    """Yield an Article for each HTML response record; an InputError for each unreadable one."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    count = 0
    try:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                      fsspec_args=False):
            count += 1
            uri = record.headers.get("WARC-Target-URI")
            rid = record.record_id
            if not uri or record.content_length == 0:
                yield InputError(f"truncated or malformed record at byte {record.stream_pos}", path=path)
                continue
            origin = f"{path}#{uri or rid}"
            http = record.http_headers
            ctype = (http.get("Content-Type") if http is not None else "") or ""
            if "html" not in ctype.lower():
                continue
            status = http.status_code if http is not None else 200
            if status and status >= 400:
                yield InputError(f"record {rid}: HTTP {status} for {uri}", path=path)
                continue
            if record.content_length > MAX_RECORD_BYTES:
                yield InputError(f"record {rid}: payload over {MAX_RECORD_BYTES} bytes, skipped", path=path)
                continue
            payload = record.reader.read()
            try:
                yield read_html(payload, origin=origin, url=uri)
            except InputError as exc:
                yield InputError(f"record {rid} ({uri}): {exc.message}", path=path)
    except (OSError, ValueError, EOFError) as exc:  # fastwarc reports broken streams as OSError
        yield InputError(f"WARC stream broken after {count} records ({exc})", path=path)
        return
    if count == 0:
        yield InputError("no WARC response records found (not a WARC file, or truncated)", path=path)

