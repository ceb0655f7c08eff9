-- Asks PostgreSQL the question the application answers from memory, on the same data
-- (booking.capacity, booking.pool, the catalogue's durations, the locations' grids):
-- a start time counts if the whole visit (units = duration / grid, rounded up; at most 12,
-- i.e. an hour on a 5-minute grid) fits into consecutive ONLINE units without a gap of ONE pool
-- of the location whose skills cover the procedure, every unit with a seat free, and the online
-- rules allow it (the defaults: at least 60 minutes ahead; today only before 08:00).
-- (c) Anywhere: the 20 earliest start times across all locations with a pool that serves the
-- procedure, within 31 days from the first day. Day by day (a lateral subquery per day, in
-- order), so that PostgreSQL stops at the day that completes the 20, like the application.
\set i random(1, :procedures)
\set off random(1, :max_offset)
WITH q0 AS (
  SELECT b.procedure_id, (now() AT TIME ZONE 'Europe/Berlin')::date + :off AS first_day
  FROM bench.proc15 b
  WHERE b.n = :i
)
SELECT found.location_id AS location, found.start, found."end", found.free
FROM q0
CROSS JOIN generate_series(0, 30) AS d(day)
CROSS JOIN LATERAL (
  WITH q AS (
    SELECT q0.procedure_id, l.id AS location_id, l.grid_minutes AS grid,
           ceil(pr.duration_minutes::numeric / l.grid_minutes)::int AS units, q0.first_day + d.day AS first_day
    FROM catalog.procedure pr, locations.location l
    WHERE pr.id = q0.procedure_id
  ), units AS (
    -- every ONLINE unit of the candidate pools, with the last unit a visit starting there would
    -- take (window: the pool's units in time order) and the seats free in all its units
    SELECT q.location_id, c.pool_id, c.slot_start, q.units, q.grid,
           lead(c.slot_start, q.units - 1) OVER w AS last_unit,
           LEAST(c.capacity - c.booked,
                   CASE WHEN q.units > 1 THEN lead(c.capacity - c.booked, 1) OVER w END,
                   CASE WHEN q.units > 2 THEN lead(c.capacity - c.booked, 2) OVER w END,
                   CASE WHEN q.units > 3 THEN lead(c.capacity - c.booked, 3) OVER w END,
                   CASE WHEN q.units > 4 THEN lead(c.capacity - c.booked, 4) OVER w END,
                   CASE WHEN q.units > 5 THEN lead(c.capacity - c.booked, 5) OVER w END,
                   CASE WHEN q.units > 6 THEN lead(c.capacity - c.booked, 6) OVER w END,
                   CASE WHEN q.units > 7 THEN lead(c.capacity - c.booked, 7) OVER w END,
                   CASE WHEN q.units > 8 THEN lead(c.capacity - c.booked, 8) OVER w END,
                   CASE WHEN q.units > 9 THEN lead(c.capacity - c.booked, 9) OVER w END,
                   CASE WHEN q.units > 10 THEN lead(c.capacity - c.booked, 10) OVER w END,
                   CASE WHEN q.units > 11 THEN lead(c.capacity - c.booked, 11) OVER w END) AS free
    FROM q
    JOIN booking.pool p ON p.location_id = q.location_id AND p.skills @> ARRAY[q.procedure_id]
    JOIN booking.capacity c ON c.pool_id = p.id AND c.channel = 'ONLINE'
     AND c.slot_start >= (q.first_day)::timestamp AT TIME ZONE 'Europe/Berlin'
     AND c.slot_start < (q.first_day + 1)::timestamp AT TIME ZONE 'Europe/Berlin'
    WINDOW w AS (PARTITION BY c.pool_id ORDER BY c.slot_start)
  )
  SELECT location_id, slot_start AS start, slot_start + units * grid * interval '1 minute' AS "end",
         sum(free) AS free
  FROM units
  WHERE true
    AND last_unit = slot_start + (units - 1) * grid * interval '1 minute' AND free > 0
    AND slot_start >= now() + interval '60 minutes'
    AND ((slot_start AT TIME ZONE 'Europe/Berlin')::date > (now() AT TIME ZONE 'Europe/Berlin')::date
         OR (now() AT TIME ZONE 'Europe/Berlin')::time < time '08:00')
  GROUP BY location_id, slot_start, units, grid
  ORDER BY slot_start, location_id
) AS found
LIMIT 20;
