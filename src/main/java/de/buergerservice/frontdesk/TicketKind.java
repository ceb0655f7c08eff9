package de.buergerservice.frontdesk;

/**
 * How a citizen came: with an appointment (numbers A-…) or as a walk-in (numbers W-…).
 */
public enum TicketKind {

	APPOINTMENT("A"), WALK_IN("W");

	private final String prefix;

	TicketKind(String prefix) {
		this.prefix = prefix;
	}

	/** The short number shown on the display, e.g. {@code A-007}. */
	public String number(int sequence) {
		return "%s-%03d".formatted(prefix, sequence);
	}

}
