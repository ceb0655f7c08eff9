package de.buergerservice.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class MailConditionsTest {

	@Test
	void sendsBySmtpWhereAHostIsConfigured() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.mail.host", "smtp.leipzig.example");

		assertThat(MailConditions.smtp(environment)).isTrue();
		assertThat(MailConditions.devInbox(environment)).isFalse();
	}

	@Test
	void keepsMailsInTheDevelopmentInboxWithoutSmtp() {
		MockEnvironment environment = new MockEnvironment();

		assertThat(MailConditions.smtp(environment)).isFalse();
		assertThat(MailConditions.devInbox(environment)).isTrue();
	}

	@Test
	void productionHasNoDevelopmentInbox() throws IOException {
		Properties production = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application-prod.properties")) {
			production.load(in);
		}
		MockEnvironment environment = new MockEnvironment().withProperty("buergerservice.mail.dev-inbox",
				production.getProperty("buergerservice.mail.dev-inbox"));

		assertThat(MailConditions.devInbox(environment)).isFalse();
		assertThat(MailConditions.smtp(environment)).isFalse();
	}

}
