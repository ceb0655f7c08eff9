package de.buergerservice.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The availability questions put by {@code connections} clients, each on its own
 * keep-alive connection, one request after the other (a closed loop, as wrk runs it):
 * every request's time from writing it to reading the last byte of its answer, recorded
 * exactly, so that p50 / p90 / p99 are those of the requests themselves.
 * <p>
 * Why not wrk's own figures: on this machine wrk reported latencies that cannot be, a mean
 * above what Little's law allows (connections ÷ throughput; one connection: mean 0.58 ms
 * at 2,782 requests per second, 0.36 ms apart). This client prints both, the mean it
 * measured and the bound, so every run shows whether its figures hold together.
 * <p>
 * Run by {@code bench/availability.sh} as a single-file program (JDK only, no build):
 * {@code java ClosedLoop.java BASE_URL QUESTION PAIRS_FILE PROCEDURES_FILE TODAY MAX_OFFSET CONNECTIONS WARMUP_S DURATION_S SEED [RATE]}
 * where QUESTION is {@code days} (one office, 31 days), {@code slots} (one office, one day)
 * or {@code anywhere} (20 earliest, 31 days); the pairs file has "procedure location" per
 * line, the procedures file one procedure per line. Prints the figures and a line
 * {@code RESULT {json}} as bench/wrk/common.lua does.
 * <p>
 * With a RATE (requests per second, all clients together) the clients are paced instead:
 * each sends at fixed intervals, and a request is timed from when it was due, not from
 * when a late answer to the one before let it go (which would hide waiting: "coordinated
 * omission"). Below saturation this shows the latency a request meets when the machine is
 * not already full of them.
 */
public final class ClosedLoop {

	private final URI base;

	private final String question;

	private final List<String[]> pairs;

	private final List<String> procedures;

	private final LocalDate today;

	private final int maxOffset;

	private ClosedLoop(URI base, String question, List<String[]> pairs, List<String> procedures, LocalDate today,
			int maxOffset) {
		this.base = base;
		this.question = question;
		this.pairs = pairs;
		this.procedures = procedures;
		this.today = today;
		this.maxOffset = maxOffset;
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String question = args[1];
		List<String[]> pairs = Files.readAllLines(Path.of(args[2]))
			.stream()
			.filter(line -> !line.isBlank())
			.map(line -> line.trim().split("\\s+"))
			.toList();
		List<String> procedures = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).toList();
		ClosedLoop loop = new ClosedLoop(base, question, pairs, procedures, LocalDate.parse(args[4]),
				Integer.parseInt(args[5]));
		int connections = Integer.parseInt(args[6]);
		long warmupNanos = Long.parseLong(args[7]) * 1_000_000_000L;
		long durationNanos = Long.parseLong(args[8]) * 1_000_000_000L;
		long seed = Long.parseLong(args[9]);
		double rate = args.length > 10 ? Double.parseDouble(args[10]) : 0;
		loop.run(connections, warmupNanos, durationNanos, seed, rate);
	}

	private String path(SplittableRandom random) {
		int offset = 1 + random.nextInt(maxOffset);
		LocalDate from = today.plusDays(offset);
		return switch (question) {
			case "days" -> {
				String[] pair = pairs.get(random.nextInt(pairs.size()));
				yield "/api/v1/availability/days?procedure=" + pair[0] + "&location=" + pair[1] + "&from=" + from
						+ "&to=" + from.plusDays(30);
			}
			case "slots" -> {
				String[] pair = pairs.get(random.nextInt(pairs.size()));
				yield "/api/v1/availability?procedure=" + pair[0] + "&location=" + pair[1] + "&from=" + from + "&to="
						+ from;
			}
			case "anywhere" -> "/api/v1/availability?anywhere=true&limit=20&procedure="
					+ procedures.get(random.nextInt(procedures.size())) + "&from=" + from + "&to=" + from.plusDays(30);
			default -> throw new IllegalArgumentException("Unknown question " + question);
		};
	}

	private void run(int connections, long warmupNanos, long durationNanos, long seed, double rate)
			throws InterruptedException {
		long start = System.nanoTime();
		long interval = rate > 0 ? (long) (connections * 1e9 / rate) : 0;
		long measureFrom = start + warmupNanos;
		long measureTo = measureFrom + durationNanos;
		Client[] clients = new Client[connections];
		Thread[] threads = new Thread[connections];
		SplittableRandom seeds = new SplittableRandom(seed);
		for (int i = 0; i < connections; i++) {
			clients[i] = new Client(seeds.split(), measureFrom, measureTo, interval, start + interval * i / connections);
			threads[i] = Thread.ofPlatform().name("client-" + i).start(clients[i]);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] all = Arrays.stream(clients).flatMapToLong(c -> Arrays.stream(c.latencies, 0, c.count)).toArray();
		Arrays.sort(all);
		long non2xx = Arrays.stream(clients).mapToLong(c -> c.non2xx).sum();
		long errors = Arrays.stream(clients).mapToLong(c -> c.errors).sum();
		double seconds = durationNanos / 1e9;
		double rps = all.length / seconds;
		double mean = all.length == 0 ? 0 : Arrays.stream(all).average().orElse(0) / 1e6;
		double little = rps == 0 ? 0 : connections / rps * 1000;
		if (rate > 0) {
			System.out.printf(Locale.ROOT, "paced: %.1f requests per second offered, each timed from when it was due%n",
					rate);
		}
		System.out.printf(Locale.ROOT, "%d connections, %d requests in %.1f s: %.1f per second%n", connections,
				all.length, seconds, rps);
		System.out.printf(Locale.ROOT, "latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
				percentile(all, 50), percentile(all, 90), percentile(all, 99), max(all));
		if (rate > 0) {
			// timed from when they were due, requests that waited to be sent count too: the
			// bound of a closed loop does not apply
			System.out.printf(Locale.ROOT, "mean %.3f ms%n", mean);
		}
		else {
			System.out.printf(Locale.ROOT,
					"mean %.3f ms; Little's law allows at most %.3f ms (connections / throughput): %s%n", mean,
					little, mean <= little * 1.001 ? "consistent" : "INCONSISTENT");
		}
		System.out.printf(Locale.ROOT, "non-2xx %d, errors %d%n", non2xx, errors);
		System.out.printf(Locale.ROOT,
				"RESULT {\"name\":\"%s\",\"requests\":%d,\"seconds\":%.3f,\"rps\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,"
						+ "\"p99_ms\":%.3f,\"max_ms\":%.3f,\"mean_ms\":%.3f,\"little_ms\":%.3f,\"non2xx\":%d,"
						+ "\"connect_errors\":0,\"read_errors\":%d,\"write_errors\":0,\"timeouts\":0,\"offered\":%.1f}%n",
				question, all.length, seconds, rps, percentile(all, 50), percentile(all, 90), percentile(all, 99),
				max(all), mean, little, non2xx, errors, rate);
	}

	private static double percentile(long[] sorted, double percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	private static double max(long[] sorted) {
		return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
	}

	/** One connection's loop; its latencies in nanoseconds. */
	private final class Client implements Runnable {

		private final SplittableRandom random;

		private final long measureFrom;

		private final long measureTo;

		long[] latencies = new long[1 << 16];

		int count;

		long non2xx;

		long errors;

		/** Nanoseconds between this client's requests when paced; 0 in a closed loop. */
		private final long interval;

		/** When the next paced request is due. */
		private long due;

		Client(SplittableRandom random, long measureFrom, long measureTo, long interval, long first) {
			this.random = random;
			this.measureFrom = measureFrom;
			this.measureTo = measureTo;
			this.interval = interval;
			this.due = first;
		}

		/**
		 * When the request counts from: now in a closed loop; paced, the moment it was due
		 * (after sleeping until then), so that an answer late enough to delay the next
		 * request counts against that one too.
		 */
		private long start() throws InterruptedException {
			if (interval == 0) {
				return System.nanoTime();
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
			}
			long start = due;
			due += interval;
			return start;
		}

		@Override
		public void run() {
			while (System.nanoTime() < measureTo) {
				try (Socket socket = new Socket()) {
					socket.setTcpNoDelay(true);
					socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
					socket.setSoTimeout(10_000);
					OutputStream out = socket.getOutputStream();
					InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
					String host = "Host: " + base.getHost() + ":" + base.getPort() + "\r\n";
					boolean open = true;
					while (open) {
						byte[] request = ("GET " + path(random) + " HTTP/1.1\r\n" + host
								+ "Accept: application/json\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII);
						long sent = start();
						if (sent >= measureTo) {
							return;
						}
						out.write(request);
						out.flush();
						Response response = Response.read(in);
						long done = System.nanoTime();
						if (sent >= measureFrom && done < measureTo) {
							record(done - sent, response.status());
						}
						open = !response.close();
					}
				}
				catch (IOException ex) {
					if (System.nanoTime() >= measureFrom) {
						errors++;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		private void record(long nanos, int status) {
			if (count == latencies.length) {
				latencies = Arrays.copyOf(latencies, count * 2);
			}
			latencies[count++] = nanos;
			if (status < 200 || status > 299) {
				non2xx++;
			}
		}

	}

	/** An HTTP/1.1 response read to its end (Content-Length or chunked). */
	private record Response(int status, boolean close) {

		static Response read(InputStream in) throws IOException {
			String statusLine = line(in);
			int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
			long length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				String lower = header.toLowerCase(Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Long.parseLong(lower.substring(15).trim());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true;
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0; size = Long
					.parseLong(line(in).split(";")[0].trim(), 16)) {
					skip(in, size);
					line(in);
				}
				while (!line(in).isEmpty()) {
					// trailers
				}
			}
			else if (length >= 0) {
				skip(in, length);
			}
			else {
				close = true;
			}
			return new Response(status, close);
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b < 0) {
					throw new EOFException("Connection closed");
				}
				if (b != '\r') {
					bytes.write(b);
				}
			}
			return bytes.toString(StandardCharsets.US_ASCII);
		}

		private static void skip(InputStream in, long count) throws IOException {
			long left = count;
			while (left > 0) {
				long skipped = in.skip(left);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new EOFException("Connection closed");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

	}

}
