package de.buergerservice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the seed of a Berlin-scale installation in the formats of the demo city
 * ({@code locations.yaml}, {@code catalog/*.yaml}) to a directory, for the booking
 * benchmarks: 45 offices ({@code berlin-01} … {@code berlin-45}, mostly citizens' offices
 * with Bürgeramt hours), 600 counters in 2 to 4 skill profiles per office, 250 procedures
 * ({@code p001} … {@code p250}) in the five departments of the demo city, a few life
 * events, and {@code pairs.txt}: every bookable (procedure, office) pair with the
 * procedure's duration and the office's grid, for the load scripts.
 * <p>
 * Deterministic: a fixed random seed and fixed dates (closures from 2026 to 2028), so the
 * same files come out on every machine and every day. Names, addresses and hours are
 * illustrative. The demo format needs a mobile kit: {@code berlin-mobil} (not in
 * {@code pairs.txt}, it opens only on its tour days).
 * <p>
 * Run: {@code ./mvnw -Pbench test-compile exec:exec@berlin} (writes
 * {@code bench/target/berlin/}), or with another directory as the first argument.
 */
public final class BerlinCity {

	static final long SEED = 20_261_125L;

	static final int LOCATIONS = 45;

	static final int COUNTERS = 600;

	static final int PROCEDURES = 250;

	private final Random random = new Random(SEED);

	private final List<Proc> procedures = new ArrayList<>();

	private final Map<String, Set<String>> profiles = new LinkedHashMap<>();

	private final List<Office> offices = new ArrayList<>();

	public static void main(String[] args) throws IOException {
		Path out = Path.of(args.length > 0 ? args[0] : "bench/target/berlin");
		BerlinCity city = new BerlinCity();
		city.generate();
		city.write(out);
		int counters = city.offices.stream().mapToInt(Office::counterCount).sum();
		System.out.printf(Locale.ROOT, "Berlin-scale seed in %s: %d locations (+ mobile kit), %d counters, "
				+ "%d procedures, %d skill profiles, %d bookable (procedure, location) pairs%n", out.toAbsolutePath(),
				city.offices.size(), counters, city.procedures.size(), city.profiles.size(), city.pairs().size());
	}

	// ------------------------------------------------------------------ the catalogue

	/** A procedure as the seed writes it. */
	record Proc(String id, String department, String de, String en, int duration, int maxQuantity, boolean bookable,
			boolean walkIn, String leika, double fee) {
	}

	/** A department's share of the catalogue: id, first and last number, base names. */
	private record Dept(String id, int first, int last, String[][] bases, String[] wordsDe, String[] wordsEn) {
	}

	private static final String[][] VARIANTS = { { "", "" }, { " für Minderjährige", " for minors" },
			{ " mit Vollmacht", " by proxy" }, { " bei Zuzug aus dem Ausland", " when moving from abroad" },
			{ " für Familien", " for families" }, { " im Eilverfahren", " (express)" },
			{ " für Unternehmen", " for businesses" }, { " – Nachtrag", " – amendment" } };

	private static final List<Dept> DEPARTMENTS = List.of(new Dept("meldeservice", 1, 80, new String[][] {
			{ "Wohnsitz anmelden", "Register your address" }, { "Wohnsitz ummelden", "Update your address" },
			{ "Wohnsitz abmelden", "Deregister your address" },
			{ "Nebenwohnung anmelden", "Register a second residence" },
			{ "Hauptwohnung festlegen", "Register your main residence" },
			{ "Meldebescheinigung", "Certificate of registration" },
			{ "Melderegisterauskunft", "Information from the population register" },
			{ "Übermittlungssperre", "Block on data disclosure" }, { "Auskunftssperre", "Information block" },
			{ "Personalausweis beantragen", "Apply for an ID card" }, { "Reisepass beantragen", "Apply for a passport" },
			{ "Express-Reisepass beantragen", "Apply for an express passport" },
			{ "Vorläufiger Personalausweis", "Provisional ID card" }, { "Vorläufiger Reisepass", "Provisional passport" },
			{ "eID-Karte beantragen", "Apply for an eID card" }, { "PIN-Rücksetzbrief", "Reset your PIN" },
			{ "Anschrift im Ausweis ändern", "Change the address on your ID card" },
			{ "Verlust eines Ausweises melden", "Report a lost ID document" },
			{ "Lebensbescheinigung", "Life certificate" }, { "Haushaltsbescheinigung", "Certificate of household" } },
			new String[] { "Anmeldung", "Ausweis", "Pass", "Meldeamt", "Bürgeramt" },
			new String[] { "registration", "ID card", "passport", "residence" }),
			new Dept("buergerbueros", 81, 150, new String[][] {
					{ "Führungszeugnis beantragen", "Apply for a certificate of good conduct" },
					{ "Gewerbezentralregisterauskunft", "Extract from the trade register" },
					{ "Beglaubigung von Kopien", "Certification of copies" },
					{ "Beglaubigung einer Unterschrift", "Certification of a signature" },
					{ "Fischereischein beantragen", "Apply for a fishing licence" },
					{ "Bewohnerparkausweis beantragen", "Apply for a residents' parking permit" },
					{ "Hund zur Hundesteuer anmelden", "Register a dog for dog tax" },
					{ "Berlin-Pass beantragen", "Apply for the Berlin-Pass" },
					{ "Briefwahl beantragen", "Apply for a postal vote" }, { "Fundsache abholen", "Collect lost property" },
					{ "Wohnberechtigungsschein beantragen", "Apply for a housing entitlement certificate" },
					{ "Ehrenamtskarte beantragen", "Apply for a volunteer card" },
					{ "Lohnsteuerbescheinigung", "Wage tax certificate" },
					{ "Kirchenaustritt erklären", "Declare leaving a church" } },
					new String[] { "Bürgeramt", "Beglaubigung", "Bescheinigung", "Antrag" },
					new String[] { "citizens' office", "certificate", "application" }),
			new Dept("standesamt", 151, 195, new String[][] { { "Geburt beurkunden", "Register a birth" },
					{ "Vaterschaft anerkennen", "Acknowledge paternity" },
					{ "Eheschließung anmelden", "Give notice of marriage" },
					{ "Namenserklärung abgeben", "Make a declaration of name" },
					{ "Geburtsurkunde beantragen", "Apply for a birth certificate" },
					{ "Eheurkunde beantragen", "Apply for a marriage certificate" },
					{ "Sterbeurkunde beantragen", "Apply for a death certificate" },
					{ "Sterbefall beurkunden", "Register a death" },
					{ "Ehefähigkeitszeugnis beantragen", "Apply for a certificate of no impediment" },
					{ "Familienstand klären", "Clarify marital status" },
					{ "Ausländische Urkunde anerkennen", "Recognise a foreign document" } },
					new String[] { "Standesamt", "Urkunde", "Personenstand" },
					new String[] { "registry office", "certificate", "civil status" }),
			new Dept("kfz-zulassung", 196, 235, new String[][] { { "Fahrzeug zulassen", "Register a vehicle" },
					{ "Fahrzeug umschreiben", "Transfer a vehicle" },
					{ "Adresse in Fahrzeugpapieren ändern", "Change the address in vehicle documents" },
					{ "Fahrzeug außer Betrieb setzen", "Deregister a vehicle" },
					{ "Wunschkennzeichen reservieren", "Reserve a personalised number plate" },
					{ "Kurzzeitkennzeichen beantragen", "Apply for short-term plates" },
					{ "Zulassungsbescheinigung ersetzen", "Replace a registration certificate" },
					{ "Saisonkennzeichen beantragen", "Apply for seasonal plates" } },
					new String[] { "Kfz", "Zulassung", "Kennzeichen", "Auto" },
					new String[] { "vehicle", "car", "number plate" }),
			new Dept("fahrerlaubnis", 236, 250, new String[][] {
					{ "Führerschein umtauschen", "Exchange a driving licence" },
					{ "Ausländischen Führerschein umschreiben", "Convert a foreign driving licence" },
					{ "Internationalen Führerschein beantragen", "Apply for an international driving permit" },
					{ "Ersatzführerschein beantragen", "Replace a driving licence" } },
					new String[] { "Führerschein", "Fahrerlaubnis" }, new String[] { "driving licence", "driver" }));

	/** Durations in minutes (5 to 60 in 5-minute steps) and how often they occur. */
	private static final int[][] DURATIONS = { { 5, 8 }, { 10, 22 }, { 15, 26 }, { 20, 14 }, { 25, 4 }, { 30, 12 },
			{ 40, 3 }, { 45, 6 }, { 60, 5 } };

	private int duration() {
		int total = 0;
		for (int[] entry : DURATIONS) {
			total += entry[1];
		}
		int pick = random.nextInt(total);
		for (int[] entry : DURATIONS) {
			pick -= entry[1];
			if (pick < 0) {
				return entry[0];
			}
		}
		throw new IllegalStateException();
	}

	private void catalogue() {
		for (Dept dept : DEPARTMENTS) {
			int n = 0;
			for (int number = dept.first(); number <= dept.last(); number++, n++) {
				String[] base = dept.bases()[n % dept.bases().length];
				String[] variant = VARIANTS[n / dept.bases().length];
				int duration = duration();
				int maxQuantity = random.nextInt(100) < 15 ? 2 + random.nextInt(5) : 1;
				boolean bookable = random.nextInt(100) >= 8;
				boolean walkIn = dept.id().equals("meldeservice") || dept.id().equals("buergerbueros")
						|| random.nextBoolean();
				String leika = random.nextInt(100) < 60 ? "99%012d".formatted(Math.abs(random.nextLong()) % 1_000_000_000_000L)
						: null;
				double fee = random.nextInt(100) < 40 ? 0 : 5 + random.nextInt(20) * 2.5;
				procedures.add(new Proc("p%03d".formatted(number), dept.id(), base[0] + variant[0],
						base[1] + variant[1], duration, maxQuantity, bookable, walkIn, leika, fee));
			}
		}
		if (procedures.size() != PROCEDURES) {
			throw new IllegalStateException("Expected " + PROCEDURES + " procedures, made " + procedures.size());
		}
	}

	private List<String> ids(String department) {
		return procedures.stream().filter(p -> p.department().equals(department)).map(Proc::id).toList();
	}

	private Set<String> subset(List<String> ids, int percent) {
		Set<String> chosen = new TreeSet<>();
		for (String id : ids) {
			if (random.nextInt(100) < percent) {
				chosen.add(id);
			}
		}
		return chosen;
	}

	private Proc proc(String id) {
		return procedures.get(Integer.parseInt(id.substring(1)) - 1);
	}

	private void skillProfiles() {
		List<String> citizens = new ArrayList<>(ids("meldeservice"));
		citizens.addAll(ids("buergerbueros"));
		// all-round counter of a Bürgeramt: every registration and general procedure
		profiles.put("buergeramt-voll", new TreeSet<>(citizens));
		// the usual counter: most of them
		profiles.put("buergeramt-standard", subset(citizens, 75));
		// quick-service counter: the short procedures only
		profiles.put("buergeramt-schnell",
				new TreeSet<>(citizens.stream().filter(id -> proc(id).duration() <= 15).toList()));
		// all-round counter that also changes the address in vehicle documents
		Set<String> kfz = new TreeSet<>(citizens);
		kfz.addAll(ids("kfz-zulassung").subList(0, 4));
		profiles.put("buergeramt-kfz", kfz);
		profiles.put("standesamt-beurkundung", new TreeSet<>(ids("standesamt")));
		profiles.put("standesamt-urkunden",
				new TreeSet<>(ids("standesamt").stream().filter(id -> proc(id).duration() <= 15).toList()));
		profiles.put("standesamt-auslandsbezug", subset(ids("standesamt"), 40));
		profiles.put("kfz-voll", new TreeSet<>(ids("kfz-zulassung")));
		profiles.put("kfz-haendler", subset(ids("kfz-zulassung"), 50));
		profiles.put("fahrerlaubnis", new TreeSet<>(ids("fahrerlaubnis")));
	}

	// ------------------------------------------------------------------ the offices

	/** An office as the seed writes it. */
	record Office(String id, String kind, String nameDe, String nameEn, String district, String street,
			String postalCode, List<String> departments, Map<DayOfWeek, List<String>> hours, List<String[]> closures,
			Map<String, Integer> counters, boolean stepFree) {

		int counterCount() {
			return counters.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	private static final String[] DISTRICTS = { "Mitte", "Tiergarten", "Wedding", "Prenzlauer Berg", "Friedrichshain",
			"Kreuzberg", "Charlottenburg", "Wilmersdorf", "Spandau", "Haselhorst", "Steglitz", "Lankwitz", "Zehlendorf",
			"Schöneberg", "Tempelhof", "Lichtenrade", "Neukölln", "Britz", "Gropiusstadt", "Rudow", "Treptow",
			"Köpenick", "Adlershof", "Marzahn", "Hellersdorf", "Lichtenberg", "Hohenschönhausen", "Reinickendorf",
			"Tegel", "Märkisches Viertel", "Pankow", "Weißensee", "Buch", "Moabit", "Friedenau", "Mariendorf",
			"Karlshorst", "Wittenau", "Hermsdorf", "Frohnau", "Standesamt Mitte", "Standesamt Neukölln",
			"Jüterboger Straße", "Ferdinand-Schultze-Straße", "Puttkamerstraße" };

	private static final String[] STREETS = { "Hauptstraße", "Bahnhofstraße", "Rathausplatz", "Karl-Marx-Allee",
			"Schloßstraße", "Marktplatz", "Berliner Allee", "Am Stadtpark", "Alt-Moabit", "Turmstraße" };

	private void offices() {
		for (int number = 1; number <= LOCATIONS; number++) {
			String id = "berlin-%02d".formatted(number);
			String district = DISTRICTS[number - 1];
			String street = STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(150));
			String postalCode = "1%04d".formatted(random.nextInt(10000) % 4000 + 178);
			Map<String, Integer> counters = new LinkedHashMap<>();
			String kind;
			String nameDe;
			String nameEn;
			List<String> departments;
			Map<DayOfWeek, List<String>> hours;
			if (number <= 38) {
				kind = "CITIZENS_OFFICE";
				nameDe = "Bürgeramt " + district;
				nameEn = "Citizens' Office " + district;
				counters.put("buergeramt-voll", 3 + random.nextInt(5));
				List<String> extra = new ArrayList<>(List.of("buergeramt-standard", "buergeramt-schnell",
						"buergeramt-kfz"));
				int more = 1 + random.nextInt(3);
				for (int i = 0; i < more; i++) {
					String profile = extra.remove(random.nextInt(extra.size()));
					counters.put(profile, profile.equals("buergeramt-kfz") ? 1 + random.nextInt(2)
							: profile.equals("buergeramt-schnell") ? 2 + random.nextInt(3) : 3 + random.nextInt(6));
				}
				departments = counters.containsKey("buergeramt-kfz")
						? List.of("meldeservice", "buergerbueros", "kfz-zulassung")
						: List.of("meldeservice", "buergerbueros");
				hours = buergeramtHours();
			}
			else if (number <= 40) {
				kind = "BRANCH_OFFICE";
				nameDe = "Bürgeramt " + district + " (Außenstelle)";
				nameEn = "Citizens' Office " + district + " (branch)";
				counters.put("buergeramt-standard", 2 + random.nextInt(2));
				counters.put("buergeramt-schnell", 1);
				departments = List.of("meldeservice", "buergerbueros");
				hours = new TreeMap<>(Map.of(DayOfWeek.TUESDAY, List.of("11:00-18:00"), DayOfWeek.THURSDAY,
						List.of("08:00-13:00")));
			}
			else if (number <= 42) {
				kind = "REGISTRY_OFFICE";
				nameDe = district;
				nameEn = "Registry Office " + district.substring("Standesamt ".length());
				counters.put("standesamt-beurkundung", 6 + random.nextInt(4));
				counters.put("standesamt-urkunden", 3 + random.nextInt(3));
				counters.put("standesamt-auslandsbezug", 2 + random.nextInt(2));
				departments = List.of("standesamt");
				hours = new TreeMap<>(Map.of(DayOfWeek.MONDAY, List.of("08:00-15:00"), DayOfWeek.TUESDAY,
						List.of("08:00-15:00"), DayOfWeek.WEDNESDAY, List.of("08:00-13:00"), DayOfWeek.THURSDAY,
						List.of("11:00-18:00"), DayOfWeek.FRIDAY, List.of("08:00-13:00")));
			}
			else {
				kind = "VEHICLE_REGISTRATION";
				boolean licences = number == LOCATIONS;
				nameDe = (licences ? "Fahrerlaubnisbehörde " : "Kfz-Zulassungsbehörde ") + district;
				nameEn = (licences ? "Driving Licence Office " : "Vehicle Registration Office ") + district;
				if (licences) {
					counters.put("fahrerlaubnis", 18 + random.nextInt(6));
					counters.put("kfz-voll", 2);
					departments = List.of("fahrerlaubnis", "kfz-zulassung");
				}
				else {
					counters.put("kfz-voll", 20 + random.nextInt(8));
					counters.put("kfz-haendler", 6 + random.nextInt(4));
					counters.put("fahrerlaubnis", 3);
					departments = List.of("kfz-zulassung", "fahrerlaubnis");
				}
				hours = new TreeMap<>(Map.of(DayOfWeek.MONDAY, List.of("07:00-15:00"), DayOfWeek.TUESDAY,
						List.of("07:00-15:00"), DayOfWeek.WEDNESDAY, List.of("07:00-13:00"), DayOfWeek.THURSDAY,
						List.of("09:00-18:00"), DayOfWeek.FRIDAY, List.of("07:00-13:00")));
			}
			offices.add(new Office(id, kind, nameDe, nameEn, district, street, postalCode, departments, hours,
					closures(), counters, random.nextInt(100) < 85));
		}
		// exactly COUNTERS counters: adjust the all-round counters of the citizens' offices
		int total = offices.stream().mapToInt(Office::counterCount).sum();
		for (int i = 0; total != COUNTERS; i = (i + 1) % 38) {
			Map<String, Integer> counters = offices.get(i).counters();
			int now = counters.get("buergeramt-voll");
			if (total < COUNTERS && now < 14) {
				counters.put("buergeramt-voll", now + 1);
				total++;
			}
			else if (total > COUNTERS && now > 2) {
				counters.put("buergeramt-voll", now - 1);
				total--;
			}
		}
	}

	/**
	 * Hours like Berlin's Bürgerämter: early days from 7:30 or 8:00, one or two late days
	 * (11:00–18:00), short Wednesday and Friday.
	 */
	private Map<DayOfWeek, List<String>> buergeramtHours() {
		String early = random.nextInt(4) == 0 ? "07:30" : "08:00";
		boolean twoLate = random.nextBoolean();
		boolean lateTuesday = twoLate || random.nextBoolean();
		boolean lateThursday = twoLate || !lateTuesday;
		Map<DayOfWeek, List<String>> hours = new TreeMap<>();
		hours.put(DayOfWeek.MONDAY, List.of(early + "-15:00"));
		hours.put(DayOfWeek.TUESDAY, List.of(lateTuesday ? "11:00-18:00" : early + "-15:00"));
		hours.put(DayOfWeek.WEDNESDAY, List.of(early + "-13:00"));
		hours.put(DayOfWeek.THURSDAY, List.of(lateThursday ? "11:00-18:00" : early + "-15:00"));
		hours.put(DayOfWeek.FRIDAY, List.of(early + "-13:00"));
		return hours;
	}

	private static final String[][] CLOSURE_REASONS = {
			{ "Dienstberatung", "Staff meeting" }, { "Personalversammlung", "Staff assembly" },
			{ "Fortbildung der Mitarbeitenden", "Staff training" },
			{ "Umstellung der Fachsoftware", "Changeover of the software" }, { "Renovierung", "Renovation" } };

	private List<String[]> closures() {
		List<String[]> closures = new ArrayList<>();
		for (int year = 2026; year <= 2028; year++) {
			closures.add(new String[] { year + "-12-24", year + "-12-24", "Heiligabend", "Christmas Eve" });
			closures.add(new String[] { year + "-12-31", year + "-12-31", "Silvester", "New Year's Eve" });
			if (random.nextInt(100) < 60) {
				for (int i = 0; i < 2 + random.nextInt(3); i++) {
					String[] reason = CLOSURE_REASONS[random.nextInt(CLOSURE_REASONS.length)];
					LocalDate first = LocalDate.of(year, 1, 5).plusDays(random.nextInt(340));
					int days = reason[0].equals("Renovierung") ? 2 + random.nextInt(4) : 1;
					closures.add(new String[] { first.toString(), first.plusDays(days - 1).toString(), reason[0],
							reason[1] });
				}
			}
		}
		closures.sort((a, b) -> a[0].compareTo(b[0]));
		return closures;
	}

	// ------------------------------------------------------------------ pairs

	/** Every bookable (procedure, office) pair: procedure, location, duration, grid. */
	List<String> pairs() {
		List<String> pairs = new ArrayList<>();
		for (Office office : offices) {
			Set<String> served = new TreeSet<>();
			office.counters().keySet().forEach(profile -> served.addAll(profiles.get(profile)));
			for (String id : served) {
				Proc proc = proc(id);
				if (proc.bookable()) {
					pairs.add("%s %s %d 5".formatted(id, office.id(), proc.duration()));
				}
			}
		}
		return pairs;
	}

	// ------------------------------------------------------------------ writing

	void generate() {
		catalogue();
		skillProfiles();
		offices();
	}

	void write(Path out) throws IOException {
		Files.createDirectories(out.resolve("catalog"));
		try (var old = Files.list(out.resolve("catalog"))) {
			old.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
				try {
					Files.delete(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		Files.writeString(out.resolve("locations.yaml"), locationsYaml(), StandardCharsets.UTF_8);
		int n = 10;
		for (Dept dept : DEPARTMENTS) {
			Files.writeString(out.resolve("catalog/%02d-%s.yaml".formatted(n, dept.id())), catalogYaml(dept),
					StandardCharsets.UTF_8);
			n += 10;
		}
		Files.writeString(out.resolve("catalog/90-life-events.yaml"), lifeEventsYaml(), StandardCharsets.UTF_8);
		List<String> pairs = new ArrayList<>();
		pairs.add("# procedure location duration_minutes grid_minutes (every bookable pair of the 45 offices)");
		pairs.addAll(pairs());
		Files.write(out.resolve("pairs.txt"), pairs, StandardCharsets.UTF_8);
	}

	private static String q(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static String text(String de, String en) {
		return "{ de: " + q(de) + ", en: " + q(en) + " }";
	}

	private static final String[][] DEPARTMENT_TEXTS = {
			{ "meldeservice", "Meldeservice", "Registration service",
					"Melde-, Pass- und Personalausweisangelegenheiten in allen Bürgerämtern.",
					"Registration, passport and ID card matters at every citizens' office." },
			{ "standesamt", "Standesamt", "Registry office",
					"Beurkundung von Geburten, Eheschließungen und Sterbefällen, Urkunden und Erklärungen.",
					"Registration of births, marriages and deaths, certificates and declarations." },
			{ "kfz-zulassung", "Kfz-Zulassungsbehörde", "Vehicle registration office",
					"Zulassung, Umschreibung und Außerbetriebsetzung von Fahrzeugen, Kennzeichen.",
					"Registering, transferring and deregistering vehicles, number plates." },
			{ "fahrerlaubnis", "Fahrerlaubnisbehörde", "Driving licence office",
					"Umtausch, Ersatz und Umschreibung von Führerscheinen.",
					"Exchanging, replacing and converting driving licences." },
			{ "buergerbueros", "Bürgerämter", "Citizens' offices",
					"Allgemeine Dienstleistungen der Bürgerämter: Beglaubigungen, Führungszeugnisse, Parkausweise.",
					"General services of the citizens' offices: certifications, certificates, parking permits." } };

	private String locationsYaml() {
		StringBuilder y = new StringBuilder();
		y.append("# Berlin-scale benchmark city, generated by de.buergerservice.bench.BerlinCity (seed ")
			.append(SEED)
			.append(").\n# Names, addresses, hours and counters are ILLUSTRATIVE benchmark values.\n\n");
		y.append("departments:\n");
		for (String[] d : DEPARTMENT_TEXTS) {
			y.append("  - id: ").append(d[0]).append('\n');
			y.append("    name: ").append(text(d[1], d[2])).append('\n');
			y.append("    description: ").append(text(d[3], d[4])).append('\n');
		}
		y.append("\nskillProfiles:\n");
		profiles.forEach((name, skills) -> {
			y.append("  ").append(name).append(":\n");
			skills.forEach(id -> y.append("    - ").append(q(id)).append('\n'));
		});
		y.append("\nlocations:\n");
		for (Office o : offices) {
			y.append("  - id: ").append(q(o.id())).append('\n');
			y.append("    kind: ").append(q(o.kind())).append('\n');
			y.append("    name: ").append(text(o.nameDe(), o.nameEn())).append('\n');
			y.append("    departments: [")
				.append(String.join(", ", o.departments().stream().map(BerlinCity::q).toList()))
				.append("]\n");
			y.append("    address: { street: ")
				.append(q(o.street()))
				.append(", postalCode: ")
				.append(q(o.postalCode()))
				.append(", city: \"Berlin\", district: ")
				.append(q(o.district()))
				.append(" }\n");
			y.append("    phone: \"030 115\"\n");
			y.append("    email: ").append(q(o.id() + "@berlin.example")).append('\n');
			y.append("    accessibility: { stepFree: ")
				.append(o.stepFree())
				.append(", accessibleToilet: ")
				.append(o.stepFree())
				.append(", hearingLoop: false, disabledParking: true }\n");
			y.append("    gridMinutes: 5\n    illustrative: true\n    openingHours:\n");
			o.hours()
				.forEach((day, ranges) -> y.append("      ")
					.append(day)
					.append(": [")
					.append(String.join(", ", ranges.stream().map(BerlinCity::q).toList()))
					.append("]\n"));
			y.append("    closures:\n");
			for (String[] c : o.closures()) {
				y.append("      - { from: ")
					.append(q(c[0]))
					.append(", to: ")
					.append(q(c[1]))
					.append(", reason: ")
					.append(text(c[2], c[3]))
					.append(" }\n");
			}
			y.append("    counters:\n");
			o.counters()
				.forEach((profile, count) -> y.append("      - { profile: ")
					.append(q(profile))
					.append(", count: ")
					.append(count)
					.append(" }\n"));
			y.append('\n');
		}
		y.append("""
				mobileKit:
				  id: "berlin-mobil"
				  name: { de: "Bürgeramt mobil", en: "Mobile citizens' office" }
				  departments: ["meldeservice"]
				  address: { street: "Rathausstraße 15", postalCode: "10178", city: "Berlin", district: "Mitte" }
				  phone: "030 115"
				  accessibility: { stepFree: true, accessibleToilet: false, hearingLoop: false, disabledParking: false }
				  gridMinutes: 10
				  illustrative: true
				  equipment:
				    - { de: "Laptop mit Fachverfahren", en: "Laptop with the registration software" }
				    - { de: "Änderungsterminal", en: "Update terminal" }
				  procedures: ["p001", "p002", "p006", "p017"]
				  places:
				    - id: "seniorenheim-mitte"
				      name: { de: "Seniorenzentrum Mitte", en: "Senior centre Mitte" }
				      address: { street: "Gartenstraße 5", postalCode: "10115", city: "Berlin", district: "Mitte" }
				      accessibility: { stepFree: true, accessibleToilet: true, hearingLoop: false, disabledParking: true }
				      visits:
				        - { firstDay: "2026-01-07", everyWeeks: 2, hours: "10:00-15:00" }
				    - id: "bibliothek-spandau"
				      name: { de: "Stadtbibliothek Spandau", en: "Spandau public library" }
				      address: { street: "Carl-Schurz-Straße 13", postalCode: "13597", city: "Berlin", district: "Spandau" }
				      accessibility: { stepFree: true, accessibleToilet: true, hearingLoop: false, disabledParking: false }
				      visits:
				        - { firstDay: "2026-01-08", everyWeeks: 2, hours: "10:00-14:00" }
				""");
		return y.toString();
	}

	private static final String[][] DOCUMENTS = { { "Personalausweis oder Reisepass", "ID card or passport" },
			{ "Biometrisches Passfoto", "Biometric passport photo" },
			{ "Wohnungsgeberbestätigung", "Landlord's confirmation of residence" },
			{ "Geburtsurkunde", "Birth certificate" }, { "Vollmacht und Ausweis der bevollmächtigten Person",
					"Power of attorney and the proxy's ID" },
			{ "Zulassungsbescheinigung Teil I und II", "Registration certificate parts I and II" } };

	private String catalogYaml(Dept dept) {
		StringBuilder y = new StringBuilder();
		y.append("# Berlin-scale benchmark catalogue (generated; illustrative). Department: ")
			.append(dept.id())
			.append('\n');
		y.append("procedures:\n");
		for (Proc p : procedures) {
			if (!p.department().equals(dept.id())) {
				continue;
			}
			int n = Integer.parseInt(p.id().substring(1));
			y.append("  - id: ").append(p.id()).append('\n');
			y.append("    leikaKey: ").append(p.leika() == null ? "null" : q(p.leika())).append('\n');
			y.append("    department: ").append(p.department()).append('\n');
			y.append("    name: ").append(text(p.de(), p.en())).append('\n');
			y.append("    summary: ")
				.append(text("Leistung " + p.id() + " der Berliner Bürgerämter: " + p.de() + ".",
						"Service " + p.id() + " of Berlin's citizens' offices: " + p.en() + "."))
				.append('\n');
			y.append("    description: ")
				.append(text("Benchmark-Leistung „" + p.de() + "“; Texte und Gebühren sind Beispielwerte.",
						"Benchmark service \"" + p.en() + "\"; texts and fees are example values."))
				.append('\n');
			y.append("    keywords:\n      de: [")
				.append(String.join(", ", List.of(dept.wordsDe()).stream().map(BerlinCity::q).toList()))
				.append("]\n      en: [")
				.append(String.join(", ", List.of(dept.wordsEn()).stream().map(BerlinCity::q).toList()))
				.append("]\n");
			y.append("    documents:\n");
			Set<Integer> docs = new LinkedHashSet<>(List.of(0, n % DOCUMENTS.length));
			for (int doc : docs) {
				y.append("      - ").append(text(DOCUMENTS[doc][0], DOCUMENTS[doc][1])).append('\n');
			}
			y.append("    fees:\n");
			if (p.fee() == 0) {
				y.append("      - { amount: 0, label: ").append(text("gebührenfrei", "free of charge")).append(" }\n");
			}
			else {
				y.append("      - { amount: ")
					.append(String.format(Locale.ROOT, "%.2f", p.fee()))
					.append(", label: ")
					.append(text("Gebühr", "fee"))
					.append(" }\n");
			}
			y.append("    durationMinutes: ").append(p.duration()).append('\n');
			y.append("    maxQuantity: ").append(p.maxQuantity()).append('\n');
			y.append("    bookable: ").append(p.bookable()).append('\n');
			y.append("    walkIn: ").append(p.walkIn()).append("\n\n");
		}
		return y.toString();
	}

	private String lifeEventsYaml() {
		String[][] events = {
				{ "umzug-nach-berlin", "Umzug nach Berlin", "Moving to Berlin", "p001,p004,p017,p086,p087,p198" },
				{ "umzug-innerhalb", "Umzug innerhalb Berlins", "Moving within Berlin", "p002,p017,p198,p086" },
				{ "geburt", "Geburt eines Kindes", "Birth of a child", "p152,p151,p154,p155,p010" },
				{ "heirat", "Heirat", "Getting married", "p153,p159,p156,p017" },
				{ "auto", "Auto kaufen oder verkaufen", "Buying or selling a car", "p196,p197,p199,p200" },
				{ "fuehrerschein", "Führerschein", "Driving licence", "p236,p237,p238" } };
		StringBuilder y = new StringBuilder(
				"# Berlin-scale benchmark life events (generated; illustrative).\nlifeEvents:\n");
		for (String[] e : events) {
			y.append("  - id: ").append(q(e[0])).append('\n');
			y.append("    name: ").append(text(e[1], e[2])).append('\n');
			y.append("    description: ")
				.append(text("Was bei „" + e[1] + "“ zu erledigen ist, in der üblichen Reihenfolge.",
						"What to do when \"" + e[2].toLowerCase(Locale.ROOT) + "\", in the usual order."))
				.append('\n');
			y.append("    procedures:\n");
			for (String id : e[3].split(",")) {
				y.append("      - ").append(q(id)).append('\n');
			}
			y.append('\n');
		}
		return y.toString();
	}

}
