package de.buergerservice.booking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.PoolId;
import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens to the capacity changes other instances commit (PostgreSQL LISTEN/NOTIFY) and
 * applies them to this instance's availability index. Should the connection break,
 * everything in memory is read again, since notifications may have been missed meanwhile.
 */
@Component
class CapacityListener implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CapacityListener.class);

	private final DataSource dataSource;

	private final AvailabilityIndex index;

	private final CapacityChanges changes;

	private volatile boolean running;

	/**
	 * The listening thread. After a stop and a start, the older thread sees it is no
	 * longer this one and ends, so no delta is ever applied twice.
	 */
	private volatile @Nullable Thread thread;

	CapacityListener(DataSource dataSource, AvailabilityIndex index, CapacityChanges changes) {
		this.dataSource = dataSource;
		this.index = index;
		this.changes = changes;
	}

	@Override
	public void start() {
		running = true;
		Thread listener = Thread.ofPlatform().daemon().name("capacity-listener").unstarted(this::listen);
		thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private boolean listening() {
		return running && thread == Thread.currentThread();
	}

	private void listen() {
		while (listening()) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CapacityChanges.CHANNEL);
				}
				// changes committed before we listened would be missed: start from the
				// database
				index.invalidateAll();
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (listening()) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							handle(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (listening()) {
					LOG.warn("Capacity notifications interrupted, reconnecting: {}", ex.getMessage());
					index.invalidateAll();
					pause();
				}
			}
		}
	}

	private void handle(String payload) {
		String[] parts = payload.split("\\|");
		if (parts.length < 2 || parts[1].equals(changes.instance())) {
			return;
		}
		if ("b".equals(parts[0]) && parts.length == 5) {
			index.apply(new PoolId(parts[2]), Channel.valueOf(parts[3]), CapacityChanges.units(parts[4]));
		}
		else if ("r".equals(parts[0]) && parts.length == 5) {
			index.invalidate(LocationId.of(parts[2]), LocalDate.parse(parts[3]), LocalDate.parse(parts[4]));
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
