package de.pfd.grants.shared.document;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * Removes a document: its owner while the application is a draft (or returned for
 * revision), staff at any time.
 */
public record RemoveDocumentCommand(@TargetAggregateIdentifier ApplicationId applicationId, DocumentId documentId,
		String removedBy, boolean byStaff) {
}
