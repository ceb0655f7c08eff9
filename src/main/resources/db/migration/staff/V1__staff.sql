-- Staff accounts (local; the city's identity provider can take over later), their grants, and
-- the audit log of staff actions on citizens' personal data.
CREATE SCHEMA IF NOT EXISTS staff;

CREATE TABLE staff.account (
    username      TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,49}$'),
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL
);

-- A role, at one location where the role is bound to one (the authority string, e.g.
-- COUNTER_STAFF@buergerbuero-otto-schill-strasse).
CREATE TABLE staff.account_grant (
    username  TEXT NOT NULL REFERENCES staff.account (username) ON DELETE CASCADE,
    authority TEXT NOT NULL,
    PRIMARY KEY (username, authority)
);

CREATE TABLE staff.audit_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    location_id TEXT,
    detail      TEXT
);
CREATE INDEX audit_entry_by_time ON staff.audit_entry (at DESC);
CREATE INDEX audit_entry_by_subject ON staff.audit_entry (subject);
