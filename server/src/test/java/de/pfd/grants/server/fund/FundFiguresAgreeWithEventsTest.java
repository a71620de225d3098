package de.pfd.grants.server.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.server.axon.ProjectionSync;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.fund.AdjustBudgetCommand;
import de.pfd.grants.shared.fund.BookPayoutCommand;
import de.pfd.grants.shared.fund.BookRefundCommand;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.CloseFundCommand;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsLapsed;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * A randomised run of reservations, waiting list, payouts, refunds, releases, budget
 * changes and the year-end closing: the fund figures the API shows equal, to the cent, a
 * recomputation from the stored events, and the fund never committed more than its
 * budget.
 */
@SpringBootTest
class FundFiguresAgreeWithEventsTest {

	@Autowired
	CommandGateway commands;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventStore eventStore;

	@Autowired
	ProjectionSync projections;

	@Test
	void after_a_randomised_lifecycle_the_figures_equal_a_recomputation_from_the_events() {
		long seed = System.nanoTime();
		System.out.println("[random-lifecycle] seed " + seed);
		Random random = new Random(seed);
		PartnershipId partnership = new PartnershipId("random-" + UUID.randomUUID().toString().substring(0, 8));
		OpenFundCommand open = new OpenFundCommand(partnership, FundType.ACTION_FUND, 2019, Money.euros("20000.00"),
				null, null);
		this.commands.sendAndWait(open);
		List<ApplicationId> applications = new ArrayList<>();
		int accepted = 0;
		for (int step = 0; step < 400; step++) {
			if (applications.isEmpty() || random.nextInt(4) == 0) {
				applications.add(ApplicationId.random());
			}
			ApplicationId app = applications.get(random.nextInt(applications.size()));
			Object command = switch (random.nextInt(step == 350 ? 1 : 7)) {
				case 0 -> step == 350 ? new CloseFundCommand(open.fundId())
						: new ReserveFundsCommand(open.fundId(), app, amount(random, 3000), random.nextBoolean());
				case 1 -> new BookPayoutCommand(open.fundId(), app, UUID.randomUUID().toString(), amount(random, 2000));
				case 2 -> new BookRefundCommand(open.fundId(), app, UUID.randomUUID().toString(), amount(random, 500));
				case 3 -> new ReleaseFundsCommand(open.fundId(), app,
						random.nextBoolean() ? null : amount(random, 1000), "random");
				case 4 -> new CancelReservationCommand(open.fundId(), app, "random");
				case 5 -> new AdjustBudgetCommand(open.fundId(), UUID.randomUUID().toString(),
						random.nextBoolean() ? amount(random, 5000) : amount(random, 5000).negate(), "random");
				default -> new ReserveFundsCommand(open.fundId(), app, amount(random, 1500), true);
			};
			try {
				this.commands.sendAndWait(command);
				accepted++;
			}
			catch (CommandExecutionException refused) {
				// refusals are part of the run: nothing is stored for them
			}
		}
		assertThat(accepted).as("the run did something").isGreaterThan(100);

		Ledger ledger = new Ledger();
		this.eventStore.readEvents(open.fundId().value(), 0)
			.asStream()
			.map(DomainEventMessage::getPayload)
			.forEach(ledger::apply);
		this.projections.awaitProjections();
		FundBudget figures = this.queries
			.query(new FindFundQuery(open.fundId(), partnership, null),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join()
			.orElseThrow();

		assertThat(figures.budget()).isEqualTo(ledger.budget);
		assertThat(figures.reserved()).isEqualTo(ledger.reserved);
		assertThat(figures.paid()).isEqualTo(ledger.paid);
		assertThat(figures.released()).isEqualTo(ledger.released);
		assertThat(figures.refunded()).isEqualTo(ledger.refunded);
		assertThat(figures.lapsed()).isEqualTo(ledger.lapsed);
		assertThat(figures.available()).isEqualTo(ledger.budget.minus(ledger.reserved).minus(ledger.lapsed));
		assertThat(ledger.maxOvercommit).as("reserved never exceeded the budget").isLessThanOrEqualTo(0);
		assertThat(figures.status().name()).isEqualTo("CLOSED");
	}

	private static Money amount(Random random, int maxEuros) {
		return Money.of(BigDecimal.valueOf(1 + random.nextInt(maxEuros * 100), 2));
	}

	/** The figures folded straight from the events. */
	private static final class Ledger {

		Money budget = Money.ZERO;

		Money reserved = Money.ZERO;

		Money paid = Money.ZERO;

		Money released = Money.ZERO;

		Money refunded = Money.ZERO;

		Money lapsed = Money.ZERO;

		int maxOvercommit = -1;

		void apply(Object event) {
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
			this.maxOvercommit = Math.max(this.maxOvercommit, this.reserved.plus(this.lapsed).compareTo(this.budget));
		}

	}

}
