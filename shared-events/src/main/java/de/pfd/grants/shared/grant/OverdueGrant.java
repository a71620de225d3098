package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A grant that is late: money paid out and not accounted for by {@code spendBy}
 * ({@code SPENDING}), the proof of use not in by {@code proofDueOn}
 * ({@code PROOF_OF_USE}), or a refund claim not paid by its due day
 * ({@code REFUND_CLAIM}, with the {@code outstanding} amount; null for the others).
 * {@code since}: the day it fell due.
 */
public record OverdueGrant(ApplicationId applicationId, FundId fundId, String title, String organisation, Reason reason,
		LocalDate since, Money outstanding) {

	public OverdueGrant(ApplicationId applicationId, FundId fundId, String title, String organisation, Reason reason,
			LocalDate since) {
		this(applicationId, fundId, title, organisation, reason, since, null);
	}

	public enum Reason {

		SPENDING, PROOF_OF_USE, REFUND_CLAIM

	}

}
