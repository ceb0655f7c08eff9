package de.buergerservice.notifications.internal;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Which transport carries the mails: SMTP as soon as Spring Boot's mail sender is
 * configured ({@code spring.mail.host}, or {@code spring.mail.jndi-name}); otherwise the
 * development inbox, unless {@code buergerservice.mail.dev-inbox} is {@code false} (as in
 * {@code prod}), in which case the application refuses to start rather than lose mails.
 */
public final class MailConditions {

	private MailConditions() {
	}

	static boolean smtp(Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.mail.host"))
				|| StringUtils.hasText(environment.getProperty("spring.mail.jndi-name"));
	}

	static boolean devInbox(Environment environment) {
		return !smtp(environment)
				&& environment.getProperty("buergerservice.mail.dev-inbox", Boolean.class, Boolean.TRUE);
	}

	/** An SMTP server is configured. */
	public static final class Smtp implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return smtp(context.getEnvironment());
		}

	}

	/** No SMTP server, and the development inbox is on. */
	public static final class DevInboxOn implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return devInbox(context.getEnvironment());
		}

	}

	/** Neither: mails could not go anywhere. */
	public static final class NoTransport implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !smtp(context.getEnvironment()) && !devInbox(context.getEnvironment());
		}

	}

}
