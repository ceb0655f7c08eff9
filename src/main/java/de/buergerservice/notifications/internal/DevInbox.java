package de.buergerservice.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The development inbox: where no SMTP server is configured, mails are kept in the
 * database (in the sending transaction) and shown at {@code /dev/mail} instead of being
 * sent. Never active in production ({@code buergerservice.mail.dev-inbox=false}): these
 * mails hold citizens' private links.
 */
@Component
@Conditional(MailConditions.DevInboxOn.class)
public class DevInbox implements MailTransport {

	private final JdbcClient jdbc;

	private final Clock clock;

	DevInbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void send(OutgoingMail mail) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO notifications.dev_mail (id, sent_at, sender, recipient, subject, text_body, html_body)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(clock.instant()), mail.from(),
					mail.to().name() + " <" + mail.to().address().value() + ">", mail.subject(), mail.text(),
					withInlineImages(mail))
			.update();
		int position = 0;
		for (OutgoingMail.Attachment attachment : mail.attachments()) {
			if (attachment.contentId() != null) {
				continue; // shown in the HTML, as in a mail client
			}
			jdbc.sql("""
					INSERT INTO notifications.dev_mail_attachment (mail_id, position, filename, content_type, content)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, position++, attachment.filename(), attachment.contentType(), attachment.content())
				.update();
		}
	}

	/**
	 * The HTML with its inline images ({@code cid:…}) as data URIs, so the browser shows
	 * them as a mail client would.
	 */
	private static String withInlineImages(OutgoingMail mail) {
		String html = mail.html();
		for (OutgoingMail.Attachment attachment : mail.attachments()) {
			if (attachment.contentId() != null) {
				html = html.replace("cid:" + attachment.contentId(), "data:" + attachment.contentType() + ";base64,"
						+ Base64.getEncoder().encodeToString(attachment.content()));
			}
		}
		return html;
	}

	/** The newest mails first, at most {@code limit}. */
	public List<Summary> latest(int limit) {
		return jdbc.sql("""
				SELECT m.id, m.sent_at, m.recipient, m.subject,
				  (SELECT count(*) FROM notifications.dev_mail_attachment a WHERE a.mail_id = m.id) AS attachments
				FROM notifications.dev_mail m ORDER BY m.sent_at DESC, m.id LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Summary(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4), rs.getInt(5)))
			.list();
	}

	public Optional<Mail> find(UUID id) {
		List<AttachmentInfo> attachments = jdbc.sql("""
				SELECT position, filename, content_type, octet_length(content)
				FROM notifications.dev_mail_attachment WHERE mail_id = ? ORDER BY position""")
			.param(id)
			.query((rs, row) -> new AttachmentInfo(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		return jdbc.sql("""
				SELECT id, sent_at, sender, recipient, subject, text_body, html_body
				FROM notifications.dev_mail WHERE id = ?""")
			.param(id)
			.query((rs, row) -> new Mail(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), attachments))
			.optional();
	}

	public Optional<OutgoingMail.Attachment> attachment(UUID mail, int position) {
		return jdbc.sql("""
				SELECT filename, content_type, content FROM notifications.dev_mail_attachment
				WHERE mail_id = ? AND position = ?""")
			.params(mail, position)
			.query((rs, row) -> new OutgoingMail.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** A mail in the list. */
	public record Summary(UUID id, Instant sentAt, String recipient, String subject, int attachments) {
	}

	/** A whole mail. */
	public record Mail(UUID id, Instant sentAt, String sender, String recipient, String subject, String text,
			String html, List<AttachmentInfo> attachments) {

		public Mail {
			attachments = List.copyOf(attachments);
		}

	}

	/** What is attached, without the content. */
	public record AttachmentInfo(int position, String filename, String contentType, int size) {
	}

}
