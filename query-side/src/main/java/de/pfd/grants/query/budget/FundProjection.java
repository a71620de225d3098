package de.pfd.grants.query.budget;

import static de.pfd.grants.query.readmodel.Columns.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.CallRoundAdded;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundMovementType;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.PayoutBookingReversed;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.RefundBookingReversed;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.WaitlistEntryRemoved;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySet;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;

/**
 * Projects the fund events into {@code fund_view} and {@code fund_movement}. Movements
 * are keyed by the fund's event sequence number and inserted only once; the only updates
 * (the closing date, a payout's or refund's value date from the grant's record of it) set
 * a value. So a replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(FundProjection.GROUP)
class FundProjection {

	static final String GROUP = "fund-budget";

	private static final String INSERT_MOVEMENT = """
			INSERT INTO fund_movement (fund_id, sequence_number, movement_type, application_id, amount,
			    budget_delta, reserved_delta, paid_delta, released_delta, refunded_delta, lapsed_delta,
			    occurred_at, note, actor, entry_id, value_date)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
			    COALESCE((SELECT v.value_date FROM fund_value_date v
			              WHERE v.fund_id = ? AND v.application_id = ? AND v.entry_id = ?), ?))
			ON CONFLICT DO NOTHING""";

	/** Payouts and refunds are entered by the fund and dated by the grant. */
	private static final String PAYOUT = "payout:";

	private static final String REFUND = "refund:";

	private final JdbcTemplate jdbc;

	FundProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(FundOpened event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update("""
				INSERT INTO fund_view (fund_id, partnership_id, fund_type, fund_year, decision_body,
				    per_project_cap, fast_track_limit, opened_at, spend_within_weeks, proof_of_use_due_weeks)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.fundId().value(), event.partnershipId().value(), event.type().name(),
				event.year(), event.decisionBody().name(), amountOrNull(event.perProjectCap()),
				amountOrNull(event.fastTrackLimit()), utc(at), event.spendWithinWeeksOrDefault(),
				event.proofOfUseDueWeeksOrDefault());
		this.jdbc.update("UPDATE fund_view SET receipt_tolerance_days = ? WHERE fund_id = ?",
				event.receiptToleranceDaysOrDefault(), event.fundId().value());
		Deltas d = new Deltas();
		d.budget = event.budget();
		movement(event.fundId(), sequence, FundMovementType.OPENING_BUDGET, null, event.budget(), d, at, null, actor);
	}

	@EventHandler
	void on(BudgetAdjusted event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.budget = event.change();
		movement(event.fundId(), sequence, FundMovementType.BUDGET_ADJUSTMENT, null, event.change(), d, at,
				event.reason(), actor);
	}

	@EventHandler
	void on(FundsReserved event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.reserved = event.amount();
		WaitlistPolicy policy = event.policy() == null ? WaitlistPolicy.DEFAULT : event.policy();
		int version = event.policyVersion() == null ? 0 : event.policyVersion();
		movement(event.fundId(), sequence, FundMovementType.RESERVATION, event.applicationId(), event.amount(), d, at,
				event.policy() == null ? null : "Wartelistenregel / waiting-list policy " + policy + " v" + version,
				actor);
		this.jdbc.update("""
				UPDATE fund_movement SET waitlist_policy = ?, waitlist_policy_version = ?
				WHERE fund_id = ? AND sequence_number = ?""", policy.name(), version, event.fundId().value(), sequence);
	}

	@EventHandler
	void on(CallRoundAdded event) {
		this.jdbc.update("""
				INSERT INTO fund_call_round (fund_id, round_number, name, submission_deadline, budget_share_percent)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.fundId().value(), event.number(), event.name(),
				event.submissionDeadline(), event.budgetSharePercent());
	}

	@EventHandler
	void on(WaitlistPolicySet event, @Timestamp Instant at, @MetaDataValue("userId") String actor) {
		this.jdbc.update("""
				INSERT INTO fund_waitlist_policy (fund_id, version, policy, since, set_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", event.fundId().value(), event.version(), event.policy().name(), utc(at),
				actor);
	}

	@EventHandler
	void on(FundsReleased event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.reserved = event.amount().negate();
		d.released = event.amount();
		d.lapsed = event.lapsed();
		movement(event.fundId(), sequence, FundMovementType.RELEASE, event.applicationId(), event.amount(), d, at,
				event.reason(), actor);
	}

	/** Money released after the closure lapses: a LAPSE movement of its own. */
	@EventHandler
	void on(FundsLapsed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.lapsed = event.amount();
		movement(event.fundId(), sequence, FundMovementType.LAPSE, event.applicationId(), event.amount(), d, at,
				event.reason(), actor);
	}

	@EventHandler
	void on(PayoutBooked event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.paid = event.amount();
		movement(event.fundId(), sequence, FundMovementType.PAYOUT, event.applicationId(), event.amount(), d, at, null,
				actor, PAYOUT + event.payoutId());
	}

	/** The payout's value date, from the grant's record of it. */
	@EventHandler
	void on(PayoutRecorded event) {
		valueDate(event.fundId(), event.applicationId(), PAYOUT + event.payoutId(), event.paidOn());
	}

	@EventHandler
	void on(RefundBooked event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.refunded = event.amount();
		movement(event.fundId(), sequence, FundMovementType.REFUND, event.applicationId(), event.amount(), d, at, null,
				actor, REFUND + event.refundId());
	}

	/** The refund's value date, from the grant's record of it. */
	@EventHandler
	void on(RefundRecorded event) {
		valueDate(event.fundId(), event.applicationId(), REFUND + event.refundId(), event.receivedOn());
	}

	/** A compensating booking: a negative payout naming the original. */
	@EventHandler
	void on(PayoutBookingReversed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.paid = event.amount().negate();
		movement(event.fundId(), sequence, FundMovementType.PAYOUT, event.applicationId(), event.amount().negate(), d,
				at, "Storno / reversal of " + event.payoutId(), actor);
	}

	/**
	 * A compensating booking: a negative refund naming the original; what the refund
	 * released is reserved again.
	 */
	@EventHandler
	void on(RefundBookingReversed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		Deltas d = new Deltas();
		d.refunded = event.amount().negate();
		d.reserved = event.amount();
		d.released = event.amount().negate();
		movement(event.fundId(), sequence, FundMovementType.REFUND, event.applicationId(), event.amount().negate(), d,
				at, "Storno / reversal of " + event.refundId(), actor);
	}

	@EventHandler
	void on(FundClosed event, @SequenceNumber long sequence, @Timestamp Instant at,
			@MetaDataValue("userId") String actor) {
		this.jdbc.update("UPDATE fund_view SET closed_at = ? WHERE fund_id = ?", utc(at), event.fundId().value());
		Deltas d = new Deltas();
		d.lapsed = event.lapsed();
		movement(event.fundId(), sequence, FundMovementType.LAPSE, null, event.lapsed(), d, at, null, actor);
	}

	/**
	 * The waiting list is shown with the applications; the fund's figures do not change.
	 * Handled all the same, so that read-your-writes hears of every event of a fund.
	 */
	@EventHandler
	void on(ReservationWaitlisted event) {
		// nothing to book
	}

	@EventHandler
	void on(WaitlistEntryRemoved event) {
		// nothing to book
	}

	@ResetHandler
	void reset() {
		this.jdbc.update("DELETE FROM fund_value_date");
		this.jdbc.update("DELETE FROM fund_waitlist_policy");
		this.jdbc.update("DELETE FROM fund_call_round");
		this.jdbc.update("DELETE FROM fund_movement");
		this.jdbc.update("DELETE FROM fund_view");
	}

	private void movement(FundId fund, long sequence, FundMovementType type, ApplicationId application, Money amount,
			Deltas d, Instant at, String note, String actor) {
		movement(fund, sequence, type, application, amount, d, at, note, actor, null);
	}

	/**
	 * The value date is the one the grant recorded for the entry, if that was projected
	 * already, else the day of the entry (until the grant's record of it arrives).
	 */
	private void movement(FundId fund, long sequence, FundMovementType type, ApplicationId application, Money amount,
			Deltas d, Instant at, String note, String actor, String entryId) {
		String applicationId = application == null ? null : application.value();
		this.jdbc.update(INSERT_MOVEMENT, fund.value(), sequence, type.name(), applicationId, amount.amount(),
				d.budget.amount(), d.reserved.amount(), d.paid.amount(), d.released.amount(), d.refunded.amount(),
				d.lapsed.amount(), utc(at), note, actor, entryId, fund.value(), applicationId, entryId,
				PartnershipCalendar.dayOf(at));
	}

	/**
	 * Kept whichever event comes first: the entry's movement takes it now, or when it is
	 * inserted.
	 */
	private void valueDate(FundId fund, ApplicationId application, String entryId, LocalDate date) {
		if (date == null) {
			return;
		}
		this.jdbc.update("""
				INSERT INTO fund_value_date (fund_id, application_id, entry_id, value_date) VALUES (?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", fund.value(), application.value(), entryId, date);
		this.jdbc.update("""
				UPDATE fund_movement SET value_date = ?
				WHERE fund_id = ? AND application_id = ? AND entry_id = ?""", date, fund.value(), application.value(),
				entryId);
	}

	private static BigDecimal amountOrNull(Money money) {
		return money == null ? null : money.amount();
	}

	/** How one movement changes each figure. */
	private static final class Deltas {

		Money budget = Money.ZERO;

		Money reserved = Money.ZERO;

		Money paid = Money.ZERO;

		Money released = Money.ZERO;

		Money refunded = Money.ZERO;

		Money lapsed = Money.ZERO;

	}

}
