package de.buergerservice.staff.web;

import java.util.Comparator;
import java.util.List;

import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffAccessDenied;
import de.buergerservice.staff.StaffMember;
import de.buergerservice.staff.internal.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff login page, the start page (what the signed-in member may do where) and the
 * audit log (heads of office for their location, administrators for all).
 */
@Controller
class StaffPages {

	private final Staff staff;

	private final Locations locations;

	private final AuditLog audit;

	StaffPages(Staff staff, Locations locations, AuditLog audit) {
		this.staff = staff;
		this.locations = locations;
		this.audit = audit;
	}

	@GetMapping("/staff/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("loggedOut", logout != null);
		return "staff/login";
	}

	@GetMapping("/staff")
	String home(Model model) {
		StaffMember member = staff.current();
		model.addAttribute("member", member);
		model.addAttribute("counterLocations", places(member, Role.COUNTER_STAFF));
		model.addAttribute("registryLocations", places(member, Role.REGISTRY_STAFF));
		model.addAttribute("headLocations", places(member, Role.HEAD_OF_OFFICE));
		model.addAttribute("phoneAgent", member.may(Role.PHONE_AGENT));
		return "staff/home";
	}

	@GetMapping("/staff/protokoll")
	String audit(@RequestParam(name = "standort", required = false) @Nullable String location,
			@RequestParam(name = "vorgang", required = false) @Nullable String subject, Model model) {
		StaffMember member = staff.current();
		LocationId where = location == null || location.isBlank() || !LocationId.isValid(location) ? null
				: LocationId.of(location);
		if (where == null && !member.isAdministrator()) {
			throw new StaffAccessDenied("Only administrators see the whole audit log");
		}
		if (where != null) {
			staff.require(where, Role.HEAD_OF_OFFICE);
		}
		String about = subject == null || subject.isBlank() || subject.length() > 40
				|| subject.chars().anyMatch(Character::isISOControl) ? null : subject.strip();
		model.addAttribute("entries", audit.entries(where, about, 200));
		model.addAttribute("location", where == null ? null : locations.find(where).orElse(null));
		model.addAttribute("subject", about);
		return "staff/audit";
	}

	/**
	 * The locations where the member holds the role (every location for administrators).
	 */
	private List<Location> places(StaffMember member, Role role) {
		return locations.all()
			.stream()
			.filter(location -> member.isAdministrator()
					? role != Role.REGISTRY_STAFF || location.id().value().equals("standesamt")
					: member.locations(role).contains(location.id()))
			.sorted(Comparator.comparing(location -> location.name().de()))
			.toList();
	}

}
