/**
 * Interpreting: the languages offered (ISO 639, named by the JDK), the interpreters with
 * their languages and hours, which procedures may have an interpreter, the interpreter
 * taken with each such appointment (in the booking's own transaction, through booking's
 * {@link de.buergerservice.booking.Interpreters}), the video session's link, the minutes
 * interpreted and the monthly cost report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interpreting",
		allowedDependencies = { "shared", "booking", "catalog", "locations", "staff" })
@org.jspecify.annotations.NullMarked
package de.buergerservice.interpreting;
