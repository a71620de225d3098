package de.pfd.grants.shared.fund;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The applications on a fund's waiting list now, in their order; answered with a list of
 * {@link WaitingListEntry}. Scoped to a partnership: another's fund answers with an empty
 * list.
 */
public record FindWaitingListQuery(FundId fundId, PartnershipId partnershipId) {
}
