package de.buergerservice.locations;

import java.util.Collection;
import java.util.Set;

import de.buergerservice.shared.ProcedureId;

/**
 * A counter of a location and the procedures it can serve (its skills).
 */
public record Counter(CounterId id, LocationId location, String name, Set<ProcedureId> skills) {

	public Counter {
		skills = Set.copyOf(skills);
	}

	public boolean canServeAll(Collection<ProcedureId> procedures) {
		return skills.containsAll(procedures);
	}

}
