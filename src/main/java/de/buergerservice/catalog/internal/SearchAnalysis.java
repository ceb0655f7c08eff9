package de.buergerservice.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How the catalogue search reads German and English text.
 * <ul>
 * <li>German: lower case, stop words out, umlauts and ß folded ("Fuehrerschein" =
 * "Führerschein" = "Fuhrerschein"), compounds split into the words of a dictionary
 * ("Personalausweisantrag" also finds "Ausweis" and "Antrag"), light stemming.</li>
 * <li>English: Lucene's English analyzer (stop words, Porter stemming).</li>
 * <li>Queries first pass through the synonym list ("Perso" → Personalausweis, "Umzug" →
 * Anmeldung, Ummeldung), kept as data in {@code synonyms-de.txt}.</li>
 * </ul>
 */
final class SearchAnalysis {

	private static final CharArraySet GERMAN_STOP_WORDS = GermanAnalyzer.getDefaultStopSet();

	private final CharArraySet compoundParts;

	private final SynonymMap synonyms;

	private final Analyzer german;

	private final Analyzer english;

	private final Analyzer expansion;

	/**
	 * @param vocabulary German words of the catalogue (names, keywords) that compounds
	 * may be made of
	 * @param extraParts further compound parts (from {@code compound-parts-de.txt})
	 * @param synonymRules synonym rules in Solr format
	 */
	SearchAnalysis(Collection<String> vocabulary, Collection<String> extraParts, String synonymRules) {
		this.compoundParts = dictionary(vocabulary, extraParts);
		this.synonyms = parseSynonyms(synonymRules);
		this.german = new GermanText(compoundParts);
		this.english = new EnglishAnalyzer();
		this.expansion = new SynonymExpansion(synonyms);
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

	/** The words of a query plus the words its synonyms add, each once, in order. */
	List<String> expand(String query) {
		return new ArrayList<>(tokens(expansion, query));
	}

	/**
	 * The terms a text becomes in the index, for a field analysed by the given analyzer.
	 */
	static List<String> terms(Analyzer analyzer, String field, String text) {
		return new ArrayList<>(tokens(analyzer, field, text));
	}

	private static Set<String> tokens(Analyzer analyzer, String text) {
		return tokens(analyzer, "", text);
	}

	private static Set<String> tokens(Analyzer analyzer, String field, String text) {
		Set<String> result = new LinkedHashSet<>();
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

	private static CharArraySet dictionary(Collection<String> vocabulary, Collection<String> extraParts) {
		CharArraySet result = new CharArraySet(1024, true);
		try (Analyzer normalizer = new Normalizer()) {
			for (String text : vocabulary) {
				tokens(normalizer, text).stream().filter(word -> word.length() >= 4).forEach(result::add);
			}
			for (String part : extraParts) {
				tokens(normalizer, part).forEach(result::add);
			}
		}
		return result;
	}

	private static SynonymMap parseSynonyms(String rules) {
		try (Analyzer plain = new Plain()) {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
			parser.parse(new StringReader(rules));
			return parser.build();
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("The synonym list cannot be read", ex);
		}
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

	/** Tokenizer and lower case, nothing else: how synonym rules are read. */
	private static final class Plain extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			return new TokenStreamComponents(source, new LowerCaseFilter(source));
		}

	}

	/** Lower case and German folding: how dictionary words are stored. */
	private static final class Normalizer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new LowerCaseFilter(source);
			stream = new GermanNormalizationFilter(stream);
			return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
		}

	}

	/** The words of a query with what the synonym list adds. */
	private static final class SynonymExpansion extends Analyzer {

		private final SynonymMap synonyms;

		SynonymExpansion(SynonymMap synonyms) {
			this.synonyms = synonyms;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new LowerCaseFilter(source);
			if (synonyms.fst != null) {
				stream = new SynonymGraphFilter(stream, synonyms, true);
			}
			return new TokenStreamComponents(source, stream);
		}

	}

	/** German text as the index stores it. */
	private static final class GermanText extends Analyzer {

		private final CharArraySet compoundParts;

		GermanText(CharArraySet compoundParts) {
			this.compoundParts = compoundParts;
		}

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer source = new StandardTokenizer();
			TokenStream stream = new LowerCaseFilter(source);
			stream = new StopFilter(stream, GERMAN_STOP_WORDS);
			stream = new GermanNormalizationFilter(stream);
			stream = new ASCIIFoldingFilter(stream);
			stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, 6, 3, 20, false);
			return new TokenStreamComponents(source, new GermanLightStemFilter(stream));
		}

	}

}
