package de.pfd.grants.shared.grant;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The refund claims of a partnership as they stand today, oldest first: all, only the
 * overdue ones ({@code overdueOnly}), or the one of an application
 * ({@code applicationId}, else null). Answered with a list of {@link RefundClaim}.
 */
public record FindRefundClaimsQuery(PartnershipId partnershipId, boolean overdueOnly, ApplicationId applicationId) {

	public FindRefundClaimsQuery(PartnershipId partnershipId, boolean overdueOnly) {
		this(partnershipId, overdueOnly, null);
	}

}
