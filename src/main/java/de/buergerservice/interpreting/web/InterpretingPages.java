package de.buergerservice.interpreting.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.internal.CostReport;
import de.buergerservice.interpreting.internal.InterpretingService;
import de.buergerservice.interpreting.internal.SessionMinutes;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.LocationKind;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffAccessDenied;
import de.buergerservice.staff.StaffMember;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry staff's page of a day's interpreted consultations (with the video link,
 * and the minutes to record afterwards), and the monthly cost report for the city's
 * account (page and CSV).
 */
@Controller
class InterpretingPages {

	private static final Role[] REGISTRY = { Role.REGISTRY_STAFF, Role.HEAD_OF_OFFICE };

	private final InterpretingService interpreting;

	private final SessionMinutes minutes;

	private final CostReport costs;

	private final Staff staff;

	private final Locations locations;

	private final MessageSource messages;

	private final Clock clock;

	private final City city;

	InterpretingPages(InterpretingService interpreting, SessionMinutes minutes, CostReport costs, Staff staff,
			Locations locations, MessageSource messages, Clock clock, City city) {
		this.interpreting = interpreting;
		this.minutes = minutes;
		this.costs = costs;
		this.staff = staff;
		this.locations = locations;
		this.messages = messages;
		this.clock = clock;
		this.city = city;
	}

	@GetMapping("/staff/dolmetschen")
	String today(@RequestParam(name = "standort", required = false) @Nullable String location,
			@RequestParam(name = "tag", required = false) @Nullable String day, Model model) {
		StaffMember member = staff.current();
		Location place = registryOffice(member, location);
		staff.require(place.id(), REGISTRY);
		LocalDate date = date(day);
		List<Assignment> assignments = interpreting.on(place.id(), date);
		model.addAttribute("location", place);
		model.addAttribute("day", date);
		model.addAttribute("previous", date.minusDays(1));
		model.addAttribute("next", date.plusDays(1));
		model.addAttribute("assignments", assignments);
		model.addAttribute("recorded", minutes.recorded(assignments.stream().map(Assignment::reference).toList()));
		model.addAttribute("booked",
				assignments.stream()
					.collect(Collectors.toMap(assignment -> assignment.reference().value(),
							assignment -> Duration.between(assignment.start(), assignment.end()).toMinutes())));
		model.addAttribute("report", mayReport(member));
		return "interpreting/today";
	}

	@PostMapping("/staff/dolmetschen/{reference}/minuten")
	String record(@PathVariable String reference, @RequestParam(name = "minuten", defaultValue = "") String value,
			RedirectAttributes redirect, Locale locale) {
		// refused before looking up: who works at no registry office learns nothing of
		// which references exist
		registryOffice(staff.current(), null);
		Assignment assignment = AppointmentReference.parse(reference)
			.flatMap(interpreting::assignment)
			.filter(Assignment::active)
			.orElseThrow(() -> new NotFoundException("interpreting.error.unknown", reference));
		StaffMember member = staff.require(assignment.location(), REGISTRY);
		LocalDate day = assignment.start().atZone(city.zone()).toLocalDate();
		String back = "redirect:/staff/dolmetschen?standort=" + assignment.location().value() + "&tag=" + day;
		Optional<Integer> parsed = parse(value);
		if (parsed.isEmpty() || parsed.get() < 0 || parsed.get() > SessionMinutes.MAX_MINUTES) {
			redirect.addFlashAttribute("problem", messages.getMessage("interpreting.error.minutes",
					new Object[] { SessionMinutes.MAX_MINUTES }, locale));
			return back;
		}
		if (assignment.start().isAfter(clock.instant())) {
			redirect.addFlashAttribute("problem",
					messages.getMessage("interpreting.error.notYet", new Object[] { reference }, locale));
			return back;
		}
		minutes.record(member, assignment, parsed.get());
		redirect.addFlashAttribute("notice",
				messages.getMessage("interpreting.recorded", new Object[] { parsed.get(), reference }, locale));
		return back;
	}

	@GetMapping("/staff/dolmetschen/abrechnung")
	String report(@RequestParam(name = "monat", required = false) @Nullable String month, Model model) {
		requireReport();
		YearMonth which = month(month);
		model.addAttribute("report", costs.of(which));
		model.addAttribute("previous", which.minusMonths(1));
		model.addAttribute("next", which.plusMonths(1));
		return "interpreting/report";
	}

	@GetMapping("/staff/dolmetschen/abrechnung.csv")
	ResponseEntity<String> csv(@RequestParam(name = "monat", required = false) @Nullable String month, Locale locale) {
		requireReport();
		YearMonth which = month(month);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("dolmetschen-" + which + ".csv").build().toString())
			.body(costs.csv(costs.of(which), locale));
	}

	/**
	 * The registry office asked for, or the first one the member works at
	 * (administrators: the first of all).
	 */
	private Location registryOffice(StaffMember member, @Nullable String requested) {
		if (requested != null && !requested.isBlank()) {
			return (LocationId.isValid(requested) ? locations.find(LocationId.of(requested))
					: Optional.<Location>empty())
				.orElseThrow(() -> new NotFoundException("error.notFound.location", requested));
		}
		return locations.all()
			.stream()
			.filter(location -> location.kind() == LocationKind.REGISTRY_OFFICE)
			.filter(location -> member.may(location.id(), REGISTRY))
			.findFirst()
			.orElseThrow(() -> new StaffAccessDenied(member.username() + " works at no registry office"));
	}

	/** The city's account: administrators and the heads of a registry office. */
	private boolean mayReport(StaffMember member) {
		return member.isAdministrator() || locations.all()
			.stream()
			.filter(location -> location.kind() == LocationKind.REGISTRY_OFFICE)
			.anyMatch(location -> member.may(location.id(), Role.HEAD_OF_OFFICE));
	}

	private void requireReport() {
		StaffMember member = staff.current();
		if (!mayReport(member)) {
			throw new StaffAccessDenied(member.username() + " may not see the interpreting costs");
		}
	}

	private LocalDate date(@Nullable String day) {
		if (day == null || day.isBlank()) {
			return LocalDate.now(clock.withZone(city.zone()));
		}
		try {
			LocalDate date = LocalDate.parse(day);
			if (date.getYear() < 1 || date.getYear() > 9999) {
				// JJJJ-MM-TT: signed years of ISO would overflow on the next or previous
				// day
				throw new DateTimeParseException("year of more than four digits", day, 0);
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new NotFoundException("interpreting.error.day", day.length() > 20 ? day.substring(0, 20) : day);
		}
	}

	private YearMonth month(@Nullable String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(clock.withZone(city.zone()));
		}
		try {
			YearMonth parsed = YearMonth.parse(month);
			if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
				throw new DateTimeParseException("year of more than four digits", month, 0);
			}
			return parsed;
		}
		catch (DateTimeParseException ex) {
			throw new NotFoundException("interpreting.error.month",
					month.length() > 20 ? month.substring(0, 20) : month);
		}
	}

	private static Optional<Integer> parse(String value) {
		try {
			return Optional.of(Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
