package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import de.buergerservice.catalog.SearchHit;
import de.buergerservice.shared.LocalizedText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of the catalogue search, in process, over the queries of the relevance test (what
 * citizens type): one query per call, round robin, 20 hits. Sample mode gives the percentiles;
 * the target is p99 under 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class SearchBenchmark {

	private CatalogSnapshot catalog;

	private List<String> queries;

	private int next;

	@Setup
	public void indexTheDemoCatalogue() throws IOException {
		CatalogSeed seed = CatalogSeed.read();
		catalog = CatalogSnapshot.of(seed.procedures(), seed.lifeEvents(), id -> LocalizedText.of(id, id));
		try (InputStream in = SearchBenchmark.class.getResourceAsStream("/search/relevance.csv")) {
			queries = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.substring(0, line.indexOf(';')))
				.toList();
		}
	}

	@Benchmark
	public List<SearchHit> search() {
		String query = queries.get(next);
		next = (next + 1) % queries.size();
		return catalog.search(query, 20);
	}

}
