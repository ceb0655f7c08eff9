package de.buergerservice.evidence.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import de.buergerservice.testsupport.ProofOfWorkSolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A citizen's client of the public booking API over real HTTP: asks for free times,
 * solves the proof of work, books. Shared by the clients of a rush (one connection pool,
 * requests on virtual threads).
 */
final class ApiClient {

	static final String ID_CARD = "personalausweis-beantragen";

	static final String CERTIFICATE = "meldebescheinigung";

	static final String CENTRE = "buergerbuero-otto-schill-strasse";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	/** A free start time, the visit's end and how many more visits fit there. */
	record Slot(String start, String end, int free) {
	}

	/** An answer: its status and JSON body. */
	record Answer(int status, JsonNode body) {

		String text(String field) {
			JsonNode node = body == null ? null : body.get(field);
			return node == null || node.isNull() ? null : node.asString();
		}

	}

	List<Slot> slots(String base, String procedure, String location, int limit) throws IOException {
		Answer answer = get(base + "/api/v1/availability?procedure=" + encode(procedure) + "&location="
				+ encode(location) + "&limit=" + limit);
		if (answer.status() != 200) {
			throw new IOException("availability answered " + answer.status() + ": " + answer.body());
		}
		List<Slot> slots = new ArrayList<>();
		for (JsonNode slot : answer.body().get("slots")) {
			slots.add(new Slot(slot.get("start").asString(), slot.get("end").asString(), slot.get("free").asInt()));
		}
		return slots;
	}

	/** How many more visits fit at a start time, as one instance's availability says. */
	int free(String base, String procedure, String location, String start) throws IOException {
		String day = start.substring(0, 10);
		Answer answer = get(base + "/api/v1/availability?procedure=" + encode(procedure) + "&location="
				+ encode(location) + "&from=" + day + "&to=" + day + "&limit=500");
		for (JsonNode slot : answer.body().get("slots")) {
			if (slot.get("start").asString().equals(start)) {
				return slot.get("free").asInt();
			}
		}
		return 0;
	}

	String proofOfWork(String base) throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/challenges")).GET());
		if (response.statusCode() != 200) {
			throw new IOException("challenge answered " + response.statusCode());
		}
		return ProofOfWorkSolver.solve(response.body());
	}

	Answer book(String base, String procedure, String location, String start, String name, String email)
			throws IOException {
		Map<String, Object> body = Map.of("procedures", List.of(procedure), "location", location, "start", start,
				"citizen", Map.of("name", name, "email", email), "proofOfWork", proofOfWork(base));
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
		return new Answer(response.statusCode(), parse(response.body()));
	}

	Answer get(String url) throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
		return new Answer(response.statusCode(), parse(response.body()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
