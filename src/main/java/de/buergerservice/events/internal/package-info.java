/**
 * How events work inside: the arbiter's SQL for seats and the waiting list, registrations
 * and their token hashes, the jobs (lapsing holds, reminders), the demo events and the
 * CSV export.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.events.internal;
