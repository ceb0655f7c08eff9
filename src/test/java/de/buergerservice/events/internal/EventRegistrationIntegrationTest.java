package de.buergerservice.events.internal;

import java.time.Duration;
import java.util.List;

import de.buergerservice.events.EventException;
import de.buergerservice.events.EventId;
import de.buergerservice.events.EventRegistrationCancelled;
import de.buergerservice.events.EventRegistrationConfirmed;
import de.buergerservice.events.EventRegistrationMovedUp;
import de.buergerservice.events.EventRegistrationReceived;
import de.buergerservice.events.EventReminderDue;
import de.buergerservice.events.Events;
import de.buergerservice.events.Registered;
import de.buergerservice.events.Registration;
import de.buergerservice.events.RegistrationReference;
import de.buergerservice.events.RegistrationRequest;
import de.buergerservice.events.RegistrationStatus;
import de.buergerservice.events.RegistrationToken;
import de.buergerservice.events.Session;
import de.buergerservice.events.TestEvents;
import de.buergerservice.shared.SecretBox;
import de.buergerservice.testsupport.IntegrationTest;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

/**
 * Registration as the citizen lives it: a seat held until confirmed, the waiting list
 * that moves up when someone cancels or a hold lapses, the reminder that goes out once,
 * and the seats that always add up.
 */
@IntegrationTest
@RecordApplicationEvents
class EventRegistrationIntegrationTest {

	@Autowired
	Events events;

	@Autowired
	EventJobs jobs;

	@Autowired
	EventStore store;

	@Autowired
	SecretBox secrets;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ApplicationEvents published;

	TestEvents testEvents;

