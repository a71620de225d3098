package de.pfd.grants.shared.organisation;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.privacy.PersonalData;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * An organisation (Verein, Initiative, Jugendgruppe, institution, or a private person
 * applying as themself) became known to the partnership. Address and contact may be
 * missing.
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record OrganisationRegistered(@DataSubject(DataSubject.ORGANISATION) OrganisationId organisationId,
		PartnershipId partnershipId, @PersonalData String name, LegalForm legalForm, @PersonalData String address,
		@PersonalData String contactName, @PersonalData String email) {
}
