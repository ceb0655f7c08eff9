package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentCancelled;
import de.buergerservice.booking.AppointmentConfirmed;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Interpreters;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.internal.AppointmentStore.Purpose;
import de.buergerservice.booking.internal.AppointmentStore.Stored;
import de.buergerservice.locations.Location;
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
 * Books, confirms, moves and cancels appointments. Every change is one transaction in
 * which the arbiter claims or frees capacity, the appointment changes state and the event
 * for the other modules is recorded in the outbox: all of it happens, or none.
 */
@Service
class AppointmentService implements Appointments {

	private final Locations locations;

	private final PoolDirectory pools;

	private final VisitSizing sizing;

	private final RulesRepository rules;

	private final AvailabilityIndex index;

	private final CapacityStore capacity;

	private final AppointmentStore appointments;

	private final RateLimits limits;

	private final ProofOfWork proofOfWork;

	private final CalendarFile calendar;

	private final WaitingListMatcher waitingList;

	private final SecretBox secrets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	private final BookingProperties properties;

	private final Clock clock;

	private final City city;

	private final ObjectProvider<Interpreters> interpreters;

	AppointmentService(Locations locations, PoolDirectory pools, VisitSizing sizing, RulesRepository rules,
			AvailabilityIndex index, CapacityStore capacity, AppointmentStore appointments, RateLimits limits,
			ProofOfWork proofOfWork, CalendarFile calendar, WaitingListMatcher waitingList, SecretBox secrets,
			ApplicationEventPublisher events, TransactionTemplate transaction, JdbcClient jdbc,
			BookingProperties properties, Clock clock, City city, ObjectProvider<Interpreters> interpreters) {
		this.locations = locations;
		this.pools = pools;
		this.sizing = sizing;
		this.rules = rules;
		this.index = index;
		this.capacity = capacity;
		this.appointments = appointments;
		this.limits = limits;
		this.proofOfWork = proofOfWork;
		this.calendar = calendar;
		this.waitingList = waitingList;
		this.secrets = secrets;
		this.events = events;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.city = city;
		this.interpreters = interpreters;
	}

	@Override
	public Booked book(BookingRequest request) {
		limits.countClient(request.client());
		Email email = request.citizen().email();
		if (email == null && request.channel() == Channel.ONLINE) {
			throw BookingException.Invalid.of("citizen.email", "booking.error.email.invalid");
		}
		if (request.channel() == Channel.ONLINE) {
			proofOfWork.verify(request.proofOfWork());
		}
		ZonedDateTime now = now();
		Visit visit = visit(request.items(), request.location(), request.start(), request.channel(), now)
			.withInterpreter(interpreterLanguage(request.items(), request.interpreterLanguage()));
		if (email != null) {
			limits.countEmail(email);
		}
		boolean confirmByEmail = properties.emailConfirmation() == BookingProperties.EmailConfirmation.REQUIRED
				&& request.channel() == Channel.ONLINE;
		return hold(visit, request.citizen(), request.channel(), confirmByEmail, properties.hold(), false, now);
	}

	/**
	 * Claims the capacity of a checked visit and records the appointment (with its
	 * events) in one transaction. The limit of upcoming appointments per e-mail address
	 * applies to citizens who gave one.
	 */
	Booked hold(Visit visit, Citizen citizen, Channel channel, boolean confirmByEmail, Duration hold,
			boolean waitingListOffer, ZonedDateTime now) {
		return withSeat(visit,
				pools -> hold(visit, pools, citizen, channel, confirmByEmail, hold, waitingListOffer, now));
	}

