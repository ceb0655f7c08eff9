package de.buergerservice.catalog;

import java.util.List;

import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;

/**
 * A life event (Lebenslage) such as a birth or a move, with the procedures it usually
 * takes, the first thing first.
 */
public record LifeEvent(LifeEventId id, LocalizedText name, LocalizedText description, List<ProcedureId> procedures) {

	public LifeEvent {
		procedures = List.copyOf(procedures);
		if (procedures.isEmpty()) {
			throw new IllegalArgumentException("A life event needs at least one procedure: " + id);
		}
	}

}
