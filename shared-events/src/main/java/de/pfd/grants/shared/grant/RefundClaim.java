package de.pfd.grants.shared.grant;

import java.time.LocalDate;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A refund claim (Rückforderung) as the office follows it: it arose on {@code arisenOn}
 * (a settlement that paid too much, or a cancelled project) and is due on {@code dueOn};
 * {@code overdue} while money is outstanding after that day. {@code interest}: under §
 * 49a VwVfG from the day it arose, on each refund until its value date and on the rest
 * until today; {@code unusedMoneyInterest}: under § 49a(4) on money paid out and not used
 * within the spending period. Interest below the small-amount limit is shown with
 * {@code waived} ({@code unusedMoneyInterestWaived}) true.
 */
public record RefundClaim(ApplicationId applicationId, FundId fundId, String title, String organisation, Kind kind,
		Money amount, Money refunded, Money outstanding, LocalDate arisenOn, LocalDate dueOn, boolean overdue,
		Money interest, boolean waived, Money unusedMoneyInterest, boolean unusedMoneyInterestWaived) {

	/** How the claim arose. */
	public enum Kind {

		/** The proof of use was accepted with less than was paid out. */
		SETTLEMENT,

		/** The project was cancelled after money was paid out. */
		CANCELLATION

	}

}
