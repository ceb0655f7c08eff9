package de.buergerservice.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns the raw results of the booking benchmarks ({@code bench/target/results/*.properties},
 * written by {@code berlin-setup.sh}, {@code availability.sh} and {@code rush.sh}) into
 * markdown tables and puts them into {@code docs/benchmarks.md}, replacing the booking
 * section (between its two marker comments) or appending it.
 * <p>
 * Each chart is drawn twice: as a PNG by JFreeChart in {@code docs/benchmarks/} (shown by
 * every markdown viewer) and as a Mermaid block (drawn by GitHub and GitLab, readable as
 * text elsewhere).
 * <p>
 * Run: {@code bench/report.sh} ({@code ./mvnw -Pbench test-compile exec:exec@report}).
 */
public final class BenchReport {

	/** The availability questions: key in the results, name in the text. */
	private static final List<String[]> QUESTIONS = List.of(new String[] { "days", "calendar" },
			new String[] { "slots", "start times" }, new String[] { "anywhere", "anywhere" });

	static final String START = "<!-- booking-benchmarks:start (bench/report.sh writes this section) -->";

	static final String END = "<!-- booking-benchmarks:end -->";

	static final String DISPLAY_START = "<!-- display-benchmarks:start (bench/report.sh writes this section) -->";

	static final String DISPLAY_END = "<!-- display-benchmarks:end -->";

	/**
	 * Okabe and Ito's colours, told apart with every common colour blindness: the
	 * application in blue(s), PostgreSQL in orange(s).
	 */
	private static final Color[] PALETTE = { new Color(0x0072B2), new Color(0x56B4E9), new Color(0xD55E00),
			new Color(0xE69F00) };

	/** Where the PNG charts go: {@code benchmarks/} next to the markdown file. */
	private static Path charts = Path.of("docs/benchmarks");

	private BenchReport() {
	}

	public static void main(String[] args) throws IOException {
		Path results = Path.of(args.length > 0 ? args[0] : "bench/target/results");
		Path docs = Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md");
		String text = Files.readString(docs, StandardCharsets.UTF_8);
		charts = docs.toAbsolutePath().getParent().resolve("benchmarks");
		Properties setup = load(results.resolve("setup.properties"));
		Properties availability = load(results.resolve("availability.properties"));
		Properties rush = load(results.resolve("rush.properties"));
		if (!setup.isEmpty() || !availability.isEmpty() || !rush.isEmpty()) {
			text = replace(text, START, END, section(setup, availability, rush));
			System.out.println("Wrote the booking section of " + docs);
		}
		Properties display = load(results.resolve("display.properties"));
		if (!display.isEmpty()) {
			text = replace(text, DISPLAY_START, DISPLAY_END, displaySection(display));
			System.out.println("Wrote the call display section of " + docs);
		}
		Files.writeString(docs, text, StandardCharsets.UTF_8);
	}

	/** The text with the section between the markers replaced, or the section appended. */
	static String replace(String text, String startMarker, String endMarker, String section) {
		int start = text.indexOf(startMarker);
		int end = text.indexOf(endMarker);
		if (start >= 0 && end > start) {
			return text.substring(0, start) + section + text.substring(end + endMarker.length());
		}
		return text.stripTrailing() + "\n\n" + section + "\n";
	}

	/** The call display's latency ({@code bench/display-latency.sh}). */
	static String displaySection(Properties display) {
		StringBuilder md = new StringBuilder(DISPLAY_START).append('\n');
		md.append("## Front desk: from the counter's click to the call display\n\n");
		md.append("`bench/display-latency.sh` — ")
			.append(display.getProperty("display.displays"))
			.append(" call displays of one citizens' office connected by server-sent events; a member of staff "
					+ "calls ")
			.append(display.getProperty("display.calls"))
			.append(" walk-in tickets one after the other through the counter's forms (after warm-up calls). "
					+ "Measured for every call and display: from sending \"call next\" to the display receiving "
					+ "the call. The demo city on the embedded PostgreSQL; client and server on one machine.\n\n");
		md.append("| | |\n|---|---|\n");
		row(md, "date", display.getProperty("date", "—"));
		row(md, "CPU", display.getProperty("machine.cpu", "—"));
		row(md, "memory", display.getProperty("machine.memory", "—"));
		row(md, "JDK", display.getProperty("machine.jdk", "—"));
		row(md, "load average at the start", display.getProperty("machine.load", "—"));
		md.append("\n| samples (calls × displays) | missed | p50 | p90 | p99 | max | goal |\n");
		md.append("|---:|---:|---:|---:|---:|---:|---|\n");
		md.append("| ")
			.append(integer(display.getProperty("display.samples")))
			.append(" | ")
			.append(display.getProperty("display.missed"))
			.append(" | ")
			.append(ms(display, "display.p50_ms"))
			.append(" | ")
			.append(ms(display, "display.p90_ms"))
			.append(" | ")
			.append(ms(display, "display.p99_ms"))
			.append(" | ")
			.append(ms(display, "display.max_ms"))
			.append(" | p99 ≤ 1,000 ms (").append(passed(display)).append(") |\n");
		md.append(DISPLAY_END);
		return md.toString();
	}

	private static String passed(Properties display) {
		String p99 = display.getProperty("display.p99_ms");
		boolean met = p99 != null && !p99.equals("NaN") && Double.parseDouble(p99) <= 1000
				&& "0".equals(display.getProperty("display.missed"));
		return met ? "met" : "not met";
	}

	static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(in);
			}
		}
		return properties;
	}

	static String section(Properties setup, Properties availability, Properties rush) {
		StringBuilder md = new StringBuilder(START).append('\n');
		md.append("## Booking core at Berlin scale\n\n");
		String label = first(availability.getProperty("label"), rush.getProperty("label"));
		if (!label.isBlank()) {
			md.append("> **").append(label).append("**\n\n");
		}
		md.append("""
				A generated Berlin-scale installation (`bench/berlin-setup.sh`): 45 offices, 600 counters in \
				2–4 skill profiles each, 250 procedures, a 90-day rolling horizon on a 5-minute grid, 1.5 million \
				appointments of history. The application and PostgreSQL answer the same questions on the same \
				data in the same run, one after the other (never at the same time), on one machine that also \
				runs the load generators.

				""");
		Properties machine = availability.isEmpty() ? (rush.isEmpty() ? setup : rush) : availability;
		md.append("| | |\n|---|---|\n");
		row(md, "date", machine.getProperty("date", "—"));
		row(md, "CPU", machine.getProperty("machine.cpu", "—"));
		row(md, "memory", machine.getProperty("machine.memory", "—"));
		row(md, "OS", machine.getProperty("machine.os", "—"));
		row(md, "JDK", machine.getProperty("machine.jdk", "—"));
		row(md, "PostgreSQL", machine.getProperty("machine.postgres", "—"));
		row(md, "load average at the start", machine.getProperty("machine.load", "—"));
		md.append('\n');

		if (!setup.isEmpty()) {
			md.append("### The installation\n\n`bench/berlin-setup.sh`\n\n| | |\n|---|---|\n");
			row(md, "locations (with the mobile kit) / counters / procedures",
					setup.getProperty("setup.locations", "—") + " / " + setup.getProperty("setup.counters", "—")
							+ " / " + setup.getProperty("setup.procedures", "—"));
			row(md, "pools", setup.getProperty("setup.pools", "—"));
			row(md, "rows in `booking.capacity` after the first start", integer(setup.getProperty("setup.capacity_rows")));
			row(md, "capacity planning at the first start (90 days, every office)",
					setup.getProperty("setup.planning_seconds", "—") + " s");
			row(md, "first start until ready (schema, seed, planning)",
					setup.getProperty("setup.ready_seconds", "—") + " s");
			row(md, "history appointments", integer(setup.getProperty("setup.history_appointments")));
			row(md, "loading the history by SQL / VACUUM ANALYZE", setup.getProperty("setup.history_seconds", "—")
					+ " s / " + setup.getProperty("setup.vacuum_seconds", "—") + " s");
			md.append('\n');
		}

		if (!availability.isEmpty()) {
			md.append("### Availability: the application (memory) against PostgreSQL (SQL)\n\n");
			md.append("`DURATION=").append(availability.getProperty("duration_seconds")).append(" bench/availability.sh`")
				.append(" — ")
				.append(availability.getProperty("connections"))
				.append(" clients each, the application's on keep-alive connections (`ClosedLoop`, every request timed), ")
				.append("pgbench's with ")
				.append(availability.getProperty("threads"))
				.append(" threads, ")
				.append(availability.getProperty("duration_seconds"))
				.append(" s each after ")
				.append(availability.getProperty("warmup_seconds"))
				.append(" s of warm-up; a 15-minute procedure (3 units), random valid pairs (")
				.append(availability.getProperty("pairs15"))
				.append(") and dates within the horizon.\n\n");
			md.append("| question | app req/s | app p50 | app p99 | app max | app mean (Little's bound) | SQL tps | SQL p50 "
					+ "| SQL p99 | app ÷ SQL | goal | answers compared |\n");
			md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
			for (String[] q : List.of(new String[] { "days", "calendar: one office, 31 days", "3" },
					new String[] { "slots", "start times: one office, one day", "1" },
					new String[] { "anywhere", "anywhere, 20 earliest, one procedure", "1" })) {
				String k = q[0];
				if (availability.getProperty(k + ".app.rps") == null) {
					continue;
				}
				md.append("| ")
					.append(q[1])
					.append(" | ")
					.append(number(availability.getProperty(k + ".app.rps")))
					.append(" | ")
					.append(ms(availability, k + ".app.p50_ms"))
					.append(" | ")
					.append(ms(availability, k + ".app.p99_ms"))
					.append(" | ")
					.append(ms(availability, k + ".app.max_ms"))
					.append(" | ")
					.append(ms(availability, k + ".app.mean_ms"))
					.append(" (")
					.append(ms(availability, k + ".app.little_ms"))
					.append(") | ")
					.append(number(availability.getProperty(k + ".sql.tps")))
					.append(" | ")
					.append(ms(availability, k + ".sql.p50_ms"))
					.append(" | ")
					.append(ms(availability, k + ".sql.p99_ms"))
					.append(" | ")
					.append(availability.getProperty(k + ".ratio"))
					.append(" | ≥ ")
					.append(q[2])
					.append("×, p99 < 25 ms | ")
					.append(availability.getProperty(k + ".check_samples"))
					.append(" compared, ")
					.append(availability.getProperty(k + ".check_mismatches"))
					.append(" differ |\n");
			}
			md.append("\nErrors (non-2xx or socket errors) in the application runs: ");
			for (String k : List.of("days", "slots", "anywhere")) {
				md.append(k).append(' ').append(availability.getProperty(k + ".app.errors", "—")).append("; ");
			}
			md.append("failed pgbench transactions: ");
			for (String k : List.of("days", "slots", "anywhere")) {
				md.append(k).append(' ').append(availability.getProperty(k + ".sql.failed", "—")).append("; ");
			}
			md.setLength(md.length() - 2);
			md.append(".\n\n");
			if (availability.getProperty("days.app.inside_p99_ms") != null) {
				md.append("Time inside the application (its own histogram of `http.server.requests`, from the first "
						+ "servlet filter to the answer; upper bounds of its buckets, the warm-up included): ");
				for (String[] q : QUESTIONS) {
					md.append(q[1])
						.append(" p50 ≤ ")
						.append(ms(availability, q[0] + ".app.inside_p50_ms"))
						.append(", p99 ≤ ")
						.append(ms(availability, q[0] + ".app.inside_p99_ms"))
						.append("; ");
				}
				md.setLength(md.length() - 2);
				md.append(". The rest of the clients' latency is time the requests waited for one of the two cores "
						+ "before and after that.\n\n");
			}
			if (availability.getProperty("days.paced.p99_ms") != null) {
				md.append("The same clients paced below saturation (each request timed from when it was due): ");
				for (String[] q : QUESTIONS) {
					md.append(q[1])
						.append(" at ")
						.append(number(availability.getProperty(q[0] + ".paced.offered")))
						.append("/s p50 ")
						.append(ms(availability, q[0] + ".paced.p50_ms"))
						.append(", p99 ")
						.append(ms(availability, q[0] + ".paced.p99_ms"))
						.append(" (errors ")
						.append(availability.getProperty(q[0] + ".paced.errors"))
						.append("); ");
				}
				md.setLength(md.length() - 2);
				md.append(".\n\n");
			}
			List<String> names = List.of("calendar", "start times", "anywhere");
			List<String> keys = List.of("days", "slots", "anywhere");
			List<String> sides = List.of("application", "PostgreSQL");
			chart(md, "availability-throughput",
					"Availability: answers per second (first bar application, second PostgreSQL)", "per second", names,
					sides, series(availability, keys, ".app.rps"), series(availability, keys, ".sql.tps"));
			chart(md, "availability-latency",
					"Availability: p50 and p99 latency in ms (application, PostgreSQL; goal p99 under 25 ms)", "ms",
					names, List.of("application p50", "application p99", "PostgreSQL p50", "PostgreSQL p99"),
					series(availability, keys, ".app.p50_ms"), series(availability, keys, ".app.p99_ms"),
					series(availability, keys, ".sql.p50_ms"), series(availability, keys, ".sql.p99_ms"));
		}

		if (!rush.isEmpty()) {
			md.append("### The booking rush\n\n");
			md.append("`DURATION=")
				.append(rush.getProperty("duration_seconds"))
				.append(" bench/rush.sh` — procedure `")
				.append(rush.getProperty("procedure"))
				.append("` on the freshly released ")
				.append(rush.getProperty("first_day"))
				.append(rush.getProperty("first_day", "").equals(rush.getProperty("last_day")) ? ""
						: " … " + rush.getProperty("last_day"))
				.append(" (")
				.append(rush.getProperty("free_starts"))
				.append(" free start times with ")
				.append(rush.getProperty("free_visits"))
				.append(" free seats counted per start time — visits of several units overlap, so the days take"
						+ " fewer)")
				.append(rush.getProperty("warmup_seconds") == null ? ""
						: ", after a " + rush.getProperty("warmup_seconds") + " s warm-up rush on "
								+ rush.getProperty("warmup_day"))
				.append("; wrk with ")
				.append(rush.getProperty("connections"))
				.append(" connections from ")
				.append(rush.getProperty("client_ips"))
				.append(" client addresses, pgbench with ")
				.append(rush.getProperty("pgbench_clients"))
				.append(" clients; ")
				.append(rush.getProperty("duration_seconds"))
				.append(" s each.\n\n");
			md.append("| | booked/s | refused/s (409) | attempts/s | p50 | p99 | oversold units | ledger mismatches |\n");
			md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
			md.append("| application (`POST /api/v1/appointments`) | ")
				.append(rush.getProperty("app.created_per_s"))
				.append(" | ")
				.append(rush.getProperty("app.conflicts_per_s"))
				.append(" | ")
				.append(rush.getProperty("app.rps"))
				.append(" | ")
				.append(ms(rush, "app.p50_ms"))
				.append(" | ")
				.append(ms(rush, "app.p99_ms"))
				.append(" | ")
				.append(rush.getProperty("app.oversold_units"))
				.append(" | ")
				.append(rush.getProperty("app.ledger_mismatches"))
				.append(" |\n");
			for (String[] v : List.of(new String[] { "sql", "pgbench, the booking transaction" },
					new String[] { "sql_app_steps", "pgbench, with the application's extra steps (e-mail lock, "
							+ "count, `pg_notify`)" })) {
				if (rush.getProperty(v[0] + ".tps") == null) {
					continue;
				}
				String attempts = rush.getProperty(v[0] + ".tps");
				md.append("| ")
					.append(v[1])
					.append(" | ")
					.append(rush.getProperty(v[0] + ".booked_per_s"))
					.append(" | ")
					.append(rounded(parse(attempts) - parse(rush.getProperty(v[0] + ".booked_per_s"))))
					.append(" | ")
					.append(number(attempts))
					.append(" | ")
					.append(ms(rush, v[0] + ".p50_ms"))
					.append(" | ")
					.append(ms(rush, v[0] + ".p99_ms"))
					.append(" | ")
					.append(rush.getProperty(v[0] + ".oversold_units"))
					.append(" | ")
					.append(rush.getProperty(v[0] + ".ledger_mismatches"))
					.append(" |\n");
			}
			md.append("\nApplication ÷ pgbench (booked/s): **")
				.append(rush.getProperty("ratio"))
				.append("** (goal: ≥ 0.5). Other answers of the application: 429 ")
				.append(rush.getProperty("app.limited"))
				.append(", 503 shed by admission control (the client waits its Retry-After) ")
				.append(rush.getProperty("app.shed", "—"))
				.append(", other 4xx ")
				.append(rush.getProperty("app.invalid"))
				.append(", other 5xx ")
				.append(rush.getProperty("app.failed"))
				.append(", socket errors ")
				.append(rush.getProperty("app.socket_errors"))
				.append(".\n\n");
			chart(md, "rush-throughput", "Booking rush: bookings per second", "booked/s",
					List.of("application", "pgbench", "pgbench + app steps"), List.of("booked/s"),
					new double[] { parse(rush.getProperty("app.created_per_s")),
							parse(rush.getProperty("sql.booked_per_s")),
							parse(rush.getProperty("sql_app_steps.booked_per_s")) });
		}
		md.append("Raw output: `bench/target/results/` (the load generators and pgbench as printed, `*.properties`). ")
			.append("Regenerate this section with `bench/report.sh`.\n");
		md.append(END);
		return md.toString();
	}

	/**
	 * A bar chart as a Mermaid {@code xychart-beta} block (GitHub and most Markdown viewers
	 * draw it; elsewhere it stays readable text); one bar series per array, missing
	 * values as 0. Nothing when no value is known.
	 */
	private static void chart(StringBuilder md, String file, String title, String axis, List<String> labels,
			List<String> seriesNames, double[]... bars) {
		boolean any = false;
		for (double[] bar : bars) {
			for (double value : bar) {
				any |= !Double.isNaN(value);
			}
		}
		if (!any) {
			return;
		}
		md.append("![").append(title).append("](benchmarks/").append(png(file, title, axis, labels, seriesNames, bars))
			.append(")\n\n");
		md.append("```mermaid\nxychart-beta\n    title \"").append(title).append("\"\n    x-axis [");
		md.append(String.join(", ", labels.stream().map(label -> "\"" + label + "\"").toList()));
		md.append("]\n    y-axis \"").append(axis).append("\"\n");
		for (double[] bar : bars) {
			md.append("    bar [");
			for (int i = 0; i < bar.length; i++) {
				md.append(i == 0 ? "" : ", ")
					.append(String.format(Locale.ROOT, "%.1f", Double.isNaN(bar[i]) ? 0 : bar[i]));
			}
			md.append("]\n");
		}
		md.append("```\n\n");
	}

	/**
	 * A grouped bar chart as a PNG in {@link #charts}, values written on the bars; with a
	 * logarithmic axis where the bars differ by more than a factor of 50 (the application
	 * against PostgreSQL), so that the small ones stay visible. Returns the file's name.
	 */
	private static String png(String file, String title, String axis, List<String> labels, List<String> seriesNames,
			double[]... bars) {
		System.setProperty("java.awt.headless", "true");
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		double min = Double.MAX_VALUE;
		double max = 0;
		for (int s = 0; s < bars.length; s++) {
			String name = s < seriesNames.size() ? seriesNames.get(s) : "series " + (s + 1);
			for (int i = 0; i < bars[s].length; i++) {
				if (!Double.isNaN(bars[s][i]) && bars[s][i] > 0) {
					data.addValue(bars[s][i], name, labels.get(i));
					min = Math.min(min, bars[s][i]);
					max = Math.max(max, bars[s][i]);
				}
			}
		}
		JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.VERTICAL,
				bars.length > 1, false, false);
		CategoryPlot plot = chart.getCategoryPlot();
		BarRenderer renderer = (BarRenderer) plot.getRenderer();
		if (max / min > 50) {
			// bars rise from below the smallest value: a logarithmic axis has no 0
			renderer.setIncludeBaseInRange(false);
			renderer.setBase(min / 2);
			LogAxis log = new LogAxis(axis + " (logarithmic)");
			log.setSmallestValue(min / 2);
			log.setTickUnit(new NumberTickUnit(1)); // a tick per power of ten, written out
			log.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH)));
			plot.setRangeAxis(log);
		}
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		renderer.setBarPainter(new StandardBarPainter());
		Color[] colours = bars.length == 2 ? new Color[] { PALETTE[0], PALETTE[2] } : PALETTE;
		for (int s = 0; s < colours.length; s++) {
			renderer.setSeriesPaint(s, colours[s]);
		}
		renderer.setShadowVisible(false);
		renderer.setDefaultItemLabelGenerator(
				new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ENGLISH))));
		renderer.setDefaultItemLabelsVisible(true);
		chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(14f));
		String name = file + ".png";
		try {
			Files.createDirectories(charts);
			ChartUtils.saveChartAsPNG(charts.resolve(name).toFile(), chart, 900, 420);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return name;
	}

	/** The values of {@code <key><suffix>} for each key, NaN where missing. */
	private static double[] series(Properties properties, List<String> keys, String suffix) {
		return keys.stream().mapToDouble(key -> parse(properties.getProperty(key + suffix))).toArray();
	}

	private static void row(StringBuilder md, String name, String value) {
		md.append("| ").append(name).append(" | ").append(value).append(" |\n");
	}

	private static String ms(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null || value.isBlank() || value.equals("nan")) {
			return "—";
		}
		if (value.equals("inf")) {
			return "∞";
		}
		return String.format(Locale.ROOT, "%.2f ms", Double.parseDouble(value));
	}

	private static String integer(String value) {
		double parsed = parse(value);
		return Double.isNaN(parsed) ? "—" : String.format(Locale.ROOT, "%,d", (long) parsed);
	}

	private static String number(String value) {
		double parsed = parse(value);
		return Double.isNaN(parsed) ? "—" : String.format(Locale.ROOT, "%,.1f", parsed);
	}

	private static double parse(String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	private static String rounded(double value) {
		return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String first(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return "";
	}

}
