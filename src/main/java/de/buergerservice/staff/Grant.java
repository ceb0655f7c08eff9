package de.buergerservice.staff;

import java.util.Optional;

import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

/**
 * A role a member of staff holds, at one location where the role is bound to one. As an
 * authority it reads {@code COUNTER_STAFF@buergerbuero-otto-schill-strasse} or
 * {@code ADMINISTRATOR}: the same strings whether the grants come from a local account
 * or, later, from the city's identity provider.
 */
public record Grant(Role role, @Nullable LocationId location) {

	public Grant {
		if (role.perLocation() != (location != null)) {
			throw new IllegalArgumentException(role + (role.perLocation() ? " needs a location" : " has no location"));
		}
	}

	public static Grant of(Role role) {
		return new Grant(role, null);
	}

	public static Grant at(Role role, LocationId location) {
		return new Grant(role, location);
	}

	public String authority() {
		return location == null ? role.name() : role.name() + "@" + location.value();
	}

	/** The grant an authority string stands for; empty for other authorities. */
	public static Optional<Grant> parse(String authority) {
		String[] parts = authority.split("@", 2);
		try {
			Role role = Role.valueOf(parts[0]);
			if (parts.length == 1) {
				return role.perLocation() ? Optional.empty() : Optional.of(of(role));
			}
			return role.perLocation() && LocationId.isValid(parts[1]) ? Optional.of(at(role, LocationId.of(parts[1])))
					: Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
