package de.buergerservice.booking;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokensTest {

	@Test
	void accessTokensCarry256RandomBitsAndAreStoredOnlyAsHashes() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			AccessToken token = AccessToken.random();
			assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
			assertThat(seen.add(token.value())).isTrue();
			assertThat(token.hash()).hasSize(32);
		}
		assertThat(AccessToken.random().toString()).doesNotContain(AccessToken.random().value());
	}

	@Test
	void bookingReferencesAreShortReadableAndUnambiguous() {
		for (int i = 0; i < 1000; i++) {
			String reference = AppointmentReference.random().value();
			assertThat(reference).matches("T-[0-9A-Z]{4}-[0-9A-Z]{4}").doesNotContain("I", "L", "O", "U");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> AppointmentReference.of("T-1234-567"));
		assertThatIllegalArgumentException().isThrownBy(() -> AppointmentReference.of("T-IIII-OOOO"));
	}

	@Test
	void bookingReferencesAreReadAsPeopleTypeAndScannersSendThem() {
		AppointmentReference reference = AppointmentReference.of("T-S52C-0T71");
		for (String typed : new String[] { "T-S52C-0T71", "t-s52c-0t71", " T S52C 0T71 ", "TS52C0T71", "T-S52C-OT7l",
				"t–s52c–0t7i" }) {
			assertThat(AppointmentReference.parse(typed)).as(typed).contains(reference);
		}
		for (String typed : new String[] { "", "T-S52C-0T7", "X-S52C-0T71", "T-S52C-0T71-1", "T-U52C-0T71",
				"<script>" }) {
			assertThat(AppointmentReference.parse(typed)).as(typed).isEmpty();
		}
		assertThat(AppointmentReference.parse(null)).isEmpty();
	}

}
