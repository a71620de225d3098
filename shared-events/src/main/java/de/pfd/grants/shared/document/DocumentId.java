package de.pfd.grants.shared.document;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A document's id (a UUID chosen by the server). */
public record DocumentId(@JsonValue String value) {

	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public DocumentId {
		Objects.requireNonNull(value, "documentId");
		if (value.isBlank() || value.length() > 100) {
			throw new IllegalArgumentException("invalid document id");
		}
	}

	public static DocumentId random() {
		return new DocumentId(UUID.randomUUID().toString());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
