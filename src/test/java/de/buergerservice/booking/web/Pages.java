package de.buergerservice.booking.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.Appointments;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of the booking pages check on every page: the status, an HTML page
 * without a stack trace, an error summary whose links lead to their fields; and the
 * appointment behind a private link.
 */
final class Pages {

	private Pages() {
	}

	/** The page a request answers, with the status it must have. */
	static Document page(MockMvc mvc, MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus())
			.as(() -> result.getRequest().getRequestURI() + ": "
					+ Jsoup.parse(html).select("h1, .error-summary").text())
			.isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("text/html");
		assertThat(html).doesNotContain("Exception").doesNotContain("at de.buergerservice");
		return Jsoup.parse(html);
	}

	/** An error summary in an alert, each of its links to a field of the page. */
	static void assertErrorSummary(Document page) {
		Element summary = page.selectFirst(".error-summary[role=alert]");
		assertThat(summary).isNotNull();
		assertThat(summary.select("a")).isNotEmpty();
		for (Element link : summary.select("a")) {
			assertThat(link.text()).isNotBlank();
			assertThat(page.getElementById(link.attr("href").substring(1))).as(link.attr("href")).isNotNull();
		}
	}

	/** The appointment of a private manage link ({@code /termin/verwalten/…?token=…}). */
	static Optional<Appointment> appointment(Appointments appointments, String manageLink) {
		String reference = manageLink.substring("/termin/verwalten/".length(), manageLink.indexOf('?'));
		String token = manageLink.substring(manageLink.indexOf("token=") + "token=".length());
		return appointments.find(AppointmentReference.of(reference), new AccessToken(token));
	}

}
