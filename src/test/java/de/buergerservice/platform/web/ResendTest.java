package de.buergerservice.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the busy page offers to send again: the form's path and fields, never an address
 * of another host; nothing for a request that was not a form sent by POST.
 */
class ResendTest {

	@Test
	void keepsThePathWithinTheApplicationAndTheFieldsInOrder() {
		MockHttpServletRequest request = form("/buergerservice/termin");
		request.setContextPath("/buergerservice");
		request.addParameter("name", "Erika");
		request.addParameter("leistung", "a", "b");

		assertThat(Resend.of(request)).isEqualTo(new Resend("/termin", List.of(new Resend.Field("name", "Erika"),
				new Resend.Field("leistung", "a"), new Resend.Field("leistung", "b"))));
	}

	@Test
	void sendsAgainToThisHostEvenFromAPathThatCouldReadAsAnother() {
		assertThat(Resend.of(form("//evil.example/termin"))).extracting(Resend::action)
			.isEqualTo("/evil.example/termin");
	}

	@Test
	void offersNothingForARequestThatWasNotAFormSentByPost() {
		MockHttpServletRequest get = form("/termin");
		get.setMethod("GET");
		MockHttpServletRequest json = form("/termin");
		json.setContentType("application/json");
		MockHttpServletRequest broken = form("/termin");
		broken.setContentType("kaputt/");

		assertThat(Resend.of(get)).isNull();
		assertThat(Resend.of(json)).isNull();
		assertThat(Resend.of(broken)).isNull();
	}

	private static MockHttpServletRequest form(String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		request.setContentType("application/x-www-form-urlencoded");
		return request;
	}

}
