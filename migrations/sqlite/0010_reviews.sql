-- Reviews by committee members: a score and a comment per criterion of the edition, an overall
-- recommendation and confidence; saved as drafts (versioned, so a stale tab is caught) until
-- submitted. A discussion thread per entry among its reviewers.
CREATE TABLE reviews (
    id              INTEGER PRIMARY KEY,
    member_id       INTEGER NOT NULL REFERENCES committee_members(id),
    entry_id        INTEGER NOT NULL REFERENCES entries(id),
    scores          TEXT NOT NULL,         -- JSON {criterion id: score}
    comments        TEXT NOT NULL,         -- JSON {criterion id: text}
    recommendation  TEXT,
    confidence      INTEGER,
    version         INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    submitted_at    INTEGER,
    UNIQUE (member_id, entry_id)
);
CREATE INDEX reviews_entry ON reviews(entry_id);

CREATE TABLE discussion (
    id         INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL REFERENCES entries(id),
    member_id  INTEGER NOT NULL REFERENCES committee_members(id),
    body       TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX discussion_entry ON discussion(entry_id, id);
