package de.buergerservice.frontdesk.web;

import java.util.UUID;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.frontdesk.Ticket;
import de.buergerservice.frontdesk.internal.FrontDeskService;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's private ticket page (from the QR code on the ticket): the number, where
 * it stands in the queue and the probable wait, refreshed every half minute.
 */
@Controller
class TicketPage {

	private final FrontDeskService desk;

	private final Locations locations;

	TicketPage(FrontDeskService desk, Locations locations) {
		this.desk = desk;
		this.locations = locations;
	}

	@GetMapping("/wartemarke/{id}")
	String ticket(@PathVariable String id, @RequestParam(defaultValue = "") String token, Model model) {
		UUID ticketId = parse(id);
		Ticket ticket = ticketId == null || !AccessToken.isValid(token) ? null
				: desk.ticket(ticketId, new AccessToken(token)).orElse(null);
		if (ticket == null) {
			throw new NotFoundException("frontdesk.error.ticket.unknown", id);
		}
		model.addAttribute("ticket", ticket);
		model.addAttribute("location", locations.find(ticket.location()).orElseThrow());
		model.addAttribute("estimate", desk.estimate(ticket));
		model.addAttribute("token", token);
		return "frontdesk/ticket";
	}

	private static @Nullable UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
