package de.buergerservice.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.LocationId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every instance's availability index what changed: a PostgreSQL notification sent
 * with the transaction (so it is delivered only if it commits) for the other instances,
 * and for this one an update right after the commit.
 */
@Component
public class CapacityChanges {

	static final String CHANNEL = "booking_capacity";

	private final String instance = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final ObjectProvider<AvailabilityIndex> index;

	CapacityChanges(JdbcClient jdbc, ObjectProvider<AvailabilityIndex> index) {
		this.jdbc = jdbc;
		this.index = index;
	}

	String instance() {
		return instance;
	}

	/**
	 * Seats of some units were booked or given back: their booked seats now, with the
	 * change's number. Other instances hear of it by NOTIFY (in commit order), this one
	 * right after the commit.
	 */
	void record(PoolId pool, Channel channel, List<CapacityStore.Unit> units) {
		notifyOthers("b|%s|%s|%s|%s".formatted(instance, pool.value(), channel.name(),
				units.stream()
					.map(unit -> unit.start().getEpochSecond() + ":" + unit.booked() + ":" + unit.version())
					.collect(Collectors.joining(","))));
		afterCommit(() -> index.getObject().apply(pool, channel, units));
	}

	/** The units of a {@code b} notification's last part. */
	static List<CapacityStore.Unit> units(String text) {
		return Arrays.stream(text.split(",")).map(unit -> {
			String[] parts = unit.split(":");
			return new CapacityStore.Unit(Instant.ofEpochSecond(Long.parseLong(parts[0])), Integer.parseInt(parts[1]),
					Long.parseLong(parts[2]));
		}).toList();
	}

	/**
	 * A location's days were planned anew (released, or its hours changed): read them
	 * again.
	 */
	void replanned(LocationId location, LocalDate from, LocalDate through) {
		notifyOthers("r|%s|%s|%s|%s".formatted(instance, location.value(), from, through));
		afterCommit(() -> index.getObject().invalidate(location, from, through));
	}

	private void notifyOthers(String payload) {
		jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, payload).query().singleRow();
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
