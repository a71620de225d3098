package de.pfd.grants.command.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.body.Rosters;
import de.pfd.grants.command.common.RuleViolationTranslator;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.command.organisation.Organisations;
import de.pfd.grants.command.partnership.FixedPartnerships;
import de.pfd.grants.command.partnership.Partnerships;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ConfirmGrantNoticeCommand;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.IssueGrantNoticeCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.FundsReleased;
import de.pfd.grants.shared.fund.OpenFundCommand;
import de.pfd.grants.shared.fund.PayoutBooked;
import de.pfd.grants.shared.fund.RefundBooked;
import de.pfd.grants.shared.fund.ReleaseFundsCommand;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.grant.GrantSettled;
import de.pfd.grants.shared.grant.PayoutRecorded;
import de.pfd.grants.shared.grant.ProofOfUseAccepted;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.RecordPayoutCommand;
import de.pfd.grants.shared.grant.RecordRefundCommand;
import de.pfd.grants.shared.grant.RefundRecorded;
import de.pfd.grants.shared.grant.RequestPayoutCommand;
import de.pfd.grants.shared.grant.ReviewProofOfUseCommand;
import de.pfd.grants.shared.grant.SubmitProofOfUseCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipCalendar;
import de.pfd.grants.shared.voting.DecideOnFastTrackCommand;

/**
 * The real ledger in a real Axon configuration (in memory, no Spring): the application's
 * commands load the fund aggregate into their own unit of work, so the fund's booking and
 * the application's record of it are stored together, or neither is. The year 2099 keeps
 * the proof-of-use deadline in the future.
 */
class FundLedgerOfTheFundAggregateTest {

	private static final int YEAR = 2099;

	private static final FundId FUND = FundId.of(Funds.PARTNERSHIP, FundType.ACTION_FUND, YEAR);

	private static final ApplicationId APPLICATION = Applications.APPLICATION;

	/** Money is paid out today: a value date is never in the future. */
	private static final LocalDate PAID_ON = LocalDate.now(PartnershipCalendar.ZONE);

	private Configuration axon;

	private CommandGateway commands;

	@BeforeEach
	void start() {
		// false: no configurer modules from the class path, so no Axon Server connector
		this.axon = DefaultConfigurer.defaultConfiguration(false)
			.configureAggregate(Fund.class)
			.configureAggregate(Application.class)
			.configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
			// handler parameters are resolved from the configuration's components
			.registerComponent(FundLedger.class,
					c -> new FundLedgerOfTheFundAggregate(
							new StaticListableBeanFactory(Map.<String, Object>of("axon", c))
								.getBeanProvider(Configuration.class)))
			.registerComponent(Rosters.class, c -> new FixedRosters())
			.registerComponent(Organisations.class, c -> KnownOrganisations.standard())
			// about the ledger, not four eyes: a recorded payout is booked at once
			.registerComponent(Partnerships.class, c -> FixedPartnerships.withoutFourEyes())
			.buildConfiguration();
		this.axon.start();
		this.axon.commandBus().registerHandlerInterceptor(new RuleViolationTranslator());
		this.commands = this.axon.commandGateway();
	}

	@AfterEach
	void stop() {
		this.axon.shutdown();
	}

	private List<Object> stream(Object aggregateId) {
		return this.axon.eventStore()
			.readEvents(aggregateId.toString())
			.asStream()
			.<Object>map(Message::getPayload)
			.toList();
	}

	private void send(Object... commands) {
		for (Object command : commands) {
			this.commands.sendAndWait(command);
		}
	}

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	/** The standard application (1,000.00 requested), with its project in 2099. */
	private static ApplicationContent content() {
		return Applications.content().startDate(LocalDate.of(YEAR, 5, 1)).endDate(LocalDate.of(YEAR, 9, 30)).build();
	}

	/**
	 * A fund of 35,000.00 opened; the application created, submitted, accepted, approved
	 * with its 1,000.00 on the fast track; the money reserved (by hand: no approval
	 * process runs here); the grant notice issued and confirmed; all of it requested.
	 */
	private void anApprovedGrantWhoseMoneyIsRequested() {
		send(new OpenFundCommand(Funds.PARTNERSHIP, FundType.ACTION_FUND, YEAR, euros("35000"), euros("5000"),
				euros("1000"), 6, 6),
				new CreateApplicationCommand(APPLICATION, Funds.PARTNERSHIP, Applications.OWNER, FUND, content()),
				new SubmitApplicationCommand(APPLICATION, Applications.OWNER),
				new PerformFormalCheckCommand(APPLICATION, FormalCheckOutcome.ACCEPTED, null),
				new DecideOnFastTrackCommand(APPLICATION, true, null, null, null),
				new ReserveFundsCommand(FUND, APPLICATION, euros("1000")),
				new MarkFundsReservedCommand(APPLICATION, euros("1000")),
				new IssueGrantNoticeCommand(APPLICATION, "AZ 2099-1"),
				new ConfirmGrantNoticeCommand(APPLICATION, Applications.OWNER),
				new RequestPayoutCommand(APPLICATION, Applications.OWNER, "r1", euros("1000"), "Honorare"));
	}

