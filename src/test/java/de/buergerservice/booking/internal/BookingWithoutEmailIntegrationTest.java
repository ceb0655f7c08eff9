package de.buergerservice.booking.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import de.buergerservice.booking.AppointmentStatus;
import de.buergerservice.booking.Appointments;
import de.buergerservice.booking.Availability;
import de.buergerservice.booking.AvailabilityQuery;
import de.buergerservice.booking.Booked;
import de.buergerservice.booking.BookingException;
import de.buergerservice.booking.BookingRequest;
import de.buergerservice.booking.Channel;
import de.buergerservice.booking.Citizen;
import de.buergerservice.booking.Slot;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.booking.WaitingList;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.ProcedureId;
import de.buergerservice.testsupport.CapacityLedger;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Many callers of the city's phone have no e-mail address: by phone they are booked all
 * the same, confirmed at once, with no reminder to send; online bookings and the waiting
 * list still need an address.
 */
@IntegrationTest
class BookingWithoutEmailIntegrationTest {

	private static final LocationId OFFICE = LocationId.of("buergerbuero-paunsdorf-center");

	private static final List<VisitItem> CERTIFICATE = List.of(new VisitItem(ProcedureId.of("meldebescheinigung"), 1));

	private static final LocalDate TODAY = MutableClock.START.toLocalDate();

	@Autowired
	Appointments appointments;

	@Autowired
	Availability availability;

	@Autowired
	WaitingList waitingList;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void checkTheLedger() {
		assertThat(new CapacityLedger(jdbc).violations()).isEmpty();
	}

	@Test
	void aCallerWithoutEmailIsBookedByPhoneAndConfirmedAtOnceWithoutAReminder() {
		Slot slot = slots(Channel.PHONE, TODAY.plusDays(3)).getFirst();

		Booked booked = appointments.book(new BookingRequest(CERTIFICATE, OFFICE, slot.start(),
				caller("Erika Mustermann"), Channel.PHONE, client(), null));

		assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
		assertThat(booked.appointment().holdExpiresAt()).isNull();
		var found = appointments.find(booked.appointment().reference(), booked.manageToken()).orElseThrow();
		assertThat(found.citizen().email()).isNull();
		assertThat(found.citizen().name()).isEqualTo("Erika Mustermann");
		assertThat(found.channel()).isEqualTo(Channel.PHONE);
		assertThat(jdbc.sql("SELECT reminder_due_at IS NULL FROM booking.appointment WHERE reference = ?")
			.param(found.reference().value())
			.query(Boolean.class)
			.single()).as("no reminder for a caller we cannot write to").isTrue();
	}

	@Test
	void callersWithoutEmailDoNotShareALimitPerAddress() {
		List<Slot> slots = slots(Channel.PHONE, TODAY.plusDays(4));

		for (int i = 0; i < 5; i++) {
			Booked booked = appointments.book(new BookingRequest(CERTIFICATE, OFFICE, slots.get(i).start(),
					caller("Anrufer " + i), Channel.PHONE, client(), null));
			assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.CONFIRMED);
		}
	}

	@Test
	void aPhoneAppointmentWithoutEmailCanBeMovedAndCancelled() {
		List<Slot> slots = slots(Channel.PHONE, TODAY.plusDays(5));
		Booked booked = appointments.book(new BookingRequest(CERTIFICATE, OFFICE, slots.getFirst().start(),
				caller("Max Mustermann"), Channel.PHONE, client(), null));

		assertThat(appointments.reschedule(booked.appointment().reference(), booked.manageToken(),
				slots.getLast().start(), null))
			.hasValueSatisfying(moved -> assertThat(moved.start()).isEqualTo(slots.getLast().start()));
		assertThat(appointments.cancel(booked.appointment().reference(), booked.manageToken())).isTrue();
	}

	@Test
	void onlineBookingNeedsAnEmailAddressAndHoldsNothingWithout() {
		Slot slot = slots(Channel.ONLINE, TODAY.plusDays(3)).getFirst();
		long seats = new CapacityLedger(jdbc).bookedSeats();

		assertThatThrownBy(() -> appointments.book(new BookingRequest(CERTIFICATE, OFFICE, slot.start(),
				caller("Ohne Adresse"), Channel.ONLINE, client(), null)))
			.isInstanceOfSatisfying(BookingException.Invalid.class,
					invalid -> assertThat(invalid.problems()).extracting(BookingException.Problem::field)
						.contains("citizen.email"));
		assertThat(new CapacityLedger(jdbc).bookedSeats()).isEqualTo(seats);
	}

	@Test
	void theWaitingListNeedsAnEmailAddressForItsOffers() {
		assertThatThrownBy(() -> waitingList.join(new WaitingList.Request(CERTIFICATE, List.of(OFFICE),
				TODAY.plusDays(60), TODAY.plusDays(70), caller("Ohne Adresse"), client())))
			.isInstanceOfSatisfying(BookingException.Invalid.class,
					invalid -> assertThat(invalid.problems()).extracting(BookingException.Problem::field)
						.containsExactly("citizen.email"));
	}

	private List<Slot> slots(Channel channel, LocalDate from) {
		List<Slot> slots = availability
			.slots(new AvailabilityQuery(CERTIFICATE, OFFICE, from, from.plusDays(7), channel), 20);
		assertThat(slots).as("free times from " + from).hasSizeGreaterThan(5);
		return slots;
	}

	private static Citizen caller(String name) {
		return new Citizen(name, null, "0341 123456", Locale.GERMAN);
	}

	private static String client() {
		return "test-" + UUID.randomUUID();
	}

}
