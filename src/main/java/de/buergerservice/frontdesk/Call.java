package de.buergerservice.frontdesk;

import java.time.Instant;

/**
 * What the call display shows: a ticket number and the counter to go to.
 */
public record Call(String number, String counter, Instant at) {

}
