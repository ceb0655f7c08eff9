package de.buergerservice.booking.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import de.buergerservice.booking.LocationRules;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.shared.City;
import de.buergerservice.shared.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns opening hours, counters, channel shares and release rules into the arbiter's
 * capacity rows, and releases new days when their time has come. Runs at start and every
 * minute on every instance; per location one instance at a time does the work (an
 * advisory lock), and a location whose inputs and release state did not change is
 * skipped.
 */
@Component
@Order(30)
public class CapacitySync implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(CapacitySync.class);

	private final Locations locations;

	private final PoolDirectory pools;

	private final RulesRepository rules;

	private final CapacityStore store;

	private final CapacityChanges changes;

	private final WaitingListMatcher waitingList;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ZoneId zone;

	CapacitySync(Locations locations, PoolDirectory pools, RulesRepository rules, CapacityStore store,
			CapacityChanges changes, WaitingListMatcher waitingList, JdbcClient jdbc, TransactionTemplate transaction,
			Clock clock, City city) {
		this.locations = locations;
		this.pools = pools;
		this.rules = rules;
		this.store = store;
		this.changes = changes;
		this.waitingList = waitingList;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.zone = city.zone();
	}

	@Override
	public void run(ApplicationArguments args) {
		syncAll();
	}

	@Scheduled(fixedDelayString = "${buergerservice.booking.sync-interval:60s}",
			initialDelayString = "${buergerservice.booking.sync-interval:60s}")
	void scheduled() {
		syncAll();
	}

	/** Plans and releases every location's capacity up to its horizon. */
	public void syncAll() {
		pools.reload();
		boolean released = false;
		for (Location location : locations.all()) {
			released |= sync(location);
		}
		if (released) {
			waitingList.match();
		}
	}

	/**
	 * @return whether anything changed
	 */
	boolean sync(Location location) {
		LocationRules locationRules = rules.rules(location.id());
		List<Pool> locationPools = pools.pools(location.id());
		if (locationPools.isEmpty()) {
			return false;
		}
		ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
		LocalDate through = locationRules.releasedThrough(now);
		double fraction = locationRules.releasedFraction(through, now);
		String signature = signature(location, locationPools, locationRules);
		Boolean changed = transaction.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
				.param("capacity:" + location.id())
				.query()
				.singleRow();
			Optional<State> state = jdbc
				.sql("SELECT released_through, fraction, signature FROM booking.release_state WHERE location_id = ?")
				.param(location.id().value())
				.query((rs, row) -> new State(rs.getObject(1, LocalDate.class), rs.getDouble(2), rs.getString(3)))
				.optional();
			LocalDate today = now.toLocalDate();
			if (state.isPresent() && state.get().signature().equals(signature) && state.get().through().equals(through)
					&& state.get().fraction() == fraction) {
				return false;
			}
			// a changed plan, or a clock set back, is planned anew from today
			LocalDate from = state
				.filter(previous -> previous.signature().equals(signature) && !previous.through().isAfter(through))
				.map(previous -> previous.through().isBefore(today) ? today : previous.through())
				.orElse(today);
			store.savePools(location.id(), locationPools);
			List<PoolId> ids = locationPools.stream().map(Pool::id).toList();
			List<DayPlan> plans = new ArrayList<>();
			for (DaySchedule schedule : locations.schedule(location.id(), from, through)) {
				List<TimeRange> hours = schedule instanceof DaySchedule.Open open ? open.hours() : List.of();
				plans.add(DayPlan.plan(schedule.date(), hours, zone, location.gridMinutes(), locationPools,
						locationRules, locationRules.releasedFraction(schedule.date(), now)));
			}
			store.apply(plans, zone, ids);
			changes.replanned(location.id(), from, through);
			jdbc.sql("""
					INSERT INTO booking.release_state (location_id, released_through, fraction, planned_at, signature)
					VALUES (?, ?, ?, ?, ?)
					ON CONFLICT (location_id) DO UPDATE SET released_through = EXCLUDED.released_through,
					  fraction = EXCLUDED.fraction, planned_at = EXCLUDED.planned_at, signature = EXCLUDED.signature""")
				.params(location.id().value(), through, fraction, now.toOffsetDateTime(), signature)
				.update();
			LOG.debug("Planned {} from {} through {} ({} released of the last day)", location.id(), from, through,
					fraction);
			return true;
		});
		return Boolean.TRUE.equals(changed);
	}

	/**
	 * What the plan of a location depends on besides the date. Only text that is the same
	 * in every JVM: a pool's skills are a {@code Set.copyOf}, whose order changes from
	 * run to run, so a pool stands for itself by its id (a digest of its sorted skills)
	 * and its counters; otherwise every start would plan every location anew.
	 */
	static String signature(Location location, List<Pool> pools, LocationRules rules) {
		String inputs = location.gridMinutes() + "|" + location.weeklyHours() + "|" + location.closures() + "|"
				+ location.kit() + "|"
				+ pools.stream().map(pool -> pool.id().value() + "x" + pool.counters()).sorted().toList() + "|" + rules;
		return HexFormat.of().formatHex(SecretBox.sha256(inputs));
	}

	private record State(LocalDate through, double fraction, String signature) {
	}

}
