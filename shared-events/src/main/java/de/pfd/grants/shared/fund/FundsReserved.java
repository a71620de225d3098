package de.pfd.grants.shared.fund;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonCreator;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.money.Money;

/**
 * Money reserved for an approval. {@code policy} and {@code policyVersion} name the
 * waiting-list policy (and the version of that setting) under which the fund decided it;
 * null in reservations stored before the policy existed (then it was
 * {@link WaitlistPolicy#STRICT_ORDER}). {@code round}: the call round the money counts in
 * (null without rounds).
 */
@Revision("1")
public record FundsReserved(FundId fundId, ApplicationId applicationId, Money amount, WaitlistPolicy policy,
		Integer policyVersion, Integer round) {

	/**
	 * The canonical constructor is the one Jackson uses (the other is a convenience).
	 */
	@JsonCreator
	public FundsReserved {
	}

	public FundsReserved(FundId fundId, ApplicationId applicationId, Money amount) {
		this(fundId, applicationId, amount, null, null, null);
	}

	public FundsReserved(FundId fundId, ApplicationId applicationId, Money amount, WaitlistPolicy policy,
			Integer policyVersion) {
		this(fundId, applicationId, amount, policy, policyVersion, null);
	}

}
