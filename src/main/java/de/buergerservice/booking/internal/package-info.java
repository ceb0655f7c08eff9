/**
 * How booking works inside: capacity planning and release, the arbiter's SQL, the
 * in-memory availability index kept current across instances, appointments and their
 * tokens, jobs (holds, reminders, waiting list), rate limits, proof of work and
 * idempotency.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.booking.internal;
