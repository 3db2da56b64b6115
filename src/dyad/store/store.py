"""The event database: write readings in transactional batches, query events, quotes and actors."""

from __future__ import annotations

import json
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyad.errors import StoreError
from dyad.records import Reading
from dyad.store import dedup
from dyad.store.db import Database, now, resolve_url
from dyad.store.rows import (ACTOR_COLUMNS, ARTICLE_COLUMNS, DATE_COLUMNS, EVENT_COLUMNS, EVIDENCE_COLUMNS,
                             MENTION_COLUMNS, PLACE_COLUMNS, QUOTE_COLUMNS, content_hash,
                             reading_from_row, reading_rows)

if TYPE_CHECKING:
    import pandas as pd

#: Tables that hold one article's rows, deleted with it when a changed article replaces it.
ARTICLE_TABLES = ("mentions", "actors", "quotes", "dates", "places", "event_evidence")

#: Every table, for ``Store.counts()``.
TABLES = ("articles", "actors", "mentions", "events", "event_evidence", "quotes", "dates", "places", "runs",
          "failures")

ISO_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

#: Columns of ``Store.events()``, in order.
EVENT_VIEW = ("id", "date", "source_code", "source_name", "code", "label", "target_code", "target_name",
              "root", "plover", "quad_class", "goldstein", "modality", "place", "place_country", "lat", "lon",
              "n_reports", "n_articles", "n_sources", "date_precision", "source_country", "source_sector",
              "target_country", "target_sector", "plover_mode", "is_root", "first_article", "sentence",
              "first_ingested")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or article a run could not read, code or store."""

    reason: str
    input: str | None = None
    line: int | None = None
    article_id: str | None = None
    stage: str | None = None  # set when one stage failed and the article was stored without its records

    @classmethod
    def from_error(cls, exc: Exception) -> Failure:
        return cls(reason=getattr(exc, "message", None) or str(exc), input=getattr(exc, "path", None),
                   line=getattr(exc, "line", None), article_id=getattr(exc, "article_id", None))

    def __str__(self) -> str:
        where = self.input or (f"article {self.article_id}" if self.article_id else "")
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        reason = f"stage {self.stage} failed: {self.reason}" if self.stage else self.reason
        return f"{where}: {reason}" if where else reason


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one ``Store.write`` call changed."""

    added: int = 0
    replaced: int = 0
    failed: int = 0
    reports: int = 0


def _like(text: str) -> str:
    """A case-folded ``%text%`` LIKE pattern with LIKE's own wildcards escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def _check_date(value: str, name: str) -> str:
    if not ISO_DATE_PREFIX.match(value):
        raise ValueError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def until_bound(until: str) -> str:
    """The first date after ``until`` at its precision: 2022 -> 2023, 2022-09 -> 2022-10,
    2022-09-15 -> 2022-09-16 (so ``--until 2022-09`` keeps all of September)."""
    from datetime import date, timedelta

    _check_date(until, "until")
    if len(until) == 4:
        return f"{int(until) + 1:04d}"
    if len(until) == 7:
        year, month = int(until[:4]), int(until[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (date.fromisoformat(until) + timedelta(days=1)).isoformat()


def _add_sides(w: _Where, source: str | None, target: str | None) -> None:
    """``source`` / ``target`` code prefixes. A symmetric event (a meeting, talks: its block has
    ``<>``) has no direction, so it matches with its sides either way round."""
    def way(src: str | None, tgt: str | None) -> tuple[str, list[str]]:
        parts = [(f"e.{col}_code LIKE ? ESCAPE '\\'", _prefix(code.upper()))
                 for col, code in (("source", src), ("target", tgt)) if code]
        return " AND ".join(p for p, _ in parts), [v for _, v in parts]

    direct, params = way(source, target)
    swapped, swapped_params = way(target, source)
    w.add(f"(({direct}) OR (e.block LIKE ? ESCAPE '\\' AND {swapped}))", *params,
          f"%{dedup.SYMMETRIC_BLOCK}%", *swapped_params)


class _Where:
    """WHERE clauses and their parameters, built up filter by filter."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _frame(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(rows, columns=list(columns))


