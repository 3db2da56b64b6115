"""Connections to SQLite (the default) and PostgreSQL behind one small interface, and migrations.

SQL is written once, with ``?`` placeholders, and always parameterised; for PostgreSQL the
placeholders become ``%s``. Driver exceptions are translated into ``StoreError`` here and only
here, with a message that says what to do.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from dyad.errors import StoreError

Dialect = Literal["sqlite", "postgresql"]

#: The database used when neither ``--db`` nor ``DYAD_DB`` names one.
DEFAULT_DB = "dyad.db"

#: Environment variable naming the database (a path or a ``postgresql://`` URL).
DB_ENV = "DYAD_DB"

#: Seconds SQLite waits for another process's write lock. A batch commit takes milliseconds, so
#: a lock held this long belongs to something stuck (or to a long query in another program).
SQLITE_BUSY_TIMEOUT = 10.0

#: Seconds to wait for a PostgreSQL server to answer before reporting it unreachable.
PG_CONNECT_TIMEOUT = 10

#: Advisory lock id serialising concurrent migrations of one PostgreSQL database ("dyad" in ASCII).
PG_MIGRATION_LOCK = 0x64796164

#: Advisory lock id serialising writers to one PostgreSQL database, as SQLite's write lock does:
#: two batches rebuilding the same events at once would each miss the other's reports.
PG_WRITE_LOCK = PG_MIGRATION_LOCK + 1

#: IN (...) lists are cut into chunks of this many parameters: far below SQLite's and
#: PostgreSQL's limits, and large enough that a batch needs a handful of statements.
MAX_IN_PARAMS = 500

#: The schema version this dyad writes: the number of the newest bundled migration.
SCHEMA_VERSION = 2

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+?)(?:\.(sqlite|postgresql))?\.sql$")

# Lone surrogates can't be encoded as UTF-8 by either driver, and PostgreSQL text can't hold
# NUL. They are replaced by U+FFFD, one character for one, so offsets stay valid.
_UNSTORABLE = {"sqlite": re.compile("[\ud800-\udfff]"), "postgresql": re.compile("[\x00\ud800-\udfff]")}


def now() -> str:
    """The current UTC time as ISO 8601 text, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def resolve_url(url: str | os.PathLike[str] | None) -> str:
    """``url``, else ``$DYAD_DB``, else ``dyad.db`` in the working directory."""
    if url is not None and str(url):
        return str(url)
    return os.environ.get(DB_ENV) or DEFAULT_DB


def dialect_of(url: str) -> Dialect:
    return "postgresql" if url.startswith(("postgresql://", "postgres://")) else "sqlite"


def redact(url: str) -> str:
    """The URL with its password replaced by ``***``, for messages."""
    if dialect_of(url) != "postgresql":
        return url
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def sqlite_path(url: str) -> str:
    """``sqlite:///rel.db`` / ``sqlite:////abs.db`` / a plain path -> the file path."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):] or ":memory:"
    if url.startswith("sqlite://"):
        return url[len("sqlite://"):] or ":memory:"
    return url


def _clean(row: Sequence[Any], pattern: re.Pattern[str]) -> tuple[Any, ...]:
    """``row`` with unstorable characters replaced; one regex scan per row, not per value."""
    if not pattern.search("\x1f".join(v for v in row if type(v) is str)):
        return tuple(row)
    return tuple(pattern.sub("\ufffd", v) if type(v) is str else v for v in row)


def _lower(value: Any) -> Any:
    """Unicode-aware lower() for SQLite, so LIKE filters match as PostgreSQL's do."""
    return value.lower() if isinstance(value, str) else value


