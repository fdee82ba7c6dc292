-- The first schema: the public case list, the e-mail ledger, the address registers with their
-- change log, and the console's sessions. Instants are Unix nanoseconds (BIGINT), the same in
-- both databases.

-- +goose Up
CREATE TABLE cases (
    id           TEXT COLLATE "C" PRIMARY KEY,
    title        TEXT NOT NULL,
    search       TEXT NOT NULL,            -- lower-case title and ID, for the word filter
    stage        TEXT NOT NULL,
    closed       BOOLEAN NOT NULL,        -- the stage is closed
    owner        TEXT NOT NULL DEFAULT '',
    year         BIGINT NOT NULL,
    chain        TEXT NOT NULL,            -- first run ID of the workflow that wrote it
    created      BIGINT NOT NULL,         -- when that initiative was registered
    revision     BIGINT NOT NULL,
    written      BIGINT NOT NULL,
    summary      JSONB NOT NULL            -- domain.CaseSummary
);
CREATE INDEX cases_by_year ON cases (year DESC, id);
CREATE INDEX cases_by_stage ON cases (stage, year DESC, id);
CREATE INDEX cases_by_owner ON cases (owner, year DESC, id);
CREATE INDEX cases_by_closed ON cases (closed, year DESC, id);

CREATE TABLE mail (
    key          TEXT PRIMARY KEY,         -- the business idempotency key
    message      JSONB NOT NULL,           -- mail.Message
    created      BIGINT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('kept', 'claimed', 'sent')),
    lease_until  BIGINT NOT NULL DEFAULT 0,
    sent_at      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX mail_by_created ON mail (created, key);

CREATE TABLE addresses (
    kind         TEXT NOT NULL CHECK (kind IN ('municipality', 'member', 'owner')),
    party        TEXT NOT NULL,            -- municipality code, member ID or owner
    email        TEXT NOT NULL,
    PRIMARY KEY (kind, party, email)
);

CREATE TABLE address_changes (
    id           BIGSERIAL PRIMARY KEY,
    at           BIGINT NOT NULL,
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
    data         BYTEA NOT NULL,
    expiry       BIGINT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expiry);

CREATE TABLE file_imports (
    path         TEXT PRIMARY KEY,
    at           BIGINT NOT NULL,
    summary      TEXT NOT NULL
);

-- +goose Down
DROP TABLE file_imports;
DROP TABLE sessions;
DROP TABLE address_changes;
DROP TABLE addresses;
DROP TABLE mail;
DROP TABLE cases;
