package de.buergerservice.shared;

/**
 * Thrown by a web adapter when a requested thing does not exist (or must not be revealed
 * to exist). Pages answer it with a readable 404 page, the API with a 404 problem
 * document.
 */
public class NotFoundException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	/**
	 * @param messageKey the message (in {@code messages*.properties}) that explains what
	 * was not found
	 * @param arguments its arguments, e.g. the requested id
	 */
	public NotFoundException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
