package de.pfd.grants.query.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.BudgetAdjusted;
import de.pfd.grants.shared.fund.FindFundMovementsQuery;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundClosed;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.FundMovementType;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * The fund projection on the real JDBC event store and read tables: a fund's whole 2019
 * history is appended as domain events, projected by the pooled processor
 * {@code fund-budget} and read back through the query gateway, now, as of earlier
 * instants and after replays. Each test appends the history of a fund of its own.
 */
@SpringBootTest(classes = QuerySideApplication.class,
		properties = { "axon.axonserver.enabled=false", "axon.serializer.general=jackson",
				"axon.serializer.events=jackson", "axon.serializer.messages=jackson",
				"axon.eventhandling.processors.fund-budget.mode=pooled",
				"axon.eventhandling.processors.fund-budget.batch-size=100",
				"axon.eventhandling.processors.fund-budget.dlq.enabled=true" })
class FundProjectionTest {

	private static final String PROCESSOR = "fund-budget";

	private static final Duration AT_MOST = Duration.ofSeconds(10);

	/** The events of the history, a week apart. */
	private static final Instant OPENED = Instant.parse("2019-01-07T09:00:00Z");

	private static final Instant ADJUSTED = Instant.parse("2019-01-14T09:00:00Z");

	private static final Instant RESERVED_A = Instant.parse("2019-01-21T09:00:00Z");

	private static final Instant RESERVED_B = Instant.parse("2019-01-28T09:00:00Z");

	private static final Instant RELEASED_B = Instant.parse("2019-02-04T09:00:00Z");

	private static final Instant PAID_A = Instant.parse("2019-02-11T09:00:00Z");

	private static final Instant REFUNDED_A = Instant.parse("2019-02-18T09:00:00Z");

	private static final Instant CLOSED = Instant.parse("2019-02-25T09:00:00Z");

	private static final String ADJUSTMENT_REASON = "Nachbewilligung des Bundesprogramms";

	private static final String RELEASE_REASON = "Projekt kleiner als beantragt";

	private static final ApplicationId APPLICATION_A = new ApplicationId("application-a");

	private static final ApplicationId APPLICATION_B = new ApplicationId("application-b");

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	TokenStore tokenStore;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void a_funds_whole_history_is_projected_to_the_cent_with_its_movements_and_running_balance() {
		AppendedFund fund = appendHistory();

		awaitCaughtUp();

		assertThat(findFund(fund, null)).contains(fund.figures(
				// budget: 35000.00 opening + 2500.50 adjustment
				"37500.50",
				// reserved: 4999.99 (A) + 1234.56 (B) - 234.56 released (B)
				"5999.99",
				// paid (A), released (B), refunded (A)
				"3000.00", "234.56", "250.25",
				// lapsed at closing: the available rest 37500.50 - 5999.99
				"31500.51",
				// available: 37500.50 - 5999.99 - 31500.51
				"0.00", FundStatus.CLOSED, null));
		assertThat(findMovements(fund)).containsExactlyElementsOf(fund.expectedMovements());
	}

	@Test
	void another_partnership_sees_neither_the_fund_nor_its_movements() {
		AppendedFund fund = appendHistory();
		awaitCaughtUp();
		assertThat(findFund(fund, null)).isPresent();
		PartnershipId stranger = new PartnershipId("stranger-" + randomSuffix());

		assertThat(this.queries
			.query(new FindFundQuery(fund.id(), stranger, null), ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join()).isEmpty();
		assertThat(this.queries
			.query(new FindFundQuery(fund.id(), stranger, RESERVED_B),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join()).isEmpty();
		assertThat(this.queries
			.query(new FindFundMovementsQuery(fund.id(), stranger),
					ResponseTypes.multipleInstancesOf(FundMovement.class))
			.join()).isEmpty();
	}

	@Test
	void replaying_the_projection_twice_rebuilds_the_same_figures_and_movements_without_duplicates() {
		AppendedFund fund = appendHistory();
		awaitCaughtUp();
		Optional<FundBudget> figures = findFund(fund, null);
		Optional<FundBudget> figuresInFebruary = findFund(fund, Instant.parse("2019-02-01T00:00:00Z"));
		List<FundMovement> movements = findMovements(fund);
		assertThat(figures).isPresent();
		assertThat(movements).hasSize(8);
		assertThat(movementRows(fund)).isEqualTo(8);

		for (int replay = 1; replay <= 2; replay++) {
			StreamingEventProcessor processor = processor();
			processor.shutDown();
			processor.resetTokens();
			// the reset handler emptied the read tables: what follows is
			// rebuilt from the events
			assertThat(movementRows(fund)).as("rows after reset %d", replay).isZero();
			assertThat(findFund(fund, null)).as("figures after reset %d", replay).isEmpty();
			processor.start();

			awaitCaughtUp();

			assertThat(findFund(fund, null)).as("figures after replay %d", replay).isEqualTo(figures);
			assertThat(findFund(fund, Instant.parse("2019-02-01T00:00:00Z"))).as("February after replay %d", replay)
				.isEqualTo(figuresInFebruary);
			assertThat(findMovements(fund)).as("movements after replay %d", replay).isEqualTo(movements);
			assertThat(movementRows(fund)).as("rows after replay %d", replay).isEqualTo(8);
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM fund_view WHERE fund_id = ?", Integer.class,
					fund.id().value()))
				.as("fund rows after replay %d", replay)
				.isEqualTo(1);
		}

		// the next events end the replay: the processor is live again and projects them
		AppendedFund next = appendHistory();
		awaitCaughtUp();
		assertThat(processor().processingStatus().values()).isNotEmpty()
			.allSatisfy(segment -> assertThat(segment.isReplaying()).as("replaying").isFalse());
		assertThat(findMovements(next)).containsExactlyElementsOf(next.expectedMovements());
		assertThat(findFund(fund, null)).isEqualTo(figures);
		assertThat(movementRows(fund)).isEqualTo(8);
	}

