/**
 * The staff login, the staff start page and the audit log page.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.staff.web;
