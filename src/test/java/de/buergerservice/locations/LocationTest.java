package de.buergerservice.locations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.buergerservice.locations.DaySchedule.Closed;
import de.buergerservice.locations.DaySchedule.Open;
import de.buergerservice.locations.DaySchedule.Reason;
import de.buergerservice.shared.LocalizedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocationTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	private static final LocalDate BUSS_UND_BETTAG = LocalDate.of(2026, 11, 18);

	private static final Holiday REPENTANCE = new Holiday(BUSS_UND_BETTAG,
			LocalizedText.of("Buß- und Bettag", "Day of Repentance and Prayer"));

	private final Location office = office(List.of(new Closure(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24),
			LocalizedText.of("Heiligabend", "Christmas Eve"))));

	@Test
	void isOpenInItsWeeklyHours() {
		DaySchedule monday = office.scheduleOn(MONDAY, Optional.empty());

		assertThat(monday).isInstanceOf(Open.class);
		assertThat(((Open) monday).hours()).containsExactly(TimeRange.parse("08:00-12:00"),
				TimeRange.parse("13:00-18:00"));
	}

	@Test
	void isRegularlyClosedOnDaysWithoutHours() {
		DaySchedule sunday = office.scheduleOn(MONDAY.plusDays(6), Optional.empty());

		assertThat(sunday).isEqualTo(new Closed(MONDAY.plusDays(6), Reason.REGULAR, null));
		assertThat(((Closed) sunday).isExceptional()).isFalse();
	}

	@Test
	void isClosedOnAPublicHolidayThatFallsOnAnOpeningDay() {
		DaySchedule wednesday = office.scheduleOn(BUSS_UND_BETTAG, Optional.of(REPENTANCE));

		assertThat(wednesday).isEqualTo(new Closed(BUSS_UND_BETTAG, Reason.PUBLIC_HOLIDAY, REPENTANCE.name()));
		assertThat(((Closed) wednesday).isExceptional()).isTrue();
	}

	@Test
	void isClosedOnAPlannedClosureWithItsReason() {
		DaySchedule christmasEve = office.scheduleOn(LocalDate.of(2026, 12, 24), Optional.empty());

		assertThat(christmasEve).isInstanceOf(Closed.class);
		assertThat(((Closed) christmasEve).reason()).isEqualTo(Reason.CLOSURE);
		assertThat(((Closed) christmasEve).explanation().en()).isEqualTo("Christmas Eve");
	}

	@Test
	void mobileKitIsOpenOnlyWhereItsTourStops() {
		TourPlace plagwitz = place("bibliothek-plagwitz", LocalDate.of(2026, 1, 7));
		TourPlace reudnitz = place("bibliothek-reudnitz", LocalDate.of(2026, 1, 14));
		Location kit = new Location(LocationId.of("buergerkoffer"), LocationKind.MOBILE_KIT,
				LocalizedText.of("Bürgerkoffer", "Mobile kit"), List.of(), address(), null, null, null, access(), 10,
				WeeklyHours.none(), List.of(), true,
				new MobileKit(List.of(LocalizedText.of("Laptop", "Laptop")), List.of(plagwitz, reudnitz)));

		LocalDate wednesday = LocalDate.of(2026, 11, 25);
		DaySchedule first = kit.scheduleOn(wednesday, Optional.empty());
		DaySchedule second = kit.scheduleOn(wednesday.plusWeeks(1), Optional.empty());
		DaySchedule thursday = kit.scheduleOn(wednesday.plusDays(1), Optional.empty());

		assertThat(first).isInstanceOf(Open.class);
		assertThat(((Open) first).place()).isEqualTo(plagwitz);
		assertThat(((Open) second).place()).isEqualTo(reudnitz);
		assertThat(thursday).isEqualTo(new Closed(wednesday.plusDays(1), Reason.REGULAR, null));
	}

	@Test
	void tourVisitRecursEveryGivenWeeksFromItsFirstDay() {
		TourVisit visit = new TourVisit(LocalDate.of(2026, 1, 8), LocalDate.of(2026, 12, 31), 4,
				TimeRange.parse("10:00-15:00"));

		assertThat(visit.occursOn(LocalDate.of(2026, 1, 8))).isTrue();
		assertThat(visit.occursOn(LocalDate.of(2026, 2, 5))).isTrue();
		assertThat(visit.occursOn(LocalDate.of(2026, 1, 22))).isFalse();
		assertThat(visit.occursOn(LocalDate.of(2026, 1, 1))).isFalse();
		assertThat(visit.occursOn(LocalDate.of(2027, 1, 7))).isFalse();
	}

	@Test
	void rejectsOverlappingHoursAndEmptyRanges() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WeeklyHours(
				Map.of(DayOfWeek.MONDAY, List.of(TimeRange.parse("08:00-12:00"), TimeRange.parse("11:00-14:00")))));
		assertThatIllegalArgumentException().isThrownBy(() -> TimeRange.parse("12:00-08:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> TimeRange.parse("morning"));
	}

	@Test
	void onlyTheMobileKitHasATour() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Location(LocationId.of("office"),
				LocationKind.CITIZENS_OFFICE, LocalizedText.of("Büro", "Office"), List.of(), address(), null, null,
				null, access(), 5, WeeklyHours.none(), List.of(), true, new MobileKit(List.of(), List.of())));
	}

	@Test
	void rejectsIdsThatAreNotSlugs() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocationId.of("../etc"));
		assertThatIllegalArgumentException().isThrownBy(() -> LocationId.of("Bürgerbüro"));
		assertThat(LocationId.isValid("buergerbuero-gohlis")).isTrue();
	}

	private static Location office(List<Closure> closures) {
		Map<DayOfWeek, List<TimeRange>> hours = Map.of(DayOfWeek.MONDAY,
				List.of(TimeRange.parse("13:00-18:00"), TimeRange.parse("08:00-12:00")), DayOfWeek.WEDNESDAY,
				List.of(TimeRange.parse("08:00-12:00")), DayOfWeek.THURSDAY, List.of(TimeRange.parse("09:00-18:00")));
		return new Location(LocationId.of("buergerbuero-test"), LocationKind.CITIZENS_OFFICE,
				LocalizedText.of("Bürgerbüro Test", "Citizens' office Test"), List.of("meldeservice"), address(), null,
				null, null, access(), 5, new WeeklyHours(hours), closures, true, null);
	}

	private static TourPlace place(String id, LocalDate firstDay) {
		return new TourPlace(id, LocalizedText.of(id, id), address(), access(),
				List.of(new TourVisit(firstDay, null, 2, TimeRange.parse("10:00-16:00"))));
	}

	private static Address address() {
		return new Address("Markt 1", "04109", "Leipzig", "Zentrum");
	}

	private static Accessibility access() {
		return new Accessibility(true, true, false, false, null);
	}

}
