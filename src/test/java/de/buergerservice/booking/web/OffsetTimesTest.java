package de.buergerservice.booking.web;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link OffsetTimes} reads what {@link OffsetDateTime#parse} reads, with the same
 * result, and refuses what it refuses.
 */
class OffsetTimesTest {

	@Property(tries = 3000)
	void agreesWithOffsetDateTimeOnTheCanonicalShape(@ForAll @IntRange(min = 0, max = 9999) int year,
			@ForAll @IntRange(min = 0, max = 13) int month, @ForAll @IntRange(min = 0, max = 32) int day,
			@ForAll @IntRange(min = 0, max = 25) int hour, @ForAll @IntRange(min = 0, max = 61) int minute,
			@ForAll @IntRange(min = 0, max = 61) int second, @ForAll @IntRange(min = 0, max = 2) int sign,
			@ForAll @IntRange(min = 0, max = 19) int offsetHours,
			@ForAll @IntRange(min = 0, max = 61) int offsetMinutes) {
		String offset = sign == 0 ? "Z" : "%s%02d:%02d".formatted(sign == 1 ? "+" : "-", offsetHours, offsetMinutes);
		String text = "%04d-%02d-%02dT%02d:%02d:%02d%s".formatted(year, month, day, hour, minute, second, offset);

		assertSameAsJava(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-08T09:00:00+01:00", "2026-03-29T03:00:00+02:00", "2026-10-25T02:30:00+01:00",
			"2026-12-08T08:00:00Z", "2026-12-08T08:00:00-00:00", "2024-02-29T10:00:00+01:00", "0000-01-01T00:00:00Z",
			"2026-12-08T09:00:00.5+01:00", "2026-12-08t09:00:00+01:00", "2026-12-08T09:00:00z",
			"2026-12-08T09:00:00+01:00:00", "2026-12-08T09:00+01:00", "2026-02-29T09:00:00+01:00",
			"2026-12-08T24:00:00+01:00", "2026-12-08T09:00:60+01:00", "2026-12-08T09:00:00+18:01",
			"2026-12-08T09:00:00+01:60", "2026-12-08T09:00:00*01:00", "2026-12-08T09:00:00+0100",
			"2026-1a-08T09:00:00+01:00", "2026-12-08T09:00:00+01:0x", "+2026-12-08T09:00:00+01:00",
			"2026-12-08 09:00:00+01:00", "２０２６-12-08T09:00:00+01:00", "2026-12-08T09:00:00" })
	void agreesWithOffsetDateTimeOnOtherShapes(String text) {
		assertSameAsJava(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-08T09:00:00+01:00", "2026-12-08T08:00:00Z", "2026-12-08T03:30:00-04:30" })
	void readsTheInstantAndItsOffset(String text) {
		OffsetDateTime read = OffsetTimes.parse(text);

		assertThat(read.toInstant()).hasToString("2026-12-08T08:00:00Z");
		assertThat(read.getOffset()).isEqualTo(OffsetDateTime.parse(text).getOffset());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T09:00:00+01:00", "2026-12-08T09:00:00+19:00", "2026-13-08T09:00:00Z" })
	void refusesImpossibleValuesAsJavaDoes(String text) {
		assertThatThrownBy(() -> OffsetTimes.parse(text)).isInstanceOf(DateTimeException.class);
	}

	private static void assertSameAsJava(String text) {
		OffsetDateTime expected;
		try {
			expected = OffsetDateTime.parse(text);
		}
		catch (DateTimeException ex) {
			assertThatThrownBy(() -> OffsetTimes.parse(text)).as(text).isInstanceOf(DateTimeException.class);
			return;
		}
		OffsetDateTime read = OffsetTimes.parse(text);
		assertThat(read).as(text).isEqualTo(expected);
		assertThat(read.getOffset()).as(text).isEqualTo(expected.getOffset());
		assertThat(read.getOffset() == ZoneOffset.UTC).as(text).isEqualTo(expected.getOffset() == ZoneOffset.UTC);
	}

}
