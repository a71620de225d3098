package de.pfd.grants.shared.organisation;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * An organisation (Verein, Initiative, Jugendgruppe, institution, or a private person
 * applying as themself) became known to the partnership. Address and contact may be
 * missing.
 */
@Revision("1")
public record OrganisationRegistered(OrganisationId organisationId, PartnershipId partnershipId, String name,
		LegalForm legalForm, String address, String contactName, String email) {
}
