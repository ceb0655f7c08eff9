package de.buergerservice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Call-to-display latency: {@code displays} call displays of a location are connected by
 * server-sent events, as the TVs in a waiting room are; a member of staff signs in at a
 * counter and calls walk-in tickets one after the other through the counter page's forms.
 * For every call and every display: the time from sending "call next" to the display
 * receiving the call. The first {@code warmup} calls are not counted.
 * <p>
 * Run by {@code bench/display-latency.sh} as a single-file program (JDK only, no build):
 * {@code java DisplayLatency.java BASE_URL LOCATION COUNTER PROCEDURE USER PASSWORD DISPLAYS CALLS WARMUP RESULT_FILE}.
 */
public final class DisplayLatency {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

	private final String base;

	private final HttpClient staff;

	private String csrf;

	private DisplayLatency(String base) {
		this.base = base;
		this.staff = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String location = args[1];
		String counter = args[2];
		String procedure = args[3];
		String user = args[4];
		String password = args[5];
		int displays = Integer.parseInt(args[6]);
		int calls = Integer.parseInt(args[7]);
		int warmup = Integer.parseInt(args[8]);
		Path result = Path.of(args[9]);

		DisplayLatency bench = new DisplayLatency(base);
		bench.signIn(user, password, location);
		bench.post("/staff/schalter/" + counter + "/uebernehmen", Map.of());

		List<Display> screens = new ArrayList<>();
		CountDownLatch connected = new CountDownLatch(displays);
		for (int i = 0; i < displays; i++) {
			screens.add(Display.connect(base + "/display/" + location + "/events", connected));
		}
		if (!connected.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Only " + (displays - connected.getCount()) + " displays connected");
		}

		List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
		int missed = 0;
		for (int call = 0; call < warmup + calls; call++) {
			bench.post("/staff/standort/" + location + "/wartemarke", Map.of("procedure", procedure));
			int[] before = screens.stream().mapToInt(Display::received).toArray();
			long sent = System.nanoTime();
			bench.post("/staff/schalter/" + counter + "/aufrufen", Map.of());
			for (int i = 0; i < screens.size(); i++) {
				Long arrived = screens.get(i).awaitCall(before[i] + 1, Duration.ofSeconds(5));
				if (arrived == null) {
					missed++;
				}
				else if (call >= warmup) {
					latencies.add((arrived - sent) / 1_000_000.0);
				}
			}
			bench.post("/staff/schalter/" + counter + "/da", Map.of());
			bench.post("/staff/schalter/" + counter + "/abschliessen", Map.of("done", procedure));
		}
		bench.post("/staff/schalter/" + counter + "/abmelden", Map.of());
		screens.forEach(Display::close);

		List<Double> sorted = latencies.stream().sorted().toList();
		String lines = String.join("\n", "display.displays=" + displays, "display.calls=" + calls,
				"display.samples=" + sorted.size(), "display.missed=" + missed,
				"display.p50_ms=" + format(percentile(sorted, 0.50)), "display.p90_ms=" + format(percentile(sorted, 0.90)),
				"display.p99_ms=" + format(percentile(sorted, 0.99)),
				"display.max_ms=" + format(sorted.isEmpty() ? Double.NaN : sorted.getLast()),
				"display.mean_ms=" + format(sorted.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)))
				+ "\n";
		Files.writeString(result, lines, StandardCharsets.UTF_8);
		System.out.print(lines);
	}

	private void signIn(String user, String password, String location) throws IOException, InterruptedException {
		csrf = token(get("/staff/login"));
		HttpResponse<String> login = send(form("/staff/login", Map.of("username", user, "password", password)));
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login failed: " + login.statusCode() + " " + login.headers().map());
		}
		csrf = token(get("/staff/standort/" + location));
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = staff.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + ": " + response.statusCode());
		}
		return response.body();
	}

	private void post(String path, Map<String, String> fields) throws IOException, InterruptedException {
		HttpResponse<String> response = send(form(path, fields));
		if (response.statusCode() != 302) {
			throw new IllegalStateException("POST " + path + ": " + response.statusCode());
		}
	}

	private HttpRequest form(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(csrf) + (fields.isEmpty() ? "" : "&"), ""));
		return HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return staff.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(List<Double> sorted, double fraction) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
	}

	private static String format(double value) {
		return String.format(java.util.Locale.ROOT, "%.1f", value);
	}

	/** One display's event stream: when each call arrived. */
	private static final class Display {

		private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger count = new AtomicInteger();

		private volatile Thread reader;

		private volatile boolean closed;

		static Display connect(String url, CountDownLatch connected) {
			Display display = new Display();
			display.reader = Thread.ofPlatform().daemon().name("display").start(() -> display.read(url, connected));
			return display;
		}

		private void read(String url, CountDownLatch connected) {
			HttpClient client = HttpClient.newHttpClient();
			try {
				HttpResponse<java.util.stream.Stream<String>> response = client.send(
						HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET().build(),
						HttpResponse.BodyHandlers.ofLines());
				String event = "";
				for (String line : (Iterable<String>) response.body()::iterator) {
					if (line.startsWith("event:")) {
						event = line.substring(6).trim();
					}
					else if (line.startsWith("data:")) {
						if (event.equals("calls")) {
							connected.countDown();
						}
						else if (event.equals("call") && NUMBER.matcher(line).find()) {
							synchronized (this) {
								arrivals.add(System.nanoTime());
								count.incrementAndGet();
								notifyAll();
							}
						}
					}
				}
			}
			catch (IOException | UncheckedIOException ex) {
				if (!closed) {
					System.err.println("A display lost its connection: " + ex.getMessage());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		int received() {
			return count.get();
		}

		/** When the {@code nth} call arrived; null if not within the timeout. */
		synchronized Long awaitCall(int nth, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (count.get() < nth) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return null;
				}
				TimeUnit.NANOSECONDS.timedWait(this, left);
			}
			return arrivals.get(nth - 1);
		}

		void close() {
			closed = true;
			reader.interrupt();
		}

	}

}
