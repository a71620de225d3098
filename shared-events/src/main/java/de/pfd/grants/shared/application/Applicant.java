package de.pfd.grants.shared.application;

import de.pfd.grants.shared.privacy.PersonalData;

/**
 * Who applies. {@code youthConfirmed} is the applicant's confirmation of being at most 27
 * years old (required for the youth fund unless the applicant is an informal youth
 * group). Fields may be null while the application is a draft.
 */
public record Applicant(@PersonalData String organisation, LegalForm legalForm, @PersonalData String contactName,
		@PersonalData String email, @PersonalData String address, Boolean youthConfirmed) {
}
