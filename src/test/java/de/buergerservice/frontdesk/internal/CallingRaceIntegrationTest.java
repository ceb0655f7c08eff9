package de.buergerservice.frontdesk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import de.buergerservice.frontdesk.Ticket;
import de.buergerservice.frontdesk.TicketStatus;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.staff.Grant;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.StaffMember;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters that press "call next" at the same moment never get the same citizen: the
 * database decides, and the counter that loses a ticket calls the next one.
 */
@IntegrationTest
class CallingRaceIntegrationTest {

	private static final LocationId GOHLIS = LocationId.of("buergerbuero-gohlis-center");

	private static final ProcedureId CERTIFICATE = ProcedureId.of("meldebescheinigung");

	@Autowired
	FrontDeskService desk;

	@Autowired
	Locations locations;

	@Test
	void countersCallingAtTheSameMomentNeverGetTheSamePerson() throws Exception {
		StaffMember clerk = member("empfang");
		int citizens = 30;
		for (int i = 0; i < citizens; i++) {
			desk.walkIn(clerk, GOHLIS, List.of(CERTIFICATE), null);
		}
		List<Counter> counters = locations.counters(GOHLIS).subList(0, 4);
		List<StaffMember> members = new ArrayList<>();
		for (int i = 0; i < counters.size(); i++) {
			StaffMember member = member("schalter-" + i);
			desk.signIn(member, counters.get(i));
			members.add(member);
		}

		List<String> called = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(counters.size());
		try {
			boolean anyCalled = true;
			while (anyCalled) {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Optional<Ticket>>> round = new ArrayList<>();
				for (int i = 0; i < counters.size(); i++) {
					Counter counter = counters.get(i);
					StaffMember member = members.get(i);
					round.add(pool.submit(() -> {
						go.await();
						Optional<Ticket> ticket = desk.callNext(member, counter);
						if (ticket.isPresent()) {
							desk.arrived(member, counter);
							desk.finish(member, counter, List.of(CERTIFICATE));
						}
						return ticket;
					}));
				}
				go.countDown();
				anyCalled = false;
				for (Future<Optional<Ticket>> call : round) {
					Optional<Ticket> ticket = call.get(30, TimeUnit.SECONDS);
					ticket.ifPresent(found -> called.add(found.number()));
					anyCalled |= ticket.isPresent();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(called).doesNotHaveDuplicates().hasSize(citizens);
		assertThat(desk.today(GOHLIS)).extracting(Ticket::status).containsOnly(TicketStatus.DONE);
	}

	private static StaffMember member(String username) {
		return new StaffMember(username, username, Set.of(Grant.at(Role.COUNTER_STAFF, GOHLIS)));
	}

}
