package de.buergerservice.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts an embedded PostgreSQL 17 (binaries from Maven Central) when no database server
 * is configured, so that {@code ./mvnw spring-boot:run} needs nothing but a JDK. Its data
 * lives in {@code buergerservice.embedded-database.data-directory} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoServerConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		Path directory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		LeftoverPostmaster.stopIfRunning(directory);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// Spring stops it after everything that uses it; a JVM hook could stop it
			// first
			.setRegisterShutdownHook(false)
			.setPort(properties.port())
			.setServerConfig("max_connections", "200")
			.setServerConfig("listen_addresses", "localhost")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		LOG.info("Embedded PostgreSQL listens on localhost:{}, data in {}", postgres.getPort(), directory);
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) throws SQLException {
		createDatabaseIfMissing(postgres, properties.database());
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		dataSource.setPoolName("embedded");
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		return dataSource;
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
		JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
		boolean exists = admin.sql("SELECT count(*) FROM pg_database WHERE datname = ?")
			.param(database)
			.query(Integer.class)
			.single() > 0;
		if (!exists) {
			admin.sql("CREATE DATABASE \"" + database.replace("\"", "") + "\"").update();
		}
	}

	/**
	 * On unless a database server is configured through {@code spring.datasource.url} or
	 * the embedded database is switched off.
	 */
	static class NoServerConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			var environment = context.getEnvironment();
			boolean enabled = environment.getProperty("buergerservice.embedded-database.enabled", Boolean.class, true);
			return enabled && !environment.containsProperty("spring.datasource.url");
		}

	}

}
