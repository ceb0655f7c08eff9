package de.buergerservice.notifications.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import de.buergerservice.booking.AppointmentDetails;
import de.buergerservice.booking.AppointmentMoved;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.AppointmentReminderDue;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import de.buergerservice.notifications.internal.MailKey.Kind;
import de.buergerservice.shared.Email;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.shared.SecretBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailKeyTest {

	static final SecretBox SECRETS = new SecretBox(SecretBox.DEVELOPMENT_SECRET);

	static final AppointmentReference REFERENCE = AppointmentReference.of("T-7KQ4-M2ZP");

	static final LocationId LOCATION = LocationId.of("buergerbuero-otto-schill-strasse");

	static final Instant NINE = Instant.parse("2026-12-03T08:00:00Z");

	static final Instant TEN = Instant.parse("2026-12-03T09:00:00Z");

	@Test
	void anEventDeliveredAgainHasTheSameKey() {
		AppointmentMoved moved = moved(NINE, TEN, "token");

		assertThat(MailKey.of(moved)).isEqualTo(MailKey.of(moved));
		assertThat(MailKey.of(Kind.CONFIRMED, REFERENCE.value()).value()).isEqualTo("CONFIRMED:T-7KQ4-M2ZP");
	}

	@Test
	void movingBackAndForthGivesEveryMoveItsOwnKey() {
		MailKey toTen = MailKey.of(moved(NINE, TEN, "token"));
		MailKey backToNine = MailKey.of(moved(TEN, NINE, "token"));
		MailKey toTenAgain = MailKey.of(moved(NINE, TEN, "token"));

		assertThat(List.of(toTen, backToNine, toTenAgain)).doesNotHaveDuplicates();
		assertThat(toTen.value()).startsWith("MOVED:T-7KQ4-M2ZP:2026-12-03T09:00:00Z/");
	}

	@Test
	void aKeyRevealsNoToken() {
		AppointmentReminderDue reminder = new AppointmentReminderDue(details(TEN), SECRETS.seal("secret-token"));

		assertThat(MailKey.of(reminder).value()).startsWith("REMINDER:T-7KQ4-M2ZP:2026-12-03T09:00:00Z/")
			.doesNotContain("secret-token")
			.doesNotContain(reminder.manageToken().value());
	}

	private static AppointmentMoved moved(Instant from, Instant to, String token) {
		return new AppointmentMoved(details(to), LOCATION, from, SECRETS.seal(token));
	}

	private static AppointmentDetails details(Instant start) {
		return new AppointmentDetails(REFERENCE, LOCATION, start, start.plusSeconds(900),
				List.of(new VisitItem(ProcedureId.of("personalausweis-beantragen"), 1)),
				new Citizen("Erika Mustermann", Email.of("erika@example.org"), null, Locale.GERMAN), Channel.ONLINE);
	}

}
