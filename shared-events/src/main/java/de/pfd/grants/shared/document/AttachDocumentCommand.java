package de.pfd.grants.shared.document;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import de.pfd.grants.shared.application.ApplicationId;

/**
 * Attaches a stored document to an application: its kind, the file name as uploaded, the
 * media type detected from its content, its size and SHA-256 (both computed by the
 * server), by its owner or by staff ({@code byStaff}).
 */
public record AttachDocumentCommand(@TargetAggregateIdentifier ApplicationId applicationId, DocumentId documentId,
		DocumentKind kind, String fileName, String mediaType, long size, String sha256, String attachedBy,
		boolean byStaff) {
}
