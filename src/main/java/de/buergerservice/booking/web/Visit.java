package de.buergerservice.booking.web;

import java.util.ArrayList;
import java.util.List;

import de.buergerservice.booking.AccessToken;
import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.VisitItem;
import de.buergerservice.locations.LocationId;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a citizen has chosen so far on the booking pages, carried from step to step in the
 * query string so that any instance can serve any step: the procedures with their
 * quantities, where ({@code location}, or none while searching anywhere), whether the
 * search was "anywhere, earliest first", and in move mode the appointment being moved.
 *
 * @param location the chosen location; {@code null} while searching anywhere
 * @param anywhere whether the citizen chose "anywhere" (also once a time at one location
 * was picked, so that the way back leads to every location again)
 * @param move the appointment being moved, or {@code null} when booking anew
 * @param interpreter the language of the video interpreter wanted (ISO 639 code), or
 * {@code null}
 */
record Visit(List<VisitItem> items, @Nullable LocationId location, boolean anywhere, @Nullable Move move,
		@Nullable String interpreter) {

	/** The value of {@code ort} that stands for "anywhere, earliest first". */
	static final String ANYWHERE = "ueberall";

	Visit {
		items = List.copyOf(items);
	}

	static Visit of(List<VisitItem> items) {
		return new Visit(items, null, false, null, null);
	}

	/** The same visit at one location (from a time found while searching anywhere). */
	Visit at(LocationId where) {
		return new Visit(items, where, anywhere, move, interpreter);
	}

	/** The same visit searched anywhere again. */
	Visit everywhere() {
		return new Visit(items, null, true, move, interpreter);
	}

	public boolean moving() {
		return move != null;
	}

	/**
	 * A link to a step with this visit's parameters, and the extra ones given in pairs.
	 */
	String link(String path, @Nullable Object... extra) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		for (Parameter parameter : parameters(extra)) {
			link.queryParam(parameter.name(), parameter.value());
		}
		return link.encode().build().toUriString();
	}

	/**
	 * This visit's parameters and the extra ones given in pairs (a {@code null} value is
	 * left out): for links, and as hidden fields of a form.
	 */
	List<Parameter> parameters(@Nullable Object... extra) {
		List<Parameter> parameters = new ArrayList<>();
		if (move != null) {
			parameters.add(new Parameter("verschieben", move.reference().value()));
			parameters.add(new Parameter("token", move.token().value()));
		}
		else {
			parameters.addAll(procedures());
			if (location != null) {
				parameters.add(new Parameter("ort", location.value()));
				if (anywhere) {
					parameters.add(new Parameter("ueberall", "ja"));
				}
			}
			else if (anywhere) {
				parameters.add(new Parameter("ort", ANYWHERE));
			}
		}
		for (int i = 0; i + 1 < extra.length; i += 2) {
			if (extra[i + 1] != null) {
				parameters.add(new Parameter(String.valueOf(extra[i]), String.valueOf(extra[i + 1])));
			}
		}
		return parameters;
	}

	/**
	 * What the visit is for, as parameters: {@code leistung} each, {@code anzahl} where
	 * more than one, and the interpreter's language ({@code dolmetschen}) if one is
	 * wanted.
	 */
	List<Parameter> procedures() {
		List<Parameter> parameters = new ArrayList<>();
		for (VisitItem item : items) {
			parameters.add(new Parameter("leistung", item.procedure().value()));
		}
		for (VisitItem item : items) {
			if (item.quantity() > 1) {
				parameters.add(new Parameter("anzahl", item.procedure().value() + ":" + item.quantity()));
			}
		}
		if (interpreter != null) {
			parameters.add(new Parameter("dolmetschen", interpreter));
		}
		return parameters;
	}

	/** A link with the procedures only, and the location if one was chosen. */
	String proceduresLink(String path) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		for (Parameter parameter : procedures()) {
			link.queryParam(parameter.name(), parameter.value());
		}
		if (location != null) {
			link.queryParam("ort", location.value());
		}
		return link.encode().build().toUriString();
	}

	/** One query parameter or hidden field. */
	record Parameter(String name, String value) {
	}

	/** Moving an existing appointment: its reference and private token. */
	record Move(AppointmentReference reference, AccessToken token) {
	}

}
