package de.buergerservice.booking.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import de.buergerservice.booking.Pool;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which pools serve a visit and which locations offer it (alone and together) are worked
 * out once (they are asked for every location and day of every availability question) and
 * again after a reload.
 */
@IntegrationTest
class PoolDirectoryIntegrationTest {

	@Autowired
	PoolDirectory pools;

	@Autowired
	Locations locations;

	@Test
	void remembersCandidatesAndOfferingUntilReloaded() {
		Location location = locations.all().getFirst();
		ProcedureId procedure = locations.proceduresAt(location.id()).iterator().next();

		List<Pool> candidates = pools.candidates(location.id(), List.of(procedure));
		List<Location> offering = pools.offering(List.of(procedure));
		Map<LocationId, List<Pool>> serving = pools.serving(List.of(procedure));

		assertThat(candidates).isNotEmpty().allMatch(pool -> pool.serves(Set.of(procedure)));
		assertThat(offering).contains(location);
		assertThat(serving.keySet()).containsExactlyElementsOf(offering.stream().map(Location::id).toList());
		assertThat(serving.get(location.id())).isEqualTo(candidates);
		assertThat(pools.serving(Set.of(procedure))).isSameAs(serving);
		assertThat(pools.candidates(location.id(), Set.of(procedure))).isSameAs(candidates);
		assertThat(pools.offering(Set.of(procedure))).isSameAs(offering);

		pools.reload();

		assertThat(pools.candidates(location.id(), List.of(procedure))).isNotSameAs(candidates).isEqualTo(candidates);
		assertThat(pools.offering(List.of(procedure))).isNotSameAs(offering).isEqualTo(offering);
		assertThat(pools.serving(List.of(procedure))).isNotSameAs(serving).isEqualTo(serving);
	}

}
