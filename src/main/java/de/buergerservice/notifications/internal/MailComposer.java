package de.buergerservice.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentCancelled;
import de.buergerservice.booking.AppointmentDetails;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.WaitingListJoined;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.Interpreting;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.MobileKit;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.shared.City;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.QrCode;
import de.buergerservice.shared.Sealed;
import de.buergerservice.shared.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the citizens' mails: what the event says, completed from the catalogue
 * (procedure names, what to bring), the locations (name, address, the mobile kit's stop)
 * and booking (the iCalendar file), in the citizen's language. Sealed tokens are opened
 * here, in memory, only to put them into the citizen's links.
 */
@Component
public class MailComposer {

	/**
	 * The content id of the QR code of the booking reference, which the counter's scanner
	 * reads at check-in.
	 */
	static final String CHECK_IN_QR = "check-in-qr";

	static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8";

	private final Catalog catalog;

	private final Locations locations;

	private final Appointments appointments;

	private final SecretBox secrets;

	private final City city;

	private final MessageSource messages;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final Interpreting interpreting;

	MailComposer(Catalog catalog, Locations locations, Appointments appointments, SecretBox secrets, City city,
			MessageSource messages, MailTemplates templates, MailSettings settings, Interpreting interpreting) {
		this.catalog = catalog;
		this.locations = locations;
		this.appointments = appointments;
		this.secrets = secrets;
		this.city = city;
		this.messages = messages;
		this.templates = templates;
		this.settings = settings;
		this.interpreting = interpreting;
	}

	/** "Please confirm": the confirmation link, until when the time is held. */
	public OutgoingMail pleaseConfirm(AppointmentBooked event, Sealed confirmToken) {
		return awaitingConfirmation(Kind.PLEASE_CONFIRM, event, confirmToken);
	}

	/**
	 * A waiting-list offer: a time became free and is held for the citizen until they
	 * confirm, or it passes on.
	 */
	public OutgoingMail offer(AppointmentBooked event, Sealed confirmToken) {
		return awaitingConfirmation(Kind.OFFER, event, confirmToken);
	}

	/**
	 * "Confirmed": everything for the visit, the manage link and the iCalendar file.
	 */
	public OutgoingMail confirmed(AppointmentDetails appointment, Sealed manageToken) {
		return withCalendar(Kind.CONFIRMED, appointment, manageToken, Map.of());
	}

	/** The reminder before the visit: like "confirmed". */
	public OutgoingMail reminder(AppointmentReminderDue event) {
		return withCalendar(Kind.REMINDER, event.appointment(), event.manageToken(), Map.of());
	}

	/** "Moved": the old time and the new one, with the new calendar file. */
	public OutgoingMail moved(AppointmentMoved event) {
		Locale language = event.appointment().citizen().language();
		Map<String, Object> model = Map.of("previous", when(event.previousLocation(), event.previousStart(), language),
				"locationChanged", !event.previousLocation().equals(event.appointment().location()));
		return withCalendar(Kind.MOVED, event.appointment(), event.manageToken(), model);
	}

	/** "Cancelled", or "your reservation lapsed" when it was not confirmed in time. */
	public OutgoingMail cancelled(AppointmentCancelled event) {
		Kind kind = event.reason() == AppointmentCancelled.Reason.EXPIRED ? Kind.EXPIRED : Kind.CANCELLED;
		AppointmentDetails appointment = event.appointment();
		Locale language = appointment.citizen().language();
		return mail(kind, appointment.reference().value(), appointment.citizen(),
				Map.of("appointment", view(appointment, language)), List.of());
	}

	/** "You are on the waiting list", with the link to leave it. */
	public OutgoingMail waitingList(WaitingListJoined event) {
		Locale language = event.citizen().language();
		String token = secrets.open(event.token());
		DateTimeFormatter date = dateFormat(language);
		List<String> where = event.locations()
			.stream()
			.map(id -> locations.find(id).map(location -> location.name().in(language)).orElse(id.value()))
			.toList();
		Map<String, Object> model = Map.of("waiting",
				new WaitingView(event.reference(), items(event.items(), language), where, date.format(event.firstDay()),
						date.format(event.lastDay())),
				"leaveLink", city.link("/termin/warteliste/" + event.reference() + "?token=" + token));
		return mail(Kind.WAITING_LIST, event.reference(), event.citizen(), model, List.of());
	}

	private OutgoingMail awaitingConfirmation(Kind kind, AppointmentBooked event, Sealed confirmToken) {
		AppointmentDetails appointment = event.appointment();
		Locale language = appointment.citizen().language();
		String reference = appointment.reference().value();
		Map<String, Object> model = new HashMap<>();
		model.put("appointment", view(appointment, language));
		model.put("confirmLink", city.link("/termin/bestaetigen?token=" + secrets.open(confirmToken)));
		model.put("manageLink", manageLink(reference, secrets.open(event.manageToken())));
		if (event.holdExpiresAt() != null) {
			model.put("deadline", dateTime(event.holdExpiresAt(), language));
		}
		return mail(kind, reference, appointment.citizen(), model, List.of());
	}

	private OutgoingMail withCalendar(Kind kind, AppointmentDetails appointment, Sealed sealedToken,
			Map<String, Object> extra) {
		Locale language = appointment.citizen().language();
		String token = secrets.open(sealedToken);
		List<OutgoingMail.Attachment> attachments = new ArrayList<>(
				calendar(appointment.reference(), token).stream().toList());
		attachments.add(OutgoingMail.Attachment.inline(CHECK_IN_QR, "check-in.png", "image/png",
				QrCode.png(appointment.reference().value(), 4)));
		Map<String, Object> model = new HashMap<>(extra);
		model.put("checkInQr", "cid:" + CHECK_IN_QR);
		model.put("appointment", view(appointment, language));
		model.put("manageLink", manageLink(appointment.reference().value(), token));
		model.put("calendarAttached", attachments.stream().anyMatch(attachment -> attachment.contentId() == null));
		return mail(kind, appointment.reference().value(), appointment.citizen(), model, attachments);
	}

	private OutgoingMail mail(Kind kind, String reference, Citizen citizen, Map<String, Object> model,
			List<OutgoingMail.Attachment> attachments) {
		Email address = Objects.requireNonNull(citizen.email(), "a mail needs an e-mail address");
		return mail(kind, reference, new OutgoingMail.Recipient(citizen.name(), address), citizen.language(), model,
				attachments);
	}

	/**
	 * A mail of a kind about a reference to a recipient in their language: the subject
	 * from the message bundle, text and HTML from the kind's templates with the model and
	 * what every mail shows (greeting, the city, signature).
	 */
	OutgoingMail mail(Kind kind, String reference, OutgoingMail.Recipient to, Locale language,
			Map<String, Object> model, List<OutgoingMail.Attachment> attachments) {
		Map<String, Object> variables = variables(kind, reference, to, language, model);
		MailTemplates.Rendered rendered = templates.render(kind.template(), language, variables);
		return new OutgoingMail(settings.from(), to, (String) variables.get("subject"), rendered.text(),
				rendered.html(), attachments);
	}

	/** The model with what every mail shows: subject, greeting's name, the city. */
	private Map<String, Object> variables(Kind kind, String reference, OutgoingMail.Recipient to, Locale language,
			Map<String, Object> model) {
		Map<String, Object> variables = new HashMap<>(model);
		variables.put("subject", messages.getMessage(kind.subject(), new Object[] { reference }, language));
		variables.put("language", language.getLanguage());
		variables.put("name", to.name());
		variables.put("city", city);
		variables.put("bookLink", city.link("/termin"));
		return variables;
	}

	/** A date and time in the city's zone as mails write it. */
	String dateTime(Instant instant, Locale language) {
		ZonedDateTime local = instant.atZone(city.zone());
		return messages.getMessage("mail.dateTime",
				new Object[] { dateFormat(language).format(local), timeFormat(language).format(local) }, language);
	}

	private Optional<OutgoingMail.Attachment> calendar(AppointmentReference reference, String manageToken) {
		return appointments.calendar(reference, new AccessToken(manageToken))
			.map(file -> new OutgoingMail.Attachment("termin-" + reference.value() + ".ics", CALENDAR_TYPE,
					file.getBytes(StandardCharsets.UTF_8)));
	}

	private String manageLink(String reference, String token) {
		return city.link("/termin/verwalten/" + reference + "?token=" + token);
	}

	private AppointmentView view(AppointmentDetails appointment, Locale language) {
		When when = when(appointment.location(), appointment.start(), language);
		List<String> documents = appointment.items()
			.stream()
			.flatMap(item -> catalog.procedure(item.procedure()).stream())
			.flatMap(procedure -> procedure.documents().stream())
			.map(document -> document.in(language))
			.distinct()
			.toList();
		String interpreterLanguage = null;
		String videoSession = null;
		if (appointment.interpreterLanguage() != null) {
			Optional<Assignment> assignment = interpreting.assignment(appointment.reference())
				.filter(Assignment::active);
			interpreterLanguage = assignment.map(found -> found.language().name().in(language))
				.orElse(appointment.interpreterLanguage());
			videoSession = assignment.map(found -> found.videoSession().toString()).orElse(null);
		}
		return new AppointmentView(appointment.reference().value(), when.date(), when.time(),
				timeFormat(language).format(appointment.end().atZone(city.zone())), when.place(), when.address(),
				items(appointment.items(), language), documents, interpreterLanguage, videoSession);
	}

	/**
	 * The interpreter's mail: the consultation (when, where, the language, the booking
	 * reference, the video session) or that it is cancelled. In German, the interpreters'
	 * working language with the city, and below it the same in English (the city keeps no
	 * language per interpreter): both subjects, the English text after the German, the
	 * English part of the HTML in a section marked {@code lang="en"}.
	 */
	public OutgoingMail toInterpreter(Kind kind, AppointmentDetails appointment, Assignment assignment) {
		String reference = appointment.reference().value();
		OutgoingMail.Recipient to = new OutgoingMail.Recipient(assignment.interpreterName(),
				Email.of(assignment.interpreterEmail()));
		Map<String, Object> english = variables(kind, reference, to, Locale.ENGLISH,
				interpreterModel(appointment, assignment, Locale.ENGLISH));
		Map<String, Object> german = interpreterModel(appointment, assignment, Locale.GERMAN);
		german.put("english",
				new English((String) english.get("subject"),
						messages.getMessage("mail.greeting", new Object[] { to.name() }, Locale.ENGLISH),
						templates.content(kind.template(), Locale.ENGLISH, english)));
		OutgoingMail inGerman = mail(kind, reference, to, Locale.GERMAN, german, List.of());
		return new OutgoingMail(
				inGerman.from(), to, inGerman.subject() + " / " + english.get("subject"), inGerman.text()
						+ "\n----- English -----\n\n" + templates.text(kind.template(), Locale.ENGLISH, english),
				inGerman.html(), List.of());
	}

	private Map<String, Object> interpreterModel(AppointmentDetails appointment, Assignment assignment,
			Locale language) {
		Map<String, Object> model = new HashMap<>();
		model.put("appointment", view(appointment, language));
		model.put("interpreterLanguage", assignment.language().name().in(language));
		model.put("videoSession", assignment.videoSession().toString());
		return model;
	}

	/** The English part of a mail that is German first. */
	public record English(String subject, String greeting, String content) {
	}

	/** A time at a location; for the mobile kit, the place it stops at that day. */
	private When when(LocationId locationId, Instant start, Locale language) {
		ZonedDateTime local = start.atZone(city.zone());
		Optional<Location> location = locations.find(locationId);
		String place = location.map(found -> found.name().in(language)).orElse(locationId.value());
		String address = location.map(found -> found.address().line()).orElse("");
		Optional<MobileKit.Stop> stop = location.map(Location::kit).flatMap(kit -> kit.stopOn(local.toLocalDate()));
		if (stop.isPresent()) {
			place = place + " – " + stop.get().place().name().in(language);
			address = stop.get().place().address().line();
		}
		return new When(dateFormat(language).format(local), timeFormat(language).format(local), place, address);
	}

	private List<String> items(List<VisitItem> items, Locale language) {
		return items.stream().map(item -> {
			String name = catalog.procedure(item.procedure())
				.map(Procedure::name)
				.map(text -> text.in(language))
				.orElse(item.procedure().value());
			return item.quantity() > 1
					? messages.getMessage("mail.appointment.quantity", new Object[] { item.quantity(), name }, language)
					: name;
		}).toList();
	}

	DateTimeFormatter dateFormat(Locale language) {
		return DateTimeFormatter.ofPattern(messages.getMessage("mail.format.date", null, language), language);
	}

	DateTimeFormatter timeFormat(Locale language) {
		return DateTimeFormatter.ofPattern(messages.getMessage("mail.format.time", null, language), language);
	}

	/**
	 * An appointment as a mail shows it: local date and time, place, what for and what to
	 * bring.
	 */
	public record AppointmentView(String reference, String date, String time, String endTime, String place,
			String address, List<String> items, List<String> documents, @Nullable String interpreterLanguage,
			@Nullable String videoSession) {

		public AppointmentView {
			items = List.copyOf(items);
			documents = List.copyOf(documents);
		}

	}

	/** When and where, formatted. */
	public record When(String date, String time, String place, String address) {
	}

	/** A waiting-list entry as its mail shows it; no locations means any. */
	public record WaitingView(String reference, List<String> items, List<String> locations, String firstDay,
			String lastDay) {

		public WaitingView {
			items = List.copyOf(items);
			locations = List.copyOf(locations);
		}

	}

}
