package de.buergerservice.locations;

import java.time.LocalDate;
import java.util.List;

import de.buergerservice.shared.ProcedureId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locations module alone, on PostgreSQL: its migrations, its demo seed and its
 * facade, with no other module started.
 */
@ApplicationModuleTest
class LocationsModuleIntegrationTest {

	@Autowired
	Locations locations;

	@Test
	void storesAndReadsBackTheDemoCitysLocations() {
		Location office = locations.find(LocationId.of("buergerbuero-otto-schill-strasse")).orElseThrow();

		assertThat(office.kind()).isEqualTo(LocationKind.CITIZENS_OFFICE);
		assertThat(office.weeklyHours().isEmpty()).isFalse();
		assertThat(office.closures()).isNotEmpty();
		assertThat(locations.counters(office.id())).isNotEmpty()
			.allSatisfy(counter -> assertThat(counter.location()).isEqualTo(office.id()));
		assertThat(locations.departments()).extracting(Department::id)
			.containsExactly("meldeservice", "standesamt", "kfz-zulassung", "fahrerlaubnis", "buergerbueros");
	}

	@Test
	void findsTheLocationsOfferingAllOfSeveralProcedures() {
		List<Location> both = locations
			.offering(List.of(ProcedureId.of("wohnsitz-ummelden"), ProcedureId.of("fahrzeug-adresse-aendern")));
		List<Location> registration = locations.offering(List.of(ProcedureId.of("wohnsitz-ummelden")));

		assertThat(both).isNotEmpty().allSatisfy(location -> assertThat(registration).contains(location));
		assertThat(registration.size()).isGreaterThan(both.size());
	}

	@Test
	void computesSchedulesWithSaxonysHolidays() {
		LocalDate christmas = LocalDate.of(2026, 12, 25);

		assertThat(locations.holidays(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).extracting(Holiday::date)
			.containsExactly(LocalDate.of(2026, 11, 18));
		assertThat(locations.schedule(LocationId.of("standesamt"), christmas, christmas).getFirst())
			.isInstanceOf(DaySchedule.Closed.class);
	}

}
