package de.buergerservice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city as loaded into PostgreSQL: complete, consistent and loaded once.
 */
@IntegrationTest
class DemoCityIntegrationTest {

	/** The keys {@code leipzig-facts.md} verifies; every other procedure has none. */
	private static final Map<String, String> VERIFIED_LEIKA_KEYS = Map.of("wohnsitz-anmelden", "99115005104000",
			"hauptwohnung-festlegen", "99115005104001", "meldebescheinigung", "99115003012000",
			"personalausweis-adresse-aendern", "99008001011001", "eid-adresse-aendern", "99008004011002",
			"eid-karte-adresse-aendern", "99008005011001", "reisepass-wohnort-aendern", "99085001011001",
			"personalausweis-ausland-beantragen", "99008001012011");

	@Autowired
	Catalog catalog;

	@Autowired
	Locations locations;

	@Autowired
	ApplicationContext context;

	@Test
	void hasAtLeastSixtyProceduresOfTheCitizensOffices() {
		assertThat(catalog.procedures()).hasSizeGreaterThanOrEqualTo(60);
		assertThat(catalog.procedures()).extracting(Procedure::departmentId)
			.contains("meldeservice", "standesamt", "kfz-zulassung", "buergerbueros");
		catalog.procedures().forEach(procedure -> {
			assertThat(locations.department(procedure.departmentId())).as(procedure.id().value()).isPresent();
			assertThat(procedure.name().en()).as(procedure.id().value()).isNotEqualTo(procedure.name().de());
			assertThat(procedure.fees()).as(procedure.id().value()).isNotEmpty();
		});
	}

	@Test
	void carriesOnlyVerifiedLeikaKeys() {
		Map<String, String> keys = catalog.procedures()
			.stream()
			.filter(procedure -> procedure.leikaKey() != null)
			.collect(Collectors.toMap(procedure -> procedure.id().value(), procedure -> procedure.leikaKey().value()));

		assertThat(keys).isEqualTo(VERIFIED_LEIKA_KEYS);
	}

	@Test
	void hasTheLifeEventsCitizensGoThrough() {
		assertThat(catalog.lifeEvents()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(catalog.lifeEvents()).extracting(event -> event.id().value())
			.contains("umzug-nach-leipzig", "umzug-innerhalb", "wegzug-ausland", "geburt", "heirat", "ausweis-verloren",
					"auto-kaufen", "todesfall", "16-geburtstag");
		for (LifeEvent event : catalog.lifeEvents()) {
			event.procedures()
				.forEach(procedure -> assertThat(catalog.procedure(procedure)).as(event.id() + " → " + procedure)
					.isPresent());
		}
	}

	@Test
	void hasTheCitysOfficesAndTheMobileKit() {
		Map<LocationKind, Long> kinds = locations.all()
			.stream()
			.collect(Collectors.groupingBy(Location::kind, Collectors.counting()));

		assertThat(kinds).containsEntry(LocationKind.CITIZENS_OFFICE, 12L)
			.containsEntry(LocationKind.BRANCH_OFFICE, 3L)
			.containsEntry(LocationKind.REGISTRY_OFFICE, 1L)
			.containsEntry(LocationKind.VEHICLE_REGISTRATION, 1L)
			.containsEntry(LocationKind.MOBILE_KIT, 1L);
		assertThat(locations.all()).allSatisfy(location -> assertThat(location.illustrative()).isTrue());
	}

	@Test
	void offersEveryBookableProcedureSomewhereAndOnlyKnownOnes() {
		Set<ProcedureId> known = catalog.procedures().stream().map(Procedure::id).collect(Collectors.toSet());
		for (Location location : locations.all()) {
			assertThat(known).as(location.id().value()).containsAll(locations.proceduresAt(location.id()));
		}
		catalog.procedures()
			.stream()
			.filter(Procedure::bookable)
			.forEach(procedure -> assertThat(locations.offering(Set.of(procedure.id()))).as(procedure.id().value())
				.isNotEmpty());
	}

	@Test
	void letsAMoverDoAddressAndVehiclePapersInOneVisitSomewhere() {
		var bundle = Set.of(ProcedureId.of("wohnsitz-ummelden"), ProcedureId.of("fahrzeug-adresse-aendern"));

		assertThat(locations.all()).anySatisfy(location -> assertThat(locations.counters(location.id()))
			.anySatisfy(counter -> assertThat(counter.canServeAll(bundle)).isTrue()));
	}

	@Test
	void sendsTheMobileKitToPlagwitzAndReudnitzOnAlternatingWednesdays() {
		LocationId kit = locations.all().stream().filter(Location::mobile).findFirst().orElseThrow().id();
		LocalDate wednesday = LocalDate.of(2026, 11, 25);

		var places = locations.schedule(kit, wednesday, wednesday.plusWeeks(3))
			.stream()
			.filter(day -> day.date().getDayOfWeek() == DayOfWeek.WEDNESDAY)
			.map(day -> ((DaySchedule.Open) day).place().id())
			.toList();

		assertThat(places).containsExactly("bibliothek-plagwitz", "bibliothek-reudnitz", "bibliothek-plagwitz",
				"bibliothek-reudnitz");
		assertThat(locations.proceduresAt(kit))
			.contains(ProcedureId.of("wohnsitz-anmelden"), ProcedureId.of("personalausweis-beantragen"))
			.doesNotContain(ProcedureId.of("fahrzeug-zulassen"), ProcedureId.of("eheschliessung-anmelden"));
	}

	@Test
	void closesEveryOfficeOnBussUndBettag() {
		LocalDate repentance = LocalDate.of(2026, 11, 18);
		var openOnWednesdays = locations.all()
			.stream()
			.filter(location -> !location.weeklyHours().on(DayOfWeek.WEDNESDAY).isEmpty())
			.toList();

		assertThat(openOnWednesdays).isNotEmpty();
		openOnWednesdays.forEach(location -> assertThat(locations.schedule(location.id(), repentance, repentance))
			.as(location.id().value())
			.singleElement()
			.isInstanceOfSatisfying(DaySchedule.Closed.class,
					closed -> assertThat(closed.reason()).isEqualTo(DaySchedule.Reason.PUBLIC_HOLIDAY)));
	}

	@Test
	void loadsTheDemoCityOnlyOnce() throws Exception {
		int procedures = catalog.procedures().size();
		int places = locations.all().size();

		for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
			runner.run(new DefaultApplicationArguments());
		}

		assertThat(catalog.procedures()).hasSize(procedures);
		assertThat(locations.all()).hasSize(places);
	}

}
