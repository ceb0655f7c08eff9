/**
 * Booking's public API ({@code /api/v1/availability}, {@code /api/v1/appointments},
 * {@code /api/v1/waiting-list}, {@code /api/v1/challenges}) and the citizens' booking
 * pages.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.booking.web;
