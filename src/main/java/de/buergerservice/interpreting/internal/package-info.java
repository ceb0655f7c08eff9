/**
 * The interpreters' data, the assignment of interpreters to appointments, the minutes and
 * the cost report.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.interpreting.internal;
