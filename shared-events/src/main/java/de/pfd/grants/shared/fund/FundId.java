package de.pfd.grants.shared.fund;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A fund's id. Derived from partnership, type and year so that a partnership can hold
 * only one fund of a type per year: the event store's unique key refuses a second one.
 */
public record FundId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public FundId {
		Objects.requireNonNull(value, "fundId");
		if (value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("invalid fund id");
		}
	}

	public static FundId of(PartnershipId partnership, FundType type, int year) {
		return new FundId(
				partnership.value() + "-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + year);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
