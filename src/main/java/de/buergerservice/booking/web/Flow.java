package de.buergerservice.booking.web;

import de.buergerservice.booking.Channel;

/**
 * A way to an appointment through the pages: whose quota it offers and where its steps
 * are. Citizens book the online quota step by step under {@code /termin}; the city's
 * phone agents book the phone quota for a caller under {@code /staff/telefon}, where and
 * when on one page.
 *
 * @param procedures the step that chooses the procedures
 * @param location the step that chooses where
 * @param times the step that shows the free times of a day
 * @param details the form for the citizen's details
 */
record Flow(Channel channel, String procedures, String location, String times, String details) {

	static final Flow ONLINE = new Flow(Channel.ONLINE, "/termin", "/termin/ort", "/termin/zeit", "/termin/daten");

	static final Flow PHONE = new Flow(Channel.PHONE, "/staff/telefon", "/staff/telefon/termin",
			"/staff/telefon/termin", "/staff/telefon/daten");

}
