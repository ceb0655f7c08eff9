package de.buergerservice.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken over a plain socket: the request goes out byte for byte as given (bad
 * encodings, odd methods, oversized headers, whatever a client may send), the answer is
 * read as the server wrote it, with chunked bodies decoded. One request per connection.
 */
public final class RawHttp {

	/** The status line of an answer without one: HTTP/0.9, only a body. */
	public static final String HTTP_09 = "HTTP/0.9";

	private RawHttp() {
	}

	/**
	 * Sends a request and reads the answer; an event stream is read up to its headers.
	 * @throws java.net.SocketTimeoutException if the server does not answer in time
	 */
	public static Response exchange(int port, byte[] request, Duration timeout) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout((int) timeout.toMillis());
			OutputStream out = socket.getOutputStream();
			// written while the answer is read: the server may answer an oversized
			// request
			// and close before it has read everything, and the reset that follows would
			// take with it an answer not read yet
			Thread.ofVirtual().start(() -> {
				try {
					out.write(request);
					out.flush();
				}
				catch (IOException ex) {
					// the server has answered and closed: what it said is read below
				}
			});
			InputStream in = socket.getInputStream();
			byte[] head = readHead(in);
			if (head.length < 5 && "HTTP/".startsWith(new String(head, StandardCharsets.ISO_8859_1))) {
				return Response.NONE;
			}
			if (!startsWith(head, "HTTP/")) {
				// an HTTP/0.9 answer (to a request line without a version): only the body
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				body.writeBytes(head);
				body.writeBytes(readRest(in));
				return new Response(0, HTTP_09, Map.of(), body.toByteArray());
			}
			String headText = new String(head, StandardCharsets.ISO_8859_1);
			String[] lines = headText.split("\r\n");
			int status = status(lines[0]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers
						.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
								name -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).trim());
				}
			}
			Response bare = new Response(status, lines[0], headers, new byte[0]);
			boolean headRequest = new String(request, 0, Math.min(request.length, 5), StandardCharsets.ISO_8859_1)
				.startsWith("HEAD ");
			if (headRequest || status < 200 || status == 204 || status == 304
					|| bare.contentType().startsWith("text/event-stream")) {
				return bare;
			}
			byte[] body;
			try {
				if ("chunked".equalsIgnoreCase(bare.header("transfer-encoding"))) {
					body = readChunked(in);
				}
				else if (bare.header("content-length") != null) {
					body = in.readNBytes(Integer.parseInt(bare.header("content-length")));
				}
				else {
					body = in.readAllBytes();
				}
			}
			catch (java.net.SocketException ex) {
				// reset after the answer (the server would not read the rest of the
				// request)
				body = new byte[0];
			}
			return new Response(status, lines[0], headers, body);
		}
	}

	private static boolean startsWith(byte[] bytes, String prefix) {
		return new String(bytes, 0, Math.min(bytes.length, prefix.length()), StandardCharsets.ISO_8859_1)
			.equals(prefix);
	}

	private static byte[] readRest(InputStream in) throws IOException {
		try {
			return in.readAllBytes();
		}
		catch (java.net.SocketException ex) {
			return new byte[0];
		}
	}

	private static int status(String statusLine) {
		String[] parts = statusLine.split(" ");
		try {
			return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static byte[] readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		try {
			int b;
			while ((b = in.read()) != -1) {
				head.write(b);
				matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
				if (matched == 4) {
					byte[] bytes = head.toByteArray();
					return java.util.Arrays.copyOf(bytes, bytes.length - 4);
				}
			}
		}
		catch (java.net.SocketException ex) {
			// reset without an answer
		}
		return head.toByteArray();
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line(in);
			if (sizeLine == null) {
				return body.toByteArray();
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				while (true) {
					String trailer = line(in);
					if (trailer == null || trailer.isEmpty()) {
						return body.toByteArray();
					}
				}
			}
			body.write(in.readNBytes(size));
			line(in);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * The server's answer: status (0 if it closed the connection without one, or answered
	 * in HTTP/0.9 with only a body), headers by lower-case name, body.
	 */
	public record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {

		static final Response NONE = new Response(0, "", Map.of(), new byte[0]);

		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null || values.isEmpty() ? null : values.get(0);
		}

		public List<String> headers(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		public String contentType() {
			String type = header("content-type");
			return type == null ? "" : type.toLowerCase(Locale.ROOT);
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

}
