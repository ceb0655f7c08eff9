/**
 * The locations part of the public API ({@code /api/v1/locations}).
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.locations.web;
