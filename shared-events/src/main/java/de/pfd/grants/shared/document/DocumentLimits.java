package de.pfd.grants.shared.document;

/**
 * How much an application may hold: bytes per file, bytes and documents per application
 * (configuration {@code grants.documents.*}, these are the defaults).
 */
public record DocumentLimits(long maxFileBytes, long maxApplicationBytes, int maxDocuments) {

	public static final DocumentLimits DEFAULT = new DocumentLimits(10L * 1024 * 1024, 50L * 1024 * 1024, 50);

	public DocumentLimits {
		if (maxFileBytes <= 0 || maxApplicationBytes < maxFileBytes || maxDocuments <= 0) {
			throw new IllegalArgumentException("document limits must be positive, per application at least per file");
		}
	}

}
