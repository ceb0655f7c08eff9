package de.buergerservice.booking.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The availability questions' parameters read straight from the query, with the meaning
 * {@code @RequestParam} gives them: a single value of a list split at commas and trimmed,
 * repeated values as they are, absent ones {@code null}, a boolean as Spring reads one.
 */
class AvailabilityParametersTest {

	private final AvailabilityParameters.Resolver resolver = new AvailabilityParameters.Resolver();

	private final MethodParameter parameter = parameter();

	@Test
	void readsEachParameterAsRequestParamWould() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/availability");
		request.addParameter("procedure", "a, b");
		request.addParameter("quantity", "a:2", " b:3");
		request.addParameter("location", "zentrum");
		request.addParameter("anywhere", "on");
		request.addParameter("from", "2026-12-01");
		request.addParameter("interpreterLanguage", "ar");

		AvailabilityParameters read = resolve(request);

		assertThat(resolver.supportsParameter(parameter)).isTrue();
		assertThat(read).isEqualTo(new AvailabilityParameters(List.of("a", "b"), List.of("a:2", " b:3"), "zentrum",
				true, "2026-12-01", null, "ar"));
	}

	@Test
	void absentParametersAreNullAndAnEmptyListStaysEmpty() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/availability");
		request.addParameter("procedure", "");
		request.addParameter("anywhere", "");

		assertThat(resolve(request))
			.isEqualTo(new AvailabilityParameters(List.of(), null, null, null, null, null, null));
	}

	@Test
	void aBooleanThatIsNoneIsATypeMismatchOfItsParameter() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/availability");
		request.addParameter("anywhere", "vielleicht");

		assertThatExceptionOfType(MethodArgumentTypeMismatchException.class).isThrownBy(() -> resolve(request))
			.satisfies(ex -> assertThat(ex.getName()).isEqualTo("anywhere"));
	}

	private AvailabilityParameters resolve(MockHttpServletRequest request) {
		return resolver.resolveArgument(parameter, null, new ServletWebRequest(request), null);
	}

	private static MethodParameter parameter() {
		try {
			return new MethodParameter(AvailabilityApi.class.getDeclaredMethod("days", AvailabilityParameters.class),
					0);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
