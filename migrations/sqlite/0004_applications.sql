-- Applications: governments claimed by applicant accounts, and application drafts saved field by
-- field, each field with its own version so that a stale tab or a second device is detected
-- instead of silently overwriting newer text.

-- Settings of the call for entries per edition (word budgets, eligibility questions, limits), JSON.
ALTER TABLE editions ADD COLUMN application_settings TEXT;

CREATE TABLE government_claims (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users(id),
    city_id         INTEGER REFERENCES cities(id),
    -- A government that is not in the gazetteer yet, for the Secretariat to add.
    requested_name  TEXT,
    requested_country TEXT,
    status          TEXT NOT NULL,          -- pending, approved, rejected
    created_at      INTEGER NOT NULL,
    decided_at      INTEGER,
    decided_by      INTEGER REFERENCES users(id),
    decision_note   TEXT,
    CHECK (city_id IS NOT NULL OR requested_name IS NOT NULL)
);
CREATE INDEX government_claims_user ON government_claims(user_id);
CREATE INDEX government_claims_status ON government_claims(status);

CREATE TABLE applications (
    id           INTEGER PRIMARY KEY,
    edition_id   INTEGER NOT NULL REFERENCES editions(id),
    owner_id     INTEGER NOT NULL REFERENCES users(id),
    status       TEXT NOT NULL,             -- draft, submitted, withdrawn
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX applications_owner ON applications(owner_id);
CREATE INDEX applications_edition ON applications(edition_id, status);

CREATE TABLE application_fields (
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    field           TEXT NOT NULL,
    value           TEXT NOT NULL,
    version         INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (application_id, field)
);
