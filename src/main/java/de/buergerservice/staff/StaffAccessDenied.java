package de.buergerservice.staff;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in member of staff may not do this here: answered with 403.
 */
public class StaffAccessDenied extends AccessDeniedException {

	public StaffAccessDenied(String message) {
		super(message);
	}

}
