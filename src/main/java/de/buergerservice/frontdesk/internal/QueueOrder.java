package de.buergerservice.frontdesk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.frontdesk.TicketKind;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * Who a counter calls next, among the waiting tickets it can serve (its skills cover all
 * their procedures, and they are not passed to another counter):
 * <ol>
 * <li>tickets passed to this counter, in the order they were passed;</li>
 * <li>booked citizens whose time has come (from {@code earlyCall} before it), by
 * time;</li>
 * <li>walk-ins, in the order they arrived, in the gaps;</li>
 * <li>booked citizens who came early, by time, when nobody else waits.</li>
 * </ol>
 */
final class QueueOrder {

	private QueueOrder() {
	}

	/** A waiting ticket as the queue sees it. */
	record Waiting(UUID id, TicketKind kind, Set<ProcedureId> procedures, @Nullable Instant dueAt, Instant arrivedAt,
			@Nullable String passedTo) {
	}

	/**
	 * The tickets a counter may call, in the order to call them. Tickets equal in rank
	 * and time keep the order they are given in (the store gives them by arrival, then by
	 * number, so two tickets drawn in the same second are called in the order drawn).
	 */
	static List<Waiting> order(List<Waiting> waiting, String counter, Set<ProcedureId> skills, Instant now,
			Duration earlyCall) {
		return waiting.stream()
			.filter(ticket -> skills.containsAll(ticket.procedures()))
			.filter(ticket -> ticket.passedTo() == null || ticket.passedTo().equals(counter))
			.sorted(Comparator.comparingInt((Waiting ticket) -> rank(ticket, counter, now, earlyCall))
				.thenComparing(ticket -> ticket.dueAt() != null && ticket.passedTo() == null ? ticket.dueAt()
						: ticket.arrivedAt())
				.thenComparing(Waiting::arrivedAt))
			.toList();
	}

	private static int rank(Waiting ticket, String counter, Instant now, Duration earlyCall) {
		if (counter.equals(ticket.passedTo())) {
			return 0;
		}
		if (ticket.dueAt() != null) {
			return ticket.dueAt().minus(earlyCall).isAfter(now) ? 3 : 1;
		}
		return 2;
	}

}
