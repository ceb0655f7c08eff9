package de.buergerservice.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.DayAvailability;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the calendar offers: nothing on public holidays and closures, nothing past the
 * release horizon until its release time, and correct local times on both sides of a
 * daylight-saving change.
 */
@IntegrationTest
class CalendarIntegrationTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocationId CENTRE = LocationId.of("buergerbuero-otto-schill-strasse");

	private static final List<VisitItem> ID_CARD = List
		.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1));

	@Autowired
	Availability availability;

	@Autowired
	CapacitySync sync;

	@Autowired
	MutableClock clock;

	@AfterEach
	void backToToday() {
		clock.reset();
		sync.syncAll();
	}

	@Test
	void offersNothingOnHolidaysAndClosures() {
		List<LocalDate> days = availability
			.days(new AvailabilityQuery(ID_CARD, CENTRE, LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 2),
					Channel.ONLINE))
			.stream()
			.map(DayAvailability::date)
			.toList();

		assertThat(days).contains(LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 23))
			.doesNotContain(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
					LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1));
	}

	@Test
	void releasesTheNewestDayInTwoStepsAtTenAndFive() {
		LocalDate newest = LocalDate.of(2026, 11, 25).plusDays(42);

		assertThat(slotsOn(newest)).as("before 10:00").isEmpty();
		clock.set(ZonedDateTime.of(LocalDate.of(2026, 11, 25), LocalTime.of(10, 0), BERLIN));
		sync.syncAll();
		List<Slot> morning = slotsOn(newest);
		clock.set(ZonedDateTime.of(LocalDate.of(2026, 11, 25), LocalTime.of(17, 0), BERLIN));
		sync.syncAll();
		List<Slot> all = slotsOn(newest);

		assertThat(morning).isNotEmpty();
		assertThat(all.size()).isGreaterThan(morning.size());
		assertThat(all.getLast().start()).isAfter(morning.getLast().start());
	}

	@Test
	void keepsLocalTimesAcrossTheSpringAndAutumnChanges() {
		clock.set(ZonedDateTime.of(LocalDate.of(2026, 3, 20), LocalTime.of(9, 0), BERLIN));
		sync.syncAll();
		Slot beforeSpring = first(LocalDate.of(2026, 3, 27));
		Slot afterSpring = first(LocalDate.of(2026, 3, 30));

		clock.set(ZonedDateTime.of(LocalDate.of(2026, 10, 19), LocalTime.of(9, 0), BERLIN));
		sync.syncAll();
		Slot beforeAutumn = first(LocalDate.of(2026, 10, 23));
		Slot afterAutumn = first(LocalDate.of(2026, 10, 26));

		assertThat(beforeSpring.start().atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
		assertThat(afterSpring.start().atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(7200);
		assertThat(beforeAutumn.start().atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(7200);
		assertThat(afterAutumn.start().atZone(BERLIN).getOffset().getTotalSeconds()).isEqualTo(3600);
		for (Slot slot : List.of(beforeSpring, afterSpring, beforeAutumn, afterAutumn)) {
			assertThat(slot.start().atZone(BERLIN).toLocalTime()).as(slot.toString())
				.isAfterOrEqualTo(LocalTime.of(8, 0));
			assertThat(java.time.Duration.between(slot.start(), slot.end()))
				.isEqualTo(java.time.Duration.ofMinutes(15));
		}
		assertThat(availability.days(new AvailabilityQuery(ID_CARD, CENTRE, LocalDate.of(2026, 10, 25),
				LocalDate.of(2026, 10, 25), Channel.ONLINE)))
			.as("Sunday of the change: closed")
			.isEmpty();
	}

	private List<Slot> slotsOn(LocalDate day) {
		return availability.slots(new AvailabilityQuery(ID_CARD, CENTRE, day, day, Channel.ONLINE), 500);
	}

	private Slot first(LocalDate day) {
		return slotsOn(day).getFirst();
	}

}
