package de.buergerservice.notifications;

import java.util.function.Supplier;

import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.booking.AppointmentCancelled;
import de.buergerservice.booking.AppointmentConfirmed;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.WaitingListJoined;
import de.buergerservice.notifications.internal.MailComposer;
import de.buergerservice.notifications.internal.MailKey;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.notifications.internal.Mailer;
import de.buergerservice.notifications.internal.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the citizen a mail for every booking event.
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
 * but whose answer was lost makes the listener throw and the mail go out again. The
 * window is the time between the server's acceptance and the commit; a citizen may then
 * get the same mail twice, never none. In the development inbox, mail and key are written
 * in the same transaction, so there it is exactly once.
 */
@Component
class BookingMails {

	private static final Logger LOG = LoggerFactory.getLogger(BookingMails.class);

	private final Mailer mailer;

	private final MailComposer compose;

	BookingMails(Mailer mailer, MailComposer compose) {
		this.mailer = mailer;
		this.compose = compose;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		String reference = event.appointment().reference().value();
		if (event.status() == AppointmentStatus.CONFIRMED) {
			send(MailKey.of(Kind.CONFIRMED, reference),
					() -> compose.confirmed(event.appointment(), event.manageToken()));
		}
		else if (event.status() == AppointmentStatus.AWAITING_CONFIRMATION && event.confirmToken() != null) {
			var confirmToken = event.confirmToken();
			if (event.waitingListOffer()) {
				send(MailKey.of(Kind.OFFER, reference), () -> compose.offer(event, confirmToken));
			}
			else {
				send(MailKey.of(Kind.PLEASE_CONFIRM, reference), () -> compose.pleaseConfirm(event, confirmToken));
			}
		}
		else {
			LOG.warn("No mail for booking {} in status {} without a confirmation token", reference, event.status());
		}
	}

	@ApplicationModuleListener
	void on(AppointmentConfirmed event) {
		send(MailKey.of(Kind.CONFIRMED, event.appointment().reference().value()),
				() -> compose.confirmed(event.appointment(), event.manageToken()));
	}

	@ApplicationModuleListener
	void on(AppointmentMoved event) {
		send(MailKey.of(event), () -> compose.moved(event));
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		Kind kind = event.reason() == AppointmentCancelled.Reason.EXPIRED ? Kind.EXPIRED : Kind.CANCELLED;
		send(MailKey.of(kind, event.appointment().reference().value()), () -> compose.cancelled(event));
	}

	@ApplicationModuleListener
	void on(AppointmentReminderDue event) {
		send(MailKey.of(event), () -> compose.reminder(event));
	}

	@ApplicationModuleListener
	void on(WaitingListJoined event) {
		send(MailKey.of(Kind.WAITING_LIST, event.reference()), () -> compose.waitingList(event));
	}

	private void send(MailKey key, Supplier<OutgoingMail> mail) {
		mailer.sendOnce(key, mail);
	}

}
