package de.buergerservice.events.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import de.buergerservice.shared.City;
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
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city's events ({@code events.yaml} of the demo data, if it has one) into
 * an empty database, once. Several instances starting together load them once between
 * them (an advisory lock serialises them).
 */
@Component
@Order(25)
@ConditionalOnBooleanProperty("buergerservice.demo-data.enabled")
class EventsDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(EventsDemoData.class);

	private final EventStore events;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DemoData demo;

	private final City city;

	private final Clock clock;

	EventsDemoData(EventStore events, JdbcClient jdbc, TransactionTemplate transaction, DemoData demo, City city,
			Clock clock) {
		this.events = events;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.demo = demo;
		this.city = city;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Resource file = new DefaultResourceLoader().getResource(demo.file("events.yaml"));
		if (!file.exists()) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('events-demo-data'))").query().singleRow();
			if (!events.isEmpty()) {
				return;
			}
			EventsSeed seed = read(file);
			seed.events().forEach(event -> events.insert(event.toEvent(city.zone()), clock.instant()));
			LOG.info("Loaded the demo city's {} events", seed.events().size());
		});
	}

	static EventsSeed read(Resource file) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = file.getInputStream()) {
			return yaml.readValue(in, EventsSeed.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

}
