package de.buergerservice.platform.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes completed event publications once they are older than
 * {@code buergerservice.outbox.keep-completed} (default a week). Spring Modulith keeps
 * them for good otherwise: two rows per booking, each with the citizen's name and
 * address, a table that would grow without end and slow every check for what is still
 * outstanding. Incomplete publications are never touched (they are retried).
 * <p>
 * Every instance runs it; a delete that another instance ran first finds nothing.
 */
@Component
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxCleanup {

	private static final Logger LOG = LoggerFactory.getLogger(OutboxCleanup.class);

	private final CompletedEventPublications completed;

	private final OutboxProperties properties;

	OutboxCleanup(CompletedEventPublications completed, OutboxProperties properties) {
		this.completed = completed;
		this.properties = properties;
	}

	/** Deletes the completed publications past the age to keep them. */
	@Scheduled(initialDelayString = "${buergerservice.outbox.cleanup-interval:1h}",
			fixedDelayString = "${buergerservice.outbox.cleanup-interval:1h}")
	public void deleteOldCompleted() {
		completed.deletePublicationsOlderThan(properties.keepCompleted());
		LOG.debug("Deleted the event publications completed more than {} ago", properties.keepCompleted());
	}

}
