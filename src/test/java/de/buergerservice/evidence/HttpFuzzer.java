package de.buergerservice.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import de.buergerservice.testsupport.FuzzValues;
import de.buergerservice.testsupport.RawHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends random, boundary, mistyped, oversized, badly encoded and hostile requests to
 * every endpoint of a running server over plain HTTP and judges each answer: never a 5xx,
 * never a stack trace, under {@code /api} every client error a problem document,
 * elsewhere a readable HTML page. Request {@code i} of seed {@code s} is the same on
 * every run, so {@link #replay} shows what a failure sent.
 */
final class HttpFuzzer {

	/** What a stack trace or an exception name looks like in a body. */
	private static final Pattern LEAK = Pattern
		.compile("(?m)(^\\s*at [\\w$.]+\\([\\w$.]*(:\\d+)?\\))|(\\b(java|jakarta|org\\.springframework|org\\.apache|"
				+ "de\\.buergerservice|tools\\.jackson|org\\.postgresql)\\.[\\w.$]*(Exception|Error)\\b)"
				+ "|Apache Tomcat/|(?i)stacktrace");

	private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD",
			"OPTIONS");

	private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/json;charset=ISO-8859-1", "application/json;charset=nonsense", "multipart/form-data",
			"application/x-www-form-urlencoded", "application/octet-stream", "*/*", "json", "text/html; charset=utf-8",
			"application/merge-patch+json");

	private static final List<String> ACCEPTS = List.of("application/json", "text/html", "application/problem+json",
			"*/*", "text/calendar", "application/xml", "image/png", "text/event-stream", "nonsense", ";;;",
			"text/html;q=0, application/json;q=0");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final List<Endpoint> endpoints;

	private final Examples examples;

	private final Sessions sessions;

	HttpFuzzer(int port, List<Endpoint> endpoints, Examples examples, Sessions sessions) {
		this.port = port;
		this.endpoints = List.copyOf(endpoints);
		this.examples = examples;
		this.sessions = sessions;
	}

	/** Sends requests {@code 0 … count-1} of a seed on some threads and judges them. */
	Report run(long seed, int count, int threads) throws InterruptedException {
		Report report = new Report(seed);
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						Request request = request(seed, i);
						RawHttp.Response response = send(request);
						report.record(request, response.status(), judge(request, response));
					}
				}));
			}
			for (Future<?> worker : workers) {
				try {
					worker.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		return report;
	}

	/** Request {@code index} of a seed, as it would be sent. */
	Request replay(long seed, int index) {
		return request(seed, index);
	}

	private RawHttp.Response send(Request request) {
		try {
			return RawHttp.exchange(port, request.bytes(), Duration.ofSeconds(60));
		}
		catch (IOException ex) {
			return new RawHttp.Response(-1, ex.toString(), Map.of(), new byte[0]);
		}
	}

	/** What is wrong with an answer (nothing, if all is well). */
	static List<String> judge(Request request, RawHttp.Response response) {
		List<String> faults = new ArrayList<>();
		int status = response.status();
		// a head larger than the server's header buffer (16 KB) is refused and the
		// connection closed while the request is still being written: the answer may then
		// reach the client cut short, which says nothing about the application
		boolean oversized = request.bytes().length > 16 * 1024;
		if (status <= 0 && (request.http09() || oversized
				|| request.malformed() && response.statusLine().equals(RawHttp.HTTP_09))) {
			// a request line without a version (a raw line break in the target) is an
			// HTTP/0.9 request, answered by Tomcat with a body only (empty for a
			// redirect), in any shape; so is one whose version Tomcat cannot read (a
			// raw blank in the target, garbage after it), refused with a body only
			var leak = LEAK.matcher(response.text());
			if (leak.find()) {
				faults.add("leak in HTTP/0.9 body: " + leak.group());
			}
			return faults;
		}
		if (status <= 0) {
			faults.add("no answer: " + response.statusLine());
			return faults;
		}
		if (status >= 500) {
			faults.add("server error " + status);
		}
		String text = response.text();
		var leak = LEAK.matcher(text);
		if (leak.find()) {
			faults.add("leak in body: " + leak.group());
		}
		if (status < 400 || status >= 500 || request.method().equals("HEAD")) {
			return faults;
		}
		if (request.malformed()) {
			// not a valid request line: Tomcat refuses it before any path is known
			if (status != 400) {
				faults.add("malformed request answered " + status);
			}
			return faults;
		}
		if (request.path().startsWith("/v3/api-docs")
				&& response.contentType().startsWith("application/problem+json")) {
			return faults;
		}
		if (request.api()) {
			if (!response.contentType().startsWith("application/problem+json")) {
				faults.add(status + " under /api is " + response.contentType() + ", not a problem document");
			}
			else {
				try {
					JsonNode problem = JSON.readTree(text);
					if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
						faults.add("problem document without its status or title: " + text);
					}
				}
				catch (RuntimeException ex) {
					faults.add("problem document that is not JSON: " + text);
				}
			}
		}
		else {
			if (!response.contentType().startsWith("text/html")) {
				faults.add(status + " page is " + response.contentType() + ", not HTML");
			}
			else {
				Document page = Jsoup.parse(text);
				if (page.title().isBlank() || page.select("h1").text().isBlank()) {
					faults.add(status + " page without a title or heading");
				}
			}
		}
		return faults;
	}

	private Request request(long seed, int index) {
		Random random = new Random(mix(seed + index * 0x9E3779B97F4A7C15L));
		Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
		String method = random.nextInt(100) < 4 ? OTHER_METHODS.get(random.nextInt(OTHER_METHODS.size()))
				: endpoint.method();
		Sessions.Session session = endpoint.isStaff() ? sessions.staffFor(endpoint.pattern()) : sessions.citizen();

		ByteArrayOutputStream target = new ByteArrayOutputStream();
		target.writeBytes(path(endpoint, random));

		boolean json = endpoint.body() != null;
		boolean form = !json && !method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE")
				&& random.nextInt(100) < 85;
		ByteArrayOutputStream parameters = new ByteArrayOutputStream();
		parameters(endpoint, random, parameters);
		if (form && session.csrf() != null && random.nextInt(100) < 95) {
			append(parameters, "_csrf", session.csrf().getBytes(StandardCharsets.US_ASCII));
		}
		if (!form && parameters.size() > 0) {
			target.write('?');
			target.writeBytes(parameters.toByteArray());
		}

		Map<String, String> headers = new TreeMap<>();
		headers.put("Host", "localhost:" + port);
		headers.put("Connection", "close");
		if (session.cookie() != null && (endpoint.isStaff() ? random.nextInt(100) < 97 : true)) {
			headers.put("Cookie", session.cookie());
		}
		if (random.nextInt(100) < 15) {
			headers.put("Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size())));
		}
		if (random.nextInt(100) < 10) {
			headers.put("Accept-Language", random.nextBoolean() ? "en" : headerValue(FuzzValues.any(random)));
		}
		for (String header : endpoint.headers()) {
			if (random.nextInt(100) < 70) {
				headers.put(header, headerValue(headerExample(endpoint, header, random)));
			}
		}

		byte[] body = new byte[0];
		if (json && !method.equals("GET") && !method.equals("HEAD")) {
			body = jsonBody(endpoint, random);
			headers.put("Content-Type", random.nextInt(100) < 88 ? "application/json"
					: CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
		}
		else if (form) {
			body = parameters.toByteArray();
			if (random.nextInt(100) < 2) {
				body = ("name=" + "x".repeat(300_000 + random.nextInt(300_000))).getBytes(StandardCharsets.US_ASCII);
			}
			headers.put("Content-Type", random.nextInt(100) < 92 ? "application/x-www-form-urlencoded"
					: CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
		}
		if (body.length > 0 || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
			headers.put("Content-Length", Integer.toString(body.length));
		}

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(target.toByteArray());
		bytes.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
		for (var header : headers.entrySet()) {
			bytes.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.US_ASCII));
			bytes.writeBytes(header.getValue().getBytes(StandardCharsets.UTF_8));
			bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(body);
		String path = new String(target.toByteArray(), StandardCharsets.ISO_8859_1);
		return new Request(index, endpoint, method, path, bytes.toByteArray());
	}

	/**
	 * Spreads neighbouring seeds apart (MurmurHash3's finalizer): {@link Random}'s first
	 * numbers for seeds 1, 2, 3 … are nearly the same.
	 */
	private static long mix(long value) {
		long z = (value ^ (value >>> 33)) * 0xFF51AFD7ED558CCDL;
		z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
		return z ^ (z >>> 33);
	}

	private byte[] path(Endpoint endpoint, Random random) {
		String pattern = endpoint.pattern();
		ByteArrayOutputStream path = new ByteArrayOutputStream();
		var matcher = Pattern.compile("\\{\\*?(\\w+)[^}]*}").matcher(pattern);
		int last = 0;
		while (matcher.find()) {
			path.writeBytes(pattern.substring(last, matcher.start()).getBytes(StandardCharsets.UTF_8));
			List<String> valid = examples.values(endpoint, matcher.group(1));
			if (!valid.isEmpty() && random.nextInt(100) < 55) {
				path.writeBytes(FuzzValues.percent(valid.get(random.nextInt(valid.size())))
					.getBytes(StandardCharsets.US_ASCII));
			}
			else {
				byte[] value = FuzzValues.encoded(FuzzValues.any(random), random);
				path.writeBytes(value.length == 0 ? "x".getBytes(StandardCharsets.US_ASCII) : value);
			}
			last = matcher.end();
		}
		path.writeBytes(pattern.substring(last).getBytes(StandardCharsets.UTF_8));
		return path.toByteArray();
	}

	private void parameters(Endpoint endpoint, Random random, ByteArrayOutputStream out) {
		for (var parameter : endpoint.parameters().entrySet()) {
			if (random.nextInt(100) >= 70) {
				continue;
			}
			int repeat = parameter.getValue() ? 1 + random.nextInt(3) : (random.nextInt(100) < 5 ? 2 : 1);
			for (int i = 0; i < repeat; i++) {
				append(out, parameter.getKey(),
						FuzzValues.encoded(value(endpoint, parameter.getKey(), random), random));
			}
		}
		if (random.nextInt(100) < 10) {
			append(out, FuzzValues.percent(FuzzValues.any(random)), FuzzValues.encoded(FuzzValues.any(random), random));
		}
		if (random.nextInt(100) < 10) {
			append(out, "lang", FuzzValues.encoded(random.nextBoolean() ? "en" : FuzzValues.any(random), random));
		}
	}

	private String value(Endpoint endpoint, String name, Random random) {
		List<String> valid = examples.values(endpoint, name);
		if (!valid.isEmpty() && random.nextInt(100) < 50) {
			return valid.get(random.nextInt(valid.size()));
		}
		return FuzzValues.any(random);
	}

	private static void append(ByteArrayOutputStream out, String name, byte[] value) {
		if (out.size() > 0) {
			out.write('&');
		}
		out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
		out.write('=');
		out.writeBytes(value);
	}

	private String headerExample(Endpoint endpoint, String header, Random random) {
		List<String> valid = examples.values(endpoint, header);
		int kind = random.nextInt(100);
		if (!valid.isEmpty() && kind < 50) {
			return valid.get(random.nextInt(valid.size()));
		}
		if (header.equalsIgnoreCase("Authorization") && kind < 80) {
			return "Bearer " + (random.nextBoolean() ? FuzzValues.token(random) : FuzzValues.any(random));
		}
		return FuzzValues.any(random);
	}

	/**
	 * A header's value as a client may send it, but on one line: control characters (line
	 * breaks above all) would make another request, not another value.
	 */
	private static String headerValue(String value) {
		StringBuilder clean = new StringBuilder();
		value.codePoints().limit(2_000).forEach(c -> clean.appendCodePoint(c < 0x20 || c == 0x7F ? ' ' : c));
		return clean.toString().strip();
	}

	private byte[] jsonBody(Endpoint endpoint, Random random) {
		int kind = random.nextInt(100);
		String valid = json(endpoint.body(), "", endpoint, random, 0);
		if (kind < 80) {
			return valid.getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 83) {
			return new byte[0];
		}
		if (kind < 87) {
			return valid.substring(0, random.nextInt(Math.max(1, valid.length()))).getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 90) {
			int depth = 1_000 + random.nextInt(50_000);
			return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
		}
		if (kind < 93) {
			String huge = FuzzValues.randomText(random, 1_000_000 + random.nextInt(2_000_000));
			return ("{\"name\":" + string(huge) + ",\"procedures\":[" + string(huge) + "]}")
				.getBytes(StandardCharsets.UTF_8);
		}
		if (kind < 96) {
			byte[] noise = new byte[random.nextInt(2_000)];
			random.nextBytes(noise);
			return noise;
		}
		return valid.replace("\"", "\"\u00e4\u00fc").getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A JSON text for a type: mostly of its shape, often with a wrong or hostile part.
	 */
	private String json(Type type, String name, Endpoint endpoint, Random random, int depth) {
		Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
		int wrong = random.nextInt(100);
		if (wrong < 8 || depth > 4) {
			return wrongJson(random);
		}
		if (raw.isRecord()) {
			List<String> fields = new ArrayList<>();
			for (RecordComponent component : raw.getRecordComponents()) {
				if (random.nextInt(100) < 12) {
					continue;
				}
				fields.add(string(component.getName()) + ":"
						+ json(component.getGenericType(), component.getName(), endpoint, random, depth + 1));
			}
			if (random.nextInt(100) < 5) {
				fields.add(string(FuzzValues.any(random)) + ":" + wrongJson(random));
			}
			Collections.shuffle(fields, random);
			return "{" + String.join(",", fields) + "}";
		}
		if (List.class.isAssignableFrom(raw)) {
			Type element = type instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[0]
					: String.class;
			List<String> items = new ArrayList<>();
			for (int i = random.nextInt(100) < 5 ? 200 : random.nextInt(4); i > 0; i--) {
				items.add(json(element, name, endpoint, random, depth + 1));
			}
			return "[" + String.join(",", items) + "]";
		}
		if (Map.class.isAssignableFrom(raw)) {
			List<String> entries = new ArrayList<>();
			for (int i = random.nextInt(4); i > 0; i--) {
				String key = random.nextBoolean() ? pick(examples.values(endpoint, "procedure"), random)
						: FuzzValues.any(random);
				entries.add(string(key) + ":" + number(random));
			}
			return "{" + String.join(",", entries) + "}";
		}
		List<String> valid = examples.values(endpoint, name);
		if (!valid.isEmpty() && random.nextInt(100) < 60) {
			return string(valid.get(random.nextInt(valid.size())));
		}
		return string(FuzzValues.any(random));
	}

	private static String pick(List<String> values, Random random) {
		return values.isEmpty() ? "x" : values.get(random.nextInt(values.size()));
	}

	private static String wrongJson(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> "null";
			case 1 -> number(random);
			case 2 -> random.nextBoolean() ? "true" : "false";
			case 3 -> "[]";
			case 4 -> "{}";
			case 5 -> "[" + number(random) + ",null,{}]";
			case 6 -> "{\"a\":{\"b\":[1,2,{\"c\":null}]}}";
			default -> string(FuzzValues.any(random));
		};
	}

	private static String number(Random random) {
		return List
			.of("0", "-1", "1", "2", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309",
					"-1e309", "1.5", "0.0000001", "1E2", "100000000000000000000000000000000000000")
			.get(random.nextInt(14));
	}

	/** A JSON string literal; lone surrogates and controls escaped, as JSON allows. */
	private static String string(String value) {
		StringBuilder literal = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				literal.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				literal.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				literal.append(c);
			}
		}
		return literal.append('"').toString();
	}

	/** Valid values for a parameter, path variable, header or field of an endpoint. */
	@FunctionalInterface
	interface Examples {

		List<String> values(Endpoint endpoint, String name);

	}

	/** Who the fuzzer is: a citizen, or a member of staff with the role a route needs. */
	interface Sessions {

		Session citizen();

		Session staffFor(String pattern);

		/** A cookie header and the CSRF token to put into forms. */
		record Session(String cookie, String csrf) {
		}

	}

	/** One request as sent. */
	record Request(int index, Endpoint endpoint, String method, String path, byte[] bytes) {

		/** Characters allowed in a request target (RFC 3986, as Tomcat checks them). */
		private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");

		boolean api() {
			return path.startsWith("/api/");
		}

		/**
		 * Whether the request line itself breaks HTTP (raw spaces, controls, non-ASCII).
		 */
		boolean malformed() {
			return !TARGET.matcher(path).matches();
		}

		/**
		 * Whether the request line ends before an HTTP version (a raw line break in the
		 * target): HTTP/0.9, whose answer has no status line.
		 */
		boolean http09() {
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					String line = new String(bytes, 0, i, StandardCharsets.ISO_8859_1).strip();
					return !line.matches(".* HTTP/\\d\\.\\d");
				}
			}
			return false;
		}

		/** The start of the request, readable, for a failure's report. */
		String excerpt() {
			String text = new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
			return text.replace("\r\n", "\n  ");
		}

	}

	/** Counts of answers and the failures, safe to fill from several threads. */
	static final class Report {

		private final long seed;

		private final Map<String, Integer> byStatus = new TreeMap<>();

		private final Map<String, Integer> byEndpoint = new TreeMap<>();

		private final List<String> failures = new ArrayList<>();

		private int requests;

		Report(long seed) {
			this.seed = seed;
		}

		synchronized void record(Request request, int status, List<String> faults) {
			requests++;
			byStatus.merge(status <= 0 ? "none" : Integer.toString(status), 1, Integer::sum);
			byEndpoint.merge(request.endpoint().toString(), 1, Integer::sum);
			if (!faults.isEmpty()) {
				failures.add("request " + request.index() + " (" + request.endpoint() + "): " + faults + "\n  "
						+ request.excerpt());
			}
		}

		synchronized int requests() {
			return requests;
		}

		synchronized List<String> failures() {
			return List.copyOf(failures);
		}

		synchronized Map<String, Integer> byEndpoint() {
			return Map.copyOf(byEndpoint);
		}

		synchronized String summary() {
			return "seed %d: %d requests to %d endpoints, %d failures; answers by status %s".formatted(seed, requests,
					byEndpoint.size(), failures.size(), byStatus);
		}

	}

}
