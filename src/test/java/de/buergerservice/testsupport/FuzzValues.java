package de.buergerservice.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * What a fuzzer sends where a value is expected: boundary numbers and dates, injection
 * strings (SQL, HTML, JavaScript, template expressions, paths, header breaks), odd
 * Unicode, very long strings and random characters, and the ways a value can be written
 * into a URL or a form (correctly, raw, with broken or non-UTF-8 percent escapes). None
 * of them contains a word the leak check looks for, so an echo of the input is never
 * taken for a stack trace.
 */
public final class FuzzValues {

	/** Boundary and injection values. */
	public static final List<String> DICTIONARY = List.of("", " ", "  \t ", "0", "-1", "1", "2147483647", "2147483648",
			"-2147483649", "9223372036854775807", "9223372036854775808", "99999999999999999999999999", "1e308", "1e309",
			"-0", "0x1F", "1_000", "NaN", "Infinity", "-Infinity", "null", "undefined", "true", "false", "[]", "{}",
			"[", "{", "\"", "'", "''", "\\", "\\u0000", "%", "%00", "%%", "%ZZ", "%C0%AF", "\u0000", "a\u0000b", "\r\n",
			"\r\nX-Injected: 1", "x\r\nSet-Cookie: injected=1", "../../../../etc/passwd",
			"..\\..\\..\\windows\\win.ini", "/..;/staff", "....//....//", "file:///etc/passwd", "http://evil.example/",
			"//evil.example/", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "' OR '1'='1",
			"' OR 1=1--", "1; DROP TABLE booking.appointment;--", "\" OR \"\"=\"", "') UNION SELECT version()--",
			"1' AND pg_sleep(10)--", "$(id)", "`id`", "| id", "; ls -la", "<script>alert(1)</script>",
			"\"><svg onload=alert(1)>", "<img src=x onerror=alert(1)>", "</textarea><script>alert(1)</script>",
			"{{7*7}}", "${7*7}", "#{7*7}", "*{7*7}", "[[${7*7}]]", "__${7*7}__::.x", "${T(System).exit(0)}",
			"#{T(Runtime).getRuntime()}", "%{(#a=1)}", "<!--#exec cmd=\"id\" -->", "\u202Eevil", "\uFEFF", "\uFFFF",
			"\uD83D", "\uDE00x", "😀", "👨‍👩‍👧‍👦", "Ä Ö Ü ä ö ü ß", "ﬀ", "İı", "e\u0301", "ǅ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
			"مرحبا", "日本語", "A".repeat(41), "A".repeat(201), "A".repeat(4_000), "2026-02-30", "2026-13-01",
			"0000-00-00", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "1970-01-01", "2026-11-25T25:00",
			"2026-11-25T10:00:00+25:00", "2026-11-25T10:00:00Z[Foo/Bar]", "2026-11-25T10:07:00+01:00", "2026-W48-3",
			"24:00", "23:59:60", "10:07", "-10:00", "10:00:00.000000001", "1970-01-01T00:00:00Z", "2026-12", "2026-00",
			"T-0000-0000", "T-ZZZZ-ZZZZ", "t-7kq4-m2zp", "T-7KQ4-M2ZP-EXTRA", "00000000-0000-0000-0000-000000000000",
			"not-a-uuid", "a@b", "@", "a@b.c", "x".repeat(300) + "@example.org", "\"quoted\"@example.org",
			"name@[127.0.0.1]", "procedure:-1", "procedure:999999999", "personalausweis-beantragen:0",
			"personalausweis-beantragen:1000000", ":", "::", ",", ";", "=", "&", "?", "#", "+", "*", "ja", "nein",
			"ueberall", "de", "en", "fr", "de-DE", "*");

	private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private FuzzValues() {
	}

	/** A boundary or injection value, or a random string now and then. */
	public static String any(Random random) {
		int kind = random.nextInt(100);
		if (kind < 75) {
			return DICTIONARY.get(random.nextInt(DICTIONARY.size()));
		}
		if (kind < 97) {
			return randomText(random, random.nextInt(40));
		}
		return randomText(random, 1_000 + random.nextInt(20_000));
	}

	/**
	 * Random characters: mostly printable ASCII, some control characters, Latin-1, other
	 * scripts, emoji and unpaired surrogates.
	 */
	public static String randomText(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		while (text.length() < length) {
			int kind = random.nextInt(100);
			if (kind < 70) {
				text.append((char) (0x20 + random.nextInt(0x5F)));
			}
			else if (kind < 78) {
				text.append((char) random.nextInt(0x20));
			}
			else if (kind < 86) {
				text.append((char) (0xA0 + random.nextInt(0x60)));
			}
			else if (kind < 94) {
				text.append((char) (0x0400 + random.nextInt(0x2000)));
			}
			else if (kind < 98) {
				text.appendCodePoint(0x1F300 + random.nextInt(0x300));
			}
			else {
				text.append((char) (0xD800 + random.nextInt(0x800)));
			}
		}
		return text.toString();
	}

	/** A random base64url token of the length of the application's tokens. */
	public static String token(Random random) {
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < 43; i++) {
			token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
		}
		return token.toString();
	}

	/** Percent-encodes UTF-8, leaving only unreserved characters as they are. */
	public static String percent(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	/**
	 * A value as it goes into a query string, form or path: mostly encoded correctly,
	 * sometimes raw bytes, broken escapes or Latin-1 escapes (invalid UTF-8).
	 */
	public static byte[] encoded(String value, Random random) {
		int how = random.nextInt(100);
		if (how < 88) {
			return percent(value).getBytes(StandardCharsets.US_ASCII);
		}
		if (how < 92) {
			return value.replace(' ', '+').getBytes(StandardCharsets.UTF_8);
		}
		if (how < 96) {
			String broken = percent(value)
					+ List.of("%", "%Z", "%ZZ", "%C0%AF", "%FF%FE", "%ED%A0%80", "%00").get(random.nextInt(7));
			return broken.getBytes(StandardCharsets.US_ASCII);
		}
		ByteArrayOutputStream latin = new ByteArrayOutputStream();
		for (char c : value.toCharArray()) {
			String escaped = c < 0x80 ? percent(String.valueOf(c)) : "%" + String.format("%02X", c & 0xFF);
			latin.writeBytes(escaped.getBytes(StandardCharsets.US_ASCII));
		}
		latin.writeBytes("%E4%FC".getBytes(StandardCharsets.US_ASCII));
		return latin.toByteArray();
	}

}
