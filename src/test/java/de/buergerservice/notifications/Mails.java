package de.buergerservice.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what a test needs from a received mail: its text and HTML alternatives, its
 * attachments and the tokens in its links.
 */
final class Mails {

	private Mails() {
	}

	static String text(MimeMessage mail) {
		return part(mail, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
	}

	static String html(MimeMessage mail) {
		return part(mail, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
	}

	/** Whether text and HTML are alternatives of one multipart/alternative. */
	static boolean hasAlternatives(MimeMessage mail) {
		try {
			return find(mail, part -> part.isMimeType("multipart/alternative")).isPresent();
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Attachment> attachments(MimeMessage mail) {
		List<Attachment> attachments = new ArrayList<>();
		try {
			collect(mail, attachments);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		return attachments;
	}

	/** The bytes of the inline part with the content id ({@code cid:…} in the HTML). */
	static Optional<byte[]> inline(MimeMessage mail, String contentId) {
		try {
			Optional<Part> found = find(mail, part -> part instanceof MimePart mime && !part.isMimeType("multipart/*")
					&& ("<" + contentId + ">").equals(mime.getContentID()));
			if (found.isEmpty()) {
				return Optional.empty();
			}
			try (InputStream in = found.get().getInputStream()) {
				return Optional.of(in.readAllBytes());
			}
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The token of the first link to {@code path?token=…} (or {@code path…?token=}). */
	static String token(String text, String path) {
		Matcher matcher = Pattern.compile(Pattern.quote(path) + "[^\\s?\"]*\\?token=([A-Za-z0-9_-]{43})").matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no link to " + path + " in:\n" + text);
		}
		return matcher.group(1);
	}

	private static Optional<String> part(MimeMessage mail, String type) {
		try {
			Optional<Part> found = find(mail,
					part -> part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()));
			if (found.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(found.get().getContent().toString());
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Optional<Part> find(Part part, PartTest test) throws MessagingException, IOException {
		if (test.test(part)) {
			return Optional.of(part);
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				Optional<Part> found = find(multipart.getBodyPart(i), test);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private static void collect(Part part, List<Attachment> attachments) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				collect(multipart.getBodyPart(i), attachments);
			}
		}
		else if (part instanceof BodyPart body && Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
			try (InputStream in = body.getInputStream()) {
				attachments.add(new Attachment(body.getFileName(), body.getContentType(),
						new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
		}
	}

	@FunctionalInterface
	private interface PartTest {

		boolean test(Part part) throws MessagingException;

	}

	record Attachment(String filename, String contentType, String content) {
	}

}
