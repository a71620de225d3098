package de.pfd.grants.query.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import de.pfd.grants.query.standalone.QuerySideApplication;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.body.DecisionBodyType;
import de.pfd.grants.shared.fund.FindFundMovementsQuery;
import de.pfd.grants.shared.fund.FindFundQuery;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundMovement;
import de.pfd.grants.shared.fund.FundOpened;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Value dates on the fund's movements and the figures by value date: a payout entered in
 * January 2020 but paid on 30 December 2019 counts for 2019 by value date and for 2020 by
 * entry time; a day ends at midnight in Europe/Berlin.
 */
@SpringBootTest(classes = QuerySideApplication.class, properties = { "axon.axonserver.enabled=false",
		"axon.serializer.general=jackson", "axon.serializer.events=jackson", "axon.serializer.messages=jackson" })
class FundValueDatesTest {

	private static final Instant OPENED = Instant.parse("2019-01-07T09:00:00Z");

	/** 00:30 on 1 April in Berlin (summer time), still 31 March in UTC. */
	private static final Instant RESERVED = Instant.parse("2019-03-31T22:30:00Z");

	private static final Instant PAYOUT_ENTERED = Instant.parse("2020-01-03T09:00:00Z");

	private static final LocalDate PAID_ON = LocalDate.parse("2019-12-30");

	private static final Instant REFUND_ENTERED = Instant.parse("2020-01-10T09:00:00Z");

	private static final LocalDate RECEIVED_ON = LocalDate.parse("2020-01-08");

