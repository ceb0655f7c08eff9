package de.buergerservice.locations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.buergerservice.locations.Accessibility;
import de.buergerservice.locations.Address;
import de.buergerservice.locations.Closure;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.CounterId;
import de.buergerservice.locations.Department;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.MobileKit;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.locations.TourPlace;
import de.buergerservice.locations.TourVisit;
import de.buergerservice.locations.WeeklyHours;
import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole locations schema into a {@link LocationDirectory}.
 */
@Repository
class LocationRepository {

	private final JdbcClient jdbc;

	LocationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	LocationDirectory load() {
		List<Department> departments = jdbc.sql(
				"SELECT id, name_de, name_en, description_de, description_en FROM locations.department ORDER BY position")
			.query((rs, row) -> new Department(rs.getString("id"), text(rs, "name"), text(rs, "description")))
			.list();

		Map<String, List<String>> departmentsOf = new HashMap<>();
		jdbc.sql("SELECT location_id, department_id FROM locations.location_department ORDER BY department_id")
			.query(rs -> {
				departmentsOf.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
			});

		Map<String, Map<DayOfWeek, List<TimeRange>>> hoursOf = new HashMap<>();
		jdbc.sql("SELECT location_id, weekday, opens, closes FROM locations.opening_hours ORDER BY opens").query(rs -> {
			hoursOf.computeIfAbsent(rs.getString(1), key -> new EnumMap<>(DayOfWeek.class))
				.computeIfAbsent(DayOfWeek.of(rs.getInt(2)), key -> new ArrayList<>())
				.add(new TimeRange(rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)));
		});

		Map<String, List<Closure>> closuresOf = new HashMap<>();
		jdbc.sql(
				"SELECT location_id, first_day, last_day, reason_de, reason_en FROM locations.closure ORDER BY first_day")
			.query(rs -> {
				closuresOf.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
					.add(new Closure(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
							text(rs, "reason")));
			});

		Map<String, List<LocalizedText>> equipmentOf = new HashMap<>();
		jdbc.sql("SELECT location_id, item_de, item_en FROM locations.mobile_kit_equipment ORDER BY position")
			.query(rs -> {
				equipmentOf.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(text(rs, "item"));
			});

		Map<String, List<TourVisit>> visitsOf = new HashMap<>();
		jdbc.sql(
				"SELECT place_id, first_day, last_day, every_weeks, opens, closes FROM locations.tour_visit ORDER BY id")
			.query(rs -> {
				visitsOf.computeIfAbsent(rs.getString(1), key -> new ArrayList<>())
					.add(new TourVisit(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getInt(4),
							new TimeRange(rs.getObject(5, LocalTime.class), rs.getObject(6, LocalTime.class))));
			});

		Map<String, List<TourPlace>> placesOf = new HashMap<>();
		jdbc.sql("SELECT * FROM locations.tour_place ORDER BY position").query(rs -> {
			placesOf.computeIfAbsent(rs.getString("location_id"), key -> new ArrayList<>())
				.add(new TourPlace(rs.getString("id"), text(rs, "name"), address(rs), accessibility(rs),
						visitsOf.getOrDefault(rs.getString("id"), List.of())));
		});

		List<Location> locations = jdbc.sql("SELECT * FROM locations.location ORDER BY position").query((rs, row) -> {
			String id = rs.getString("id");
			LocationKind kind = LocationKind.valueOf(rs.getString("kind"));
			MobileKit kit = kind == LocationKind.MOBILE_KIT
					? new MobileKit(equipmentOf.getOrDefault(id, List.of()), placesOf.getOrDefault(id, List.of()))
					: null;
			return new Location(LocationId.of(id), kind, text(rs, "name"), departmentsOf.getOrDefault(id, List.of()),
					address(rs), rs.getString("phone"), rs.getString("email"), optionalText(rs, "notes"),
					accessibility(rs), rs.getInt("grid_minutes"), new WeeklyHours(hoursOf.getOrDefault(id, Map.of())),
					closuresOf.getOrDefault(id, List.of()), rs.getBoolean("illustrative"), kit);
		}).list();

