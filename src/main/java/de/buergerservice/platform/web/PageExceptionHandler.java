package de.buergerservice.platform.web;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import de.buergerservice.shared.NotFoundException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on citizens' pages become a readable page in the citizen's language with the
 * right status and a way back, never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final LayoutModel layout;

	private final ProblemFactory problems;

	private final JsonMapper json;

	PageExceptionHandler(LayoutModel layout, ProblemFactory problems, JsonMapper json) {
		this.layout = layout;
		this.problems = problems;
		this.json = json;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request, Locale locale) {
		return page(ErrorPage.of(HttpStatus.NOT_FOUND, ex.messageKey(), ex.arguments()), request, locale);
	}

	/**
	 * A signed-in member of staff without the role or location for a page (anonymous
	 * requests never get this far: the security filter sends them to the login).
	 */
	@ExceptionHandler
	ModelAndView forbidden(AccessDeniedException ex, HttpServletRequest request, Locale locale) {
		LOG.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return page(ErrorPage.of(HttpStatus.FORBIDDEN, "error.page.403"), request, locale);
	}

	@ExceptionHandler({ BindException.class, TypeMismatchException.class, MissingServletRequestParameterException.class,
			HandlerMethodValidationException.class, InvalidParameterException.class, RequestRejectedException.class,
			MultipartException.class })
	ModelAndView badRequest(Exception ex, HttpServletRequest request, Locale locale) {
		return page(ErrorPage.of(HttpStatus.BAD_REQUEST, "error.page.400"), request, locale);
	}

	/**
	 * The client has gone (a display closed, an event stream cut): there is no one to
	 * answer and nothing went wrong here, so no page and no error in the log.
	 */
	@ExceptionHandler
	@Nullable ModelAndView clientGone(AsyncRequestNotUsableException ex) {
		return null;
	}

	/**
	 * Spring MVC's own exceptions (unsupported method, missing resource, …) keep their
	 * status.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, SQLTransientConnectionException.class })
	ModelAndView unavailable(Exception ex, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		LOG.warn("No database connection for a page: {}", ex.getMessage());
		response.setHeader("Retry-After", "10");
		return page(ErrorPage.of(HttpStatus.SERVICE_UNAVAILABLE, "error.page.503"), request, locale);
	}

	/** Too many changes at once on this instance (see {@link AdmissionControl}). */
	@ExceptionHandler
	ModelAndView busy(AdmissionControl.Busy ex, HttpServletRequest request, HttpServletResponse response,
			Locale locale) {
		response.setHeader("Retry-After", ex.retryAfter());
		ModelAndView page = ErrorPage.of(HttpStatus.SERVICE_UNAVAILABLE, "error.page.503.busy");
		Resend resend = Resend.of(request);
		if (resend != null) {
			page.addObject("resend", resend);
		}
		return page(page, request, locale);
	}

	@ExceptionHandler
	ModelAndView other(Exception ex, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (DatabaseOutOfReach.causedBy(ex)) {
			return unavailable(ex, request, response, locale);
		}
		if (ex instanceof ErrorResponse error && error.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = error.getStatusCode();
			return page(ErrorPage.of(status, ErrorPage.keyFor(status.value())), request, locale);
		}
		LOG.error("Unexpected error on a page", ex);
		return page(ErrorPage.of(HttpStatus.INTERNAL_SERVER_ERROR, "error.page.500"), request, locale);
	}

	/**
	 * The error page, or for a path of the API that no controller serves, its problem
	 * document.
	 */
	private ModelAndView page(ModelAndView page, HttpServletRequest request, Locale locale) {
		if (ProblemView.isApi(request.getRequestURI()) && page.getStatus() != null) {
			HttpStatusCode status = page.getStatus();
			return new ModelAndView(
					new ProblemView(problems.problem(status, "problem.detail." + status.value()), json));
		}
		page.addAllObjects(layout.attributes(request, locale));
		return page;
	}

}
