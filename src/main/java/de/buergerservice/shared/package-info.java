/**
 * The shared kernel: a handful of value types every module speaks (localized text,
 * procedure ids, the city's identity). No behaviour beyond validation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package de.buergerservice.shared;
