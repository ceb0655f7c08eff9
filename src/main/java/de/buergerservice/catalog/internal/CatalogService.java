package de.buergerservice.catalog.internal;

import java.util.List;
import java.util.Optional;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.catalog.SearchHit;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;

import org.springframework.stereotype.Service;

/**
 * Serves the catalogue from an in-memory snapshot, built from the database when first
 * needed and again after the catalogue changed.
 */
@Service
class CatalogService implements Catalog {

	private final CatalogRepository repository;

	private final Locations locations;

	private volatile CatalogSnapshot snapshot;

	CatalogService(CatalogRepository repository, Locations locations) {
		this.repository = repository;
		this.locations = locations;
	}

	void reload() {
		snapshot = CatalogSnapshot.of(repository.procedures(), repository.lifeEvents(), this::departmentName);
	}

	private LocalizedText departmentName(String id) {
		return locations.department(id).map(Department::name).orElse(LocalizedText.of(id, id));
	}

	private CatalogSnapshot snapshot() {
		CatalogSnapshot current = snapshot;
		if (current == null) {
			synchronized (this) {
				if (snapshot == null) {
					reload();
				}
				current = snapshot;
			}
		}
		return current;
	}

	@Override
	public List<Procedure> procedures() {
		return snapshot().procedures();
	}

	@Override
	public Optional<Procedure> procedure(ProcedureId id) {
		return snapshot().procedure(id);
	}

	@Override
	public List<LifeEvent> lifeEvents() {
		return snapshot().lifeEvents();
	}

	@Override
	public Optional<LifeEvent> lifeEvent(LifeEventId id) {
		return snapshot().lifeEvent(id);
	}

	@Override
	public List<LifeEvent> lifeEventsWith(ProcedureId procedure) {
		return snapshot().lifeEventsWith(procedure);
	}

	@Override
	public List<SearchHit> search(String text, int limit) {
		String query = text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text;
		return snapshot().search(query, Math.min(limit, 100));
	}

}
