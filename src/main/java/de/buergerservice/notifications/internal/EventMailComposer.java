package de.buergerservice.notifications.internal;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.buergerservice.events.EventRegistrationCancelled;
import de.buergerservice.events.EventRegistrationConfirmed;
import de.buergerservice.events.EventRegistrationMovedUp;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.EventReminderDue;
import de.buergerservice.events.RegistrationDetails;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.shared.City;
import de.buergerservice.shared.Sealed;
import de.buergerservice.shared.SecretBox;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the mails about registrations for events, in the citizen's language: please
 * confirm (or: you are on the waiting list), a seat moved up to you, confirmed and the
 * reminder (with the join link of an online event), cancelled, lapsed. Sealed tokens and
 * join links are opened here, in memory, only to put them into the citizen's mail.
 */
@Component
public class EventMailComposer {

	private final MailComposer mails;

	private final SecretBox secrets;

	private final City city;

	private final MessageSource messages;

	EventMailComposer(MailComposer mails, SecretBox secrets, City city, MessageSource messages) {
		this.mails = mails;
		this.secrets = secrets;
		this.city = city;
		this.messages = messages;
	}

	/**
	 * "Please confirm" with the seat held until when, or "you are on the waiting list".
	 */
	public OutgoingMail received(EventRegistrationReceived event) {
		RegistrationDetails registration = event.registration();
		Map<String, Object> model = new HashMap<>();
		model.put("manageLink", manageLink(registration, event.manageToken()));
		if (event.confirmToken() != null && event.holdExpiresAt() != null) {
			model.put("confirmLink", confirmLink(event.confirmToken()));
			model.put("deadline", mails.dateTime(event.holdExpiresAt(), language(registration)));
			return mail(Kind.EVENT_PLEASE_CONFIRM, registration, model);
		}
		model.put("position", event.waitingPosition() == null ? 1 : event.waitingPosition());
		return mail(Kind.EVENT_WAITING_LIST, registration, model);
	}

	/** A seat became free and is held for the citizen: confirm by when. */
	public OutgoingMail movedUp(EventRegistrationMovedUp event) {
		RegistrationDetails registration = event.registration();
		return mail(Kind.EVENT_MOVED_UP, registration,
				Map.of("confirmLink", confirmLink(event.confirmToken()), "manageLink",
						manageLink(registration, event.manageToken()), "deadline",
						mails.dateTime(event.holdExpiresAt(), language(registration))));
	}

	/** "Confirmed", with the join link of an online event. */
	public OutgoingMail confirmed(EventRegistrationConfirmed event) {
		return withJoinLink(Kind.EVENT_CONFIRMED, event.registration(), event.manageToken(), event.joinLink());
	}

	/** The reminder before the session, with the join link of an online event. */
	public OutgoingMail reminder(EventReminderDue event) {
		return withJoinLink(Kind.EVENT_REMINDER, event.registration(), event.manageToken(), event.joinLink());
	}

	/** "Cancelled", or "your reservation lapsed" when it was not confirmed in time. */
	public OutgoingMail cancelled(EventRegistrationCancelled event) {
		Kind kind = event.reason() == EventRegistrationCancelled.Reason.LAPSED ? Kind.EVENT_LAPSED
				: Kind.EVENT_CANCELLED;
		return mail(kind, event.registration(), Map.of());
	}

	private OutgoingMail withJoinLink(Kind kind, RegistrationDetails registration, Sealed manageToken,
			@Nullable Sealed joinLink) {
		Map<String, Object> model = new HashMap<>();
		model.put("manageLink", manageLink(registration, manageToken));
		if (joinLink != null) {
			model.put("joinLink", secrets.open(joinLink));
		}
		return mail(kind, registration, model);
	}

	private OutgoingMail mail(Kind kind, RegistrationDetails registration, Map<String, Object> extra) {
		Locale language = language(registration);
		Map<String, Object> model = new HashMap<>(extra);
		model.put("event", view(registration, language));
		model.put("eventsLink", city.link("/veranstaltungen/" + registration.event().value()));
		return mails.mail(kind, registration.reference().value(),
				new OutgoingMail.Recipient(registration.participant().name(), registration.participant().email()),
				language, model, List.of());
	}

	private EventView view(RegistrationDetails registration, Locale language) {
		ZonedDateTime start = registration.start().atZone(city.zone());
		String place = registration.venue() != null ? registration.venue().in(language)
				: messages.getMessage("mail.event.online", null, language);
		return new EventView(registration.reference().value(), registration.title().in(language),
				mails.dateFormat(language).format(start), mails.timeFormat(language).format(start),
				mails.timeFormat(language).format(registration.end().atZone(city.zone())), place,
				registration.address() == null ? "" : registration.address(), registration.online());
	}

	private String confirmLink(Sealed token) {
		return city.link("/veranstaltungen/bestaetigen?token=" + secrets.open(token));
	}

	private String manageLink(RegistrationDetails registration, Sealed token) {
		return city
			.link("/veranstaltungen/anmeldung/" + registration.reference().value() + "?token=" + secrets.open(token));
	}

	private static Locale language(RegistrationDetails registration) {
		return registration.participant().language();
	}

	/** A registration as its mails show it. */
	public record EventView(String reference, String title, String date, String time, String endTime, String place,
			String address, boolean online) {
	}

}
