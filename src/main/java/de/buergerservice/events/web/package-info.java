/**
 * The events' public API ({@code /api/v1/events}, {@code /api/v1/event-registrations}),
 * the citizens' pages under {@code /veranstaltungen} and the organiser's pages under
 * {@code /staff/veranstaltungen}.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.events.web;
