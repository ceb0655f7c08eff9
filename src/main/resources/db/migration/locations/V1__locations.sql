-- Departments, locations (offices and the mobile kit), their opening hours and closures, the
-- counters and the procedures each counter can serve, and the mobile kit's tour.
CREATE SCHEMA IF NOT EXISTS locations;

CREATE TABLE locations.department (
    id             TEXT PRIMARY KEY,
    name_de        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_de TEXT NOT NULL,
    description_en TEXT NOT NULL,
    position       INT  NOT NULL
);

CREATE TABLE locations.location (
    id                    TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    kind                  TEXT    NOT NULL CHECK (kind IN ('CITIZENS_OFFICE', 'BRANCH_OFFICE', 'REGISTRY_OFFICE',
                                                           'VEHICLE_REGISTRATION', 'MOBILE_KIT')),
    name_de               TEXT    NOT NULL,
    name_en               TEXT    NOT NULL,
    street                TEXT    NOT NULL,
    postal_code           TEXT    NOT NULL,
    city                  TEXT    NOT NULL,
    district              TEXT,
    phone                 TEXT,
    email                 TEXT,
    notes_de              TEXT,
    notes_en              TEXT,
    step_free             BOOLEAN NOT NULL,
    accessible_toilet     BOOLEAN NOT NULL,
    hearing_loop          BOOLEAN NOT NULL,
    disabled_parking      BOOLEAN NOT NULL,
    accessibility_de      TEXT,
    accessibility_en      TEXT,
    grid_minutes          INT     NOT NULL DEFAULT 5 CHECK (grid_minutes IN (5, 10, 15, 20, 30)),
    illustrative          BOOLEAN NOT NULL DEFAULT FALSE,
    position              INT     NOT NULL
);

CREATE TABLE locations.location_department (
    location_id   TEXT NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES locations.department (id),
    PRIMARY KEY (location_id, department_id)
);

-- Regular weekly hours; several intervals a day are allowed (e.g. 08:00-12:00, 13:00-18:00).
CREATE TABLE locations.opening_hours (
    location_id TEXT NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    weekday     INT  NOT NULL CHECK (weekday BETWEEN 1 AND 7), -- ISO: 1 = Monday
    opens       TIME NOT NULL,
    closes      TIME NOT NULL,
    CHECK (opens < closes),
    PRIMARY KEY (location_id, weekday, opens)
);

-- Closures on top of public holidays (which are computed, not stored).
CREATE TABLE locations.closure (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    first_day   DATE NOT NULL,
    last_day    DATE NOT NULL,
    reason_de   TEXT NOT NULL,
    reason_en   TEXT NOT NULL,
    CHECK (first_day <= last_day)
);
CREATE INDEX closure_by_location ON locations.closure (location_id, last_day);

CREATE TABLE locations.counter (
    id          TEXT PRIMARY KEY,
    location_id TEXT NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    position    INT  NOT NULL,
    UNIQUE (location_id, name)
);

-- The procedures a counter can serve (its skills). Procedure ids belong to the catalogue.
CREATE TABLE locations.counter_skill (
    counter_id   TEXT NOT NULL REFERENCES locations.counter (id) ON DELETE CASCADE,
    procedure_id TEXT NOT NULL,
    PRIMARY KEY (counter_id, procedure_id)
);
CREATE INDEX counter_skill_by_procedure ON locations.counter_skill (procedure_id);

-- The mobile kit (Bürgerkoffer) is a location of kind MOBILE_KIT; its equipment and its tour.
CREATE TABLE locations.mobile_kit_equipment (
    location_id TEXT NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    position    INT  NOT NULL,
    item_de     TEXT NOT NULL,
    item_en     TEXT NOT NULL,
    PRIMARY KEY (location_id, position)
);

CREATE TABLE locations.tour_place (
    id                TEXT PRIMARY KEY,
    location_id       TEXT    NOT NULL REFERENCES locations.location (id) ON DELETE CASCADE,
    name_de           TEXT    NOT NULL,
    name_en           TEXT    NOT NULL,
    street            TEXT    NOT NULL,
    postal_code       TEXT    NOT NULL,
    city              TEXT    NOT NULL,
    district          TEXT,
    step_free         BOOLEAN NOT NULL,
    accessible_toilet BOOLEAN NOT NULL,
    hearing_loop      BOOLEAN NOT NULL,
    disabled_parking  BOOLEAN NOT NULL,
    accessibility_de  TEXT,
    accessibility_en  TEXT,
    position          INT     NOT NULL
);

-- A recurring visit: every `every_weeks` weeks on `weekday`, starting with `first_day`.
CREATE TABLE locations.tour_visit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place_id    TEXT NOT NULL REFERENCES locations.tour_place (id) ON DELETE CASCADE,
    first_day   DATE NOT NULL,
    last_day    DATE,
    every_weeks INT  NOT NULL CHECK (every_weeks BETWEEN 1 AND 8),
    opens       TIME NOT NULL,
    closes      TIME NOT NULL,
    CHECK (opens < closes)
);
