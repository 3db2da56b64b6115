"""The upload/paste box: take one article from a request (a file or pasted text), bounded in
size and type, and code it on the spot. Nothing is stored.

Accepted: ``multipart/form-data`` or ``application/x-www-form-urlencoded`` forms (fields
``file``, ``text``, ``type``, ``published``) and raw ``text/plain`` or ``text/html`` bodies.
The body is read in chunks and refused as soon as it passes the limit, so a huge upload
costs no more memory than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.datastructures import UploadFile
from starlette.requests import Request

from dyad.ingest import parse_published, read_html, read_text

if TYPE_CHECKING:
    from dyad.reader import Reader
    from dyad.records import Reading

#: Largest article accepted (1 MiB): five times the longest text the reader codes whole
#: (``MAX_ARTICLE_CHARS``), room enough for the HTML around it.
MAX_UPLOAD_BYTES = 1024 * 1024

#: Room for a form's framing (multipart boundaries, headers, the small fields) on top of the article.
FORM_OVERHEAD_BYTES = 16 * 1024

#: The article types the box codes.
ACCEPTED_TYPES = ("text/plain", "text/html")


class UploadProblem(Exception):
    """A request the box refuses, with its HTTP status and error type."""

    def __init__(self, status: int, type_: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.type = type_
        self.message = message


@dataclass(frozen=True, slots=True)
class Upload:
    content: str | bytes
    kind: str  # one of ACCEPTED_TYPES
    name: str
    published: str | None = None


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def _too_large() -> UploadProblem:
    return UploadProblem(413, "too_large", f"the article is larger than {MAX_UPLOAD_BYTES // 1024} KiB; "
                                           "send a shorter one, or ingest big files with `dyad ingest`")


def _unsupported(kind: str) -> UploadProblem:
    shown = kind or "no type"
    return UploadProblem(415, "unsupported_type", f"can't code {shown[:60]}: send plain text (text/plain, "
                                                  "a .txt file) or a web page (text/html, a .html file)")


async def _body(request: Request) -> bytes:
    limit = MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise UploadProblem(400, "invalid_request", "the Content-Length header is not a number")
        if int(declared) > limit:
            raise _too_large()
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _replay(request: Request, body: bytes) -> Request:
    """A request whose body is ``body`` (already read), for Starlette's form parser."""
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


def _published(value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value) > 40 or parse_published(value) is None:
        raise UploadProblem(422, "invalid_request", "published must be a date as YYYY-MM-DD")
    return parse_published(value)


async def read_upload(request: Request) -> Upload:
    """The article of an upload request; raises ``UploadProblem`` for one the box refuses."""
    ctype = _media_type(request.headers.get("content-type"))
    if ctype not in ("multipart/form-data", "application/x-www-form-urlencoded", *ACCEPTED_TYPES):
        raise _unsupported(ctype)
    body = await _body(request)
    if ctype in ACCEPTED_TYPES:
        upload = Upload(body, ctype, "body", _published(request.query_params.get("published")))
    else:
        upload = await _from_form(_replay(request, body))
    raw = upload.content.encode("utf-8") if isinstance(upload.content, str) else upload.content
    if len(raw) > MAX_UPLOAD_BYTES:
        raise _too_large()
    if not raw.strip():
        raise UploadProblem(400, "unreadable_input", "the article is empty: paste its text or choose a file")
    if b"\x00" in raw:
        raise UploadProblem(415, "unsupported_type", "this is a binary file (it has NUL bytes), not text or HTML")
    if upload.kind == "text/plain" and isinstance(upload.content, bytes):
        try:
            text = upload.content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UploadProblem(415, "unsupported_type", f"the text is not UTF-8 (byte 0x{raw[exc.start]:02x} at "
                                                         f"offset {exc.start}); save it as UTF-8 and retry") from exc
        upload = Upload(text, upload.kind, upload.name, upload.published)
    return upload


async def _from_form(request: Request) -> Upload:
    from starlette.formparsers import MultiPartException

    try:
        form = await request.form(max_files=1, max_fields=8, max_part_size=MAX_UPLOAD_BYTES + 1)
    except MultiPartException as exc:
        raise UploadProblem(400, "invalid_request", f"can't read the form: {exc.message}") from exc
    try:
        published = _published(form.get("published"))
        file = form.get("file")
        if isinstance(file, UploadFile) and file.filename:
            kind = _media_type(file.content_type)
            if kind not in ACCEPTED_TYPES:
                raise _unsupported(kind)
            content = await file.read(MAX_UPLOAD_BYTES + 1)
            if content:
                return Upload(content, kind, file.filename[:200], published)
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            kind = _media_type(str(form.get("type") or "text/plain"))
            if kind not in ACCEPTED_TYPES:
                raise _unsupported(kind)
            return Upload(text, kind, "pasted text", published)
    finally:
        await form.close()
    raise UploadProblem(400, "unreadable_input", "nothing to code: paste an article's text or choose a file")


def code_upload(upload: Upload, reader: Reader) -> Reading:
    """Read the upload into an Article (as ``dyad ingest`` would) and code it."""
    origin = f"upload:{upload.name}"
    if upload.kind == "text/html":
        article = read_html(upload.content, origin=origin, published=upload.published)
    else:
        article = read_text(str(upload.content), origin=origin, published=upload.published)
    return reader.read_article(article)
