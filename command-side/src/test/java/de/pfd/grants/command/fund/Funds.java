package de.pfd.grants.command.fund;

import java.util.ArrayList;
import java.util.List;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Builders for the funds of Kreis Mettmann in 2019: the fund's own commands and events,
 * and the terms that applications are decided against.
 */
public final class Funds {

	public static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

	public static final PartnershipId OTHER_PARTNERSHIP = new PartnershipId("stadt-wuppertal");

	/** The action fund 2019. */
	public static final FundId FUND = FundId.of(PARTNERSHIP, FundType.ACTION_FUND, 2019);

	public static final FundId YOUTH_FUND = FundId.of(PARTNERSHIP, FundType.YOUTH_FUND, 2019);

	public static final ApplicationId APPLICATION = new ApplicationId("application-1");

	public static final ApplicationId OTHER_APPLICATION = new ApplicationId("application-2");

	public static final ApplicationId THIRD = new ApplicationId("application-3");

	public static final ApplicationId FOURTH = new ApplicationId("application-4");

	private Funds() {
	}

	public static Money euros(String amount) {
		return Money.euros(amount);
	}

	// terms, as applications see them

	/**
	 * The action fund 2019 as its applications see it: budget 35,000.00, cap 5,000.00,
	 * fast track up to 1,000.00, six weeks to spend a payout and to hand in the proof of
	 * use, open.
	 */
	public static FundTerms actionFundTerms() {
		return new FundTerms(FUND, PARTNERSHIP, FundType.ACTION_FUND, 2019, euros("35000.00"), euros("5000.00"),
				euros("1000.00"), OpenFundCommand.DEFAULT_WEEKS, OpenFundCommand.DEFAULT_WEEKS, true);
	}

	/**
	 * The youth fund 2019: budget 8,000.00, cap 2,500.00, fast track up to 500.00, open.
	 */
	public static FundTerms youthFundTerms() {
		return new FundTerms(YOUTH_FUND, PARTNERSHIP, FundType.YOUTH_FUND, 2019, euros("8000.00"), euros("2500.00"),
				euros("500.00"), OpenFundCommand.DEFAULT_WEEKS, OpenFundCommand.DEFAULT_WEEKS, true);
	}

	public static FundTerms closed(FundTerms t) {
		return new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), t.perProjectCap(),
				t.fastTrackLimit(), t.spendWithinWeeks(), t.proofOfUseDueWeeks(), false);
	}

	public static FundTerms ofPartnership(FundTerms t, PartnershipId partnership) {
		return new FundTerms(t.fundId(), partnership, t.type(), t.year(), t.budget(), t.perProjectCap(),
				t.fastTrackLimit(), t.spendWithinWeeks(), t.proofOfUseDueWeeks(), t.open());
	}

	public static FundTerms withCap(FundTerms t, Money perProjectCap) {
		return new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), perProjectCap,
				t.fastTrackLimit(), t.spendWithinWeeks(), t.proofOfUseDueWeeks(), t.open());
	}

	public static FundTerms withFastTrackLimit(FundTerms t, Money fastTrackLimit) {
		return new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), t.perProjectCap(),
				fastTrackLimit, t.spendWithinWeeks(), t.proofOfUseDueWeeks(), t.open());
	}

	public static FundTerms withWeeks(FundTerms t, int spendWithinWeeks, int proofOfUseDueWeeks) {
		return new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), t.perProjectCap(),
				t.fastTrackLimit(), spendWithinWeeks, proofOfUseDueWeeks, t.open());
	}

	public static FundTerms withReceiptTolerance(FundTerms t, int days) {
		return new FundTerms(t.fundId(), t.partnershipId(), t.type(), t.year(), t.budget(), t.perProjectCap(),
				t.fastTrackLimit(), t.spendWithinWeeks(), t.proofOfUseDueWeeks(), t.open(), days);
	}

	// the fund's commands and events

	/** The action fund 2019 of Kreis Mettmann with 35,000.00, no cap. */
	public static FundOpened actionFund2019() {
		return new FundOpened(FUND, PARTNERSHIP, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
				euros("35000.00"), null, null);
	}

	public static OpenFundCommand openActionFund2019(Money budget, Money perProjectCap, Money fastTrackLimit) {
		return new OpenFundCommand(PARTNERSHIP, FundType.ACTION_FUND, 2019, budget, perProjectCap, fastTrackLimit);
	}

	/** The action fund 2019 opened with a budget of 35,000.00 and nothing else. */
	public static FundOpened opened(Money budget, Money perProjectCap, Money fastTrackLimit) {
		return new FundOpened(FUND, PARTNERSHIP, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019, budget,
				perProjectCap, fastTrackLimit);
	}

	public static BudgetAdjusted raisedBy5000() {
		return new BudgetAdjusted(FUND, "adj-1", euros("5000"), euros("40000"), "more");
	}

	public static FundsReserved reserved(ApplicationId application, String amount) {
		return new FundsReserved(FUND, application, euros(amount));
	}

	public static ReservationWaitlisted waiting(ApplicationId application, String amount, int position) {
		return new ReservationWaitlisted(FUND, application, euros(amount), position);
	}

	public static FundsReleased released(ApplicationId application, String amount) {
		return new FundsReleased(FUND, application, euros(amount), Money.ZERO, "released");
	}

	public static PayoutBooked paid(ApplicationId application, String payoutId, String amount) {
		return new PayoutBooked(FUND, application, payoutId, euros(amount));
	}

	public static RefundBooked refunded(ApplicationId application, String refundId, String amount) {
		return new RefundBooked(FUND, application, refundId, euros(amount));
	}

	public static FundClosed closed(String lapsed) {
		return new FundClosed(FUND, euros(lapsed));
	}

	/**
	 * The action fund 2019 with 10,000.00 reserved for {@link #APPLICATION}, followed by
	 * the given events.
	 */
	public static List<Object> withReservation(Object... then) {
		List<Object> events = new ArrayList<>(List.of(actionFund2019(), reserved(APPLICATION, "10000")));
		events.addAll(List.of(then));
		return events;
	}

	/**
	 * A fund sourced from: opened with 35,000, raised by 5,000 (adj-1), 10,000 reserved
	 * for {@link #APPLICATION}, 4,000 of it paid out (pay-1).
	 */
	public static Fund fundWithHistory() {
		Fund fund = new Fund();
		fund.on(actionFund2019());
		fund.on(raisedBy5000());
		fund.on(reserved(APPLICATION, "10000"));
		fund.on(paid(APPLICATION, "pay-1", "4000"));
		return fund;
	}

}
