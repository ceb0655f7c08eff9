-- The front desk: the visits expected today (a projection of booking's events), tickets of
-- checked-in and walk-in citizens, who sits at which counter, and the day's numbering and
-- walk-in quotas.
CREATE SCHEMA IF NOT EXISTS frontdesk;

-- What booking announced: appointments by location and time (kept current by its events).
CREATE TABLE frontdesk.expected_visit (
    reference    TEXT PRIMARY KEY,
    location_id  TEXT        NOT NULL,
    start_at     TIMESTAMPTZ NOT NULL,
    end_at       TIMESTAMPTZ NOT NULL,
    procedures   TEXT[]      NOT NULL,   -- procedure ids
    quantities   INT[]       NOT NULL,   -- persons per procedure, same order
    citizen_name TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'CANCELLED')),
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX expected_visit_by_day ON frontdesk.expected_visit (location_id, start_at);

CREATE TABLE frontdesk.ticket (
    id                    UUID PRIMARY KEY,
    location_id           TEXT        NOT NULL,
    day                   DATE        NOT NULL,
    number                TEXT        NOT NULL,
    kind                  TEXT        NOT NULL CHECK (kind IN ('APPOINTMENT', 'WALK_IN')),
    appointment_reference TEXT UNIQUE,
    procedures            TEXT[]      NOT NULL,
    citizen_name          TEXT,
    due_at                TIMESTAMPTZ,
    arrived_at            TIMESTAMPTZ NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'PARKED', 'DONE', 'NO_SHOW')),
    counter_id            TEXT,
    counter_name          TEXT,
    passed_to             TEXT,
    call_count            INT         NOT NULL DEFAULT 0,
    called_at             TIMESTAMPTZ,
    serving_since         TIMESTAMPTZ,
    finished_at           TIMESTAMPTZ,
    handled_procedures    TEXT[],
    served_by             TEXT,
    token_hash            BYTEA       NOT NULL,
    UNIQUE (location_id, day, number)
);
CREATE INDEX ticket_queue ON frontdesk.ticket (location_id, day, status);

-- The day's running numbers per location and kind (A-001 for appointments, W-001 walk-ins).
CREATE TABLE frontdesk.day_sequence (
    location_id TEXT NOT NULL,
    day         DATE NOT NULL,
    kind        TEXT NOT NULL,
    last        INT  NOT NULL,
    PRIMARY KEY (location_id, day, kind)
);

-- Walk-in tickets issued per location and day, against the quota.
CREATE TABLE frontdesk.walk_in_day (
    location_id TEXT NOT NULL,
    day         DATE NOT NULL,
    issued      INT  NOT NULL,
    quota       INT  NOT NULL,
    PRIMARY KEY (location_id, day),
    CHECK (issued <= quota)
);

-- Who works at which counter now.
CREATE TABLE frontdesk.counter_session (
    counter_id  TEXT PRIMARY KEY,
    location_id TEXT        NOT NULL,
    username    TEXT        NOT NULL,
    since       TIMESTAMPTZ NOT NULL
);
