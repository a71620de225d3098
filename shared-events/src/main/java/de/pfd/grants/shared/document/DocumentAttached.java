package de.pfd.grants.shared.document;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * A document was attached to the application; its content is stored apart (table
 * {@code document_content}) under the id, and {@code sha256} proves which content it was.
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record DocumentAttached(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId, DocumentId documentId,
		DocumentKind kind, @PersonalData String fileName, String mediaType, long size, String sha256,
		String attachedBy) {
}
