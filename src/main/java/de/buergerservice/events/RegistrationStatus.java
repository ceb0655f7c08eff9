package de.buergerservice.events;

/**
 * Where a registration stands.
 */
public enum RegistrationStatus {

	/** Holds a seat until the citizen confirms by e-mail or the hold lapses. */
	AWAITING_CONFIRMATION,

	/** Confirmed: the seat is the citizen's. */
	CONFIRMED,

	/**
	 * Waits for a seat; when one becomes free, the first in line gets it held and a mail
	 * to confirm.
	 */
	WAITING_LIST,

	/** Cancelled by the citizen. */
	CANCELLED,

	/** Not confirmed in time; the seat went to others. */
	LAPSED;

	/** Whether it still holds a seat or a place on the waiting list. */
	public boolean isActive() {
		return this == AWAITING_CONFIRMATION || this == CONFIRMED || this == WAITING_LIST;
	}

	/** Whether it holds a seat. */
	public boolean holdsSeat() {
		return this == AWAITING_CONFIRMATION || this == CONFIRMED;
	}

}
