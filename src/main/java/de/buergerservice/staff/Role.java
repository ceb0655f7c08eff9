package de.buergerservice.staff;

/**
 * What a member of staff may do. Some roles hold for one location only.
 */
public enum Role {

	/** Works a counter of a location: check-in, tickets, calling, outcomes. */
	COUNTER_STAFF(true),

	/**
	 * Heads a location: everything its counter staff may, plus the audit log and figures.
	 */
	HEAD_OF_OFFICE(true),

	/**
	 * Answers the city's phone (115): books from the phone quota on a caller's behalf.
	 */
	PHONE_AGENT(false),

	/** Works at the registry office: its consultations, with interpreters. */
	REGISTRY_STAFF(true),

	/** Runs the installation: every location, accounts, the audit log. */
	ADMINISTRATOR(false);

	private final boolean perLocation;

	Role(boolean perLocation) {
		this.perLocation = perLocation;
	}

	public boolean perLocation() {
		return perLocation;
	}

}
