package de.buergerservice.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Sheds load early: a rush of citizens' changes (1,000 clients on a freshly released day)
 * would otherwise queue for the few pooled database connections until each waited half a
 * minute. At most {@code maxConcurrent} changes are worked on at once; one more waits up
 * to {@code maxWait} for its turn, in order of arrival, and is then answered 503 with
 * {@code Retry-After} before its body is read. Reading (availability from memory) and the
 * staff's work are not limited.
 */
final class AdmissionControl implements HandlerInterceptor {

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String ADMITTED = AdmissionControl.class.getName() + ".admitted";

	private final Semaphore turns;

	private final AdmissionProperties properties;

	private final Counter shed;

	AdmissionControl(AdmissionProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.turns = new Semaphore(properties.maxConcurrent(), true);
		this.shed = Counter.builder("buergerservice.admission.shed")
			.description("Changes answered 503 because the instance worked on as many as it may")
			.register(meters);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (READING.contains(request.getMethod()) || request.getAttribute(ADMITTED) != null) {
			return true;
		}
		if (!turns.tryAcquire(properties.maxWait().toMillis(), TimeUnit.MILLISECONDS)) {
			shed.increment();
			throw new Busy(properties.retryAfter().toSeconds());
		}
		request.setAttribute(ADMITTED, Boolean.TRUE);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (request.getAttribute(ADMITTED) != null) {
			request.removeAttribute(ADMITTED);
			turns.release();
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
