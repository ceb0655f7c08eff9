package de.buergerservice.notifications.internal;

import java.util.HexFormat;

import de.buergerservice.booking.AppointmentDetails;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.shared.SecretBox;
import de.buergerservice.shared.Sealed;

/**
 * Names one mail for one event, so that the event, delivered again, finds it sent: the
 * kind of mail, the booking (or waiting-list) reference and, where an appointment can get
 * that kind of mail more than once, what tells the events apart.
 * <ul>
 * <li>please confirm, offer, confirmed, cancelled, lapsed, waiting list, and every mail
 * about a registration for an event (each happens once to a registration): once per
 * reference, no discriminator;</li>
 * <li>moved and reminder: the (new) start time, and a fingerprint of the event's sealed
 * token. A token is sealed afresh for every event (a random nonce), so a second move back
 * to an earlier time, or a reminder for a time moved away from and back to, gets a mail
 * of its own, while the same event delivered again has the same fingerprint. The
 * fingerprint is a hash of the ciphertext, never of the token itself.</li>
 * </ul>
 */
public record MailKey(Kind kind, String reference, String discriminator) {

	public static MailKey of(Kind kind, String reference) {
		return new MailKey(kind, reference, "");
	}

	public static MailKey of(AppointmentMoved event) {
		return new MailKey(Kind.MOVED, event.appointment().reference().value(),
				event.appointment().start() + "/" + fingerprint(event.manageToken()));
	}

	public static MailKey of(AppointmentReminderDue event) {
		return new MailKey(Kind.REMINDER, event.appointment().reference().value(),
				event.appointment().start() + "/" + fingerprint(event.manageToken()));
	}

	/**
	 * The interpreter's mail about an appointment at its time (a move mails them again).
	 */
	public static MailKey interpreterBooked(AppointmentDetails appointment) {
		return new MailKey(Kind.INTERPRETER_BOOKED, appointment.reference().value(), appointment.start().toString());
	}

	/** The key as stored: {@code MOVED:T-7KQ4-M2ZP:2026-12-03T09:30:00Z/1f2e…}. */
	public String value() {
		String key = kind.name() + ":" + reference;
		return discriminator.isEmpty() ? key : key + ":" + discriminator;
	}

	static String fingerprint(Sealed sealed) {
		return HexFormat.of().formatHex(SecretBox.sha256(sealed.value()), 0, 8);
	}

	/** The kinds of mail, each with its templates and messages. */
	public enum Kind {

		PLEASE_CONFIRM("please-confirm", "mail.pleaseConfirm"), OFFER("offer", "mail.offer"),
		CONFIRMED("confirmed", "mail.confirmed"), MOVED("moved", "mail.moved"),
		CANCELLED("cancelled", "mail.cancelled"), EXPIRED("expired", "mail.expired"),
		REMINDER("reminder", "mail.reminder"), WAITING_LIST("waiting-list", "mail.waitingList"),
		INTERPRETER_BOOKED("interpreter-booked", "mail.interpreterBooked"),
		INTERPRETER_CANCELLED("interpreter-cancelled", "mail.interpreterCancelled"),
		EVENT_PLEASE_CONFIRM("event-please-confirm", "mail.event.pleaseConfirm"),
		EVENT_WAITING_LIST("event-waiting-list", "mail.event.waitingList"),
		EVENT_CONFIRMED("event-confirmed", "mail.event.confirmed"),
		EVENT_MOVED_UP("event-moved-up", "mail.event.movedUp"), EVENT_REMINDER("event-reminder", "mail.event.reminder"),
		EVENT_CANCELLED("event-cancelled", "mail.event.cancelled"), EVENT_LAPSED("event-lapsed", "mail.event.lapsed");

		private final String template;

		private final String messages;

		Kind(String template, String messages) {
			this.template = template;
			this.messages = messages;
		}

		/** The templates {@code templates/mail/<template>.txt} and {@code .html}. */
		public String template() {
			return template;
		}

		/** The subject's message key. */
		public String subject() {
			return messages + ".subject";
		}

	}

}