	@BeforeEach
	void setUp() {
		testEvents = new TestEvents(store, transaction);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void holdsASeatUntilConfirmedThenTheSeatIsTheCitizens() {
		EventId event = testEvents.online(10, 2, 0);

		Registered registered = register(event);

		assertThat(registered.registration().status()).isEqualTo(RegistrationStatus.AWAITING_CONFIRMATION);
		assertThat(registered.registration().holdExpiresAt()).isEqualTo(TestEvents.NOW.plus(Duration.ofMinutes(30)));
		assertThat(session(event).taken()).isOne();

		Registration confirmed = events.confirm(confirmToken(registered)).orElseThrow();

		assertThat(confirmed.status()).isEqualTo(RegistrationStatus.CONFIRMED);
		EventRegistrationConfirmed event1 = published.stream(EventRegistrationConfirmed.class)
			.findFirst()
			.orElseThrow();
		assertThat(event1.joinLink()).as("the join link travels sealed").isNotNull();
		assertThat(secrets.open(event1.joinLink())).startsWith("https://meeting.example/");
		assertThat(events.confirm(confirmToken(registered))).as("confirming twice is harmless")
			.map(Registration::status)
			.contains(RegistrationStatus.CONFIRMED);
		assertThat(session(event).taken()).isOne();
	}

	@Test
	void joinsTheWaitingListWhenTheSeatsAreTakenAndIsRefusedWhenItIsFull() {
		EventId event = testEvents.onSite(10, 1, 1, null);
		register(event);

		Registered waiting = register(event);

		assertThat(waiting.registration().status()).isEqualTo(RegistrationStatus.WAITING_LIST);
		assertThat(waiting.registration().waitingPosition()).isOne();
		assertThat(waiting.registration().holdExpiresAt()).isNull();
		assertThatThrownBy(() -> register(event)).isInstanceOf(EventException.Full.class);
		assertThat(session(event).taken()).isOne();
		assertThat(session(event).waiting()).isOne();
		assertThat(count(event)).as("the refused registration left nothing").isEqualTo(2);
	}

	@Test
	void aCancellationMovesTheFirstOnTheWaitingListUp() {
		EventId event = testEvents.onSite(10, 1, 3, null);
		Registered first = register(event);
		events.confirm(confirmToken(first)).orElseThrow();
		Registered second = register(event);
		Registered third = register(event);
		assertThat(third.registration().waitingPosition()).isEqualTo(2);

		assertThat(events.cancel(first.registration().reference(), first.manageToken())).isTrue();

		Registration movedUp = find(second);
		assertThat(movedUp.status()).isEqualTo(RegistrationStatus.AWAITING_CONFIRMATION);
		assertThat(movedUp.holdExpiresAt()).isEqualTo(TestEvents.NOW.plus(Duration.ofHours(24)));
		assertThat(find(third).waitingPosition()).as("the next moves to the front").isOne();
		EventRegistrationMovedUp mail = published.stream(EventRegistrationMovedUp.class)
			.filter(moved -> moved.registration().reference().equals(second.registration().reference()))
			.findFirst()
			.orElseThrow();
		assertThat(session(event).taken()).isOne();
		assertThat(session(event).waiting()).isOne();
		assertThat(published.stream(EventRegistrationCancelled.class)
			.filter(cancelled -> cancelled.registration().reference().equals(first.registration().reference())))
			.singleElement()
			.extracting(EventRegistrationCancelled::previous)
			.isEqualTo(RegistrationStatus.CONFIRMED);

		assertThat(events.confirm(new RegistrationToken(secrets.open(mail.confirmToken())))).map(Registration::status)
			.contains(RegistrationStatus.CONFIRMED);
		assertThat(events.cancel(first.registration().reference(), first.manageToken()))
			.as("cancelling twice is harmless")
			.isTrue();
		assertThat(session(event).taken()).isOne();
	}

	@Test
	void anUnconfirmedHoldLapsesAndItsSeatMovesTheWaitingListUp() {
		EventId event = testEvents.onSite(10, 1, 2, null);
		Registered unconfirmed = register(event);
		Registered waiting = register(event);

		clock.advance(Duration.ofMinutes(29));
		jobs.lapseHolds();
		assertThat(find(unconfirmed).status()).as("not yet").isEqualTo(RegistrationStatus.AWAITING_CONFIRMATION);

		clock.advance(Duration.ofMinutes(2));
		jobs.lapseHolds();

		assertThat(find(unconfirmed).status()).isEqualTo(RegistrationStatus.LAPSED);
		assertThat(events.confirm(confirmToken(unconfirmed))).as("too late to confirm").isEmpty();
		assertThat(find(waiting).status()).isEqualTo(RegistrationStatus.AWAITING_CONFIRMATION);
		assertThat(session(event).taken()).isOne();
		assertThat(session(event).waiting()).isZero();
		assertThat(published.stream(EventRegistrationCancelled.class)
			.filter(cancelled -> cancelled.registration().reference().equals(unconfirmed.registration().reference()))
			.map(EventRegistrationCancelled::reason)).containsExactly(EventRegistrationCancelled.Reason.LAPSED);

		clock.advance(Duration.ofHours(25));
		jobs.lapseHolds();

		assertThat(find(waiting).status()).as("the moved-up seat lapses too").isEqualTo(RegistrationStatus.LAPSED);
		assertThat(session(event).taken()).isZero();
	}

	@Test
	void aMovedUpSeatIsHeldNoLongerThanUntilTheStart() {
		EventId event = testEvents.onSite(1, 1, 1, null);
		Registered first = register(event);
		Registered second = register(event);
		clock.advance(Duration.ofHours(20));

		events.cancel(first.registration().reference(), first.manageToken());

		assertThat(find(second).holdExpiresAt()).isEqualTo(TestEvents.NOW.plus(Duration.ofDays(1)));
	}

	@Test
	void remindsOnceWithTheJoinLink() {
		EventId event = testEvents.online(3, 5, 0);
		Registered registered = register(event);
		events.confirm(confirmToken(registered)).orElseThrow();
		String reference = registered.registration().reference().value();

		clock.advance(Duration.ofDays(1));
		jobs.remind();
		assertThat(reminders(reference)).as("not yet due").isZero();

		clock.set(TestEvents.NOW.plus(Duration.ofDays(3))
			.minus(Duration.ofHours(23))
			.atZone(MutableClock.START.getZone()));
		jobs.remind();
		jobs.remind();

		assertThat(reminders(reference)).isOne();
		EventReminderDue reminder = published.stream(EventReminderDue.class)
			.filter(due -> due.registration().reference().value().equals(reference))
			.findFirst()
			.orElseThrow();
		assertThat(reminder.joinLink()).isNotNull();
		RegistrationToken token = new RegistrationToken(secrets.open(reminder.manageToken()));
		assertThat(events.find(RegistrationReference.of(reference), token)).as("its private link works").isPresent();
		String joinLink = secrets.open(reminder.joinLink());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(jdbc.sql("""
					SELECT text_body FROM notifications.dev_mail
					WHERE subject LIKE 'Erinnerung%' AND text_body LIKE ?""")
				.param("%" + reference + "%")
				.query(String.class)
				.list()).as("the reminder mail, once, with the join link").singleElement(STRING).contains(joinLink));
	}

