/**
 * The counter workstation and location desk for staff, the public call display, and the
 * citizen's private ticket page.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.frontdesk.web;
