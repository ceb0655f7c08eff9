package de.buergerservice.locations;

import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * What a citizen with a disability needs to know before going there.
 */
public record Accessibility(boolean stepFree, boolean accessibleToilet, boolean hearingLoop, boolean disabledParking,
		@Nullable LocalizedText notes) {

}