	@Test
	void a_payout_is_booked_by_the_fund_and_recorded_by_the_application() {
		anApprovedGrantWhoseMoneyIsRequested();

		send(new RecordPayoutCommand(APPLICATION, "p1", euros("400"), PAID_ON, "UEB"));

		assertThat(stream(FUND)).last().isEqualTo(new PayoutBooked(FUND, APPLICATION, "p1", euros("400")));
		assertThat(stream(APPLICATION)).last()
			.isEqualTo(new PayoutRecorded(APPLICATION, FUND, "p1", euros("400"), PAID_ON, "UEB", PAID_ON.plusWeeks(6)));
	}

	@Test
	void a_payout_beyond_the_reservation_is_refused_by_the_fund_and_stored_in_neither_stream() {
		anApprovedGrantWhoseMoneyIsRequested();
		send(new RecordPayoutCommand(APPLICATION, "p1", euros("400"), PAID_ON, "UEB"),
				new ReleaseFundsCommand(FUND, APPLICATION, euros("300"), "cheaper"));
		int fundEvents = stream(FUND).size();
		int applicationEvents = stream(APPLICATION).size();

		// requested and not paid: 600.00; reserved and not paid: 1,000 -
		// 300 - 400 = 300.00
		assertThatThrownBy(() -> send(new RecordPayoutCommand(APPLICATION, "p2", euros("600"), PAID_ON, "UEB")))
			.isInstanceOfSatisfying(CommandExecutionException.class,
					ex -> assertThat(ex.getDetails()).get()
						.extracting(details -> ((RuleViolation) details).code())
						.isEqualTo(ErrorCode.PAYOUT_EXCEEDS_RESERVATION));

		assertThat(stream(FUND)).hasSize(fundEvents);
		assertThat(stream(APPLICATION)).hasSize(applicationEvents);
	}

	@Test
	void the_settlement_release_and_a_refund_are_booked_by_the_fund_with_the_application_s_records() {
		anApprovedGrantWhoseMoneyIsRequested();
		List<Receipt> receipts = List
			.of(new Receipt(LocalDate.of(YEAR, 6, 10), "Honorar", CostCategory.FEES, euros("300")));
		send(new RecordPayoutCommand(APPLICATION, "p1", euros("400"), PAID_ON, "UEB"),
				new SubmitProofOfUseCommand(APPLICATION, Applications.OWNER, "Bericht", receipts));

		// granted 300.00 of the 400.00 paid: 600.00 go back at once, 100.00 are claimed
		send(new ReviewProofOfUseCommand(APPLICATION, true, euros("300"), null),
				new RecordRefundCommand(APPLICATION, "f1", euros("100"), PAID_ON));

		assertThat(stream(FUND)).endsWith(
				new FundsReleased(FUND, APPLICATION, euros("600"), Money.ZERO, "Abrechnung / settlement",
						"settlement:" + APPLICATION.value()),
				new RefundBooked(FUND, APPLICATION, "f1", euros("100")),
				new FundsReleased(FUND, APPLICATION, euros("100"), Money.ZERO, "Rückzahlung / refund", "refund:f1"));
		assertThat(stream(APPLICATION)).endsWith(
				new ProofOfUseAccepted(APPLICATION, FUND, euros("300"), euros("300"), euros("400"), euros("600"),
						euros("100"), null),
				new RefundRecorded(APPLICATION, FUND, "f1", euros("100"), PAID_ON, Money.ZERO),
				new GrantSettled(APPLICATION, euros("300")));
	}

	@Test
	void an_application_for_the_id_of_another_kind_of_aggregate_is_refused_naming_the_fund() {
		anApprovedGrantWhoseMoneyIsRequested();
		ApplicationId second = ApplicationId.random();

		assertThatThrownBy(() -> send(new CreateApplicationCommand(second, Funds.PARTNERSHIP, Applications.OWNER,
				new FundId(APPLICATION.value()), content())))
			.isInstanceOfSatisfying(CommandExecutionException.class, ex -> assertThat(ex.getDetails()).get()
				.extracting(details -> ((RuleViolation) details).fields())
				.isEqualTo(List.of(new RuleViolation.FieldViolation("fundId", "Unbekannter Fonds / unknown fund"))));

		assertThat(stream(second)).isEmpty();
	}

	@Test
	void an_application_for_a_fund_that_does_not_exist_is_refused_naming_the_fund() {
		assertThatThrownBy(() -> send(
				new CreateApplicationCommand(APPLICATION, Funds.PARTNERSHIP, Applications.OWNER, FUND, content())))
			.isInstanceOfSatisfying(CommandExecutionException.class,
					ex -> assertThat(ex.getDetails()).contains(new RuleViolation(ErrorCode.INVALID_INPUT,
							"Unbekannter Fonds / unknown fund",
							List.of(new RuleViolation.FieldViolation("fundId", "Unbekannter Fonds / unknown fund")))));

		assertThat(stream(APPLICATION)).isEmpty();
	}

}
