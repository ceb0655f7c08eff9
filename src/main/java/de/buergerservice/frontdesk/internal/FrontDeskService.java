package de.buergerservice.frontdesk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.frontdesk.Call;
import de.buergerservice.frontdesk.CitizenCalled;
import de.buergerservice.frontdesk.CitizenCheckedIn;
import de.buergerservice.frontdesk.CitizenNoShow;
import de.buergerservice.frontdesk.CitizenServed;
import de.buergerservice.frontdesk.Ticket;
import de.buergerservice.frontdesk.TicketKind;
import de.buergerservice.frontdesk.TicketStatus;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.staff.PersonalDataHandled;
import de.buergerservice.staff.StaffMember;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a counter does all day: check in booked citizens, issue walk-in tickets,
 * call the next, call again, mark no-shows, park and resume, pass on, finish with what
 * was done. Each action is one transaction that records the audit entry, the event for
 * the statistics and, for calls, the announcement to the displays.
 */
@Service
public class FrontDeskService {

	private final TicketStore tickets;

	private final ExpectedVisits expected;

	private final Locations locations;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final FrontDeskProperties properties;

	private final Clock clock;

	private final ZoneId zone;

	FrontDeskService(TicketStore tickets, ExpectedVisits expected, Locations locations, Catalog catalog,
			ApplicationEventPublisher events, TransactionTemplate transaction, FrontDeskProperties properties,
			Clock clock, City city) {
		this.tickets = tickets;
		this.expected = expected;
		this.locations = locations;
		this.catalog = catalog;
		this.events = events;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.zone = city.zone();
	}

	/** A ticket just made, with the private token of the citizen's ticket page. */
	public record Issued(Ticket ticket, AccessToken token) {
	}

	/**
	 * Checks in a booked citizen by booking reference (typed or scanned from the mail's
	 * QR code).
	 */
	public Issued checkIn(StaffMember member, LocationId location, String reference) {
		String cleaned = AppointmentReference.parse(reference)
			.map(AppointmentReference::value)
			.orElseThrow(() -> new FrontDeskException("frontdesk.error.reference.unknown", reference.strip()));
		Instant now = clock.instant();
		LocalDate today = today();
		ExpectedVisits.Visit visit = expected.find(cleaned)
			.filter(found -> !"CANCELLED".equals(found.status()))
			.orElseThrow(() -> new FrontDeskException("frontdesk.error.reference.unknown", cleaned));
		if (!visit.location().equals(location)) {
			throw new FrontDeskException("frontdesk.error.reference.elsewhere", cleaned);
		}
		if (!visit.start().atZone(zone).toLocalDate().equals(today)) {
			throw new FrontDeskException("frontdesk.error.reference.otherDay", cleaned);
		}
		if (!"CONFIRMED".equals(visit.status())) {
			throw new FrontDeskException("frontdesk.error.reference.unconfirmed", cleaned);
		}
		return transaction.execute(status -> {
			if (tickets.checkedIn(cleaned)) {
				throw new FrontDeskException("frontdesk.error.reference.checkedIn", cleaned);
			}
			Issued issued = issue(location, today, TicketKind.APPOINTMENT, cleaned,
					visit.items().stream().map(item -> item.procedure()).toList(), visit.citizenName(), visit.start(),
					now);
			audit(member, "CHECKED_IN", issued.ticket(), location, now);
			return issued;
		});
	}

	/**
	 * Issues a walk-in ticket: until the cut-off, within the day's quota, for walk-in
	 * procedures.
	 */
	public Issued walkIn(StaffMember member, LocationId location, List<ProcedureId> procedures, @Nullable String name) {
		Instant now = clock.instant();
		LocalDate today = today();
		if (procedures.isEmpty()) {
			throw new FrontDeskException("frontdesk.error.walkIn.noProcedure");
		}
		if (!walkInsOpen()) {
			throw new FrontDeskException("frontdesk.error.walkIn.tooLate", properties.walkInUntil());
		}
		Set<ProcedureId> offered = locations.proceduresAt(location);
		for (ProcedureId procedure : procedures) {
			Procedure found = catalog.procedure(procedure)
				.orElseThrow(() -> new FrontDeskException("frontdesk.error.procedure.unknown", procedure.value()));
			if (!found.walkIn() || !offered.contains(procedure)) {
				throw new FrontDeskException("frontdesk.error.walkIn.notAllowed", found.name().de());
			}
		}
		String cleanName = name == null || name.isBlank() ? null : name.strip();
		if (cleanName != null && cleanName.length() > 100) {
			throw new FrontDeskException("frontdesk.error.name.tooLong");
		}
		return transaction.execute(status -> {
			if (!tickets.takeWalkIn(location, today, properties.walkInQuotaAt(location))) {
				throw new FrontDeskException("frontdesk.error.walkIn.quota");
			}
			Issued issued = issue(location, today, TicketKind.WALK_IN, null, procedures, cleanName, null, now);
			audit(member, "CHECKED_IN", issued.ticket(), location, now);
			return issued;
		});
	}

