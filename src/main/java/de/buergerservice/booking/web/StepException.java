package de.buergerservice.booking.web;

import java.util.List;

import de.buergerservice.booking.BookingException;

import org.springframework.http.HttpStatus;

/**
 * What a booking page answers when the parameters of an earlier step are wrong: the step
 * that can put it right is shown again with the problems, and the status.
 */
final class StepException extends RuntimeException {

	/** The booking steps, in order. */
	enum Step {

		PROCEDURES, LOCATION, DAY, TIME, DETAILS;

		/** The step that can put right the problems booking found with a request. */
		static Step of(List<BookingException.Problem> problems) {
			for (BookingException.Problem problem : problems) {
				switch (problem.field()) {
					case "procedures", "quantities" -> {
						return PROCEDURES;
					}
					case "location" -> {
						return LOCATION;
					}
					case "start" -> {
						return TIME;
					}
					default -> {
					}
				}
			}
			return DETAILS;
		}

	}

	private final Step step;

	private final transient List<BookingException.Problem> problems;

	private final HttpStatus status;

	StepException(Step step, List<BookingException.Problem> problems, HttpStatus status) {
		super(step + ": " + problems, null, false, false);
		this.step = step;
		this.problems = List.copyOf(problems);
		this.status = status;
	}

	static StepException of(Step step, String field, String messageKey, Object... arguments) {
		return new StepException(step, List.of(new BookingException.Problem(field, messageKey, List.of(arguments))),
				HttpStatus.BAD_REQUEST);
	}

	StepException with(HttpStatus other) {
		return new StepException(step, problems, other);
	}

	Step step() {
		return step;
	}

	List<BookingException.Problem> problems() {
		return problems;
	}

	HttpStatus status() {
		return status;
	}

}
