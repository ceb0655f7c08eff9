package de.buergerservice.catalog.internal;

import de.buergerservice.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo city's catalogue into an empty database, once (after its locations).
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("buergerservice.demo-data.enabled")
class CatalogDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(CatalogDemoData.class);

	private final CatalogRepository repository;

	private final CatalogService service;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DemoData demo;

	CatalogDemoData(CatalogRepository repository, CatalogService service, JdbcClient jdbc,
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
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('catalog-demo-data'))").query().singleRow();
			if (!repository.isEmpty()) {
				return;
			}
			CatalogSeed seed = CatalogSeed.read(demo.file("catalog/*.yaml"));
			repository.insertAll(seed.procedures(), seed.lifeEvents());
			LOG.info("Loaded the demo city's {} procedures and {} life events", seed.procedures().size(),
					seed.lifeEvents().size());
		});
		service.reload();
	}

}
