package de.buergerservice.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.ProcedureId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/procedures} and {@code /api/v1/life-events}: the catalogue and its
 * search for the city portal, the 115 service and partner systems.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue", description = "Procedures, their search and life events")
class CatalogApi {

	/** Hits returned by a search unless {@code limit} says otherwise. */
	static final int DEFAULT_LIMIT = 20;

	private final Catalog catalog;

	private final Locations locations;

	CatalogApi(Catalog catalog, Locations locations) {
		this.catalog = catalog;
		this.locations = locations;
	}

	@GetMapping("/procedures")
	@Operation(summary = "All procedures, or those matching q (German or English, colloquial, with typos), best first")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en")
	List<ProcedureSummary> procedures(@Valid ProcedureQuery query, Locale locale) {
		String text = query.q() == null ? "" : query.q().strip();
		if (text.isEmpty()) {
			List<Procedure> all = catalog.procedures();
			return all.stream()
				.limit(query.limit() == null ? all.size() : query.limit())
				.map(procedure -> summary(procedure, locale))
				.toList();
		}
		int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
		return catalog.search(text, limit).stream().map(hit -> summary(hit.procedure(), locale)).toList();
	}

	@GetMapping("/procedures/{id}")
	@Operation(summary = "One procedure with documents to bring, fees and the locations offering it")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en")
	ProcedureDetail procedure(@PathVariable String id, Locale locale) {
		Procedure procedure = ProcedureId.isValid(id) ? catalog.procedure(ProcedureId.of(id)).orElse(null) : null;
		if (procedure == null) {
			throw new NotFoundException("error.notFound.procedure", id);
		}
		var online = procedure.online();
		return new ProcedureDetail(procedure.id().value(),
				procedure.leikaKey() == null ? null : procedure.leikaKey().value(), procedure.name().in(locale),
				departmentName(procedure, locale), procedure.departmentId(), procedure.durationMinutes(),
				procedure.onlineAvailable(), procedure.bookable(), procedure.summary().in(locale),
				procedure.description().in(locale),
				procedure.documents().stream().map(document -> document.in(locale)).toList(),
				procedure.fees().stream().map(fee -> new FeeView(fee.amount(), "EUR", fee.label().in(locale))).toList(),
				locations.offering(List.of(procedure.id())).stream().map(Location::id).map(Object::toString).toList(),
				procedure.maxQuantity(), procedure.walkIn(),
				online == null ? null : new OnlineView(online.url().toString(), online.label().in(locale)),
				catalog.lifeEventsWith(procedure.id()).stream().map(event -> event.id().value()).toList());
	}

	@GetMapping("/life-events")
	@Operation(summary = "Life events with the procedures each usually takes, the first thing first")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en")
	List<LifeEventView> lifeEvents(@Valid LanguageQuery query, Locale locale) {
		return catalog.lifeEvents().stream().map(event -> LifeEventView.of(event, locale)).toList();
	}

	private ProcedureSummary summary(Procedure procedure, Locale locale) {
		return new ProcedureSummary(procedure.id().value(),
				procedure.leikaKey() == null ? null : procedure.leikaKey().value(), procedure.name().in(locale),
				departmentName(procedure, locale), procedure.departmentId(), procedure.durationMinutes(),
				procedure.onlineAvailable(), procedure.bookable(), procedure.summary().in(locale));
	}

	private String departmentName(Procedure procedure, Locale locale) {
		return locations.department(procedure.departmentId())
			.map(Department::name)
			.map(name -> name.in(locale))
			.orElse(procedure.departmentId());
	}

	/** Query parameters of the procedure list and search. */
	record ProcedureQuery(@Nullable @Size(max = Catalog.MAX_QUERY_LENGTH) String q,
			@Nullable @Min(1) @Max(100) Integer limit, @Nullable @Pattern(regexp = "de|en") String lang) {
	}

	record LanguageQuery(@Nullable @Pattern(regexp = "de|en") String lang) {
	}

	record ProcedureSummary(String id, @Nullable String leikaKey, String name, String department, String departmentId,
			int durationMinutes, boolean onlineAvailable, boolean bookable, String summary) {
	}

	record ProcedureDetail(String id, @Nullable String leikaKey, String name, String department, String departmentId,
			int durationMinutes, boolean onlineAvailable, boolean bookable, String summary, String description,
			List<String> documents, List<FeeView> fees, List<String> locations, int maxQuantity, boolean walkIn,
			@Nullable OnlineView onlineService, List<String> lifeEvents) {
	}

	record FeeView(@Nullable BigDecimal amount, String currency, String description) {
	}

	record OnlineView(String url, String label) {
	}

	record LifeEventView(String id, String name, String description, List<String> procedures) {

		static LifeEventView of(LifeEvent event, Locale locale) {
			return new LifeEventView(event.id().value(), event.name().in(locale), event.description().in(locale),
					event.procedures().stream().map(ProcedureId::value).toList());
		}

	}

}
