-- Every change of a unit's booked seats takes a number from one sequence. The availability
-- index of each instance hears of changes after their commit, by two paths (its own commit,
-- and NOTIFY from every instance) and while it may be reading the same day from the table;
-- with the number it applies each change at most once and never an older over a newer one.
CREATE SEQUENCE booking.capacity_version;

ALTER TABLE booking.capacity ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
