package de.buergerservice.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders mails from {@code templates/mail/}: each kind as plain text ({@code .txt}) and
 * HTML ({@code .html}), with every text from the message bundle. A template engine of its
 * own, so that mail templates never resolve as pages.
 * <p>
 * Each rendering gets one evaluation context for all its expressions (without it
 * Thymeleaf made a new one for every expression; the mails, about 40 expressions each,
 * took a sixth of the application's CPU in a booking rush by JFR, about as much as the
 * booking transaction), and Spring's expression compiler is on for the expressions it can
 * compile.
 */
@Component
class MailTemplates {

	private static final String PREFIX = "templates/mail/";

	private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+$", Pattern.MULTILINE);

	private static final Pattern EMPTY_LINES = Pattern.compile("\\n{3,}");

	private final SpringTemplateEngine engine;

	private final ApplicationContext application;

	MailTemplates(MessageSource messages, ApplicationContext application) {
		this.application = application;
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateEngineMessageSource(messages);
		this.engine.setEnableSpringELCompiler(true);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/**
	 * The mail's text and HTML. The text's layout is tidied: no trailing blanks, at most
	 * one empty line between paragraphs (templates that include parts leave more).
	 */
	Rendered render(String template, Locale language, Map<String, Object> variables) {
		return new Rendered(text(template, language, variables),
				engine.process(template + ".html", context(language, variables)));
	}

	/** Only the mail's text, tidied as in {@link #render}. */
	String text(String template, Locale language, Map<String, Object> variables) {
		return tidy(engine.process(template + ".txt", context(language, variables)));
	}

	/**
	 * Only the HTML template's {@code content} fragment (no layout around it): the part
	 * in another language of a mail in two.
	 */
	String content(String template, Locale language, Map<String, Object> variables) {
		return engine.process(template + ".html", Set.of("content"), context(language, variables));
	}

	private Context context(Locale language, Map<String, Object> variables) {
		Context context = new Context(language, variables);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(application, null));
		return context;
	}

	static String tidy(String text) {
		String lines = TRAILING_BLANKS.matcher(text.replace("\r\n", "\n")).replaceAll("");
		return EMPTY_LINES.matcher(lines).replaceAll("\n\n").strip() + "\n";
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	record Rendered(String text, String html) {
	}

}
