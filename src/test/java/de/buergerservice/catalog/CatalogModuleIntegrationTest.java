package de.buergerservice.catalog;

import de.buergerservice.shared.ProcedureId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue module with the module it depends on (locations), on PostgreSQL:
 * migrations, demo seed, snapshot and search through the facade.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class CatalogModuleIntegrationTest {

	@Autowired
	Catalog catalog;

	@Test
	void storesAndReadsBackProceduresWithDocumentsAndFees() {
		Procedure passport = catalog.procedure(ProcedureId.of("reisepass-beantragen")).orElseThrow();

		assertThat(passport.documents()).isNotEmpty();
		assertThat(passport.fees()).anySatisfy(fee -> assertThat(fee.amount()).isNotNull());
		assertThat(passport.bookable()).isTrue();
		assertThat(catalog.lifeEventsWith(passport.id())).isNotEmpty();
	}

	@Test
	void searchesTheStoredCatalogue() {
		assertThat(catalog.search("Reisepass", 3)).first()
			.extracting(hit -> hit.procedure().id().value())
			.isEqualTo("reisepass-beantragen");
		assertThat(catalog.search("x".repeat(500), 3)).isEmpty();
	}

}
