package de.buergerservice.catalog.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.catalog.SearchHit;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizens' pages of the catalogue: home, search, procedures and life events.
 */
@Controller
class CatalogPages {

	/** What citizens look for most, shown on the home page where the catalogue has it. */
	private static final List<String> POPULAR = List.of("personalausweis-beantragen", "wohnsitz-anmelden",
			"reisepass-beantragen", "meldebescheinigung", "fuehrungszeugnis", "fahrzeug-zulassen", "geburtsurkunde",
			"eheschliessung-anmelden");

	private static final int RESULTS = 25;

	private final Catalog catalog;

	private final Locations locations;

	CatalogPages(Catalog catalog, Locations locations) {
		this.catalog = catalog;
		this.locations = locations;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("lifeEvents", catalog.lifeEvents());
		model.addAttribute("popular",
				POPULAR.stream()
					.map(ProcedureId::of)
					.map(catalog::procedure)
					.flatMap(java.util.Optional::stream)
					.toList());
		return "catalog/home";
	}

	@GetMapping("/suche")
	String search(@RequestParam(name = "q", required = false) @Nullable String q, Model model,
			HttpServletResponse response) {
		String query = q == null ? "" : q.strip();
		model.addAttribute("q", query);
		model.addAttribute("maxLength", Catalog.MAX_QUERY_LENGTH);
		if (query.length() > Catalog.MAX_QUERY_LENGTH) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("q", query.substring(0, Catalog.MAX_QUERY_LENGTH));
			model.addAttribute("tooLong", true);
			model.addAttribute("hits", List.of());
			model.addAttribute("lifeEvents", catalog.lifeEvents());
			return "catalog/search";
		}
		List<SearchHit> hits = query.isEmpty() ? List.of() : catalog.search(query, RESULTS);
		model.addAttribute("hits", hits);
		model.addAttribute("lifeEvents", catalog.lifeEvents());
		return "catalog/search";
	}

	@GetMapping("/leistungen")
	String procedures(Model model, Locale locale) {
		Map<Department, List<Procedure>> byDepartment = new LinkedHashMap<>();
		Map<String, List<Procedure>> grouped = catalog.procedures()
			.stream()
			.sorted(java.util.Comparator.comparing(procedure -> procedure.name().in(locale)))
			.collect(Collectors.groupingBy(Procedure::departmentId, LinkedHashMap::new, Collectors.toList()));
		for (Department department : locations.departments()) {
			List<Procedure> procedures = grouped.get(department.id());
			if (procedures != null) {
				byDepartment.put(department, procedures);
			}
		}
		model.addAttribute("departments", byDepartment);
		return "catalog/procedures";
	}

	@GetMapping("/leistungen/{id}")
	String procedure(@PathVariable String id, Model model) {
		Procedure procedure = ProcedureId.isValid(id) ? catalog.procedure(ProcedureId.of(id)).orElse(null) : null;
		if (procedure == null) {
			throw new NotFoundException("error.notFound.procedure", id);
		}
		List<Location> offering = locations.offering(List.of(procedure.id()));
		model.addAttribute("procedure", procedure);
		model.addAttribute("department", locations.department(procedure.departmentId()).orElse(null));
		model.addAttribute("offices", offering.stream().filter(location -> !location.mobile()).toList());
		model.addAttribute("mobile", offering.stream().filter(Location::mobile).toList());
		model.addAttribute("lifeEvents", catalog.lifeEventsWith(procedure.id()));
		return "catalog/procedure";
	}

	@GetMapping("/lebenslagen")
	String lifeEvents(Model model) {
		model.addAttribute("lifeEvents", catalog.lifeEvents());
		return "catalog/life-events";
	}

	@GetMapping("/lebenslagen/{id}")
	String lifeEvent(@PathVariable String id, Model model) {
		LifeEvent event = LifeEventId.isValid(id) ? catalog.lifeEvent(LifeEventId.of(id)).orElse(null) : null;
		if (event == null) {
			throw new NotFoundException("error.notFound.lifeEvent", id);
		}
		model.addAttribute("lifeEvent", event);
		model.addAttribute("procedures",
				event.procedures().stream().map(catalog::procedure).flatMap(java.util.Optional::stream).toList());
		return "catalog/life-event";
	}

}
