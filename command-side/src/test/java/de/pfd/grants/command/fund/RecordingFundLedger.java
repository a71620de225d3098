package de.pfd.grants.command.fund;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.modelling.command.AggregateLifecycle;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.money.Money;

/**
 * A {@link FundLedger} for aggregate tests: it knows the terms of the funds it was given,
 * books whatever it is asked to (and records it), unless it was told to refuse the next
 * booking. Each booking remembers the version of the aggregate that asked for it, so a
 * test can tell whether the fund was asked before the application applied anything.
 */
public class RecordingFundLedger implements FundLedger {

	public enum Kind {

		PAYOUT, REFUND, RELEASE, PAYOUT_REVERSAL, REFUND_REVERSAL

	}

	/**
	 * A booking the fund made. {@code id}: the payout id, refund id or release id;
	 * {@code reason}: of a release only; {@code askedAtVersion}: the sequence number of
	 * the asking aggregate's last event when it asked (null outside an aggregate).
	 */
	public record Booking(Kind kind, FundId fundId, ApplicationId applicationId, String id, Money amount, String reason,
			Long askedAtVersion) {
	}

	private final Map<FundId, FundTerms> terms = new LinkedHashMap<>();

	private final List<Booking> bookings = new ArrayList<>();

	private RuleViolationException refusal;

	public RecordingFundLedger(FundTerms... funds) {
		for (FundTerms fund : funds) {
			with(fund);
		}
	}

	/** The action fund and the youth fund of {@link Funds}. */
	public static RecordingFundLedger ofTheStandardFunds() {
		return new RecordingFundLedger(Funds.actionFundTerms(), Funds.youthFundTerms());
	}

	/** Knows (from now on) these terms of their fund. */
	public RecordingFundLedger with(FundTerms fund) {
		this.terms.put(fund.fundId(), fund);
		return this;
	}

	/** The next booking is refused with this violation and not recorded. */
	public RecordingFundLedger refuseNextBooking(RuleViolationException violation) {
		this.refusal = violation;
		return this;
	}

	/**
	 * The next booking is refused with this code, naming the field {@code amount} as the
	 * fund's refusals of payouts and refunds do.
	 */
	public RecordingFundLedger refuseNextBooking(ErrorCode code, String message) {
		return refuseNextBooking(new RuleViolationException(code, message, "amount"));
	}

	@Override
	public FundTerms terms(FundId fundId) {
		FundTerms fund = this.terms.get(fundId);
		if (fund == null) {
			throw new RuleViolationException(ErrorCode.INVALID_INPUT, "Unbekannter Fonds / unknown fund", "fundId");
		}
		return fund;
	}

	@Override
	public void bookPayout(FundId fundId, ApplicationId applicationId, String payoutId, Money amount) {
		book(new Booking(Kind.PAYOUT, fundId, applicationId, payoutId, amount, null, askingVersion()));
	}

	@Override
	public void bookRefund(FundId fundId, ApplicationId applicationId, String refundId, Money amount) {
		book(new Booking(Kind.REFUND, fundId, applicationId, refundId, amount, null, askingVersion()));
	}

	@Override
	public void release(FundId fundId, ApplicationId applicationId, Money amount, String reason, String releaseId) {
		book(new Booking(Kind.RELEASE, fundId, applicationId, releaseId, amount, reason, askingVersion()));
	}

	@Override
	public void reversePayout(FundId fundId, ApplicationId applicationId, String reversalId, String payoutId,
			Money amount) {
		book(new Booking(Kind.PAYOUT_REVERSAL, fundId, applicationId, reversalId, amount, payoutId, askingVersion()));
	}

	@Override
	public void reverseRefund(FundId fundId, ApplicationId applicationId, String reversalId, String refundId,
			Money amount) {
		book(new Booking(Kind.REFUND_REVERSAL, fundId, applicationId, reversalId, amount, refundId, askingVersion()));
	}

	/** Every booking made, in order. */
	public List<Booking> bookings() {
		return List.copyOf(this.bookings);
	}

	public List<Booking> bookings(Kind kind) {
		return this.bookings.stream().filter(booking -> booking.kind() == kind).toList();
	}

	private void book(Booking booking) {
		if (this.refusal != null) {
			RuleViolationException violation = this.refusal;
			this.refusal = null;
			throw violation;
		}
		this.bookings.add(booking);
	}

	private static Long askingVersion() {
		try {
			return AggregateLifecycle.getVersion();
		}
		catch (IllegalStateException outsideAnAggregate) {
			return null;
		}
	}

}
