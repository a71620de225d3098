package de.pfd.grants.shared.fund;

import java.time.Instant;
import java.time.LocalDate;

import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * One fund's figures: now (both null), as they stood at an instant of entry
 * ({@code asOf}), or at the end of a day by value date ({@code asOfDate}: payouts and
 * refunds count from the day the money moved, every other booking from the day of its
 * entry, in the partnership's calendar). Scoped to a partnership so that another
 * partnership's fund reads as unknown. Answered with an optional {@link FundBudget}; a
 * fund of the partnership asked for before it existed answers with zero figures and
 * {@code existed} false.
 */
public record FindFundQuery(FundId fundId, PartnershipId partnershipId, Instant asOf, LocalDate asOfDate) {

	public FindFundQuery {
		if (asOf != null && asOfDate != null) {
			throw new IllegalArgumentException("as of an instant or a day, not both");
		}
	}

	public FindFundQuery(FundId fundId, PartnershipId partnershipId, Instant asOf) {
		this(fundId, partnershipId, asOf, null);
	}

}