	private Issued issue(LocationId location, LocalDate today, TicketKind kind, @Nullable String reference,
			List<ProcedureId> procedures, @Nullable String name, @Nullable Instant due, Instant now) {
		String number = kind.number(tickets.nextNumber(location, today, kind));
		AccessToken token = AccessToken.random();
		Ticket ticket = new Ticket(UUID.randomUUID(), location, today, number, kind, reference, procedures, name, due,
				now, TicketStatus.WAITING, null, null, null, 0, null, null, null);
		tickets.insert(ticket, token.hash());
		events.publishEvent(new CitizenCheckedIn(location, number, kind, reference, now, due));
		return new Issued(ticket, token);
	}

	/** Sits the member at a counter of the location. */
	public void signIn(StaffMember member, Counter counter) {
		signIn(member, counter, false);
	}

	/**
	 * Sits the member at a counter, and takes them off any other. A counter someone else
	 * sits at today is only taken over when asked to ({@code takeOver}): a colleague who
	 * forgot to sign out.
	 */
	public void signIn(StaffMember member, Counter counter, boolean takeOver) {
		boolean seated = Boolean.TRUE.equals(transaction.execute(status -> tickets.signIn(counter.id().value(),
				counter.location(), member.username(), clock.instant(), dayStart(), takeOver)));
		if (!seated) {
			throw new FrontDeskException("frontdesk.error.counter.taken", counter.name(),
					sittingAt(counter).orElse("?"));
		}
	}

	public void signOut(StaffMember member, Counter counter) {
		tickets.signOut(counter.id().value(), member.username());
	}

	public Optional<String> sittingAt(Counter counter) {
		return tickets.sittingAt(counter.id().value(), dayStart());
	}

	/**
	 * Calls the next citizen this counter can serve (see {@link QueueOrder}). Two
	 * counters calling at the same moment never get the same ticket: the call is a
	 * conditional update, and a counter that loses a ticket to another tries the next.
	 */
	public Optional<Ticket> callNext(StaffMember member, Counter counter) {
		sitting(member, counter);
		if (tickets.current(counter.id().value()).isPresent()) {
			throw new FrontDeskException("frontdesk.error.busy");
		}
		Instant now = clock.instant();
		List<QueueOrder.Waiting> order = QueueOrder.order(tickets.waiting(counter.location(), today()),
				counter.id().value(), counter.skills(), now, properties.earlyCall());
		for (QueueOrder.Waiting candidate : order) {
			Optional<Ticket> called = transaction.execute(status -> {
				if (!tickets.call(candidate.id(), counter.id().value(), counter.name(), now)) {
					return Optional.<Ticket>empty();
				}
				Ticket ticket = tickets.find(candidate.id()).orElseThrow();
				announce(ticket, counter, now);
				audit(member, "CALLED", ticket, counter.location(), now);
				return Optional.of(ticket);
			});
			if (called.isPresent()) {
				return called;
			}
		}
		return Optional.empty();
	}

