package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import de.buergerservice.catalog.Fee;
import de.buergerservice.catalog.LeikaKey;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.OnlineService;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo city's catalogue as written in {@code demo/<city>/catalog/*.yaml}, read in
 * file-name order.
 */
record CatalogSeed(List<Procedure> procedures, List<LifeEvent> lifeEvents) {

	/** The demo city's catalogue as shipped (Leipzig). */
	static CatalogSeed read() {
		return read("classpath:demo/leipzig/catalog/*.yaml");
	}

	static CatalogSeed read(String pattern) {
		YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		List<Procedure> procedures = new ArrayList<>();
		List<LifeEvent> lifeEvents = new ArrayList<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(pattern);
			Arrays.sort(files, Comparator.comparing(file -> String.valueOf(file.getFilename())));
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					CatalogFile content = yaml.readValue(in, CatalogFile.class);
					if (content.procedures() != null) {
						content.procedures().forEach(seed -> procedures.add(seed.toProcedure()));
					}
					if (content.lifeEvents() != null) {
						content.lifeEvents().forEach(seed -> lifeEvents.add(seed.toLifeEvent()));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the demo catalogue " + pattern, ex);
		}
		return new CatalogSeed(List.copyOf(procedures), List.copyOf(lifeEvents));
	}

	record CatalogFile(@Nullable List<ProcedureSeed> procedures, @Nullable List<LifeEventSeed> lifeEvents) {
	}

	record ProcedureSeed(String id, @Nullable String leikaKey, String department, LocalizedText name,
			LocalizedText summary, LocalizedText description, Keywords keywords, List<LocalizedText> documents,
			List<FeeSeed> fees, int durationMinutes, int maxQuantity, boolean bookable, boolean walkIn,
			@Nullable OnlineSeed online) {

		Procedure toProcedure() {
			return new Procedure(ProcedureId.of(id), leikaKey == null ? null : LeikaKey.of(leikaKey), department, name,
					summary, description,
					LocalizedText.of(String.join(", ", keywords.de()), String.join(", ", keywords.en())), documents,
					fees.stream().map(fee -> new Fee(fee.amount(), fee.label())).toList(), durationMinutes, maxQuantity,
					bookable, walkIn,
					online == null ? null : new OnlineService(URI.create(online.url()), online.label()));
		}

	}

	record Keywords(List<String> de, List<String> en) {
	}

	record FeeSeed(@Nullable BigDecimal amount, LocalizedText label) {
	}

	record OnlineSeed(String url, LocalizedText label) {
	}

	record LifeEventSeed(String id, LocalizedText name, LocalizedText description, List<String> procedures) {

		LifeEvent toLifeEvent() {
			return new LifeEvent(LifeEventId.of(id), name, description,
					procedures.stream().map(ProcedureId::of).toList());
		}

	}

}
