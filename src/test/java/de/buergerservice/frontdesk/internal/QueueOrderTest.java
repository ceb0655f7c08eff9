package de.buergerservice.frontdesk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.buergerservice.frontdesk.TicketKind;
import de.buergerservice.frontdesk.internal.QueueOrder.Waiting;
import de.buergerservice.shared.ProcedureId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who a counter calls next: booked citizens at their time, walk-ins in the gaps in the
 * order they came, early arrivals only when nobody else waits, tickets passed to the
 * counter before all of them.
 */
class QueueOrderTest {

	private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

	private static final Duration EARLY_CALL = Duration.ofMinutes(5);

	private static final ProcedureId MELDEN = ProcedureId.of("wohnsitz-anmelden");

	private static final ProcedureId AUSWEIS = ProcedureId.of("personalausweis-beantragen");

	private static final Set<ProcedureId> BOTH = Set.of(MELDEN, AUSWEIS);

	@Test
	void bookedCitizensWhoseTimeHasComeGoBeforeWalkInsWhoCameEarlier() {
		Waiting walkIn = walkIn(minutes(-40));
		Waiting booked = booked(minutes(0), minutes(-2));

		assertThat(order(walkIn, booked)).containsExactly(booked, walkIn);
	}

	@Test
	void bookedCitizensMayBeCalledAFewMinutesEarlyButNoEarlier() {
		Waiting walkIn = walkIn(minutes(-10));
		Waiting inFiveMinutes = booked(minutes(5), minutes(-1));
		Waiting inSixMinutes = booked(minutes(6), minutes(-20));

		assertThat(order(walkIn, inFiveMinutes, inSixMinutes)).containsExactly(inFiveMinutes, walkIn, inSixMinutes);
	}

	@Test
	void bookedCitizensAreCalledByTheirTimeNotByWhenTheyCame() {
		Waiting at0850 = booked(minutes(-10), minutes(-1));
		Waiting at0900 = booked(minutes(0), minutes(-30));

		assertThat(order(at0900, at0850)).containsExactly(at0850, at0900);
	}

	@Test
	void walkInsDrawnInTheSameSecondKeepTheOrderTheStoreGivesThem() {
		Waiting drawnFirst = walkIn(minutes(-3));
		Waiting drawnSecond = walkIn(minutes(-3));

		assertThat(order(drawnFirst, drawnSecond)).containsExactly(drawnFirst, drawnSecond);
		assertThat(order(drawnSecond, drawnFirst)).containsExactly(drawnSecond, drawnFirst);
	}

	@Test
	void walkInsFillTheGapsInTheOrderTheyCame() {
		Waiting second = walkIn(minutes(-5));
		Waiting first = walkIn(minutes(-30));
		Waiting third = walkIn(minutes(-1));

		assertThat(order(second, third, first)).containsExactly(first, second, third);
	}

	@Test
	void earlyArrivalsAreCalledWhenNobodyElseWaitsSoonestFirst() {
		Waiting atTen = booked(minutes(60), minutes(-50));
		Waiting atHalfPastNine = booked(minutes(30), minutes(-5));

		assertThat(order(atTen, atHalfPastNine)).containsExactly(atHalfPastNine, atTen);
	}

	@Test
	void ticketsPassedToThisCounterComeFirstAndOtherCountersDoNotSeeThem() {
		Waiting booked = booked(minutes(-10), minutes(-15));
		Waiting passedHere = passed(walkIn(minutes(-2)), "counter-1");
		Waiting passedElsewhere = passed(walkIn(minutes(-60)), "counter-2");

		assertThat(QueueOrder.order(List.of(booked, passedHere, passedElsewhere), "counter-1", BOTH, NOW, EARLY_CALL))
			.containsExactly(passedHere, booked);
		assertThat(QueueOrder.order(List.of(booked, passedHere, passedElsewhere), "counter-2", BOTH, NOW, EARLY_CALL))
			.containsExactly(passedElsewhere, booked);
	}

	@Test
	void aCounterOnlyCallsCitizensWhoseEveryProcedureItCanDo() {
		Waiting melden = new Waiting(UUID.randomUUID(), TicketKind.WALK_IN, Set.of(MELDEN), null, minutes(-20), null);
		Waiting both = new Waiting(UUID.randomUUID(), TicketKind.WALK_IN, BOTH, null, minutes(-30), null);

		assertThat(QueueOrder.order(List.of(melden, both), "counter-1", Set.of(MELDEN), NOW, EARLY_CALL))
			.containsExactly(melden);
	}

	/**
	 * For any queue: the order holds every ticket the counter may serve exactly once, and
	 * no walk-in goes before a booked citizen whose time has come, nor an early arrival
	 * before a walk-in.
	 */
	@Property
	void anyQueueIsOrderedByTheRules(@ForAll("queues") List<Waiting> queue) {
		List<Waiting> order = QueueOrder.order(queue, "counter-1", BOTH, NOW, EARLY_CALL);

		assertThat(order).containsExactlyInAnyOrderElementsOf(queue);
		List<Integer> ranks = order.stream().map(QueueOrderTest::rank).toList();
		assertThat(ranks).isSorted();
		for (int i = 1; i < order.size(); i++) {
			Waiting before = order.get(i - 1);
			Waiting after = order.get(i);
			if (rank(before) == rank(after) && rank(after) == 2) {
				assertThat(before.arrivedAt()).isBeforeOrEqualTo(after.arrivedAt());
			}
			if (rank(before) == rank(after) && (rank(after) == 1 || rank(after) == 3)) {
				assertThat(before.dueAt()).isBeforeOrEqualTo(after.dueAt());
			}
		}
	}

	@Provide
	Arbitrary<List<Waiting>> queues() {
		Arbitrary<Waiting> walkIns = Arbitraries.integers().between(-180, 0).map(arrived -> walkIn(minutes(arrived)));
		Arbitrary<Waiting> booked = Combinators
			.combine(Arbitraries.integers().between(-60, 120), Arbitraries.integers().between(-120, 0))
			.as((due, arrived) -> booked(minutes(due), minutes(arrived)));
		return Arbitraries.oneOf(walkIns, booked).list().ofMaxSize(30);
	}

	/** 1: due, 2: walk-in, 3: early (no ticket here is passed on). */
	private static int rank(Waiting ticket) {
		if (ticket.dueAt() == null) {
			return 2;
		}
		return ticket.dueAt().minus(EARLY_CALL).isAfter(NOW) ? 3 : 1;
	}

	private static List<Waiting> order(Waiting... waiting) {
		return QueueOrder.order(List.of(waiting), "counter-1", BOTH, NOW, EARLY_CALL);
	}

	private static Waiting walkIn(Instant arrived) {
		return new Waiting(UUID.randomUUID(), TicketKind.WALK_IN, Set.of(MELDEN), null, arrived, null);
	}

	private static Waiting booked(Instant due, Instant arrived) {
		return new Waiting(UUID.randomUUID(), TicketKind.APPOINTMENT, Set.of(AUSWEIS), due, arrived, null);
	}

	private static Waiting passed(Waiting ticket, String counter) {
		return new Waiting(ticket.id(), ticket.kind(), ticket.procedures(), ticket.dueAt(), ticket.arrivedAt(),
				counter);
	}

	private static Instant minutes(int offset) {
		return NOW.plus(Duration.ofMinutes(offset));
	}

}
