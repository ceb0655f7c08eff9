package de.buergerservice.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many citizens' changes (bookings, cancellations, registrations: every request that
 * is not a {@code GET} outside {@code /staff}) one instance works on at once, and how
 * long one more waits for its turn before it is answered 503 with {@code Retry-After}.
 *
 * @param maxConcurrent changes worked on at once; about the database pool's size (more
 * only queue for its connections: measured in the Berlin rush, docs/benchmarks.md)
 * @param maxWait how long a change waits for its turn
 * @param retryAfter what the 503 tells the client to wait before it tries again
 */
@ConfigurationProperties("buergerservice.admission")
record AdmissionProperties(@DefaultValue("10") int maxConcurrent, @DefaultValue("1s") Duration maxWait,
		@DefaultValue("5s") Duration retryAfter) {

}
