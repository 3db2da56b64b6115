"""JSON Lines (one article per line) -> Article.

Each line is an object with ``text`` (required) and optionally ``id``, ``title``,
``published`` or ``date``, ``url``, ``source``, ``byline`` or ``author``. The output's
``article.id`` is the input ``id`` when given, else the content hash. A ``.json`` file holding
one object or an array of objects is read the same way. HTML character references left in the
text or title (``&ldquo;``, ``&#8217;``) are decoded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from dyad.errors import InputError
from dyad.ingest.article import decode_entities, make_article, parse_published, split_paragraphs, without_surrogates
from dyad.records import Article


def article_from_object(obj: object, *, origin: str, path: str, line: int | None) -> Article:
    """One JSON object -> Article; ``InputError`` naming path and line when it isn't one."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", path=path, line=line)
    obj = without_surrogates(obj)
    text = obj.get("text") or obj.get("body") or obj.get("content")
    if not isinstance(text, str) or not text.strip():
        raise InputError("JSON object has no 'text' string", path=path, line=line)
    published = obj.get("published") or obj.get("date") or obj.get("publish_date")
    byline = obj.get("byline") or obj.get("author") or obj.get("authors")
    if isinstance(byline, list):
        byline = ", ".join(str(b) for b in byline)
    ident = obj.get("id")
    title = _str(obj.get("title"))
    return make_article(split_paragraphs(decode_entities(text)), title=decode_entities(title) if title else None,
                        byline=_str(byline),
                        published=parse_published(_str(published)), url=_str(obj.get("url")),
                        source=_str(obj.get("source")), article_id_=_str(ident) if ident is not None else None,
                        origin=origin)


def _str(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def read_jsonl(lines: Iterable[str], *, path: str) -> Iterator[Article | InputError]:
    """Yield an Article per line, or an InputError (with the line number) for a malformed line."""
    seen_any = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON line ({exc.msg} at column {exc.colno})", path=path, line=number)
            continue
        try:
            yield article_from_object(obj, origin=f"{path}:{number}", path=path, line=number)
        except InputError as exc:
            yield exc
    if not seen_any:
        yield InputError("empty JSON Lines file", path=path)


def read_json_document(raw: str, *, path: str) -> Iterator[Article | InputError]:
    """A ``.json`` file: one object or an array of objects (falls back to JSON Lines)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        yield from read_jsonl(raw.split("\n"), path=path)
        return
    items = data if isinstance(data, list) else [data]
    for index, obj in enumerate(items, start=1):
        try:
            yield article_from_object(obj, origin=f"{path}#{index}", path=path, line=None)
        except InputError as exc:
            yield exc
