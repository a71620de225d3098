package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;

/**
 * A grant that is late: money paid out and not accounted for by {@code spendBy}
 * ({@code SPENDING}), or the proof of use not in by {@code proofDueOn}
 * ({@code PROOF_OF_USE}).
 */
public record OverdueGrant(ApplicationId applicationId, FundId fundId, String title, String organisation, Reason reason,
		LocalDate since) {

	public enum Reason {

		SPENDING, PROOF_OF_USE

	}

}
