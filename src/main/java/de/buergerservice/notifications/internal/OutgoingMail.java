package de.buergerservice.notifications.internal;

import java.util.List;

import de.buergerservice.shared.Email;
import org.jspecify.annotations.Nullable;

/**
 * A mail ready to leave: plain text and HTML of the same content, and attachments. Its
 * text holds the citizen's private links, so it is never logged.
 */
public record OutgoingMail(String from, Recipient to, String subject, String text, String html,
		List<Attachment> attachments) {

	public OutgoingMail {
		attachments = List.copyOf(attachments);
	}

	@Override
	public String toString() {
		return "OutgoingMail[subject=" + subject + ", attachments=" + attachments.size() + "]";
	}

	/** Who gets it. */
	public record Recipient(String name, Email address) {

		@Override
		public String toString() {
			return "Recipient[…]";
		}

	}

	/**
	 * A file that goes with the mail, such as the appointment's iCalendar file; or, with
	 * a content id, an image the HTML part shows ({@code cid:…}).
	 */
	public record Attachment(String filename, String contentType, byte[] content, @Nullable String contentId) {

		public Attachment {
			content = content.clone();
		}

		public Attachment(String filename, String contentType, byte[] content) {
			this(filename, contentType, content, null);
		}

		/** An image shown in the HTML part as {@code cid:contentId}. */
		public static Attachment inline(String contentId, String filename, String contentType, byte[] content) {
			return new Attachment(filename, contentType, content, contentId);
		}

		@Override
		public byte[] content() {
			return content.clone();
		}

	}

}
