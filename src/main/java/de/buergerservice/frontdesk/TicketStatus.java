package de.buergerservice.frontdesk;

/**
 * Where a ticket stands during the day.
 */
public enum TicketStatus {

	/** In the waiting room. */
	WAITING,

	/** Called to a counter, not yet there. */
	CALLED,

	/** At the counter. */
	SERVING,

	/** Stepped aside (e.g. to fetch a document); resumed later by the same counter. */
	PARKED,

	/** Served. */
	DONE,

	/** Did not come after being called. */
	NO_SHOW

}
