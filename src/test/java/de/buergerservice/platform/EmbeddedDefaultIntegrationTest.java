package de.buergerservice.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import de.buergerservice.BuergerserviceApplication;
import de.buergerservice.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as {@code ./mvnw spring-boot:run} starts it on a fresh machine: no
 * database configured, so it starts its embedded PostgreSQL, keeps the data in its data
 * directory, loads the demo city once and serves the home page; a restart finds the data
 * again.
 */
class EmbeddedDefaultIntegrationTest {

	@TempDir
	Path data;

	@Test
	void startsOnItsEmbeddedDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
		Path directory = data.resolve("postgres");
		int procedures;
		try (ConfigurableApplicationContext first = start(directory)) {
			assertThat(homePage(first)).contains("Leipzig").contains("Personalausweis");
			procedures = first.getBean(Catalog.class).procedures().size();
			assertThat(procedures).isGreaterThanOrEqualTo(60);
		}
		assertThat(Files.exists(directory.resolve("PG_VERSION"))).isTrue();

		try (ConfigurableApplicationContext second = start(directory)) {
			assertThat(second.getBean(Catalog.class).procedures()).hasSize(procedures);
			assertThat(homePage(second)).contains("Leipzig");
		}
	}

	private static ConfigurableApplicationContext start(Path directory) {
		return new SpringApplicationBuilder(BuergerserviceApplication.class).run("--server.port=0",
				"--buergerservice.embedded-database.data-directory=" + directory);
	}

	private static String homePage(ConfigurableApplicationContext context) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
	}

}
