package de.buergerservice.catalog;

import java.net.URI;

import de.buergerservice.shared.LocalizedText;

/**
 * Where a procedure can be done online instead of at a counter.
 */
public record OnlineService(URI url, LocalizedText label) {

	public OnlineService {
		if (!"https".equals(url.getScheme())) {
			throw new IllegalArgumentException("An online service must be an https link: " + url);
		}
	}

}
