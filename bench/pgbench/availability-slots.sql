-- Asks PostgreSQL the question the application answers from memory, on the same data
-- (booking.capacity, booking.pool, the catalogue's durations, the locations' grids):
-- a start time counts if the whole visit (units = duration / grid, rounded up; at most 12,
-- i.e. an hour on a 5-minute grid) fits into consecutive ONLINE units without a gap of ONE pool
-- of the location whose skills cover the procedure, every unit with a seat free, and the online
-- rules allow it (the defaults: at least 60 minutes ahead; today only before 08:00).
-- (b) The start times of one day at one location, with how many more such visits fit (the free
-- seats summed over the candidate pools).
\set i random(1, :pairs)
\set off random(1, :max_offset)
WITH q AS (
  SELECT pr.id AS procedure_id, l.id AS location_id, l.grid_minutes AS grid,
         ceil(pr.duration_minutes::numeric / l.grid_minutes)::int AS units,
         (now() AT TIME ZONE 'Europe/Berlin')::date + :off AS first_day
  FROM bench.pair15 b
  JOIN catalog.procedure pr ON pr.id = b.procedure_id
  JOIN locations.location l ON l.id = b.location_id
  WHERE b.n = :i
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
SELECT slot_start AS start, slot_start + units * grid * interval '1 minute' AS "end", sum(free) AS free
FROM units
WHERE true
  AND last_unit = slot_start + (units - 1) * grid * interval '1 minute' AND free > 0
  AND slot_start >= now() + interval '60 minutes'
  AND ((slot_start AT TIME ZONE 'Europe/Berlin')::date > (now() AT TIME ZONE 'Europe/Berlin')::date
       OR (now() AT TIME ZONE 'Europe/Berlin')::time < time '08:00')
GROUP BY slot_start, units, grid
ORDER BY slot_start;
