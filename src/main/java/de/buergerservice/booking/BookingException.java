package de.buergerservice.booking;

import java.util.List;

import de.buergerservice.shared.FieldProblem;

/**
 * Why a booking, rescheduling or waiting-list request was refused. Nothing was held or
 * changed.
 */
public abstract sealed class BookingException extends RuntimeException {

	BookingException(String message) {
		super(message, null, false, false);
	}

	/**
	 * The request itself is wrong (a time off the grid, an unknown procedure, a malformed
	 * e-mail, …): each problem names the field and a message key with its arguments.
	 */
	public static final class Invalid extends BookingException {

		private final transient List<Problem> problems;

		public Invalid(List<Problem> problems) {
			super("Invalid booking request: " + problems);
			this.problems = List.copyOf(problems);
		}

		public static Invalid of(String field, String messageKey, Object... arguments) {
			return new Invalid(List.of(new Problem(field, messageKey, List.of(arguments))));
		}

		public List<Problem> problems() {
			return problems;
		}

	}

	/** The time is no longer free (someone else was faster). */
	public static final class Unavailable extends BookingException {

		public Unavailable() {
			super("The time is no longer free");
		}

	}

	/** A rate limit or the limit of active appointments per person was reached. */
	public static final class LimitReached extends BookingException {

		private final Limit limit;

		public LimitReached(Limit limit) {
			super("Limit reached: " + limit);
			this.limit = limit;
		}

		public Limit limit() {
			return limit;
		}

	}

	/** Which limit. */
	public enum Limit {

		REQUESTS_PER_CLIENT, REQUESTS_PER_EMAIL, ACTIVE_APPOINTMENTS_PER_EMAIL

	}

	/** One thing wrong with a request. */
	public record Problem(String field, String messageKey, List<Object> arguments) implements FieldProblem {

		public Problem {
			arguments = List.copyOf(arguments);
		}

	}

}
