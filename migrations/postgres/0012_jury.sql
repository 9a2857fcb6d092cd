-- The Jury's secret ballots over the shortlist, sealed until the vote is closed, and the result.
CREATE TABLE jury_ballots (
    member_id   BIGINT NOT NULL REFERENCES committee_members(id),
    edition_id  BIGINT NOT NULL REFERENCES editions(id),
    ranking     TEXT NOT NULL,             -- JSON [[entry id, …] tie group, …] best first
    cast_at     BIGINT NOT NULL,
    PRIMARY KEY (member_id, edition_id)
);

CREATE TABLE jury_results (
    edition_id    BIGINT PRIMARY KEY REFERENCES editions(id),
    method        TEXT NOT NULL,           -- schulze, borda, irv
    ranking       TEXT NOT NULL,           -- JSON [entry id, …] winner first, ties broken
    ties          TEXT NOT NULL,           -- JSON [[entry id, …], …] groups the method could not order
    closed_at     BIGINT NOT NULL,
    closed_by     BIGINT NOT NULL REFERENCES users(id),
    published_at  BIGINT
);
