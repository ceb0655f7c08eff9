package de.buergerservice.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import de.buergerservice.locations.LocationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocationRulesTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private final LocationRules leipzig = new LocationRules(LocationId.of("buergerbuero-test"), 42,
			ReleaseMode.SCHEDULED, List.of(LocalTime.of(17, 0), LocalTime.of(10, 0)), LocalTime.of(8, 0), 60,
			Map.of(Channel.ONLINE, 70, Channel.PHONE, 20, Channel.COUNTER, 10));

	@Test
	void releasesTheNewestDayInStepsAtTheReleaseTimes() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		LocalDate newest = today.plusDays(42);

		assertThat(leipzig.releasedFraction(newest, at(today, 9, 59))).isZero();
		assertThat(leipzig.releasedFraction(newest, at(today, 10, 0))).isEqualTo(0.5);
		assertThat(leipzig.releasedFraction(newest, at(today, 16, 59))).isEqualTo(0.5);
		assertThat(leipzig.releasedFraction(newest, at(today, 17, 0))).isEqualTo(1.0);
		assertThat(leipzig.releasedFraction(newest.minusDays(1), at(today, 6, 0))).isEqualTo(1.0);
		assertThat(leipzig.releasedFraction(newest.plusDays(1), at(today, 23, 0))).isZero();
		assertThat(leipzig.releasedFraction(today.minusDays(1), at(today, 12, 0))).isZero();
	}

	@Test
	void knowsTheLastDayWithAnythingReleased() {
		LocalDate today = LocalDate.of(2026, 11, 25);

		assertThat(leipzig.releasedThrough(at(today, 9, 0))).isEqualTo(today.plusDays(41));
		assertThat(leipzig.releasedThrough(at(today, 10, 0))).isEqualTo(today.plusDays(42));
	}

	@Test
	void releasesEveryDayUpToTheHorizonWhenRolling() {
		LocationRules rolling = new LocationRules(LocationId.of("x"), 14, ReleaseMode.ROLLING, List.of(), null, 0,
				Map.of(Channel.ONLINE, 100));
		LocalDate today = LocalDate.of(2026, 11, 25);

		assertThat(rolling.releasedFraction(today.plusDays(14), at(today, 0, 1))).isEqualTo(1.0);
		assertThat(rolling.releasedFraction(today.plusDays(15), at(today, 23, 59))).isZero();
	}

	@Test
	void refusesOnlineBookingsTooSoonOrForTodayAfterTheCutOff() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		var morning = at(today, 7, 30);

		assertThat(leipzig.allowsOnline(at(today, 8, 0).toInstant(), morning)).as("within the lead time").isFalse();
		assertThat(leipzig.allowsOnline(at(today, 11, 0).toInstant(), morning)).as("before the cut-off").isTrue();
		assertThat(leipzig.allowsOnline(at(today, 11, 0).toInstant(), at(today, 8, 0))).as("after the cut-off")
			.isFalse();
		assertThat(leipzig.allowsOnline(at(today.plusDays(1), 8, 0).toInstant(), at(today, 15, 0))).isTrue();
	}

	@Test
	void aDaysFirstOnlineStartIsTheEndOfTheLeadTimeOrNoneAfterTheCutOff() {
		LocalDate today = LocalDate.of(2026, 11, 25);
		var morning = at(today, 7, 30);

		assertThat(leipzig.firstOnlineStart(today, morning)).isNotNull()
			.satisfies(first -> assertThat(leipzig.allowsOnline(first, morning)).isTrue())
			.satisfies(first -> assertThat(leipzig.allowsOnline(first.minusSeconds(1), morning)).isFalse());
		assertThat(leipzig.firstOnlineStart(today, at(today, 8, 0))).as("after the cut-off").isNull();
		assertThat(leipzig.firstOnlineStart(today.plusDays(1), at(today, 15, 0))).as("tomorrow")
			.isEqualTo(at(today, 16, 0).toInstant());
	}

	@Test
	void rejectsSharesThatDoNotAddUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LocationRules(LocationId.of("x"), 14,
				ReleaseMode.ROLLING, List.of(), null, 0, Map.of(Channel.ONLINE, 70, Channel.PHONE, 20)));
		assertThatIllegalArgumentException().isThrownBy(() -> new LocationRules(LocationId.of("x"), 14,
				ReleaseMode.SCHEDULED, List.of(), null, 0, Map.of(Channel.ONLINE, 100)));
	}

	private static ZonedDateTime at(LocalDate date, int hour, int minute) {
		return ZonedDateTime.of(date, LocalTime.of(hour, minute), BERLIN);
	}

}
