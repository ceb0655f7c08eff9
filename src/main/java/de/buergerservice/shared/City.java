package de.buergerservice.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who runs this installation: the city's name, slogan, phone numbers, time zone and the
 * state whose public holidays apply.
 *
 * @param name the city's name as citizens know it
 * @param office the name of the city's citizen-service office
 * @param slogan the office's slogan
 * @param phone the city's own phone number for citizens
 * @param nationalPhone the national authority number (115)
 * @param zone the city's time zone; every local time shown is in it
 * @param holidayCountry ISO country code for public holidays
 * @param holidayRegion the state (subdivision) code for public holidays, e.g. {@code sn}
 * for Saxony
 * @param publicUrl where citizens reach this installation, for links in mails
 */
@ConfigurationProperties("buergerservice.city")
public record City(@DefaultValue("Leipzig") String name, @DefaultValue("Amt für Bürgerservice") String office,
		@DefaultValue("Meine Stadt, ein Service") String slogan, @DefaultValue("0341 123-0") String phone,
		@DefaultValue("115") String nationalPhone, @DefaultValue("Europe/Berlin") ZoneId zone,
		@DefaultValue("de") String holidayCountry, @DefaultValue("sn") String holidayRegion,
		@DefaultValue("http://localhost:8080") String publicUrl) {

	/**
	 * A link to a path of this installation, e.g. {@code /termin/bestaetigen?token=…}.
	 */
	public String link(String path) {
		return publicUrl.replaceAll("/+$", "") + path;
	}

}
