package de.buergerservice.notifications.internal;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a mail once per {@link MailKey}: the key is recorded in the listener's
 * transaction before the mail leaves; a key found recorded sends nothing (see
 * {@code BookingMails} for what remains at-least-once).
 */
@Component
public class Mailer {

	private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

	private final SentMails sent;

	private final MailTransport transport;

	Mailer(SentMails sent, MailTransport transport) {
		this.sent = sent;
		this.transport = transport;
	}

	/** Composes and sends the mail unless one with its key was sent before. */
	public void sendOnce(MailKey key, Supplier<OutgoingMail> mail) {
		if (!sent.claim(key)) {
			LOG.info("Mail {} for {} was sent before; not again", key.kind(), key.reference());
			return;
		}
		try {
			transport.send(mail.get());
		}
		catch (RuntimeException ex) {
			LOG.info("Mail {} for {} not sent: {}", key.kind(), key.reference(), ex.getMessage());
			throw ex;
		}
		LOG.info("Mail {} for {} sent", key.kind(), key.reference());
	}

}
