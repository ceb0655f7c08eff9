package de.buergerservice.frontdesk.web;

import de.buergerservice.frontdesk.internal.CallBroadcaster;
import de.buergerservice.frontdesk.internal.FrontDeskService;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.LocationId;
import de.buergerservice.locations.Locations;
import de.buergerservice.shared.NotFoundException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The public call display of a location (a TV in the waiting room) and its event stream.
 */
@Controller
class DisplayPages {

	private final FrontDeskService desk;

	private final CallBroadcaster broadcaster;

	private final Locations locations;

	DisplayPages(FrontDeskService desk, CallBroadcaster broadcaster, Locations locations) {
		this.desk = desk;
		this.broadcaster = broadcaster;
		this.locations = locations;
	}

	@GetMapping("/display/{location}")
	String display(@PathVariable String location, Model model) {
		Location place = location(location);
		model.addAttribute("location", place);
		model.addAttribute("calls", desk.calls(place.id()));
		model.addAttribute("estimate", desk.walkInEstimate(place.id()));
		return "frontdesk/display";
	}

	@GetMapping(path = "/display/{location}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable String location) {
		Location place = location(location);
		return broadcaster.connect(place.id(), desk.calls(place.id()));
	}

	private Location location(String id) {
		return (LocationId.isValid(id) ? locations.find(LocationId.of(id)) : java.util.Optional.<Location>empty())
			.orElseThrow(() -> new NotFoundException("error.notFound.location", id));
	}

}
