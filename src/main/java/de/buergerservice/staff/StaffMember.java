package de.buergerservice.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import de.buergerservice.locations.LocationId;

/**
 * A signed-in member of staff and what they may do where.
 */
public record StaffMember(String username, String displayName, Set<Grant> grants) {

	public StaffMember {
		grants = Set.copyOf(grants);
	}

	public boolean isAdministrator() {
		return grants.contains(Grant.of(Role.ADMINISTRATOR));
	}

	/**
	 * Whether they hold one of the roles at the location (administrators may everything
	 * everywhere; heads of office may what their counter staff may).
	 */
	public boolean may(LocationId location, Role... roles) {
		if (isAdministrator()) {
			return true;
		}
		List<Role> wanted = Arrays.asList(roles);
		return grants.stream()
			.anyMatch(grant -> location.equals(grant.location()) && (wanted.contains(grant.role())
					|| grant.role() == Role.HEAD_OF_OFFICE && wanted.contains(Role.COUNTER_STAFF)));
	}

	/** Whether they hold a role that is not bound to a location. */
	public boolean may(Role role) {
		return isAdministrator() || grants.contains(Grant.of(role));
	}

	/**
	 * The locations where they hold one of the roles (all, for administrators: check
	 * first).
	 */
	public Set<LocationId> locations(Role... roles) {
		List<Role> wanted = Arrays.asList(roles);
		return grants.stream()
			.filter(grant -> grant.location() != null && (wanted.contains(grant.role())
					|| grant.role() == Role.HEAD_OF_OFFICE && wanted.contains(Role.COUNTER_STAFF)))
			.map(Grant::location)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

}
