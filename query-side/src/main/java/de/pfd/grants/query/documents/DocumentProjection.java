package de.pfd.grants.query.documents;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.query.readmodel.Columns;
import de.pfd.grants.shared.document.DocumentAttached;
import de.pfd.grants.shared.document.DocumentId;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentRemoved;
import de.pfd.grants.shared.document.DocumentView;
import de.pfd.grants.shared.document.FindDocumentsQuery;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * The documents of each application (without their content, which the upload stored
 * apart). In the processing group of the applications, so that a read of the application
 * after an upload sees the document. Inserted once, deleted once: replay-safe.
 */
@Component
@ProcessingGroup("applications")
class DocumentProjection {

	private final JdbcTemplate jdbc;

	DocumentProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(DocumentAttached event, @SequenceNumber long sequence, @Timestamp Instant at) {
		this.jdbc.update("""
				INSERT INTO application_document (document_id, application_id, kind, file_name, media_type,
				    size_bytes, sha256, attached_by, attached_at, sequence_number)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.documentId().value(), event.applicationId().value(),
				event.kind().name(), event.fileName(), event.mediaType(), event.size(), event.sha256(),
				event.attachedBy(), utc(at), sequence);
	}

	/** The file names are the grant file's personal data: as a replay now reads them. */
	@EventHandler
	void on(PersonalDataErased event) {
		this.jdbc.update("UPDATE application_document SET file_name = ? WHERE application_id = ?", PersonalData.ERASED,
				event.applicationId().value());
	}

	@EventHandler
	void on(DocumentRemoved event) {
		this.jdbc.update("DELETE FROM application_document WHERE document_id = ? AND application_id = ?",
				event.documentId().value(), event.applicationId().value());
	}

	@QueryHandler
	List<DocumentView> handle(FindDocumentsQuery query) {
		return this.jdbc.query("""
				SELECT document_id, kind, file_name, media_type, size_bytes, sha256, attached_by, attached_at
				FROM application_document WHERE application_id = ? ORDER BY sequence_number""",
				(rs, row) -> new DocumentView(new DocumentId(rs.getString("document_id")),
						DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
						rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
						rs.getString("attached_by"), Columns.instant(rs, "attached_at")),
				query.applicationId().value());
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM application_document");
	}

}
