package de.buergerservice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sheds load early: a rush of citizens' changes (1,000 clients on a freshly released day)
 * would otherwise queue for the few pooled database connections until each waited half a
 * minute. At most {@code maxConcurrent} changes are worked on at once; one more waits up
 * to {@code maxWait} for its turn, in order of arrival, and is then answered 503 with
 * {@code Retry-After} before its body is read. Reading (availability from memory) and the
 * staff's work are not limited.
 * <p>
 * A filter, second after {@link TakeTurns}: in the Berlin rush two of three changes were
 * shed, and when they went through the security filters and Spring MVC's error handling
 * first, JFR put a third of the application's samples there. A change to the API is
 * answered here, its problem document written at once; a page's change is marked and goes
 * on to {@link ShedPages}, which lets the page's error handler say it in the citizen's
 * page.
 */
final class AdmissionControl extends OncePerRequestFilter {

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** The request attribute that marks a page's change as shed. */
	static final String SHED = AdmissionControl.class.getName() + ".shed";

	/** The turns; package-private so that a test can take them all, as a rush does. */
	final Semaphore turns;

	private final AdmissionProperties properties;

	private final Counter shed;

	private final ProblemFactory problems;

	private final LocaleResolver locales;

	private final JsonMapper json;

	AdmissionControl(AdmissionProperties properties, MeterRegistry meters, ProblemFactory problems,
			LocaleResolver locales, JsonMapper json) {
		this.properties = properties;
		this.turns = new Semaphore(properties.maxConcurrent(), true);
		this.shed = Counter.builder("buergerservice.admission.shed")
			.description("Changes answered 503 because the instance worked on as many as it may")
			.register(meters);
		this.problems = problems;
		this.locales = locales;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return READING.contains(request.getMethod()) || path.equals("/staff") || path.startsWith("/staff/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!turn()) {
			shed.increment();
			Busy busy = new Busy(properties.retryAfter().toSeconds());
			if (ProblemView.isApi(path(request))) {
				response.setHeader("Retry-After", busy.retryAfter());
				new ProblemView(problems.problem(locales.resolveLocale(request), HttpStatus.SERVICE_UNAVAILABLE,
						"problem.detail.503.busy"), json)
					.render(Map.of(), request, response);
				return;
			}
			request.setAttribute(SHED, busy);
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			turns.release();
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private boolean turn() {
		try {
			return turns.tryAcquire(properties.maxWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * A page's change that {@link AdmissionControl} shed is not worked on: its page says
	 * so (503, {@code Retry-After}) in the citizen's language and layout.
	 */
	static final class ShedPages implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (request.getAttribute(SHED) instanceof Busy busy) {
				throw busy;
			}
			return true;
		}

	}

	/** The instance works on as many changes as it may: try again after a moment. */
	static final class Busy extends RuntimeException {

		private final long retryAfterSeconds;

		Busy(long retryAfterSeconds) {
			super("Too many changes at once", null, false, false);
			this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
		}

		String retryAfter() {
			return Long.toString(retryAfterSeconds);
		}

	}

}
