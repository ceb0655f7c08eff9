package de.buergerservice.platform.outbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

/**
 * Writes events for the event publication registry, with the application's
 * {@link JsonMapper} as Spring Modulith's own Jackson serializer does (which steps aside
 * for this bean), so that stored publications read the same. Two things it does not do
 * the way Modulith's does:
 * <ul>
 * <li>It holds the mapper; Modulith's asks the bean factory for it at every event (in a
 * booking rush a fiftieth of the application's CPU).</li>
 * <li>It writes an event once, however often it is asked: the registry writes the event
 * for each of its listeners' publications, and again to mark each one complete, so a
 * booking (two listeners) was written four times. The last {@value #REMEMBERED} events
 * written are remembered by identity; events are records that do not change once
 * published.</li>
 * </ul>
 */
@Component
class EventJson implements EventSerializer {

	static final int REMEMBERED = 64;

	private final JsonMapper mapper;

	private final AtomicReferenceArray<Written> recent = new AtomicReferenceArray<>(REMEMBERED);

	private final AtomicInteger next = new AtomicInteger();

	EventJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Object serialize(Object event) {
		for (int i = 0; i < REMEMBERED; i++) {
			Written written = recent.get(i);
			if (written != null && written.event() == event) {
				return written.json();
			}
		}
		String json = mapper.writeValueAsString(event);
		recent.set(Math.floorMod(next.getAndIncrement(), REMEMBERED), new Written(event, json));
		return json;
	}

	@Override
	public <T> T deserialize(Object serialized, Class<T> type) {
		return mapper.readerFor(type).readValue(serialized.toString());
	}

	private record Written(Object event, String json) {
	}

}
