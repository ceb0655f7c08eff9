package de.buergerservice.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of citizens' mails ({@code buergerservice.mail.*}); see the README. Whether
 * mails go out by SMTP is Spring Boot's {@code spring.mail.host}.
 *
 * @param from the sender, e.g. {@code Bürgerservice Leipzig <termine@leipzig.example>}
 * @param devInbox without SMTP, keep mails in the development inbox at {@code /dev/mail}
 * ({@code false} in {@code prod})
 * @param retry when mails that could not be sent are tried again
 */
@ConfigurationProperties("buergerservice.mail")
public record MailSettings(@DefaultValue("Bürgerservice Leipzig <termine@leipzig.example>") String from,
		@DefaultValue("true") boolean devInbox, @DefaultValue Retry retry) {

	/**
	 * @param after how old an incomplete event publication must be before it is submitted
	 * again (younger ones may still be on their way)
	 * @param interval how often the retry job looks
	 */
	public record Retry(@DefaultValue("1m") Duration after, @DefaultValue("30s") Duration interval) {
	}

}
