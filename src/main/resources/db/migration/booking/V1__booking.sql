-- Online appointments: the rules per location, the capacity the database arbitrates, the
-- appointments with their private tokens (hashes only), idempotency keys, the waiting list,
-- rate-limit buckets and spent proof-of-work challenges.
CREATE SCHEMA IF NOT EXISTS booking;

-- How a location releases capacity and splits it between channels.
CREATE TABLE booking.location_rules (
    location_id        TEXT PRIMARY KEY,
    horizon_days       INT     NOT NULL CHECK (horizon_days BETWEEN 1 AND 366),
    release_mode       TEXT    NOT NULL CHECK (release_mode IN ('ROLLING', 'SCHEDULED')),
    release_times      TEXT    NOT NULL DEFAULT '',          -- e.g. '10:00,17:00' (SCHEDULED)
    same_day_cutoff    TIME,                                   -- no online booking for today after it
    min_lead_minutes   INT     NOT NULL DEFAULT 0 CHECK (min_lead_minutes >= 0),
    online_percent     INT     NOT NULL CHECK (online_percent BETWEEN 0 AND 100),
    phone_percent      INT     NOT NULL CHECK (phone_percent BETWEEN 0 AND 100),
    counter_percent    INT     NOT NULL CHECK (counter_percent BETWEEN 0 AND 100),
    CHECK (online_percent + phone_percent + counter_percent = 100)
);

-- Counters with the same skills form a pool; derived from the locations module's counters.
CREATE TABLE booking.pool (
    id          TEXT PRIMARY KEY,
    location_id TEXT   NOT NULL,
    counters    INT    NOT NULL CHECK (counters > 0),
    skills      TEXT[] NOT NULL
);
CREATE INDEX pool_by_location ON booking.pool (location_id);

-- The arbiter: one row per pool, channel and grid unit. A booking adds to `booked` of every
-- unit of its visit in one transaction; the check makes overselling impossible.
CREATE TABLE booking.capacity (
    pool_id    TEXT        NOT NULL REFERENCES booking.pool (id) ON DELETE CASCADE,
    channel    TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'PHONE', 'COUNTER')),
    slot_start TIMESTAMPTZ NOT NULL,
    capacity   INT         NOT NULL CHECK (capacity >= 0),
    booked     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (pool_id, channel, slot_start),
    CHECK (booked >= 0 AND booked <= capacity)
);

-- What has been released per location: days before released_through completely, that day
-- to the given fraction (SCHEDULED release in several steps).
CREATE TABLE booking.release_state (
    location_id      TEXT PRIMARY KEY,
    released_through DATE    NOT NULL,
    fraction         DOUBLE PRECISION NOT NULL,
    planned_at       TIMESTAMPTZ NOT NULL,
    signature        TEXT    NOT NULL     -- of the inputs the plan was made from
);

CREATE TABLE booking.appointment (
    id               UUID PRIMARY KEY,
    reference        TEXT        NOT NULL UNIQUE,
    status           TEXT        NOT NULL CHECK (status IN ('AWAITING_CONFIRMATION', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
    channel          TEXT        NOT NULL CHECK (channel IN ('ONLINE', 'PHONE', 'COUNTER')),
    location_id      TEXT        NOT NULL,
    pool_id          TEXT        NOT NULL,
    start_at         TIMESTAMPTZ NOT NULL,
    end_at           TIMESTAMPTZ NOT NULL,
    units            INT         NOT NULL CHECK (units > 0),
    citizen_name     TEXT        NOT NULL,
    citizen_email    TEXT        NOT NULL,
    citizen_phone    TEXT,
    language         TEXT        NOT NULL CHECK (language IN ('de', 'en')),
    hold_expires_at  TIMESTAMPTZ,
    reminder_due_at  TIMESTAMPTZ,
    reminded_at      TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK (end_at > start_at)
);
CREATE INDEX appointment_holds ON booking.appointment (hold_expires_at) WHERE status = 'AWAITING_CONFIRMATION';
CREATE INDEX appointment_reminders ON booking.appointment (reminder_due_at) WHERE status = 'CONFIRMED' AND reminded_at IS NULL;
CREATE INDEX appointment_by_email ON booking.appointment (lower(citizen_email), start_at)
    WHERE status IN ('AWAITING_CONFIRMATION', 'CONFIRMED');
CREATE INDEX appointment_by_location ON booking.appointment (location_id, start_at);

CREATE TABLE booking.appointment_procedure (
    appointment_id UUID NOT NULL REFERENCES booking.appointment (id) ON DELETE CASCADE,
    procedure_id   TEXT NOT NULL,
    quantity       INT  NOT NULL CHECK (quantity > 0),
    position       INT  NOT NULL,
    PRIMARY KEY (appointment_id, procedure_id)
);

-- Private tokens of an appointment: only their SHA-256 is kept.
CREATE TABLE booking.appointment_token (
    token_hash     BYTEA PRIMARY KEY,
    appointment_id UUID        NOT NULL REFERENCES booking.appointment (id) ON DELETE CASCADE,
    purpose        TEXT        NOT NULL CHECK (purpose IN ('MANAGE', 'CONFIRM')),
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX appointment_token_by_appointment ON booking.appointment_token (appointment_id);

-- A retried request with the same Idempotency-Key gets the first answer.
CREATE TABLE booking.idempotency (
    idempotency_key TEXT PRIMARY KEY,
    request_hash    BYTEA       NOT NULL,
    status          INT,
    response        TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Citizens waiting for an earlier or any fitting time.
CREATE TABLE booking.waiting_entry (
    id               UUID PRIMARY KEY,
    reference        TEXT        NOT NULL UNIQUE,
    status           TEXT        NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'FULFILLED', 'WITHDRAWN', 'EXPIRED')),
    procedures       TEXT        NOT NULL,   -- procedure:quantity,…
    locations        TEXT[]      NOT NULL,   -- acceptable locations
    first_day        DATE        NOT NULL,
    last_day         DATE        NOT NULL,
    citizen_name     TEXT        NOT NULL,
    citizen_email    TEXT        NOT NULL,
    citizen_phone    TEXT,
    language         TEXT        NOT NULL,
    offered_appointment UUID,
    offer_expires_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX waiting_entry_waiting ON booking.waiting_entry (created_at) WHERE status = 'WAITING';

CREATE TABLE booking.waiting_token (
    token_hash BYTEA PRIMARY KEY,
    entry_id   UUID NOT NULL REFERENCES booking.waiting_entry (id) ON DELETE CASCADE
);

-- Rate-limit buckets (Bucket4j), shared by all instances.
CREATE TABLE booking.rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

-- Proof-of-work challenges already used (each solves one request).
CREATE TABLE booking.spent_challenge (
    challenge  TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
