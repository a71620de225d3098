package de.pfd.grants.shared.document;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.ApplicationId;

/** A document was taken off the application (its content is deleted with it). */
@Revision("1")
public record DocumentRemoved(ApplicationId applicationId, DocumentId documentId, String removedBy) {
}
