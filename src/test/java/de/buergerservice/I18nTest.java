package de.buergerservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in German and English, and no template carries text of its own: what
 * a page says comes from {@code messages*.properties} or from the (bilingual) data.
 */
class I18nTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	/**
	 * What may stand in a template outside a {@code th:text}: punctuation and symbols.
	 */
	private static final Pattern NOT_TEXT = Pattern.compile("[\\s\\p{Punct}–—…·|]*");

	/** Thymeleaf's textual expressions and tags. */
	private static final Pattern TEXT_EXPRESSIONS = Pattern
		.compile("\\[\\(.*?\\)\\]|\\[\\[.*?\\]\\]|\\[#.*?\\]|\\[/\\]");

	private static final Set<String> TRANSLATED_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label",
			"value");

	/** The message bundles: {@code messages} and each module's {@code i18n/<module>}. */
	private static final List<String> BUNDLES = List.of("messages", "i18n/booking", "i18n/notifications", "i18n/staff",
			"i18n/frontdesk", "i18n/interpreting", "i18n/events");

	@Test
	void germanAndEnglishMessagesHaveTheSameKeys() throws IOException {
		for (String bundle : BUNDLES) {
			Properties german = load(bundle + ".properties");
			Properties english = load(bundle + "_en.properties");

			assertThat(new TreeSet<>(english.stringPropertyNames())).as(bundle)
				.isEqualTo(new TreeSet<>(german.stringPropertyNames()));
			german.forEach((key, value) -> assertThat(value.toString()).as("de: " + key).isNotBlank());
			english.forEach((key, value) -> assertThat(value.toString()).as("en: " + key).isNotBlank());
		}
	}

	@Test
	void everyBundleOnDiskIsChecked() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			List<String> bundles = files.map(path -> RESOURCES.relativize(path).toString())
				.filter(name -> name.endsWith("_en.properties"))
				.map(name -> name.substring(0, name.length() - "_en.properties".length()))
				.sorted()
				.toList();
			assertThat(bundles).containsExactlyInAnyOrderElementsOf(BUNDLES);
		}
	}

	/**
	 * MessageFormat swallows a lone apostrophe and the placeholders after it: write
	 * {@code ''}.
	 */
	@Test
	void messagesWithArgumentsSurviveMessageFormat() throws IOException {
		for (String bundle : BUNDLES) {
			for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
				Properties messages = load(file);
				for (String key : messages.stringPropertyNames()) {
					String pattern = messages.getProperty(key);
					if (pattern.matches("(?s).*\\{\\d.*")) {
						String formatted = new java.text.MessageFormat(pattern, java.util.Locale.GERMAN)
							.format(new Object[] { 1, 2, 3, 4 });
						assertThat(formatted).as(file + ": " + key).doesNotContain("{0").doesNotContain("{1");
					}
				}
			}
		}
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
				for (Element element : document.getAllElements()) {
					check(template, element, violations);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	/**
	 * Text templates (mails) say nothing of their own either: once the expressions
	 * {@code [(…)]}, {@code [[…]]} and the tags {@code [# …]}, {@code [/]} are taken out,
	 * only punctuation and white space may remain.
	 */
	@Test
	void textTemplatesHaveNoHardCodedText() throws IOException {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".txt")).toList()) {
				String rest = TEXT_EXPRESSIONS.matcher(Files.readString(template)).replaceAll("");
				if (!NOT_TEXT.matcher(rest).matches()) {
					violations.add(template.getFileName() + ": \"" + rest.strip() + "\"");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void demoDataIsBilingual() throws IOException {
		List<String> missing = new ArrayList<>();
		YAMLMapper yaml = YAMLMapper.builder().build();
		try (Stream<Path> files = Files.walk(RESOURCES.resolve("demo"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
				visit(file.getFileName() + ":", yaml.readTree(file.toFile()), missing);
			}
		}
		assertThat(missing).isEmpty();
	}

	private static void check(Path template, Element element, List<String> violations) {
		boolean replaced = element.attributes()
			.asList()
			.stream()
			.anyMatch(
					attribute -> Set.of("th:text", "th:utext", "th:replace", "th:insert").contains(attribute.getKey()));
		if (!replaced && !hasReplacedAncestor(element)) {
			for (TextNode text : element.textNodes()) {
				if (!NOT_TEXT.matcher(text.text()).matches()) {
					violations.add(template.getFileName() + ": text \"" + text.text().strip() + "\" in <"
							+ element.tagName() + ">");
				}
			}
		}
		for (String attribute : TRANSLATED_ATTRIBUTES) {
			String value = element.attr(attribute);
			if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute) && !element.hasAttr("th:attr")
					&& !NOT_TEXT.matcher(value).matches() && !hasReplacedAncestor(element) && !replaced) {
				violations.add(template.getFileName() + ": attribute " + attribute + "=\"" + value + "\" in <"
						+ element.tagName() + ">");
			}
		}
	}

	private static boolean hasReplacedAncestor(Element element) {
		for (Element parent : element.parents()) {
			if (parent.hasAttr("th:text") || parent.hasAttr("th:utext") || parent.hasAttr("th:replace")
					|| parent.hasAttr("th:insert")) {
				return true;
			}
		}
		return false;
	}

	private static void visit(String path, JsonNode node, List<String> missing) {
		if (node.isObject()) {
			if (node.has("de") || node.has("en")) {
				if (!present(node.get("de")) || !present(node.get("en"))) {
					missing.add(path);
				}
			}
			node.properties().forEach(entry -> visit(path + "." + entry.getKey(), entry.getValue(), missing));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				visit(path + "[" + i + "]", node.get(i), missing);
			}
		}
	}

	private static boolean present(JsonNode text) {
		if (text == null || text.isNull()) {
			return false;
		}
		return text.isArray() ? !text.isEmpty() : !text.asString().isBlank();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(RESOURCES.resolve(name));
				Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
