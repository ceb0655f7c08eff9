-- The booking transaction of the rush in SQL, as the application runs it (CapacityStore.claim,
-- AppointmentStore.insert and addTokens, AppointmentService.hold): lock the visit's ONLINE
-- capacity rows in time order, and if all of them have a seat free, add one to each, insert the
-- appointment (awaiting e-mail confirmation, as installations require by default) with its
-- procedure in one statement and its two token hashes (manage, confirm) in another, commit;
-- otherwise roll back.
-- Its references start with P- (the application's with T-): drawn at random like the application's,
-- they could meet one of the 1.5 million of the history, which aborted a run.
-- The visit is a random free start of bench.rush_slot (pool, start, end, units), made by
-- bench/rush.sh from the same free capacity the application's clients saw.
-- -D app_steps=1 adds what the application's transaction does besides: the per-e-mail
-- advisory lock, the count of the address's upcoming appointments and the pg_notify that tells
-- other instances about the change.
\set n random(1, :slots)
BEGIN;
\if :app_steps
SELECT pg_advisory_xact_lock(hashtext('email:pgbench-' || :n || '-' || :client_id || '@pgbench.bench.example'));
SELECT count(*) FROM booking.appointment
WHERE lower(citizen_email) = 'pgbench-' || :n || '-' || :client_id || '@pgbench.bench.example'
  AND status IN ('AWAITING_CONFIRMATION', 'CONFIRMED') AND start_at > now();
\endif
SELECT (count(*) = min(l.units) AND bool_and(l.free > 0))::int AS ok, quote_literal(gen_random_uuid()) AS id
FROM (SELECT c.capacity - c.booked AS free, s.units
      FROM bench.rush_slot s
      JOIN booking.capacity c ON c.pool_id = s.pool_id AND c.channel = 'ONLINE'
       AND c.slot_start >= s.slot_start AND c.slot_start < s.slot_end
      WHERE s.n = :n
      ORDER BY c.slot_start
      FOR UPDATE OF c) AS l \gset
\if :ok
UPDATE booking.capacity c SET booked = c.booked + 1
FROM bench.rush_slot s
WHERE s.n = :n AND c.pool_id = s.pool_id AND c.channel = 'ONLINE'
  AND c.slot_start >= s.slot_start AND c.slot_start < s.slot_end;
\if :app_steps
SELECT pg_notify('booking_capacity', 'd|pgbench|' || pool_id || '|ONLINE|' || extract(epoch FROM slot_start)::bigint
  || '|' || units || '|1') FROM bench.rush_slot WHERE n = :n;
\endif
WITH appointment AS (
  INSERT INTO booking.appointment (id, reference, status, channel, location_id, pool_id, start_at, end_at, units,
    citizen_name, citizen_email, citizen_phone, language, hold_expires_at, reminder_due_at, created_at, updated_at)
  SELECT :id::uuid,
         'P-' || (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
                  FROM generate_series(1, 4)) || '-'
              || (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 1 + floor(random() * 32)::int, 1), '')
                  FROM generate_series(1, 4)),
         'AWAITING_CONFIRMATION', 'ONLINE', s.location_id, s.pool_id, s.slot_start, s.slot_end, s.units,
         'pgbench', 'pgbench-' || :n || '-' || :client_id || '@pgbench.bench.example', NULL, 'de',
         now() + interval '30 minutes', s.slot_start - interval '24 hours', now(), now()
  FROM bench.rush_slot s WHERE s.n = :n
  RETURNING id)
INSERT INTO booking.appointment_procedure (appointment_id, procedure_id, quantity, position)
SELECT appointment.id, s.procedure_id, 1, 0 FROM appointment, bench.rush_slot s WHERE s.n = :n;
INSERT INTO booking.appointment_token (token_hash, appointment_id, purpose, created_at)
VALUES (sha256(convert_to(:id || 'manage', 'UTF8')), :id::uuid, 'MANAGE', now()),
       (sha256(convert_to(:id || 'confirm', 'UTF8')), :id::uuid, 'CONFIRM', now());
COMMIT;
\else
ROLLBACK;
\endif
