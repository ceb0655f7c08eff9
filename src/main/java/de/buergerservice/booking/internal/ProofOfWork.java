package de.buergerservice.booking.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import de.buergerservice.booking.BookingException;
import de.buergerservice.shared.SecretBox;
import org.altcha.altcha.Altcha;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accessible challenge that makes mass booking expensive for bots and costs people
 * nothing: no third party, no picture puzzle. A browser with JavaScript solves an ALTCHA
 * proof of work (a SHA-256 search, a fraction of a second) in the background; without
 * JavaScript the booking form carries a signed time stamp and may be sent once it has
 * been open for a few seconds. Each challenge serves one request.
 */
@Component
public class ProofOfWork {

	private static final String WAIT_PREFIX = "wait:";

	private final BookingProperties.Challenge settings;

	private final SecretBox secrets;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProofOfWork(BookingProperties properties, SecretBox secrets, JdbcClient jdbc, Clock clock) {
		this.settings = properties.challenge();
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public boolean required() {
		return settings.enabled();
	}

	/**
	 * A new challenge (ALTCHA's JSON: algorithm, challenge, maxnumber, salt, signature).
	 */
	public Altcha.Challenge challenge() {
		try {
			return Altcha.createChallenge(new Altcha.ChallengeOptions().setMaxNumber(settings.maxNumber())
				.setHmacKey(secrets.signingKey())
				.setExpiresInSeconds(settings.validity().toSeconds()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create a challenge", ex);
		}
	}

	/** The signed time stamp a booking form without JavaScript carries instead. */
	public String waitToken() {
		long issued = clock.instant().getEpochSecond();
		return WAIT_PREFIX + issued + ":" + sign(Long.toString(issued));
	}

	/** How long a form without JavaScript must have been open. */
	public Duration noScriptWait() {
		return settings.noScriptWait();
	}

	/**
	 * Accepts a solved challenge or a ripe wait token, once.
	 * @throws BookingException.Invalid for a missing, wrong, expired or reused one
	 */
	public void verify(@Nullable String proof) {
		if (!settings.enabled()) {
			return;
		}
		if (proof == null || proof.isBlank() || proof.length() > 2000) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.missing");
		}
		if (proof.startsWith(WAIT_PREFIX)) {
			verifyWait(proof);
		}
		else {
			verifySolution(proof);
		}
		spend(proof);
	}

	private void verifySolution(String payload) {
		boolean valid;
		try {
			valid = Altcha.verifySolution(payload, secrets.signingKey(), true);
		}
		catch (Exception ex) {
			valid = false;
		}
		if (!valid) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.invalid");
		}
	}

	private void verifyWait(String token) {
		String[] parts = token.substring(WAIT_PREFIX.length()).split(":");
		if (parts.length != 2 || !parts[0].matches("\\d{1,12}") || !sign(parts[0]).equals(parts[1])) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.invalid");
		}
		Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[0]));
		Instant now = clock.instant();
		if (now.isBefore(issued.plus(settings.noScriptWait()))) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.tooFast",
					settings.noScriptWait().toSeconds());
		}
		if (now.isAfter(issued.plus(settings.validity()).plus(settings.noScriptWait()))) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.expired");
		}
	}

	private void spend(String proof) {
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBox.sha256(proof));
		Instant expires = clock.instant().plus(settings.validity()).plus(settings.noScriptWait());
		int inserted = jdbc
			.sql("INSERT INTO booking.spent_challenge (challenge, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(key, Timestamp.from(expires))
			.update();
		if (inserted == 0) {
			throw BookingException.Invalid.of("proofOfWork", "booking.error.challenge.reused");
		}
	}

	/** Forgets challenges that can no longer be used anyway. */
	public void purge() {
		jdbc.sql("DELETE FROM booking.spent_challenge WHERE expires_at < ?")
			.param(Timestamp.from(clock.instant()))
			.update();
	}

	private String sign(String text) {
		return secrets.sign(text);
	}

}
