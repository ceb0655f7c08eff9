package de.buergerservice.interpreting;

import java.util.List;
import java.util.Optional;

import de.buergerservice.booking.AppointmentReference;

/**
 * The public face of interpreting: the languages offered and each appointment's
 * interpreter and video session.
 */
public interface Interpreting {

	/** The languages offered, ordered by their German names. */
	List<Language> languages();

	/** The appointment's interpreter, if it has (or had) one. */
	Optional<Assignment> assignment(AppointmentReference reference);

}
