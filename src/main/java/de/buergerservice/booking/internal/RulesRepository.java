package de.buergerservice.booking.internal;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import de.buergerservice.booking.Channel;
import de.buergerservice.booking.LocationRules;
import de.buergerservice.booking.ReleaseMode;
import de.buergerservice.locations.LocationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rules of each location: its own row in {@code booking.location_rules}, or the
 * configured defaults.
 */
@Repository
public class RulesRepository {

	private final JdbcClient jdbc;

	private final BookingProperties.Rules defaults;

	private final Map<LocationId, LocationRules> cache = new ConcurrentHashMap<>();

	RulesRepository(JdbcClient jdbc, BookingProperties properties) {
		this.jdbc = jdbc;
		this.defaults = properties.defaults();
	}

	public LocationRules rules(LocationId location) {
		return cache.computeIfAbsent(location, id -> own(id).orElseGet(() -> defaults(id)));
	}

	/** Stores a location's own rules. */
	public void save(LocationRules rules) {
		jdbc.sql(
				"""
						INSERT INTO booking.location_rules (location_id, horizon_days, release_mode, release_times, same_day_cutoff,
						  min_lead_minutes, online_percent, phone_percent, counter_percent)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (location_id) DO UPDATE SET horizon_days = EXCLUDED.horizon_days,
						  release_mode = EXCLUDED.release_mode, release_times = EXCLUDED.release_times,
						  same_day_cutoff = EXCLUDED.same_day_cutoff, min_lead_minutes = EXCLUDED.min_lead_minutes,
						  online_percent = EXCLUDED.online_percent, phone_percent = EXCLUDED.phone_percent,
						  counter_percent = EXCLUDED.counter_percent""")
			.params(rules.location().value(), rules.horizonDays(), rules.releaseMode().name(),
					String.join(",", rules.releaseTimes().stream().map(LocalTime::toString).toList()),
					rules.sameDayCutoff(), rules.minLeadMinutes(), rules.percent(Channel.ONLINE),
					rules.percent(Channel.PHONE), rules.percent(Channel.COUNTER))
			.update();
		cache.remove(rules.location());
	}

	private Optional<LocationRules> own(LocationId location) {
		return jdbc.sql("SELECT * FROM booking.location_rules WHERE location_id = ?")
			.param(location.value())
			.query((rs, row) -> {
				String times = rs.getString("release_times");
				return new LocationRules(location, rs.getInt("horizon_days"),
						ReleaseMode.valueOf(rs.getString("release_mode")),
						times.isBlank() ? java.util.List.of()
								: Arrays.stream(times.split(",")).map(String::strip).map(LocalTime::parse).toList(),
						rs.getObject("same_day_cutoff", LocalTime.class), rs.getInt("min_lead_minutes"),
						shares(rs.getInt("online_percent"), rs.getInt("phone_percent"), rs.getInt("counter_percent")));
			})
			.optional();
	}

	private LocationRules defaults(LocationId location) {
		return new LocationRules(location, defaults.horizonDays(), defaults.releaseMode(), defaults.releaseTimes(),
				defaults.sameDayCutoff(), (int) defaults.minLead().toMinutes(),
				shares(defaults.onlinePercent(), defaults.phonePercent(), defaults.counterPercent()));
	}

	private static Map<Channel, Integer> shares(int online, int phone, int counter) {
		Map<Channel, Integer> shares = new EnumMap<>(Channel.class);
		shares.put(Channel.ONLINE, online);
		shares.put(Channel.PHONE, phone);
		shares.put(Channel.COUNTER, counter);
		return shares;
	}

}
