package de.buergerservice.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the event publication outbox keeps what it delivered.
 *
 * @param keepCompleted how long a completed publication stays (for a look at what
 * happened after an incident); it holds the event, personal data included
 * @param cleanupInterval how often completed publications past that age are deleted
 */
@ConfigurationProperties("buergerservice.outbox")
record OutboxProperties(@DefaultValue("7d") Duration keepCompleted, @DefaultValue("1h") Duration cleanupInterval) {

}
