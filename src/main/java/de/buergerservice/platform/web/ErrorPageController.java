package de.buergerservice.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors that happen outside any controller (unknown paths, rejected requests,
 * denied access): a problem document under {@code /api}, a readable page everywhere else.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ProblemFactory problems;

	private final JsonMapper json;

	ErrorPageController(ProblemFactory problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request) {
		HttpStatusCode status = status(request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && ProblemView.isApi(path)) {
			ProblemDetail problem = problems.problem(status, "problem.detail." + status.value());
			return new ModelAndView(new ProblemView(problem, json));
		}
		return ErrorPage.of(status, ErrorPage.keyFor(status.value()));
	}

	/** The error's status; a request for {@code /error} itself finds nothing there. */
	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			return HttpStatus.NOT_FOUND;
		}
		if (code instanceof Integer value && value >= 400 && value < 600) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
