package de.buergerservice.platform.web;

import java.time.ZoneId;

import de.buergerservice.shared.City;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The platform's two error handlers (API problems, pages) as a standalone MockMvc needs
 * them: with the application's messages and the demo city, no Spring context.
 */
final class ErrorHandlers {

	private ErrorHandlers() {
	}

	static Object[] both() {
		ProblemFactory problems = problems();
		City leipzig = new City("Leipzig", "Amt für Bürgerservice", "Meine Stadt, ein Service", "0341 123-0", "115",
				ZoneId.of("Europe/Berlin"), "de", "sn", "http://localhost:8080");
		return new Object[] { new ApiExceptionHandler(problems),
				new PageExceptionHandler(new LayoutModel(leipzig), problems, new JsonMapper()) };
	}

	/** Problem documents with the application's messages. */
	static ProblemFactory problems() {
		return new ProblemFactory(messages());
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
