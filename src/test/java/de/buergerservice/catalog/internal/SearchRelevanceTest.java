package de.buergerservice.catalog.internal;

import java.util.Arrays;
import java.util.List;

import de.buergerservice.catalog.SearchHit;
import de.buergerservice.shared.LocalizedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What citizens really type finds what they need: each query of
 * {@code search/relevance.csv} has its expected procedure among the first three hits of
 * the demo city's catalogue.
 */
class SearchRelevanceTest {

	private static CatalogSnapshot catalog;

	@BeforeAll
	static void indexTheDemoCatalogue() {
		CatalogSeed seed = CatalogSeed.read();
		catalog = CatalogSnapshot.of(seed.procedures(), seed.lifeEvents(), id -> LocalizedText.of(id, id));
	}

	@ParameterizedTest(name = "\"{0}\" finds {1}")
	@CsvFileSource(resources = "/search/relevance.csv", delimiter = ';', commentCharacter = '#')
	void findsTheExpectedProcedureAmongTheFirstThree(String query, String expected) {
		List<String> topThree = catalog.search(query, 3).stream().map(hit -> hit.procedure().id().value()).toList();

		assertThat(topThree).as("top three for \"%s\"", query)
			.containsAnyElementsOf(Arrays.asList(expected.split("\\|")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "xyzzy", "qwrtzpl", "Raumschiff", "  ", "!!!", "der die das" })
	void findsNothingForWhatTheCatalogueDoesNotKnow(String query) {
		assertThat(catalog.search(query, 10)).isEmpty();
	}

	@Test
	void ranksBestMatchFirst() {
		List<SearchHit> hits = catalog.search("Reisepass beantragen", 10);

		assertThat(hits).isNotEmpty();
		assertThat(hits.getFirst().procedure().id().value()).isEqualTo("reisepass-beantragen");
		assertThat(hits).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
	}

	@Test
	void treatsUmlautsAndTheirSpellingsAlike() {
		List<String> withUmlaut = ids(catalog.search("Führerschein", 5));
		List<String> spelledOut = ids(catalog.search("Fuehrerschein", 5));
		List<String> withoutUmlaut = ids(catalog.search("Fuhrerschein", 5));

		assertThat(spelledOut).isEqualTo(withUmlaut);
		assertThat(withoutUmlaut).isEqualTo(withUmlaut);
	}

	@Test
	void survivesVeryLongQueries() {
		String longQuery = "Personalausweis ".repeat(40) + "Umzug Hochzeit Auto Führerschein Pass Geburt Tod";

		assertThat(catalog.search(longQuery, 5)).isNotEmpty();
	}

	@Test
	void respectsTheLimit() {
		assertThat(catalog.search("Ausweis", 2)).hasSize(2);
		assertThat(catalog.search("Ausweis", 0)).isEmpty();
	}

	private static List<String> ids(List<SearchHit> hits) {
		return hits.stream().map(hit -> hit.procedure().id().value()).toList();
	}

}