class Store:
    """A dyad event database (SQLite or PostgreSQL). Open one with ``open_store``.

    Writing: ``write(readings)`` stores a batch in one transaction. Reading: ``events()``,
    ``evidence()``, ``quotes()``, ``actors()``, ``articles()``, ``runs()``, ``failures()`` return
    pandas DataFrames; ``reading(article_id)`` returns the stored ``Reading``.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def url(self) -> str:
        return self.db.where

    @property
    def dialect(self) -> str:
        return self.db.dialect

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<dyad Store {self.db.where}>"

    # -- runs ----------------------------------------------------------------------------------
    def begin_run(self, *, coder_version: str, model: str | None = None, lexicon_version: str | None = None,
                  actor_table_version: str | None = None, data_versions: dict[str, str] | None = None,
                  options: dict[str, Any] | None = None, inputs: Sequence[str] = ()) -> str:
        """Record the start of a run; returns its id."""
        run_id = uuid.uuid4().hex[:16]
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO runs (id, coder_version, model, lexicon_version, actor_table_version, "
                "data_versions, options, inputs, started, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, coder_version, model, lexicon_version, actor_table_version,
                 json.dumps(data_versions or {}, sort_keys=True), json.dumps(options or {}, sort_keys=True,
                                                                             default=str),
                 json.dumps(list(inputs)), now(), "running"))
        return run_id

    def finish_run(self, run_id: str, status: str = "finished") -> None:
        with self.db.transaction():
            self.db.execute("UPDATE runs SET finished = ?, status = ? WHERE id = ?", (now(), status, run_id))

    # -- writing -------------------------------------------------------------------------------
    def content_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """``{article id: content hash}`` for the ids already stored."""
        found: dict[str, str] = {}
        ids = list(dict.fromkeys(article_ids))
        for marks, part in self.db.in_chunks(ids):
            _, rows = self.db.query(f"SELECT id, content_hash FROM articles WHERE id IN ({marks})", part)
            found.update({r[0]: r[1] for r in rows})
        return found

    def write(self, readings: Iterable[Reading], *, run_id: str | None = None, failures: Sequence[Failure] = (),
              hashes: dict[str, str] | None = None, seen: int | None = None, unchanged: int = 0) -> WriteResult:
        """Store ``readings`` (replacing stored articles of the same id), record ``failures`` and
        update the run's counts, all in one transaction: all of it is written or none.

        ``hashes`` gives the content hash of articles as they were read (before the reader
        filled in defaults); ``seen`` and ``unchanged`` only feed the run's counts.
        """
        latest: dict[str, Reading] = {}
        for reading in readings:
            latest[reading.article.id] = reading  # the same id twice in one batch: the last wins
        ingested = now()
        hashes = hashes or {}
        rows = [reading_rows(r, digest=hashes.get(i) or content_hash(r.article), run_id=run_id, ingested=ingested)
                for i, r in latest.items()]
        ids = list(latest)
        with self.db.transaction():
            self.db.lock_for_writing()
            existing = set(self.content_hashes(ids))
            blocks = self._blocks_of(sorted(existing))
            self._delete(sorted(existing))
            self.db.insert_many("articles", ARTICLE_COLUMNS, [r.article for r in rows])
            for table, columns, attr in (("actors", ACTOR_COLUMNS, "actors"),
                                         ("mentions", MENTION_COLUMNS, "mentions"),
                                         ("quotes", QUOTE_COLUMNS, "quotes"), ("dates", DATE_COLUMNS, "dates"),
                                         ("places", PLACE_COLUMNS, "places"),
                                         ("event_evidence", EVIDENCE_COLUMNS, "evidence")):
                self.db.insert_many(table, columns, [row for r in rows for row in getattr(r, attr)])
            for r in rows:
                blocks |= r.blocks
            self._rebuild(blocks)
            self._record_failures(run_id, failures)
            result = WriteResult(added=len(ids) - len(existing), replaced=len(existing),
                                 failed=sum(1 for f in failures if f.stage is None),
                                 reports=sum(len(r.evidence) for r in rows))
            if run_id is not None:
                self.db.execute(
                    "UPDATE runs SET articles_seen = articles_seen + ?, articles_added = articles_added + ?, "
                    "articles_replaced = articles_replaced + ?, articles_unchanged = articles_unchanged + ?, "
                    "articles_failed = articles_failed + ?, reports_added = reports_added + ? WHERE id = ?",
                    (seen if seen is not None else len(ids) + len(failures) + unchanged, result.added,
                     result.replaced, unchanged, result.failed, result.reports, run_id))
        return result

    def add(self, *readings: Reading) -> WriteResult:
        """Store readings outside any run (a convenience for scripts and tests)."""
        return self.write(readings)

    def delete(self, article_ids: Sequence[str]) -> int:
        """Delete articles (and everything read from them); returns how many existed."""
        with self.db.transaction():
            self.db.lock_for_writing()
            existing = sorted(self.content_hashes(article_ids))
            blocks = self._blocks_of(existing)
            self._delete(existing)
            self._rebuild(blocks)
        return len(existing)

    def rebuild_events(self) -> int:
        """Recompute every report's block and every event from its reports (after the dedup rule
        changed, e.g. on a database written before symmetric codes merged across directions);
        returns the number of events."""
        with self.db.transaction():
            self.db.lock_for_writing()
            self._rekey_blocks()
            _, rows = self.db.query("SELECT DISTINCT block FROM event_evidence")
            self.db.execute("DELETE FROM events")
            self._rebuild({r[0] for r in rows})
        return int(self.db.scalar("SELECT COUNT(*) FROM events") or 0)

    def _rekey_blocks(self) -> None:
        """Recompute every report's block with today's ``dedup.block_key`` (a database written
        before symmetric codes ignored direction keeps ``A>B`` blocks for its meetings)."""
        _, rows = self.db.query("SELECT article_id, idx, block, source_code, source_name, target_code, "
                                "target_name, root, modality, code FROM event_evidence")
        changed = []
        for article_id, idx, block, *sides, root, modality, code in rows:
            new = dedup.block_key(*sides, root, modality, code=code)
            if new != block:
                changed.append((new, article_id, idx))
        self.db.executemany("UPDATE event_evidence SET block = ? WHERE article_id = ? AND idx = ?", changed)

    def _blocks_of(self, article_ids: Sequence[str]) -> set[str]:
        blocks: set[str] = set()
        for marks, part in self.db.in_chunks(list(article_ids)):
            _, rows = self.db.query(f"SELECT DISTINCT block FROM event_evidence WHERE article_id IN ({marks})",
                                    part)
            blocks.update(r[0] for r in rows)
        return blocks

    def _delete(self, article_ids: Sequence[str]) -> None:
        for marks, part in self.db.in_chunks(list(article_ids)):
            for table in ARTICLE_TABLES:
                self.db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", part)
            self.db.execute(f"DELETE FROM articles WHERE id IN ({marks})", part)

    def _rebuild(self, blocks: set[str]) -> None:
        """Re-cluster the reports of ``blocks`` into events (see ``dyad.store.dedup``)."""
        if not blocks:
            return
        ordered = sorted(blocks)
        by_block: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for marks, part in self.db.in_chunks(ordered):
            columns, rows = self.db.query(
                "SELECT v.*, a.source AS outlet, a.url AS url, a.ingested AS ingested FROM event_evidence v "
                f"JOIN articles a ON a.id = v.article_id WHERE v.block IN ({marks})", part)
            for row in rows:
                record = dict(zip(columns, row, strict=True))
                by_block[record["block"]].append(record)
            self.db.execute(f"DELETE FROM events WHERE block IN ({marks})", part)
        events: list[tuple] = []
        moves: list[tuple] = []
        for block in ordered:
            records = {(r["article_id"], r["idx"]): r for r in by_block.get(block, ())}
            reports = [dedup.Report(article_id=r["article_id"], idx=r["idx"], block=block, code=r["code"],
                                    date=r["date"], date_precision=r["date_precision"],
                                    source_actor_id=r["source_actor_id"], target_actor_id=r["target_actor_id"],
                                    place=r["place"], place_country=r["place_country"], lat=r["lat"],
                                    lon=r["lon"], outlet=r["outlet"])
                       for r in records.values()]
            for members in dedup.cluster(reports):
                eid = dedup.event_id(block, members)
                member_rows = [records[(m.article_id, m.idx)] for m in members]
                events.append(_summarise(eid, block, member_rows))
                moves.extend((eid, r["article_id"], r["idx"]) for r in member_rows if r["event_id"] != eid)
        self.db.insert_many("events", EVENT_COLUMNS, events)
        self.db.executemany("UPDATE event_evidence SET event_id = ? WHERE article_id = ? AND idx = ?", moves)

    def _record_failures(self, run_id: str | None, failures: Sequence[Failure]) -> None:
        if not failures or run_id is None:
            return
        start = int(self.db.scalar("SELECT COALESCE(MAX(seq), 0) FROM failures WHERE run_id = ?", (run_id,)) or 0)
        stamp = now()
        self.db.executemany(
            "INSERT INTO failures (run_id, seq, input, line, article_id, reason, recorded, stage) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(run_id, start + i, f.input, f.line, f.article_id, f.reason, stamp, f.stage)
             for i, f in enumerate(failures, start=1)])

    # -- reading -------------------------------------------------------------------------------
    def reading(self, article_id: str) -> Reading | None:
        """The stored reading of one article (``None`` when it isn't stored)."""
        _, rows = self.db.query("SELECT text, reading FROM articles WHERE id = ?", (article_id,))
        return reading_from_row(*rows[0]) if rows else None

    def readings(self) -> Iterator[Reading]:
        """Every stored reading, by article id."""
        for row in self.db.iter_query(f"SELECT text, reading FROM articles ORDER BY {self.db.collate('id')}"):
            yield reading_from_row(row["text"], row["reading"])

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Read several things as of one moment while an ingest may be writing::

            with store.snapshot():
                reports = store.evidence(event_id=eid)
                event = store.events(...)   # agrees with ``reports``, whatever was committed since

        Each query on its own always sees a consistent database; a snapshot makes a series of
        them agree with each other (a dashboard page, an export). Read only."""
        with self.db.read_transaction():
            yield self

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: int(self.db.scalar(f"SELECT COUNT(*) FROM {t}") or 0) for t in TABLES}

    def _event_query(self, *, source: str | None = None, target: str | None = None, root: str | None = None,
                     code: str | None = None, since: str | None = None, until: str | None = None,
                     actor: str | None = None, country: str | None = None, modality: str | None = None,
                     min_reports: int | None = None, limit: int | None = None) -> tuple[str, list[Any]]:
        w = _Where()
        if source or target:
            _add_sides(w, source, target)
        if root:
            w.add("e.root = ?", root.zfill(2))
        if code:
            w.add("e.code LIKE ? ESCAPE '\\'", _prefix(code))
        if since:
            w.add("e.date >= ?", _check_date(since, "since"))
        if until:
            w.add("e.date < ?", until_bound(until))
        if country:
            w.add("e.place_country = ?", country.upper())
        if modality:
            w.add("e.modality = ?", modality)
        if min_reports:
            w.add("e.n_reports >= ?", int(min_reports))
        if actor:
            pattern = _like(actor)
            w.add("(e.source_code = ? OR e.target_code = ? OR EXISTS (SELECT 1 FROM event_evidence v "
                  "WHERE v.event_id = e.id AND (lower(v.source_name) LIKE ? ESCAPE '\\' "
                  "OR lower(v.target_name) LIKE ? ESCAPE '\\')))", actor.upper(), actor.upper(), pattern, pattern)
        sql = (f"SELECT {', '.join('e.' + c for c in EVENT_VIEW)} FROM events e{w.sql()} "
               f"ORDER BY (e.date IS NULL), {self.db.collate('e.date')}, {self.db.collate('e.id')}")
        params = list(w.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return sql, params

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Events as dicts, streamed (same filters as ``events``)."""
        sql, params = self._event_query(**filters)
        yield from self.db.iter_query(sql, params)

    def events(self, *, source: str | None = None, target: str | None = None, root: str | None = None,
               code: str | None = None, since: str | None = None, until: str | None = None,
               actor: str | None = None, country: str | None = None, modality: str | None = None,
               min_reports: int | None = None, limit: int | None = None) -> pd.DataFrame:
        """Deduplicated events, one row each, oldest first.

        source / target: actor code prefix ("RUS" matches RUSGOV, RUSMIL ...); root: CAMEO root
        ("04"); code: CAMEO code prefix ("04" or "044"); since / until: ISO dates at any
        precision, inclusive ("2022-01", "2022-09-15"); actor: a name some report gives the
        source or target ("Putin"), or an exact actor code; country: where it happened (ISO
        alpha-3); min_reports: only events reported at least this often.
        """
        sql, params = self._event_query(source=source, target=target, root=root, code=code, since=since,
                                        until=until, actor=actor, country=country, modality=modality,
                                        min_reports=min_reports, limit=limit)
        return _frame(*self.db.query(sql, params))

    def evidence(self, *, event_id: str | None = None, article_id: str | None = None) -> pd.DataFrame:
        """The reports behind events: one row per event an article reports, with its sentence."""
        w = _Where()
        if event_id:
            w.add("v.event_id = ?", event_id)
        if article_id:
            w.add("v.article_id = ?", article_id)
        sql = ("SELECT v.event_id, v.article_id, v.idx, a.published, a.source AS outlet, a.title, a.url, "
               "v.source_code, v.source_name, v.code, v.label, v.target_code, v.target_name, v.date, "
               "v.date_precision, v.date_from, v.place, v.place_country, v.modality, v.sentence, v.start_char, "
               "v.end_char, v.in_lead FROM event_evidence v JOIN articles a ON a.id = v.article_id"
               f"{w.sql()} ORDER BY {self.db.collate('v.event_id')}, {self.db.collate('v.article_id')}, v.idx")
        return _frame(*self.db.query(sql, w.params))

    def quotes(self, *, speaker: str | None = None, contains: str | None = None, since: str | None = None,
               until: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Quotes, oldest article first. speaker: part of the speaker's name, or their exact
        actor code; contains: words inside the quote (case-insensitive)."""
        w = _Where()
        if speaker:
            w.add("(lower(q.speaker_name) LIKE ? ESCAPE '\\' OR q.speaker_code = ?)", _like(speaker),
                  speaker.upper())
        if contains:
            w.add("lower(q.text) LIKE ? ESCAPE '\\'", _like(contains))
        if since:
            w.add("a.published >= ?", _check_date(since, "since"))
        if until:
            w.add("a.published < ?", until_bound(until))
        sql = ("SELECT q.article_id, q.idx, a.published, a.source AS outlet, q.speaker_name, q.speaker_code, "
               "q.text, q.cue, q.kind, q.addressee_name, q.addressee_code, q.reporter_name, q.reporter_code, "
               "q.start_char, q.end_char, a.title, a.url FROM quotes q JOIN articles a ON a.id = q.article_id"
               f"{w.sql()} ORDER BY (a.published IS NULL), {self.db.collate('a.published')}, "
               f"{self.db.collate('q.article_id')}, q.idx")
        params = list(w.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return _frame(*self.db.query(sql, params))

    def actors(self, *, country: str | None = None, code: str | None = None, name: str | None = None,
               limit: int | None = None) -> pd.DataFrame:
        """Actors across all articles, most widely reported first. country: ISO alpha-3;
        code: actor code prefix; name: part of the name."""
        w = _Where()
        if country:
            w.add("country = ?", country.upper())
        if code:
            w.add("code LIKE ? ESCAPE '\\'", _prefix(code.upper()))
        if name:
            w.add("lower(name) LIKE ? ESCAPE '\\'", _like(name))
        sql = ("SELECT code, name, country, sector, COUNT(DISTINCT article_id) AS n_articles, "
               f"CAST(SUM(n_mentions) AS INTEGER) AS n_mentions, MAX({self.db.collate('role')}) AS role "
               f"FROM actors{w.sql()} GROUP BY code, name, country, sector "
               f"ORDER BY n_articles DESC, n_mentions DESC, {self.db.collate('name')}, (code IS NULL), "
               f"{self.db.collate('code')}, (country IS NULL), {self.db.collate('country')}, (sector IS NULL), "
               f"{self.db.collate('sector')}")
        params = list(w.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return _frame(*self.db.query(sql, params))

    def articles(self, *, source: str | None = None, since: str | None = None, until: str | None = None,
                 contains: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """Stored articles, oldest first, with how many events, quotes and actors each gave."""
        w = _Where()
        if source:
            w.add("lower(a.source) LIKE ? ESCAPE '\\'", _like(source))
        if since:
            w.add("a.published >= ?", _check_date(since, "since"))
        if until:
            w.add("a.published < ?", until_bound(until))
        if contains:
            w.add("(lower(a.title) LIKE ? ESCAPE '\\' OR lower(a.text) LIKE ? ESCAPE '\\')", _like(contains),
                  _like(contains))
        sql = ("SELECT a.id, a.published, a.source, a.title, a.byline, a.url, a.language, "
               "(SELECT COUNT(*) FROM event_evidence v WHERE v.article_id = a.id) AS n_events, "
               "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes, "
               "(SELECT COUNT(*) FROM actors t WHERE t.article_id = a.id) AS n_actors, "
               f"a.origin, a.run_id, a.ingested FROM articles a{w.sql()} "
               f"ORDER BY (a.published IS NULL), {self.db.collate('a.published')}, {self.db.collate('a.id')}")
        params = list(w.params)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return _frame(*self.db.query(sql, params))

    def runs(self) -> pd.DataFrame:
        """Every run: versions, options, start/finish, status and counts."""
        return _frame(*self.db.query(f"SELECT * FROM runs ORDER BY {self.db.collate('started')}, "
                                     f"{self.db.collate('id')}"))

    def failures(self, run_id: str | None = None) -> pd.DataFrame:
        """Inputs and articles that could not be read or coded (of one run, or of all)."""
        w = _Where()
        if run_id:
            w.add("run_id = ?", run_id)
        return _frame(*self.db.query(f"SELECT * FROM failures{w.sql()} ORDER BY {self.db.collate('recorded')}, "
                                     f"{self.db.collate('run_id')}, seq", w.params))

    def export(self, fmt: str, out: Any, **filters: Any) -> int:
        """Write events in ``fmt`` (gdelt, plover, jsonl, csv, parquet) to ``out`` (a path or a
        text stream; parquet needs a path); returns the number of events written."""
        from dyad.store.export import export

        return export(self, fmt, out, **filters)


_SIDE_FIELDS = ("code", "name", "country", "sector", "actor_id")


def _direction(row: dict[str, Any]) -> tuple[str, str]:
    return (dedup.actor_key(row["source_code"], row["source_name"]),
            dedup.actor_key(row["target_code"], row["target_name"]))


def _oriented(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A symmetric event's reports, all turned to one direction: the one most reports give,
    ties to the sorted actor keys (``dedup.most_common``), so the summary is deterministic."""
    way = dedup.most_common(_direction(r) for r in rows)
    out = []
    for r in rows:
        if _direction(r) != way:
            r = dict(r)
            for f in _SIDE_FIELDS:
                r[f"source_{f}"], r[f"target_{f}"] = r[f"target_{f}"], r[f"source_{f}"]
        out.append(r)
    return out


def _summarise(eid: str, block: str, rows: list[dict[str, Any]]) -> tuple:
    """One events row from the evidence rows of its reports."""
    mc = dedup.most_common
    if dedup.SYMMETRIC_BLOCK in block:
        rows = _oriented(rows)
    first = min(rows, key=lambda r: dedup.report_order(r["date"], r["date_precision"], r["article_id"], r["idx"]))
    code = mc((r["code"] for r in rows),
              key=lambda c: (dedup.code_family(c) is None, -len(c), c))
    coded = next(r for r in sorted(rows, key=lambda r: (r["article_id"], r["idx"])) if r["code"] == code)
    days = [r["date"] for r in rows if r["date_precision"] == "day" and r["date"]]
    if days:
        date, precision = mc(days), "day"
    else:
        date = mc(r["date"] for r in rows)
        precision = next((r["date_precision"] for r in rows if r["date"] == date), None)
    placed = [r for r in rows if r["place"]]
    place_name = mc(r["place"] for r in placed)
    place = next((r for r in sorted(placed, key=lambda r: (r["article_id"], r["idx"]))
                  if r["place"] == place_name), None)
    outlets = {r["outlet"] or r["url"] or r["article_id"] for r in rows}
    return (
        eid, block, date, precision,
        first["source_code"], mc(r["source_name"] for r in rows), mc(r["source_country"] for r in rows),
        mc(r["source_sector"] for r in rows),
        first["target_code"], mc(r["target_name"] for r in rows), mc(r["target_country"] for r in rows),
        mc(r["target_sector"] for r in rows),
        code, coded["root"], coded["label"], coded["plover"], coded["plover_mode"], coded["quad_class"],
        coded["goldstein"], coded["modality"],
        place["place"] if place else None,
        place["place_country"] if place else mc(r["place_country"] for r in rows),
        place["lat"] if place else None, place["lon"] if place else None,
        len(rows), len({r["article_id"] for r in rows}), len(outlets), max(r["in_lead"] for r in rows),
        first["article_id"], first["sentence"], min(r["ingested"] for r in rows),
    )


def open_store(url: str | None = None, *, create: bool = True, migrate: bool = True) -> Store:
    """Open (and create or upgrade) the event database.

    ``url``: a SQLite path (``dyad.db``, ``sqlite:///path.db``) or a ``postgresql://`` URL;
    default ``$DYAD_DB``, else ``dyad.db`` in the working directory. ``create=False`` refuses
    to create a missing SQLite file. Raises ``StoreError`` for a database written by a newer
    dyad, a locked or unreachable one.
    """
    db = Database(resolve_url(url), create=create)
    try:
        if migrate:
            db.migrate()
        else:
            version = db.schema_version()
            if version == 0:
                raise StoreError(f"{db.where} has no dyad tables; run `dyad ingest` on it first")
            db.check_version(version)
    except BaseException:
        db.close()
        raise
    return Store(db)
