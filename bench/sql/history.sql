-- History for the Berlin-scale benchmark: :n appointments on past days (the last 365 days,
-- weekdays, within usual hours), spread over every pool and the procedures its counters
-- serve; 85 % CONFIRMED, 10 % CANCELLED, 5 % EXPIRED; 70 % online, 20 % phone, 10 % counter;
-- each with its appointment_procedure row and a MANAGE token hash. Past days have no capacity
-- rows (the application plans from today on), so the ledger is unaffected.
-- Run by bench/berlin-setup.sh: psql -v n=1500000 -f history.sql
\set ON_ERROR_STOP on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';
SELECT setseed(0.20261125) \gset

-- What a history appointment can be: every (pool, bookable procedure it serves), with units.
DROP TABLE IF EXISTS bench.history_choice;
CREATE UNLOGGED TABLE bench.history_choice AS
SELECT row_number() OVER (ORDER BY p.id, s.procedure_id)::int AS n, p.id AS pool_id, p.location_id,
       s.procedure_id, ceil(pr.duration_minutes::numeric / l.grid_minutes)::int AS units, l.grid_minutes
FROM booking.pool p
CROSS JOIN LATERAL unnest(p.skills) AS s(procedure_id)
JOIN catalog.procedure pr ON pr.id = s.procedure_id AND pr.bookable
JOIN locations.location l ON l.id = p.location_id;
CREATE UNIQUE INDEX ON bench.history_choice (n);
ANALYZE bench.history_choice;

DROP TABLE IF EXISTS bench.history;
CREATE UNLOGGED TABLE bench.history AS
WITH draw AS (
  SELECT g,
         1 + floor(random() * (SELECT count(*) FROM bench.history_choice))::int AS pick,
         current_date - 1 - floor(random() * 365)::int AS day,
         floor(random() * 72)::int AS slot,          -- 08:00 + 6 h in 5-minute steps
         random() AS status_draw, random() AS channel_draw, random() AS lang_draw,
         floor(random() * 700000)::int AS citizen, 1 + floor(random() * 60)::int AS lead_days
  FROM generate_series(1, :n) AS g
), placed AS (
  SELECT d.*, c.pool_id, c.location_id, c.procedure_id, c.units, c.grid_minutes,
         -- weekends move to the Friday before
         (d.day - CASE extract(isodow FROM d.day) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END) AS weekday,
         -- the reference is a bijection of g in the application's format T-XXXX-XXXX
         (g::bigint * 42503288727) & 1099511627775 AS code, '0123456789ABCDEFGHJKMNPQRSTVWXYZ' AS a
  FROM draw d JOIN bench.history_choice c ON c.n = d.pick
)
SELECT md5('history-' || g)::uuid AS id,
       'T-' || substr(a, ((code >> 0) & 31)::int + 1, 1) || substr(a, ((code >> 5) & 31)::int + 1, 1) || substr(a, ((code >> 10) & 31)::int + 1, 1) || substr(a, ((code >> 15) & 31)::int + 1, 1)
         || '-' || substr(a, ((code >> 20) & 31)::int + 1, 1) || substr(a, ((code >> 25) & 31)::int + 1, 1) || substr(a, ((code >> 30) & 31)::int + 1, 1) || substr(a, ((code >> 35) & 31)::int + 1, 1) AS reference,
       CASE WHEN status_draw < 0.85 THEN 'CONFIRMED' WHEN status_draw < 0.95 THEN 'CANCELLED' ELSE 'EXPIRED' END
         AS status,
       CASE WHEN channel_draw < 0.70 THEN 'ONLINE' WHEN channel_draw < 0.90 THEN 'PHONE' ELSE 'COUNTER' END
         AS channel,
       location_id, pool_id, procedure_id, units,
       ((weekday + time '08:00') AT TIME ZONE 'Europe/Berlin') + slot * interval '5 minutes' AS start_at,
       ((weekday + time '08:00') AT TIME ZONE 'Europe/Berlin') + slot * interval '5 minutes'
         + units * grid_minutes * interval '1 minute' AS end_at,
       'Bürgerin ' || citizen AS citizen_name,
       'buerger' || citizen || '@history.bench.example' AS citizen_email,
       CASE WHEN lang_draw < 0.85 THEN 'de' ELSE 'en' END AS language,
       lead_days, g
FROM placed;

INSERT INTO booking.appointment (id, reference, status, channel, location_id, pool_id, start_at, end_at, units,
  citizen_name, citizen_email, citizen_phone, language, hold_expires_at, reminder_due_at, reminded_at,
  created_at, updated_at)
SELECT id, reference, status, channel, location_id, pool_id, start_at, end_at, units, citizen_name, citizen_email,
       NULL, language, NULL, start_at - interval '24 hours',
       CASE WHEN status = 'CONFIRMED' THEN start_at - interval '24 hours' END,
       start_at - lead_days * interval '1 day', start_at - lead_days * interval '1 day'
FROM bench.history;

INSERT INTO booking.appointment_procedure (appointment_id, procedure_id, quantity, position)
SELECT id, procedure_id, 1, 0 FROM bench.history;

INSERT INTO booking.appointment_token (token_hash, appointment_id, purpose, created_at)
SELECT sha256(convert_to('history-token-' || g, 'UTF8')), id, 'MANAGE', start_at - lead_days * interval '1 day'
FROM bench.history;

INSERT INTO bench.meta (key, value) VALUES ('history', (SELECT count(*) FROM bench.history)::text)
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, at = now();

DROP TABLE bench.history;
DROP TABLE bench.history_choice;
