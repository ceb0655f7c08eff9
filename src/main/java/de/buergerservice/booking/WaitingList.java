package de.buergerservice.booking;

import java.time.LocalDate;
import java.util.List;

import de.buergerservice.locations.LocationId;

/**
 * The waiting list: a citizen who found nothing suitable leaves what they need, where and
 * when; when fitting capacity frees up, the longest-waiting fitting entry is offered it
 * by e-mail with a short hold. An offer not confirmed in time passes to the next entry
 * and ends this one.
 */
public interface WaitingList {

	/**
	 * @throws BookingException.Invalid for a wrong request, or a citizen without an
	 * e-mail address (offers go out by mail)
	 * @throws BookingException.LimitReached past a rate limit
	 */
	Joined join(Request request);

	/** Leaves the list; false if the reference and token do not match a waiting entry. */
	boolean leave(String reference, AccessToken token);

	/**
	 * What a citizen waits for.
	 *
	 * @param locations acceptable locations; empty for any that offers the procedures
	 */
	record Request(List<VisitItem> items, List<LocationId> locations, LocalDate firstDay, LocalDate lastDay,
			Citizen citizen, String client) {

		public Request {
			items = List.copyOf(items);
			locations = List.copyOf(locations);
		}

	}

	/** An entry on the list, with the private token to leave it. */
	record Joined(String reference, AccessToken token) {
	}

}
