package de.buergerservice.events;

import java.util.List;

import de.buergerservice.shared.FieldProblem;

/**
 * Why a registration was refused. Nothing was held or changed.
 */
public abstract sealed class EventException extends RuntimeException {

	EventException(String message) {
		super(message, null, false, false);
	}

	/**
	 * The request itself is wrong (no name, a malformed e-mail, an unknown session, …):
	 * each problem names the field and a message key with its arguments.
	 */
	public static final class Invalid extends EventException {

		private final transient List<Problem> problems;

		public Invalid(List<Problem> problems) {
			super("Invalid registration: " + problems);
			this.problems = List.copyOf(problems);
		}

		public static Invalid of(String field, String messageKey, Object... arguments) {
			return new Invalid(List.of(new Problem(field, messageKey, List.of(arguments))));
		}

		public List<Problem> problems() {
			return problems;
		}

	}

	/** There is no such event. */
	public static final class UnknownEvent extends EventException {

		public UnknownEvent(String id) {
			super("No event " + id);
		}

	}

	/** Every seat is taken and the waiting list is full (or there is none). */
	public static final class Full extends EventException {

		public Full() {
			super("Fully booked, waiting list full");
		}

	}

	/** The session has begun (or is over): registration is closed. */
	public static final class Closed extends EventException {

		public Closed() {
			super("Registration closed");
		}

	}

	/** This e-mail address is registered for the event already. */
	public static final class AlreadyRegistered extends EventException {

		public AlreadyRegistered() {
			super("Registered already");
		}

	}

	/** One thing wrong with a request. */
	public record Problem(String field, String messageKey, List<Object> arguments) implements FieldProblem {

		public Problem {
			arguments = List.copyOf(arguments);
		}

	}

}
