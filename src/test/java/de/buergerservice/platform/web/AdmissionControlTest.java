package de.buergerservice.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Citizens' changes beyond what one instance works on at once wait a moment for their
 * turn and are then told to come back (503 with {@code Retry-After}) before anything is
 * done — an API change before any later filter sees it; reading and the staff's work are
 * never held up, and a finished change frees its turn.
 */
class AdmissionControlTest {

	private final CountDownLatch release = new CountDownLatch(1);

	private final Changes changes = new Changes(release);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** Stands for the filters after admission control (security above all). */
	private final AtomicInteger laterFilters = new AtomicInteger();

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(changes, new Pages())
		.addFilters(
				new AdmissionControl(new AdmissionProperties(1, Duration.ofMillis(50), Duration.ofSeconds(2)), meters,
						ErrorHandlers.problems(), new CityLocaleResolver(), new JsonMapper()),
				(request, response, chain) -> {
					laterFilters.incrementAndGet();
					chain.doFilter(request, response);
				})
		.addInterceptors(new AdmissionControl.ShedPages())
		.setControllerAdvice(ErrorHandlers.both())
		.build();

	@AfterEach
	void releaseTheSlowChange() {
		release.countDown();
	}

	@Test
	void aChangeBeyondTheLimitIsA503ProblemWithRetryAfterAndIsNotWorkedOn() throws Exception {
		CompletableFuture<MvcResult> slow = aSlowChangeUnderWay();
		int seenBefore = laterFilters.get();

		MockHttpServletResponse refused = mvc.perform(post("/api/v1/change")).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":503")
			.contains("Dienst nicht verfügbar")
			.doesNotContain("Exception");
		assertThat(changes.worked.get()).as("changes worked on").isEqualTo(1);
		assertThat(laterFilters.get()).as("later filters that saw the refused change").isEqualTo(seenBefore);
		assertThat(meters.counter("buergerservice.admission.shed").count()).isEqualTo(1);
		release.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aRefusedApiChangeIsExplainedInTheClientsLanguage() throws Exception {
		aSlowChangeUnderWay();

		MockHttpServletResponse refused = mvc.perform(post("/api/v1/change").header("Accept-Language", "en"))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Service unavailable")
			.contains("Retry-After");
	}

	@Test
	void theStaffsChangesAreNotHeldUp() throws Exception {
		aSlowChangeUnderWay();

		assertThat(mvc.perform(post("/staff/change")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aPageChangeBeyondTheLimitIsAReadable503Page() throws Exception {
		aSlowChangeUnderWay();

		MvcResult refused = mvc.perform(post("/termin")).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(503);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("2");
		assertThat(refused.getModelAndView()).isNotNull();
		assertThat(refused.getModelAndView().getViewName()).isEqualTo("error");
		assertThat(refused.getModelAndView().getModel()).containsEntry("messageKey", "error.page.503.busy");
		assertThat(changes.worked.get()).isEqualTo(1);
	}

	@Test
	void aShedPageChangeKeepsItsFormToSendAgainWithoutTheCsrfToken() throws Exception {
		aSlowChangeUnderWay();

		MvcResult refused = mvc
			.perform(post("/termin").param("leistung", "personalausweis-beantragen", "meldebescheinigung")
				.param("_csrf", "the-old-token")
				.param("name", "Erika <b>Mustermann</b>"))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(503);
		assertThat(refused.getModelAndView().getModel().get("resend")).isEqualTo(new Resend("/termin",
				List.of(new Resend.Field("leistung", "personalausweis-beantragen"),
						new Resend.Field("leistung", "meldebescheinigung"),
						new Resend.Field("name", "Erika <b>Mustermann</b>"))));
		assertThat(changes.worked.get()).isEqualTo(1);
	}

	@Test
	void aShedUploadIsNotOfferedToSendAgainForItsFileIsGone() throws Exception {
		aSlowChangeUnderWay();

		MvcResult refused = mvc
			.perform(multipart("/termin")
				.file(new MockMultipartFile("nachweis", "a.pdf", "application/pdf", new byte[1]))
				.param("name", "Erika Mustermann"))
			.andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(503);
		assertThat(refused.getModelAndView().getModel()).containsEntry("messageKey", "error.page.503.busy")
			.doesNotContainKey("resend");
	}

	@Test
	void readingIsNotHeldUpByChangesUnderWay() throws Exception {
		aSlowChangeUnderWay();

		assertThat(mvc.perform(get("/api/v1/reading")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void aFinishedChangeFreesItsTurn() throws Exception {
		CompletableFuture<MvcResult> slow = aSlowChangeUnderWay();
		release.countDown();
		slow.get(10, TimeUnit.SECONDS);

		for (int i = 0; i < 3; i++) {
			assertThat(mvc.perform(post("/api/v1/change")).andReturn().getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(meters.counter("buergerservice.admission.shed").count()).isZero();
	}

	private CompletableFuture<MvcResult> aSlowChangeUnderWay() throws InterruptedException {
		CompletableFuture<MvcResult> slow = CompletableFuture
			.supplyAsync(() -> perform(post("/api/v1/change").param("slow", "true")));
		assertThat(changes.started.await(10, TimeUnit.SECONDS)).as("the slow change started").isTrue();
		return slow;
	}

	private MvcResult perform(RequestBuilder request) {
		try {
			return mvc.perform(request).andReturn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@RestController
	static class Changes {

		final AtomicInteger worked = new AtomicInteger();

		final CountDownLatch started = new CountDownLatch(1);

		private final CountDownLatch release;

		Changes(CountDownLatch release) {
			this.release = release;
		}

		@PostMapping("/api/v1/change")
		String change(@RequestParam(defaultValue = "false") boolean slow) throws InterruptedException {
			worked.incrementAndGet();
			if (slow) {
				started.countDown();
				release.await(10, TimeUnit.SECONDS);
			}
			return "done";
		}

		@GetMapping("/api/v1/reading")
		String reading() {
			return "read";
		}

	}

	@Controller
	static class Pages {

		@PostMapping("/termin")
		@ResponseBody
		String book() {
			return "booked";
		}

		@PostMapping("/staff/change")
		@ResponseBody
		String staff() {
			return "changed";
		}

	}

}
