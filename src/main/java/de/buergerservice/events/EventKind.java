package de.buergerservice.events;

/**
 * What kind of event: Bürgerdialog, Kurs, Sprechstunde.
 */
public enum EventKind {

	/** An (online) citizens' dialogue: one session, many seats, a join link. */
	DIALOGUE,

	/** A course, e.g. of the adult-education centre (VHS). */
	COURSE,

	/** Consultation hours in short sessions, each with a seat or a few. */
	CONSULTATION

}
