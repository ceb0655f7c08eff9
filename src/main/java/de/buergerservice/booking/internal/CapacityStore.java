package de.buergerservice.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Pool;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.LocationId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The arbiter's table {@code booking.capacity}: one row per pool, channel and grid unit
 * with its capacity and how much of it is booked. Claims lock the rows of a visit in time
 * order and check them before adding to them, so that no unit is ever oversold, whatever
 * the number of instances; the table's check constraint guards the same invariant once
 * more.
 */
@Repository
public class CapacityStore {

	private static final String[] CHANNELS = { "ONLINE", "PHONE", "COUNTER" };

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final CapacityChanges changes;

	CapacityStore(JdbcClient jdbc, JdbcTemplate template, CapacityChanges changes) {
		this.jdbc = jdbc;
		this.template = template;
		this.changes = changes;
	}

	/** Records the pools of a location (new ones are added, counters updated). */
	@Transactional
	public void savePools(LocationId location, Collection<Pool> pools) {
		for (Pool pool : pools) {
			jdbc.sql("""
					INSERT INTO booking.pool (id, location_id, counters, skills) VALUES (?, ?, ?, ?)
					ON CONFLICT (id) DO UPDATE SET counters = EXCLUDED.counters""")
				.params(pool.id().value(), location.value(), pool.counters(),
						pool.skills().stream().map(Object::toString).sorted().toArray(String[]::new))
				.update();
		}
	}

