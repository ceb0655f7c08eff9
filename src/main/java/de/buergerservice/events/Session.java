package de.buergerservice.events;

import java.time.Instant;

/**
 * When an event takes place, with its seats: the one session of a dialogue or a course,
 * or one of the short sessions of consultation hours.
 *
 * @param number the session's number within its event, from 1
 * @param taken seats held by registrations (confirmed or awaiting confirmation)
 * @param waitingLimit how many may wait for a seat
 * @param waiting how many are waiting
 */
public record Session(int number, Instant start, Instant end, int seats, int taken, int waitingLimit, int waiting) {

	public Session {
		if (number < 1 || !end.isAfter(start) || seats < 0 || taken < 0 || taken > seats || waitingLimit < 0
				|| waiting < 0 || waiting > waitingLimit) {
			throw new IllegalArgumentException("Not a session: " + number + " " + start + " " + end);
		}
	}

	public int seatsFree() {
		return seats - taken;
	}

	public int waitingListFree() {
		return waitingLimit - waiting;
	}

	/** Whether registrations are still taken: it has not begun. */
	public boolean open(Instant now) {
		return start.isAfter(now);
	}

	/** Whether a registration now gets a seat or a place on the waiting list. */
	public boolean available(Instant now) {
		return open(now) && (seatsFree() > 0 || waitingListFree() > 0);
	}

}
