package de.buergerservice.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's secret and what it is used for: sealing secrets that travel through
 * the outbox (AES-256-GCM) and signing (HMAC-SHA-256). Every instance must have the same
 * secret ({@code buergerservice.security.secret}, at least 32 characters); the
 * {@code prod} profile refuses the development default.
 */
@ConfigurationProperties("buergerservice.security")
public final class SecretBox {

	/** The secret of development installations; never for production. */
	public static final String DEVELOPMENT_SECRET = "development-only-secret-change-me-for-production";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String secret;

	private final byte[] encryptionKey;

	private final byte[] signingKey;

	@ConstructorBinding
	public SecretBox(@DefaultValue(DEVELOPMENT_SECRET) String secret) {
		if (secret.length() < 32) {
			throw new IllegalArgumentException("buergerservice.security.secret needs at least 32 characters");
		}
		this.secret = secret;
		this.encryptionKey = derive("seal");
		this.signingKey = derive("sign");
	}

	public boolean isDevelopmentSecret() {
		return DEVELOPMENT_SECRET.equals(secret);
	}

	public Sealed seal(String plaintext) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"), new GCMParameterSpec(128, nonce));
			byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			ByteBuffer buffer = ByteBuffer.allocate(nonce.length + encrypted.length).put(nonce).put(encrypted);
			return new Sealed(Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal", ex);
		}
	}

	public String open(Sealed sealed) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(sealed.value());
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encryptionKey, "AES"),
					new GCMParameterSpec(128, bytes, 0, 12));
			return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot open a sealed secret (was the secret changed?)", ex);
		}
	}

	/**
	 * A signature (HMAC-SHA-256, base64url) of a text, e.g. of a time stamp in a form.
	 */
	public String sign(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A key for HMAC signatures, e.g. of proof-of-work challenges. */
	public String signingKey() {
		return Base64.getEncoder().encodeToString(signingKey);
	}

	private byte[] derive(String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** SHA-256 of a text: how tokens are stored. */
	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
