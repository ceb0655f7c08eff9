package de.buergerservice.interpreting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.shared.DemoData;
import de.buergerservice.shared.ProcedureId;
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
 * The demo city's interpreters and the procedures that may have one
 * ({@code interpreting.yaml} of the demo data), loaded into an empty database. A seed
 * without the file has no interpreters.
 */
@Component
@Order(16)
@ConditionalOnBooleanProperty("buergerservice.demo-data.enabled")
class InterpretingDemoData implements ApplicationRunner {

	private static final Logger LOG = LoggerFactory.getLogger(InterpretingDemoData.class);

	private final InterpreterStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final DemoData demo;

	InterpretingDemoData(InterpreterStore store, JdbcClient jdbc, TransactionTemplate transaction, DemoData demo) {
		this.store = store;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.demo = demo;
	}

	@Override
	public void run(ApplicationArguments args) {
		Resource file = new DefaultResourceLoader().getResource(demo.file("interpreting.yaml"));
		if (!file.exists()) {
			return;
		}
		Seed seed = read(file);
		transaction.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('interpreting-demo-data'))").query().singleRow();
			if (!store.isEmpty()) {
				return;
			}
			seed.capableProcedures().forEach(procedure -> store.saveCapable(ProcedureId.of(procedure)));
			for (InterpreterSeed interpreter : seed.interpreters()) {
				Map<DayOfWeek, List<InterpreterStore.Hours>> hours = new EnumMap<>(DayOfWeek.class);
				interpreter.hours()
					.forEach(
							(day, ranges) -> hours.put(day, ranges.stream().map(InterpretingDemoData::hours).toList()));
				store.saveInterpreter(new InterpreterStore.Interpreter(interpreter.id(), interpreter.name(),
						interpreter.email(), interpreter.service(), interpreter.languages(), hours));
			}
			LOG.info("Loaded the demo city's {} interpreters", seed.interpreters().size());
		});
	}

	private static InterpreterStore.Hours hours(String range) {
		String[] parts = range.split("-");
		return new InterpreterStore.Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
	}

	static Seed read(Resource file) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try (InputStream in = file.getInputStream()) {
			return yaml.readValue(in, Seed.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	record Seed(List<String> capableProcedures, List<InterpreterSeed> interpreters) {

		Seed {
			capableProcedures = capableProcedures == null ? List.of() : capableProcedures;
			interpreters = interpreters == null ? new ArrayList<>() : interpreters;
		}

	}

	record InterpreterSeed(String id, String name, String email, String service, List<String> languages,
			Map<DayOfWeek, List<String>> hours) {
	}

}
