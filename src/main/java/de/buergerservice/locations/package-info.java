/**
 * Locations: the city's departments, its offices and the mobile kit (Bürgerkoffer) with
 * its tour, weekly opening hours, closures, the state's public holidays, and the counters
 * with the procedures each can serve.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Locations", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package de.buergerservice.locations;