	private static final ApplicationId APPLICATION = new ApplicationId("application-value-dates");

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	QueryGateway queries;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void payouts_and_refunds_carry_the_grants_value_date_and_every_other_movement_the_day_of_its_entry() {
		Fund fund = append(false);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(movements(fund)).extracting(FundMovement::valueDate)
				.containsExactly(LocalDate.parse("2019-01-07"), LocalDate.parse("2019-04-01"), PAID_ON, RECEIVED_ON,
						LocalDate.parse("2020-01-10")));
		assertThat(movements(fund)).extracting(FundMovement::occurredAt)
			.containsExactly(OPENED, RESERVED, PAYOUT_ENTERED, REFUND_ENTERED, REFUND_ENTERED);
	}

	@Test
	void the_value_date_is_kept_when_the_grants_record_is_projected_before_the_funds_booking() {
		Fund fund = append(true);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(movements(fund)).extracting(FundMovement::valueDate)
				.containsExactly(LocalDate.parse("2019-01-07"), LocalDate.parse("2019-04-01"), PAID_ON, RECEIVED_ON,
						LocalDate.parse("2020-01-10")));
	}

	@Test
	void a_replay_rebuilds_the_same_value_dates() {
		Fund fund = append(false);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(movements(fund)).extracting(FundMovement::valueDate).contains(RECEIVED_ON));
		List<FundMovement> before = movements(fund);
		FundBudget endOf2019 = byDay(fund, "2019-12-31").orElseThrow();

		StreamingEventProcessor processor = this.processing.eventProcessor("fund-budget", StreamingEventProcessor.class)
			.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(movements(fund)).isEmpty();
		processor.start();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(movements(fund)).isEqualTo(before));
		assertThat(byDay(fund, "2019-12-31")).contains(endOf2019);
	}

	@Test
	void a_day_asks_for_the_figures_at_its_end_by_value_date_and_an_instant_by_entry_time() {
		Fund fund = append(false);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(movements(fund)).extracting(FundMovement::valueDate).contains(RECEIVED_ON));

		// the payout was paid in 2019 and entered in 2020
		FundBudget endOf2019 = byDay(fund, "2019-12-31").orElseThrow();
		assertThat(endOf2019.paid()).isEqualTo(Money.euros("3000.00"));
		assertThat(endOf2019.reserved()).isEqualTo(Money.euros("4000.00"));
		assertThat(endOf2019.refunded()).isEqualTo(Money.ZERO);
		assertThat(endOf2019.asOfDate()).isEqualTo(LocalDate.parse("2019-12-31"));
		assertThat(endOf2019.asOf()).isNull();
		assertThat(endOf2019.existed()).isTrue();
		FundBudget byEntry = byInstant(fund, Instant.parse("2019-12-31T22:59:59Z")).orElseThrow();
		assertThat(byEntry.paid()).isEqualTo(Money.ZERO);
		assertThat(byEntry.reserved()).isEqualTo(Money.euros("4000.00"));
		assertThat(byEntry.asOfDate()).isNull();

		// the refund came in on 8 January; its release was entered on 10 January
		FundBudget ninthOfJanuary = byDay(fund, "2020-01-09").orElseThrow();
		assertThat(ninthOfJanuary.refunded()).isEqualTo(Money.euros("250.25"));
		assertThat(ninthOfJanuary.reserved()).isEqualTo(Money.euros("4000.00"));
		assertThat(byDay(fund, "2020-01-10").orElseThrow().reserved()).isEqualTo(Money.euros("3749.75"));
	}

	@Test
	void a_day_ends_at_midnight_in_berlin() {
		Fund fund = append(false);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(movements(fund)).hasSize(5));

		// entered at 00:30 on 1 April in Berlin, 22:30 on 31 March in UTC
		assertThat(byDay(fund, "2019-03-31").orElseThrow().reserved()).isEqualTo(Money.ZERO);
		assertThat(byDay(fund, "2019-04-01").orElseThrow().reserved()).isEqualTo(Money.euros("4000.00"));
	}

	@Test
	void before_the_fund_was_opened_its_figures_are_zero_and_it_did_not_exist_yet() {
		Fund fund = append(false);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(movements(fund)).hasSize(5));

		FundBudget dayBefore = byDay(fund, "2019-01-06").orElseThrow();
		assertThat(dayBefore.existed()).isFalse();
		assertThat(dayBefore.budget()).isEqualTo(Money.ZERO);
		assertThat(dayBefore.available()).isEqualTo(Money.ZERO);
		assertThat(dayBefore.status()).isEqualTo(FundStatus.OPEN);
		FundBudget openingDay = byDay(fund, "2019-01-07").orElseThrow();
		assertThat(openingDay.existed()).isTrue();
		assertThat(openingDay.budget()).isEqualTo(Money.euros("35000.00"));
		FundBudget instantBefore = byInstant(fund, OPENED.minusSeconds(1)).orElseThrow();
		assertThat(instantBefore.existed()).isFalse();
		assertThat(instantBefore.budget()).isEqualTo(Money.ZERO);
		// another partnership's fund stays unknown, by day as well
		assertThat(this.queries
			.query(new FindFundQuery(fund.id(), new PartnershipId("stranger-" + suffix()), null,
					LocalDate.parse("2019-12-31")), ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join()).isEmpty();
	}

	/**
	 * A fund's opening, a reservation, a payout and a refund (with its release) as the
	 * fund aggregate books them, and the grant's records with the dates; the grant's
	 * record of each first if asked.
	 */
	private Fund append(boolean recordsFirst) {
		PartnershipId partnership = new PartnershipId("pfd-vd-" + suffix());
		FundId id = FundId.of(partnership, FundType.ACTION_FUND, 2019);
		List<EventMessage<?>> fundEvents = List.of(
				fundEvent(id, 0, OPENED,
						new FundOpened(id, partnership, FundType.ACTION_FUND, DecisionBodyType.STEERING_BOARD, 2019,
								Money.euros("35000.00"), Money.euros("5000.00"), Money.euros("1000.00"))),
				fundEvent(id, 1, RESERVED, new FundsReserved(id, APPLICATION, Money.euros("4000.00"))));
		List<EventMessage<?>> payout = List
			.of(fundEvent(id, 2, PAYOUT_ENTERED, new PayoutBooked(id, APPLICATION, "p-1", Money.euros("3000.00"))));
		List<EventMessage<?>> refund = List.of(
				fundEvent(id, 3, REFUND_ENTERED, new RefundBooked(id, APPLICATION, "r-1", Money.euros("250.25"))),
				fundEvent(id, 4, REFUND_ENTERED,
						new FundsReleased(id, APPLICATION, Money.euros("250.25"), Money.ZERO, "Rückzahlung / refund")));
		String application = APPLICATION.value() + "-" + id.value();
		EventMessage<?> paid = new GenericDomainEventMessage<>("Application", application, 0,
				new PayoutRecorded(APPLICATION, id, "p-1", Money.euros("3000.00"), PAID_ON, "ref",
						PAID_ON.plusWeeks(6)),
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), PAYOUT_ENTERED);
		EventMessage<?> received = new GenericDomainEventMessage<>("Application", application, 1,
				new RefundRecorded(APPLICATION, id, "r-1", Money.euros("250.25"), RECEIVED_ON, Money.ZERO),
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), REFUND_ENTERED);
		this.transactionManager.executeInTransaction(() -> {
			this.eventStore.publish(fundEvents);
			if (recordsFirst) {
				this.eventStore.publish(paid, received);
				this.eventStore.publish(payout);
				this.eventStore.publish(refund);
			}
			else {
				this.eventStore.publish(payout);
				this.eventStore.publish(paid);
				this.eventStore.publish(refund);
				this.eventStore.publish(received);
			}
		});
		return new Fund(id, partnership);
	}

	private static EventMessage<?> fundEvent(FundId fund, long sequence, Instant timestamp, Object payload) {
		return new GenericDomainEventMessage<>("Fund", fund.value(), sequence, payload,
				MetaData.with("userId", "staff"), UUID.randomUUID().toString(), timestamp);
	}

	private List<FundMovement> movements(Fund fund) {
		return this.queries
			.query(new FindFundMovementsQuery(fund.id(), fund.partnership()),
					ResponseTypes.multipleInstancesOf(FundMovement.class))
			.join();
	}

	private Optional<FundBudget> byDay(Fund fund, String day) {
		return this.queries
			.query(new FindFundQuery(fund.id(), fund.partnership(), null, LocalDate.parse(day)),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join();
	}

	private Optional<FundBudget> byInstant(Fund fund, Instant asOf) {
		return this.queries
			.query(new FindFundQuery(fund.id(), fund.partnership(), asOf),
					ResponseTypes.optionalInstanceOf(FundBudget.class))
			.join();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
	}

	private record Fund(FundId id, PartnershipId partnership) {
	}

}
