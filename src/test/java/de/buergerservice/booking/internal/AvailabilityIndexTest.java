package de.buergerservice.booking.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import de.buergerservice.locations.LocationId;
import de.buergerservice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index reads a day once when first asked and again in the background once it is old:
 * never more than two days at a time, each day once, spread over time, while requests are
 * answered from memory without waiting.
 */
class AvailabilityIndexTest {

	private static final LocationId OFFICE = new LocationId("office");

	private static final LocalDate FIRST = LocalDate.of(2027, 1, 4);

	private static final int HORIZON = 90;

	private static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final MutableClock ages = new MutableClock();

	private final CountingLoader loader = new CountingLoader();

	private final ExecutorService refresher = AvailabilityIndex.newRefresher();

	private final AvailabilityIndex index = new AvailabilityIndex(loader, pool -> Optional.empty(),
			ZoneId.of("Europe/Berlin"), ages, MAX_AGE.toMillis(), refresher);

	@AfterEach
	void stopRefresher() {
		loader.release();
		refresher.shutdownNow();
	}

	@Test
	void aDayIsReadOnceWhileItIsYoung() {
		DayCapacity first = index.day(OFFICE, FIRST);

		ages.advance(MAX_AGE.minusSeconds(1));
		DayCapacity again = index.day(OFFICE, FIRST);

		assertThat(again).isSameAs(first);
		assertThat(loader.reads(FIRST)).isEqualTo(1);
	}

	@Test
	void daysFarApartAndDaysOfOtherLocationsAreKeptApart() {
		LocationId other = new LocationId("other");
		LocalDate later = FIRST.plusDays(512);

		DayCapacity first = index.day(OFFICE, FIRST);
		DayCapacity laterDay = index.day(OFFICE, later);
		DayCapacity otherFirst = index.day(other, FIRST);

		assertThat(laterDay.date()).isEqualTo(later);
		assertThat(otherFirst).isNotSameAs(first);
		assertThat(index.day(OFFICE, later)).isSameAs(laterDay);
		assertThat(index.day(other, FIRST)).isSameAs(otherFirst);
		DayCapacity firstAgain = index.day(OFFICE, FIRST);
		assertThat(firstAgain.date()).isEqualTo(FIRST);
		assertThat(index.day(new LocationId("office"), FIRST)).isSameAs(firstAgain);
	}

	@Test
	void aDayForgottenIsReadAgainAndOnlyThatDay() {
		DayCapacity first = index.day(OFFICE, FIRST);
		DayCapacity next = index.day(OFFICE, FIRST.plusDays(1));

		index.invalidate(OFFICE, FIRST, FIRST);

		assertThat(index.day(OFFICE, FIRST)).isNotSameAs(first);
		assertThat(index.day(OFFICE, FIRST.plusDays(1))).isSameAs(next);
		assertThat(loader.reads(FIRST)).isEqualTo(2);

		index.invalidateAll();

		assertThat(index.day(OFFICE, FIRST.plusDays(1))).isNotSameAs(next);
		assertThat(loader.reads(FIRST.plusDays(1))).isEqualTo(2);
	}

	@Test
	void aStaleHorizonIsReadAgainTwoDaysAtATimeEachDayOnceWithoutKeepingRequestsWaiting() throws Exception {
		List<DayCapacity> primed = askForTheHorizon();
		ages.advance(MAX_AGE.multipliedBy(2));
		loader.block();

		List<DayCapacity> answered = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			answered.addAll(askForTheHorizon());
		}

		assertThat(loader.awaitReading(2)).as("two reads under way").isTrue();
		assertThat(answered).as("answered from memory while the reads wait")
			.containsExactlyElementsOf(repeat(primed, 3));
		loader.release();
		refresher.shutdown();
		assertThat(refresher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(loader.mostAtOnce()).isEqualTo(2);
		for (int day = 0; day < HORIZON; day++) {
			assertThat(loader.reads(FIRST.plusDays(day))).as("reads of day %d", day).isEqualTo(2);
		}
		assertThat(askForTheHorizon()).doesNotContainAnyElementsOf(primed);
	}

	@Test
	void daysReadTogetherGoStaleOneAfterAnother() throws Exception {
		askForTheHorizon();

		ages.advance(MAX_AGE.plus(MAX_AGE.dividedBy(4)));
		askForTheHorizon();
		refresher.shutdown();
		assertThat(refresher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		long readAgain = loader.readsPerDay().values().stream().filter(reads -> reads == 2).count();
		assertThat(readAgain).as("days read again a quarter of the age later").isBetween(10L, 80L);
	}

	@Test
	void everyDayIsReadAgainWithinOneAndAHalfTimesItsAge() throws Exception {
		askForTheHorizon();

		ages.advance(MAX_AGE.plus(MAX_AGE.dividedBy(2)).plusSeconds(1));
		askForTheHorizon();
		refresher.shutdown();
		assertThat(refresher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(loader.readsPerDay().values()).hasSize(HORIZON).containsOnly(2);
	}

	private List<DayCapacity> askForTheHorizon() {
		List<DayCapacity> answers = new ArrayList<>();
		for (int day = 0; day < HORIZON; day++) {
			answers.add(index.day(OFFICE, FIRST.plusDays(day)));
		}
		return answers;
	}

	private static <T> List<T> repeat(List<T> list, int times) {
		List<T> repeated = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			repeated.addAll(list);
		}
		return repeated;
	}

	/**
	 * Reads empty days, counting reads per day and how many run at once; once blocked, a
	 * read waits until released.
	 */
	private static final class CountingLoader implements AvailabilityIndex.DayLoader {

		private final Map<LocalDate, Integer> reads = new ConcurrentHashMap<>();

		private final AtomicInteger running = new AtomicInteger();

		private final AtomicInteger mostAtOnce = new AtomicInteger();

		private volatile CountDownLatch gate = new CountDownLatch(0);

		@Override
		public DayCapacity load(LocationId location, LocalDate date, long now) {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				gate.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				reads.merge(date, 1, Integer::sum);
				running.decrementAndGet();
			}
			return DayCapacity.of(date, 5, List.of(), now);
		}

		void block() {
			gate = new CountDownLatch(1);
		}

		void release() {
			gate.countDown();
		}

		boolean awaitReading(int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (running.get() < count && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			return running.get() == count;
		}

		int mostAtOnce() {
			return mostAtOnce.get();
		}

		int reads(LocalDate date) {
			return reads.getOrDefault(date, 0);
		}

		Map<LocalDate, Integer> readsPerDay() {
			return reads;
		}

	}

}
