package de.buergerservice.catalog;

import java.util.List;
import java.util.Optional;

import de.buergerservice.shared.ProcedureId;

/**
 * The public face of the catalogue: procedures, life events and the search over them.
 */
public interface Catalog {

	/** The longest query the search accepts, in characters. */
	int MAX_QUERY_LENGTH = 200;

	/** Every procedure, in the catalogue's order. */
	List<Procedure> procedures();

	Optional<Procedure> procedure(ProcedureId id);

	List<LifeEvent> lifeEvents();

	Optional<LifeEvent> lifeEvent(LifeEventId id);

	/** The life events a procedure belongs to. */
	List<LifeEvent> lifeEventsWith(ProcedureId procedure);

	/**
	 * Searches the catalogue as citizens type: German or English, colloquial words,
	 * compounds, typos. Best match first; an empty list when nothing fits.
	 * @param text what was typed, at most {@link #MAX_QUERY_LENGTH} characters
	 * @param limit the most hits to return
	 */
	List<SearchHit> search(String text, int limit);

}
