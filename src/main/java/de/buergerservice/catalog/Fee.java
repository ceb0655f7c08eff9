package de.buergerservice.catalog;

import java.math.BigDecimal;

import de.buergerservice.shared.LocalizedText;
import org.jspecify.annotations.Nullable;

/**
 * A fee of a procedure in euros, e.g. 46.00 for an ID card from the age of 24. Where the
 * amount varies, it is {@code null} and the label says on what it depends.
 */
public record Fee(@Nullable BigDecimal amount, LocalizedText label) {

	public Fee {
		if (amount != null && amount.signum() < 0) {
			throw new IllegalArgumentException("A fee cannot be negative");
		}
		if (amount != null) {
			amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
		}
	}

	public boolean isFree() {
		return amount != null && amount.signum() == 0;
	}

}
