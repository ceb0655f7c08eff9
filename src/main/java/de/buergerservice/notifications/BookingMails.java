package de.buergerservice.notifications;

import java.util.function.Supplier;

import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentCancelled;
import de.buergerservice.booking.AppointmentConfirmed;
import de.buergerservice.booking.AppointmentDetails;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.WaitingListJoined;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.Interpreting;
import de.buergerservice.notifications.internal.MailComposer;
import de.buergerservice.notifications.internal.MailKey;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.notifications.internal.Mailer;
import de.buergerservice.notifications.internal.OutgoingMail;
import de.buergerservice.notifications.internal.SentMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the citizen a mail for every booking event; a citizen booked by phone without an
 * e-mail address gets none.
 * <p>
 * <b>Delivery.</b> Each event reaches its listener through Spring Modulith's event
 * publication registry: recorded in the booking's transaction, handed over after its
 * commit, marked complete only when the listener returns. A listener that throws (the
 * SMTP server is down) leaves the publication incomplete; {@code OutboxRetry} and the
 * restart of an instance submit it again.
 * <p>
 * <b>Once per event.</b> In the listener's transaction the mail's {@link MailKey} is
 * inserted into {@code notifications.sent_mail} before the mail is sent; an event
 * delivered again finds the key and sends nothing. Should sending fail, the transaction
 * rolls back and takes the key with it.
 * <p>
 * <b>What remains at-least-once.</b> SMTP and the database do not commit together. If the
 * mail was handed to the SMTP server but the transaction then fails to commit (the
 * database goes away, the instance dies between the two), the key is gone and a later
 * delivery sends the mail a second time. Likewise an SMTP server that accepted the mail
 * but whose answer was lost makes the listener throw and the mail go out again (only the
 * answer to the closing {@code QUIT} may be lost without that: the mail was accepted
 * before it). The window is the time between the server's acceptance and the commit; a
 * citizen may then get the same mail twice, never none. In the development inbox, mail
 * and key are written in the same transaction, so there it is exactly once.
 */
@Component
class BookingMails {

	private static final Logger LOG = LoggerFactory.getLogger(BookingMails.class);

	private final Mailer mailer;

	private final MailComposer compose;

	private final SentMails sent;

	private final Interpreting interpreting;

	BookingMails(Mailer mailer, MailComposer compose, SentMails sent, Interpreting interpreting) {
		this.mailer = mailer;
		this.compose = compose;
		this.sent = sent;
		this.interpreting = interpreting;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		String reference = event.appointment().reference().value();
		if (event.status() == AppointmentStatus.CONFIRMED) {
			send(event.appointment().citizen(), MailKey.of(Kind.CONFIRMED, reference),
					() -> compose.confirmed(event.appointment(), event.manageToken()));
			toInterpreter(event.appointment());
		}
		else if (event.status() == AppointmentStatus.AWAITING_CONFIRMATION && event.confirmToken() != null) {
			var confirmToken = event.confirmToken();
			if (event.waitingListOffer()) {
				send(event.appointment().citizen(), MailKey.of(Kind.OFFER, reference),
						() -> compose.offer(event, confirmToken));
			}
			else {
				send(event.appointment().citizen(), MailKey.of(Kind.PLEASE_CONFIRM, reference),
						() -> compose.pleaseConfirm(event, confirmToken));
			}
		}
		else {
			LOG.warn("No mail for booking {} in status {} without a confirmation token", reference, event.status());
		}
	}

	@ApplicationModuleListener
	void on(AppointmentConfirmed event) {
		send(event.appointment().citizen(), MailKey.of(Kind.CONFIRMED, event.appointment().reference().value()),
				() -> compose.confirmed(event.appointment(), event.manageToken()));
		toInterpreter(event.appointment());
	}

	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		send(event.appointment().citizen(), MailKey.of(event), () -> compose.moved(event));
		if (sent.sentAny(Kind.INTERPRETER_BOOKED, event.appointment().reference().value())) {
			toInterpreter(event.appointment());
		}
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		Kind kind = event.reason() == AppointmentCancelled.Reason.EXPIRED ? Kind.EXPIRED : Kind.CANCELLED;
		String reference = event.appointment().reference().value();
		send(event.appointment().citizen(), MailKey.of(kind, reference), () -> compose.cancelled(event));
		// the interpreter hears of a cancellation only if they heard of the appointment
		if (event.appointment().interpreterLanguage() != null && sent.sentAny(Kind.INTERPRETER_BOOKED, reference)) {
			interpreting.assignment(event.appointment().reference())
				.ifPresent(assignment -> mailer.sendOnce(MailKey.of(Kind.INTERPRETER_CANCELLED, reference),
						() -> compose.toInterpreter(Kind.INTERPRETER_CANCELLED, event.appointment(), assignment)));
		}
	}

	/**
	 * Tells the interpreter of a confirmed appointment with one about it (again when it
	 * moves).
	 */
	private void toInterpreter(AppointmentDetails appointment) {
		if (appointment.interpreterLanguage() == null) {
			return;
		}
		interpreting.assignment(appointment.reference())
			.filter(Assignment::active)
			.ifPresent(assignment -> mailer.sendOnce(MailKey.interpreterBooked(appointment),
					() -> compose.toInterpreter(Kind.INTERPRETER_BOOKED, appointment, assignment)));
	}

	@ApplicationModuleListener
	void on(AppointmentReminderDue event) {
		send(event.appointment().citizen(), MailKey.of(event), () -> compose.reminder(event));
	}

	@ApplicationModuleListener
	void on(WaitingListJoined event) {
		send(event.citizen(), MailKey.of(Kind.WAITING_LIST, event.reference()), () -> compose.waitingList(event));
	}

	/** Sends a mail once, to a citizen who gave an e-mail address. */
	private void send(Citizen to, MailKey key, Supplier<OutgoingMail> mail) {
		if (to.email() == null) {
			LOG.info("No mail {} for {}: no e-mail address", key.kind(), key.reference());
			return;
		}
		mailer.sendOnce(key, mail);
	}

}
