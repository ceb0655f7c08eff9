package de.buergerservice.booking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers freed or newly released capacity to the waiting list: the longest-waiting entry
 * first, each its earliest fitting time at one of its locations, as an appointment held
 * for a short time that the citizen confirms by e-mail. Runs after every commit that
 * freed capacity and after every release, on one instance at a time.
 */
@Component
public class WaitingListMatcher {

	private static final Logger LOG = LoggerFactory.getLogger(WaitingListMatcher.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate eachOffer;

	private final ObjectProvider<AvailabilityService> availability;

	private final ObjectProvider<AppointmentService> appointments;

	private final PoolDirectory pools;

	private final BookingProperties properties;

	private final Clock clock;

	private final City city;

	private final Executor executor;

	private final AtomicBoolean requested = new AtomicBoolean();

	WaitingListMatcher(JdbcClient jdbc, PlatformTransactionManager transactions,
			ObjectProvider<AvailabilityService> availability, ObjectProvider<AppointmentService> appointments,
			PoolDirectory pools, BookingProperties properties, Clock clock, City city,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.eachOffer = new TransactionTemplate(transactions);
		this.eachOffer.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.availability = availability;
		this.appointments = appointments;
		this.pools = pools;
		this.properties = properties;
		this.clock = clock;
		this.city = city;
		this.executor = executor;
	}

	/** Capacity will be free once the current transaction commits: match soon after. */
	void freed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					matchSoon();
				}
			});
		}
		else {
			matchSoon();
		}
	}

	void matchSoon() {
		if (requested.compareAndSet(false, true)) {
			executor.execute(() -> {
				requested.set(false);
				try {
					match();
				}
				catch (RuntimeException ex) {
					LOG.warn("Matching the waiting list failed; the next change or release retries", ex);
				}
			});
		}
	}

	/** An offer was confirmed: the entry is fulfilled. */
	void confirmed(UUID appointment) {
		jdbc.sql(
				"UPDATE booking.waiting_entry SET status = 'FULFILLED' WHERE offered_appointment = ? AND status = 'OFFERED'")
			.param(appointment)
			.update();
	}

	/**
	 * An offer was not confirmed in time: the entry ends, the capacity goes to the next.
	 */
	void lapsed(UUID appointment) {
		jdbc.sql(
				"UPDATE booking.waiting_entry SET status = 'EXPIRED' WHERE offered_appointment = ? AND status = 'OFFERED'")
			.param(appointment)
			.update();
	}

	/**
	 * Offers what fits to waiting entries, longest waiting first; returns how many got
	 * one.
	 */
	public int match() {
		Integer offered = transaction.execute(status -> {
			// one instance at a time; a second waits and then finds what is left
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('waiting-list'))").query().singleRow();
			List<Entry> waiting = jdbc.sql("""
					SELECT id, procedures, locations, first_day, last_day, citizen_name, citizen_email, citizen_phone,
					  language
					FROM booking.waiting_entry WHERE status = 'WAITING' ORDER BY created_at LIMIT ?""")
				.param(BATCH)
				.query((rs, row) -> new Entry(rs.getObject(1, UUID.class), items(rs.getString(2)),
						Arrays.stream((String[]) rs.getArray(3).getArray()).map(LocationId::of).toList(),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
						new Citizen(rs.getString(6), Email.of(rs.getString(7)), rs.getString(8),
								Locale.forLanguageTag(rs.getString(9)))))
				.list();
			int count = 0;
			for (Entry entry : waiting) {
				if (offer(entry)) {
					count++;
				}
			}
			return count;
		});
		return offered == null ? 0 : offered;
	}

	private boolean offer(Entry entry) {
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(city.zone()));
		LocalDate from = entry.firstDay().isBefore(now.toLocalDate()) ? now.toLocalDate() : entry.firstDay();
		if (entry.lastDay().isBefore(from)) {
			jdbc.sql("UPDATE booking.waiting_entry SET status = 'EXPIRED' WHERE id = ?").param(entry.id()).update();
			return false;
		}
		List<LocationId> where = entry.locations().isEmpty()
				? pools.offering(entry.items().stream().map(VisitItem::procedure).toList())
					.stream()
					.map(Location::id)
					.toList()
				: entry.locations();
		for (LocalDate day = from; !day.isAfter(entry.lastDay()); day = day.plusDays(1)) {
			for (Slot slot : slotsOn(entry, where, day, now)) {
				try {
					eachOffer.executeWithoutResult(status -> {
						var visit = appointments.getObject()
							.visit(entry.items(), slot.location(), slot.start(), Channel.ONLINE, now);
						Booked booked = appointments.getObject()
							.hold(visit, entry.citizen(), Channel.ONLINE, true, properties.waitingList().offerHold(),
									true, now);
						int updated = jdbc.sql("""
								UPDATE booking.waiting_entry SET status = 'OFFERED', offer_expires_at = ?,
								  offered_appointment = (SELECT id FROM booking.appointment WHERE reference = ?)
								WHERE id = ? AND status = 'WAITING'""")
							.params(Timestamp.from(booked.appointment().holdExpiresAt()),
									booked.appointment().reference().value(), entry.id())
							.update();
						if (updated == 0) {
							// the citizen left the list meanwhile: hold nothing for them
							throw new BookingException.Unavailable();
						}
					});
					return true;
				}
				catch (BookingException.Unavailable | BookingException.Invalid ex) {
					// taken meanwhile or no longer bookable: try the next time
				}
				catch (BookingException.LimitReached ex) {
					return false;
				}
			}
		}
		return false;
	}

	private List<Slot> slotsOn(Entry entry, List<LocationId> where, LocalDate day, ZonedDateTime now) {
		return where.stream()
			.flatMap(location -> availability.getObject()
				.slotsOn(location, day, entry.items(), Channel.ONLINE, now, 1)
				.stream())
			.sorted(java.util.Comparator.comparing(Slot::start))
			.toList();
	}

	/** The procedures of an entry, stored as {@code id:quantity,…}. */
	static String format(List<VisitItem> items) {
		return String.join(",", items.stream().map(item -> item.procedure().value() + ":" + item.quantity()).toList());
	}

	static List<VisitItem> items(String text) {
		return Arrays.stream(text.split(",")).map(part -> {
			String[] pieces = part.split(":");
			return new VisitItem(ProcedureId.of(pieces[0]), Integer.parseInt(pieces[1]));
		}).toList();
	}

	/** A waiting entry. */
	record Entry(UUID id, List<VisitItem> items, List<LocationId> locations, LocalDate firstDay, LocalDate lastDay,
			Citizen citizen) {
	}

}
