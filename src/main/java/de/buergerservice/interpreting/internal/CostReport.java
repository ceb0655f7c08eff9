package de.buergerservice.interpreting.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import de.buergerservice.interpreting.Language;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Component;

/**
 * What the city owes for interpreting in a month: per interpreter and language, the
 * consultations held (contacts) and the minutes recorded, priced at the configured rates
 * per contact and per minute.
 */
@Component
public class CostReport {

	private final InterpreterStore store;

	private final InterpretingProperties properties;

	CostReport(InterpreterStore store, InterpretingProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	public Report of(YearMonth month) {
		List<Line> lines = store.usage(month.atDay(1), month.atEndOfMonth())
			.stream()
			.map(usage -> new Line(usage.interpreterName(), usage.service(), Language.of(usage.language()),
					usage.contacts(), usage.minutes(), cost(usage.contacts(), usage.minutes())))
			.toList();
		int contacts = lines.stream().mapToInt(Line::contacts).sum();
		int minutes = lines.stream().mapToInt(Line::minutes).sum();
		return new Report(month, lines, contacts, minutes, cost(contacts, minutes), properties.ratePerContact(),
				properties.ratePerMinute());
	}

	/**
	 * The report as CSV (RFC 4180, a header row; amounts in euros with a decimal point).
	 */
	public String csv(Report report, Locale locale) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = CSVFormat.RFC4180.builder()
			.setHeader("month", "interpreter", "service", "language", "language_name", "contacts", "minutes",
					"cost_eur")
			.get()
			.print(out)) {
			for (Line line : report.lines()) {
				csv.printRecord(report.month(), line.interpreter(), line.service(), line.language().code(),
						line.language().name().in(locale), line.contacts(), line.minutes(),
						line.cost().toPlainString());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private BigDecimal cost(int contacts, int minutes) {
		return properties.ratePerContact()
			.multiply(BigDecimal.valueOf(contacts))
			.add(properties.ratePerMinute().multiply(BigDecimal.valueOf(minutes)))
			.setScale(2, RoundingMode.HALF_UP);
	}

	/** A month's report. */
	public record Report(YearMonth month, List<Line> lines, int contacts, int minutes, BigDecimal cost,
			BigDecimal ratePerContact, BigDecimal ratePerMinute) {
	}

	/** One interpreter's work in one language. */
	public record Line(String interpreter, String service, Language language, int contacts, int minutes,
			BigDecimal cost) {
	}

}
