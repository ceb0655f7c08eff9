package de.buergerservice.booking.web;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads a time with offset as the API takes it ({@code 2026-12-08T09:00:00+01:00}): the
 * shape {@link SlotTimes} writes, which clients send back when they book, is read
 * directly; every other shape (fractions, lower case, offsets with seconds) goes to
 * {@link OffsetDateTime#parse}, whose rules decide. {@code DateTimeFormatter}'s parsing
 * was about a thirtieth of the application's CPU in the booking rush.
 */
final class OffsetTimes {

	private OffsetTimes() {
	}

	/**
	 * The time; throws {@link DateTimeException} where {@link OffsetDateTime#parse}
	 * would.
	 */
	static OffsetDateTime parse(String text) {
		OffsetDateTime read = plain(text);
		return read != null ? read : OffsetDateTime.parse(text);
	}

	/**
	 * {@code uuuu-MM-ddTHH:mm:ss} and {@code Z} or {@code ±HH:MM}; null for another
	 * shape. Values out of range throw as {@link OffsetDateTime#parse} does.
	 */
	private static OffsetDateTime plain(String text) {
		int length = text.length();
		if ((length != 20 && length != 25) || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		ZoneOffset offset;
		char sign = text.charAt(19);
		if (length == 20) {
			if (sign != 'Z') {
				return null;
			}
			offset = ZoneOffset.UTC;
		}
		else {
			int hours = digits(text, 20, 2);
			int minutes = digits(text, 23, 2);
			if ((sign != '+' && sign != '-') || text.charAt(22) != ':' || (hours | minutes) < 0) {
				return null;
			}
			offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
					: ZoneOffset.ofHoursMinutes(-hours, -minutes);
		}
		return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second), offset);
	}

	/** The number the ASCII digits at {@code from} spell; -1 if one is not a digit. */
	private static int digits(String text, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
