package de.pfd.grants.shared.application;

import java.time.LocalDate;

import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Processing times of a fund's applications ({@code fundId} null: of every fund of the
 * partnership) whose stage ended between {@code from} and {@code to} (inclusive, either
 * may be null), against the partnership's target; answered with {@link ProcessingTimes}.
 */
public record FindProcessingTimesQuery(FundId fundId, PartnershipId partnershipId, LocalDate from, LocalDate to,
		int targetDays) {

	/** All time, the district's three weeks. */
	public FindProcessingTimesQuery(FundId fundId, PartnershipId partnershipId) {
		this(fundId, partnershipId, null, null, 21);
	}

}
