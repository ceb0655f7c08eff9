package de.buergerservice.events.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.events.EventException;
import de.buergerservice.events.EventId;
import de.buergerservice.events.Events;
import de.buergerservice.events.Registered;
import de.buergerservice.events.RegistrationRequest;
import de.buergerservice.events.Session;
import de.buergerservice.events.TestEvents;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never more registrations than seats, however many citizens ask at the same moment: many
 * threads register for the last seats at once, each in its own transaction on its own
 * connection, and afterwards the rows are counted. PostgreSQL decides (a conditional
 * update of the session's counters), no lock in the JVM.
 */
@IntegrationTest
class SeatsRaceIntegrationTest {

	private static final int CITIZENS = 40;

	@Autowired
	Events events;

	@Autowired
	EventStore store;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void manyCitizensForTheLastSeatsGetNoMoreThanThereAre() throws Exception {
		EventId event = new TestEvents(store, transaction).onSite(7, 5, 0, null);

		Map<String, Long> outcomes = race(event);

		assertThat(outcomes).containsEntry("AWAITING_CONFIRMATION", 5L).containsEntry("Full", 35L).hasSize(2);
		assertThat(holdingSeats(event)).isEqualTo(5);
		assertThat(session(event).taken()).isEqualTo(5);
	}

	@Test
	void theWaitingListFillsUpJustAsExactly() throws Exception {
		EventId event = new TestEvents(store, transaction).onSite(7, 3, 4, null);

		Map<String, Long> outcomes = race(event);

		assertThat(outcomes).containsEntry("AWAITING_CONFIRMATION", 3L)
			.containsEntry("WAITING_LIST", 4L)
			.containsEntry("Full", (long) CITIZENS - 7)
			.hasSize(3);
		assertThat(holdingSeats(event)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ? AND status = 'WAITING_LIST'")
			.param(event.value())
			.query(Integer.class)
			.single()).isEqualTo(4);
		assertThat(session(event).waiting()).isEqualTo(4);
	}

	@Test
	void cancellationsRacingNewRegistrationsStillAddUp() throws Exception {
		EventId event = new TestEvents(store, transaction).onSite(7, 3, 30, null);
		List<Registered> holders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			holders.add(events.register(new RegistrationRequest(event, null, TestEvents.participant())));
		}
		for (int i = 0; i < 5; i++) {
			events.register(new RegistrationRequest(event, null, TestEvents.participant()));
		}
		List<Callable<String>> citizens = new ArrayList<>();
		for (Registered holder : holders) {
			citizens.add(() -> String.valueOf(
					events.cancel(holder.registration().reference(), holder.manageToken()) ? "cancelled" : "kept"));
		}
		for (int i = 0; i < 20; i++) {
			citizens.add(() -> events.register(new RegistrationRequest(event, null, TestEvents.participant()))
				.registration()
				.status()
				.name());
		}

		Map<String, Long> outcomes = race(citizens);

		assertThat(outcomes).containsEntry("cancelled", 3L).containsEntry("WAITING_LIST", 20L).hasSize(2);
		assertThat(holdingSeats(event)).as("the freed seats went on, none twice").isEqualTo(3);
		assertThat(session(event).taken()).isEqualTo(3);
		assertThat(session(event).waiting())
			.isEqualTo(
					jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ? AND status = 'WAITING_LIST'")
						.param(event.value())
						.query(Integer.class)
						.single())
			.isEqualTo(5 + 20 - 3);
	}

	/** Every citizen registers at once; what each got (a status or the refusal). */
	private Map<String, Long> race(EventId event) throws Exception {
		List<Callable<String>> citizens = new ArrayList<>();
		for (int i = 0; i < CITIZENS; i++) {
			citizens.add(() -> events.register(new RegistrationRequest(event, null, TestEvents.participant()))
				.registration()
				.status()
				.name());
		}
		return race(citizens);
	}

	/** Lets them all go at once; what each got (its answer or the refusal). */
	private static Map<String, Long> race(List<Callable<String>> citizens) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(citizens.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (Callable<String> citizen : citizens) {
				answers.add(pool.submit(() -> {
					start.await();
					try {
						return citizen.call();
					}
					catch (EventException ex) {
						return ex.getClass().getSimpleName();
					}
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> answer : answers) {
				results.add(answer.get(60, TimeUnit.SECONDS));
			}
			return results.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		finally {
			pool.shutdownNow();
		}
	}

	private int holdingSeats(EventId event) {
		return jdbc.sql("""
				SELECT count(*) FROM events.registration
				WHERE event_id = ? AND status IN ('AWAITING_CONFIRMATION', 'CONFIRMED')""")
			.param(event.value())
			.query(Integer.class)
			.single();
	}

	private Session session(EventId event) {
		return store.find(event).orElseThrow().sessions().get(0);
	}

}
