package de.pfd.grants.shared.application;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An application's id (a UUID chosen by the server). */
public record ApplicationId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public ApplicationId {
		Objects.requireNonNull(value, "applicationId");
		if (value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("invalid application id");
		}
	}

	public static ApplicationId random() {
		return new ApplicationId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
