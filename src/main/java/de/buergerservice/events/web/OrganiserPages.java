package de.buergerservice.events.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.events.Event;
import de.buergerservice.events.EventId;
import de.buergerservice.events.Events;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.Session;
import de.buergerservice.events.internal.Organisers;
import de.buergerservice.events.internal.RegistrationStore.Stored;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffAccessDenied;
import de.buergerservice.staff.StaffMember;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organisers' view under {@code /staff/veranstaltungen}: the events they look after
 * with their seats, an event's registrations, and these as a CSV file (semicolons, UTF-8
 * with a byte-order mark, as German spreadsheet programs expect). Administrators see
 * every event, heads of office the events of their office; every look at the
 * registrations is recorded in the audit log.
 */
@Controller
class OrganiserPages {

	private final Organisers organisers;

	private final Events events;

	private final Staff staff;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	OrganiserPages(Organisers organisers, Events events, Staff staff, MessageSource messages, Clock clock, City city) {
		this.organisers = organisers;
		this.events = events;
		this.staff = staff;
		this.messages = messages;
		this.clock = clock;
		this.zone = city.zone();
	}

	@GetMapping("/staff/veranstaltungen")
	String list(Model model, Locale locale) {
		StaffMember member = staff.current();
		List<Event> visible = organisers.events(member);
		if (visible.isEmpty() && !member.isAdministrator()) {
			throw new StaffAccessDenied(member.username() + " organises no events");
		}
		model.addAttribute("member", member);
		model.addAttribute("events",
				visible.stream().map(event -> EventViews.card(event, clock.instant(), zone, locale)).toList());
		model.addAttribute("seats", visible.stream()
			.collect(Collectors.toMap(event -> event.id().value(), event -> new Seats(event.sessions()))));
		return "events/staff-list";
	}

	@GetMapping("/staff/veranstaltungen/{event}")
	String event(@PathVariable String event, Model model, Locale locale) {
		StaffMember member = staff.current();
		Event found = visible(member, event);
		List<Stored> registrations = organisers.registrations(member, found, Organisers.VIEWED);
		Map<Integer, Session> sessions = sessions(found);
		model.addAttribute("event", found);
		model.addAttribute("card", EventViews.card(found, clock.instant(), zone, locale));
		model.addAttribute("seats", new Seats(found.sessions()));
		model.addAttribute("rows", registrations.stream().map(stored -> row(stored, sessions)).toList());
		return "events/staff-event";
	}

	@GetMapping(path = "/staff/veranstaltungen/{event}/anmeldungen.csv")
	ResponseEntity<byte[]> export(@PathVariable String event, Locale locale) {
		StaffMember member = staff.current();
		Event found = visible(member, event);
		List<Stored> registrations = organisers.registrations(member, found, Organisers.EXPORTED);
		Map<Integer, Session> sessions = sessions(found);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL)
			.setDelimiter(';')
			.setHeader(message("events.csv.reference", locale), message("events.csv.session", locale),
					message("events.csv.start", locale), message("events.csv.status", locale),
					message("events.csv.name", locale), message("events.csv.email", locale),
					message("events.csv.language", locale), message("events.csv.registeredAt", locale),
					message("events.csv.confirmedAt", locale))
			.get();
		try (CSVPrinter csv = new CSVPrinter(out, format)) {
			for (Stored stored : registrations) {
				Session session = sessions.get(stored.session());
				csv.printRecord(stored.reference().value(), stored.session(), time.format(session.start().atZone(zone)),
						message("events.status." + stored.status().name(), locale), cell(stored.participant().name()),
						cell(stored.participant().email().value()), stored.participant().language().getLanguage(),
						time.format(stored.createdAt().atZone(zone)),
						stored.confirmedAt() == null ? "" : time.format(stored.confirmedAt().atZone(zone)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("anmeldungen-" + found.id() + ".csv").build().toString())
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The event if the member may see its registrations. Whoever may not sees 403, for an
	 * unknown event too (existence is not revealed); an administrator sees 404.
	 */
	private Event visible(StaffMember member, String id) {
		Event event = EventId.isValid(id) ? events.find(EventId.of(id)).orElse(null) : null;
		if (event != null && Organisers.may(member, event)) {
			return event;
		}
		if (member.isAdministrator()) {
			throw new NotFoundException("events.error.event.unknown", id);
		}
		throw new StaffAccessDenied(member.username() + " may not see the registrations of " + id);
	}

	private Row row(Stored stored, Map<Integer, Session> sessions) {
		return new Row(stored.reference().value(), stored.session(),
				sessions.get(stored.session()).start().atZone(zone), stored.status(), stored.participant().name(),
				stored.participant().email().value(), stored.createdAt().atZone(zone));
	}

	private static Map<Integer, Session> sessions(Event event) {
		return event.sessions().stream().collect(Collectors.toMap(Session::number, Function.identity()));
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/**
	 * A cell as a spreadsheet must not take for a formula (CSV injection): text that
	 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe.
	 */
	static String cell(String text) {
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	/** One registration in the organiser's table. */
	record Row(String reference, int session, ZonedDateTime start, RegistrationStatus status, String name, String email,
			ZonedDateTime registeredAt) {
	}

	/** An event's seats in sum: how many, taken, waiting. */
	record Seats(int seats, int taken, int waiting) {

		Seats(List<Session> sessions) {
			this(sessions.stream().mapToInt(Session::seats).sum(), sessions.stream().mapToInt(Session::taken).sum(),
					sessions.stream().mapToInt(Session::waiting).sum());
		}

	}

}
