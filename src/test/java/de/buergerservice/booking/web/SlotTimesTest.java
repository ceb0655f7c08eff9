package de.buergerservice.booking.web;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slot's time is written as Jackson writes the {@code OffsetDateTime} in the city's
 * zone (the API's format before the times were remembered), on both sides of the clock
 * changes and with fractions of a second; a whole second is formatted once.
 */
class SlotTimesTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SlotTimes times = new SlotTimes(BERLIN);

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-08T08:00:00Z", "2026-03-29T00:55:00Z", "2026-03-29T01:00:00Z",
			"2026-10-25T00:55:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:05:00Z", "2027-01-01T23:59:59Z",
			"2026-07-01T10:15:30.250Z", "2026-07-01T10:15:30.000000001Z" })
	void writesWhatJacksonWritesForTheOffsetDateTime(String moment) {
		Instant instant = Instant.parse(moment);

		String written = times.format(instant);

		assertThat('"' + written + '"').isEqualTo(JSON.writeValueAsString(instant.atZone(BERLIN).toOffsetDateTime()));
		assertThat(times.format(instant)).isEqualTo(written);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-08T08:00:00Z", "2026-10-25T01:00:00Z" })
	void formatsAWholeSecondOnce(String moment) {
		Instant instant = Instant.parse(moment);

		assertThat(times.format(instant)).isSameAs(times.format(Instant.parse(moment)));
	}

}
