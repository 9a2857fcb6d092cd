-- Submissions: each submitted version of an application is kept as it was sent, with a digest;
-- everything that happens to an application is logged; the Secretariat can extend one
-- application's deadline and give early-bird feedback.

ALTER TABLE applications ADD COLUMN extended_until INTEGER;

CREATE TABLE application_submissions (
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    number          INTEGER NOT NULL,
    submitted_at    INTEGER NOT NULL,
    submitted_by    INTEGER NOT NULL REFERENCES users(id),
    content         TEXT NOT NULL,          -- JSON: every field as submitted
    digest          TEXT NOT NULL,          -- SHA-256 of the content
    PRIMARY KEY (application_id, number)
);

CREATE TABLE application_events (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    at              INTEGER NOT NULL,
    actor_id        INTEGER NOT NULL REFERENCES users(id),
    kind            TEXT NOT NULL,          -- submitted, withdrawn, extended, feedback
    detail          TEXT NOT NULL
);
CREATE INDEX application_events_application ON application_events(application_id, id);

CREATE TABLE application_feedback (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    author_id       INTEGER NOT NULL REFERENCES users(id),
    body            TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX application_feedback_application ON application_feedback(application_id, id);