	@Test
	void refusesRegistrationOnceTheSessionHasBegun() {
		EventId event = testEvents.onSite(1, 10, 10, null);
		clock.advance(Duration.ofDays(1));

		assertThatThrownBy(() -> register(event)).isInstanceOf(EventException.Closed.class);
		assertThat(count(event)).isZero();
	}

	@Test
	void oneRegistrationPerAddressAndEvent() {
		EventId event = testEvents.consultation(5, 3, 1, 1);
		var participant = TestEvents.participant();
		events.register(new RegistrationRequest(event, 1, participant));

		assertThatThrownBy(() -> events.register(new RegistrationRequest(event, 2, participant)))
			.isInstanceOf(EventException.AlreadyRegistered.class);
		assertThat(store.find(event).orElseThrow().session(2).orElseThrow().taken()).as("nothing held").isZero();
	}

	@Test
	void consultationHoursNeedAKnownSession() {
		EventId event = testEvents.consultation(5, 3, 1, 1);

		assertThatThrownBy(() -> events.register(new RegistrationRequest(event, null, TestEvents.participant())))
			.isInstanceOfSatisfying(EventException.Invalid.class,
					invalid -> assertThat(invalid.problems()).extracting(EventException.Problem::messageKey)
						.containsExactly("events.error.session.missing"));
		assertThatThrownBy(() -> events.register(new RegistrationRequest(event, 4, TestEvents.participant())))
			.isInstanceOf(EventException.Invalid.class);
		assertThat(count(event)).isZero();
	}

	private Registered register(EventId event) {
		return events.register(new RegistrationRequest(event, null, TestEvents.participant()));
	}

	private RegistrationToken confirmToken(Registered registered) {
		RegistrationReference reference = registered.registration().reference();
		EventRegistrationReceived received = published.stream(EventRegistrationReceived.class)
			.filter(event -> event.registration().reference().equals(reference))
			.findFirst()
			.orElseThrow();
		assertThat(received.confirmToken()).isNotNull();
		return new RegistrationToken(secrets.open(received.confirmToken()));
	}

	private Registration find(Registered registered) {
		return events.find(registered.registration().reference(), registered.manageToken()).orElseThrow();
	}

	private Session session(EventId event) {
		List<Session> sessions = store.find(event).orElseThrow().sessions();
		assertThat(sessions).hasSize(1);
		return sessions.get(0);
	}

	private int count(EventId event) {
		return jdbc.sql("SELECT count(*) FROM events.registration WHERE event_id = ?")
			.param(event.value())
			.query(Integer.class)
			.single();
	}

	private int reminders(String reference) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE event_type LIKE '%EventReminderDue' AND serialized_event LIKE ?""")
			.param("%" + reference + "%")
			.query(Integer.class)
			.single();
	}

}
