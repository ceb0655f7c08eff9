package de.buergerservice.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL used when no {@code spring.datasource.url} is configured.
 *
 * @param enabled whether to start it at all (the {@code prod} profile turns it off)
 * @param dataDirectory where PostgreSQL keeps its files; kept across restarts
 * @param port the port it listens on (loopback only); 0 picks a free one
 * @param database the database the application uses
 */
@ConfigurationProperties("buergerservice.embedded-database")
record EmbeddedDatabaseProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("0") int port,
		@DefaultValue("buergerservice") String database) {

}
