-- The evaluation: the append-only, hash-chained audit log of its state changes (with its head
-- kept apart, so entries removed from the end are detected too), and the screening of entries.
CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          BIGINT NOT NULL,
    actor_id    BIGINT,
    edition_id  BIGINT,
    action      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    before      TEXT NOT NULL,             -- JSON
    after       TEXT NOT NULL,             -- JSON
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

CREATE TABLE audit_head (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE screenings (
    entry_id    BIGINT PRIMARY KEY REFERENCES entries(id),
    outcome     TEXT NOT NULL,             -- valid, not_valid
    reasons     TEXT NOT NULL,             -- JSON array of checklist item ids
    note        TEXT NOT NULL,
    decided_by  BIGINT NOT NULL REFERENCES users(id),
    decided_at  BIGINT NOT NULL
);
