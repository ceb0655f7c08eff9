package de.buergerservice.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A clock tests can set and advance. Starts at a fixed moment so that tests of dates
 * (holidays, opening hours) do not depend on the day they run.
 */
public final class MutableClock extends Clock {

	/** Wednesday, 25 November 2026, 09:00 in Leipzig. */
	public static final ZonedDateTime START = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneId.of("Europe/Berlin"));

	private final ZoneId zone;

	private volatile Instant now;

	public MutableClock() {
		this(START.toInstant(), START.getZone());
	}

	private MutableClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void set(ZonedDateTime time) {
		this.now = time.toInstant();
	}

	public void advance(Duration duration) {
		this.now = now.plus(duration);
	}

	public void reset() {
		this.now = START.toInstant();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

}
