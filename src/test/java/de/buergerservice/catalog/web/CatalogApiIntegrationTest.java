package de.buergerservice.catalog.web;

import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CatalogApiIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void listsAllProceduresWithTheContractsFields() throws Exception {
		mvc.perform(get("/api/v1/procedures"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$", hasSize(greaterThanOrEqualTo(60))))
			.andExpect(jsonPath("$[*]", everyItem(hasKey("leikaKey"))))
			.andExpect(jsonPath("$[0].id").isString())
			.andExpect(jsonPath("$[0].name").isString())
			.andExpect(jsonPath("$[0].department").isString())
			.andExpect(jsonPath("$[0].durationMinutes").isNumber())
			.andExpect(jsonPath("$[0].onlineAvailable").isBoolean())
			.andExpect(jsonPath("$[0].bookable").isBoolean());
	}

	@Test
	void searchesBestMatchFirstWithinTheLimit() throws Exception {
		mvc.perform(get("/api/v1/procedures").param("q", "Perso").param("limit", "3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(lessThanOrEqualTo(3))))
			.andExpect(jsonPath("$[0].id").value("personalausweis-beantragen"));
	}

	@Test
	void answersASearchThatMatchesNothingWithAnEmptyList() throws Exception {
		mvc.perform(get("/api/v1/procedures").param("q", "xyzzy"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void speaksEnglishWhenAsked() throws Exception {
		mvc.perform(get("/api/v1/procedures/wohnsitz-anmelden").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Register your address"));
		mvc.perform(get("/api/v1/procedures/wohnsitz-anmelden").header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(jsonPath("$.name").value("Register your address"));
		mvc.perform(get("/api/v1/procedures/wohnsitz-anmelden"))
			.andExpect(jsonPath("$.name").value("Wohnsitz anmelden"));
	}

	@Test
	void detailsAProcedureWithDocumentsFeesAndLocations() throws Exception {
		mvc.perform(get("/api/v1/procedures/wohnsitz-anmelden"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.leikaKey").value("99115005104000"))
			.andExpect(jsonPath("$.documents", hasSize(greaterThanOrEqualTo(1))))
			.andExpect(jsonPath("$.fees[0].currency").value("EUR"))
			.andExpect(jsonPath("$.locations", hasItem("buergerbuero-otto-schill-strasse")))
			.andExpect(jsonPath("$.locations", hasItem("buergerkoffer")))
			.andExpect(jsonPath("$.locations", not(hasItem("standesamt"))));
		mvc.perform(get("/api/v1/procedures/personalausweis-beantragen"))
			.andExpect(jsonPath("$.leikaKey").value(nullValue()));
	}

	@Test
	void answersAnUnknownProcedureWithAProblem() throws Exception {
		mvc.perform(get("/api/v1/procedures/gibt-es-nicht"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.title").value("Nicht gefunden"))
			.andExpect(jsonPath("$.detail", containsString("gibt-es-nicht")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "limit=99999999999999999999", "lang=fr", "limit=-1" })
	void rejectsBadParametersWithFieldErrors(String parameter) throws Exception {
		String[] pair = parameter.split("=");
		mvc.perform(get("/api/v1/procedures").param("q", "Pass").param(pair[0], pair[1]))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value(pair[0]))
			.andExpect(jsonPath("$.errors[0].message").isString());
	}

	@Test
	void rejectsAnOverlongQuery() throws Exception {
		mvc.perform(get("/api/v1/procedures").param("q", "a".repeat(201)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void rejectsMethodsTheApiDoesNotOffer() throws Exception {
		mvc.perform(post("/api/v1/procedures").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(405));
	}

	@Test
	void listsLifeEventsWithTheirProcedures() throws Exception {
		mvc.perform(get("/api/v1/life-events").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(greaterThanOrEqualTo(8))))
			.andExpect(jsonPath("$[?(@.id == 'geburt')].procedures[*]", hasItem("geburt-beurkunden")))
			.andExpect(jsonPath("$[?(@.id == 'geburt')].name", hasItem("Birth of a child")));
	}

	@Test
	void describesItselfInOpenApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/procedures']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/procedures/{id}']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/life-events']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/locations']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/locations/{id}']").exists());
	}

}
