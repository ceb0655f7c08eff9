package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Lucene index of the catalogue. Each procedure is one document with its
 * German and English name, keywords, summary, description, department and life events.
 * <p>
 * A query matches a word exactly (after folding, splitting compounds and stemming). A
 * word the index does not know at all is taken for a typo: Lucene's spell checker
 * proposes the closest words of names and keywords (one edit, two in long words), which
 * then count for less. Names weigh most; see ADR 0003 for the scoring.
 */
final class ProcedureIndex {

	private static final Pattern LEIKA = Pattern.compile("99\\d{12}");

	/** The most concepts of a query considered; the rest of a long query adds nothing. */
	private static final int MAX_CONCEPTS = 10;

	/** How much a match of a compound's parts counts against a match of the whole. */
	private static final float PART_WEIGHT = 0.7f;

	/** How much a match of a typo's correction counts against an exact one. */
	private static final float TYPO_WEIGHT = 0.6f;

	/** How much a synonym's match counts against a match of what was typed. */
	private static final float SYNONYM_WEIGHT = 0.8f;

	/** Corrections considered per misspelt word. */
	private static final int CORRECTIONS = 3;

	private static final List<WeightedField> FIELDS = List.of(new WeightedField("name", 5f),
			new WeightedField("keywords", 3f), new WeightedField("summary", 1.5f),
			new WeightedField("lifeevents", 1.2f), new WeightedField("department", 1f),
			new WeightedField("description", 0.8f));

	/** Names and keywords together: where corrections of typos come from. */
	private static final String SPELLING = "spelling";

	private final SearchAnalysis analysis;

	private final IndexSearcher searcher;

	private final Map<String, Procedure> procedures = new HashMap<>();

	private final Language german;

	private final Language english;

