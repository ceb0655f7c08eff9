package de.buergerservice.evidence.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.buergerservice.testsupport.TestDatabases;

/**
 * The whole application in a JVM of its own, started as an operator would start it (same
 * JDK, the application's classpath, properties on the command line) so that a test can
 * kill it with SIGKILL and start it again on the same database.
 * <p>
 * The classpath is the test JVM's less the test classes: the children must not pick up
 * the tests' configuration (the test clock) by component scanning. Each child writes its
 * output to {@code target/faults/<name>.log}.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(Scale.current().full() ? 30 : 5);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final int port;

	private final Map<String, String> properties;

	private final Path log;

	private Process process;

	private int starts;

	private AppProcess(String name, int port, Map<String, String> properties) {
		this.name = name;
		this.port = port;
		this.properties = properties;
		this.log = Scale.directory().resolve(name + ".log");
	}

	/**
	 * An instance on a database with the settings every fault test shares: rate limits
	 * out of the way (all clients come from 127.0.0.1), an easy proof of work, every day
	 * of the horizon released, short holds expired every two seconds.
	 */
	static AppProcess on(String name, TestDatabases.Database database, Map<String, String> more) {
		int port = freePort();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", String.valueOf(port));
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.user());
		properties.put("spring.datasource.password", database.password());
		properties.put("buergerservice.embedded-database.enabled", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("buergerservice.booking.defaults.release-mode", "rolling");
		properties.put("buergerservice.booking.limits.per-client", "100000000");
		properties.put("buergerservice.booking.limits.per-email", "1000");
		properties.put("buergerservice.booking.challenge.max-number", "1000");
		properties.put("buergerservice.booking.hold", "20s");
		properties.put("buergerservice.booking.jobs.holds", "2s");
		properties.put("server.shutdown", "immediate");
		// few idle connections: on CI's server the other tests' contexts hold theirs too
		properties.put("spring.datasource.hikari.minimum-idle", "2");
		properties.putAll(more);
		return new AppProcess(name, port, properties);
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	int port() {
		return port;
	}

	/**
	 * Starts the JVM and waits until the application is ready; returns how long it took.
	 */
	Duration start() {
		if (process != null && process.isAlive()) {
			throw new IllegalStateException(name + " runs already");
		}
		long started = System.nanoTime();
		try {
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElse(javaHome() + "/bin/java"));
			command.add("-Xms256m");
			command.add("-Xmx1g");
			if (!Scale.current().full()) {
				// a quicker start on a small machine; the full runs use the JIT's best
				command.add("-XX:TieredStopAtLevel=1");
			}
			command.add("-XX:+UseSerialGC");
			command.add("@" + argumentFile().toAbsolutePath());
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(starts++ == 0 ? ProcessBuilder.Redirect.to(log.toFile())
						: ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name, ex);
		}
		awaitReady(started);
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private Path argumentFile() throws IOException {
		List<String> arguments = new ArrayList<>();
		arguments.add("-cp");
		arguments.add(quote(classpath()));
		arguments.add("de.buergerservice.BuergerserviceApplication");
		properties.forEach((key, value) -> arguments.add(quote("--" + key + "=" + value)));
		Path file = Scale.directory().resolve(name + ".args");
		Files.write(file, arguments);
		return file;
	}

	private static String quote(String argument) {
		return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** The test JVM's classpath without the test classes. */
	static String classpath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			.filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static String javaHome() {
		return System.getProperty("java.home");
	}

	private void awaitReady(long started) {
		long deadline = started + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
						+ log.toAbsolutePath() + "\n" + tail());
			}
			if (ready()) {
				return;
			}
			sleep(Duration.ofMillis(250));
		}
		kill();
		throw new IllegalStateException(name + " was not ready after " + STARTUP + "; see " + log.toAbsolutePath());
	}

	boolean ready() {
		try {
			HttpResponse<String> response = HTTP
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("UP");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGKILL: no shutdown hook, no graceful shutdown, no last commit. */
	void kill() {
		if (process == null) {
			return;
		}
		process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM: the graceful shutdown an orchestrator asks for. */
	void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		waitFor();
	}

	private void waitFor() {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long pid() {
		return process.pid();
	}

	String tail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** How often the log says something, e.g. an exception's name. */
	long logCount(String text) {
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> line.contains(text)).count();
		}
		catch (IOException | UncheckedIOException ex) {
			return -1;
		}
	}

	/**
	 * The log's lines that say any of the texts, e.g. references; throws if the log
	 * cannot be read (no lines would read as "the log says nothing of them").
	 */
	List<String> logLines(Collection<String> texts) {
		try (var lines = Files.lines(log)) {
			return lines.filter(line -> texts.stream().anyMatch(line::contains)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			kill();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
