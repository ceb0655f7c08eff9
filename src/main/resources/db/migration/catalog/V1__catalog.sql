-- The procedure catalogue (Leistungskatalog) and the life events (Lebenslagen) that bundle it.
CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE catalog.procedure (
    id               TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    leika_key        TEXT CHECK (leika_key ~ '^99[0-9]{12}$'),
    department_id    TEXT    NOT NULL,
    name_de          TEXT    NOT NULL,
    name_en          TEXT    NOT NULL,
    summary_de       TEXT    NOT NULL,
    summary_en       TEXT    NOT NULL,
    description_de   TEXT    NOT NULL,
    description_en   TEXT    NOT NULL,
    keywords_de      TEXT    NOT NULL DEFAULT '',
    keywords_en      TEXT    NOT NULL DEFAULT '',
    duration_minutes INT     NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
    max_quantity     INT     NOT NULL DEFAULT 1 CHECK (max_quantity BETWEEN 1 AND 10),
    bookable         BOOLEAN NOT NULL,
    walk_in          BOOLEAN NOT NULL DEFAULT FALSE,
    online_url       TEXT,
    online_label_de  TEXT,
    online_label_en  TEXT,
    position         INT     NOT NULL
);

CREATE TABLE catalog.procedure_document (
    procedure_id TEXT NOT NULL REFERENCES catalog.procedure (id) ON DELETE CASCADE,
    position     INT  NOT NULL,
    text_de      TEXT NOT NULL,
    text_en      TEXT NOT NULL,
    PRIMARY KEY (procedure_id, position)
);

-- Fees: an amount in euro cents, or NULL where the fee varies (the label says on what).
CREATE TABLE catalog.procedure_fee (
    procedure_id TEXT NOT NULL REFERENCES catalog.procedure (id) ON DELETE CASCADE,
    position     INT  NOT NULL,
    amount_cents INT CHECK (amount_cents >= 0),
    label_de     TEXT NOT NULL,
    label_en     TEXT NOT NULL,
    PRIMARY KEY (procedure_id, position)
);

CREATE TABLE catalog.life_event (
    id             TEXT PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
    name_de        TEXT NOT NULL,
    name_en        TEXT NOT NULL,
    description_de TEXT NOT NULL,
    description_en TEXT NOT NULL,
    position       INT  NOT NULL
);

CREATE TABLE catalog.life_event_procedure (
    life_event_id TEXT NOT NULL REFERENCES catalog.life_event (id) ON DELETE CASCADE,
    procedure_id  TEXT NOT NULL REFERENCES catalog.procedure (id) ON DELETE CASCADE,
    position      INT  NOT NULL,
    PRIMARY KEY (life_event_id, procedure_id)
);
