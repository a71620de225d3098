package de.pfd.grants.command.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.application.MarkFundsReservedCommand;
import de.pfd.grants.shared.application.MarkWaitlistedCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.CancelReservationCommand;
import de.pfd.grants.shared.fund.FundsReserved;
import de.pfd.grants.shared.fund.ReservationWaitlisted;
import de.pfd.grants.shared.fund.ReserveFundsCommand;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The approval process connects approvals to the fund's reservations: for each event the
 * command it sends, and which refusals of the command side it expects (swallowed) or not
 * (rethrown, so that the event is retried and finally dead-lettered).
 */
class ApprovalProcessTest {

	private static final Money APPROVED = Money.euros("900.00");

	private final RecordingCommandGateway commands = new RecordingCommandGateway();

	private final ApprovalProcess process = new ApprovalProcess(this.commands);

	private static ApplicationWithdrawn withdrawnFrom(ApplicationStatus status) {
		return new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND, status, "no longer needed");
	}

	private final ReserveFundsCommand reserve = new ReserveFundsCommand(Applications.ACTION_FUND,
			Applications.APPLICATION, APPROVED, true);

	// what it sends

	@Test
	void an_approval_asks_its_fund_to_reserve_the_approved_amount_or_to_waitlist_it() {
		this.process.on(Votes.fastTrackApproved(APPROVED, "Nachweis"));

		assertThat(this.commands.sent()).containsExactly(this.reserve);
	}

	@Test
	void an_approval_in_a_call_round_asks_the_fund_to_count_it_in_that_round() {
		ApplicationDecided decided = Votes.fastTrackApproved(APPROVED, null);
		this.process.on(new ApplicationDecided(decided.applicationId(), decided.fundId(), decided.outcome(),
				decided.decidedBy(), decided.approvedAmount(), decided.conditions(), decided.note(), decided.tally(),
				decided.version(), decided.ruleVersion(), decided.decidedAt(), decided.startsBeforeApproval(),
				decided.earlyStartApproved(), 2));

		assertThat(this.commands.sent()).containsExactly(
				new ReserveFundsCommand(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED, true, 2));
	}

	/** The process acts itself, not the user whose action caused the event. */
	@Test
	void every_command_names_the_system_as_actor() {
		this.process.on(Votes.fastTrackApproved(APPROVED, "Nachweis"));
		this.process.on(new FundsReserved(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED));
		this.process.on(withdrawnFrom(ApplicationStatus.APPROVED));

		assertThat(this.commands.metaData()).hasSize(3)
			.allSatisfy(metaData -> assertThat(metaData).containsEntry("userId", "system")
				.containsEntry("userRole", "SYSTEM"));
	}

	@Test
	void a_rejection_sends_nothing() {
		this.process.on(Votes.decided(DecisionOutcome.REJECTED, null, null, "no", Votes.tally(1, 3, 0, 7, 4, 4, true)));

		assertThat(this.commands.sent()).isEmpty();
	}

	@Test
	void a_vote_without_decision_sends_nothing() {
		this.process.on(Votes.noDecision());

		assertThat(this.commands.sent()).isEmpty();
	}

	@Test
	void a_return_for_improvement_sends_nothing() {
		this.process
			.on(Votes.decided(DecisionOutcome.RETURNED, null, null, "revise", Votes.tally(3, 1, 0, 7, 4, 4, true)));

		assertThat(this.commands.sent()).isEmpty();
	}

	@Test
	void money_the_fund_reserved_is_marked_reserved_on_the_application() {
		this.process.on(new FundsReserved(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED));

		assertThat(this.commands.sent())
			.containsExactly(new MarkFundsReservedCommand(Applications.APPLICATION, APPROVED));
	}

	@Test
	void an_approval_on_the_fund_s_waiting_list_is_marked_waitlisted_with_its_position() {
		this.process.on(new ReservationWaitlisted(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED, 3));

		assertThat(this.commands.sent()).containsExactly(new MarkWaitlistedCommand(Applications.APPLICATION, 3));
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, names = { "APPROVED", "WAITLISTED" })
	void withdrawing_an_approval_cancels_its_reservation_or_its_place_on_the_waiting_list(ApplicationStatus status) {
		this.process.on(withdrawnFrom(status));

		assertThat(this.commands.sent()).containsExactly(new CancelReservationCommand(Applications.ACTION_FUND,
				Applications.APPLICATION, "Antrag zurückgezogen / withdrawn"));
	}

	@Test
	void withdrawing_a_draft_sends_nothing() {
		this.process.on(withdrawnFrom(ApplicationStatus.DRAFT));

		assertThat(this.commands.sent()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = ApplicationStatus.class, mode = Mode.EXCLUDE, names = { "APPROVED", "WAITLISTED" })
	void withdrawing_an_application_without_money_bound_sends_nothing(ApplicationStatus status) {
		this.process.on(withdrawnFrom(status));

		assertThat(this.commands.sent()).isEmpty();
	}

	// refusals it expects

	@Test
	void money_already_reserved_by_staff_is_nothing_to_do_ALREADY_RESERVED_is_swallowed() {
		this.commands.refuse(ReserveFundsCommand.class, ErrorCode.ALREADY_RESERVED);

		assertThatNoException().isThrownBy(() -> this.process.on(Votes.fastTrackApproved(APPROVED, null)));
		assertThat(this.commands.sent()).containsExactly(this.reserve);
	}

	@Test
	void a_reservation_for_an_application_withdrawn_meanwhile_is_nothing_to_do_WRONG_STATUS_is_swallowed() {
		this.commands.refuse(MarkFundsReservedCommand.class, ErrorCode.WRONG_STATUS);

		assertThatNoException().isThrownBy(
				() -> this.process.on(new FundsReserved(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED)));
	}

	@Test
	void a_reservation_for_an_application_that_is_not_ours_is_nothing_to_do_NOT_FOUND_is_swallowed() {
		this.commands.refuse(MarkWaitlistedCommand.class, ErrorCode.NOT_FOUND);

		assertThatNoException().isThrownBy(() -> this.process
			.on(new ReservationWaitlisted(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED, 1)));
	}

	// refusals it does not expect

	/**
	 * Approved just before the closure, reserved after it: the approval ends not funded
	 * (the application checks that its fund is closed).
	 */
	@Test
	void a_closed_fund_refusing_the_reservation_ends_the_application_not_funded() {
		this.commands.refuse(ReserveFundsCommand.class, ErrorCode.FUND_CLOSED);

		this.process.on(Votes.fastTrackApproved(APPROVED, null));

		assertThat(this.commands.sent()).containsExactly(this.reserve,
				new EndAtFundClosureCommand(Applications.APPLICATION));
		assertThat(this.commands.metaData().get(1)).containsEntry("userId", "system");
	}

	@Test
	void an_exhausted_budget_fails_the_event_BUDGET_EXHAUSTED_is_rethrown() {
		this.commands.refuse(ReserveFundsCommand.class, ErrorCode.BUDGET_EXHAUSTED);

		assertThatThrownBy(() -> this.process.on(Votes.fastTrackApproved(APPROVED, null)))
			.isInstanceOf(CommandExecutionException.class)
			.hasMessageContaining("BUDGET_EXHAUSTED");
	}

	@Test
	void a_failed_cancellation_fails_the_event() {
		this.commands.refuse(CancelReservationCommand.class, ErrorCode.CONFLICT);

		assertThatThrownBy(() -> this.process.on(withdrawnFrom(ApplicationStatus.APPROVED)))
			.isInstanceOf(CommandExecutionException.class);
	}

	@Test
	void a_failure_without_a_rule_violation_fails_the_event() {
		this.commands.fail(MarkFundsReservedCommand.class,
				new CommandExecutionException("connection lost", new IllegalStateException("no route")));

		assertThatThrownBy(
				() -> this.process.on(new FundsReserved(Applications.ACTION_FUND, Applications.APPLICATION, APPROVED)))
			.isInstanceOf(CommandExecutionException.class)
			.hasMessage("connection lost");
	}

}
