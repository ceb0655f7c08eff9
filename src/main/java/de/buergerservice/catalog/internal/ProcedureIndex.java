package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import de.buergerservice.catalog.LifeEvent;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.catalog.SearchHit;
import de.buergerservice.shared.LocalizedText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Lucene index of the catalogue. Each procedure is one document with its
 * German and English name, keywords, summary, description, department and life events. A
 * query matches a word exactly (after folding, splitting compounds and stemming) or, in
 * names and keywords, with a typo or two; names weigh most.
 */
final class ProcedureIndex {

	private static final Pattern LEIKA = Pattern.compile("99\\d{12}");

	/** The most query words considered; the rest of a long query adds nothing. */
	private static final int MAX_WORDS = 12;

	private static final List<WeightedField> FIELDS = List.of(new WeightedField("name", 5f, true),
			new WeightedField("keywords", 3f, true), new WeightedField("summary", 1.5f, false),
			new WeightedField("lifeevents", 1.2f, false), new WeightedField("department", 1f, false),
			new WeightedField("description", 0.8f, false));

	private final SearchAnalysis analysis;

	private final IndexSearcher searcher;

	private final Map<String, Procedure> procedures = new HashMap<>();

	ProcedureIndex(List<Procedure> procedures, List<LifeEvent> lifeEvents,
			Function<String, LocalizedText> departmentName, SearchAnalysis analysis) {
		this.analysis = analysis;
		procedures.forEach(procedure -> this.procedures.put(procedure.id().value(), procedure));
		Map<String, Analyzer> perField = new HashMap<>();
		for (WeightedField field : FIELDS) {
			perField.put(field.name() + "_de", analysis.german());
			perField.put(field.name() + "_en", analysis.english());
		}
		Analyzer analyzer = new PerFieldAnalyzerWrapper(analysis.german(), perField);
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (Procedure procedure : procedures) {
				writer.addDocument(document(procedure, lifeEvents, departmentName.apply(procedure.departmentId())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			this.searcher = new IndexSearcher(DirectoryReader.open(directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Document document(Procedure procedure, List<LifeEvent> lifeEvents, LocalizedText department) {
		Document document = new Document();
		document.add(new StringField("id", procedure.id().value(), Field.Store.YES));
		if (procedure.leikaKey() != null) {
			document.add(new StringField("leika", procedure.leikaKey().value(), Field.Store.NO));
		}
		add(document, "name", procedure.name());
		add(document, "keywords", procedure.keywords());
		add(document, "summary", procedure.summary());
		add(document, "description", procedure.description());
		add(document, "department", department);
		lifeEvents.stream()
			.filter(event -> event.procedures().contains(procedure.id()))
			.forEach(event -> add(document, "lifeevents", event.name()));
		return document;
	}

	private static void add(Document document, String field, LocalizedText text) {
		document.add(new TextField(field + "_de", text.de(), Field.Store.NO));
		document.add(new TextField(field + "_en", text.en(), Field.Store.NO));
	}

	List<SearchHit> search(String text, int limit) {
		if (limit < 1) {
			return List.of();
		}
		try {
			return search(query(text, true), limit);
		}
		catch (IndexSearcher.TooManyClauses ex) {
			// a long query whose typo variants are too many: search its exact words only
			return search(query(text, false), limit);
		}
	}

	private List<SearchHit> search(@Nullable Query query, int limit) {
		if (query == null) {
			return List.of();
		}
		try {
			List<SearchHit> hits = new ArrayList<>();
			for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
				String id = searcher.storedFields().document(hit.doc).get("id");
				hits.add(new SearchHit(procedures.get(id), hit.score));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The query for what a citizen typed, or {@code null} if nothing in it can match. */
	@Nullable Query query(String text, boolean typoTolerant) {
		List<String> words = analysis.expand(text);
		Set<String> seen = new LinkedHashSet<>();
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int clauses = 0;
		for (String word : words) {
			if (seen.size() == MAX_WORDS || !seen.add(word)) {
				continue;
			}
			if (LEIKA.matcher(word).matches()) {
				all.add(new BoostQuery(new TermQuery(new Term("leika", word)), 20f), Occur.SHOULD);
				clauses++;
				continue;
			}
			BooleanQuery.Builder wordQuery = new BooleanQuery.Builder();
			int parts = addFieldClauses(wordQuery, word, "_de", analysis.german(), typoTolerant)
					+ addFieldClauses(wordQuery, word, "_en", analysis.english(), typoTolerant);
			if (parts > 0) {
				all.add(wordQuery.build(), Occur.SHOULD);
				clauses++;
			}
		}
		return clauses == 0 ? null : all.build();
	}

	private static int addFieldClauses(BooleanQuery.Builder builder, String word, String suffix, Analyzer analyzer,
			boolean typoTolerant) {
		int added = 0;
		for (WeightedField field : FIELDS) {
			String name = field.name() + suffix;
			for (String term : SearchAnalysis.terms(analyzer, name, word)) {
				builder.add(new BoostQuery(new TermQuery(new Term(name, term)), field.weight()), Occur.SHOULD);
				added++;
				int edits = term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
				if (typoTolerant && field.fuzzy() && edits > 0) {
					builder.add(new BoostQuery(new FuzzyQuery(new Term(name, term), edits, 1, 10, true),
							field.weight() * 0.5f), Occur.SHOULD);
					added++;
				}
			}
		}
		return added;
	}

	private record WeightedField(String name, float weight, boolean fuzzy) {
	}

}
