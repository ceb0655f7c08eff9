/**
 * The event publication outbox's housekeeping: completed publications leave after a
 * while.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.platform.outbox;
