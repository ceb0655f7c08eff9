package de.buergerservice.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city loaded into an empty database: whether, and from where.
 *
 * @param enabled whether to load it (the {@code prod} profile turns it off)
 * @param location where its seed lives: {@code locations.yaml} and {@code catalog/*.yaml}
 * under it, e.g. {@code classpath:demo/leipzig/} or {@code file:bench/target/berlin/}
 */
@ConfigurationProperties("buergerservice.demo-data")
public record DemoData(@DefaultValue("true") boolean enabled,
		@DefaultValue("classpath:demo/leipzig/") String location) {

	/** A file of the seed, e.g. {@code locations.yaml}. */
	public String file(String name) {
		return location.endsWith("/") ? location + name : location + "/" + name;
	}

}
