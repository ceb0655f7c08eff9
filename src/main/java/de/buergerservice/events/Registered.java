package de.buergerservice.events;

/**
 * The answer to a registration: the registration and its private token (for the link to
 * view and cancel it; given once, only its hash is stored).
 */
public record Registered(Registration registration, RegistrationToken manageToken) {

}
