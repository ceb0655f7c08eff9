package de.buergerservice.notifications.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Refuses to start where mails could go nowhere: no SMTP server and no development inbox
 * (the {@code prod} profile without {@code spring.mail.host}).
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@Conditional(MailConditions.NoTransport.class)
	MailTransport noMailTransport() {
		throw new IllegalStateException("No way to send mails: set spring.mail.host (SPRING_MAIL_HOST) to the "
				+ "SMTP server, or buergerservice.mail.dev-inbox=true for a development installation");
	}

}
