package de.buergerservice.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.catalog.SearchHit;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;

/**
 * The whole catalogue in memory with its search index, replaced as a whole when the
 * catalogue changes.
 */
final class CatalogSnapshot {

	private final List<Procedure> procedures;

	private final Map<ProcedureId, Procedure> byId;

	private final List<LifeEvent> lifeEvents;

	private final ProcedureIndex index;

	CatalogSnapshot(List<Procedure> procedures, List<LifeEvent> lifeEvents,
			Function<String, LocalizedText> departmentName, SearchAnalysis analysis) {
		this.procedures = List.copyOf(procedures);
		this.byId = procedures.stream()
			.collect(Collectors.toMap(Procedure::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.lifeEvents = List.copyOf(lifeEvents);
		this.index = new ProcedureIndex(procedures, lifeEvents, departmentName, analysis);
	}

	/**
	 * Builds the snapshot with the search analysis of the shipped dictionary and synonym
	 * list.
	 */
	static CatalogSnapshot of(List<Procedure> procedures, List<LifeEvent> lifeEvents,
			Function<String, LocalizedText> departmentName) {
		List<String> vocabulary = procedures.stream()
			.flatMap(procedure -> java.util.stream.Stream.of(procedure.name().de(), procedure.keywords().de()))
			.toList();
		return new CatalogSnapshot(procedures, lifeEvents, departmentName, SearchAnalysis.fromClasspath(vocabulary));
	}

	List<Procedure> procedures() {
		return procedures;
	}

	Optional<Procedure> procedure(ProcedureId id) {
		return Optional.ofNullable(byId.get(id));
	}

	List<LifeEvent> lifeEvents() {
		return lifeEvents;
	}

	Optional<LifeEvent> lifeEvent(LifeEventId id) {
		return lifeEvents.stream().filter(event -> event.id().equals(id)).findFirst();
	}

	List<LifeEvent> lifeEventsWith(ProcedureId procedure) {
		return lifeEvents.stream().filter(event -> event.procedures().contains(procedure)).toList();
	}

	List<SearchHit> search(String text, int limit) {
		return index.search(text, limit);
	}

}
