package de.buergerservice.frontdesk.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import de.buergerservice.catalog.Catalog;
import de.buergerservice.catalog.Procedure;
import de.buergerservice.frontdesk.Ticket;
import de.buergerservice.frontdesk.TicketStatus;
import de.buergerservice.frontdesk.internal.FrontDeskException;
import de.buergerservice.frontdesk.internal.FrontDeskService;
import de.buergerservice.locations.Counter;
import de.buergerservice.locations.DaySchedule;
import de.buergerservice.locations.CounterId;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.locations.TimeRange;
import de.buergerservice.locations.TourPlace;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.shared.QrCode;
import de.buergerservice.staff.Role;
import de.buergerservice.staff.Staff;
import de.buergerservice.staff.StaffMember;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What counter staff use all day: the location desk (today's appointments and tickets,
 * check-in, walk-in tickets, counters) and the counter workstation (call next, call
 * again, no-show, park, resume, pass on, finish). Plain forms that post and redirect: no
 * JavaScript needed.
 */
@Controller
class DeskPages {

	private static final Role[] DESK = { Role.COUNTER_STAFF, Role.REGISTRY_STAFF };

	private final FrontDeskService desk;

	private final Staff staff;

	private final Locations locations;

	private final Catalog catalog;

	private final MessageSource messages;

	private final City city;

	DeskPages(FrontDeskService desk, Staff staff, Locations locations, Catalog catalog, MessageSource messages,
			City city) {
		this.desk = desk;
		this.staff = staff;
		this.locations = locations;
		this.catalog = catalog;
		this.messages = messages;
		this.city = city;
	}

	@GetMapping("/staff/standort/{location}")
	String location(@PathVariable String location, Model model, Locale locale) {
		Location place = location(location);
		staff.require(place.id(), DESK);
		List<Ticket> tickets = desk.today(place.id());
		Map<String, Ticket> byReference = tickets.stream()
			.filter(ticket -> ticket.appointmentReference() != null)
			.collect(Collectors.toMap(Ticket::appointmentReference, Function.identity(), (a, b) -> a));
		model.addAttribute("location", place);
		model.addAttribute("expected", desk.expectedToday(place.id()));
		model.addAttribute("checkedIn", byReference);
		model.addAttribute("waiting", filter(tickets, TicketStatus.WAITING));
		model.addAttribute("active",
				tickets.stream()
					.filter(ticket -> ticket.status() == TicketStatus.CALLED || ticket.status() == TicketStatus.SERVING
							|| ticket.status() == TicketStatus.PARKED)
					.toList());
		model.addAttribute("finished",
				tickets.stream()
					.filter(ticket -> ticket.status() == TicketStatus.DONE || ticket.status() == TicketStatus.NO_SHOW)
					.toList());
		model.addAttribute("counters",
				locations.counters(place.id())
					.stream()
					.map(counter -> new Seat(counter, desk.sittingAt(counter).orElse(null)))
					.toList());
		model.addAttribute("walkIns", walkInProcedures(place, locale));
		model.addAttribute("walkInsLeft", desk.walkInsLeft(place.id()));
		model.addAttribute("today", Today.of(desk.todayAt(place.id())));
		model.addAttribute("walkInsOpen", desk.walkInsOpen());
		model.addAttribute("walkInUntil", desk.walkInUntil());
		model.addAttribute("procedureNames", procedureNames(locale));
		return "frontdesk/desk";
	}

	@PostMapping("/staff/standort/{location}/checkin")
	String checkIn(@PathVariable String location, @RequestParam(defaultValue = "") String reference,
			RedirectAttributes redirect, Locale locale) {
		Location place = location(location);
		StaffMember member = staff.require(place.id(), DESK);
		try {
			var issued = desk.checkIn(member, place.id(),
					reference.length() > 40 ? reference.substring(0, 40) : reference);
			redirect.addFlashAttribute("notice",
					messages.getMessage("frontdesk.checkedIn", new Object[] { issued.ticket().number() }, locale));
		}
		catch (FrontDeskException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/staff/standort/" + place.id();
	}

	@PostMapping("/staff/standort/{location}/wartemarke")
	String walkIn(@PathVariable String location,
			@RequestParam(name = "procedure", required = false) @Nullable List<String> procedures,
			@RequestParam(required = false) @Nullable String name, RedirectAttributes redirect, Locale locale) {
		Location place = location(location);
		StaffMember member = staff.require(place.id(), DESK);
		try {
			List<ProcedureId> ids = procedures == null ? List.of()
					: procedures.stream().filter(ProcedureId::isValid).map(ProcedureId::of).distinct().toList();
			var issued = desk.walkIn(member, place.id(), ids, name);
			redirect.addFlashAttribute("token", issued.token().value());
			return "redirect:/staff/standort/" + place.id() + "/wartemarke/" + issued.ticket().id();
		}
		catch (FrontDeskException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
			return "redirect:/staff/standort/" + place.id();
		}
	}

	/**
	 * The ticket to print or show, once, with the QR code of the citizen's private ticket
	 * page.
	 */
	@GetMapping("/staff/standort/{location}/wartemarke/{ticket}")
	String issued(@PathVariable String location, @PathVariable String ticket, Model model, Locale locale) {
		Location place = location(location);
		staff.require(place.id(), DESK);
		Object token = model.getAttribute("token");
		if (token == null) {
			return "redirect:/staff/standort/" + place.id();
		}
		Ticket found = desk.today(place.id())
			.stream()
			.filter(candidate -> candidate.id().toString().equals(ticket))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("frontdesk.error.ticket.unknown", ticket));
		String link = city.link("/wartemarke/" + found.id() + "?token=" + token);
		model.addAttribute("location", place);
		model.addAttribute("ticket", found);
		model.addAttribute("link", link);
		model.addAttribute("qr", QrCode.svg(link, messages.getMessage("frontdesk.ticket.qr", null, locale)));
		model.addAttribute("estimate", desk.estimate(found));
		return "frontdesk/issued";
	}

