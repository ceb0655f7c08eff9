package de.buergerservice.locations.internal;

import java.io.IOException;
import java.io.InputStream;

import de.buergerservice.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city's locations into an empty database, once. Several instances
 * starting together load it once between them (an advisory lock serialises them).
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("buergerservice.demo-data.enabled")
class LocationsDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(LocationsDemoData.class);

	private final LocationRepository repository;

	private final LocationService service;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DemoData demo;

	LocationsDemoData(LocationRepository repository, LocationService service, JdbcClient jdbc,
			TransactionTemplate transaction, DemoData demo) {
		this.repository = repository;
		this.service = service;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('locations-demo-data'))").query().singleRow();
			if (!repository.isEmpty()) {
				return;
			}
			var contents = read(demo.file("locations.yaml")).contents();
			repository.insertAll(contents.departments(), contents.locations(), contents.counters());
			LOG.info("Loaded the demo city's {} locations and {} counters", contents.locations().size(),
					contents.counters().size());
		});
		service.reload();
	}

	static LocationsSeed read(String location) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
			return yaml.readValue(in, LocationsSeed.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + location, ex);
		}
	}

}
