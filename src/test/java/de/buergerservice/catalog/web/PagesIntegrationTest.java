package de.buergerservice.catalog.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEventId;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every citizens' page, in German and English, with what a citizen comes for.
 */
@IntegrationTest
class PagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Catalog catalog;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@ParameterizedTest
	@CsvSource({ "/, de", "/?lang=en, en", "/leistungen, de", "/leistungen?lang=en, en",
			"/leistungen/personalausweis-beantragen, de", "/leistungen/personalausweis-beantragen?lang=en, en",
			"/lebenslagen, de", "/lebenslagen?lang=en, en", "/lebenslagen/geburt, de",
			"/lebenslagen/geburt?lang=en, en", "/standorte, de", "/standorte?lang=en, en",
			"/standorte/buergerbuero-otto-schill-strasse, de",
			"/standorte/buergerbuero-otto-schill-strasse?lang=en, en", "/standorte/buergerkoffer, de",
			"/standorte/buergerkoffer?lang=en, en", "/standorte/standesamt, de", "/suche?q=Perso, de",
			"/suche?q=passport&lang=en, en", "/suche, de" })
	void rendersEveryPageInTheRequestedLanguage(String path, String language) throws Exception {
		Document page = page(path, 200);

		assertThat(page.select("html").attr("lang")).isEqualTo(language);
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.title()).isNotBlank();
		assertThat(page.select("a.skip-link").attr("href")).isEqualTo("#main");
		assertThat(page.select("main#main")).hasSize(1);
		assertThat(page.select("a.language-switch").attr("hreflang")).isNotEqualTo(language);
	}

	@Test
	void homeOffersSearchLifeEventsAndHowToReachTheCity() throws Exception {
		Document home = page("/", 200);

		assertThat(home.select("form[role=search][action=/suche][method=get] input[name=q]")).hasSize(1);
		assertThat(home.select("a[href^=/lebenslagen/]").size()).isGreaterThanOrEqualTo(8);
		assertThat(home.text()).contains("115").contains("0341 123-0");
	}

	@Test
	void searchResultsLinkToTheProcedures() throws Exception {
		Document results = page("/suche?q=Hochzeit", 200);

		assertThat(results.select("ol.results a[href=/leistungen/eheschliessung-anmelden]")).hasSize(1);
		assertThat(results.select("h1").text()).contains("Hochzeit");
	}

	@Test
	void aSearchThatFindsNothingStillHelps() throws Exception {
		Document results = page("/suche?q=Raumschiff", 200);

		assertThat(results.select("ol.results")).isEmpty();
		assertThat(results.text()).contains("Keine Leistung gefunden").contains("0341 123-0");
		assertThat(results.select("a[href=/leistungen]")).isNotEmpty();
		assertThat(results.select("a[href^=/lebenslagen/]")).isNotEmpty();
	}

	@Test
	void anOverlongSearchIsExplainedNotFailed() throws Exception {
		Document results = page("/suche?q=" + "Ausweis".repeat(100), 400);

		assertThat(results.select("[role=alert]").text()).contains("200");
		assertThat(results.select("input[name=q]").attr("value")).hasSize(200);
	}

	@Test
	void procedurePageShowsWhatToBringFeesDurationPlacesAndBooking() throws Exception {
		Document procedure = page("/leistungen/personalausweis-beantragen", 200);

		assertThat(procedure.select("h1").text()).isEqualTo("Personalausweis beantragen");
		assertThat(procedure.select("ul.checklist li")).isNotEmpty();
		assertThat(procedure.text()).contains("46,00 €").contains("22,80 €").contains("Minuten");
		assertThat(page("/leistungen/personalausweis-beantragen?lang=en", 200).text()).contains("€46.00");
		assertThat(procedure.select("a[href=/standorte/buergerbuero-otto-schill-strasse]")).hasSize(1);
		assertThat(procedure.select("a.button[href=/termin?leistung=personalausweis-beantragen]")).hasSize(1);
	}

	@Test
	void procedurePageShowsOnlineAlternativeAndLeikaKeyWhereKnown() throws Exception {
		Document page = page("/leistungen/fuehrungszeugnis?lang=en", 200);
		assertThat(page.select("a[href^=https://www.fuehrungszeugnis.bund.de]")).hasSize(1);

		Document registration = page("/leistungen/wohnsitz-anmelden", 200);
		assertThat(registration.select("code").text()).isEqualTo("99115005104000");
	}

	@Test
	void walkInOnlyProceduresHaveNoBookingButton() throws Exception {
		Document pickUp = page("/leistungen/ausweis-abholen", 200);

		assertThat(pickUp.select("a.button")).isEmpty();
		assertThat(pickUp.text()).contains("keinen Termin");
	}

	@Test
	void lifeEventListsItsStepsInOrder() throws Exception {
		Document birth = page("/lebenslagen/geburt?lang=en", 200);

		assertThat(birth.select("ol.steps li a").eachAttr("href"))
			.containsExactlyElementsOf(catalog.lifeEvent(LifeEventId.of("geburt"))
				.orElseThrow()
				.procedures()
				.stream()
				.map(id -> "/leistungen/" + id)
				.toList());
	}

	@Test
	void locationPageShowsThisAndNextWeekWithHolidaysAndClosures() throws Exception {
		clock.set(ZonedDateTime.of(2026, 11, 16, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")));
		Document week = page("/standorte/buergerbuero-otto-schill-strasse", 200);
		assertThat(week.select("table.hours").first().text()).contains("Buß- und Bettag");
		assertThat(week.select("table.hours tr.today").text()).contains("16. 11.");

		clock.set(ZonedDateTime.of(2026, 12, 21, 9, 0, 0, 0, ZoneId.of("Europe/Berlin")));
		Document christmas = page("/standorte/buergerbuero-otto-schill-strasse?lang=en", 200);
		assertThat(christmas.select("table.hours").first().text()).contains("Christmas Eve");
		assertThat(christmas.select("td.exceptional").size()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void locationPageShowsAccessibilityAndProceduresOffered() throws Exception {
		Document office = page("/standorte/buergerbuero-otto-schill-strasse", 200);

		assertThat(office.select("ul.accessibility li")).hasSize(4);
		assertThat(office.select("a[href=/leistungen/wohnsitz-anmelden]")).isNotEmpty();
		assertThat(office.select("a[href=/leistungen/eheschliessung-anmelden]")).isEmpty();
	}

	@Test
	void mobileKitPageShowsItsTourAndEquipment() throws Exception {
		Document kit = page("/standorte/buergerkoffer", 200);

		assertThat(kit.text()).contains("Plagwitz").contains("Reudnitz").contains("Holzhausen").contains("Marienbrunn");
		assertThat(kit.select("#kit-heading")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/leistungen/gibt-es-nicht", "/lebenslagen/gibt-es-nicht", "/standorte/gibt-es-nicht",
			"/leistungen/GROSS", "/gibt-es-nicht" })
	void unknownPagesAreAReadable404(String path) throws Exception {
		Document page = page(path, 404);

		assertThat(page.select("h1").text()).contains("404");
		assertThat(page.select("[role=alert]").text()).isNotBlank();
		assertThat(page.select("form[role=search]")).hasSize(1);
	}

	@Test
	void rememberTheChosenLanguage() throws Exception {
		MvcResult english = mvc.perform(get("/").param("lang", "en")).andReturn();
		var cookie = english.getResponse().getCookie("lang");

		assertThat(cookie).isNotNull();
		String next = mvc.perform(get("/leistungen").cookie(cookie)).andReturn().getResponse().getContentAsString();
		assertThat(Jsoup.parse(next).select("html").attr("lang")).isEqualTo("en");
	}

	private Document page(String path, int status) throws Exception {
		MvcResult result = mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("text/html");
		String html = result.getResponse().getContentAsString();
		assertThat(html).doesNotContain("Exception").doesNotContain("at de.buergerservice");
		return Jsoup.parse(html);
	}

}
