package de.buergerservice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every read ({@code GET}) on a virtual thread first lets the requests already waiting
 * for a carrier run ({@link Thread#yield()}; a virtual thread that yields goes behind
 * them). Changes take their turns in {@link AdmissionControl} (yielding for them too cost
 * the booking rush a sixth of its bookings).
 * <p>
 * Why: virtual threads are never preempted, and Tomcat's thread reads the next request of
 * a keep-alive connection as soon as it has answered one. Under full load a few busy
 * connections thus kept both carriers to themselves while the requests of the others
 * waited to be started — in the Berlin benchmark half the answers took 0.5 ms, one in a
 * hundred more than 150 ms and some several seconds.
 */
final class TakeTurns extends OncePerRequestFilter {

	private final Runnable turn;

	TakeTurns() {
		this(Thread::yield);
	}

	/** With what a virtual thread gives way (tests watch it). */
	TakeTurns(Runnable turn) {
		this.turn = turn;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (Thread.currentThread().isVirtual() && "GET".equals(request.getMethod())) {
			turn.run();
		}
		chain.doFilter(request, response);
	}

}
