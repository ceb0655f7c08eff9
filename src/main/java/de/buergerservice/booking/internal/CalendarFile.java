package de.buergerservice.booking.internal;

import java.util.Locale;
import java.util.stream.Collectors;

import de.buergerservice.booking.Appointment;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.catalog.Catalog;
import de.buergerservice.locations.Location;
import de.buergerservice.locations.Locations;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Uid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An appointment as an iCalendar file (RFC 5545, made with ical4j) in the citizen's
 * language: what, where, the booking reference and what to bring.
 */
@Component
public class CalendarFile {

	private final Catalog catalog;

	private final Locations locations;

	private final MessageSource messages;

	CalendarFile(Catalog catalog, Locations locations, MessageSource messages) {
		this.catalog = catalog;
		this.locations = locations;
		this.messages = messages;
	}

	public String of(Appointment appointment) {
		Locale language = appointment.citizen().language();
		String procedures = appointment.items()
			.stream()
			.map(item -> name(item, language))
			.collect(Collectors.joining(", "));
		Location location = locations.find(appointment.location()).orElseThrow();
		String documents = appointment.items()
			.stream()
			.flatMap(item -> catalog.procedure(item.procedure()).stream())
			.flatMap(procedure -> procedure.documents().stream())
			.map(document -> "- " + document.in(language))
			.distinct()
			.collect(Collectors.joining("\n"));
		String summary = messages.getMessage("calendar.summary",
				new Object[] { procedures, location.name().in(language) }, language);
		String description = messages.getMessage("calendar.description",
				new Object[] { appointment.reference().value(), procedures, documents }, language);
		VEvent event = new VEvent(appointment.start(), appointment.end(), summary);
		event.add(new Uid(appointment.reference().value() + "@buergerservice"));
		event.add(new net.fortuna.ical4j.model.property.Location(
				location.name().in(language) + ", " + location.address().line()));
		event.add(new Description(description));
		Calendar calendar = new Calendar().withProdId("-//Buergerservice//Termine//DE")
			.withDefaults()
			.withComponent(event)
			.getFluentTarget();
		return calendar.toString();
	}

	private String name(VisitItem item, Locale language) {
		String name = catalog.procedure(item.procedure())
			.map(procedure -> procedure.name().in(language))
			.orElse(item.procedure().value());
		return item.quantity() > 1 ? item.quantity() + " × " + name : name;
	}

}
