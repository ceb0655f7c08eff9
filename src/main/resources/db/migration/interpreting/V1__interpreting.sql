-- Interpreting: interpreters, their languages and hours, the procedures that may have an
-- interpreter, the interpreter taken with each such appointment, the minutes interpreted.
CREATE SCHEMA IF NOT EXISTS interpreting;

-- btree_gist lets one exclusion constraint say "an interpreter is never booked twice at the
-- same time" (a trusted extension: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE interpreting.interpreter (
    id      TEXT PRIMARY KEY,
    name    TEXT    NOT NULL,
    email   TEXT    NOT NULL,
    service TEXT    NOT NULL, -- the city's own staff or the external service's pool
    active  BOOLEAN NOT NULL DEFAULT TRUE
);

CREATE TABLE interpreting.interpreter_language (
    interpreter_id TEXT NOT NULL REFERENCES interpreting.interpreter (id) ON DELETE CASCADE,
    language       TEXT NOT NULL,
    PRIMARY KEY (interpreter_id, language)
);

CREATE INDEX interpreter_language_by_language ON interpreting.interpreter_language (language);

-- When an interpreter works: per ISO weekday (1 = Monday), local times of the city.
CREATE TABLE interpreting.interpreter_hours (
    interpreter_id TEXT     NOT NULL REFERENCES interpreting.interpreter (id) ON DELETE CASCADE,
    weekday        SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens          TIME     NOT NULL,
    closes         TIME     NOT NULL,
    CHECK (opens < closes)
);

CREATE INDEX interpreter_hours_by_interpreter ON interpreting.interpreter_hours (interpreter_id, weekday);

-- Procedures a visit may have an interpreter for (the registry office's pre-consultations).
CREATE TABLE interpreting.capable_procedure (
    procedure_id TEXT PRIMARY KEY
);

-- The interpreter taken with an appointment. Moving the appointment updates the row (the
-- video session stays); cancelling it ends it (active = false).
CREATE TABLE interpreting.assignment (
    appointment_reference TEXT PRIMARY KEY,
    interpreter_id        TEXT        NOT NULL REFERENCES interpreting.interpreter (id),
    language              TEXT        NOT NULL,
    start_at              TIMESTAMPTZ NOT NULL,
    end_at                TIMESTAMPTZ NOT NULL,
    location_id           TEXT        NOT NULL,
    session_token         TEXT        NOT NULL UNIQUE,
    active                BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    CHECK (start_at < end_at),
    CONSTRAINT interpreter_booked_once
        EXCLUDE USING gist (interpreter_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (active)
);

CREATE INDEX assignment_by_start ON interpreting.assignment (start_at);

-- The minutes an interpreter worked in a consultation, recorded by registry staff.
CREATE TABLE interpreting.session_minutes (
    appointment_reference TEXT        PRIMARY KEY REFERENCES interpreting.assignment (appointment_reference),
    interpreter_id        TEXT        NOT NULL REFERENCES interpreting.interpreter (id),
    language              TEXT        NOT NULL,
    location_id           TEXT        NOT NULL,
    held_on               DATE        NOT NULL,
    minutes               INT         NOT NULL CHECK (minutes BETWEEN 0 AND 600),
    recorded_by           TEXT        NOT NULL,
    recorded_at           TIMESTAMPTZ NOT NULL
);

CREATE INDEX session_minutes_by_day ON interpreting.session_minutes (held_on);
