package de.buergerservice.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Locale;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.Http11InputBuffer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Requests Tomcat refuses before the application sees them (a path with a broken percent
 * escape or bytes that are not UTF-8, a request line longer than the header buffer) still
 * get an answer in our shape: a problem document under {@code /api}, a short readable
 * page elsewhere, never Tomcat's own page. Replaces the error report valve Spring Boot
 * puts on the host; runs after Boot's customizer.
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
			boolean api = ProblemView.isApi(path(request));
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

		/**
		 * The request's path; for a request line longer than the header buffer, which
		 * Tomcat gives up on before it knows the path, read from the bytes it received.
		 */
		static String path(Request request) {
			String uri = request.getRequestURI();
			if (uri != null && !uri.isEmpty()) {
				return uri;
			}
			if (!(request.getCoyoteRequest().getInputBuffer() instanceof Http11InputBuffer input)) {
				return "";
			}
			ByteBuffer head = input.getHeaderByteBuffer();
			return head == null ? "" : targetOf(head.duplicate());
		}

		/**
		 * The path at the start of the request target in (the beginning of) a request
		 * line: {@code GET /api/v1/x?…} gives {@code /api/v1/x}.
		 */
		static String targetOf(ByteBuffer head) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < Math.min(head.limit(), 2_048); i++) {
				line.append((char) (head.get(i) & 0xFF));
			}
			String[] parts = line.toString().stripLeading().split(" +", 3);
			if (parts.length < 2) {
				return "";
			}
			String target = parts[1];
			if (target.startsWith("http://") || target.startsWith("https://")) {
				int slash = target.indexOf('/', target.indexOf("//") + 2);
				target = slash < 0 ? "" : target.substring(slash);
			}
			int end = target.indexOf('?');
			return end < 0 ? target : target.substring(0, end);
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
