-- Committees of an edition (Technical Committee, Jury), their members' profiles, declared
-- conflicts, the conflict rules, and reviewer assignments: a proposal, and deployments that can
-- be undone (reviewers see only the assignments of the deployment in force).
CREATE TABLE committee_members (
    id            INTEGER PRIMARY KEY,
    edition_id    INTEGER NOT NULL REFERENCES editions(id),
    stage         TEXT NOT NULL,           -- technical_committee, jury
    user_id       INTEGER NOT NULL REFERENCES users(id),
    country_code  TEXT NOT NULL,
    city_id       INTEGER REFERENCES cities(id),
    affiliation   TEXT NOT NULL,
    themes        TEXT NOT NULL,           -- JSON array of theme ids
    languages     TEXT NOT NULL,           -- JSON array of language codes
    added_at      INTEGER NOT NULL,
    UNIQUE (edition_id, stage, user_id)
);

CREATE TABLE declared_conflicts (
    member_id    INTEGER NOT NULL REFERENCES committee_members(id),
    entry_id     INTEGER NOT NULL REFERENCES entries(id),
    reason       TEXT NOT NULL,
    declared_at  INTEGER NOT NULL,
    PRIMARY KEY (member_id, entry_id)
);

CREATE TABLE conflict_rules (
    edition_id     INTEGER PRIMARY KEY REFERENCES editions(id),
    same_country   INTEGER NOT NULL        -- 1: members may not review entries of their country
);

CREATE TABLE assignment_proposals (
    edition_id  INTEGER NOT NULL REFERENCES editions(id),
    entry_id    INTEGER NOT NULL REFERENCES entries(id),
    member_id   INTEGER NOT NULL REFERENCES committee_members(id),
    affinity    REAL NOT NULL,
    PRIMARY KEY (edition_id, entry_id, member_id)
);

CREATE TABLE deployments (
    id           INTEGER PRIMARY KEY,
    edition_id   INTEGER NOT NULL REFERENCES editions(id),
    deployed_at  INTEGER NOT NULL,
    deployed_by  INTEGER NOT NULL REFERENCES users(id),
    undone_at    INTEGER
);

CREATE TABLE assignments (
    deployment_id  INTEGER NOT NULL REFERENCES deployments(id),
    entry_id       INTEGER NOT NULL REFERENCES entries(id),
    member_id      INTEGER NOT NULL REFERENCES committee_members(id),
    affinity       REAL NOT NULL,
    PRIMARY KEY (deployment_id, entry_id, member_id)
);
CREATE INDEX assignments_member ON assignments(member_id);
