package de.buergerservice.interpreting.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of interpreting ({@code buergerservice.interpreting.*}).
 *
 * @param languages the languages offered, as ISO 639 codes (the JDK names them)
 * @param videoBaseUrl the video service: a session's link is this plus its unguessable id
 * @param ratePerContact what the city pays per interpreted consultation (euros)
 * @param ratePerMinute what the city pays per minute interpreted (euros)
 */
@ConfigurationProperties("buergerservice.interpreting")
public record InterpretingProperties(@DefaultValue List<String> languages,
		@DefaultValue("https://video.example/sitzung/") URI videoBaseUrl, @DefaultValue("0") BigDecimal ratePerContact,
		@DefaultValue("0") BigDecimal ratePerMinute) {

}
