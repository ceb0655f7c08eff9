package de.buergerservice.notifications;

import java.util.function.Supplier;

import de.buergerservice.events.EventRegistrationCancelled;
import de.buergerservice.events.EventRegistrationConfirmed;
import de.buergerservice.events.EventRegistrationMovedUp;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.EventReminderDue;
import de.buergerservice.events.RegistrationDetails;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.notifications.internal.EventMailComposer;
import de.buergerservice.notifications.internal.MailKey;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.notifications.internal.Mailer;
import de.buergerservice.notifications.internal.OutgoingMail;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the citizen a mail for every event about their registration for an event, course
 * or consultation hours. Delivered and made idempotent as {@link BookingMails} describes:
 * through the event publication outbox, once per {@link MailKey} (each of these mails
 * happens at most once to a registration, so the key is the kind and the registration's
 * reference).
 */
@Component
class EventMails {

	private final Mailer mailer;

	private final EventMailComposer compose;

	EventMails(Mailer mailer, EventMailComposer compose) {
		this.mailer = mailer;
		this.compose = compose;
	}

	@ApplicationModuleListener
	void on(EventRegistrationReceived event) {
		Kind kind = event.status() == RegistrationStatus.WAITING_LIST ? Kind.EVENT_WAITING_LIST
				: Kind.EVENT_PLEASE_CONFIRM;
		send(MailKey.of(kind, reference(event.registration())), () -> compose.received(event));
	}

	@ApplicationModuleListener
	void on(EventRegistrationMovedUp event) {
		send(MailKey.of(Kind.EVENT_MOVED_UP, reference(event.registration())), () -> compose.movedUp(event));
	}

	@ApplicationModuleListener
	void on(EventRegistrationConfirmed event) {
		send(MailKey.of(Kind.EVENT_CONFIRMED, reference(event.registration())), () -> compose.confirmed(event));
	}

	@ApplicationModuleListener
	void on(EventReminderDue event) {
		send(MailKey.of(Kind.EVENT_REMINDER, reference(event.registration())), () -> compose.reminder(event));
	}

	@ApplicationModuleListener
	void on(EventRegistrationCancelled event) {
		Kind kind = event.reason() == EventRegistrationCancelled.Reason.LAPSED ? Kind.EVENT_LAPSED
				: Kind.EVENT_CANCELLED;
		send(MailKey.of(kind, reference(event.registration())), () -> compose.cancelled(event));
	}

	private static String reference(RegistrationDetails registration) {
		return registration.reference().value();
	}

	private void send(MailKey key, Supplier<OutgoingMail> mail) {
		mailer.sendOnce(key, mail);
	}

}
