package de.buergerservice.frontdesk.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import de.buergerservice.frontdesk.Call;
import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes every call to the displays of its location by server-sent events, whichever
 * instance the display is connected to and whichever instance made the call: calls travel
 * through PostgreSQL ({@code NOTIFY frontdesk_calls}, sent with the call's transaction),
 * and every instance forwards them to its own displays. With every call, and every 15
 * seconds, the displays also get the waiting-time estimate for walk-ins; the latter keeps
 * connections open through proxies. A display that loses its connection reconnects by
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

	private final FrontDeskService desk;

	private final Map<LocationId, List<SseEmitter>> displays = new ConcurrentHashMap<>();

	private volatile boolean running;

	/** The listening thread; an older one that sees it is no longer this ends. */
	private volatile @Nullable Thread listener;

	private @Nullable ScheduledExecutorService heartbeat;

	CallBroadcaster(DataSource dataSource, FrontDeskService desk) {
		this.dataSource = dataSource;
		this.desk = desk;
	}

	/** The estimate as the display shows it. */
	record DisplayEstimate(int ahead, long minutes) {
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
			emitter.send(estimate(location));
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
		List<SseEmitter> connected = displays.getOrDefault(location, List.of());
		send(connected, SseEmitter.event().name("call").data(call, MediaType.APPLICATION_JSON));
		if (!connected.isEmpty()) {
			send(connected, estimate(location));
		}
	}

	private SseEmitter.SseEventBuilder estimate(LocationId location) {
		FrontDeskService.Estimate estimate = desk.walkInEstimate(location);
		return SseEmitter.event()
			.name("estimate")
			.data(new DisplayEstimate(estimate.ahead(), estimate.minutes()), MediaType.APPLICATION_JSON);
	}

	/** Sends one event to many displays: built once, written to each. */
	private static void send(List<SseEmitter> emitters, SseEmitter.SseEventBuilder event) {
		Set<ResponseBodyEmitter.DataWithMediaType> built = event.build();
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(built);
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}
	}

	@Override
	public void start() {
		running = true;
		Thread thread = Thread.ofPlatform().daemon().name("display-calls").unstarted(this::listen);
		listener = thread;
		thread.start();
		heartbeat = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("display-heartbeat").factory());
		heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
	}

	/** Stops listening and closes the connections; {@link #start()} may follow again. */
	@Override
	public void stop() {
		running = false;
		if (heartbeat != null) {
			heartbeat.shutdownNow();
		}
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
		displays.forEach((location, connected) -> {
			if (!connected.isEmpty()) {
				try {
					send(connected, estimate(location));
				}
				catch (RuntimeException ex) {
					LOG.warn("No estimate for the displays of {}: {}", location.value(), ex.getMessage());
					send(connected, SseEmitter.event().comment("still here"));
				}
			}
		});
	}

	private boolean listening() {
		return running && listener == Thread.currentThread();
	}

	private void listen() {
		while (listening()) {
			try (Connection connection = dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN frontdesk_calls");
				}
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (listening()) {
					PGNotification[] notifications = postgres.getNotifications(500);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							handle(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (listening()) {
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
