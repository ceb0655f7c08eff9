package de.buergerservice.locations;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Regular opening hours per weekday; a day without intervals is closed.
 */
public record WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {

	public WeeklyHours {
		EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
		days.forEach((day, ranges) -> {
			List<TimeRange> sorted = ranges.stream().sorted().toList();
			for (int i = 1; i < sorted.size(); i++) {
				if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
					throw new IllegalArgumentException("Overlapping hours on " + day + ": " + sorted);
				}
			}
			if (!sorted.isEmpty()) {
				copy.put(day, sorted);
			}
		});
		days = java.util.Collections.unmodifiableMap(copy);
	}

	public static WeeklyHours none() {
		return new WeeklyHours(Map.of());
	}

	public List<TimeRange> on(DayOfWeek day) {
		return days.getOrDefault(day, List.of());
	}

	public boolean isEmpty() {
		return days.isEmpty();
	}

}
