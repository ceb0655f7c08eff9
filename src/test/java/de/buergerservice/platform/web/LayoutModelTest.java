package de.buergerservice.platform.web;

import java.time.ZoneId;
import java.util.Locale;

import de.buergerservice.shared.City;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's model goes to page templates only, after the handler, without replacing
 * what the handler put there; redirects and answers without a view get none of it. A page
 * that answers a form names the link its language switch leads to.
 */
class LayoutModelTest {

	private final City leipzig = new City("Leipzig", "Amt für Bürgerservice", "Meine Stadt, ein Service", "0341 123-0",
			"115", ZoneId.of("Europe/Berlin"), "de", "sn", "http://localhost:8080");

	private final LayoutModel layout = new LayoutModel(leipzig);

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void aPageTemplateGetsTheCityAndTheLinkToTheSamePageInTheOtherLanguage() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/suche");
		request.setQueryString("q=Pass&lang=de");
		request.addPreferredLocale(Locale.GERMAN);
		ModelAndView page = new ModelAndView("catalog/search");

		layout.postHandle(request, response, this, page);

		assertThat(page.getModel()).containsEntry("city", leipzig)
			.containsEntry("otherLanguage", "en")
			.containsEntry("languageSwitchUrl", "/suche?q=Pass&lang=en");
	}

	@Test
	void whatTheHandlerPutInTheModelStays() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addPreferredLocale(Locale.ENGLISH);
		ModelAndView page = new ModelAndView("catalog/home");
		page.addObject("otherLanguage", "xx");

		layout.postHandle(request, response, this, page);

		assertThat(page.getModel()).containsEntry("otherLanguage", "xx")
			.containsEntry("languageSwitchUrl", "/?lang=de");
	}

	@Test
	void aPageAnsweringAFormLeadsTheSwitchToTheLinkItNamed() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/termin");
		request.addPreferredLocale(Locale.GERMAN);
		ModelAndView page = new ModelAndView("booking/booked");
		page.addObject(LayoutModel.SWITCH_FROM, "/termin/verwalten/T-ABCD-EFGH?token=abc&lang=de");

		layout.postHandle(request, response, this, page);

		assertThat(page.getModel()).containsEntry("languageSwitchUrl",
				"/termin/verwalten/T-ABCD-EFGH?token=abc&lang=en");
	}

	@Test
	void redirectsForwardsAndAnswersWithoutAViewGetNothing() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/termin");
		ModelAndView redirect = new ModelAndView("redirect:/termin/bestaetigt");
		ModelAndView forward = new ModelAndView("forward:/error");

		layout.postHandle(request, response, this, redirect);
		layout.postHandle(request, response, this, forward);
		layout.postHandle(request, response, this, null);

		assertThat(redirect.getModel()).isEmpty();
		assertThat(forward.getModel()).isEmpty();
	}

}
