package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The waiting list on a branch office with one counter: when a full day frees up, the
 * longest-waiting entry is offered the time with a short hold; an offer not confirmed in
 * time passes to the next entry.
 */
@IntegrationTest
class WaitingListIntegrationTest {

	private static final LocationId BRANCH = LocationId.of("aussenstelle-luetzschena-stahmeln");

	private static final List<VisitItem> ID_CARD = List
		.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1));

	private static final AtomicInteger CITIZENS = new AtomicInteger();

	@Autowired
	AppointmentService service;

	@Autowired
	AvailabilityService availability;

	@Autowired
	Appointments appointments;

	@Autowired
	WaitingList waitingList;

	@Autowired
	WaitingListMatcher matcher;

	@Autowired
	BookingJobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void checkTheLedger() {
		clock.reset();
		assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
	}

	@Test
	void offersFreedCapacityToTheLongestWaitingAndPassesAnUnclaimedOfferOn() {
		LocalDate wednesday = LocalDate.of(2026, 12, 9);
		List<Booked> full = fill(wednesday);
		assertThat(slots(wednesday)).isEmpty();
		WaitingList.Joined first = join(wednesday, "first");
		WaitingList.Joined second = join(wednesday, "second");
		matcher.match();
		assertThat(status(first)).isEqualTo("WAITING");

		appointments.cancel(full.getFirst().appointment().reference(), full.getFirst().manageToken());
		matcher.match();

		assertThat(status(first)).isEqualTo("OFFERED");
		assertThat(status(second)).isEqualTo("WAITING");
		var offer = offeredAppointment(first);
		assertThat(offer.status()).isEqualTo("AWAITING_CONFIRMATION");
		assertThat(Duration.between(clock.instant(), offer.holdExpiresAt())).isEqualTo(Duration.ofHours(2));

		clock.advance(Duration.ofHours(2).plusMinutes(1));
		jobs.expireHolds();
		matcher.match();

		// the scheduled job may have taken the lapsed hold first (SKIP LOCKED); then its
		// commit starts the match that offers the time to the second
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(status(first)).isEqualTo("EXPIRED");
			assertThat(status(second)).isEqualTo("OFFERED");
		});
	}

	@Test
	void leavesTheListWithTheTokenOnly() {
		WaitingList.Joined joined = join(LocalDate.of(2026, 12, 16), "leaving");

		assertThat(waitingList.leave(joined.reference(), AccessToken.random())).isFalse();
		assertThat(waitingList.leave(joined.reference(), joined.token())).isTrue();
		assertThat(status(joined)).isEqualTo("WITHDRAWN");
	}

	private List<Booked> fill(LocalDate day) {
		List<Booked> booked = new ArrayList<>();
		for (List<Slot> free = slots(day); !free.isEmpty(); free = slots(day)) {
			var visit = service.visit(ID_CARD, BRANCH, free.getFirst().start(), Channel.ONLINE, now());
			booked.add(service.hold(visit, citizen("filler"), Channel.ONLINE, false, Duration.ZERO, false, now()));
		}
		return booked;
	}

	private List<Slot> slots(LocalDate day) {
		return availability.slotsOn(BRANCH, day, ID_CARD, Channel.ONLINE, now(), 500);
	}

	private WaitingList.Joined join(LocalDate day, String who) {
		return waitingList.join(new WaitingList.Request(ID_CARD, List.of(BRANCH), day, day, citizen(who),
				"10.200.0." + CITIZENS.incrementAndGet()));
	}

	private String status(WaitingList.Joined joined) {
		return jdbc.sql("SELECT status FROM booking.waiting_entry WHERE reference = ?")
			.param(joined.reference())
			.query(String.class)
			.single();
	}

	private Offer offeredAppointment(WaitingList.Joined joined) {
		return jdbc.sql("""
				SELECT a.status, a.hold_expires_at FROM booking.appointment a
				JOIN booking.waiting_entry w ON w.offered_appointment = a.id WHERE w.reference = ?""")
			.param(joined.reference())
			.query((rs, row) -> new Offer(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.single();
	}

	private static Citizen citizen(String who) {
		int n = CITIZENS.incrementAndGet();
		return new Citizen(who + " " + n, Email.of(who + n + "@example.org"), null, Locale.GERMAN);
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock);
	}

	private record Offer(String status, java.time.Instant holdExpiresAt) {
	}

}
