package de.buergerservice.notifications.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

import de.buergerservice.notifications.internal.DevInbox;
import de.buergerservice.notifications.internal.MailConditions;
import de.buergerservice.shared.City;
import de.buergerservice.shared.NotFoundException;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /dev/mail}: the development inbox, the mails that would have been sent, newest
 * first, each with its text, its HTML and its attachments. Exists only where mails are
 * not sent (no {@code spring.mail.host}, {@code buergerservice.mail.dev-inbox=true});
 * elsewhere the path is a 404 like any unknown one.
 */
@Controller
@Conditional(MailConditions.DevInboxOn.class)
@RequestMapping("/dev/mail")
class DevInboxPage {

	static final int LIMIT = 200;

	/**
	 * The mail's own HTML shown alone: no scripts, no requests, only its inline styles.
	 */
	static final String MAIL_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

	private final DevInbox inbox;

	private final DateTimeFormatter format;

	DevInboxPage(DevInbox inbox, City city) {
		this.inbox = inbox;
		ZoneId zone = city.zone();
		this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
	}

	@GetMapping
	String inbox(Model model) {
		model.addAttribute("mails", inbox.latest(LIMIT));
		model.addAttribute("format", format);
		return "notifications/dev-inbox";
	}

	@GetMapping("/{id}")
	String mail(@PathVariable String id, Model model) {
		model.addAttribute("mail", find(id));
		model.addAttribute("format", format);
		return "notifications/dev-mail";
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> html(@PathVariable String id) {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy", MAIL_POLICY)
			.body(find(id).html());
	}

	@GetMapping("/{id}/attachments/{position}")
	ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable int position) {
		var attachment = parse(id).flatMap(mail -> inbox.attachment(mail, position))
			.orElseThrow(() -> new NotFoundException("devMail.notFound", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.filename()).build().toString())
			.body(attachment.content());
	}

	private DevInbox.Mail find(String id) {
		return parse(id).flatMap(inbox::find).orElseThrow(() -> new NotFoundException("devMail.notFound", id));
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
