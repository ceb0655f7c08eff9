/**
 * The development inbox page ({@code /dev/mail}), present only where mails are not sent.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.notifications.web;
