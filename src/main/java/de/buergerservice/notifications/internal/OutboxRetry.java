package de.buergerservice.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tries again what could not be delivered: every event publication still incomplete after
 * {@code buergerservice.mail.retry.after} (default one minute) is submitted to its
 * listener again, every {@code buergerservice.mail.retry.interval}. A mail whose SMTP
 * server was down thus leaves once the server is back.
 * <p>
 * On any number of instances one resubmits at a time: the job runs under a PostgreSQL
 * advisory lock ({@code pg_try_advisory_xact_lock}); an instance that does not get it
 * skips this round. The lock covers the submission, not the listeners, which run
 * asynchronously: should a resubmitted listener still be running when the next round (on
 * this or another instance) submits it again, the second delivery finds the mail in
 * {@link SentMails} and sends nothing.
 * <p>
 * {@link IncompleteEventPublications} covers every module's publications, not only
 * notifications': as the only module with listeners today, notifications runs the retry
 * for the application.
 */
@Component
public class OutboxRetry {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxRetry.class);

	private final IncompleteEventPublications publications;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final MailSettings settings;

	OutboxRetry(IncompleteEventPublications publications, JdbcClient jdbc, TransactionTemplate transaction,
			MailSettings settings) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.settings = settings;
	}

	/**
	 * Resubmits the incomplete publications older than the configured delay; false if
	 * another instance holds the lock.
	 */
	@Scheduled(initialDelayString = "${buergerservice.mail.retry.interval:30s}",
			fixedDelayString = "${buergerservice.mail.retry.interval:30s}")
	public boolean resubmit() {
		Boolean done = transaction.execute(status -> {
			boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('notifications-outbox-retry'))")
				.query(Boolean.class)
				.single();
			if (mine) {
				publications.resubmitIncompletePublicationsOlderThan(settings.retry().after());
			}
			return mine;
		});
		if (!Boolean.TRUE.equals(done)) {
			LOG.debug("Another instance is resubmitting incomplete event publications");
		}
		return Boolean.TRUE.equals(done);
	}

}
