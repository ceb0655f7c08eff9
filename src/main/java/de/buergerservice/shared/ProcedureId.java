package de.buergerservice.shared;

import java.util.regex.Pattern;

/**
 * Identifies a procedure (Leistung) of the city's catalogue, e.g.
 * {@code personalausweis}. A readable slug: lower-case letters, digits and hyphens.
 */
public record ProcedureId(String value) implements Comparable<ProcedureId> {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	public ProcedureId {
		if (value == null || !SLUG.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a procedure id: " + value);
		}
	}

	public static ProcedureId of(String value) {
		return new ProcedureId(value);
	}

	public static boolean isValid(String value) {
		return value != null && SLUG.matcher(value).matches();
	}

	@Override
	public int compareTo(ProcedureId other) {
		return value.compareTo(other.value);
	}

	/**
	 * Written out, as {@link #hashCode}, for the reason given at
	 * {@code LocationId.equals}.
	 */
	@Override
	public boolean equals(Object other) {
		return this == other || other instanceof ProcedureId id && value.equals(id.value);
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
