package de.buergerservice.evidence.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How big the fault tests are: short inside {@code ./mvnw verify} (a few minutes for
 * all), full with {@code -Dfaults.full=true} or {@code FAULTS_FULL=true}
 * ({@code bench/faults.sh}). Figures of each run are written to
 * {@code target/faults/<test>.properties} for the report.
 *
 * @param full whether this is the long run
 * @param clients concurrent clients of a rush
 * @param rush how long a rush runs before the fault
 */
record Scale(boolean full, int clients, Duration rush) {

	private static final Scale SHORT = new Scale(false, 12, Duration.ofSeconds(8));

	private static final Scale FULL = new Scale(true, 64, Duration.ofSeconds(60));

	static Scale current() {
		String property = System.getProperty("faults.full");
		String variable = System.getenv("FAULTS_FULL");
		boolean full = "true".equalsIgnoreCase(property) || "true".equalsIgnoreCase(variable) || "1".equals(variable);
		return full ? FULL : SHORT;
	}

	String label() {
		return full ? "full" : "short";
	}

	static Path directory() {
		Path directory = Path.of(System.getProperty("faults.dir", "target/faults"));
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	/** Writes (replaces) the figures of one test as sorted {@code key=value} lines. */
	static void record(String test, Map<String, ?> figures) {
		Map<String, Object> sorted = new TreeMap<>(figures);
		sorted.put("scale", current().label());
		sorted.put("clients", current().clients());
		sorted.put("cores", Runtime.getRuntime().availableProcessors());
		sorted.put("date", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		StringBuilder text = new StringBuilder();
		sorted.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		try {
			Files.writeString(directory().resolve(test + ".properties"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
