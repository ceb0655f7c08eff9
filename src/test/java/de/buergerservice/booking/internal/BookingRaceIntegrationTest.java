package de.buergerservice.booking.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.internal.AppointmentStore.Purpose;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arbiter under contention: threads race for the same units through the real services
 * and PostgreSQL; exactly the capacity succeeds, the rest are refused, and afterwards
 * every unit's booked seats are exactly the active appointments covering it.
 */
@IntegrationTest
class BookingRaceIntegrationTest {

	private static final LocationId CENTRE = LocationId.of("buergerbuero-otto-schill-strasse");

	private static final List<VisitItem> ID_CARD = List
		.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1));

	private static final List<VisitItem> CERTIFICATE = List.of(new VisitItem(ProcedureId.of("meldebescheinigung"), 1));

	private static final AtomicInteger CITIZENS = new AtomicInteger();

	@Autowired
	AppointmentService service;

	@Autowired
	AvailabilityService availability;

	@Autowired
	Appointments appointments;

	@Autowired
	AppointmentStore store;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	PoolDirectory pools;

	@Autowired
	Locations locations;

	@AfterEach
	void checkTheLedger() {
		clock.reset();
		assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
	}

	@Test
	void exactlyTheCapacitySucceedsWhenManyRaceForTheLastUnits() throws Exception {
		Slot slot = slot(ID_CARD, LocalDate.of(2026, 12, 8));
		int racers = slot.free() + 20;

		List<Outcome> outcomes = race(racers, i -> () -> book(ID_CARD, slot.start()));

		assertThat(outcomes).filteredOn(Outcome.BOOKED::equals).hasSize(slot.free());
		assertThat(outcomes).filteredOn(Outcome.TAKEN::equals).hasSize(20);
		assertThat(availability.slotsOn(CENTRE, slot.start().atZone(clock.getZone()).toLocalDate(), ID_CARD,
				Channel.ONLINE, now(), 500))
			.noneMatch(free -> free.start().equals(slot.start()));
	}

	@Test
	void longVisitsRacingShortOnesNeverOversellAUnit() throws Exception {
		Slot slot = slot(ID_CARD, LocalDate.of(2026, 12, 9));
		Instant start = slot.start();

		List<Outcome> outcomes = race(60, i -> () -> switch (i % 4) {
			case 0 -> book(ID_CARD, start);
			case 1 -> book(CERTIFICATE, start);
			case 2 -> book(CERTIFICATE, start.plus(Duration.ofMinutes(5)));
			default -> book(CERTIFICATE, start.plus(Duration.ofMinutes(10)));
		});

		assertThat(outcomes).contains(Outcome.BOOKED, Outcome.TAKEN).doesNotContain(Outcome.FAILED);
	}

	@Test
	void onlyOneOfTwoMovesIntoTheLastSeatWinsAndTheLoserKeepsItsTime() throws Exception {
		LocalDate day = LocalDate.of(2026, 12, 10);
		Slot target = slot(ID_CARD, day);
		for (int i = 1; i < target.free(); i++) {
			book(ID_CARD, target.start());
		}
		Booked first = bookBooked(ID_CARD, slot(ID_CARD, day.plusDays(1)).start());
		Booked second = bookBooked(ID_CARD, slot(ID_CARD, day.plusDays(5)).start());

		List<Outcome> outcomes = race(2, i -> () -> {
			Booked mover = i == 0 ? first : second;
			try {
				appointments.reschedule(mover.appointment().reference(), mover.manageToken(), target.start(), null);
				return Outcome.BOOKED;
			}
			catch (BookingException.Unavailable ex) {
				return Outcome.TAKEN;
			}
		});

		assertThat(outcomes).containsExactlyInAnyOrder(Outcome.BOOKED, Outcome.TAKEN);
		var starts = List.of(first, second)
			.stream()
			.map(booked -> appointments.find(booked.appointment().reference(), booked.manageToken())
				.orElseThrow()
				.start())
			.toList();
		assertThat(starts).containsOnlyOnce(target.start());
		assertThat(starts).containsAnyOf(first.appointment().start(), second.appointment().start());
	}

	@Test
	void aConfirmationRacingTheHoldsExpiryHasExactlyOneOutcome() throws Exception {
		LocalDate day = LocalDate.of(2026, 12, 11);
		for (int round = 0; round < 15; round++) {
			Slot slot = slot(ID_CARD, day);
			var visit = service.visit(ID_CARD, CENTRE, slot.start(), Channel.ONLINE, now());
			Booked held = service.hold(visit, citizen(), Channel.ONLINE, true, Duration.ofMinutes(30), false, now());
			AccessToken confirm = AccessToken.random();
			var id = store.find(held.appointment().reference()).orElseThrow().id();
			transaction.executeWithoutResult(status -> store.addToken(id, confirm, Purpose.CONFIRM, clock.instant()));

			List<Outcome> outcomes = race(2, i -> () -> {
				if (i == 0) {
					return appointments.confirm(confirm).isPresent() ? Outcome.BOOKED : Outcome.TAKEN;
				}
				transaction.executeWithoutResult(status -> store.lock(id).ifPresent(service::expire));
				return Outcome.TAKEN;
			});

			AppointmentStatus status = store.find(held.appointment().reference()).orElseThrow().appointment().status();
			if (outcomes.getFirst() == Outcome.BOOKED) {
				assertThat(status).isEqualTo(AppointmentStatus.CONFIRMED);
			}
			else {
				assertThat(status).isEqualTo(AppointmentStatus.EXPIRED);
			}
			assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
		}
	}

	/**
	 * A pool the index shows full is left out: the booking neither waits for nor locks
	 * its units (here another transaction holds them) and takes the next pool's seat at
	 * once.
	 */
	@Test
	void aBookingPassesOverAPoolTheIndexShowsFull() throws Exception {
		ProcedureId idCard = ID_CARD.getFirst().procedure();
		Location location = officeWithPoolsFor(idCard);
		Pool first = pools.candidates(location.id(), List.of(idCard)).getFirst();
		Slot slot = availability.slotsOn(location.id(), LocalDate.of(2026, 12, 15), ID_CARD, Channel.ONLINE, now(), 1)
			.getFirst();
		var visit = service.visit(ID_CARD, location.id(), slot.start(), Channel.ONLINE, now());
		while (seatsFree(first, visit.start(), visit.end()) > 0) {
			service.hold(visit, citizen(), Channel.ONLINE, false, Duration.ZERO, false, now());
		}
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			Future<?> holder = threads.submit(() -> transaction.executeWithoutResult(status -> {
				jdbc.sql("""
						SELECT slot_start FROM booking.capacity
						WHERE pool_id = ? AND channel = 'ONLINE' AND slot_start >= ? AND slot_start < ? FOR UPDATE""")
					.params(first.id().value(), Timestamp.from(visit.start()), Timestamp.from(visit.end()))
					.query(Timestamp.class)
					.list();
				locked.countDown();
				awaitQuietly(release);
			}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Booked> booking = threads
				.submit(() -> service.hold(service.visit(ID_CARD, location.id(), slot.start(), Channel.ONLINE, now()),
						citizen(), Channel.ONLINE, false, Duration.ZERO, false, now()));
			try {
				Booked booked = booking.get(20, TimeUnit.SECONDS);
				assertThat(store.find(booked.appointment().reference()).orElseThrow().pool()).isNotEqualTo(first.id());
			}
			finally {
				release.countDown();
				holder.get(30, TimeUnit.SECONDS);
			}
		}
	}

	/**
	 * A seat freed a moment ago that the index has not heard of (here freed in the
	 * database alone), in a pool the index shows full, is found when the pools it shows
	 * with room turn out taken (here taken in the database alone): the citizen gets it
	 * instead of a refusal.
	 */
	@Test
	void aSeatTheIndexHasNotHeardOfIsFoundBeforeTheCitizenIsRefused() {
		ProcedureId idCard = ID_CARD.getFirst().procedure();
		Location location = officeWithPoolsFor(idCard);
		List<Pool> candidates = pools.candidates(location.id(), List.of(idCard));
		Pool first = candidates.getFirst();
		Slot slot = availability.slotsOn(location.id(), LocalDate.of(2026, 12, 17), ID_CARD, Channel.ONLINE, now(), 1)
			.getFirst();
		var visit = service.visit(ID_CARD, location.id(), slot.start(), Channel.ONLINE, now());
		List<Booked> inFirst = new ArrayList<>();
		while (seatsFree(first, visit.start(), visit.end()) > 0) {
			inFirst.add(service.hold(visit, citizen(), Channel.ONLINE, false, Duration.ZERO, false, now()));
		}
		assertThat(inFirst).isNotEmpty();
		Timestamp from = Timestamp.from(visit.start());
		Timestamp to = Timestamp.from(visit.end());
		String[] others = candidates.stream().skip(1).map(pool -> pool.id().value()).toArray(String[]::new);
		List<Map<String, Object>> capacities = jdbc.sql("""
				SELECT pool_id, slot_start, capacity FROM booking.capacity
				WHERE pool_id = ANY (?) AND channel = 'ONLINE' AND slot_start >= ? AND slot_start < ?""")
			.params(others, from, to)
			.query()
			.listOfRows();
		try {
			transaction.executeWithoutResult(status -> {
				UUID freed = store.find(inFirst.getFirst().appointment().reference()).orElseThrow().id();
				jdbc.sql("UPDATE booking.appointment SET status = 'CANCELLED' WHERE id = ?").param(freed).update();
				jdbc.sql("""
						UPDATE booking.capacity SET booked = booked - 1
						WHERE pool_id = ? AND channel = 'ONLINE' AND slot_start >= ? AND slot_start < ?""")
					.params(first.id().value(), from, to)
					.update();
				jdbc.sql("""
						UPDATE booking.capacity SET capacity = booked
						WHERE pool_id = ANY (?) AND channel = 'ONLINE' AND slot_start >= ? AND slot_start < ?""")
					.params(others, from, to)
					.update();
			});

			Booked booked = service.hold(service.visit(ID_CARD, location.id(), slot.start(), Channel.ONLINE, now()),
					citizen(), Channel.ONLINE, false, Duration.ZERO, false, now());

			assertThat(store.find(booked.appointment().reference()).orElseThrow().pool()).isEqualTo(first.id());
			assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
		}
		finally {
			for (Map<String, Object> unit : capacities) {
				assertThat(jdbc.sql(
						"UPDATE booking.capacity SET capacity = ? WHERE pool_id = ? AND channel = 'ONLINE' AND slot_start = ?")
					.params(unit.get("capacity"), unit.get("pool_id"), unit.get("slot_start"))
					.update()).as("the unit's capacity put back").isEqualTo(1);
			}
		}
	}

	private Location officeWithPoolsFor(ProcedureId procedure) {
		return locations.all()
			.stream()
			.filter(each -> pools.candidates(each.id(), List.of(procedure)).size() > 1)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No office with two pools for " + procedure + " in the demo data"));
	}

	private int seatsFree(Pool pool, Instant start, Instant end) {
		return jdbc.sql("""
				SELECT min(capacity - booked) FROM booking.capacity
				WHERE pool_id = ? AND channel = 'ONLINE' AND slot_start >= ? AND slot_start < ?""")
			.params(pool.id().value(), Timestamp.from(start), Timestamp.from(end))
			.query(Integer.class)
			.single();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Slot slot(List<VisitItem> items, LocalDate day) {
		return availability.slotsOn(CENTRE, day, items, Channel.ONLINE, now(), 1).getFirst();
	}

	private Outcome book(List<VisitItem> items, Instant start) {
		try {
			bookBooked(items, start);
			return Outcome.BOOKED;
		}
		catch (BookingException.Unavailable ex) {
			return Outcome.TAKEN;
		}
	}

	private Booked bookBooked(List<VisitItem> items, Instant start) {
		var visit = service.visit(items, CENTRE, start, Channel.ONLINE, now());
		return service.hold(visit, citizen(), Channel.ONLINE, false, Duration.ZERO, false, now());
	}

	private static Citizen citizen() {
		return new Citizen("Racer " + CITIZENS.incrementAndGet(), Email.of("racer" + CITIZENS.get() + "@example.org"),
				null, Locale.GERMAN);
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock);
	}

	private static List<Outcome> race(int racers, java.util.function.IntFunction<Callable<Outcome>> racer)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(Math.min(racers, 16))) {
			for (int i = 0; i < racers; i++) {
				Callable<Outcome> task = racer.apply(i);
				futures.add(threads.submit(() -> {
					start.await();
					try {
						return task.call();
					}
					catch (RuntimeException ex) {
						return Outcome.FAILED;
					}
				}));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
	}

	private enum Outcome {

		BOOKED, TAKEN, FAILED

	}

}