		Map<String, Set<ProcedureId>> skillsOf = new HashMap<>();
		jdbc.sql("SELECT counter_id, procedure_id FROM locations.counter_skill").query(rs -> {
			skillsOf.computeIfAbsent(rs.getString(1), key -> new LinkedHashSet<>())
				.add(ProcedureId.of(rs.getString(2)));
		});
		Map<String, Counter> counters = new LinkedHashMap<>();
		jdbc.sql("SELECT id, location_id, name FROM locations.counter ORDER BY location_id, position").query(rs -> {
			String id = rs.getString(1);
			counters.put(id, new Counter(new CounterId(id), LocationId.of(rs.getString(2)), rs.getString(3),
					skillsOf.getOrDefault(id, Set.of())));
		});
		return new LocationDirectory(departments, locations, List.copyOf(counters.values()));
	}

	/** Stores departments, locations (with hours, closures and tour) and counters. */
	@Transactional
	void insertAll(List<Department> departments, List<Location> locations, List<Counter> counters) {
		int position = 0;
		for (Department department : departments) {
			jdbc.sql("""
					INSERT INTO locations.department (id, name_de, name_en, description_de, description_en, position)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(department.id(), department.name().de(), department.name().en(), department.description().de(),
						department.description().en(), position++)
				.update();
		}
		position = 0;
		for (Location location : locations) {
			insert(location, position++);
		}
		position = 0;
		for (Counter counter : counters) {
			jdbc.sql("INSERT INTO locations.counter (id, location_id, name, position) VALUES (?, ?, ?, ?)")
				.params(counter.id().value(), counter.location().value(), counter.name(), position++)
				.update();
			for (ProcedureId skill : counter.skills()) {
				jdbc.sql("INSERT INTO locations.counter_skill (counter_id, procedure_id) VALUES (?, ?)")
					.params(counter.id().value(), skill.value())
					.update();
			}
		}
	}

	private void insert(Location location, int position) {
		Address address = location.address();
		Accessibility access = location.accessibility();
		LocalizedText notes = location.notes();
		LocalizedText accessNotes = access.notes();
		jdbc.sql("""
				INSERT INTO locations.location (id, kind, name_de, name_en, street, postal_code, city, district, phone,
				  email, notes_de, notes_en, step_free, accessible_toilet, hearing_loop, disabled_parking,
				  accessibility_de, accessibility_en, grid_minutes, illustrative, position)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(location.id().value(), location.kind().name(), location.name().de(), location.name().en(),
					address.street(), address.postalCode(), address.city(), address.district(), location.phone(),
					location.email(), notes == null ? null : notes.de(), notes == null ? null : notes.en(),
					access.stepFree(), access.accessibleToilet(), access.hearingLoop(), access.disabledParking(),
					accessNotes == null ? null : accessNotes.de(), accessNotes == null ? null : accessNotes.en(),
					location.gridMinutes(), location.illustrative(), position)
			.update();
		for (String department : location.departmentIds()) {
			jdbc.sql("INSERT INTO locations.location_department (location_id, department_id) VALUES (?, ?)")
				.params(location.id().value(), department)
				.update();
		}
		location.weeklyHours()
			.days()
			.forEach((day, ranges) -> ranges.forEach(range -> jdbc
				.sql("INSERT INTO locations.opening_hours (location_id, weekday, opens, closes) VALUES (?, ?, ?, ?)")
				.params(location.id().value(), day.getValue(), range.opens(), range.closes())
				.update()));
		for (Closure closure : location.closures()) {
			jdbc.sql("""
					INSERT INTO locations.closure (location_id, first_day, last_day, reason_de, reason_en)
					VALUES (?, ?, ?, ?, ?)""")
				.params(location.id().value(), closure.firstDay(), closure.lastDay(), closure.reason().de(),
						closure.reason().en())
				.update();
		}
		MobileKit kit = location.kit();
		if (kit != null) {
			insertTour(location.id(), kit);
		}
	}

	private void insertTour(LocationId location, MobileKit kit) {
		int position = 0;
		for (LocalizedText item : kit.equipment()) {
			jdbc.sql(
					"INSERT INTO locations.mobile_kit_equipment (location_id, position, item_de, item_en) VALUES (?, ?, ?, ?)")
				.params(location.value(), position++, item.de(), item.en())
				.update();
		}
		position = 0;
		for (TourPlace place : kit.places()) {
			Address address = place.address();
			Accessibility access = place.accessibility();
			LocalizedText accessNotes = access.notes();
			jdbc.sql("""
					INSERT INTO locations.tour_place (id, location_id, name_de, name_en, street, postal_code, city,
					  district, step_free, accessible_toilet, hearing_loop, disabled_parking, accessibility_de,
					  accessibility_en, position)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(place.id(), location.value(), place.name().de(), place.name().en(), address.street(),
						address.postalCode(), address.city(), address.district(), access.stepFree(),
						access.accessibleToilet(), access.hearingLoop(), access.disabledParking(),
						accessNotes == null ? null : accessNotes.de(), accessNotes == null ? null : accessNotes.en(),
						position++)
				.update();
			for (TourVisit visit : place.visits()) {
				jdbc.sql("""
						INSERT INTO locations.tour_visit (place_id, first_day, last_day, every_weeks, opens, closes)
						VALUES (?, ?, ?, ?, ?, ?)""")
					.params(place.id(), visit.firstDay(), visit.lastDay(), visit.everyWeeks(), visit.hours().opens(),
							visit.hours().closes())
					.update();
			}
		}
	}

	boolean isEmpty() {
		return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM locations.location)").query(Boolean.class).single();
	}

	private static LocalizedText text(ResultSet rs, String column) throws SQLException {
		return LocalizedText.of(rs.getString(column + "_de"), rs.getString(column + "_en"));
	}

	private static @Nullable LocalizedText optionalText(ResultSet rs, String column) throws SQLException {
		String german = rs.getString(column + "_de");
		return german == null || german.isBlank() ? null : text(rs, column);
	}

	private static Address address(ResultSet rs) throws SQLException {
		return new Address(rs.getString("street"), rs.getString("postal_code"), rs.getString("city"),
				rs.getString("district"));
	}

	private static Accessibility accessibility(ResultSet rs) throws SQLException {
		return new Accessibility(rs.getBoolean("step_free"), rs.getBoolean("accessible_toilet"),
				rs.getBoolean("hearing_loop"), rs.getBoolean("disabled_parking"), optionalText(rs, "accessibility"));
	}

}
