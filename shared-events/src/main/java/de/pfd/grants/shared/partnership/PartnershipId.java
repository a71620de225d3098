package de.pfd.grants.shared.partnership;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A partnership's readable key, e.g. {@code kreis-mettmann}; lower-case letters, digits
 * and dashes.
 */
public record PartnershipId(@JsonValue String value) {

	public static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public PartnershipId {
		Objects.requireNonNull(value, "partnershipId");
		if (!FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("invalid partnership id");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