	/** Calls the current ticket once more. */
	public Ticket recall(StaffMember member, Counter counter) {
		Ticket ticket = current(member, counter, TicketStatus.CALLED);
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.recall(ticket.id(), counter.id().value(), now)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			Ticket called = tickets.find(ticket.id()).orElseThrow();
			announce(called, counter, now);
			audit(member, "RECALLED", called, counter.location(), now);
			return called;
		});
	}

	/** The called citizen is at the counter. */
	public Ticket arrived(StaffMember member, Counter counter) {
		Ticket ticket = current(member, counter, TicketStatus.CALLED);
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.startServing(ticket.id(), counter.id().value(), member.username(), now)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			return tickets.find(ticket.id()).orElseThrow();
		});
	}

	/** The called citizen did not come, after the configured number of calls. */
	public Ticket noShow(StaffMember member, Counter counter) {
		Ticket ticket = current(member, counter, TicketStatus.CALLED);
		if (ticket.callCount() < properties.noShowAfterCalls()) {
			throw new FrontDeskException("frontdesk.error.noShow.tooEarly", properties.noShowAfterCalls());
		}
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.transition(ticket.id(), counter.id().value(), TicketStatus.CALLED, TicketStatus.NO_SHOW)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			events.publishEvent(new CitizenNoShow(counter.location(), ticket.number(), ticket.kind(),
					ticket.appointmentReference(), now));
			audit(member, "NO_SHOW", ticket, counter.location(), now);
			return tickets.find(ticket.id()).orElseThrow();
		});
	}

	/** The citizen steps aside; the counter resumes them later. */
	public Ticket park(StaffMember member, Counter counter) {
		Ticket ticket = current(member, counter, TicketStatus.SERVING);
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.transition(ticket.id(), counter.id().value(), TicketStatus.SERVING, TicketStatus.PARKED)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			audit(member, "PARKED", ticket, counter.location(), now);
			return tickets.find(ticket.id()).orElseThrow();
		});
	}

	/** Resumes a parked ticket of this counter. */
	public Ticket resume(StaffMember member, Counter counter, UUID parked) {
		sitting(member, counter);
		if (tickets.current(counter.id().value()).isPresent()) {
			throw new FrontDeskException("frontdesk.error.busy");
		}
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.startServing(parked, counter.id().value(), member.username(), now)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			Ticket ticket = tickets.find(parked).orElseThrow();
			audit(member, "RESUMED", ticket, counter.location(), now);
			return ticket;
		});
	}

	/**
	 * Passes the current ticket to another counter of the location, which calls it next.
	 */
	public Ticket pass(StaffMember member, Counter counter, Counter target) {
		Ticket ticket = current(member, counter, null);
		if (!target.location().equals(counter.location()) || target.id().equals(counter.id())) {
			throw new FrontDeskException("frontdesk.error.pass.target");
		}
		if (!target.canServeAll(ticket.procedures())) {
			throw new FrontDeskException("frontdesk.error.pass.skills", target.name());
		}
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.pass(ticket.id(), counter.id().value(), target.id().value())) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			audit(member, "PASSED", ticket, counter.location(), now);
			return tickets.find(ticket.id()).orElseThrow();
		});
	}

	/** Finishes the current ticket with the procedures actually done. */
	public Ticket finish(StaffMember member, Counter counter, List<ProcedureId> done) {
		Ticket ticket = current(member, counter, TicketStatus.SERVING);
		for (ProcedureId procedure : done) {
			if (catalog.procedure(procedure).isEmpty()) {
				throw new FrontDeskException("frontdesk.error.procedure.unknown", procedure.value());
			}
		}
		Instant now = clock.instant();
		return transaction.execute(status -> {
			if (!tickets.finish(ticket.id(), counter.id().value(), done, member.username(), now)) {
				throw new FrontDeskException("frontdesk.error.changed");
			}
			Ticket finished = tickets.find(ticket.id()).orElseThrow();
			Instant waitedFrom = ticket.dueAt() != null && ticket.dueAt().isAfter(ticket.arrivedAt()) ? ticket.dueAt()
					: ticket.arrivedAt();
			Instant calledAt = ticket.calledAt() == null ? now : ticket.calledAt();
			Duration waited = calledAt.isAfter(waitedFrom) ? Duration.between(waitedFrom, calledAt) : Duration.ZERO;
			Instant since = finished.servingSince() == null ? now : finished.servingSince();
			events.publishEvent(new CitizenServed(counter.location(), ticket.number(), ticket.kind(),
					ticket.appointmentReference(), done, waited, Duration.between(since, now), now));
			audit(member, "SERVED", ticket, counter.location(), now);
			return finished;
		});
	}

	public Optional<Ticket> current(Counter counter) {
		return tickets.current(counter.id().value());
	}

	public List<Ticket> parked(Counter counter) {
		return tickets.parked(counter.id().value());
	}

	public List<Ticket> today(LocationId location) {
		return tickets.day(location, today());
	}

	public List<ExpectedVisits.Visit> expectedToday(LocationId location) {
		LocalDate today = today();
		return expected.between(location, today.atStartOfDay(zone).toInstant(),
				today.plusDays(1).atStartOfDay(zone).toInstant());
	}

	public List<Call> calls(LocationId location) {
		return tickets.calls(location, today(), properties.displayCalls());
	}

	/**
	 * Today at the location: its hours, and for the mobile kit where its tour stops.
	 */
	public DaySchedule todayAt(LocationId location) {
		LocalDate today = today();
		return locations.schedule(location, today, today).getFirst();
	}

	/** Whether walk-in tickets are still issued today (before the cut-off). */
	public boolean walkInsOpen() {
		return clock.instant().atZone(zone).toLocalTime().isBefore(properties.walkInUntil());
	}

	public LocalTime walkInUntil() {
		return properties.walkInUntil();
	}

	public int walkInsLeft(LocationId location) {
		return tickets.walkInsLeft(location, today(), properties.walkInQuotaAt(location));
	}

	public Optional<Ticket> ticket(UUID id, AccessToken token) {
		return tickets.findWithToken(id, token.hash());
	}

	/**
	 * How long a waiting ticket will probably wait: the tickets ahead of it, times the
	 * mean handling time of the day (or the configured assumption), shared by the open
	 * counters.
	 */
	public Estimate estimate(Ticket ticket) {
		if (ticket.status() != TicketStatus.WAITING) {
			return new Estimate(0, Duration.ZERO);
		}
		List<QueueOrder.Waiting> waiting = tickets.waiting(ticket.location(), ticket.day());
		Instant now = clock.instant();
		List<QueueOrder.Waiting> order = QueueOrder.order(waiting, "", catalogueWide(waiting), now,
				properties.earlyCall());
		int ahead = 0;
		for (QueueOrder.Waiting candidate : order) {
			if (candidate.id().equals(ticket.id())) {
				break;
			}
			ahead++;
		}
		Duration handling = tickets.meanHandlingTime(ticket.location(), ticket.day(), 20)
			.orElse(properties.handlingTime());
		int counters = Math.max(1, tickets.openCounters(ticket.location(), dayStart()));
		return new Estimate(ahead, handling.multipliedBy(ahead + 1).dividedBy(counters));
	}

	/**
	 * How long a citizen who takes a walk-in ticket now will probably wait: everyone
	 * waiting who would be called before them (walk-ins, booked citizens whose time has
	 * come, tickets passed on), at the same rate as {@link #estimate(Ticket)}.
	 */
	public Estimate walkInEstimate(LocationId location) {
		LocalDate today = today();
		Instant now = clock.instant();
		List<QueueOrder.Waiting> waiting = tickets.waiting(location, today);
		int ahead = (int) waiting.stream()
			.filter(ticket -> ticket.dueAt() == null || !ticket.dueAt().minus(properties.earlyCall()).isAfter(now))
			.count();
		Duration handling = tickets.meanHandlingTime(location, today, 20).orElse(properties.handlingTime());
		int counters = Math.max(1, tickets.openCounters(location, dayStart()));
		return new Estimate(ahead, handling.multipliedBy(ahead + 1).dividedBy(counters));
	}

	/** Tickets ahead and the probable wait. */
	public record Estimate(int ahead, Duration waiting) {

		/**
		 * The wait in whole minutes, rounded up: an estimate should not promise too much.
		 */
		public long minutes() {
			return waiting.plusSeconds(59).toMinutes();
		}

	}

	private static Set<ProcedureId> catalogueWide(List<QueueOrder.Waiting> waiting) {
		return waiting.stream()
			.flatMap(ticket -> ticket.procedures().stream())
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	private void sitting(StaffMember member, Counter counter) {
		String seated = sittingAt(counter).orElse(null);
		if (!member.username().equals(seated)) {
			throw new FrontDeskException("frontdesk.error.notSeated", counter.name());
		}
	}

	private Ticket current(StaffMember member, Counter counter, @Nullable TicketStatus expectedStatus) {
		sitting(member, counter);
		Ticket ticket = tickets.current(counter.id().value())
			.orElseThrow(() -> new FrontDeskException("frontdesk.error.noTicket"));
		if (expectedStatus != null && ticket.status() != expectedStatus) {
			throw new FrontDeskException("frontdesk.error.changed");
		}
		return ticket;
	}

	private void announce(Ticket ticket, Counter counter, Instant now) {
		tickets.announce(ticket.location(), new Call(ticket.number(), counter.name(), now));
		events.publishEvent(new CitizenCalled(ticket.location(), ticket.number(), ticket.kind(), counter.name(), now,
				ticket.callCount()));
	}

	/**
	 * Records the action in the audit log: about the appointment (by its reference) when
	 * the ticket has one, with the ticket's number as detail; otherwise about the ticket.
	 */
	private void audit(StaffMember member, String action, Ticket ticket, LocationId location, Instant now) {
		String reference = ticket.appointmentReference();
		events.publishEvent(
				new PersonalDataHandled(member.username(), action, reference == null ? ticket.number() : reference,
						location, now, reference == null ? null : ticket.number()));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private Instant dayStart() {
		return today().atStartOfDay(zone).toInstant();
	}

}
