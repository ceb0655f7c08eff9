-- Rate-limit buckets whose window has passed are removed (RateLimits.purge, hourly): found by
-- their expiry, not by reading the whole table.
CREATE INDEX rate_limit_bucket_expires_at ON booking.rate_limit_bucket (expires_at);
