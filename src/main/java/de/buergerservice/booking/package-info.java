/**
 * Online appointments: capacity from counters, opening hours and channel quotas, released
 * on a schedule; availability served from memory; bookings arbitrated by one PostgreSQL
 * transaction that cannot oversell; e-mail confirmation with a held slot; the private
 * manage link; rescheduling, cancelling and the waiting list; limits that keep it fair
 * when bots hunt slots.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking",
		allowedDependencies = { "shared", "catalog", "locations" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.booking;