	@Test
	void the_figures_as_of_an_instant_are_those_that_stood_then_and_before_the_opening_the_fund_did_not_exist() {
		AppendedFund fund = appendHistory();
		awaitCaughtUp();

		Instant justBefore = OPENED.minusSeconds(1);
		assertThat(findFund(fund, justBefore)).contains(fund.notYetOpened(justBefore));
		Instant lastYear = Instant.parse("2018-12-31T23:59:59Z");
		assertThat(findFund(fund, lastYear)).contains(fund.notYetOpened(lastYear));
		// the opening counts from its own instant on
		assertThat(findFund(fund, OPENED)).contains(
				fund.figures("35000.00", "0.00", "0.00", "0.00", "0.00", "0.00", "35000.00", FundStatus.OPEN, OPENED));
		// after both reservations, before the release: both reserved in full
		Instant february = Instant.parse("2019-02-01T00:00:00Z");
		assertThat(findFund(fund, february)).contains(fund.figures("37500.50", "6234.55", "0.00", "0.00", "0.00",
				"0.00", "31265.95", FundStatus.OPEN, february));
		// after payout and refund, one second before the closing
		Instant beforeClosing = CLOSED.minusSeconds(1);
		assertThat(findFund(fund, beforeClosing)).contains(fund.figures("37500.50", "5999.99", "3000.00", "234.56",
				"250.25", "0.00", "31500.51", FundStatus.OPEN, beforeClosing));
		// from the closing on the rest has lapsed
		assertThat(findFund(fund, CLOSED)).contains(fund.figures("37500.50", "5999.99", "3000.00", "234.56", "250.25",
				"31500.51", "0.00", FundStatus.CLOSED, CLOSED));
	}

	/**
	 * Opens a fund of a fresh partnership and appends its 2019 history, in one
	 * transaction, as the Fund aggregate would have.
	 */
	private AppendedFund appendHistory() {
		PartnershipId partnership = new PartnershipId("pfd-test-" + randomSuffix());
		FundId id = FundId.of(partnership, FundType.ACTION_FUND, 2019);
		AppendedFund fund = new AppendedFund(id, partnership);
		List<EventMessage<?>> events = new ArrayList<>();
		events.add(event(id, 0, OPENED,
				new FundOpened(id, partnership, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
						Money.euros("35000.00"), Money.euros("5000.00"), Money.euros("1000.00"))));
		events.add(event(id, 1, ADJUSTED, new BudgetAdjusted(id, "adjustment-1", Money.euros("2500.50"),
				Money.euros("37500.50"), ADJUSTMENT_REASON)));
		events.add(event(id, 2, RESERVED_A, new FundsReserved(id, APPLICATION_A, Money.euros("4999.99"))));
		events.add(event(id, 3, RESERVED_B, new FundsReserved(id, APPLICATION_B, Money.euros("1234.56"))));
		events.add(event(id, 4, RELEASED_B,
				new FundsReleased(id, APPLICATION_B, Money.euros("234.56"), Money.ZERO, RELEASE_REASON)));
		events.add(event(id, 5, PAID_A, new PayoutBooked(id, APPLICATION_A, "payout-1", Money.euros("3000.00"))));
		events.add(event(id, 6, REFUNDED_A, new RefundBooked(id, APPLICATION_A, "refund-1", Money.euros("250.25"))));
		events.add(event(id, 7, CLOSED, new FundClosed(id, Money.euros("31500.51"))));
		this.transactionManager.executeInTransaction(() -> this.eventStore.publish(events));
		return fund;
	}

