package de.buergerservice.booking.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.PoolId;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How bookings are stored: a visit with its procedures in order and its tokens, a booking
 * reference drawn twice refused without harm (the service draws again), and the
 * rate-limit buckets committed without waiting for the disk.
 */
@IntegrationTest
class BookingStorageIntegrationTest {

	private static final LocationId CENTRE = LocationId.of("buergerbuero-otto-schill-strasse");

	private static final List<VisitItem> CERTIFICATE = List.of(new VisitItem(ProcedureId.of("meldebescheinigung"), 1));

	@Autowired
	AppointmentService service;

	@Autowired
	AppointmentStore store;

	@Autowired
	Availability availability;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RateLimits limits;

	@Autowired
	DataSource dataSource;

	@Test
	void aReferenceDrawnTwiceIsRefusedAndChangesNothing() {
		LocalDate from = MutableClock.START.toLocalDate().plusDays(2);
		Slot slot = availability
			.slots(new AvailabilityQuery(CERTIFICATE, CENTRE, from, from.plusDays(7), Channel.PHONE), 1)
			.getFirst();
		Appointment first = service
			.book(new BookingRequest(CERTIFICATE, CENTRE, slot.start(),
					new Citizen("Erika Mustermann", Email.of("twice-" + UUID.randomUUID() + "@example.org"), null,
							Locale.GERMAN),
					Channel.PHONE, "test", null))
			.appointment();
		int before = count();

		Boolean inserted = transaction.execute(status -> store
			.insert(new AppointmentStore.Stored(UUID.randomUUID(), first, new PoolId("any"), 1, null), Instant.now()));

		assertThat(inserted).isFalse();
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aVisitIsStoredWithItsProceduresInOrderAndItsTokensForTheirPurposes() {
		List<VisitItem> items = List.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 3),
				new VisitItem(ProcedureId.of("wohnsitz-anmelden"), 1),
				new VisitItem(ProcedureId.of("meldebescheinigung"), 2));
		Instant start = MutableClock.START.plusDays(3).withHour(9).withMinute(0).toInstant();
		Appointment appointment = new Appointment(
				AppointmentReference.random(), AppointmentStatus.AWAITING_CONFIRMATION, CENTRE, start,
				start.plusSeconds(3600), items, new Citizen("Erika Mustermann",
						Email.of("stored-" + UUID.randomUUID() + "@example.org"), null, Locale.GERMAN),
				Channel.PHONE, start.minusSeconds(60), null);
		UUID id = UUID.randomUUID();
		AccessToken manage = AccessToken.random();
		AccessToken confirm = AccessToken.random();

		transaction.executeWithoutResult(status -> {
			assertThat(store.insert(new AppointmentStore.Stored(id, appointment, new PoolId("any"), 12, null),
					Instant.now()))
				.isTrue();
			store.addTokens(id,
					Map.of(AppointmentStore.Purpose.MANAGE, manage, AppointmentStore.Purpose.CONFIRM, confirm),
					Instant.now());
		});

		assertThat(store.findManaged(appointment.reference(), manage)).map(found -> found.appointment().items())
			.contains(items);
		assertThat(store.findManaged(appointment.reference(), confirm)).as("a confirm token does not manage").isEmpty();
		Optional<AppointmentStore.Stored> confirming = transaction.execute(status -> store.lockByConfirmToken(confirm));
		assertThat(confirming).map(AppointmentStore.Stored::id).contains(id);
	}

	@Test
	void rateLimitBucketsCommitWithoutWaitingForTheDisk() throws Exception {
		DataSource connections = limits.connections();
		try (Connection connection = connections.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'")) {
			result.next();
			assertThat(result.getString("setting")).isEqualTo("off");
			assertThat(result.getString("source")).as("set for these connections, not by the server")
				.isEqualTo("session");
		}
		assertThat(connections).isNotSameAs(dataSource);
	}

	@Test
	void rateLimitStatementsArePlannedAtEveryRun() throws Exception {
		try (Connection connection = limits.connections().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT setting, source FROM pg_settings WHERE name = 'plan_cache_mode'")) {
			result.next();
			assertThat(result.getString("setting")).isEqualTo("force_custom_plan");
			assertThat(result.getString("source")).isEqualTo("session");
		}
	}

	private int count() {
		return jdbc.sql("SELECT count(*) FROM booking.appointment").query(Integer.class).single();
	}

}
