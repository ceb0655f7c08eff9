package de.buergerservice.locations;

/**
 * Identifies a counter (Schalter, Arbeitsplatz) of a location.
 */
public record CounterId(String value) {

	public CounterId {
		if (value == null || value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("Not a counter id: " + value);
		}
	}

	@Override
	public String toString() {
		return value;
	}

}