	private static EventMessage<?> event(FundId fund, long sequence, Instant timestamp, Object payload) {
		return new GenericDomainEventMessage<>("Fund", fund.value(), sequence, payload,
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), timestamp);
	}

	/**
	 * Waits until every segment of the processor has handled everything now in the event
	 * store (after a reset: has replayed everything up to the reset point) and parked no
	 * event as a dead letter.
	 */
	private void awaitCaughtUp() {
		long head = this.eventStore.createHeadToken().position().orElseThrow();
		await().atMost(AT_MOST).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			// the processor makes its segments' tokens when it first starts
			int segments = this.transactionManager
				.fetchInTransaction(() -> this.tokenStore.fetchSegments(PROCESSOR).length);
			assertThat(segments).as("segments").isPositive();
			Map<Integer, EventTrackerStatus> status = processor().processingStatus();
			assertThat(status).as("claimed segments").hasSize(segments);
			assertThat(status.values()).allSatisfy(segment -> {
				assertThat(segment.isErrorState()).as("error").isFalse();
				if (segment.isReplaying()) {
					// Axon ends a replay only with the first event after the reset point;
					// until one arrives it is done once it has handled the reset point
					assertThat(segment.getCurrentPosition().orElse(-1)).as("replayed up to")
						.isGreaterThanOrEqualTo(segment.getResetPosition().orElseThrow());
				}
				assertThat(segment.isCaughtUp()).as("caught up").isTrue();
				assertThat(segment.getCurrentPosition().orElse(-1)).as("position").isGreaterThanOrEqualTo(head);
			});
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry WHERE processing_group = ?",
				Integer.class, PROCESSOR))
			.as("dead letters")
			.isZero();
	}

	private StreamingEventProcessor processor() {
		return this.processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
	}

	private Optional<FundBudget> findFund(AppendedFund fund, Instant asOf) {
		return this.queries
			.query(new FindFundQuery(fund.id(), fund.partnership(), asOf),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join();
	}

	private List<FundMovement> findMovements(AppendedFund fund) {
		return this.queries
			.query(new FindFundMovementsQuery(fund.id(), fund.partnership()),
					ResponseTypes.multipleInstancesOf(FundMovement.class))
			.join();
	}

	private int movementRows(AppendedFund fund) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM fund_movement WHERE fund_id = ?", Integer.class,
				fund.id().value());
	}

	private static String randomSuffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

	/** The fund a test appended, and what its history must read as. */
	private record AppendedFund(FundId id, PartnershipId partnership) {

		FundBudget figures(String budget, String reserved, String paid, String released, String refunded, String lapsed,
				String available, FundStatus status, Instant asOf) {
			return new FundBudget(this.id, this.partnership, FundType.ACTION_FUND, 2019,
					DecisionBodyType.STEERING_BOARD, Money.euros(budget), Money.euros(reserved), Money.euros(paid),
					Money.euros(released), Money.euros(refunded), Money.euros(lapsed), Money.euros(available),
					Money.ZERO, Money.euros("5000.00"), Money.euros("1000.00"), status, asOf, 6, 6);
		}

		/** Zero figures of a fund asked for before it was opened. */
		FundBudget notYetOpened(Instant asOf) {
			return new FundBudget(this.id, this.partnership, FundType.ACTION_FUND, 2019,
					DecisionBodyType.STEERING_BOARD, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
					Money.ZERO, Money.ZERO, Money.ZERO, Money.euros("5000.00"), Money.euros("1000.00"), FundStatus.OPEN,
					asOf, 6, 6, 0, null, false);
		}

		/**
		 * One movement per event, in order; the running available is budget - reserved -
		 * lapsed after it (payouts and refunds do not change it).
		 */
		List<FundMovement> expectedMovements() {
			return List.of(movement(0, OPENED, FundMovementType.OPENING_BUDGET, null, "35000.00", "35000.00", null),
					// 35000.00 + 2500.50
					movement(1, ADJUSTED, FundMovementType.BUDGET_ADJUSTMENT, null, "2500.50", "37500.50",
							ADJUSTMENT_REASON),
					// 37500.50 - 4999.99
					movement(2, RESERVED_A, FundMovementType.RESERVATION, APPLICATION_A, "4999.99", "32500.51", null),
					// 32500.51 - 1234.56
					movement(3, RESERVED_B, FundMovementType.RESERVATION, APPLICATION_B, "1234.56", "31265.95", null),
					// 31265.95 + 234.56
					movement(4, RELEASED_B, FundMovementType.RELEASE, APPLICATION_B, "234.56", "31500.51",
							RELEASE_REASON),
					movement(5, PAID_A, FundMovementType.PAYOUT, APPLICATION_A, "3000.00", "31500.51", null),
					movement(6, REFUNDED_A, FundMovementType.REFUND, APPLICATION_A, "250.25", "31500.51", null),
					// 31500.51 - 31500.51 lapsed
					movement(7, CLOSED, FundMovementType.LAPSE, null, "31500.51", "0.00", null));
		}

		private static FundMovement movement(long sequence, Instant at, FundMovementType type,
				ApplicationId application, String amount, String available, String note) {
			return new FundMovement(sequence, at, type, application, Money.euros(amount), Money.euros(available), note,
					"staff");
		}

	}

}