	@GetMapping("/staff/schalter/{counter}")
	String counter(@PathVariable String counter, Model model, Locale locale) {
		Counter place = counter(counter);
		StaffMember member = staff.require(place.location(), DESK);
		model.addAttribute("counter", place);
		model.addAttribute("location", locations.find(place.location()).orElseThrow());
		model.addAttribute("seated", member.username().equals(desk.sittingAt(place).orElse(null)));
		model.addAttribute("sittingThere", desk.sittingAt(place).orElse(null));
		model.addAttribute("current", desk.current(place).orElse(null));
		model.addAttribute("parked", desk.parked(place));
		model.addAttribute("waiting", filter(desk.today(place.location()), TicketStatus.WAITING).size());
		model.addAttribute("others",
				locations.counters(place.location()).stream().filter(other -> !other.id().equals(place.id())).toList());
		model.addAttribute("procedureNames", procedureNames(locale));
		return "frontdesk/counter";
	}

	@PostMapping("/staff/schalter/{counter}/{action}")
	String act(@PathVariable String counter, @PathVariable String action,
			@RequestParam(required = false) @Nullable String target,
			@RequestParam(required = false) @Nullable String ticket,
			@RequestParam(name = "done", required = false) @Nullable List<String> done, RedirectAttributes redirect,
			Locale locale) {
		Counter place = counter(counter);
		StaffMember member = staff.require(place.location(), DESK);
		try {
			switch (action) {
				case "anmelden" -> desk.signIn(member, place);
				case "uebernehmen" -> desk.signIn(member, place, true);
				case "abmelden" -> desk.signOut(member, place);
				case "aufrufen" -> {
					if (desk.callNext(member, place).isEmpty()) {
						redirect.addFlashAttribute("notice",
								messages.getMessage("frontdesk.nobodyWaiting", null, locale));
					}
				}
				case "erneut" -> desk.recall(member, place);
				case "da" -> desk.arrived(member, place);
				case "nicht-erschienen" -> desk.noShow(member, place);
				case "zurueckstellen" -> desk.park(member, place);
				case "fortsetzen" -> desk.resume(member, place, uuid(ticket));
				case "weitergeben" -> desk.pass(member, place, counter(target == null ? "" : target));
				case "abschliessen" -> desk.finish(member, place, done == null ? List.of()
						: done.stream().filter(ProcedureId::isValid).map(ProcedureId::of).distinct().toList());
				default -> throw new NotFoundException("frontdesk.error.action.unknown", action);
			}
		}
		catch (FrontDeskException ex) {
			redirect.addFlashAttribute("problem", message(ex, locale));
		}
		return "redirect:/staff/schalter/" + place.id();
	}

	private Location location(String id) {
		return (LocationId.isValid(id) ? locations.find(LocationId.of(id)) : java.util.Optional.<Location>empty())
			.orElseThrow(() -> new NotFoundException("error.notFound.location", id));
	}

	private Counter counter(String id) {
		if (id.isBlank() || id.length() > 100) {
			throw new NotFoundException("frontdesk.error.counter.unknown", id);
		}
		return locations.all()
			.stream()
			.flatMap(location -> locations.counters(location.id()).stream())
			.filter(counter -> counter.id().equals(new CounterId(id)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("frontdesk.error.counter.unknown", id));
	}

	private static UUID uuid(@Nullable String id) {
		try {
			return UUID.fromString(String.valueOf(id));
		}
		catch (IllegalArgumentException ex) {
			throw new FrontDeskException("frontdesk.error.ticket.unknown", String.valueOf(id));
		}
	}

	private List<Procedure> walkInProcedures(Location place, Locale locale) {
		var offered = locations.proceduresAt(place.id());
		return catalog.procedures()
			.stream()
			.filter(procedure -> procedure.walkIn() && offered.contains(procedure.id()))
			.sorted(Comparator.comparing(procedure -> procedure.name().in(locale)))
			.toList();
	}

	private Map<String, String> procedureNames(Locale locale) {
		return catalog.procedures()
			.stream()
			.collect(Collectors.toMap(procedure -> procedure.id().value(), procedure -> procedure.name().in(locale)));
	}

	private static List<Ticket> filter(List<Ticket> tickets, TicketStatus status) {
		return tickets.stream().filter(ticket -> ticket.status() == status).toList();
	}

	private String message(FrontDeskException ex, Locale locale) {
		return messages.getMessage(ex.messageKey(), ex.arguments(), locale);
	}

	/** A counter and who works there now. */
	/**
	 * Today at a location as the desk shows it: the hours, and where the mobile kit
	 * stops; not open for a closed day.
	 */
	record Today(boolean open, String hours, @Nullable TourPlace place) {

		static Today of(DaySchedule day) {
			if (day instanceof DaySchedule.Open open) {
				return new Today(true, open.hours().stream().map(TimeRange::toString).collect(Collectors.joining(", ")),
						open.place());
			}
			return new Today(false, "", null);
		}

	}

	record Seat(Counter counter, @Nullable String username) {
	}

}
