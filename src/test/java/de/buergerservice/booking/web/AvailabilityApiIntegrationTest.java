package de.buergerservice.booking.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import de.buergerservice.shared.City;
import de.buergerservice.testsupport.BookingApi;
import de.buergerservice.testsupport.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The availability questions as a client puts them ({@code api.md}): the days with room
 * and how many start times each has, the start times of a day, the earliest anywhere; a
 * list of procedures repeated or separated by commas; bad parameters answered 400 with
 * the field at fault; and the parameters described in the OpenAPI document.
 */
@IntegrationTest
class AvailabilityApiIntegrationTest {

	private static final String ID_CARD = "personalausweis-beantragen";

	private static final String REGISTRATION = "wohnsitz-anmelden";

	private static final String CENTRE = "buergerbuero-otto-schill-strasse";

	private static final String RANGE = "&from=2026-11-26&to=2026-12-09";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	City city;

	BookingApi api;

	@BeforeEach
	void setUp() {
		api = new BookingApi(mvc);
	}

	@Test
	void eachDayWithRoomCountsTheStartTimesThatDayHas() throws Exception {
		JsonNode days = answer("/api/v1/availability/days?procedure=" + ID_CARD + "&location=" + CENTRE + RANGE)
			.get("days");

		assertThat(days).isNotEmpty();
		for (JsonNode day : days) {
			String date = day.get("date").asString();
			assertThat(date).isBetween("2026-11-26", "2026-12-09");
			JsonNode slots = api
				.slots("procedure=" + ID_CARD + "&location=" + CENTRE + "&from=" + date + "&to=" + date + "&limit=500");
			assertThat(day.get("slots").asInt()).isPositive().isEqualTo(slots.size());
		}
	}

	@Test
	void theCalendarCountsADayAgainOnceItsSeatsAreBooked() throws Exception {
		String date = "2026-12-08";
		String oneDay = "procedure=" + ID_CARD + "&location=" + CENTRE + "&from=" + date + "&to=" + date;
		JsonNode first = api.slots(oneDay + "&limit=1").get(0);
		int before = calendarCount(oneDay);

		for (int seat = 0; seat < first.get("free").asInt(); seat++) {
			BookingApi.Who who = BookingApi.someone();
			assertThat(api.book(api.body(ID_CARD, CENTRE, first.get("start").asString(), who), who).getStatus())
				.isEqualTo(201);
		}

		JsonNode after = api.slots(oneDay + "&limit=500");
		assertThat(after.findValuesAsString("start")).doesNotContain(first.get("start").asString());
		assertThat(calendarCount(oneDay)).isEqualTo(after.size()).isLessThan(before);
	}

	private int calendarCount(String query) throws Exception {
		JsonNode days = answer("/api/v1/availability/days?" + query).get("days");
		assertThat(days).hasSize(1);
		return days.get(0).get("slots").asInt();
	}

	@Test
	void startAndEndAreWrittenAsTheCitysOffsetDateTime() throws Exception {
		JsonNode slots = answer("/api/v1/availability?procedure=" + ID_CARD + "&location=" + CENTRE
				+ "&from=2026-11-26&to=2026-11-27&limit=500")
			.get("slots");

		assertThat(slots).isNotEmpty();
		for (JsonNode slot : slots) {
			for (String field : List.of("start", "end")) {
				OffsetDateTime time = OffsetDateTime.parse(slot.get(field).asString());
				assertThat(slot.get(field).asString()).isEqualTo(json.valueToTree(time).asString());
				assertThat(time.getOffset()).isEqualTo(city.zone().getRules().getOffset(time.toInstant()));
			}
		}
	}

	@Test
	void proceduresMayBeRepeatedOrSeparatedByCommas() throws Exception {
		String repeated = "/api/v1/availability?procedure=" + ID_CARD + "&procedure=" + REGISTRATION + "&location="
				+ CENTRE + RANGE;
		String commas = "/api/v1/availability?procedure=" + ID_CARD + "," + REGISTRATION + "&location=" + CENTRE
				+ RANGE;
		String one = "/api/v1/availability?procedure=" + ID_CARD + "&location=" + CENTRE + RANGE;

		JsonNode both = answer(repeated).get("slots");

		assertThat(both).isNotEmpty();
		assertThat(answer(commas).get("slots")).isEqualTo(both);
		assertThat(duration(both.get(0))).isGreaterThan(duration(answer(one).get("slots").get(0)));
	}

	@Test
	void anywhereListsTheEarliestStartTimesAcrossLocations() throws Exception {
		JsonNode slots = answer("/api/v1/availability?anywhere=true&limit=5&procedure=" + ID_CARD + RANGE).get("slots");

		assertThat(slots).hasSize(5);
		List<String> starts = new ArrayList<>();
		slots.forEach(slot -> starts.add(slot.get("start").asString()));
		assertThat(starts).isSorted();
		assertThat(answer("/api/v1/availability?anywhere=yes&limit=5&procedure=" + ID_CARD + RANGE).get("slots"))
			.isEqualTo(slots);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "anywhere=maybe&location=" + CENTRE + " | anywhere",
			"anywhere=true&location=" + CENTRE + " | location", "location=gibt-es-nicht | location",
			"location= | location", "limit=abc&location=" + CENTRE + " | limit",
			"limit=0&location=" + CENTRE + " | limit", "limit=501&location=" + CENTRE + " | limit",
			"from=gestern&location=" + CENTRE + " | from", "from=2026-12-09&to=2026-12-01&location=" + CENTRE + " | to",
			"from=2026-12-01&to=2027-01-15&location=" + CENTRE + " | to" })
	void refusesBadParametersNamingTheField(String parameters, String field) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/api/v1/availability?procedure=" + ID_CARD + "&" + parameters))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(api.json(response).get("errors").findValuesAsString("field")).contains(field);
	}

	@Test
	void describesEveryParameterInOpenApi() throws Exception {
		JsonNode paths = answer("/v3/api-docs").get("paths");

		assertThat(names(paths.get("/api/v1/availability").get("get").get("parameters"))).containsExactlyInAnyOrder(
				"procedure", "quantity", "location", "anywhere", "from", "to", "interpreterLanguage", "limit");
		assertThat(names(paths.get("/api/v1/availability/days").get("get").get("parameters")))
			.containsExactlyInAnyOrder("procedure", "quantity", "location", "anywhere", "from", "to",
					"interpreterLanguage");
		JsonNode slot = answer("/v3/api-docs").get("components").get("schemas").get("SlotView").get("properties");
		assertThat(slot.get("start").get("format").asString()).isEqualTo("date-time");
		assertThat(slot.get("end").get("format").asString()).isEqualTo("date-time");
	}

	private JsonNode answer(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return api.json(response);
	}

	private static long duration(JsonNode slot) {
		return Duration
			.between(OffsetDateTime.parse(slot.get("start").asString()),
					OffsetDateTime.parse(slot.get("end").asString()))
			.toMinutes();
	}

	private static List<String> names(JsonNode parameters) {
		List<String> names = new ArrayList<>();
		parameters.forEach(parameter -> names.add(parameter.get("name").asString()));
		return names;
	}

}
