package de.buergerservice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands every Spring test context its own fresh database, so that tests never see each
 * other's data. The server is the PostgreSQL named by {@code BUERGERSERVICE_TEST_DB_URL}
 * (with {@code BUERGERSERVICE_TEST_DB_USER} and {@code BUERGERSERVICE_TEST_DB_PASSWORD}),
 * as {@code .ci/run} sets it; without it, one embedded PostgreSQL per test JVM.
 */
public final class TestDatabases {

	public static final String URL_VARIABLE = "BUERGERSERVICE_TEST_DB_URL";

	private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

	private static final String PREFIX = "bs_test_";

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static Server server;

	private TestDatabases() {
	}

	/** A new, empty database: its JDBC URL, user and password. */
	public static synchronized Database create() {
		Server current = server();
		String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
		JdbcClient.create(current.admin()).sql("CREATE DATABASE " + name).update();
		return new Database(current.urlOf(name), current.user(), current.password());
	}

	/** Whether the tests run against an external server rather than the embedded one. */
	public static boolean external() {
		String url = System.getenv(URL_VARIABLE);
		return url != null && !url.isBlank();
	}

	private static Server server() {
		if (server == null) {
			server = external() ? externalServer() : embeddedServer();
			dropLeftovers(server);
		}
		return server;
	}

	private static Server externalServer() {
		String url = System.getenv(URL_VARIABLE);
		Matcher matcher = JDBC_URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException(URL_VARIABLE + " is not a PostgreSQL JDBC URL: " + url);
		}
		String user = env("BUERGERSERVICE_TEST_DB_USER", "postgres");
		String password = env("BUERGERSERVICE_TEST_DB_PASSWORD", "");
		PGSimpleDataSource admin = new PGSimpleDataSource();
		admin.setURL(url);
		admin.setUser(user);
		admin.setPassword(password);
		String prefix = matcher.group(1);
		String parameters = matcher.group(3) == null ? "" : matcher.group(3);
		return new Server(admin, name -> prefix + name + parameters, user, password);
	}

	private static Server embeddedServer() {
		try {
			Path directory = Files.createTempDirectory("buergerservice-test-pg");
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(true)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopWhenUnused(postgres)));
			return new Server(postgres.getPostgresDatabase(), name -> postgres.getJdbcUrl("postgres", name), "postgres",
					"");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL for tests", ex);
		}
	}

	/**
	 * Stops the embedded server once the application contexts (closed by their own
	 * shutdown hook, at the same time) have let go of their connections, so that none of
	 * them waits for a database that is gone.
	 */
	private static void stopWhenUnused(EmbeddedPostgres postgres) {
		JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
		long deadline = System.nanoTime() + 20_000_000_000L;
		try {
			while (System.nanoTime() < deadline
					&& admin.sql("SELECT count(*) FROM pg_stat_activity WHERE datname LIKE 'bs\\_test\\_%'")
						.query(Integer.class)
						.single() > 0) {
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the server is going away anyway
		}
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM ends anyway
		}
	}

	/** Databases of test runs whose JVM is gone. */
	private static void dropLeftovers(Server server) {
		JdbcClient admin = JdbcClient.create(server.admin());
		for (String name : admin.sql("SELECT datname FROM pg_database WHERE datname LIKE 'bs\\_test\\_%'")
			.query(String.class)
			.list()) {
			long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length())));
			if (ProcessHandle.of(pid).isEmpty()) {
				admin.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
			}
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	/** Where a test database is. */
	public record Database(String url, String user, String password) {
	}

	private record Server(javax.sql.DataSource admin, java.util.function.Function<String, String> urls, String user,
			String password) {

		String urlOf(String name) {
			return urls.apply(name);
		}

	}

}
