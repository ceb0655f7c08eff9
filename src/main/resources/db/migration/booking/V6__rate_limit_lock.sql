-- Rate-limit buckets are counted under a transaction-level advisory lock on the bucket's key
-- (RateLimits); the purge takes the same lock, whose number each row keeps. Buckets stored
-- before carry no number: they are dropped, which restarts their limits once at the upgrade
-- (a window of requests at most).
DELETE FROM booking.rate_limit_bucket;
ALTER TABLE booking.rate_limit_bucket ADD COLUMN lock_id BIGINT NOT NULL;
