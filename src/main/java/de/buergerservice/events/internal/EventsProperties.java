package de.buergerservice.events.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of event registration ({@code buergerservice.events.*}); see the README.
 *
 * @param hold how long an unconfirmed registration holds its seat
 * @param offerHold how long a seat that moved up from the waiting list is held for the
 * citizen to confirm (never past the session's start)
 * @param reminderBefore how long before the session the reminder goes out
 */
@ConfigurationProperties("buergerservice.events")
public record EventsProperties(@DefaultValue("30m") Duration hold, @DefaultValue("24h") Duration offerHold,
		@DefaultValue("24h") Duration reminderBefore) {

}
