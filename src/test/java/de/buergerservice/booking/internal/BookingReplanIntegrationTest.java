package de.buergerservice.booking.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.buergerservice.booking.Pool;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning a day again with fewer units (shorter hours, a closure added later): the units
 * no longer planned keep their bookings and take no more; the others keep their capacity.
 */
@IntegrationTest
class BookingReplanIntegrationTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final LocationId NOWHERE = LocationId.of("replan-test");

	private static final LocalDate DAY = LocalDate.of(2027, 6, 2);

	@Autowired
	CapacityStore store;

	@Autowired
	RulesRepository rules;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	private final Pool pool = Pool.of(NOWHERE, Set.of(ProcedureId.of("meldebescheinigung")), 2);

	@AfterEach
	void removeThePool() {
		jdbc.sql("DELETE FROM booking.pool WHERE id = ?").param(pool.id().value()).update();
	}

	@Test
	void unitsNoLongerPlannedKeepTheirBookingsAndTakeNoMore() {
		plan("08:00", "09:00");
		// every seat of 08:30 is booked
		jdbc.sql("UPDATE booking.capacity SET booked = capacity WHERE pool_id = ? AND slot_start = ?")
			.params(pool.id().value(), java.sql.Timestamp.from(DAY.atTime(8, 30).atZone(BERLIN).toInstant()))
			.update();
		Map<String, Integer> before = capacityByUnit();

		plan("08:00", "08:30");

		Map<String, Integer> after = capacityByUnit();
		assertThat(after).hasSize(before.size()).containsEntry("08:30 ONLINE", before.get("08:30 ONLINE"));
		assertThat(before.get("08:30 ONLINE")).isPositive();
		after.forEach((unit, capacity) -> {
			if (unit.compareTo("08:35") < 0) {
				assertThat(capacity).as(unit).isEqualTo(before.get(unit));
			}
			else {
				assertThat(capacity).as(unit).isZero();
			}
		});
	}

	private void plan(String opens, String closes) {
		DayPlan plan = DayPlan.plan(DAY, List.of(new TimeRange(LocalTime.parse(opens), LocalTime.parse(closes))),
				BERLIN, 5, List.of(pool), rules.rules(NOWHERE), 1);
		transaction.executeWithoutResult(status -> {
			store.savePools(NOWHERE, List.of(pool));
			store.apply(List.of(plan), BERLIN, List.of(pool.id()));
		});
	}

	/** Capacity per "HH:mm CHANNEL" of the test pool's rows. */
	private Map<String, Integer> capacityByUnit() {
		return jdbc.sql("""
				SELECT to_char(slot_start AT TIME ZONE 'Europe/Berlin', 'HH24:MI') || ' ' || channel, capacity
				FROM booking.capacity WHERE pool_id = ?""")
			.param(pool.id().value())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
