/**
 * The catalogue's public API ({@code /api/v1/procedures}, {@code /api/v1/life-events})
 * and the citizens' pages: home, search, procedures, life events and locations.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.catalog.web;
