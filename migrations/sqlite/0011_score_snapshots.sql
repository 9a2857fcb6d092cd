-- Frozen snapshots of a review round's submitted scores: the ranking and its normalisation are
-- computed on a snapshot, so they do not shift while reviews are still edited.
CREATE TABLE score_snapshots (
    id          INTEGER PRIMARY KEY,
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    taken_at    INTEGER NOT NULL,
    taken_by    INTEGER NOT NULL REFERENCES users(id),
    sheets      TEXT NOT NULL              -- JSON [evaluation::scoring::ScoreSheet]
);
CREATE INDEX score_snapshots_edition ON score_snapshots(edition_id, id);
