-- The Jury's secret ballots over the shortlist, sealed until the vote is closed, and the result.
CREATE TABLE jury_ballots (
    member_id   INTEGER NOT NULL REFERENCES committee_members(id),
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    ranking     TEXT NOT NULL,             -- JSON [[entry id, …] tie group, …] best first
    cast_at     INTEGER NOT NULL,
    PRIMARY KEY (member_id, edition_id)
);

CREATE TABLE jury_results (
    edition_id    INTEGER PRIMARY KEY REFERENCES editions(id),
    method        TEXT NOT NULL,           -- schulze, borda, irv
    ranking       TEXT NOT NULL,           -- JSON [entry id, …] winner first, ties broken
    ties          TEXT NOT NULL,           -- JSON [[entry id, …], …] groups the method could not order
    closed_at     INTEGER NOT NULL,
    closed_by     INTEGER NOT NULL REFERENCES users(id),
    published_at  INTEGER
);
