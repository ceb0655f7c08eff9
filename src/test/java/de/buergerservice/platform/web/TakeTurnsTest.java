package de.buergerservice.platform.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read on a virtual thread gives way before it is worked on; one on a platform thread
 * (preempted by the operating system anyway) does not, nor does a change (which takes its
 * turn in admission control).
 */
class TakeTurnsTest {

	private final List<String> steps = new CopyOnWriteArrayList<>();

	private final TakeTurns filter = new TakeTurns(() -> steps.add("gave way on " + kind()));

	@Test
	void aVirtualThreadGivesWayBeforeTheRequestIsWorkedOn() throws Exception {
		Thread.ofVirtual().start(this::serve).join();

		assertThat(steps).containsExactly("gave way on virtual", "worked on virtual");
	}

	@Test
	void aPlatformThreadGoesStraightToWork() throws Exception {
		Thread.ofPlatform().start(this::serve).join();

		assertThat(steps).containsExactly("worked on platform");
	}

	@Test
	void aChangeGoesStraightToWork() throws Exception {
		Thread.ofVirtual().start(() -> serve("POST")).join();

		assertThat(steps).containsExactly("worked on virtual");
	}

	private void serve() {
		serve("GET");
	}

	private void serve(String method) {
		try {
			filter.doFilter(new MockHttpServletRequest(method, "/api/v1/availability"), new MockHttpServletResponse(),
					new MockFilterChain(new HttpServlet() {
						@Override
						protected void service(HttpServletRequest request, HttpServletResponse response) {
							steps.add("worked on " + kind());
						}
					}));
		}
		catch (Exception ex) {
			steps.add("failed: " + ex);
		}
	}

	private static String kind() {
		return Thread.currentThread().isVirtual() ? "virtual" : "platform";
	}

}
