package de.pfd.grants.shared.application;

/**
 * Who applies. {@code youthConfirmed} is the applicant's confirmation of being at most 27
 * years old (required for the youth fund unless the applicant is an informal youth
 * group). Fields may be null while the application is a draft.
 */
public record Applicant(String organisation, LegalForm legalForm, String contactName, String email, String address,
		Boolean youthConfirmed) {
}
