package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How the catalogue search reads German and English text.
 * <ul>
 * <li>Every word is first folded: lower case, umlauts and ß ("Fuehrerschein" =
 * "Führerschein" = "Fuhrerschein").</li>
 * <li>German fields then drop stop words, split compounds into the words of a dictionary
 * ("Personalausweisantrag" also yields "ausweis" and "antrag") and stem lightly.</li>
 * <li>English fields use Lucene's English analyzer (stop words, Porter stemming).</li>
 * <li>A query becomes a list of {@link Concept}s: each word, or each phrase of the
 * synonym list ("Perso" → Personalausweis, "Umzug" → Anmeldung, Ummeldung), with its
 * alternatives. The list is kept as data in {@code synonyms-de.txt}, in Solr's synonym
 * format.</li>
 * </ul>
 */
final class SearchAnalysis {

	/** The longest phrase of the synonym list, in words. */
	private static final int MAX_PHRASE = 5;

	private final Analyzer folding = new Folding();

	private final Set<String> stopWords;

	private final Map<List<String>, List<List<String>>> synonyms;

	private final Analyzer german;

	private final Analyzer english;

	/**
	 * @param vocabulary German words of the catalogue (names, keywords) that compounds
	 * may be made of
	 * @param extraParts further compound parts (from {@code compound-parts-de.txt})
	 * @param synonymRules synonym rules in Solr format
	 */
	SearchAnalysis(Collection<String> vocabulary, Collection<String> extraParts, String synonymRules) {
		this.stopWords = new LinkedHashSet<>();
		GermanAnalyzer.getDefaultStopSet().forEach(word -> stopWords.addAll(fold(new String((char[]) word))));
		this.german = new GermanText(dictionary(vocabulary, extraParts), GermanAnalyzer.getDefaultStopSet());
		this.english = new EnglishAnalyzer();
		this.synonyms = parseSynonyms(synonymRules);
	}

	static SearchAnalysis fromClasspath(Collection<String> vocabulary) {
		return new SearchAnalysis(vocabulary, lines(resource("catalog/search/compound-parts-de.txt")),
				resource("catalog/search/synonyms-de.txt"));
	}

	Analyzer german() {
		return german;
	}

	Analyzer english() {
		return english;
	}

	/**
	 * What a query means: its words and synonym phrases, each with its alternatives. Stop
	 * words that are not part of a synonym phrase are left out.
	 */
	List<Concept> concepts(String query) {
		List<String> words = fold(query);
		List<Concept> concepts = new ArrayList<>();
		int i = 0;
		while (i < words.size()) {
			int matched = 0;
			for (int length = Math.min(MAX_PHRASE, words.size() - i); length > 0 && matched == 0; length--) {
				List<String> phrase = words.subList(i, i + length);
				List<List<String>> alternatives = synonyms.get(phrase);
				if (alternatives != null) {
					concepts.add(Concept.of(List.copyOf(phrase), alternatives));
					matched = length;
				}
			}
			if (matched == 0) {
				String word = words.get(i);
				if (!stopWords.contains(word)) {
					concepts.add(Concept.of(List.of(word), List.of()));
				}
				matched = 1;
			}
			i += matched;
		}
		return concepts;
	}

	/**
	 * The terms a text becomes in the index, for a field analysed by the given analyzer.
	 */
	static List<String> terms(Analyzer analyzer, String field, String text) {
		return new ArrayList<>(tokens(analyzer, field, text));
	}

	private List<String> fold(String text) {
		return new ArrayList<>(tokensInOrder(folding, text));
	}

	private static Set<String> tokens(Analyzer analyzer, String field, String text) {
		return new LinkedHashSet<>(tokensInOrder(analyzer, field, text));
	}

	private static List<String> tokensInOrder(Analyzer analyzer, String text) {
		return tokensInOrder(analyzer, "", text);
	}

	private static List<String> tokensInOrder(Analyzer analyzer, String field, String text) {
		List<String> result = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				result.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}

	private CharArraySet dictionary(Collection<String> vocabulary, Collection<String> extraParts) {
		CharArraySet result = new CharArraySet(1024, true);
		for (String text : vocabulary) {
			fold(text).stream().filter(word -> word.length() >= 4).forEach(result::add);
		}
		for (String part : extraParts) {
			result.addAll(fold(part));
		}
		return result;
	}

	/**
	 * Reads synonym rules in Solr's format: {@code a, b, c} (each means all) and
	 * {@code a, b => c, d} (a and b also mean c and d). Phrases are folded like queries.
	 */
	private Map<List<String>, List<List<String>>> parseSynonyms(String rules) {
		Map<List<String>, List<List<String>>> result = new HashMap<>();
		for (String line : lines(rules)) {
			String[] sides = line.split("=>", -1);
			if (sides.length > 2) {
				throw new IllegalStateException("A synonym rule has at most one '=>': " + line);
			}
			List<List<String>> left = phrases(sides[0]);
			List<List<String>> right = sides.length == 2 ? phrases(sides[1]) : left;
			for (List<String> phrase : left) {
				result.merge(phrase, right, (existing, added) -> {
					List<List<String>> merged = new ArrayList<>(existing);
					added.stream().filter(alternative -> !merged.contains(alternative)).forEach(merged::add);
					return merged;
				});
			}
		}
		return Map.copyOf(result);
	}

	private List<List<String>> phrases(String side) {
		List<List<String>> result = new ArrayList<>();
		for (String phrase : side.split(",")) {
			List<String> words = fold(phrase);
			if (!words.isEmpty()) {
				result.add(List.copyOf(words));
			}
		}
		return result;
	}

	private static String resource(String path) {
		try (InputStream in = SearchAnalysis.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing search resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

	/**
	 * One thing a citizen asked for: the words typed and, from the synonym list, what
	 * else they may mean. The first alternative is always what was typed.
	 */
	record Concept(List<List<String>> alternatives) {

		static Concept of(List<String> typed, List<List<String>> synonyms) {
			List<List<String>> alternatives = new ArrayList<>();
			alternatives.add(typed);
			synonyms.stream().filter(synonym -> !synonym.equals(typed)).forEach(alternatives::add);
			return new Concept(List.copyOf(alternatives));
		}

		List<String> typed() {
			return alternatives.getFirst();
		}

	}

	/**
	 * Lower case and German folding, nothing else: how queries and dictionary words are
	 * read.
	 */
	private static final class Folding extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new LowerCaseFilter(source);
			stream = new GermanNormalizationFilter(stream);
			return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
		}

	}

	/** German text as the index stores it. */
	private static final class GermanText extends Analyzer {

		private final CharArraySet compoundParts;

		private final CharArraySet stopWords;

		GermanText(CharArraySet compoundParts, CharArraySet stopWords) {
			this.compoundParts = compoundParts;
			this.stopWords = stopWords;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new LowerCaseFilter(source);
			stream = new StopFilter(stream, stopWords);
			stream = new GermanNormalizationFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, 6, 3, 20, false);
			return new TokenStreamComponents(source, new GermanLightStemFilter(stream));
		}

	}

}
