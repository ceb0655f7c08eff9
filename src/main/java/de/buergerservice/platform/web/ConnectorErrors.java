package de.buergerservice.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests Tomcat refuses before the application sees them (a path with a broken percent
 * escape or bytes that are not UTF-8) still get an answer in our shape: a problem
 * document under {@code /api}, a short readable page elsewhere, never Tomcat's own page.
 * Replaces the error report valve Spring Boot puts on the host; runs after Boot's
 * customizer.
 */
@Component
class ConnectorErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final MessageSource messages;

	ConnectorErrors(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost standardHost) {
				// the host adds Tomcat's own valve at start unless it finds one of this
				// class
				standardHost.setErrorReportValveClass(Report.class.getName());
			}
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new Report(messages));
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Writes the answer where nothing in the application has written one. */
	static final class Report extends ErrorReportValve {

		private final MessageSource messages;

		Report(MessageSource messages) {
			this.messages = messages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String title = messages.getMessage("problem.title." + status, null,
					messages.getMessage("problem.title.default", null, Locale.GERMAN), Locale.GERMAN);
			String detail = messages.getMessage("problem.detail." + status, null,
					messages.getMessage("problem.detail.400", null, Locale.GERMAN), Locale.GERMAN);
			String uri = request.getRequestURI();
			boolean api = uri != null && ProblemView.isApi(uri);
			try {
				response.resetBuffer();
				response.setCharacterEncoding("UTF-8");
				response.setContentType(api ? "application/problem+json" : "text/html");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(api ? problem(status, title, detail) : page(status, title, detail));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client has gone
			}
		}

		private static String problem(int status, String title, String detail) {
			return "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status + ",\"detail\":\""
					+ json(detail) + "\"}";
		}

		private static String page(int status, String title, String detail) {
			return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>"
					+ HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(title)
					+ " (" + status + ")</h1><p>" + HtmlUtils.htmlEscape(detail)
					+ "</p><p><a href=\"/\">Zur Startseite</a></p></main></body></html>";
		}

		private static String json(String text) {
			return text.replace("\\", "\\\\").replace("\"", "\\\"");
		}

	}

}
