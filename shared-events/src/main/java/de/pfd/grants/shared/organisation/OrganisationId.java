package de.pfd.grants.shared.organisation;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An organisation's id (a UUID chosen by the server); stays in the events for good. */
public record OrganisationId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public OrganisationId {
		Objects.requireNonNull(value, "organisationId");
		if (value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("invalid organisation id");
		}
	}

	public static OrganisationId random() {
		return new OrganisationId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
