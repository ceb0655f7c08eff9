package de.buergerservice.staff;

import de.buergerservice.locations.LocationId;

/**
 * Who is signed in and what they may do.
 */
public interface Staff {

	/**
	 * The signed-in member of staff.
	 * @throws StaffAccessDenied if nobody is
	 */
	StaffMember current();

	/**
	 * The signed-in member of staff if they hold one of the roles at the location.
	 * @throws StaffAccessDenied otherwise
	 */
	StaffMember require(LocationId location, Role... roles);

	/**
	 * The signed-in member of staff if they hold the (location-independent) role.
	 * @throws StaffAccessDenied otherwise
	 */
	StaffMember require(Role role);

}
