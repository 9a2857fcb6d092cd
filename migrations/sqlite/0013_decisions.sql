-- The Technical Committee's long list and shortlist decisions: a round per edition and list,
-- each member's approval ballot (recorded, changeable until the close), the proposal the counts
-- make at the close, and the list the Secretariat confirms (with its changes and reasons).
CREATE TABLE decision_rounds (
    id              INTEGER PRIMARY KEY,
    edition_id      INTEGER NOT NULL REFERENCES editions(id),
    list_kind       TEXT NOT NULL,             -- long_list, shortlist
    size            INTEGER NOT NULL,          -- approvals per member, and the list's size at most
    unlisted_status TEXT NOT NULL,             -- the status candidates are chosen from
    candidates      TEXT NOT NULL,             -- JSON [entry id] in the score snapshot's order
    opened_at       INTEGER NOT NULL,
    opened_by       INTEGER NOT NULL REFERENCES users(id),
    last_ballot_at  INTEGER,
    closed_at       INTEGER,
    closed_by       INTEGER REFERENCES users(id),
    proposal        TEXT,                      -- JSON evaluation::decisions::Proposal
    confirmed_at    INTEGER,
    confirmed_by    INTEGER REFERENCES users(id),
    confirmation    TEXT,                      -- JSON evaluation::decisions::Confirmation
    UNIQUE (edition_id, list_kind)
);

CREATE TABLE approval_ballots (
    round_id   INTEGER NOT NULL REFERENCES decision_rounds(id),
    member_id  INTEGER NOT NULL REFERENCES committee_members(id),
    approved   TEXT NOT NULL,                  -- JSON [entry id]
    cast_at    INTEGER NOT NULL,
    PRIMARY KEY (round_id, member_id)
);
