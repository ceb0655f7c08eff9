package de.buergerservice.locations;

import java.time.LocalDate;

import de.buergerservice.shared.LocalizedText;

/**
 * A public holiday of the city's state, e.g. Buß- und Bettag in Saxony.
 */
public record Holiday(LocalDate date, LocalizedText name) {

}
