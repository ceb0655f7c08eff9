package de.buergerservice.evidence.faults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.buergerservice.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Crashes during a booking rush. The application is killed with SIGKILL while clients
 * book; PostgreSQL is shut down in immediate mode while clients book. Afterwards every
 * booking a client saw acknowledged (201) is in the database, no unit is booked beyond
 * its capacity or out of step with the appointments, and holds that were open when the
 * application died expire and give their capacity back.
 */
class CrashIntegrationTest {

	private final Scale scale = Scale.current();

	@Test
	void sigkillDuringARushLosesNoAcknowledgedBookingAndHoldsStillExpire() {
		TestDatabases.Database database = TestDatabases.create();
		Records records = new Records(database);
		Map<String, Object> figures = new LinkedHashMap<>();
		// holds of 5 s lapse during the rush: releases race the bookings for the same
		// units
		try (AppProcess app = AppProcess.on("crash-sigkill", database, Map.of("buergerservice.booking.hold", "5s"))) {
			figures.put("startup.first.s", seconds(app.start()));
			long baseline = records.bookedSeats();

			Rush rush = new Rush(scale.clients(), () -> List.of(app.url()));
			rush.runFor(scale.rush()).until(10, Duration.ofMinutes(2));
			app.kill();
			List<Rush.Acknowledged> acknowledged = rush.stop().acknowledged();
			figures.put("rush.outcomes", rush.outcomes());

			assertThat(acknowledged).as("bookings acknowledged before the kill").isNotEmpty();
			assertThat(rush.outcome("500")).as("answers 500 while the instance ran").isZero();
			Map<String, String> afterKill = records.statuses(references(acknowledged));
			figures.put("acknowledged", acknowledged.size());
			figures.put("lost", acknowledged.size() - afterKill.size());
			figures.put("violations.after-kill", records.violations().size());
			assertThat(afterKill).as("acknowledged bookings in the database after SIGKILL")
				.hasSize(acknowledged.size());
			assertThat(records.violations()).as("ledger after SIGKILL").isEmpty();

			figures.put("startup.after-kill.s", seconds(app.start()));
			assertThat(records.statuses(references(acknowledged))).hasSize(acknowledged.size());
			assertThat(records.violations()).as("ledger after restart").isEmpty();

			// the holds open at the kill lapse on the restarted instance and free their
			// capacity
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (records.appointments("AWAITING_CONFIRMATION") > 0 && System.nanoTime() < deadline) {
				AppProcess.sleep(Duration.ofMillis(500));
			}
			Map<String, String> finalStatuses = records.statuses(references(acknowledged));
			figures.put("holds.expired", finalStatuses.values().stream().filter("EXPIRED"::equals).count());
			figures.put("booked-seats.after-expiry", records.bookedSeats() - baseline);
			figures.put("violations.final", records.violations().size());
			Scale.record("crash-sigkill", figures);

			assertThat(finalStatuses).hasSize(acknowledged.size());
			assertThat(Set.copyOf(finalStatuses.values())).as("every hold lapsed").containsOnly("EXPIRED");
			assertThat(records.bookedSeats()).as("capacity given back").isEqualTo(baseline);
			assertThat(records.violations()).isEmpty();
		}
	}

	@Test
	void postgresImmediateShutdownDuringARushLosesNoAcknowledgedBooking() {
		assumeFalse(TestDatabases.external(),
				"PostgreSQL is an external server (" + TestDatabases.URL_VARIABLE + "): this test cannot restart it; "
						+ "the embedded default (no " + TestDatabases.URL_VARIABLE + ") runs it");
		Map<String, Object> figures = new LinkedHashMap<>();
		try (OwnPostgres postgres = OwnPostgres.start()) {
			TestDatabases.Database database = postgres.create("bs_faults_pg_restart");
			Records records = new Records(database);
			try (AppProcess app = AppProcess.on("crash-postgres", database,
					Map.of("buergerservice.booking.email-confirmation", "off"))) {
				figures.put("startup.s", seconds(app.start()));

				Rush rush = new Rush(scale.clients(), () -> List.of(app.url()));
				rush.runFor(scale.rush()).until(10, Duration.ofMinutes(2));
				int beforeShutdown = rush.acknowledgedCount();
				long down = System.nanoTime();
				postgres.immediateShutdown();
				AppProcess.sleep(Duration.ofSeconds(2));
				figures.put("postgres.restart.s", seconds(postgres.restart()));
				figures.put("postgres.down.s", seconds(Duration.ofNanos(System.nanoTime() - down)));
				// the instance recovers by itself: clients book again
				rush.until(rush.acknowledgedCount() + 10, Duration.ofMinutes(3));
				List<Rush.Acknowledged> acknowledged = rush.stop().acknowledged();
				figures.put("rush.outcomes", rush.outcomes());
				figures.put("acknowledged.before-shutdown", beforeShutdown);
				figures.put("acknowledged", acknowledged.size());

				Map<String, String> statuses = records.statuses(references(acknowledged));
				figures.put("lost", acknowledged.size() - statuses.size());
				figures.put("violations", records.violations().size());
				figures.put("ready-after", app.ready());
				Scale.record("crash-postgres", figures);

				assertThat(acknowledged.size()).as("bookings acknowledged after the restart")
					.isGreaterThanOrEqualTo(beforeShutdown + 10);
				assertThat(statuses).as("acknowledged bookings after PostgreSQL's crash recovery")
					.hasSize(acknowledged.size());
				assertThat(Set.copyOf(statuses.values())).containsOnly("CONFIRMED");
				assertThat(records.violations()).isEmpty();
				assertThat(app.ready()).isTrue();
			}
		}
	}

	static List<String> references(List<Rush.Acknowledged> acknowledged) {
		return acknowledged.stream().map(Rush.Acknowledged::reference).toList();
	}

	static String seconds(Duration duration) {
		return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
	}

}
