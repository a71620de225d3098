package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Part of a reservation given back. {@code lapsed} is the part of it that lapses at once
 * because the fund is already closed (zero while the fund is open). {@code releaseId}
 * (nullable) names a release that must be booked only once.
 */
@Revision("1")
public record FundsReleased(FundId fundId, ApplicationId applicationId, Money amount, Money lapsed, String reason,
		String releaseId) {

	/**
	 * The canonical constructor is the one Jackson uses (the others are conveniences).
	 */
	@JsonCreator
	public FundsReleased {
	}

	public FundsReleased(FundId fundId, ApplicationId applicationId, Money amount, Money lapsed, String reason) {
		this(fundId, applicationId, amount, lapsed, reason, null);
	}

}
