package de.buergerservice.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Books through the public API as a client would: finds a free time, solves the proof of
 * work, posts the booking. Every call comes from a client address and with an e-mail
 * address of its own, so that the rate limits of one test do not spill into another.
 */
public final class BookingApi {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MockMvc mvc;

	public BookingApi(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** A fresh client address, e-mail address and name. */
	public static Who someone() {
		int n = SEQUENCE.incrementAndGet();
		return new Who("10.%d.%d.%d".formatted(n / 65536 % 256, n / 256 % 256, n % 256), "citizen" + n + "@example.org",
				"Erika Mustermann " + n);
	}

	public JsonNode json(MockHttpServletResponse response) {
		try {
			return JSON.readTree(response.getContentAsString());
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The free start times of the API's slot question. */
	public JsonNode slots(String query) throws Exception {
		return json(mvc.perform(get("/api/v1/availability?" + query)).andReturn().getResponse()).get("slots");
	}

	public String proofOfWork() throws Exception {
		return ProofOfWorkSolver
			.solve(mvc.perform(get("/api/v1/challenges")).andReturn().getResponse().getContentAsString());
	}

	/** A booking body for one procedure at a location and start time. */
	public Map<String, Object> body(String procedure, String location, String start, Who who) throws Exception {
		return Map.of("procedures", List.of(procedure), "location", location, "start", start, "citizen",
				Map.of("name", who.name(), "email", who.email()), "proofOfWork", proofOfWork());
	}

	public MockHttpServletResponse book(Map<String, Object> body, Who who) throws Exception {
		return mvc
			.perform(asClient(post("/api/v1/appointments"), who).contentType(MediaType.APPLICATION_JSON)
				.content(JSON.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	/**
	 * Books the first free time of a procedure at a location; returns the response's
	 * JSON.
	 */
	public JsonNode bookFirstFree(String procedure, String location, Who who) throws Exception {
		String start = slots("procedure=" + procedure + "&location=" + location + "&limit=1").get(0)
			.get("start")
			.asString();
		return json(book(body(procedure, location, start, who), who));
	}

	public static MockHttpServletRequestBuilder asClient(MockHttpServletRequestBuilder request, Who who) {
		return request.with(mock -> {
			mock.setRemoteAddr(who.client());
			return mock;
		});
	}

	public static String write(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** A client: its address, e-mail and name. */
	public record Who(String client, String email, String name) {
	}

}
