-- dyad event database, schema version 1.
--
-- Dialect-neutral SQL: the same statements run on SQLite and PostgreSQL. Dates and times are
-- ISO 8601 text (so '2022-09' and '2022-09-15' compare as prefixes), JSON is text, flags are
-- 0/1 integers, and every key is natural (article id + position), so no autoincrement is
-- needed. Character offsets are `start_char`/`end_char` (END is reserved in PostgreSQL).
-- Statements are separated by a semicolon at the end of a line.

-- One row per `dyad ingest` (or `dyad.batch.ingest`) run; counts are updated with each batch,
-- in the batch's own transaction, so they stay exact when a run is killed.
CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    coder_version TEXT NOT NULL,
    model TEXT,
    lexicon_version TEXT,
    actor_table_version TEXT,
    data_versions TEXT,
    options TEXT,
    inputs TEXT,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,
    articles_seen INTEGER NOT NULL DEFAULT 0,
    articles_added INTEGER NOT NULL DEFAULT 0,
    articles_replaced INTEGER NOT NULL DEFAULT 0,
    articles_unchanged INTEGER NOT NULL DEFAULT 0,
    articles_failed INTEGER NOT NULL DEFAULT 0,
    reports_added INTEGER NOT NULL DEFAULT 0
);

-- One row per article; `reading` is the Reading's JSON without the article text (kept once,
-- in `text`). `content_hash` decides whether a re-ingested article changed.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT,
    byline TEXT,
    published TEXT,
    url TEXT,
    source TEXT,
    language TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    lead_end INTEGER,
    reading TEXT NOT NULL,
    run_id TEXT REFERENCES runs (id) ON DELETE SET NULL,
    ingested TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_source ON articles (source);

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    actor_id TEXT,
    name TEXT NOT NULL,
    code TEXT,
    country TEXT,
    sector TEXT,
    role TEXT,
    n_mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX actors_code ON actors (code);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    actor_idx INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_idx, idx),
    FOREIGN KEY (article_id, actor_idx) REFERENCES actors (article_id, idx) ON DELETE CASCADE
);

-- Real-world events: each is a cluster of reports (rows of event_evidence) that the
-- deduplication rule of docs/store.md judged to describe the same happening. Rebuilt, block
-- by block, in the transaction that changes any of its reports.
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    block TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    source_code TEXT,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    label TEXT,
    plover TEXT,
    plover_mode TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    modality TEXT NOT NULL,
    place TEXT,
    place_country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    n_reports INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sources INTEGER NOT NULL,
    is_root INTEGER NOT NULL,
    first_article TEXT NOT NULL,
    sentence TEXT,
    first_ingested TEXT
);
CREATE INDEX events_block ON events (block);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_root ON events (root);

-- One row per event an article reports (event <-> article / sentence / offsets).
CREATE TABLE event_evidence (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    event_id TEXT REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED,
    block TEXT NOT NULL,
    source_code TEXT,
    source_name TEXT,
    source_country TEXT,
    source_sector TEXT,
    source_actor_id TEXT,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    target_sector TEXT,
    target_actor_id TEXT,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    label TEXT,
    plover TEXT,
    plover_mode TEXT,
    quad_class INTEGER,
    goldstein DOUBLE PRECISION,
    modality TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_from TEXT NOT NULL,
    place TEXT,
    place_country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    trigger_text TEXT,
    sentence TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    in_lead INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX event_evidence_block ON event_evidence (block);
CREATE INDEX event_evidence_event ON event_evidence (event_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    addressee_name TEXT,
    addressee_code TEXT,
    reporter_name TEXT,
    reporter_code TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker_code);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    resolved TEXT,
    date_precision TEXT,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    feature TEXT,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_country ON places (country);

-- Inputs or articles a run could not read, code or store; a run goes on past them.
CREATE TABLE failures (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    input TEXT,
    line INTEGER,
    article_id TEXT,
    reason TEXT NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
);
