package de.buergerservice.evidence.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import de.buergerservice.testsupport.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An embedded PostgreSQL that a test may shut down in immediate mode (SIGQUIT to the
 * postmaster: no checkpoint, crash recovery at the next start) and start again on the
 * same data directory and port, so that the application's connection URL stays valid.
 * <p>
 * Commits wait for their WAL to be written ({@code synchronous_commit = on}), as on a
 * production server: an acknowledged commit must survive. The full run
 * ({@code bench/faults.sh}) also flushes to the disk ({@code fsync = on}) as production
 * does; the short one inside {@code ./mvnw verify} leaves {@code fsync} off as the other
 * tests do: an immediate shutdown is a crash of PostgreSQL, not of the machine, so what
 * was written reaches the disk through the operating system either way.
 */
final class OwnPostgres implements AutoCloseable {

	private final Path directory;

	private final int port;

	private EmbeddedPostgres postgres;

	private OwnPostgres(Path directory, int port) {
		this.directory = directory;
		this.port = port;
	}

	static OwnPostgres start() {
		try {
			OwnPostgres own = new OwnPostgres(Files.createTempDirectory("buergerservice-faults-pg"),
					AppProcess.freePort());
			own.boot();
			return own;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Duration boot() {
		long started = System.nanoTime();
		try {
			postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPort(port)
				.setPGStartupWait(Duration.ofMinutes(2))
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", Scale.current().full() ? "on" : "off")
				.setServerConfig("synchronous_commit", "on")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the test's own PostgreSQL", ex);
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	/** A new database, whose commits wait for their WAL whatever the server's default. */
	TestDatabases.Database create(String name) {
		JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
		admin.sql("CREATE DATABASE " + name).update();
		admin.sql("ALTER DATABASE " + name + " SET synchronous_commit = on").update();
		return new TestDatabases.Database(postgres.getJdbcUrl("postgres", name), "postgres", "");
	}

	/**
	 * Shuts the server down in immediate mode (SIGQUIT to its postmaster, which this test
	 * started) and waits until it is gone.
	 */
	void immediateShutdown() {
		try {
			long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
			ProcessHandle postmaster = ProcessHandle.of(pid)
				.orElseThrow(() -> new IllegalStateException("No postmaster " + pid));
			Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new IllegalStateException("kill -QUIT " + pid + " failed");
			}
			postmaster.onExit().get(2, java.util.concurrent.TimeUnit.MINUTES);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The postmaster did not stop", ex);
		}
		release();
	}

	/**
	 * Starts the server again on the same data and port (crash recovery); how long it
	 * took.
	 */
	Duration restart() {
		return boot();
	}

	/**
	 * Lets go of the stopped server's lock on the data directory (its own stop finds no
	 * server and says so in the log).
	 */
	private void release() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the server is gone already
		}
	}

	@Override
	public void close() {
		release();
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory
		}
	}

}
