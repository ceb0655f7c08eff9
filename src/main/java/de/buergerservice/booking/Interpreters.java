package de.buergerservice.booking;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;

/**
 * Interpreters for visits that need one, provided by the interpreting module: booking
 * asks it which times have an interpreter of a language free, and takes one in the
 * booking's own transaction, so that a visit has its counter and its interpreter or
 * neither. Without an implementation, no visit can have an interpreter.
 */
public interface Interpreters {

	/**
	 * Whether a visit of these procedures may have an interpreter of this language (ISO
	 * 639 code).
	 */
	boolean offered(Set<ProcedureId> procedures, String language);

	/**
	 * The languages (ISO 639 codes) a visit of these procedures may have an interpreter
	 * of; empty if one of them takes none.
	 */
	List<String> languages(Set<ProcedureId> procedures);

	/**
	 * Who of a language is free between two instants, read once and asked for every start
	 * time.
	 */
	FreeTimes free(String language, Instant from, Instant to);

	/**
	 * Takes a free interpreter of the language for the appointment, in the caller's
	 * transaction (after its counter seats, so that every booking locks in the same
	 * order).
	 * @return false if none is free then
	 */
	boolean assign(AppointmentReference reference, LocationId location, String language, Instant start, Instant end);

	/** Frees the appointment's interpreter, in the caller's transaction. */
	void release(AppointmentReference reference);

	/** The free times of a language's interpreters. */
	@FunctionalInterface
	interface FreeTimes {

		/** Whether an interpreter is free for the whole of the interval. */
		boolean anyFree(Instant start, Instant end);

	}

}
