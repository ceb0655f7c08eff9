package de.buergerservice.booking;

import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.shared.SecretBox;

/**
 * Counters of a location with the same skills: the unit of capacity. A visit needs one
 * pool whose skills cover all its procedures; which counter of the pool serves the
 * citizen is decided at the front desk.
 */
public record Pool(PoolId id, LocationId location, int counters, Set<ProcedureId> skills) {

	/**
	 * The order in which pools are tried for a visit: the most specific (fewest skills)
	 * first, so that the all-rounders stay free for visits only they can serve; then by
	 * id, so that every booking locks pools in the same order.
	 */
	public static final Comparator<Pool> PREFERENCE = Comparator.comparingInt((Pool pool) -> pool.skills().size())
		.thenComparing(Pool::id);

	public Pool {
		if (counters < 1) {
			throw new IllegalArgumentException("A pool has at least one counter");
		}
		skills = Set.copyOf(skills);
	}

	/** The pool of a location's counters with these skills; its id is stable. */
	public static Pool of(LocationId location, Collection<ProcedureId> skills, int counters) {
		TreeSet<ProcedureId> sorted = new TreeSet<>(skills);
		String digest = HexFormat.of()
			.formatHex(SecretBox.sha256(String.join(",", sorted.stream().map(ProcedureId::value).toList())))
			.substring(0, 12);
		return new Pool(new PoolId(location.value() + "/" + digest), location, counters, sorted);
	}

	public boolean serves(Collection<ProcedureId> procedures) {
		return skills.containsAll(procedures);
	}

	/** The pools of a location that can serve a visit, in the order they are tried. */
	public static List<Pool> candidates(Collection<Pool> pools, Collection<ProcedureId> procedures) {
		return pools.stream().filter(pool -> pool.serves(procedures)).sorted(PREFERENCE).toList();
	}

}