	private Booked hold(Visit visit, List<Pool> pools, Citizen citizen, Channel channel, boolean confirmByEmail,
			Duration hold, boolean waitingListOffer, ZonedDateTime now) {
		Instant instant = now.toInstant();
		Email email = citizen.email();
		return transaction.execute(status -> {
			if (email != null) {
				jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
					.param("email:" + email.normalized())
					.query()
					.singleRow();
				if (appointments.activeUpcoming(email, instant) >= properties.maxActivePerEmail()) {
					throw new BookingException.LimitReached(BookingException.Limit.ACTIVE_APPOINTMENTS_PER_EMAIL);
				}
			}
			PoolId pool = capacity.claim(pools, channel, visit.start(), visit.units(), visit.grid())
				.orElseThrow(NoSeat::new);
			AppointmentStatus state = confirmByEmail ? AppointmentStatus.AWAITING_CONFIRMATION
					: AppointmentStatus.CONFIRMED;
			Instant holdExpires = confirmByEmail ? instant.plus(hold).truncatedTo(ChronoUnit.SECONDS) : null;
			UUID id = UUID.randomUUID();
			Appointment appointment;
			int draws = 0;
			do {
				// 32^8 references: drawing one that is taken becomes likely only after
				// about a million appointments; then draw again
				if (++draws > 5) {
					throw new IllegalStateException("No free booking reference after 5 draws");
				}
				appointment = new Appointment(AppointmentReference.random(), state, visit.location(), visit.start(),
						visit.end(), visit.items(), citizen, channel, holdExpires, visit.interpreterLanguage());
			}
			while (!appointments.insert(
					new Stored(id, appointment, pool, visit.units(), reminderDue(citizen, visit.start(), instant)),
					instant));
			String language = visit.interpreterLanguage();
			if (language != null && !interpreters().assign(appointment.reference(), visit.location(), language,
					visit.start(), visit.end())) {
				throw new BookingException.Unavailable();
			}
			AccessToken manage = AccessToken.random();
			AccessToken confirm = confirmByEmail ? AccessToken.random() : null;
			appointments.addTokens(id, confirm == null ? Map.of(Purpose.MANAGE, manage)
					: Map.of(Purpose.MANAGE, manage, Purpose.CONFIRM, confirm), instant);
			events.publishEvent(new AppointmentBooked(appointment.details(), state, secrets.seal(manage.value()),
					confirm == null ? null : secrets.seal(confirm.value()), holdExpires, waitingListOffer));
			return new Booked(appointment, manage);
		});
	}

	@Override
	public Optional<Appointment> find(AppointmentReference reference, AccessToken token) {
		return appointments.findManaged(reference, token).map(Stored::appointment);
	}

	@Override
	public Optional<Appointment> confirm(AccessToken confirmToken) {
		Instant now = clock.instant();
		return transaction.execute(status -> {
			Optional<Stored> found = appointments.lockByConfirmToken(confirmToken);
			if (found.isEmpty()) {
				return Optional.<Appointment>empty();
			}
			Stored stored = found.get();
			Appointment appointment = stored.appointment();
			if (appointment.status() == AppointmentStatus.CONFIRMED) {
				return Optional.of(appointment);
			}
			if (appointment.status() != AppointmentStatus.AWAITING_CONFIRMATION || appointment.holdExpiresAt() == null
					|| !appointment.holdExpiresAt().isAfter(now)) {
				return Optional.<Appointment>empty();
			}
			appointments.transition(stored.id(), AppointmentStatus.AWAITING_CONFIRMATION, AppointmentStatus.CONFIRMED,
					now);
			AccessToken manage = AccessToken.random();
			appointments.addToken(stored.id(), manage, Purpose.MANAGE, now);
			Appointment confirmed = with(appointment, AppointmentStatus.CONFIRMED);
			events.publishEvent(new AppointmentConfirmed(confirmed.details(), secrets.seal(manage.value())));
			waitingList.confirmed(stored.id());
			return Optional.of(confirmed);
		});
	}

	@Override
	public Optional<Appointment> reschedule(AppointmentReference reference, AccessToken token, Instant start,
			@Nullable LocationId location) {
		ZonedDateTime now = now();
		Instant instant = now.toInstant();
		Optional<Stored> current = appointments.findManaged(reference, token)
			.filter(stored -> stored.appointment().status().isActive());
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Appointment before = current.get().appointment();
		LocationId target = location == null ? before.location() : location;
		Visit visit = visit(before.items(), target, start, before.channel(), now)
			.withInterpreter(before.interpreterLanguage());
		return withSeat(visit, pools -> transaction.execute(status -> {
			Optional<Stored> locked = appointments.lockManaged(reference, token)
				.filter(stored -> stored.appointment().status().isActive());
			if (locked.isEmpty()) {
				return Optional.<Appointment>empty();
			}
			Stored stored = locked.get();
			Appointment old = stored.appointment();
			if (old.start().equals(visit.start()) && old.location().equals(visit.location())) {
				return Optional.of(old);
			}
			PoolId pool = capacity.claim(pools, old.channel(), visit.start(), visit.units(), visit.grid())
				.orElseThrow(NoSeat::new);
			capacity.release(stored.pool(), old.channel(), old.start(), stored.units(), grid(old.location()));
			String language = old.interpreterLanguage();
			if (language != null) {
				interpreters().release(old.reference());
				if (!interpreters().assign(old.reference(), visit.location(), language, visit.start(), visit.end())) {
					throw new BookingException.Unavailable();
				}
			}
			appointments.move(stored.id(), visit.location(), pool, visit.start(), visit.end(), visit.units(),
					reminderDue(old.citizen(), visit.start(), instant), instant);
			Appointment moved = new Appointment(old.reference(), old.status(), visit.location(), visit.start(),
					visit.end(), old.items(), old.citizen(), old.channel(), old.holdExpiresAt(),
					old.interpreterLanguage());
			events.publishEvent(
					new AppointmentMoved(moved.details(), old.location(), old.start(), secrets.seal(token.value())));
			waitingList.freed();
			return Optional.of(moved);
		}));
	}

