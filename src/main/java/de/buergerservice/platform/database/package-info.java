/**
 * The zero-setup database: an embedded PostgreSQL that keeps its data under
 * {@code ./data/}.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.platform.database;
