/**
 * How notifications work inside: composing mails from templates and the message bundle,
 * the record of sent mails that makes sending idempotent, the transports (SMTP or the
 * development inbox) and the job that retries what could not be sent.
 */
@org.jspecify.annotations.NullMarked
package de.buergerservice.notifications.internal;