	@Override
	public boolean cancel(AppointmentReference reference, AccessToken token) {
		Instant now = clock.instant();
		Boolean cancelled = transaction.execute(status -> {
			Optional<Stored> locked = appointments.lockManaged(reference, token);
			if (locked.isEmpty()) {
				return false;
			}
			Stored stored = locked.get();
			Appointment appointment = stored.appointment();
			if (!appointment.status().isActive()) {
				return appointment.status() == AppointmentStatus.CANCELLED;
			}
			appointments.transition(stored.id(), appointment.status(), AppointmentStatus.CANCELLED, now);
			end(stored, AppointmentStatus.CANCELLED, AppointmentCancelled.Reason.CANCELLED);
			return true;
		});
		return Boolean.TRUE.equals(cancelled);
	}

	/**
	 * Lets a hold lapse that was not confirmed in time (called by the expiry job with the
	 * row locked).
	 */
	void expire(Stored stored) {
		if (appointments.transition(stored.id(), AppointmentStatus.AWAITING_CONFIRMATION, AppointmentStatus.EXPIRED,
				clock.instant())) {
			end(stored, AppointmentStatus.EXPIRED, AppointmentCancelled.Reason.EXPIRED);
			waitingList.lapsed(stored.id());
		}
	}

	/**
	 * A waiting citizen left the list while an offer was held for them: the offer ends.
	 */
	void withdrawOffer(UUID appointment) {
		appointments.lock(appointment)
			.filter(stored -> stored.appointment().status() == AppointmentStatus.AWAITING_CONFIRMATION)
			.ifPresent(stored -> {
				appointments.transition(stored.id(), AppointmentStatus.AWAITING_CONFIRMATION,
						AppointmentStatus.CANCELLED, clock.instant());
				end(stored, AppointmentStatus.CANCELLED, AppointmentCancelled.Reason.CANCELLED);
			});
	}

	private void end(Stored stored, AppointmentStatus state, AppointmentCancelled.Reason reason) {
		Appointment appointment = stored.appointment();
		capacity.release(stored.pool(), appointment.channel(), appointment.start(), stored.units(),
				grid(appointment.location()));
		if (appointment.interpreterLanguage() != null) {
			interpreters().release(appointment.reference());
		}
		events.publishEvent(new AppointmentCancelled(with(appointment, state).details(), reason));
		waitingList.freed();
	}

	@Override
	public Optional<String> calendar(AppointmentReference reference, AccessToken token) {
		return find(reference, token).filter(appointment -> appointment.status().isActive()).map(calendar::of);
	}

	/**
	 * Checks a visit at a location and start time and sizes it.
	 * @throws BookingException.Invalid for a wrong request
	 */
	Visit visit(List<VisitItem> items, LocationId locationId, Instant start, Channel channel, ZonedDateTime now) {
		sizing.check(items);
		Location location = locations.find(locationId)
			.orElseThrow(() -> BookingException.Invalid.of("location", "booking.error.location.unknown",
					locationId.value()));
		List<Pool> candidates = pools.candidates(location.id(), VisitSizing.procedures(items));
		if (candidates.isEmpty()) {
			throw BookingException.Invalid.of("location", "booking.error.location.notOffered", locationId.value());
		}
		int grid = location.gridMinutes();
		LocalTime local = start.atZone(city.zone()).toLocalTime();
		if (local.getSecond() != 0 || local.getNano() != 0 || local.getMinute() % grid != 0) {
			throw BookingException.Invalid.of("start", "booking.error.start.offGrid", grid);
		}
		if (!start.isAfter(now.toInstant())) {
			throw BookingException.Invalid.of("start", "booking.error.start.past");
		}
		if (channel == Channel.ONLINE && !rules.rules(location.id()).allowsOnline(start, now)) {
			throw BookingException.Invalid.of("start", "booking.error.start.tooSoon");
		}
		DayCapacity day = index.day(location.id(), start.atZone(city.zone()).toLocalDate());
		int first = day.indexOf(start);
		if (first < 0) {
			throw BookingException.Invalid.of("start", "booking.error.start.notOffered");
		}
		int units = sizing.units(items, grid);
		if (!day.contiguous(first, units)) {
			throw BookingException.Invalid.of("start", "booking.error.start.doesNotFit");
		}
		Duration length = Duration.ofMinutes((long) units * grid);
		return new Visit(items, location.id(), start, start.plus(length), units, Duration.ofMinutes(grid), candidates,
				withRoom(candidates, day, channel, first, units));
	}

