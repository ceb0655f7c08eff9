package de.buergerservice.locations;

import de.buergerservice.shared.LocalizedText;

/**
 * A department (Fachbereich) that owns procedures, e.g. Meldeservice or Standesamt.
 */
public record Department(String id, LocalizedText name, LocalizedText description) {

}
