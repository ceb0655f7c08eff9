package de.buergerservice.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of sent mails, one row per {@link MailKey}; what makes sending idempotent
 * when an event is delivered more than once.
 */
@Component
public class SentMails {

	private final JdbcClient jdbc;

	private final Clock clock;

	SentMails(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that the mail is being sent, in the caller's transaction; false if it was
	 * sent before (or is being sent by a transaction that then commits: the insert waits
	 * for it).
	 */
	public boolean claim(MailKey key) {
		return jdbc.sql("""
				INSERT INTO notifications.sent_mail (mail_key, kind, reference, sent_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (mail_key) DO NOTHING""")
			.params(key.value(), key.kind().name(), key.reference(), Timestamp.from(clock.instant()))
			.update() == 1;
	}

	/** Whether any mail of a kind was sent about a reference. */
	public boolean sentAny(MailKey.Kind kind, String reference) {
		return jdbc.sql("SELECT count(*) FROM notifications.sent_mail WHERE kind = ? AND reference = ?")
			.params(kind.name(), reference)
			.query(Integer.class)
			.single() > 0;
	}

	public boolean sent(MailKey key) {
		return jdbc.sql("SELECT count(*) FROM notifications.sent_mail WHERE mail_key = ?")
			.param(key.value())
			.query(Integer.class)
			.single() > 0;
	}

}
