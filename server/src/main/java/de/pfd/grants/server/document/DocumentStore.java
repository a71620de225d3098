package de.pfd.grants.server.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.document.DocumentId;

/**
 * The content of the documents, in the database (table {@code document_content}) so that
 * a backup holds it. A row counts only once the application's event names it: the lists
 * and downloads go through the read model of those events.
 */
@Component
class DocumentStore {

	private final JdbcTemplate jdbc;

	DocumentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DocumentId id, ApplicationId application, byte[] content, String sha256, String mediaType, Instant at) {
		this.jdbc.update("""
				INSERT INTO document_content (document_id, application_id, content, sha256, media_type, size_bytes,
				    uploaded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""", id.value(), application.value(), content, sha256, mediaType,
				content.length, at.atOffset(ZoneOffset.UTC));
	}

	/** The content of a document of this application (of no other). */
	Optional<byte[]> content(DocumentId id, ApplicationId application) {
		return this.jdbc
			.query("SELECT content FROM document_content WHERE document_id = ? AND application_id = ?",
					(rs, row) -> rs.getBytes("content"), id.value(), application.value())
			.stream()
			.findFirst();
	}

	void delete(DocumentId id, ApplicationId application) {
		this.jdbc.update("DELETE FROM document_content WHERE document_id = ? AND application_id = ?", id.value(),
				application.value());
	}

}
