package de.buergerservice.frontdesk.internal;

import java.util.List;

/**
 * A front-desk action that cannot be done (a reference that is not expected here today, a
 * quota used up, a ticket another counter took): shown to the clerk as the message of its
 * key.
 */
public class FrontDeskException extends RuntimeException {

	private final String messageKey;

	private final transient List<Object> arguments;

	public FrontDeskException(String messageKey, Object... arguments) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
