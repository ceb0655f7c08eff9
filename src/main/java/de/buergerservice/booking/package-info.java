/**
 * Online appointments: capacity from counters, opening hours and channel quotas, released
 * on a schedule; availability served from memory; bookings arbitrated by one PostgreSQL
 * transaction that cannot oversell; e-mail confirmation with a held slot; the private
 * manage link; rescheduling, cancelling and the waiting list; limits that keep it fair
 * when bots hunt slots; the phone agents' bookings from the phone quota, recorded in the
 * staff's audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking",
		allowedDependencies = { "shared", "catalog", "locations", "staff" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.booking;
