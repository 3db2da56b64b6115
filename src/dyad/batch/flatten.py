"""Flatten readings (the JSON contract) into the rows of relational tables: one table per list.

    articles    one row per article: article_id, title, byline, published, ..., text, warnings
    paragraphs  article.paragraphs        article_id, seq, start, end
    embeds      article.embeds            article_id, seq, kind, text, author, ...
    related     article.related           article_id, seq, title, url
    actors      reading.actors            article_id, seq, id, name, code, country, sector, role
    mentions    reading.actors[].mentions article_id, actor_seq, seq, text, start, end
    quotes      reading.quotes            article_id, seq, text, start, end, speaker_name, ...
    events      reading.events            article_id, seq, source_name, source_code, ..., code, root,
                                          label, ..., location_lat, ..., evidence_start, evidence_end
    dates       reading.dates             article_id, seq, text, start, end, resolved, precision
    places      reading.places            article_id, seq, text, start, end, name, country, lat, ...

The tables and their columns are derived from the records of ``dyad.records`` (whose
``to_dict()`` *is* the contract), so a field added to a record becomes a column here with no
edit: a nested record becomes prefixed columns (``event.source.code`` -> ``source_code``, a
missing target -> null ``target_*``), a list of records becomes a child table keyed by
``article_id``, the parent's position (``actor_seq``) and its own position (``seq``), and a
list of strings (``warnings``) a list column. ``flatten(reading_dict)`` works on the plain
dict, so Spark's rows and a flattened ``dyad code --format jsonl`` line compare equal.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union

from dyad.records import Reading

Kind = Literal["string", "int", "float", "bool", "strings", "json"]

#: Python types of record fields -> column kinds (``X | None`` is X, nullable).
_SCALAR_KINDS: dict[type, Kind] = {str: "string", int: "int", float: "float", bool: "bool"}

#: The table of the reading's own record: one row per article.
ROOT_TABLE = "articles"


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its name, kind, and the keys leading to its value in a list element's dict."""

    name: str
    kind: Kind
    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table: ``path`` leads from its parent's element to its list (``()`` for the root);
    ``keys`` are the leading key columns (``article_id``, the parents' ``*_seq``, ``seq``)."""

    name: str
    path: tuple[str, ...]
    parent: str | None
    keys: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return self.keys + tuple(c.name for c in self.columns)

    @property
    def kinds(self) -> tuple[Kind, ...]:
        key_kinds: tuple[Kind, ...] = tuple("string" if i == 0 else "int" for i in range(len(self.keys)))
        return key_kinds + tuple(c.kind for c in self.columns)


def _unoptional(hint: Any) -> Any:
    """``X | None`` -> X; other hints unchanged."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _element_of(hint: Any) -> Any | None:
    """``tuple[X, ...]`` or ``list[X]`` -> X; None when ``hint`` is no homogeneous sequence."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    if origin is list and len(args) == 1:
        return args[0]
    return None


def _kind(hint: Any) -> Kind:
    if typing.get_origin(hint) is Literal:
        values = typing.get_args(hint)
        return _SCALAR_KINDS.get(type(values[0]), "json") if values else "json"
    if hint in _SCALAR_KINDS:
        return _SCALAR_KINDS[hint]
    element = _element_of(hint)
    if element is not None and _kind(_unoptional(element)) == "string":
        return "strings"
    return "json"


def _walk(cls: type, prefix: tuple[str, ...]) -> tuple[list[Column], list[tuple[str, tuple[str, ...], type]]]:
    """Columns of record ``cls`` (nested records inlined under ``prefix``) and its child lists
    as (name, path, element record type)."""
    columns: list[Column] = []
    children: list[tuple[str, tuple[str, ...], type]] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        hint = _unoptional(hints[f.name])
        path = (*prefix, f.name)
        element = _element_of(hint)
        if dataclasses.is_dataclass(hint):
            sub_columns, sub_children = _walk(hint, path)
            columns += sub_columns
            children += sub_children
        elif element is not None and dataclasses.is_dataclass(_unoptional(element)):
            children.append((f.name, path, _unoptional(element)))
        else:
            columns.append(Column("_".join(path), _kind(hint), path))
    return columns, children


def _singular(name: str) -> str:
    return name[:-1] if name.endswith("s") and len(name) > 1 else name


def build_tables(root: type = Reading) -> dict[str, Table]:
    """All tables of ``root`` (a ``Reading``), the root table first, then children depth first."""
    columns, children = _walk(root, ())
    # The root table: the article's own fields without the ``article_`` prefix; its id is the key.
    article_columns = []
    for col in columns:
        if col.path == ("article", "id"):
            continue
        name = col.name.removeprefix("article_") if col.path[0] == "article" else col.name
        article_columns.append(Column(name, col.kind, col.path))
    tables: dict[str, Table] = {}
    _add(tables, Table(ROOT_TABLE, (), None, ("article_id",), tuple(article_columns)))
    stack = [(ROOT_TABLE, ("article_id",), child) for child in children]
    while stack:
        parent, parent_keys, (name, path, cls) = stack.pop(0)
        own, grandchildren = _walk(cls, ())
        if name in tables:
            name = f"{_singular(parent)}_{name}"
        keys = (*parent_keys, "seq")
        if parent != ROOT_TABLE:
            keys = (*parent_keys[:-1], f"{_singular(parent)}_seq", "seq")
        _add(tables, Table(name, path, parent, keys, tuple(own)))
        stack += [(name, keys, child) for child in grandchildren]
    return tables


def _add(tables: dict[str, Table], table: Table) -> None:
    names = table.column_names
    if len(set(names)) != len(names):
        raise ValueError(f"table {table.name!r} would have duplicate columns: {names}")
    tables[table.name] = table


#: The tables of a Reading, computed once.
TABLES: dict[str, Table] = build_tables()


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _coerce(value: Any, kind: Kind) -> Any:
    """A contract value as its column's type (an int goldstein becomes a float, etc.)."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "strings":
        return [v if isinstance(v, str) else str(v) for v in value]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _row(keys: tuple[Any, ...], element: dict[str, Any], table: Table) -> tuple[Any, ...]:
    return keys + tuple(_coerce(_get(element, c.path), c.kind) for c in table.columns)


def flatten(reading: dict[str, Any], tables: dict[str, Table] = TABLES) -> dict[str, list[tuple[Any, ...]]]:
    """One reading (a ``Reading.to_dict()`` or a parsed ``dyad code`` JSON object) -> rows per
    table, each row a tuple in ``table.column_names`` order."""
    article_id = _get(reading, ("article", "id"))
    out: dict[str, list[tuple[Any, ...]]] = {name: [] for name in tables}
    out[ROOT_TABLE].append(_row((article_id,), reading, tables[ROOT_TABLE]))
    # (table, the element its list hangs from, that element's key values)
    pending = [(t, reading, (article_id,)) for t in tables.values() if t.parent == ROOT_TABLE]
    while pending:
        table, owner, owner_keys = pending.pop(0)
        children = [t for t in tables.values() if t.parent == table.name]
        for seq, element in enumerate(_get(owner, table.path) or ()):
            keys = (*owner_keys, seq)
            out[table.name].append(_row(keys, element, table))
            pending += [(child, element, keys) for child in children]
    return out


def as_dicts(table: Table, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Rows as dicts keyed by column name (how pyarrow's ``to_pylist`` returns them)."""
    names = table.column_names
    return [dict(zip(names, row, strict=True)) for row in rows]
