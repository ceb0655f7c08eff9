package de.buergerservice.booking;

/**
 * Identifies a pool: the counters of one location that have the same skills.
 */
public record PoolId(String value) implements Comparable<PoolId> {

	public PoolId {
		if (value == null || value.isBlank() || value.length() > 120) {
			throw new IllegalArgumentException("Not a pool id: " + value);
		}
	}

	@Override
	public int compareTo(PoolId other) {
		return value.compareTo(other.value);
	}

	/**
	 * Written out, as {@link #hashCode}, for the reason given at
	 * {@code LocationId.equals}.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof PoolId id && value.equals(id.value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

}
