-- Events, courses and consultation hours: what the city offers, its sessions with their seats
-- (the database arbitrates them), the citizens' registrations with the hashes of their private
-- tokens.
CREATE SCHEMA IF NOT EXISTS events;

-- An event: an online citizens' dialogue, a course, consultation hours. Texts in German and
-- English. The join link of an online event goes only to confirmed participants.
CREATE TABLE events.event (
    id                 TEXT PRIMARY KEY,
    kind               TEXT    NOT NULL CHECK (kind IN ('DIALOGUE', 'COURSE', 'CONSULTATION')),
    title_de           TEXT    NOT NULL,
    title_en           TEXT    NOT NULL,
    summary_de         TEXT    NOT NULL,
    summary_en         TEXT    NOT NULL,
    description_de     TEXT    NOT NULL,
    description_en     TEXT    NOT NULL,
    venue_de           TEXT,
    venue_en           TEXT,
    address            TEXT,
    join_link          TEXT,
    -- whose head of office sees the registrations (NULL: administrators only)
    organiser_location TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    -- online (a join link) or on site (a venue), never neither
    CHECK (join_link IS NOT NULL OR venue_de IS NOT NULL)
);

-- When an event takes place: one session for a dialogue or a course, many short ones for
-- consultation hours. The arbiter: a registration takes a seat with a conditional update
-- (taken < seats), or a place on the waiting list (waiting < waiting_limit); the checks make
-- overselling impossible whatever the concurrency.
CREATE TABLE events.session (
    event_id      TEXT        NOT NULL REFERENCES events.event (id) ON DELETE CASCADE,
    number        INT         NOT NULL CHECK (number > 0),
    start_at      TIMESTAMPTZ NOT NULL,
    end_at        TIMESTAMPTZ NOT NULL,
    seats         INT         NOT NULL CHECK (seats >= 0),
    taken         INT         NOT NULL DEFAULT 0,
    waiting_limit INT         NOT NULL DEFAULT 0 CHECK (waiting_limit >= 0),
    waiting       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, number),
    CHECK (end_at > start_at),
    CHECK (taken >= 0 AND taken <= seats),
    CHECK (waiting >= 0 AND waiting <= waiting_limit)
);
CREATE INDEX session_by_end ON events.session (end_at);

-- A citizen's registration for a session. AWAITING_CONFIRMATION and CONFIRMED hold a seat,
-- WAITING_LIST a place on the waiting list (in the order of seq).
CREATE TABLE events.registration (
    id              UUID PRIMARY KEY,
    seq             BIGINT GENERATED ALWAYS AS IDENTITY,
    reference       TEXT        NOT NULL UNIQUE,
    event_id        TEXT        NOT NULL,
    session_number  INT         NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('AWAITING_CONFIRMATION', 'CONFIRMED', 'WAITING_LIST',
                                                           'CANCELLED', 'LAPSED')),
    name            TEXT        NOT NULL,
    email           TEXT        NOT NULL,
    language        TEXT        NOT NULL CHECK (language IN ('de', 'en')),
    hold_expires_at TIMESTAMPTZ,
    reminder_due_at TIMESTAMPTZ,
    reminded_at     TIMESTAMPTZ,
    moved_up_at     TIMESTAMPTZ,
    confirmed_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (event_id, session_number) REFERENCES events.session (event_id, number) ON DELETE CASCADE,
    CHECK ((status = 'AWAITING_CONFIRMATION') = (hold_expires_at IS NOT NULL))
);
-- One active registration per e-mail address and event (no hoarding of consultation slots)
CREATE UNIQUE INDEX registration_once_per_email ON events.registration (event_id, lower(email))
    WHERE status IN ('AWAITING_CONFIRMATION', 'CONFIRMED', 'WAITING_LIST');
CREATE INDEX registration_holds ON events.registration (hold_expires_at) WHERE status = 'AWAITING_CONFIRMATION';
CREATE INDEX registration_reminders ON events.registration (reminder_due_at)
    WHERE status = 'CONFIRMED' AND reminded_at IS NULL;
CREATE INDEX registration_waiting ON events.registration (event_id, session_number, seq) WHERE status = 'WAITING_LIST';
CREATE INDEX registration_by_session ON events.registration (event_id, session_number, created_at);

-- The private links' tokens: only their SHA-256.
CREATE TABLE events.registration_token (
    token_hash      BYTEA PRIMARY KEY,
    registration_id UUID        NOT NULL REFERENCES events.registration (id) ON DELETE CASCADE,
    purpose         TEXT        NOT NULL CHECK (purpose IN ('MANAGE', 'CONFIRM')),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX registration_token_by_registration ON events.registration_token (registration_id);
