/**
 * The catalogue's storage (schema {@code catalog}), its in-memory snapshot, the Lucene
 * search and the demo city's seed.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.catalog.internal;
