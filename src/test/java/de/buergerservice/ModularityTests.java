package de.buergerservice;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no module reaches into another's internals, no cycles.
 * Writes the module documentation (diagrams, canvases) to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(BuergerserviceApplication.class);

	@Test
	void verifiesModuleBoundaries() {
		modules.verify();
	}

	/**
	 * Writes the diagrams and canvases, but not {@code writeDocumentation()}: that also
	 * writes {@code application-modules.json} into {@code target/classes}, which the
	 * running application then prefers to its own scan, and which goes stale in
	 * incremental builds.
	 */
	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
