package de.buergerservice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every staff route, found in the application's own request mappings (so a new one is
 * checked without anyone remembering to): anonymous requests go to the login, requests
 * with the wrong role or for another location are refused, and changes without a CSRF
 * token are refused.
 */
@IntegrationTest
class StaffRoutesIntegrationTest {

	private static final String CENTRE = "buergerbuero-otto-schill-strasse";

	/** Open to every member of staff, whatever their roles. */
	private static final Set<String> FOR_ALL_STAFF = Set.of("GET /staff", "GET /staff/login");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	List<Route> routes;

	@BeforeEach
	void findStaffRoutes() {
		routes = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/staff") || pattern.startsWith("/staff/")) {
					for (RequestMethod requestMethod : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
						routes.add(new Route(HttpMethod.valueOf(requestMethod.name()), pattern));
					}
				}
			}
		});
	}

	@Test
	void findsTheStaffRoutes() {
		assertThat(routes).extracting(Route::toString)
			.contains("GET /staff", "GET /staff/protokoll", "GET /staff/standort/{location}",
					"POST /staff/standort/{location}/checkin", "POST /staff/standort/{location}/wartemarke",
					"GET /staff/schalter/{counter}", "POST /staff/schalter/{counter}/{action}");
	}

	@Test
	void anonymousRequestsGoToTheLogin() throws Exception {
		for (Route route : routes) {
			if (route.toString().equals("GET /staff/login")) {
				continue;
			}
			MockHttpServletResponse response = perform(route, null, true);
			assertThat(response.getStatus()).as(route.toString()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(route.toString()).endsWith("/staff/login");
		}
	}

	@Test
	void counterStaffOfAnotherLocationAreRefused() throws Exception {
		RequestPostProcessor elsewhere = user("schalter.paunsdorf").authorities(() -> "ROLE_STAFF",
				() -> "COUNTER_STAFF@buergerbuero-paunsdorf-center",
				() -> "HEAD_OF_OFFICE@buergerbuero-paunsdorf-center");
		for (Route route : routes) {
			if (!FOR_ALL_STAFF.contains(route.toString()) && !route.isLogout()) {
				assertThat(perform(route, elsewhere, true).getStatus()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void registryStaffAreRefusedAtTheCountersOfACitizensOffice() throws Exception {
		RequestPostProcessor registry = user("standesamt").authorities(() -> "ROLE_STAFF",
				() -> "REGISTRY_STAFF@standesamt");
		for (Route route : routes) {
			if (route.path().startsWith("/staff/standort") || route.path().startsWith("/staff/schalter")) {
				assertThat(perform(route, registry, true).getStatus()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void signedInUsersWhoAreNotStaffAreRefusedEverywhere() throws Exception {
		RequestPostProcessor citizen = user("someone").authorities(() -> "ROLE_USER");
		for (Route route : routes) {
			if (!route.toString().equals("GET /staff/login") && !route.isLogout()) {
				assertThat(perform(route, citizen, true).getStatus()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void changesWithoutACsrfTokenAreRefused() throws Exception {
		RequestPostProcessor head = user("leitung.zentrum").authorities(() -> "ROLE_STAFF",
				() -> "COUNTER_STAFF@" + CENTRE, () -> "HEAD_OF_OFFICE@" + CENTRE, () -> "PHONE_AGENT");
		for (Route route : routes) {
			if (route.method() != HttpMethod.GET) {
				assertThat(perform(route, head, false).getStatus()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	private MockHttpServletResponse perform(Route route, RequestPostProcessor who, boolean withCsrf) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), route.example());
		if (who != null) {
			request.with(who);
		}
		if (withCsrf) {
			request.with(csrf());
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** A staff route: method and path pattern. */
	record Route(HttpMethod method, String path) {

		/** The path with its variables filled in with values that exist. */
		String example() {
			Matcher matcher = VARIABLE.matcher(path);
			StringBuilder filled = new StringBuilder();
			while (matcher.find()) {
				String value = switch (matcher.group(1)) {
					case "location" -> CENTRE;
					case "counter" -> CENTRE + "-01";
					case "action" -> "aufrufen";
					case "ticket", "id" -> UUID.randomUUID().toString();
					default -> "x";
				};
				matcher.appendReplacement(filled, value);
			}
			matcher.appendTail(filled);
			return filled.toString();
		}

		boolean isLogout() {
			return path.equals("/staff/logout");
		}

		@Override
		public String toString() {
			return method.name() + " " + path;
		}

	}

}
