package de.buergerservice.booking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.booking.WaitingListJoined;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.SecretBox;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts citizens on the waiting list and takes them off; {@link WaitingListMatcher} makes
 * the offers.
 */
@Service
class WaitingListService implements WaitingList {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final VisitSizing sizing;

	private final PoolDirectory pools;

	private final Locations locations;

	private final RateLimits limits;

	private final WaitingListMatcher matcher;

	private final SecretBox secrets;

	private final ApplicationEventPublisher events;

	private final BookingProperties properties;

	private final Clock clock;

	private final City city;

	private final ObjectProvider<AppointmentService> appointments;

	WaitingListService(JdbcClient jdbc, TransactionTemplate transaction, VisitSizing sizing, PoolDirectory pools,
			Locations locations, RateLimits limits, WaitingListMatcher matcher, SecretBox secrets,
			ApplicationEventPublisher events, BookingProperties properties, Clock clock, City city,
			ObjectProvider<AppointmentService> appointments) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.sizing = sizing;
		this.pools = pools;
		this.locations = locations;
		this.limits = limits;
		this.matcher = matcher;
		this.secrets = secrets;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.city = city;
		this.appointments = appointments;
	}

	@Override
	public Joined join(Request request) {
		limits.countClient(request.client());
		sizing.check(request.items());
		var procedures = VisitSizing.procedures(request.items());
		for (LocationId location : request.locations()) {
			if (locations.find(location).isEmpty()) {
				throw BookingException.Invalid.of("locations", "booking.error.location.unknown", location.value());
			}
			if (pools.candidates(location, procedures).isEmpty()) {
				throw BookingException.Invalid.of("locations", "booking.error.location.notOffered", location.value());
			}
		}
		if (request.locations().isEmpty() && pools.offering(procedures).isEmpty()) {
			throw BookingException.Invalid.of("procedures", "booking.error.procedures.nowhere");
		}
		LocalDate today = LocalDate.now(clock.withZone(city.zone()));
		if (request.firstDay().isBefore(today)) {
			throw BookingException.Invalid.of("from", "booking.error.range.past");
		}
		if (request.lastDay().isBefore(request.firstDay())) {
			throw BookingException.Invalid.of("to", "booking.error.range.reversed");
		}
		if (ChronoUnit.DAYS.between(request.firstDay(), request.lastDay()) + 1 > Availability.MAX_DAYS) {
			throw BookingException.Invalid.of("to", "booking.error.range.tooLong", Availability.MAX_DAYS);
		}
		Email email = request.citizen().email();
		if (email == null) {
			throw BookingException.Invalid.of("citizen.email", "booking.error.email.invalid");
		}
		limits.countEmail(email);
		AccessToken token = AccessToken.random();
		String reference = "W" + AppointmentReference.random().value().substring(1);
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("waiting:" + email.normalized())
				.query()
				.singleRow();
			int waiting = jdbc.sql("""
					SELECT count(*) FROM booking.waiting_entry
					WHERE lower(citizen_email) = ? AND status IN ('WAITING', 'OFFERED')""")
				.param(email.normalized())
				.query(Integer.class)
				.single();
			if (waiting >= properties.waitingList().maxEntriesPerEmail()) {
				throw new BookingException.LimitReached(BookingException.Limit.ACTIVE_APPOINTMENTS_PER_EMAIL);
			}
			UUID id = UUID.randomUUID();
			jdbc.sql(
					"""
							INSERT INTO booking.waiting_entry (id, reference, status, procedures, locations, first_day, last_day,
							  citizen_name, citizen_email, citizen_phone, language, created_at)
							VALUES (?, ?, 'WAITING', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, reference, WaitingListMatcher.format(request.items()),
						request.locations().stream().map(LocationId::value).toArray(String[]::new), request.firstDay(),
						request.lastDay(), request.citizen().name(), email.value(), request.citizen().phone(),
						request.citizen().language().getLanguage(), Timestamp.from(clock.instant()))
				.update();
			jdbc.sql("INSERT INTO booking.waiting_token (token_hash, entry_id) VALUES (?, ?)")
				.params(token.hash(), id)
				.update();
			events.publishEvent(new WaitingListJoined(reference, request.citizen(), request.items(),
					request.locations(), request.firstDay(), request.lastDay(), secrets.seal(token.value())));
			matcher.freed();
		});
		return new Joined(reference, token);
	}

	@Override
	public boolean leave(String reference, AccessToken token) {
		Boolean left = transaction.execute(status -> {
			var entry = jdbc.sql("""
					SELECT id, status, offered_appointment FROM booking.waiting_entry
					WHERE reference = ? AND status IN ('WAITING', 'OFFERED')
					  AND id = (SELECT entry_id FROM booking.waiting_token WHERE token_hash = ?)
					FOR UPDATE""")
				.params(reference, token.hash())
				.query((rs, row) -> new Leaving(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, UUID.class)))
				.optional();
			if (entry.isEmpty()) {
				return false;
			}
			jdbc.sql("UPDATE booking.waiting_entry SET status = 'WITHDRAWN' WHERE id = ?")
				.param(entry.get().id())
				.update();
			if ("OFFERED".equals(entry.get().status()) && entry.get().offer() != null) {
				appointments.getObject().withdrawOffer(entry.get().offer());
			}
			return true;
		});
		return Boolean.TRUE.equals(left);
	}

	private record Leaving(UUID id, String status, @Nullable UUID offer) {
	}

}