class Database:
    """One connection to one database, with transactions, migrations and error translation."""

    def __init__(self, url: str, *, create: bool = True) -> None:
        self.url = url
        self.dialect: Dialect = dialect_of(url)
        self.where = redact(url)
        if self.dialect == "postgresql":
            self._conn = self._connect_pg()
        else:
            self._conn = self._connect_sqlite(create)
        self._in_transaction = False

    # -- connecting --------------------------------------------------------------------------
    def _connect_sqlite(self, create: bool) -> sqlite3.Connection:
        path = sqlite_path(self.url)
        if path != ":memory:" and not create and not Path(path).exists():
            raise StoreError(f"no database at {path}: run `dyad ingest FILE... --db {path}` first, "
                             "or name another with --db / DYAD_DB")
        if path != ":memory:":
            parent = Path(path).resolve().parent
            if not parent.is_dir():
                raise StoreError(f"can't create database {path}: folder {parent} does not exist")
        try:
            conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT, isolation_level=None,
                                   check_same_thread=False)
            conn.create_function("lower", 1, _lower, deterministic=True)
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL: readers never block the writer and a killed writer loses only its open
            # transaction; NORMAL sync is durable against process crashes (kill -9) in WAL mode.
            if path != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc
        return conn

    def _connect_pg(self):  # noqa: ANN202 - psycopg.Connection
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs the psycopg driver: pip install 'dyad-events[pg]' "
                             "(or pip install 'psycopg[binary]==3.3.9')") from exc
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=PG_CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise StoreError(f"can't connect to PostgreSQL at {self.where}: {_first_line(exc)}. "
                             "Check that the server runs and the URL (user, password, database) "
                             "is right") from exc

    def close(self) -> None:
        try:
            self._conn.close()
        except (sqlite3.Error, OSError):
            pass
        except Exception as exc:  # noqa: BLE001 - closing a dead PostgreSQL connection may raise anything the driver has
            if not _is_driver_error(exc):
                raise

    # -- errors ------------------------------------------------------------------------------
    def _translate(self, exc: Exception) -> StoreError:
        """The driver's error as a ``StoreError``; ``.transient`` is True when the database (not
        the data) is the problem: locked, unreachable, connection lost."""
        error = self._translate_message(exc)
        if isinstance(exc, sqlite3.Error):
            low = _first_line(exc).lower()
            # the database, not the data, is the problem: stop the run (rerunning resumes)
            error.transient = any(word in low for word in ("locked", "busy", "full", "disk i/o"))
        else:
            import psycopg

            error.transient = isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError))
        return error

    def _translate_message(self, exc: Exception) -> StoreError:
        text = _first_line(exc)
        if isinstance(exc, sqlite3.Error):
            low = text.lower()
            if "locked" in low or "busy" in low:
                return StoreError(f"database {self.where} is locked by another process (waited "
                                  f"{SQLITE_BUSY_TIMEOUT:g} s); wait for the other dyad run or "
                                  "program using it to finish, then retry. Nothing was written")
            if "full" in low or "disk i/o" in low:
                return StoreError(f"can't write {self.where}: {text} (the disk is full, a file size limit was "
                                  "reached, or the disk failed); the open batch was rolled back, what was "
                                  "committed is kept. Free some space, then run the same command again to resume")
            if "not a database" in low or "malformed" in low:
                return StoreError(f"{self.where} is not a dyad (SQLite) database or is damaged: {text}")
            if "readonly" in low or "read-only" in low:
                return StoreError(f"database {self.where} is read-only: {text}")
            return StoreError(f"database error in {self.where}: {text}")
        import psycopg

        if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
            return StoreError(f"lost the connection to PostgreSQL at {self.where} ({text}); the "
                              "open transaction was rolled back, nothing of it was written. Rerun "
                              "to resume")
        return StoreError(f"database error in {self.where}: {text}")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise self._translate(exc) from exc
        except StoreError:
            raise
        except Exception as exc:
            if _is_driver_error(exc):
                raise self._translate(exc) from exc
            raise

    # -- statements --------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.dialect == "postgresql" else sql

    def _params(self, params: Sequence[Any]) -> tuple[Any, ...]:
        return _clean(params, _UNSTORABLE[self.dialect])

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self._errors():
            self._conn.execute(self._sql(sql), self._params(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        rows = [self._params(r) for r in rows]
        with self._errors():
            if self.dialect == "postgresql":
                with self._conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)
            else:
                self._conn.executemany(sql, rows)

    def insert_many(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows: one prepared INSERT for SQLite, ``COPY`` (one round trip) for PostgreSQL."""
        if not rows:
            return
        if self.dialect != "postgresql":
            marks = ", ".join("?" * len(columns))
            self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
            return
        with self._errors(), self._conn.cursor() as cur, \
                cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(self._params(row))

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Run a SELECT; returns (column names, rows)."""
        with self._errors():
            cur = self._conn.cursor()
            try:
                cur.execute(self._sql(sql), self._params(params))
                columns = [d[0] for d in cur.description or ()]
                return columns, [tuple(r) for r in cur.fetchall()]
            finally:
                cur.close()

    def iter_query(self, sql: str, params: Sequence[Any] = (), *, chunk: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream a SELECT's rows as dicts, ``chunk`` rows at a time."""
        with self._errors():
            cur = self._conn.cursor()
            try:
                cur.execute(self._sql(sql), self._params(params))
                columns = [d[0] for d in cur.description or ()]
                while rows := cur.fetchmany(chunk):
                    for row in rows:
                        yield dict(zip(columns, row, strict=True))
            finally:
                cur.close()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        _, rows = self.query(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements inside commit together or not at all."""
        if self._in_transaction:
            raise StoreError("internal error: nested transaction")
        self._in_transaction = True
        try:
            if self.dialect == "postgresql":
                with self._errors(), self._conn.transaction():
                    yield
            else:
                # BEGIN and COMMIT inside the try: an interrupt (SIGTERM, Ctrl-C) landing just
                # after BEGIN, or a COMMIT that fails (disk full), still rolls back
                try:
                    with self._errors():
                        self._conn.execute("BEGIN IMMEDIATE")
                    yield
                    with self._errors():
                        self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        try:
                            self._conn.execute("ROLLBACK")
                        except sqlite3.Error:
                            pass  # the original error says more than a failed rollback
                    raise
        finally:
            self._in_transaction = False

    @contextmanager
    def read_transaction(self) -> Iterator[None]:
        """Every SELECT inside sees the database as of one moment (SQLite WAL snapshot,
        PostgreSQL REPEATABLE READ), however many commits other processes make meanwhile.
        Inside a transaction already, it adds nothing."""
        if self._in_transaction:
            yield
            return
        self._in_transaction = True
        try:
            if self.dialect == "postgresql":
                with self._errors(), self._conn.transaction():
                    self.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield
            else:
                with self._errors():
                    self._conn.execute("BEGIN DEFERRED")
                try:
                    yield
                finally:
                    if self._conn.in_transaction:
                        try:
                            self._conn.execute("ROLLBACK")  # ends the snapshot; nothing was written
                        except sqlite3.Error:
                            pass
        finally:
            self._in_transaction = False

    def lock_for_writing(self) -> None:
        """Inside a transaction: wait until no other writer holds the database (PostgreSQL;
        SQLite's ``BEGIN IMMEDIATE`` already did)."""
        if self.dialect == "postgresql":
            self.execute("SELECT pg_advisory_xact_lock(?)", (PG_WRITE_LOCK,))

    def in_chunks(self, values: Sequence[Any]) -> Iterator[tuple[str, Sequence[Any]]]:
        """``(placeholders, values)`` pairs for ``IN (...)`` clauses over a long list."""
        for i in range(0, len(values), MAX_IN_PARAMS):
            part = values[i:i + MAX_IN_PARAMS]
            yield ", ".join("?" * len(part)), part

    def collate(self, column: str) -> str:
        """``column`` sorted byte-wise on both databases, so both order rows the same way."""
        return f'{column} COLLATE "C"' if self.dialect == "postgresql" else column

    def table_exists(self, name: str) -> bool:
        if self.dialect == "postgresql":
            return self.scalar("SELECT to_regclass(?) IS NOT NULL", (name,)) is True
        return self.scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) == 1

    # -- migrations --------------------------------------------------------------------------
    def schema_version(self) -> int:
        if not self.table_exists("schema_version"):
            return 0
        return int(self.scalar("SELECT MAX(version) FROM schema_version") or 0)

    def migrate(self) -> int:
        """Apply every migration newer than the database; returns the schema version.

        Refuses (``StoreError``) a database written by a newer dyad, before writing anything.
        """
        steps = migrations(self.dialect)
        latest = steps[-1][0] if steps else 0
        current = self.schema_version()
        self._check_not_newer(current, latest)
        if current == latest:
            return current
        with self.transaction():
            if self.dialect == "postgresql":
                self.execute("SELECT pg_advisory_xact_lock(?)", (PG_MIGRATION_LOCK,))
            self.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                         "name TEXT NOT NULL, applied TEXT NOT NULL)")
            current = int(self.scalar("SELECT MAX(version) FROM schema_version") or 0)
            self._check_not_newer(current, latest)
            for version, name, sql in steps:
                if version <= current:
                    continue
                for statement in split_statements(sql):
                    self.execute(statement)
                self.execute("INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)",
                             (version, name, now()))
        return latest

    def check_version(self, current: int) -> None:
        """For a database opened without migrating: refuse one this dyad can't read."""
        self._check_not_newer(current, SCHEMA_VERSION)
        if current < SCHEMA_VERSION:
            raise StoreError(f"database {self.where} has schema version {current}, older than this dyad's "
                             f"({SCHEMA_VERSION}); open it once for writing (e.g. `dyad ingest` or "
                             "open_store(url)) to upgrade it")

    def _check_not_newer(self, current: int, latest: int) -> None:
        if current > latest:
            raise StoreError(f"database {self.where} has schema version {current}, newer than this "
                             f"dyad understands ({latest}); upgrade dyad (pip install -U dyad-events) "
                             "or use another database. Nothing was written")


def migrations(dialect: Dialect) -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` of the bundled migrations for ``dialect``, in order.

    ``NNNN_name.sql`` serves both databases; ``NNNN_name.sqlite.sql`` / ``.postgresql.sql``
    override it for one.
    """
    chosen: dict[int, tuple[str, str, bool]] = {}
    for entry in resources.files("dyad.store").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if not match:
            continue
        version, name, only = int(match.group(1)), match.group(2), match.group(3)
        if only and only != dialect:
            continue
        if version in chosen and chosen[version][2] and not only:
            continue  # a dialect-specific file wins over the shared one
        chosen[version] = (name, entry.read_text(encoding="utf-8"), bool(only))
    return [(v, name, sql) for v, (name, sql, _) in sorted(chosen.items())]


def split_statements(sql: str) -> list[str]:
    """Split a migration into statements: ``--`` comments dropped, ``;`` at a line's end ends one."""
    statements, current = [], []
    for line in sql.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        current.append(line)
        if stripped.endswith(";"):
            statements.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current))
    return statements


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _is_driver_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith("psycopg")
