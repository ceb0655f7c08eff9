package de.buergerservice.staff.internal;

import java.util.Set;
import java.util.stream.Collectors;

import de.buergerservice.locations.LocationId;
import de.buergerservice.staff.Grant;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffAccessDenied;
import de.buergerservice.staff.StaffMember;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Reads the signed-in member of staff from the security context: their grants are the
 * authorities, wherever they came from.
 */
@Service
class StaffService implements Staff {

	@Override
	public StaffMember current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication.getAuthorities()
					.stream()
					.noneMatch(authority -> StaffAccounts.STAFF.equals(authority.getAuthority()))) {
			throw new StaffAccessDenied("Not signed in as staff");
		}
		Set<Grant> grants = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.flatMap(authority -> Grant.parse(String.valueOf(authority)).stream())
			.collect(Collectors.toSet());
		String name = authentication.getPrincipal() instanceof StaffAccounts.StaffUser user ? user.displayName()
				: authentication.getName();
		return new StaffMember(authentication.getName(), name, grants);
	}

	@Override
	public StaffMember require(LocationId location, Role... roles) {
		StaffMember member = current();
		if (!member.may(location, roles)) {
			throw new StaffAccessDenied(member.username() + " may not do this at " + location);
		}
		return member;
	}

	@Override
	public StaffMember require(Role role) {
		StaffMember member = current();
		if (!member.may(role)) {
			throw new StaffAccessDenied(member.username() + " is not " + role);
		}
		return member;
	}

}
