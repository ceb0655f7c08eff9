package de.buergerservice.interpreting.internal;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.buergerservice.booking.AppointmentReference;
import de.buergerservice.booking.Interpreters;
import de.buergerservice.interpreting.Assignment;
import de.buergerservice.interpreting.Interpreting;
import de.buergerservice.interpreting.Language;
import de.buergerservice.locations.LocationId;
import de.buergerservice.shared.City;
import de.buergerservice.shared.ProcedureId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interpreters for appointments: which times have one of a language free, and taking one
 * in the booking's transaction.
 * <p>
 * An interpreter is never booked twice at the same time: the booking locks the candidate
 * interpreters one by one in the order of their ids (always after its counter seats, so
 * all bookings lock in one order), checks for an overlap with a fresh statement once it
 * holds the lock, and the table's exclusion constraint would refuse an overlap anyway.
 */
@Service
public class InterpretingService implements Interpreting, Interpreters {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final InterpreterStore store;

	private final Map<String, Language> languages;

	private final URI videoBase;

	private final Clock clock;

	private final ZoneId zone;

	InterpretingService(InterpreterStore store, InterpretingProperties properties, Clock clock, City city) {
		this.store = store;
		this.languages = properties.languages()
			.stream()
			.map(Language::of)
			.sorted(Comparator.comparing(language -> language.name().de()))
			.collect(Collectors.toMap(Language::code, language -> language, (a, b) -> a, LinkedHashMap::new));
		String base = properties.videoBaseUrl().toString();
		this.videoBase = URI.create(base.endsWith("/") ? base : base + "/");
		this.clock = clock;
		this.zone = city.zone();
	}

	@Override
	public List<Language> languages() {
		return List.copyOf(languages.values());
	}

	/** A language offered, by its code (any case). */
	public Optional<Language> language(String code) {
		return Optional.ofNullable(languages.get(code.strip().toLowerCase(java.util.Locale.ROOT)));
	}

	@Override
	public boolean offered(Set<ProcedureId> procedures, String language) {
		return languages.containsKey(language) && !procedures.isEmpty() && store.capable().containsAll(procedures);
	}

	@Override
	public List<String> languages(Set<ProcedureId> procedures) {
		if (procedures.isEmpty() || !store.capable().containsAll(procedures)) {
			return List.of();
		}
		return List.copyOf(languages.keySet());
	}

	/** Whether the procedure may have an interpreter. */
	public boolean capable(ProcedureId procedure) {
		return store.capable().contains(procedure);
	}

	@Override
	public FreeTimes free(String language, Instant from, Instant to) {
		List<InterpreterStore.Interpreter> speakers = store.speakers(language);
		Map<String, List<InterpreterStore.Busy>> busy = store
			.busy(speakers.stream().map(InterpreterStore.Interpreter::id).toList(), from, to)
			.stream()
			.collect(Collectors.groupingBy(InterpreterStore.Busy::interpreter));
		return (start, end) -> {
			ZonedDateTime first = start.atZone(zone);
			ZonedDateTime last = end.atZone(zone);
			if (!first.toLocalDate().equals(last.toLocalDate())) {
				return false;
			}
			for (InterpreterStore.Interpreter speaker : speakers) {
				if (speaker.works(first.getDayOfWeek(), first.toLocalTime(), last.toLocalTime())
						&& busy.getOrDefault(speaker.id(), List.of())
							.stream()
							.noneMatch(taken -> taken.start().isBefore(end) && taken.end().isAfter(start))) {
					return true;
				}
			}
			return false;
		};
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean assign(AppointmentReference reference, LocationId location, String language, Instant start,
			Instant end) {
		ZonedDateTime first = start.atZone(zone);
		ZonedDateTime last = end.atZone(zone);
		if (!languages.containsKey(language) || !first.toLocalDate().equals(last.toLocalDate())) {
			return false;
		}
		String session = store.assignment(reference).map(InterpreterStore.Row::sessionToken).orElseGet(this::token);
		for (InterpreterStore.Interpreter speaker : store.speakers(language)) {
			if (!speaker.works(first.getDayOfWeek(), first.toLocalTime(), last.toLocalTime())) {
				continue;
			}
			store.lock(speaker.id());
			if (store.isFree(speaker.id(), reference, start, end)) {
				store.assign(reference, location, speaker.id(), language, start, end, session, clock.instant());
				return true;
			}
		}
		return false;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(AppointmentReference reference) {
		store.release(reference, clock.instant());
	}

	@Override
	public Optional<Assignment> assignment(AppointmentReference reference) {
		return store.assignment(reference).map(this::assignment);
	}

	/** The active assignments at a location (every location, without one) on a day. */
	public List<Assignment> on(LocationId location, LocalDate day) {
		return store
			.assignments(location, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant())
			.stream()
			.map(this::assignment)
			.toList();
	}

	Assignment assignment(InterpreterStore.Row row) {
		Language language = languages.containsKey(row.language()) ? languages.get(row.language())
				: Language.of(row.language());
		return new Assignment(row.reference(), row.location(), row.interpreterId(), row.interpreterName(),
				row.interpreterEmail(), language, row.start(), row.end(), videoBase.resolve(row.sessionToken()),
				row.active());
	}

	/** A video session's id: 128 random bits, URL-safe. */
	private String token() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
