package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.apache.lucene.search.DisjunctionMaxQuery;
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

	/** The most concepts of a query considered; the rest of a long query adds nothing. */
	private static final int MAX_CONCEPTS = 10;

	/** How much a match of a compound's parts counts against a match of the whole. */
	private static final float PART_WEIGHT = 0.7f;

	/** How much a match with a typo counts against an exact one. */
	private static final float TYPO_WEIGHT = 0.5f;

	/** How much a synonym's match counts against a match of what was typed. */
	private static final float SYNONYM_WEIGHT = 0.8f;

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

	/**
	 * The query for what a citizen typed, or {@code null} if nothing in it can match.
	 * Each concept counts once: by its best alternative, in its better language.
	 */
	@Nullable Query query(String text, boolean typoTolerant) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int clauses = 0;
		for (SearchAnalysis.Concept concept : analysis.concepts(text)
			.stream()
			.distinct()
			.limit(MAX_CONCEPTS)
			.toList()) {
			List<Query> alternatives = new ArrayList<>();
			List<String> typed = concept.typed();
			if (typed.size() == 1 && LEIKA.matcher(typed.getFirst()).matches()) {
				alternatives.add(new BoostQuery(new TermQuery(new Term("leika", typed.getFirst())), 50f));
			}
			boolean original = true;
			for (List<String> phrase : concept.alternatives()) {
				float weight = original ? 1f : SYNONYM_WEIGHT;
				original = false;
				addIfNotEmpty(alternatives, phrase(phrase, "_de", analysis.german(), typoTolerant), weight);
				addIfNotEmpty(alternatives, phrase(phrase, "_en", analysis.english(), typoTolerant), weight);
			}
			if (!alternatives.isEmpty()) {
				all.add(new DisjunctionMaxQuery(alternatives, 0.1f), Occur.SHOULD);
				clauses++;
			}
		}
		return clauses == 0 ? null : all.build();
	}

	private static void addIfNotEmpty(List<Query> alternatives, @Nullable Query query, float weight) {
		if (query != null) {
			alternatives.add(weight == 1f ? query : new BoostQuery(query, weight));
		}
	}

	/** All words of a phrase, each in its best field of one language. */
	private static @Nullable Query phrase(List<String> words, String suffix, Analyzer analyzer, boolean typoTolerant) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		int added = 0;
		for (String word : words) {
			Query wordQuery = word(word, suffix, analyzer, typoTolerant);
			if (wordQuery != null) {
				builder.add(wordQuery, Occur.SHOULD);
				added++;
			}
		}
		return added == 0 ? null : builder.build();
	}

	/**
	 * One word in the fields of one language: the field where it matches best counts, the
	 * others a little (so that a procedure mentioning a word everywhere does not outweigh
	 * one named by it). A compound matches as a whole or, for less, by its parts; names
	 * and keywords forgive typos.
	 */
	private static @Nullable Query word(String word, String suffix, Analyzer analyzer, boolean typoTolerant) {
		List<Query> fields = new ArrayList<>();
		for (WeightedField field : FIELDS) {
			String name = field.name() + suffix;
			List<String> terms = SearchAnalysis.terms(analyzer, name, word);
			if (terms.isEmpty()) {
				continue;
			}
			boolean fuzzy = typoTolerant && field.fuzzy();
			Query match = term(name, terms.getFirst(), fuzzy);
			if (terms.size() > 1) {
				BooleanQuery.Builder parts = new BooleanQuery.Builder();
				terms.subList(1, terms.size()).forEach(part -> parts.add(term(name, part, fuzzy), Occur.SHOULD));
				match = new DisjunctionMaxQuery(List.of(match, new BoostQuery(parts.build(), PART_WEIGHT)), 0f);
			}
			fields.add(new BoostQuery(match, field.weight()));
		}
		return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, 0.2f);
	}

	/** A term exactly or, where allowed, with up to two typos for less. */
	private static Query term(String field, String term, boolean fuzzy) {
		Query exact = new TermQuery(new Term(field, term));
		int edits = term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
		if (!fuzzy || edits == 0) {
			return exact;
		}
		Query typo = new BoostQuery(new FuzzyQuery(new Term(field, term), edits, 1, 10, true), TYPO_WEIGHT);
		return new DisjunctionMaxQuery(List.of(exact, typo), 0f);
	}

	private record WeightedField(String name, float weight, boolean fuzzy) {
	}

}
