package de.buergerservice.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.time.Duration;
import java.util.stream.Stream;

import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Odd requests against the real server (Tomcat, the security firewall, Spring MVC): each
 * gets a clear 4xx without a stack trace or server details, API paths a problem document
 * where Spring answers at all.
 */
@IntegrationTest
class HttpEdgeCasesIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/leistungen/%ZZ", "/leistungen/..;/admin", "/leistungen/%2e%2e/%2e%2e/etc/passwd",
			"//evil.example/", "/leistungen/%C0%AF", "/api/v1/procedures/%00", "/api/v1/procedures?limit=1e9",
			"/api/v1/locations?procedure=%27%20OR%201%3D1--", "/standorte/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
			"/api/v1/procedures/%F0%9F%98%80", "/staff/%2e%2e/actuator/env", "/actuator/env",
			"/api/v1/procedures;jsessionid=1" })
	void answersOddPathsWithAClearClientError(String target) throws IOException {
		Response response = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).as(target).isBetween(400, 499);
		assertNoLeak(response);
		if (target.startsWith("/api/") && response.status() != 400) {
			assertThat(response.head()).containsIgnoringCase("application/problem+json");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 20_000, 70_000 })
	void answersOversizedRequestsWithAClearClientError(int length) throws IOException {
		Response longUrl = send(
				"GET /suche?q=" + "a".repeat(length) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Response longHeader = send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "b".repeat(length)
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(longUrl.status()).isBetween(400, 499);
		assertThat(longHeader.status()).isBetween(400, 499);
		assertNoLeak(longUrl);
		assertNoLeak(longHeader);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/suche", "/", "/api/v1/procedures" })
	void refusesUnexpectedPostsWithoutAServerError(String target) throws IOException {
		Response response = send("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
				+ "application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\nq=x");

		assertThat(response.status()).isBetween(400, 499);
		assertNoLeak(response);
	}

	/**
	 * What the fuzzer ({@code FuzzIntegrationTest}) found answered with a 500 or in the
	 * wrong shape: undecodable parameters and paths, header values the firewall refuses,
	 * an unparseable {@code Accept}, a wildcard or boundary-less body type,
	 * {@code /error} asked for directly, the calendar file without its token, request
	 * lines longer than Tomcat's header buffer, dates at the ends of ISO's years.
	 */
	static Stream<Arguments> requestsTheFuzzerFound() {
		return Stream.of(Arguments.of("GET /termin/tag?tag=a%ZZ HTTP/1.1\r\n", 400),
				Arguments.of("GET /api/v1/life-events?%0D=1 HTTP/1.1\r\n", 400),
				Arguments.of("GET /api/v1/procedures/%FF%FE HTTP/1.1\r\n", 400),
				Arguments.of("GET /leistungen/%FF%FE HTTP/1.1\r\n", 400), Arguments.of("GET /error HTTP/1.1\r\n", 404),
				Arguments.of("GET /api/v1/life-events HTTP/1.1\r\nAccept-Language: \u0085\u00e4\r\n", 400),
				Arguments.of("GET /leistungen HTTP/1.1\r\nAccept-Language: \u0085\u00e4\r\n", 200),
				Arguments.of("GET /api/v1/appointments/T-YBR4-5RNC HTTP/1.1\r\nAuthorization: Bearer \u0085\r\n", 400),
				Arguments.of("GET /api/v1/appointments/T-YBR4-5RNC/calendar.ics HTTP/1.1\r\n", 404),
				Arguments.of("GET /api/v1/procedures/unknown HTTP/1.1\r\nAccept: ;;;\r\n", 404),
				Arguments.of("GET /api/v1/availability/days?procedure=personalausweis-beantragen&location="
						+ "buergerbuero-otto-schill-strasse&from=2026-12-01&to=2027-06-01 HTTP/1.1\r\n", 400),
				Arguments.of("GET /api/v1/availability?procedure=x HTTP/1.1\r\n", 400),
				Arguments.of("GET /leistungen/unknown HTTP/1.1\r\nAccept: nonsense\r\n", 404),
				Arguments.of("POST /api/v1/appointments HTTP/1.1\r\nContent-Type: */*\r\nContent-Length: 2\r\n\r\n{}",
						415),
				Arguments.of("POST /api/v1/appointments/confirmations HTTP/1.1\r\nContent-Type: multipart/form-data\r\n"
						+ "Content-Length: 2\r\n\r\n{}", 400),
				// a request line longer than Tomcat's header buffer: refused before the
				// path is known, still in the shape of the path
				Arguments.of("GET /api/v1/procedures?q=" + "%C3%A4".repeat(4_000) + " HTTP/1.1\r\n", 400),
				Arguments.of("GET /api/v1/appointments/" + "x".repeat(40_000) + " HTTP/1.1\r\n", 400),
				Arguments.of("GET http://localhost/api/v1/locations?q=" + "y".repeat(20_000) + " HTTP/1.1\r\n", 400),
				Arguments.of("GET /leistungen?q=" + "%C3%A4".repeat(4_000) + " HTTP/1.1\r\n", 400),
				// a form body that does not decode on DELETE or PUT: Spring's form
				// content
				// filter failed on it before any handler could answer
				Arguments.of("DELETE /api/v1/appointments/T-YBR4-5RNC HTTP/1.1\r\nContent-Type: "
						+ "application/x-www-form-urlencoded\r\nContent-Length: 8\r\n\r\na=%ZZ%C0", 404),
				Arguments.of("PUT /suche HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
						+ "Content-Length: 8\r\n\r\na=%ZZ%C0", 403),
				// dates at the ends of ISO's years: arithmetic a day later overflowed
				Arguments.of("GET /api/v1/availability?procedure=personalausweis-beantragen&location="
						+ "buergerbuero-otto-schill-strasse&from=%2B999999999-12-31 HTTP/1.1\r\n", 400),
				Arguments.of("GET /api/v1/availability/days?procedure=personalausweis-beantragen&location="
						+ "buergerbuero-otto-schill-strasse&from=-999999999-01-01 HTTP/1.1\r\n", 400));
	}

	/**
	 * The interpreting desk's day and month at the ends of ISO's years (a day or month
	 * later overflowed): the readable page for a day that is not there.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/staff/dolmetschen?tag=+999999999-12-31", "/staff/dolmetschen?tag=-999999999-01-01",
			"/staff/dolmetschen/abrechnung?monat=+999999999-12", "/staff/dolmetschen/abrechnung?monat=-999999999-01" })
	void answersInterpretingDaysAtTheEndOfTimeWithAPage(String target) throws Exception {
		String[] parts = target.split("[?=]");
		var response = mvc
			.perform(get(parts[0]).param(parts[1], parts[2])
				.with(user("admin").authorities(() -> "ROLE_STAFF", () -> "ADMINISTRATOR")))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).as(target).isEqualTo(404);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<h1").doesNotContain("Exception");
	}

	@ParameterizedTest
	@MethodSource("requestsTheFuzzerFound")
	void answersWhatTheFuzzerFoundInTheRightShape(String request, int status) throws IOException {
		String head = request.contains("\r\n\r\n")
				? request.replaceFirst("\r\n\r\n", "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
				: request + "Host: localhost\r\nConnection: close\r\n\r\n";
		RawHttp.Response response = RawHttp.exchange(port, head.getBytes(StandardCharsets.ISO_8859_1),
				Duration.ofSeconds(10));

		assertThat(response.status()).as(request + response.contentType() + response.text()).isEqualTo(status);
		String body = response.text();
		assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Apache Tomcat");
		if (status >= 400) {
			if (request.split(" ", 3)[1].replaceFirst("^http://[^/]+", "").startsWith("/api/")) {
				assertThat(response.contentType()).as(request).startsWith("application/problem+json");
				assertThat(body).contains("\"status\":" + status);
			}
			else {
				assertThat(response.contentType()).as(request).startsWith("text/html");
				assertThat(body).contains("<h1");
			}
		}
	}

	private static void assertNoLeak(Response response) {
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("\tat ")
			.doesNotContain("Apache Tomcat/")
			.doesNotContainIgnoringCase("stacktrace");
	}

	private Response send(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			try {
				in.transferTo(all);
			}
			catch (IOException ex) {
				// the server may reset the connection after answering an oversized
				// request
			}
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String head = end < 0 ? text : text.substring(0, end);
			String body = end < 0 ? "" : text.substring(end + 4);
			int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : 0;
			return new Response(status, head, body);
		}
	}

	private record Response(int status, String head, String body) {
	}

}
