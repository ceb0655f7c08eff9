/**
 * Every mail a citizen gets from online booking, in the citizen's language (German first,
 * English too): please confirm, confirmed (with an iCalendar file), moved, cancelled,
 * lapsed, reminder, the waiting list and its offers; and every mail about a registration
 * for an event, course or consultation hours (please confirm, waiting list, moved up,
 * confirmed and reminder with the join link, cancelled, lapsed). Mails leave through the
 * event publication outbox, once per event; without an SMTP server they land in a
 * development inbox at {@code /dev/mail}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "booking", "catalog", "locations", "interpreting", "events" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.notifications;
