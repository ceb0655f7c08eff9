package de.buergerservice.notifications.internal;

/**
 * How mails leave: by SMTP where {@code spring.mail.host} is set ({@link SmtpTransport}),
 * otherwise into the development inbox ({@link DevInbox}); {@link MailConditions}
 * decides.
 */
public interface MailTransport {

	/**
	 * Sends a mail, or throws: the caller's transaction then rolls back and the event is
	 * delivered again later.
	 */
	void send(OutgoingMail mail);

}
