package de.buergerservice.notifications.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.buergerservice.shared.Email;
import de.buergerservice.testsupport.Sockets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@link SmtpTransport} makes of the SMTP server's answers, against a real server
 * (GreenMail) and, where the connection must fail at a given point, a relay in front of
 * it.
 */
class SmtpTransportTest {

	private static final MailSettings SETTINGS = new MailSettings("Bürgerservice Leipzig <termine@leipzig.example>",
			false, new MailSettings.Retry(Duration.ofMinutes(1), Duration.ofSeconds(30)));

	private GreenMail smtp;

	@BeforeEach
	void startServer() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
	}

	@AfterEach
	void stopServer() {
		smtp.stop();
	}

	@Test
	void aMailTheServerAcceptedIsSentEvenIfNoAnswerToQuitComes() throws Exception {
		try (HoldingRelay relay = new HoldingRelay(smtp.getSmtp().getPort())) {
			SmtpTransport transport = new SmtpTransport(sender(relay.port()), SETTINGS, Clock.systemUTC());

			transport.send(mail("Ihr Termin T-ABCD-EFGH ist gebucht"));

			assertThat(relay.heldBack()).as("the relay kept the answer to QUIT back").isTrue();
			assertThat(smtp.getReceivedMessages()).extracting(message -> message.getSubject())
				.containsExactly("Ihr Termin T-ABCD-EFGH ist gebucht");
		}
	}

	@Test
	void aServerThatIsDownMakesSendingFail() throws Exception {
		int port = smtp.getSmtp().getPort();
		smtp.stop();
		SmtpTransport transport = new SmtpTransport(sender(port), SETTINGS, Clock.systemUTC());

		assertThatThrownBy(() -> transport.send(mail("Ihr Termin T-ABCD-EFGH ist gebucht")))
			.isInstanceOf(MailSendException.class);
	}

	@Test
	void aConnectionLostBeforeTheServerAcceptedMakesSendingFail() throws Exception {
		try (HoldingRelay relay = new HoldingRelay(smtp.getSmtp().getPort(), "DATA")) {
			SmtpTransport transport = new SmtpTransport(sender(relay.port()), SETTINGS, Clock.systemUTC());

			assertThatThrownBy(() -> transport.send(mail("Ihr Termin T-ABCD-EFGH ist gebucht")))
				.isInstanceOf(MailSendException.class);
			assertThat(smtp.getReceivedMessages()).isEmpty();
		}
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "1000");
		properties.setProperty("mail.smtp.timeout", "1000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static OutgoingMail mail(String subject) {
		return new OutgoingMail(SETTINGS.from(),
				new OutgoingMail.Recipient("Erika Mustermann", new Email("erika@example.org")), subject, "Guten Tag",
				"<p>Guten Tag</p>", List.of());
	}

	/**
	 * Passes an SMTP session through to the server, except the client's command
	 * {@code held} (by default {@code QUIT}): that one is neither passed on nor answered,
	 * as when the connection is lost at that point, and the client waits for its timeout.
	 */
	private static final class HoldingRelay implements AutoCloseable {

		private final ServerSocket listening;

		private final int target;

		private final String held;

		private volatile boolean heldBack;

		HoldingRelay(int target) throws IOException {
			this(target, "QUIT");
		}

		HoldingRelay(int target, String held) throws IOException {
			this.target = target;
			this.held = held;
			this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return listening.getLocalPort();
		}

		boolean heldBack() {
			return heldBack;
		}

		private void accept() {
			while (!listening.isClosed()) {
				try {
					Socket client = listening.accept();
					Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
					Thread.ofVirtual().start(() -> Sockets.pump(server, client));
					Thread.ofVirtual().start(() -> commands(client, server));
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		/** Passes the client's lines on until the held command, which goes nowhere. */
		private void commands(Socket client, Socket server) {
			try (InputStream in = new BufferedInputStream(client.getInputStream());
					OutputStream out = server.getOutputStream()) {
				ByteArrayOutputStream line = new ByteArrayOutputStream();
				int next;
				while ((next = in.read()) != -1) {
					line.write(next);
					if (next != '\n') {
						continue;
					}
					if (line.toString(StandardCharsets.US_ASCII).strip().equalsIgnoreCase(held)) {
						heldBack = true;
						in.transferTo(OutputStream.nullOutputStream());
						return;
					}
					line.writeTo(out);
					out.flush();
					line.reset();
				}
			}
			catch (IOException ex) {
				// either side closed
			}
			finally {
				Sockets.close(client);
				Sockets.close(server);
			}
		}

		@Override
		public void close() throws IOException {
			listening.close();
		}

	}

}
