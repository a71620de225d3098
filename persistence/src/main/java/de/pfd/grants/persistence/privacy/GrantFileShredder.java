package de.pfd.grants.persistence.privacy;

import org.springframework.jdbc.core.JdbcTemplate;

import de.pfd.grants.shared.privacy.PersonalDataErased;

/**
 * What an erasure deletes, idempotently: the subject's key, and the content of the grant
 * file's documents (offers, receipts, photos: personal data that no key covers; the
 * events keep each document's SHA-256, a download is 404). Run in the transaction that
 * stores the erasure (command side) and once more, at least once, by a tracking processor
 * (query side), for the deployments where the event store is not in that transaction.
 */
public class GrantFileShredder {

	private final SubjectKeys keys;

	private final JdbcTemplate jdbc;

	public GrantFileShredder(SubjectKeys keys, JdbcTemplate jdbc) {
		this.keys = keys;
		this.jdbc = jdbc;
	}

	public void shred(PersonalDataErased erasure) {
		this.keys.erase(erasure.subject(), erasure.erasedAt());
		this.jdbc.update("DELETE FROM document_content WHERE application_id = ?", erasure.applicationId().value());
	}

}
