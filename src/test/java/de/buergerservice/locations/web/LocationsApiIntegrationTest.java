package de.buergerservice.locations.web;

import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The locations API on 25 November 2026 (the test clock).
 */
@IntegrationTest
class LocationsApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryLocationWithTheMobileKitMarked() throws Exception {
		mvc.perform(get("/api/v1/locations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(18)))
			.andExpect(jsonPath("$[?(@.id == 'buergerkoffer')].mobile", hasItem(true)))
			.andExpect(jsonPath("$[?(@.id == 'standesamt')].kind", hasItem("REGISTRY_OFFICE")))
			.andExpect(jsonPath("$[0].address.street").isString());
	}

	@Test
	void filtersByProceduresThatMustAllBeOffered() throws Exception {
		mvc.perform(get("/api/v1/locations").param("procedure", "wohnsitz-ummelden")
			.param("procedure", "fahrzeug-adresse-aendern"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem("buergerbuero-otto-schill-strasse")))
			.andExpect(jsonPath("$[*].id", not(hasItem("buergerkoffer"))))
			.andExpect(jsonPath("$[*].id", not(hasItem("standesamt"))));
		mvc.perform(get("/api/v1/locations").param("procedure", "gibt-es-nicht"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void detailsHoursClosuresAndHolidaysOfTheComingNinetyDays() throws Exception {
		mvc.perform(get("/api/v1/locations/buergerbuero-otto-schill-strasse"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openingHours.MONDAY[0].opens").isString())
			.andExpect(jsonPath("$.closures[?(@.date == '2026-12-24')].kind", hasItem("CLOSURE")))
			.andExpect(jsonPath("$.closures[?(@.date == '2026-12-25')].kind", hasItem("PUBLIC_HOLIDAY")))
			.andExpect(jsonPath("$.closures[?(@.date == '2026-12-25')].reason").isNotEmpty())
			.andExpect(jsonPath("$.closures[*].date", not(hasItem("2027-11-17"))))
			.andExpect(jsonPath("$.procedures", hasItem("personalausweis-beantragen")))
			.andExpect(jsonPath("$.stops").doesNotExist());
	}

	@Test
	void detailsTheMobileKitsComingStops() throws Exception {
		mvc.perform(get("/api/v1/locations/buergerkoffer").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mobile").value(true))
			.andExpect(jsonPath("$.stops[0].date").value("2026-11-25"))
			.andExpect(jsonPath("$.stops[0].place.id").value("bibliothek-plagwitz"))
			.andExpect(jsonPath("$.stops[1].date").value("2026-12-02"))
			.andExpect(jsonPath("$.stops[1].place.id").value("bibliothek-reudnitz"));
	}

	@Test
	void answersUnknownAndMalformedRequestsWithProblems() throws Exception {
		mvc.perform(get("/api/v1/locations/nirgendwo"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/locations/NOT a slug"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/locations").param("procedure", "<script>alert(1)</script>"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("procedure[0]"));
	}

}
