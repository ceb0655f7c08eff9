package de.buergerservice.booking.web;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * The query parameters both availability questions share, as sent. Read straight from the
 * request by {@link Resolver}: Spring MVC binds each {@code @RequestParam} with a data
 * binder and a conversion of its own, present or not, and for seven optional parameters
 * that was a tenth of an availability answer's time in the Berlin benchmark. The meaning
 * stays that of {@code @RequestParam}: a single value of a list is split at commas,
 * {@code anywhere} is read as Spring reads a boolean and answered 400 when it is none.
 */
record AvailabilityParameters(
		@Parameter(description = "a procedure's id; repeat for a visit of several") @Nullable List<String> procedure,
		@Parameter(description = "persons per procedure, as procedure:n") @Nullable List<String> quantity,
		@Parameter(description = "a location's id") @Nullable String location,
		@Parameter(
				description = "true: every location that offers the procedures, instead of one") @Nullable Boolean anywhere,
		@Parameter(description = "the first day (ISO 8601)") @Nullable String from,
		@Parameter(description = "the last day (ISO 8601)") @Nullable String to,
		@Parameter(description = "the language (ISO 639) of an interpreter the visit needs: only days and times with "
				+ "one free") @Nullable String interpreterLanguage) {

	/** Reads {@link AvailabilityParameters} from the request's query. */
	static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == AvailabilityParameters.class;
		}

		@Override
		public AvailabilityParameters resolveArgument(MethodParameter parameter,
				@Nullable ModelAndViewContainer container, NativeWebRequest request,
				@Nullable WebDataBinderFactory binders) {
			return new AvailabilityParameters(list(request, "procedure"), list(request, "quantity"),
					request.getParameter("location"), bool(request, "anywhere", parameter),
					request.getParameter("from"), request.getParameter("to"),
					request.getParameter("interpreterLanguage"));
		}

		/**
		 * Repeated values as they are; a single one split at commas, as Spring converts
		 * it.
		 */
		private static @Nullable List<String> list(NativeWebRequest request, String name) {
			String[] values = request.getParameterValues(name);
			if (values == null) {
				return null;
			}
			if (values.length == 1) {
				return Arrays.stream(StringUtils.commaDelimitedListToStringArray(values[0])).map(String::trim).toList();
			}
			return List.of(values);
		}

		private static @Nullable Boolean bool(NativeWebRequest request, String name, MethodParameter parameter) {
			String value = request.getParameter(name);
			if (value == null) {
				return null;
			}
			try {
				return DefaultConversionService.getSharedInstance().convert(value, Boolean.class);
			}
			catch (ConversionException ex) {
				throw new MethodArgumentTypeMismatchException(value, Boolean.class, name, parameter, ex);
			}
		}

	}

}
