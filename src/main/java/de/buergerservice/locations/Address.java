package de.buergerservice.locations;

import org.jspecify.annotations.Nullable;

/**
 * A postal address in the city.
 */
public record Address(String street, String postalCode, String city, @Nullable String district) {

	/** One line, as shown on a page: {@code Otto-Schill-Straße 2, 04109 Leipzig}. */
	public String line() {
		return street + ", " + postalCode + " " + city;
	}

}
