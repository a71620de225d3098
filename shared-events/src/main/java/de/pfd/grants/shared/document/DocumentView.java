package de.pfd.grants.shared.document;

import java.time.Instant;

/** A document of an application as listed (without its content). */
public record DocumentView(DocumentId id, DocumentKind kind, String fileName, String mediaType, long size,
		String sha256, String attachedBy, Instant attachedAt) {
}
