/**
 * How the locations module keeps its data: PostgreSQL tables in schema {@code locations},
 * an in-memory directory for reading, the public-holiday calendar and the demo city's
 * seed.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.locations.internal;
