/**
 * The front desk: check-in of booked citizens, walk-in tickets, calling at the counters,
 * the public call display, outcomes and handling times; events for the statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Front desk",
		allowedDependencies = { "shared", "locations", "catalog", "booking", "staff" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.frontdesk;
