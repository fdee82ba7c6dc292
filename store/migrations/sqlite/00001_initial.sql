-- The first schema: the public case list, the e-mail ledger, the address registers with their
-- change log, and the console's sessions. Instants are Unix nanoseconds (INTEGER), the same in
-- both databases.

-- +goose Up
CREATE TABLE cases (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    search       TEXT NOT NULL,            -- lower-case title and ID, for the word filter
    stage        TEXT NOT NULL,
    closed       INTEGER NOT NULL,         -- 1 when the stage is closed
    owner        TEXT NOT NULL DEFAULT '',
    year         INTEGER NOT NULL,
    chain        TEXT NOT NULL,            -- first run ID of the workflow that wrote it
    created      INTEGER NOT NULL,         -- when that initiative was registered
    revision     INTEGER NOT NULL,
    written      INTEGER NOT NULL,
    summary      TEXT NOT NULL             -- domain.CaseSummary as JSON
);
CREATE INDEX cases_by_year ON cases (year DESC, id);
CREATE INDEX cases_by_stage ON cases (stage, year DESC, id);
CREATE INDEX cases_by_owner ON cases (owner, year DESC, id);
CREATE INDEX cases_by_closed ON cases (closed, year DESC, id);

CREATE TABLE mail (
    key          TEXT PRIMARY KEY,         -- the business idempotency key
    message      TEXT NOT NULL,            -- mail.Message as JSON
    created      INTEGER NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('kept', 'claimed', 'sent')),
    lease_until  INTEGER NOT NULL DEFAULT 0,
    sent_at      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX mail_by_created ON mail (created, key);

CREATE TABLE addresses (
    kind         TEXT NOT NULL CHECK (kind IN ('municipality', 'member', 'owner')),
    party        TEXT NOT NULL,            -- municipality code, member ID or owner
    email        TEXT NOT NULL,
    PRIMARY KEY (kind, party, email)
);

CREATE TABLE address_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           INTEGER NOT NULL,
    by_id        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    party        TEXT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('added', 'removed')),
    email        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX address_changes_by_party ON address_changes (kind, party, at);

CREATE TABLE sessions (
    token        TEXT PRIMARY KEY,
    data         BLOB NOT NULL,
    expiry       INTEGER NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expiry);

CREATE TABLE file_imports (
    path         TEXT PRIMARY KEY,
    at           INTEGER NOT NULL,
    summary      TEXT NOT NULL
);

-- +goose Down
DROP TABLE file_imports;
DROP TABLE sessions;
DROP TABLE address_changes;
DROP TABLE addresses;
DROP TABLE mail;
DROP TABLE cases;
