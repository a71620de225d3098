package de.pfd.grants.command.fund;

import java.util.function.Consumer;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.money.Money;

/**
 * The ledger as the fund aggregate itself: loaded from the event store into the unit of
 * work of the application's command, so that the fund's bookings and the application's
 * record of them are stored in one transaction (or not at all). Lock order is always the
 * application first, then its fund; no handler of the fund waits for an application.
 */
@Component
class FundLedgerOfTheFundAggregate implements FundLedger {

	private final ObjectProvider<Configuration> axon;

	FundLedgerOfTheFundAggregate(ObjectProvider<Configuration> axon) {
		this.axon = axon;
	}

	@Override
	public FundTerms terms(FundId fundId) {
		return load(fundId).invoke(Fund::terms);
	}

	@Override
	public void bookPayout(FundId fundId, ApplicationId applicationId, String payoutId, Money amount) {
		execute(fundId, fund -> fund.handle(new BookPayoutCommand(fundId, applicationId, payoutId, amount)));
	}

	@Override
	public void bookRefund(FundId fundId, ApplicationId applicationId, String refundId, Money amount) {
		execute(fundId, fund -> {
			fund.handle(new BookRefundCommand(fundId, applicationId, refundId, amount));
			fund.handle(new ReleaseFundsCommand(fundId, applicationId, amount, "Rückzahlung / refund",
					"refund:" + refundId));
		});
	}

	@Override
	public void release(FundId fundId, ApplicationId applicationId, Money amount, String reason, String releaseId) {
		execute(fundId, fund -> fund.handle(new ReleaseFundsCommand(fundId, applicationId, amount, reason, releaseId)));
	}

	@Override
	public void reversePayout(FundId fundId, ApplicationId applicationId, String reversalId, String payoutId,
			Money amount) {
		execute(fundId, fund -> fund.reversePayout(applicationId, reversalId, payoutId, amount));
	}

	@Override
	public void reverseRefund(FundId fundId, ApplicationId applicationId, String reversalId, String refundId,
			Money amount) {
		execute(fundId, fund -> fund.reverseRefund(applicationId, reversalId, refundId, amount));
	}

	private void execute(FundId fundId, Consumer<Fund> booking) {
		load(fundId).execute(booking);
	}

	private Aggregate<Fund> load(FundId fundId) {
		Repository<Fund> funds = this.axon.getObject().repository(Fund.class);
		try {
			return funds.load(fundId.value());
		}
		catch (AggregateNotFoundException | IncompatibleAggregateException ex) {
			// no such stream, or one of another kind of aggregate (e.g. a body's id)
			throw unknownFund();
		}
	}

	private static RuleViolationException unknownFund() {
		return new RuleViolationException(ErrorCode.INVALID_INPUT, "Unbekannter Fonds / unknown fund", "fundId");
	}

}
