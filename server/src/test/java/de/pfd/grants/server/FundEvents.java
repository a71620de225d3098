package de.pfd.grants.server;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.PayoutBookingReversed;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.RefundBookingReversed;
import de.pfd.grants.shared.money.Money;

/**
 * A fund's figures folded straight from its stored events, independently of the read
 * models: what the tests compare the API's figures with. Also the peak of reserved plus
 * lapsed money over the budget (never above it) and how many bookings there were.
 */
public final class FundEvents {

	public Money budget = Money.ZERO;

	public Money reserved = Money.ZERO;

	public Money paid = Money.ZERO;

	public Money released = Money.ZERO;

	public Money refunded = Money.ZERO;

	public Money lapsed = Money.ZERO;

	/**
	 * The greatest sign of (reserved + lapsed) − budget seen: -1, 0, or 1 if
	 * overcommitted.
	 */
	public int maxOvercommit = -1;

	/** Every event of the fund, in order. */
	public final List<Object> events = new ArrayList<>();

	private FundEvents() {
	}

	/** The fund's events as the event store holds them, folded. */
	public static FundEvents of(EventStore eventStore, String fundId) {
		FundEvents fund = new FundEvents();
		eventStore.readEvents(fundId, 0).asStream().map(DomainEventMessage::getPayload).forEach(fund::apply);
		return fund;
	}

	public Money available() {
		return this.budget.minus(this.reserved).minus(this.lapsed);
	}

	private void apply(Object event) {
		this.events.add(event);
		if (event instanceof FundOpened e) {
			this.budget = e.budget();
		}
		else if (event instanceof BudgetAdjusted e) {
			this.budget = e.newBudget();
		}
		else if (event instanceof FundsReserved e) {
			this.reserved = this.reserved.plus(e.amount());
		}
		else if (event instanceof FundsReleased e) {
			this.reserved = this.reserved.minus(e.amount());
			this.released = this.released.plus(e.amount());
			this.lapsed = this.lapsed.plus(e.lapsed());
		}
		else if (event instanceof PayoutBooked e) {
			this.paid = this.paid.plus(e.amount());
		}
		else if (event instanceof RefundBooked e) {
			this.refunded = this.refunded.plus(e.amount());
		}
		else if (event instanceof FundClosed e) {
			this.lapsed = this.lapsed.plus(e.lapsed());
		}
		else if (event instanceof FundsLapsed e) {
			// money released after the closure
			this.lapsed = this.lapsed.plus(e.amount());
		}
		else if (event instanceof PayoutBookingReversed e) {
			this.paid = this.paid.minus(e.amount());
		}
		else if (event instanceof RefundBookingReversed e) {
			// what the refund released is bound again
			this.refunded = this.refunded.minus(e.amount());
			this.reserved = this.reserved.plus(e.amount());
			this.released = this.released.minus(e.amount());
		}
		this.maxOvercommit = Math.max(this.maxOvercommit, this.reserved.plus(this.lapsed).compareTo(this.budget));
	}

}
