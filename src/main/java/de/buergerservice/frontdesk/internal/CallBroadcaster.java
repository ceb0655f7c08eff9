package de.buergerservice.frontdesk.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import de.buergerservice.frontdesk.Call;
import de.buergerservice.locations.LocationId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every call to the displays of its location by server-sent events, whichever
 * instance the display is connected to and whichever instance made the call: calls travel
 * through PostgreSQL ({@code NOTIFY frontdesk_calls}, sent with the call's transaction),
 * and every instance forwards them to its own displays. A comment every 15 seconds keeps
 * connections open through proxies; a display that loses its connection reconnects by
 * itself.
 */
@Component
public class CallBroadcaster implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(CallBroadcaster.class);

	/**
	 * How long a display stays connected before it reconnects (a fresh start now and
	 * then).
	 */
	static final Duration CONNECTION = Duration.ofMinutes(30);

	private final DataSource dataSource;

	private final Map<LocationId, List<SseEmitter>> displays = new ConcurrentHashMap<>();

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "display-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean running;

	private Thread listener;

	CallBroadcaster(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A new display connection; it first gets the calls so far. */
	public SseEmitter connect(LocationId location, List<Call> recent) {
		SseEmitter emitter = new SseEmitter(CONNECTION.toMillis());
		List<SseEmitter> connected = displays.computeIfAbsent(location, key -> new CopyOnWriteArrayList<>());
		connected.add(emitter);
		Runnable remove = () -> connected.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		try {
			emitter.send(SseEmitter.event().name("calls").data(recent, MediaType.APPLICATION_JSON).reconnectTime(2000));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	/** How many displays of a location are connected to this instance. */
	public int connected(LocationId location) {
		return displays.getOrDefault(location, List.of()).size();
	}

	void deliver(LocationId location, Call call) {
		for (SseEmitter emitter : displays.getOrDefault(location, List.of())) {
			try {
				emitter.send(SseEmitter.event().name("call").data(call, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}
	}

	@Override
	public void start() {
		running = true;
		listener = Thread.ofPlatform().daemon().name("display-calls").start(this::listen);
		heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		running = false;
		heartbeat.shutdownNow();
		if (listener != null) {
			listener.interrupt();
		}
		displays.values().forEach(list -> list.forEach(SseEmitter::complete));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void beat() {
		displays.values().forEach(list -> list.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("still here"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN frontdesk_calls");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = postgres.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							handle(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					LOG.warn("Display calls interrupted, reconnecting: {}", ex.getMessage());
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
					}
				}
			}
		}
	}

	private void handle(String payload) {
		String[] parts = payload.split("\\|", 4);
		if (parts.length == 4 && LocationId.isValid(parts[0])) {
			deliver(LocationId.of(parts[0]),
					new Call(parts[1], parts[3], Instant.ofEpochMilli(Long.parseLong(parts[2]))));
		}
	}

}
