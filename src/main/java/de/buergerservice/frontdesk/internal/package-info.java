/**
 * How the front desk works inside: the queue order, tickets in schema {@code frontdesk},
 * the projection of booking's appointments, counter sessions, and the call broadcast to
 * displays.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.frontdesk.internal;
