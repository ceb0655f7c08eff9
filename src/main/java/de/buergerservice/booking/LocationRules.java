package de.buergerservice.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * How one location offers its capacity: how far ahead and when new days are released, how
 * late a citizen may still book, and how capacity is split between the channels (e.g. 70
 * % online, 20 % phone, 10 % walk-ins).
 */
public record LocationRules(LocationId location, int horizonDays, ReleaseMode releaseMode, List<LocalTime> releaseTimes,
		@Nullable LocalTime sameDayCutoff, int minLeadMinutes, Map<Channel, Integer> percent) {

	public LocationRules {
		if (horizonDays < 1 || horizonDays > 366) {
			throw new IllegalArgumentException("The horizon is 1 to 366 days");
		}
		releaseTimes = releaseTimes.stream().sorted().distinct().toList();
		if (releaseMode == ReleaseMode.SCHEDULED && releaseTimes.isEmpty()) {
			throw new IllegalArgumentException("Scheduled release needs release times");
		}
		if (minLeadMinutes < 0) {
			throw new IllegalArgumentException("The lead time cannot be negative");
		}
		EnumMap<Channel, Integer> shares = new EnumMap<>(Channel.class);
		for (Channel channel : Channel.values()) {
			int share = percent.getOrDefault(channel, 0);
			if (share < 0 || share > 100) {
				throw new IllegalArgumentException("A channel's share is 0 to 100 %");
			}
			shares.put(channel, share);
		}
		if (shares.values().stream().mapToInt(Integer::intValue).sum() != 100) {
			throw new IllegalArgumentException("The channels' shares add up to 100 %");
		}
		percent = java.util.Collections.unmodifiableMap(shares);
	}

	/**
	 * How much of a day's capacity is released at a moment: 1 for the days up to the
	 * horizon, for the newest day under {@link ReleaseMode#SCHEDULED} the share of
	 * today's release times that have passed, 0 beyond; 0 for days past.
	 */
	public double releasedFraction(LocalDate day, ZonedDateTime now) {
		LocalDate today = now.toLocalDate();
		LocalDate newest = today.plusDays(horizonDays);
		if (day.isBefore(today) || day.isAfter(newest)) {
			return 0;
		}
		if (releaseMode == ReleaseMode.ROLLING || day.isBefore(newest)) {
			return 1;
		}
		long passed = releaseTimes.stream().filter(time -> !now.toLocalTime().isBefore(time)).count();
		return (double) passed / releaseTimes.size();
	}

	/** The last day that has anything released at the moment. */
	public LocalDate releasedThrough(ZonedDateTime now) {
		LocalDate newest = now.toLocalDate().plusDays(horizonDays);
		return releasedFraction(newest, now) > 0 ? newest : newest.minusDays(1);
	}

	/**
	 * Whether a citizen may still book online for a start at the moment: not in the past,
	 * not within the lead time, and not for today after the same-day cut-off.
	 */
	public boolean allowsOnline(Instant start, ZonedDateTime now) {
		Instant first = firstOnlineStart(start.atZone(now.getZone()).toLocalDate(), now);
		return first != null && !start.isBefore(first);
	}

	/**
	 * The earliest start on a date that a citizen may still book online at the moment
	 * (the end of the lead time), or {@code null} if none that day (today after the
	 * same-day cut-off): one answer for all of a day's start times.
	 */
	public @Nullable Instant firstOnlineStart(LocalDate date, ZonedDateTime now) {
		boolean today = date.equals(now.toLocalDate());
		if (today && sameDayCutoff != null && !now.toLocalTime().isBefore(sameDayCutoff)) {
			return null;
		}
		return now.toInstant().plus(Duration.ofMinutes(minLeadMinutes));
	}

	public int percent(Channel channel) {
		return percent.get(channel);
	}

}
