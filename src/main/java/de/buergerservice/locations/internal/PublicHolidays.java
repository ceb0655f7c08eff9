package de.buergerservice.locations.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.locations.Holiday;
import de.buergerservice.shared.City;
import de.buergerservice.shared.LocalizedText;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import org.springframework.stereotype.Component;

/**
 * The public holidays of the city's state, computed by jollyday (e.g. Buß- und Bettag in
 * Saxony, the Wednesday before 23 November), with their German and English names.
 */
@Component
class PublicHolidays {

	private final HolidayManager manager;

	private final String region;

	private final Map<Year, Map<LocalDate, Holiday>> byYear = new ConcurrentHashMap<>();

	PublicHolidays(City city) {
		this.manager = HolidayManager.getInstance(ManagerParameters.create(city.holidayCountry()));
		this.region = city.holidayRegion();
	}

	Optional<Holiday> on(LocalDate date) {
		return Optional.ofNullable(of(Year.from(date)).get(date));
	}

	List<Holiday> between(LocalDate from, LocalDate to) {
		return from.datesUntil(to.plusDays(1))
			.map(this::on)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Holiday::date))
			.toList();
	}

	private Map<LocalDate, Holiday> of(Year year) {
		return byYear.computeIfAbsent(year, key -> manager.getHolidays(key, HolidayType.PUBLIC_HOLIDAY, region)
			.stream()
			.map(holiday -> new Holiday(holiday.getDate(),
					LocalizedText.of(holiday.getDescription(Locale.GERMAN), holiday.getDescription(Locale.ENGLISH))))
			.collect(Collectors.toUnmodifiableMap(Holiday::date, Function.identity(), (a, b) -> a)));
	}

}
