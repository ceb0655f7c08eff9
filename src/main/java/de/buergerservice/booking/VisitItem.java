package de.buergerservice.booking;

import de.buergerservice.shared.ProcedureId;

/**
 * One procedure of a visit and for how many persons (or vehicles).
 */
public record VisitItem(ProcedureId procedure, int quantity) {

	public VisitItem {
		if (quantity < 1) {
			throw new IllegalArgumentException("A quantity is at least 1");
		}
	}

}
