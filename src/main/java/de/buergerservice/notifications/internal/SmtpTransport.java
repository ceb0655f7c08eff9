package de.buergerservice.notifications.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mails to the SMTP server of {@code spring.mail.*}: a multipart message with the
 * text and HTML as alternatives and the attachments beside them. A server that is down or
 * refuses the mail makes {@link #send} throw, so the event stays in the outbox.
 * <p>
 * A mail the server has accepted counts as sent even if closing the connection then fails
 * (no answer to {@code QUIT}): Spring's sender reports that as a
 * {@link MailSendException} without failed messages, and throwing it on would roll back
 * the mail's record in {@code SentMails} and send the citizen the same mail again.
 */
@Component
@Conditional(MailConditions.Smtp.class)
class SmtpTransport implements MailTransport {

	private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);

	private final JavaMailSender sender;

	private final Clock clock;

	SmtpTransport(JavaMailSender sender, MailSettings settings, Clock clock) {
		this.sender = sender;
		this.clock = clock;
		address(settings.from());
	}

	@Override
	public void send(OutgoingMail mail) {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(address(mail.from()));
			helper.setTo(
					new InternetAddress(mail.to().address().value(), mail.to().name(), StandardCharsets.UTF_8.name()));
			helper.setSubject(mail.subject());
			helper.setSentDate(Date.from(clock.instant()));
			helper.setText(mail.text(), mail.html());
			for (OutgoingMail.Attachment attachment : mail.attachments()) {
				if (attachment.contentId() != null) {
					helper.addInline(attachment.contentId(), new ByteArrayResource(attachment.content()),
							attachment.contentType());
				}
				else {
					helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
							attachment.contentType());
				}
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException("Cannot prepare the mail " + mail.subject(), ex);
		}
		try {
			sender.send(message);
		}
		catch (MailSendException ex) {
			if (!ex.getFailedMessages().isEmpty()) {
				throw ex;
			}
			LOG.warn("Mail {} was accepted by the SMTP server, closing the connection failed: {}", mail.subject(),
					ex.getMessage());
		}
	}

	/** The sender as configured, its name encoded for the header (it has umlauts). */
	private static InternetAddress address(String from) {
		try {
			InternetAddress address = new InternetAddress(from, true);
			if (address.getPersonal() != null) {
				address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
			}
			return address;
		}
		catch (AddressException | UnsupportedEncodingException ex) {
			throw new IllegalArgumentException("buergerservice.mail.from is not an e-mail address: " + from, ex);
		}
	}

}
