package de.pfd.grants.shared.body;

import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A partnership has one body of each type: the id is derived, e.g.
 * {@code kreis-mettmann-steering-board}.
 */
public record DecisionBodyId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public DecisionBodyId {
		Objects.requireNonNull(value, "decisionBodyId");
		if (value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("invalid decision body id");
		}
	}

	public static DecisionBodyId of(PartnershipId partnership, DecisionBodyType type) {
		return new DecisionBodyId(partnership.value() + "-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
