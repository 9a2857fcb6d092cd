-- Attachments of applications: files kept in the object store (their bytes never in the
-- database), and links to videos.
CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    application_id  INTEGER NOT NULL REFERENCES applications(id),
    kind            TEXT NOT NULL,          -- file, video
    name            TEXT NOT NULL,          -- the file's name as uploaded, or the video's URL
    content_type    TEXT,
    size            INTEGER NOT NULL,
    storage_key     TEXT,
    sha256          TEXT,
    created_at      INTEGER NOT NULL,
    deleted_at      INTEGER
);
CREATE INDEX attachments_application ON attachments(application_id);
