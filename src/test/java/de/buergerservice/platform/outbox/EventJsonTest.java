package de.buergerservice.platform.outbox;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event is written once however often the registry asks, by identity, not by equality;
 * what it wrote reads back.
 */
class EventJsonTest {

	private final EventJson json = new EventJson(JsonMapper.builder().build());

	@Test
	void writesAnEventOnceForAllItsPublicationsAndCompletions() {
		AtomicInteger writes = new AtomicInteger();
		Counted event = new Counted("T-ABCD-EFGH", writes);

		Object first = json.serialize(event);
		Object again = json.serialize(event);
		Object completion = json.serialize(event);

		assertThat(writes).hasValue(1);
		assertThat(again).isSameAs(first);
		assertThat(completion).isSameAs(first);
		assertThat(first).asString().contains("\"reference\":\"T-ABCD-EFGH\"");
	}

	@Test
	void anEqualEventPublishedAgainIsWrittenAgain() {
		AtomicInteger writes = new AtomicInteger();

		json.serialize(new Counted("T-ABCD-EFGH", writes));
		json.serialize(new Counted("T-ABCD-EFGH", writes));

		assertThat(writes).hasValue(2);
	}

	@Test
	void forgetsAnEventOnceEnoughOthersWereWritten() {
		AtomicInteger writes = new AtomicInteger();
		Counted event = new Counted("T-ABCD-EFGH", writes);
		json.serialize(event);
		for (int i = 0; i < EventJson.REMEMBERED - 1; i++) {
			json.serialize(new Counted("T-" + i, new AtomicInteger()));
		}
		json.serialize(event);
		assertThat(writes).as("still remembered").hasValue(1);

		json.serialize(new Counted("T-LAST", new AtomicInteger()));
		json.serialize(event);

		assertThat(writes).as("written again").hasValue(2);
	}

	@Test
	void whatItWroteReadsBack() {
		Moved event = new Moved("T-ABCD-EFGH", 3);

		assertThat(json.deserialize(json.serialize(event), Moved.class)).isEqualTo(event);
	}

	/** An event that counts how often its reference is read, i.e. it is written. */
	record Counted(String reference, @JsonIgnore AtomicInteger writes) {

		@Override
		public String reference() {
			writes.incrementAndGet();
			return reference;
		}

	}

	record Moved(String reference, int times) {
	}

}
