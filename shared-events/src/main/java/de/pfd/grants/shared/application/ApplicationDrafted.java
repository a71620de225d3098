package de.pfd.grants.shared.application;

import com.fasterxml.jackson.annotation.JsonCreator;

import org.axonframework.serialization.Revision;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;
import de.pfd.grants.shared.privacy.DataSubject;

/**
 * A draft was started. {@code organisationId}: the organisation it is filed for; null in
 * events stored before organisations had ids (those name the organisation only in the
 * content's applicant).
 */
// revision 2: the personal texts are stored encrypted (PersonalData, ADR 0012); revision
// 1 is upcast
@Revision("2")
public record ApplicationDrafted(@DataSubject(DataSubject.APPLICATION) ApplicationId applicationId,
		PartnershipId partnershipId, FundId fundId, String owner, ApplicationContent content,
		OrganisationId organisationId) {

	@JsonCreator
	public ApplicationDrafted {
	}

	/** A draft filed for no organisation known by id. */
	public ApplicationDrafted(ApplicationId applicationId, PartnershipId partnershipId, FundId fundId, String owner,
			ApplicationContent content) {
		this(applicationId, partnershipId, fundId, owner, content, null);
	}

}
