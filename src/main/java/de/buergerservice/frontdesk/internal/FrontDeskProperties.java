package de.buergerservice.frontdesk.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import de.buergerservice.locations.LocationId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the front desk ({@code buergerservice.frontdesk.*}).
 *
 * @param earlyCall how long before their time booked citizens may be called
 * @param noShowAfterCalls after how many calls a citizen who does not come counts as
 * no-show
 * @param walkInQuota walk-in tickets per location and day
 * @param walkInQuotas the quota of single locations, by location id, where it differs
 * @param walkInUntil until when walk-in tickets are issued
 * @param handlingTime the handling time assumed until there are figures of the day
 * @param displayCalls how many calls the display shows
 */
@ConfigurationProperties("buergerservice.frontdesk")
public record FrontDeskProperties(@DefaultValue("5m") Duration earlyCall, @DefaultValue("3") int noShowAfterCalls,
		@DefaultValue("40") int walkInQuota, @DefaultValue Map<String, Integer> walkInQuotas,
		@DefaultValue("11:00") LocalTime walkInUntil, @DefaultValue("10m") Duration handlingTime,
		@DefaultValue("8") int displayCalls) {

	/** The daily walk-in quota of a location. */
	public int walkInQuotaAt(LocationId location) {
		return walkInQuotas.getOrDefault(location.value(), walkInQuota);
	}

}
