package de.buergerservice.evidence.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A booking rush: concurrent clients, each on a virtual thread, ask one of the instances
 * for the earliest free times of a procedure at the centre, pick one of the first few (so
 * that they collide) and book it, again and again until stopped. Every booking the server
 * acknowledged (201) is kept, with its reference; everything else is counted.
 * <p>
 * A client whose request fails on the connection (the instance is gone) waits a little
 * and tries again; such a booking was never acknowledged, whatever became of it.
 */
final class Rush implements AutoCloseable {

	private static final AtomicLong CITIZENS = new AtomicLong();

	private final ApiClient api = new ApiClient();

	private final Supplier<List<String>> instances;

	private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

	private final List<Thread> clients = new ArrayList<>();

	private final String run;

	private volatile boolean running = true;

	/** A booking the server acknowledged with 201. */
	record Acknowledged(String reference, String email, String start, String status, String instance) {
	}

	/**
	 * Starts the clients against the instances the supplier names at the moment of each
	 * request.
	 */
	Rush(int clients, Supplier<List<String>> instances) {
		this.instances = instances;
		this.run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		for (int i = 0; i < clients; i++) {
			int client = i;
			this.clients.add(Thread.ofVirtual().name("rush-client-" + i).start(() -> loop(client)));
		}
	}

	private void loop(int client) {
		int round = 0;
		while (running) {
			List<String> bases = instances.get();
			String base = bases.get((client + round++) % bases.size());
			String procedure = client % 3 == 0 ? ApiClient.CERTIFICATE : ApiClient.ID_CARD;
			try {
				List<ApiClient.Slot> slots = api.slots(base, procedure, ApiClient.CENTRE, 4);
				if (slots.isEmpty()) {
					count("no free time");
					pause(Duration.ofMillis(200));
					continue;
				}
				String start = slots.get(ThreadLocalRandom.current().nextInt(slots.size())).start();
				long citizen = CITIZENS.incrementAndGet();
				String email = "rush-" + run + "-" + citizen + "@example.org";
				ApiClient.Answer answer = api.book(base, procedure, ApiClient.CENTRE, start, "Rush Citizen " + citizen,
						email);
				if (answer.status() == 201) {
					acknowledged
						.add(new Acknowledged(answer.text("reference"), email, start, answer.text("status"), base));
				}
				count(String.valueOf(answer.status()));
			}
			catch (IOException | RuntimeException ex) {
				count("connection failed");
				pause(Duration.ofMillis(100));
			}
		}
	}

	private void count(String outcome) {
		outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the clients and waits until each has finished its request. */
	Rush stop() {
		running = false;
		for (Thread client : clients) {
			try {
				client.join(Duration.ofMinutes(2));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return this;
	}

	/** Waits while the rush goes on. */
	Rush runFor(Duration duration) {
		pause(duration);
		return this;
	}

	/**
	 * Waits until the clients saw at least this many acknowledged bookings (or time is
	 * up).
	 */
	Rush until(int bookings, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (acknowledged.size() < bookings && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(50));
		}
		return this;
	}

	List<Acknowledged> acknowledged() {
		return List.copyOf(acknowledged);
	}

	int acknowledgedCount() {
		return acknowledged.size();
	}

	/**
	 * Outcome → count: HTTP statuses, {@code connection failed}, {@code no free time}.
	 */
	Map<String, Integer> outcomes() {
		Map<String, Integer> copy = new TreeMap<>();
		outcomes.forEach((key, value) -> copy.put(key, value.get()));
		return copy;
	}

	int outcome(String key) {
		return outcomes().getOrDefault(key, 0);
	}

	@Override
	public void close() {
		stop();
	}

}
