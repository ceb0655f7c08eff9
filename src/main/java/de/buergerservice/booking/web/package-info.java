/**
 * Booking's public API ({@code /api/v1/availability}, {@code /api/v1/appointments},
 * {@code /api/v1/waiting-list}, {@code /api/v1/challenges}), the citizens' booking pages
 * and the phone agents' page ({@code /staff/telefon}).
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.booking.web;
