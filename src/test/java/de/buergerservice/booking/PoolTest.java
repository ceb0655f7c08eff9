package de.buergerservice.booking;

import java.util.List;
import java.util.Set;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoolTest {

	private static final LocationId OFFICE = LocationId.of("buergerbuero-test");

	private static final ProcedureId ID_CARD = ProcedureId.of("personalausweis-beantragen");

	private static final ProcedureId ADDRESS = ProcedureId.of("wohnsitz-ummelden");

	private static final ProcedureId VEHICLE = ProcedureId.of("fahrzeug-adresse-aendern");

	private final Pool allRound = Pool.of(OFFICE, Set.of(ID_CARD, ADDRESS), 6);

	private final Pool vehicles = Pool.of(OFFICE, Set.of(ID_CARD, ADDRESS, VEHICLE), 2);

	@Test
	void offersAVisitOnlyToPoolsWhoseSkillsCoverAllItsProcedures() {
		assertThat(Pool.candidates(List.of(allRound, vehicles), List.of(ADDRESS, VEHICLE))).containsExactly(vehicles);
		assertThat(Pool.candidates(List.of(allRound, vehicles), List.of(ProcedureId.of("eheurkunde")))).isEmpty();
	}

	@Test
	void triesTheMostSpecificPoolFirstToKeepAllRoundersFree() {
		assertThat(Pool.candidates(List.of(vehicles, allRound), List.of(ADDRESS))).containsExactly(allRound, vehicles);
	}

	@Test
	void derivesAStableIdFromLocationAndSkills() {
		Pool again = Pool.of(OFFICE, List.of(ADDRESS, ID_CARD), 3);

		assertThat(again.id()).isEqualTo(allRound.id());
		assertThat(vehicles.id()).isNotEqualTo(allRound.id());
		assertThat(allRound.id().value()).startsWith("buergerbuero-test/");
	}

}
