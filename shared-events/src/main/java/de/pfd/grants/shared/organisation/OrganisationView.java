package de.pfd.grants.shared.organisation;

import java.util.List;

import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * An organisation as its readers see it, with the accounts that belong to it (also those
 * of duplicates merged into it) and the ids merged into it. {@code mergedInto}: set on a
 * duplicate, the surviving organisation.
 */
public record OrganisationView(OrganisationId id, PartnershipId partnershipId, String name, LegalForm legalForm,
		String address, String contactName, String email, OrganisationId mergedInto, List<String> members,
		List<OrganisationId> mergedIds) {

	/**
	 * The organisation this one stands for now: itself, or the one it was merged into.
	 */
	public OrganisationId survivor() {
		return this.mergedInto == null ? this.id : this.mergedInto;
	}

}
