-- The public vote: settings per edition, one-time codes, verified voters and their sessions,
-- ballots (each with its period and sequence in it, so an identity's limit holds under
-- concurrency), the Secretariat's actions, and the certified result.
CREATE TABLE vote_settings (
    edition_id  INTEGER PRIMARY KEY REFERENCES editions(id),
    settings    TEXT NOT NULL,             -- JSON, vote::VoteSettings
    updated_at  INTEGER NOT NULL,
    updated_by  INTEGER REFERENCES users(id)
);

CREATE TABLE vote_codes (
    id           INTEGER PRIMARY KEY,
    edition_id   INTEGER NOT NULL REFERENCES editions(id),
    identity     TEXT NOT NULL,
    code_hash    TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    consumed_at  INTEGER
);
CREATE INDEX vote_codes_identity ON vote_codes(edition_id, identity);

CREATE TABLE voters (
    id           INTEGER PRIMARY KEY,
    edition_id   INTEGER NOT NULL REFERENCES editions(id),
    identity     TEXT NOT NULL,
    verified_at  INTEGER NOT NULL,
    UNIQUE (edition_id, identity)
);

CREATE TABLE voter_sessions (
    token_hash  TEXT PRIMARY KEY,
    voter_id    INTEGER NOT NULL REFERENCES voters(id),
    csrf        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);

CREATE TABLE ballots (
    id              INTEGER PRIMARY KEY,
    edition_id      INTEGER NOT NULL REFERENCES editions(id),
    voter_id        INTEGER NOT NULL REFERENCES voters(id),
    receipt         TEXT NOT NULL UNIQUE,
    period          TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    choices         TEXT NOT NULL,         -- JSON array of entry ids
    cast_at         INTEGER NOT NULL,
    ip              TEXT NOT NULL,
    subnet          TEXT NOT NULL,
    invalidated_at  INTEGER,
    invalid_reason  TEXT,
    invalidated_by  INTEGER REFERENCES users(id),
    UNIQUE (voter_id, period, seq)
);
CREATE INDEX ballots_edition_time ON ballots(edition_id, cast_at);

CREATE TABLE vote_events (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    at          INTEGER NOT NULL,
    user_id     INTEGER REFERENCES users(id),
    action      TEXT NOT NULL,             -- settings, invalidated, certified
    detail      TEXT NOT NULL
);

CREATE TABLE vote_results (
    edition_id    INTEGER PRIMARY KEY REFERENCES editions(id),
    certified_at  INTEGER NOT NULL,
    certified_by  INTEGER NOT NULL REFERENCES users(id),
    counted       INTEGER NOT NULL,
    invalidated   INTEGER NOT NULL,
    tally         TEXT NOT NULL,           -- JSON [[entry id, votes], …], most votes first
    timeline      TEXT NOT NULL,           -- JSON [[bucket start, ballots], …]
    digest        TEXT NOT NULL
);
