/**
 * Events, courses and consultation hours: the online citizens' dialogue, the
 * adult-education course and the consultation hours on the online ID card. Sessions with
 * seats the database arbitrates, registration confirmed by e-mail with a seat held
 * meanwhile, a waiting list that moves up by itself, reminders with the join link,
 * cancellation through a private link, and the organiser's list with a CSV export.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events",
		allowedDependencies = { "shared", "locations", "staff" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.events;