	/**
	 * Brings the rows of some consecutive days to their plans. Capacity never drops below
	 * what is booked: a unit that is no longer planned (a closure added later) keeps its
	 * bookings and takes no more.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(List<DayPlan> plans, ZoneId zone, Collection<PoolId> pools) {
		if (plans.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		List<Timestamp> units = new ArrayList<>();
		for (DayPlan plan : plans) {
			plan.units().forEach(unit -> units.add(Timestamp.from(unit)));
			for (Map.Entry<PoolId, Map<Channel, int[]>> pool : plan.capacity().entrySet()) {
				for (Map.Entry<Channel, int[]> channel : pool.getValue().entrySet()) {
					int[] capacity = channel.getValue();
					for (int unit = 0; unit < capacity.length; unit++) {
						rows.add(new Object[] { pool.getKey().value(), channel.getKey().name(),
								Timestamp.from(plan.units().get(unit)), capacity[unit] });
					}
				}
			}
		}
		template.batchUpdate("""
				INSERT INTO booking.capacity (pool_id, channel, slot_start, capacity) VALUES (?, ?, ?, ?)
				ON CONFLICT (pool_id, channel, slot_start) DO UPDATE
				  SET capacity = GREATEST(EXCLUDED.capacity, booking.capacity.booked)
				  WHERE booking.capacity.capacity <> GREATEST(EXCLUDED.capacity, booking.capacity.booked)""", rows);
		Instant from = plans.getFirst().date().atStartOfDay(zone).toInstant();
		Instant to = plans.getLast().date().plusDays(1).atStartOfDay(zone).toInstant();
		// The units no longer planned are a set difference (EXCEPT: hashed or
		// sorted, never a nested loop): an anti-join against the unnested array was
		// planned as a nested loop when the rows were new (rows x units comparisons,
		// 10-20 s per office of the Berlin benchmark).
		String[] poolIds = pools.stream().map(PoolId::value).toArray(String[]::new);
		jdbc.sql(
				"""
						UPDATE booking.capacity SET capacity = booked
						WHERE pool_id = ANY (?) AND channel = ANY (?) AND capacity <> booked
						  AND slot_start IN (SELECT slot_start FROM booking.capacity
						                     WHERE pool_id = ANY (?) AND channel = ANY (?) AND slot_start >= ? AND slot_start < ?
						                     EXCEPT SELECT unnest(?::timestamptz[]))""")
			.params(poolIds, CHANNELS, poolIds, CHANNELS, Timestamp.from(from), Timestamp.from(to),
					units.toArray(Timestamp[]::new))
			.update();
	}

	/**
	 * Claims one seat in every unit of a visit in the first pool (in the given order)
	 * that has room for all of them; must run in the caller's transaction.
	 * @return the pool that took the visit, empty if none could
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<PoolId> claim(List<Pool> candidates, Channel channel, Instant start, int units, Duration grid) {
		Instant end = start.plus(grid.multipliedBy(units));
		for (Pool pool : candidates) {
			// First lock the units in time order (so that visits over the same
			// units never deadlock) and count those with a seat free; locked, they
			// cannot change until this transaction ends.
			Integer free = jdbc.sql("""
					SELECT count(*) FILTER (WHERE free > 0) FROM (
					  SELECT capacity - booked AS free FROM booking.capacity
					  WHERE pool_id = ? AND channel = ? AND slot_start >= ? AND slot_start < ?
					  ORDER BY slot_start FOR UPDATE) locked""")
				.params(pool.id().value(), channel.name(), Timestamp.from(start), Timestamp.from(end))
				.query(Integer.class)
				.single();
			if (free == null || free != units) {
				continue;
			}
			// Then take a seat in each, in a statement of its own: its snapshot is
			// taken after the locks, so it adds to the rows as they are. (In one
			// statement with the locking, the update started from the statement's
			// older snapshot: a seat that a concurrent release freed was counted as
			// free, the new value computed from the row before the release, and the
			// check constraint refused it: a 500 instead of a booking, found by the
			// crash tests' rush.)
			List<Unit> claimed = jdbc.sql("""
					UPDATE booking.capacity SET booked = booked + 1, version = nextval('booking.capacity_version')
					WHERE pool_id = ? AND channel = ? AND slot_start >= ? AND slot_start < ?
					RETURNING slot_start, booked, version""")
				.params(pool.id().value(), channel.name(), Timestamp.from(start), Timestamp.from(end))
				.query(CapacityStore::unit)
				.list();
			if (!claimed.isEmpty()) {
				if (claimed.size() != units) {
					throw new IllegalStateException("Claimed " + claimed.size() + " of " + units + " locked units");
				}
				changes.record(pool.id(), channel, claimed);
				return Optional.of(pool.id());
			}
		}
		return Optional.empty();
	}

	/** Gives the seats of a visit back; must run in the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(PoolId pool, Channel channel, Instant start, int units, Duration grid) {
		Instant end = start.plus(grid.multipliedBy(units));
		// locked in time order first, as claims lock them: the two never deadlock
		jdbc.sql("""
				SELECT count(*) FROM (
				  SELECT 1 FROM booking.capacity
				  WHERE pool_id = ? AND channel = ? AND slot_start >= ? AND slot_start < ?
				  ORDER BY slot_start FOR UPDATE) locked""")
			.params(pool.value(), channel.name(), Timestamp.from(start), Timestamp.from(end))
			.query(Integer.class)
			.single();
		List<Unit> released = jdbc.sql("""
				UPDATE booking.capacity SET booked = booked - 1, version = nextval('booking.capacity_version')
				WHERE pool_id = ? AND channel = ? AND slot_start >= ? AND slot_start < ? AND booked > 0
				RETURNING slot_start, booked, version""")
			.params(pool.value(), channel.name(), Timestamp.from(start), Timestamp.from(end))
			.query(CapacityStore::unit)
			.list();
		if (!released.isEmpty()) {
			changes.record(pool, channel, released);
		}
	}

	private static Unit unit(ResultSet rs, int row) throws SQLException {
		return new Unit(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getLong(3));
	}

	/** The rows of some pools between two instants, for the availability index. */
	@Transactional(readOnly = true)
	public List<Row> rows(Collection<PoolId> pools, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT pool_id, channel, slot_start, capacity, booked, version FROM booking.capacity
				WHERE pool_id = ANY (?) AND channel = ANY (?) AND slot_start >= ? AND slot_start < ?
				ORDER BY slot_start""")
			.params(pools.stream().map(PoolId::value).toArray(String[]::new), CHANNELS, Timestamp.from(from),
					Timestamp.from(to))
			.query((rs, row) -> new Row(new PoolId(rs.getString(1)), Channel.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getInt(5), rs.getLong(6)))
			.list();
	}

	/** One row of the arbiter's table. */
	public record Row(PoolId pool, Channel channel, Instant start, int capacity, int booked, long version) {
	}

	/**
	 * A unit's booked seats after a change, and the change's number (see
	 * {@link CapacityChanges}).
	 */
	public record Unit(Instant start, int booked, long version) {
	}

}
