package de.buergerservice.locations.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import de.buergerservice.locations.Holiday;
import de.buergerservice.shared.City;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicHolidaysTest {

	private final PublicHolidays saxony = new PublicHolidays(
			new City("Leipzig", "Amt für Bürgerservice", "Meine Stadt, ein Service", "0341 123-0", "115",
					ZoneId.of("Europe/Berlin"), "de", "sn", "http://localhost:8080"));

	@Test
	void knowsBussUndBettagInSaxony() {
		assertThat(saxony.on(LocalDate.of(2026, 11, 18))).map(Holiday::name)
			.hasValueSatisfying(name -> assertThat(name.de()).containsIgnoringCase("Buß"));
		assertThat(saxony.on(LocalDate.of(2027, 11, 17))).isPresent();
		assertThat(saxony.on(LocalDate.of(2026, 11, 25))).isEmpty();
	}

	@Test
	void knowsReformationDayAndTheNationalHolidays() {
		assertThat(saxony.on(LocalDate.of(2026, 10, 31))).isPresent();
		assertThat(saxony.on(LocalDate.of(2026, 10, 3))).isPresent();
		assertThat(saxony.on(LocalDate.of(2026, 12, 25))).isPresent();
		assertThat(saxony.on(LocalDate.of(2026, 12, 26))).isPresent();
		assertThat(saxony.on(LocalDate.of(2027, 3, 26))).as("Good Friday 2027").isPresent();
	}

	@Test
	void namesHolidaysInGermanAndEnglish() {
		Holiday christmas = saxony.on(LocalDate.of(2026, 12, 25)).orElseThrow();

		assertThat(christmas.name().de()).isNotBlank();
		assertThat(christmas.name().en()).isNotBlank().isNotEqualTo(christmas.name().de());
	}

	@Test
	void doesNotKnowHolidaysOfOtherStates() {
		// Epiphany is a holiday in Bavaria, not in Saxony
		assertThat(saxony.on(LocalDate.of(2027, 1, 6))).isEmpty();
		// International Women's Day is one in Berlin only
		assertThat(saxony.on(LocalDate.of(2027, 3, 8))).isEmpty();
	}

	@Test
	void listsTheHolidaysBetweenTwoDatesInOrder() {
		assertThat(saxony.between(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).extracting(Holiday::date)
			.containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
	}

}