	ProcedureIndex(List<Procedure> procedures, List<LifeEvent> lifeEvents,
			Function<String, LocalizedText> departmentName, SearchAnalysis analysis) {
		this.analysis = analysis;
		procedures.forEach(procedure -> this.procedures.put(procedure.id().value(), procedure));
		Map<String, Analyzer> perField = new HashMap<>();
		for (String field : fieldNames()) {
			perField.put(field + "_de", analysis.german());
			perField.put(field + "_en", analysis.english());
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
			DirectoryReader reader = DirectoryReader.open(directory);
			this.searcher = new IndexSearcher(reader);
			this.german = new Language("_de", analysis.german(), vocabulary(reader, "_de", searchedFields()),
					vocabulary(reader, "_de", List.of(SPELLING)));
			this.english = new Language("_en", analysis.english(), vocabulary(reader, "_en", searchedFields()),
					vocabulary(reader, "_en", List.of(SPELLING)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> searchedFields() {
		return FIELDS.stream().map(WeightedField::name).toList();
	}

	private static List<String> fieldNames() {
		List<String> names = new ArrayList<>(searchedFields());
		names.add(SPELLING);
		return names;
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
		add(document, SPELLING, procedure.name());
		add(document, SPELLING, procedure.keywords());
		lifeEvents.stream()
			.filter(event -> event.procedures().contains(procedure.id()))
			.forEach(event -> add(document, "lifeevents", event.name()));
		return document;
	}

	private static void add(Document document, String field, LocalizedText text) {
		document.add(new TextField(field + "_de", text.de(), Field.Store.NO));
		document.add(new TextField(field + "_en", text.en(), Field.Store.NO));
	}

	/**
	 * Every term of some fields of a language.
	 */
	private static Set<String> vocabulary(DirectoryReader reader, String suffix, List<String> fields)
			throws IOException {
		Set<String> terms = new HashSet<>();
		for (LeafReaderContext leaf : reader.leaves()) {
			for (String field : fields) {
				Terms fieldTerms = leaf.reader().terms(field + suffix);
				if (fieldTerms == null) {
					continue;
				}
				TermsEnum iterator = fieldTerms.iterator();
				for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
					terms.add(term.utf8ToString());
				}
			}
		}
		return Set.copyOf(terms);
	}

	List<SearchHit> search(String text, int limit) {
		Query query = query(text);
		if (query == null || limit < 1) {
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
	@Nullable Query query(String text) {
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
				// what was typed may be misspelt (the synonym list is not): a word counts
				// as a
				// typo only if neither language knows it
				boolean correct = original;
				original = false;
				addIfNotEmpty(alternatives, phrase(phrase, german, correct), weight);
				addIfNotEmpty(alternatives, phrase(phrase, english, correct), weight);
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
	private @Nullable Query phrase(List<String> words, Language language, boolean correct) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		int added = 0;
		for (String word : words) {
			Query wordQuery = word(word, language, correct && !german.knows(word) && !english.knows(word));
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
	 * one named by it). A compound matches as a whole or, for less, by its parts.
	 */
	private @Nullable Query word(String word, Language language, boolean correct) {
		List<String> terms = SearchAnalysis.terms(language.analyzer(), "name" + language.suffix(), word);
		if (terms.isEmpty()) {
			return null;
		}
		Map<String, Float> whole = new HashMap<>();
		String first = terms.getFirst();
		if (language.vocabulary().contains(first)) {
			whole.put(first, 1f);
		}
		else if (correct) {
			language.corrections(first).forEach(correction -> whole.put(correction, TYPO_WEIGHT));
		}
		List<String> parts = terms.subList(1, terms.size())
			.stream()
			.filter(part -> !part.equals(first) && language.vocabulary().contains(part))
			.toList();
		if (whole.isEmpty() && parts.isEmpty()) {
			return null;
		}
		List<Query> fields = new ArrayList<>();
		for (WeightedField field : FIELDS) {
			String name = field.name() + language.suffix();
			List<Query> matches = new ArrayList<>();
			whole.forEach((term, weight) -> matches.add(boost(new TermQuery(new Term(name, term)), weight)));
			if (!parts.isEmpty()) {
				BooleanQuery.Builder partsQuery = new BooleanQuery.Builder();
				parts.forEach(part -> partsQuery.add(new TermQuery(new Term(name, part)), Occur.SHOULD));
				matches.add(new BoostQuery(partsQuery.build(), PART_WEIGHT));
			}
			fields.add(new BoostQuery(new DisjunctionMaxQuery(matches, 0f), field.weight()));
		}
		return new DisjunctionMaxQuery(fields, 0.2f);
	}

	private static Query boost(Query query, float weight) {
		return weight == 1f ? query : new BoostQuery(query, weight);
	}

	private record WeightedField(String name, float weight) {
	}

	/** The fields, analyzer, vocabulary and typo correction of one language. */
	private static final class Language {

		private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

		private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

		private final String suffix;

		private final Analyzer analyzer;

		private final Set<String> vocabulary;

		private final Map<Character, List<String>> spellingByInitial;

		Language(String suffix, Analyzer analyzer, Set<String> vocabulary, Set<String> spelling) {
			this.suffix = suffix;
			this.analyzer = analyzer;
			this.vocabulary = vocabulary;
			this.spellingByInitial = spelling.stream()
				.filter(term -> term.length() >= 3)
				.collect(Collectors.groupingBy(term -> term.charAt(0)));
		}

		String suffix() {
			return suffix;
		}

		Analyzer analyzer() {
			return analyzer;
		}

		Set<String> vocabulary() {
			return vocabulary;
		}

		/** Whether the index knows the word (or the compound it is) in this language. */
		boolean knows(String word) {
			List<String> terms = SearchAnalysis.terms(analyzer, "name" + suffix, word);
			return !terms.isEmpty() && vocabulary.contains(terms.getFirst());
		}

		/**
		 * The closest words of names and keywords that start with the same letter: one
		 * edit away, two for words of eight letters or more; the closest first.
		 */
		List<String> corrections(String term) {
			if (term.length() < 4) {
				return List.of();
			}
			int maxEdits = term.length() >= 8 ? 2 : 1;
			LevenshteinDistance distance = maxEdits == 2 ? TWO_EDITS : ONE_EDIT;
			record Candidate(String term, int edits) {
			}
			return spellingByInitial.getOrDefault(term.charAt(0), List.of())
				.stream()
				.filter(candidate -> Math.abs(candidate.length() - term.length()) <= maxEdits)
				.map(candidate -> new Candidate(candidate, distance.apply(term, candidate)))
				.filter(candidate -> candidate.edits() >= 0)
				.sorted(java.util.Comparator.comparingInt(Candidate::edits).thenComparing(Candidate::term))
				.limit(CORRECTIONS)
				.map(Candidate::term)
				.toList();
		}

	}

}
