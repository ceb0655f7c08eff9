package de.buergerservice.catalog;

import java.util.List;

import de.buergerservice.shared.LocalizedText;
import de.buergerservice.shared.ProcedureId;
import org.jspecify.annotations.Nullable;

/**
 * A procedure (Leistung) the city offers: what it is, what to bring, what it costs and
 * how long it takes at the counter.
 *
 * @param leikaKey the national service key where a verified one is known, {@code null}
 * otherwise
 * @param departmentId the department that owns it
 * @param keywords words citizens type for it, German and English, space-separated
 * @param durationMinutes the expected time at the counter for one person
 * @param maxQuantity how many persons (or vehicles) one appointment may cover
 * @param bookable whether appointments can be booked for it
 * @param walkIn whether it may be served on a walk-in ticket
 * @param online where it can be done online instead, if anywhere
 */
public record Procedure(ProcedureId id, @Nullable LeikaKey leikaKey, String departmentId, LocalizedText name,
		LocalizedText summary, LocalizedText description, LocalizedText keywords, List<LocalizedText> documents,
		List<Fee> fees, int durationMinutes, int maxQuantity, boolean bookable, boolean walkIn,
		@Nullable OnlineService online) {

	public Procedure {
		documents = List.copyOf(documents);
		fees = List.copyOf(fees);
		if (durationMinutes < 5 || durationMinutes > 240) {
			throw new IllegalArgumentException("Duration must be 5 to 240 minutes: " + id);
		}
		if (maxQuantity < 1 || maxQuantity > 10) {
			throw new IllegalArgumentException("Quantity must be 1 to 10: " + id);
		}
	}

	public boolean onlineAvailable() {
		return online != null;
	}

}