	/**
	 * The pools the index shows with a seat free in every unit of the visit, in their
	 * order; all of them where it shows none. The database still decides, but a booking
	 * need not lock the units of pools already full: in a rush all but the last pools
	 * are, and every booking locked their units for nothing. Leaving pools out keeps the
	 * order in which bookings lock them, so they still cannot deadlock. A seat freed a
	 * moment ago that the index has not heard of yet, in a pool it shows full, is found
	 * by {@link #withSeat}.
	 */
	private static List<Pool> withRoom(List<Pool> candidates, DayCapacity day, Channel channel, int first, int units) {
		List<Pool> withRoom = candidates.stream()
			.filter(pool -> day.hasRoom(pool.id(), channel, first, units))
			.toList();
		return withRoom.isEmpty() ? candidates : withRoom;
	}

	/**
	 * Runs an attempt (one transaction) on the pools the index shows with room. If none
	 * of them had a seat and the index passed over others, runs it once more, in a new
	 * transaction, on every pool: a seat freed a moment ago (on another instance, say)
	 * that the index has not heard of yet is then found instead of refusing the citizen.
	 * Not within the first transaction: its pools are locked already, and locking the
	 * passed-over ones after them would lock out of the order every booking keeps, which
	 * could deadlock.
	 * @throws BookingException.Unavailable if no pool has a seat
	 */
	private <T> T withSeat(Visit visit, Function<List<Pool>, T> attempt) {
		try {
			return attempt.apply(visit.withRoom());
		}
		catch (NoSeat ex) {
			if (visit.withRoom().size() == visit.candidates().size()) {
				throw new BookingException.Unavailable();
			}
		}
		try {
			return attempt.apply(visit.candidates());
		}
		catch (NoSeat ex) {
			throw new BookingException.Unavailable();
		}
	}

	/** None of the pools tried had a seat in every unit of the visit. */
	private static final class NoSeat extends RuntimeException {

		NoSeat() {
			super("No seat in the pools tried", null, false, false);
		}

	}

	private int gridMinutes(LocationId location) {
		return locations.find(location).map(Location::gridMinutes).orElse(5);
	}

	private Duration grid(LocationId location) {
		return Duration.ofMinutes(gridMinutes(location));
	}

	/**
	 * When to remind by mail: a day (by default) before, unless that has passed already;
	 * never for a citizen without an e-mail address.
	 */
	private @Nullable Instant reminderDue(Citizen citizen, Instant start, Instant now) {
		if (citizen.email() == null) {
			return null;
		}
		Instant due = start.minus(properties.reminderBefore());
		return due.isAfter(now) ? due : null;
	}

	private ZonedDateTime now() {
		return ZonedDateTime.now(clock.withZone(city.zone()));
	}

	private static Appointment with(Appointment appointment, AppointmentStatus status) {
		return new Appointment(appointment.reference(), status, appointment.location(), appointment.start(),
				appointment.end(), appointment.items(), appointment.citizen(), appointment.channel(), null,
				appointment.interpreterLanguage());
	}

	/**
	 * The interpreter language asked for, checked: offered for these procedures, as an
	 * ISO 639 code in lower case; null for none.
	 * @throws BookingException.Invalid if no interpreter of it is offered for them
	 */
	@Nullable String interpreterLanguage(List<VisitItem> items, @Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return null;
		}
		String code = requested.strip().toLowerCase(Locale.ROOT);
		Interpreters available = interpreters.getIfAvailable();
		if (available == null || code.length() > 12
				|| !available.offered(Set.copyOf(VisitSizing.procedures(items)), code)) {
			throw BookingException.Invalid.of("interpreterLanguage", "booking.error.interpreter.notOffered",
					requested.length() > 12 ? requested.substring(0, 12) : requested);
		}
		return code;
	}

	private Interpreters interpreters() {
		return interpreters.getObject();
	}

	/**
	 * A checked visit: what, where, when, how many grid units, which pools may take it
	 * (all in their order, and those of them the index shows with room); the language of
	 * the interpreter to take with it, if any.
	 */
	record Visit(List<VisitItem> items, LocationId location, Instant start, Instant end, int units, Duration grid,
			List<Pool> candidates, List<Pool> withRoom, @Nullable String interpreterLanguage) {

		Visit(List<VisitItem> items, LocationId location, Instant start, Instant end, int units, Duration grid,
				List<Pool> candidates, List<Pool> withRoom) {
			this(items, location, start, end, units, grid, candidates, withRoom, null);
		}

		Visit withInterpreter(@Nullable String language) {
			return new Visit(items, location, start, end, units, grid, candidates, withRoom, language);
		}

	}

}
