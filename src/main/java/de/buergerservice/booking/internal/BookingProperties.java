package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import de.buergerservice.booking.ReleaseMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online booking ({@code buergerservice.booking.*}); see the README.
 *
 * @param emailConfirmation whether citizens confirm by e-mail ({@code required}) or a
 * booking is confirmed at once ({@code off})
 * @param hold how long capacity is held for a citizen to confirm
 * @param reminderBefore how long before the appointment the reminder goes out
 * @param maxActivePerEmail how many upcoming appointments one e-mail address may hold
 * @param defaults the rules of every location without rules of its own
 * @param limits rate limits, shared by all instances
 * @param challenge the proof-of-work challenge
 * @param waitingList the waiting list
 * @param availability the in-memory availability index
 */
@ConfigurationProperties("buergerservice.booking")
public record BookingProperties(@DefaultValue("required") EmailConfirmation emailConfirmation,
		@DefaultValue("30m") Duration hold, @DefaultValue("24h") Duration reminderBefore,
		@DefaultValue("3") int maxActivePerEmail, @DefaultValue Rules defaults, @DefaultValue Limits limits,
		@DefaultValue Challenge challenge, @DefaultValue WaitingListSettings waitingList,
		@DefaultValue AvailabilitySettings availability) {

	/** Whether citizens confirm by e-mail. */
	public enum EmailConfirmation {

		REQUIRED, OFF

	}

	/**
	 * Release, lead time and channel split.
	 *
	 * @param horizonDays how many days ahead appointments are released
	 * @param releaseTimes at which times the newest day is released, in steps
	 * @param sameDayCutoff no online booking for today from this time on
	 * @param minLead how long before its start a time can still be booked online
	 */
	public record Rules(@DefaultValue("42") int horizonDays, @DefaultValue("SCHEDULED") ReleaseMode releaseMode,
			@DefaultValue( {
					"10:00", "17:00" }) List<LocalTime> releaseTimes,
			@Nullable LocalTime sameDayCutoff, @DefaultValue("60m") Duration minLead,
			@DefaultValue("70") int onlinePercent, @DefaultValue("20") int phonePercent,
			@DefaultValue("10") int counterPercent){
	}

	/**
	 * @param perClient booking and waiting-list requests per client address and window
	 * @param perEmail booking and waiting-list requests per e-mail address and window
	 * @param window the window of both
	 */
	public record Limits(@DefaultValue("20") int perClient, @DefaultValue("6") int perEmail,
			@DefaultValue("1h") Duration window) {
	}

	/**
	 * @param enabled whether bookings need a solved challenge
	 * @param maxNumber the challenge's difficulty: the solver tries up to this many
	 * numbers
	 * @param validity how long a challenge may be used
	 * @param noScriptWait without JavaScript, how long the booking form must have been
	 * open
	 */
	public record Challenge(@DefaultValue("true") boolean enabled, @DefaultValue("50000") long maxNumber,
			@DefaultValue("10m") Duration validity, @DefaultValue("8s") Duration noScriptWait) {
	}

	/**
	 * @param offerHold how long an offer to a waiting citizen holds the capacity
	 */
	public record WaitingListSettings(@DefaultValue("2h") Duration offerHold,
			@DefaultValue("5") int maxEntriesPerEmail) {
	}

	/**
	 * @param maxAge after how long a day in memory is read again from the database (in
	 * the background, while it is served as it is): a safety net in case a change
	 * notification was lost (a broken listening connection drops everything at once). At
	 * Berlin scale that is 4,050 days per round, which took a share of two cores large
	 * enough to show in the benchmark's p99 at 5 minutes
	 */
	public record AvailabilitySettings(@DefaultValue("15m") Duration maxAge) {
	}

}
