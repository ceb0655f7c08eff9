/**
 * The application's infrastructure: the embedded database default, security defaults,
 * language selection, error handling and the page layout. No module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package de.buergerservice.platform;
