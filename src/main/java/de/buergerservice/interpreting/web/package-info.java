/**
 * The languages API, the registry staff's page of today's interpreted consultations and
 * the monthly cost report.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.interpreting.web;
