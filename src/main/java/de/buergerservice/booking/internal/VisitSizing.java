package de.buergerservice.booking.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.shared.ProcedureId;

import org.springframework.stereotype.Component;

/**
 * What a visit is made of and how long it takes: every procedure must exist and be
 * bookable, each at most once and for no more persons than it allows; a procedure takes
 * its duration in grid units (rounded up) per person, a visit the sum.
 */
@Component
public class VisitSizing {

	/** The most procedures in one visit. */
	static final int MAX_PROCEDURES = 8;

	private final Catalog catalog;

	VisitSizing(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Checks the items of a visit.
	 * @throws BookingException.Invalid naming every problem found
	 */
	public void check(List<VisitItem> items) {
		List<BookingException.Problem> problems = new ArrayList<>();
		if (items.isEmpty()) {
			problems.add(new BookingException.Problem("procedures", "booking.error.procedures.empty", List.of()));
		}
		if (items.size() > MAX_PROCEDURES) {
			problems.add(new BookingException.Problem("procedures", "booking.error.procedures.tooMany",
					List.of(MAX_PROCEDURES)));
		}
		Set<ProcedureId> seen = new HashSet<>();
		for (VisitItem item : items) {
			String id = item.procedure().value();
			var procedure = catalog.procedure(item.procedure());
			if (!seen.add(item.procedure())) {
				problems.add(new BookingException.Problem("procedures", "booking.error.procedure.twice", List.of(id)));
			}
			else if (procedure.isEmpty()) {
				problems
					.add(new BookingException.Problem("procedures", "booking.error.procedure.unknown", List.of(id)));
			}
			else if (!procedure.get().bookable()) {
				problems.add(
						new BookingException.Problem("procedures", "booking.error.procedure.notBookable", List.of(id)));
			}
			else if (item.quantity() > procedure.get().maxQuantity()) {
				problems.add(new BookingException.Problem("quantities", "booking.error.quantity.tooMany",
						List.of(id, procedure.get().maxQuantity())));
			}
		}
		if (!problems.isEmpty()) {
			throw new BookingException.Invalid(problems);
		}
	}

	/** The grid units a (checked) visit takes at a location with this grid. */
	public int units(List<VisitItem> items, int gridMinutes) {
		int units = 0;
		for (VisitItem item : items) {
			Procedure procedure = catalog.procedure(item.procedure()).orElseThrow();
			units += Math.ceilDiv(procedure.durationMinutes(), gridMinutes) * item.quantity();
		}
		return units;
	}

	public static List<ProcedureId> procedures(List<VisitItem> items) {
		return items.stream().map(VisitItem::procedure).toList();
	}

}
