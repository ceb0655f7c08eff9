package de.buergerservice.platform.outbox;

import java.util.List;

import de.buergerservice.booking.AppointmentBooked;
import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event publication registry writes events with {@link EventJson} and the
 * application's mapper: a booking's publications, one per listener, hold the same JSON,
 * which reads back as the event and is what the event, read back and written again, gives
 * (so that a resubmitted publication finds its row when it completes).
 */
@IntegrationTest
class EventJsonIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	List<EventSerializer> serializers;

	@Autowired
	JsonMapper mapper;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBookingsPublicationsHoldTheEventAsTheApplicationsMapperWritesIt() throws Exception {
		assertThat(serializers).singleElement().isInstanceOf(EventJson.class);
		String reference = new BookingApi(mvc)
			.bookFirstFree("meldebescheinigung", "buergerbuero-otto-schill-strasse", BookingApi.someone())
			.get("reference")
			.asString();

		List<String> stored = jdbc.sql("""
				SELECT serialized_event FROM event_publication
				WHERE event_type LIKE '%AppointmentBooked' AND serialized_event LIKE ?""")
			.param("%" + reference + "%")
			.query(String.class)
			.list();

		assertThat(stored).as("one publication per listener").hasSizeGreaterThan(1).containsOnly(stored.get(0));
		AppointmentBooked event = serializers.get(0).deserialize(stored.get(0), AppointmentBooked.class);
		assertThat(event.appointment().reference().value()).isEqualTo(reference);
		assertThat(mapper.writeValueAsString(event)).isEqualTo(stored.get(0));
	}

}
