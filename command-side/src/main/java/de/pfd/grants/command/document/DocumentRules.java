package de.pfd.grants.command.document;

import java.util.regex.Pattern;

import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.document.DocumentLimits;

/**
 * Who may attach which document when, and how much an application may hold. Staff may
 * attach and remove any document at any time; the applicant offers (and anything else)
 * while drafting or revising, receipts, photos and the signed notice once approved, and
 * removes only while drafting or revising.
 */
public final class DocumentRules {

	/** What a file name may be: a name without a path and without control characters. */
	public static final int MAX_FILE_NAME = 200;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private DocumentRules() {
	}

	public static boolean applicantMayAttach(DocumentKind kind, ApplicationStatus status) {
		return switch (kind) {
			case OFFER -> status.isEditable();
			case RECEIPT, PHOTO, SIGNED_NOTICE -> status == ApplicationStatus.APPROVED;
			case OTHER -> status.isEditable() || status == ApplicationStatus.APPROVED;
		};
	}

	public static boolean applicantMayRemove(ApplicationStatus status) {
		return status.isEditable();
	}

	/**
	 * Whether one more document of {@code size} bytes keeps the application within its
	 * limits.
	 */
	public static boolean fits(DocumentLimits limits, int documents, long bytes, long size) {
		return documents < limits.maxDocuments() && bytes + size <= limits.maxApplicationBytes();
	}

	public static boolean validFileName(String name) {
		return name != null && !name.isBlank() && name.length() <= MAX_FILE_NAME
				&& name.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\');
	}

	public static boolean validSha256(String sha256) {
		return sha256 != null && SHA256.matcher(sha256).matches();
	}

}
