/**
 * Accounts and grants in schema {@code staff}, their use by Spring Security, the demo
 * city's staff, and the audit log.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.staff.internal;
