package de.pfd.grants.shared.grant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/** Where a grant stands after its proof of use was accepted. */
class ProofOfUseAcceptedTest {

	private static ProofOfUseAccepted accepted(String paid, String refundDue) {
		return new ProofOfUseAccepted(new ApplicationId("application-1"), new FundId("kreis-mettmann-action-fund-2019"),
				Money.euros("700"), Money.euros("700"), Money.euros(paid), Money.ZERO, Money.euros(refundDue), null);
	}

	@Test
	void a_refund_claim_keeps_the_grant_open_as_REFUND_DUE() {
		assertThat(accepted("900", "200").resultingStatus()).isEqualTo(ApplicationStatus.REFUND_DUE);
	}

	@Test
	void without_a_claim_the_grant_stays_with_its_proof_of_use_until_the_last_balance_is_paid() {
		assertThat(accepted("500", "0").resultingStatus()).isEqualTo(ApplicationStatus.PROOF_OF_USE_SUBMITTED);
	}

}
