package de.buergerservice.booking.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The start and end times of slots as the API writes them: ISO 8601 with the city's
 * offset at that moment ({@code 2026-12-08T09:00:00+01:00}), as Jackson writes an
 * {@code OffsetDateTime}. Each whole second is formatted once and remembered: slots lie
 * on a grid of a few thousand times, and formatting them took a seventh of the CPU of a
 * day's start times in the Berlin benchmark. At most {@link #REMEMBERED} are kept
 * (forgotten all at once when full).
 */
final class SlotTimes {

	static final int REMEMBERED = 100_000;

	private final ZoneId zone;

	private final Map<Long, String> formatted = new ConcurrentHashMap<>();

	SlotTimes(ZoneId zone) {
		this.zone = zone;
	}

	String format(Instant instant) {
		if (instant.getNano() != 0) {
			return formatNow(instant);
		}
		Long second = instant.getEpochSecond();
		String known = formatted.get(second);
		if (known == null) {
			known = formatNow(instant);
			if (formatted.size() >= REMEMBERED) {
				formatted.clear();
			}
			formatted.put(second, known);
		}
		return known;
	}

	private String formatNow(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
	}

}
