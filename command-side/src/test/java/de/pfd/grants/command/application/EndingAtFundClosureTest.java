package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.voting.Votes;
import de.pfd.grants.shared.application.ApplicationNotFunded;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApprovalWaitlisted;
import de.pfd.grants.shared.application.ApprovedFundsReserved;
import de.pfd.grants.shared.application.EndAtFundClosureCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.voting.VoteChoice;

/**
 * Year-end closure ends every application that still waits with NOT_FUNDED ("Fonds
 * geschlossen / fund closed"), an open vote with it; drafts stay drafts (and can no
 * longer be submitted), decided applications stay as they are; while the fund is open the
 * command changes nothing.
 */
class EndingAtFundClosureTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds()
		.with(Funds.closed(Funds.actionFundTerms()));

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	private final EndAtFundClosureCommand end = new EndAtFundClosureCommand(Applications.APPLICATION);

	static Stream<Arguments> waiting() {
		return Stream.of(Arguments.of(ApplicationStatus.SUBMITTED, events(Applications.submitted(1))),
				Arguments.of(ApplicationStatus.RETURNED_FOR_REVISION,
						events(Applications.submitted(1), Applications.returned(1))),
				Arguments.of(ApplicationStatus.READY_FOR_DECISION, Applications.readyForDecision()),
				Arguments.of(ApplicationStatus.IN_VOTING, Applications.readyForDecision(Votes.opened(Votes.board(7)))),
				Arguments.of(ApplicationStatus.NO_DECISION,
						Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.noDecision())),
				Arguments.of(ApplicationStatus.WAITLISTED,
						Applications.readyForDecision(Votes.fastTrackApproved(),
								new ApprovalWaitlisted(Applications.APPLICATION, 1))),
				// approved just before the closure, its reservation refused after it
				Arguments.of(ApplicationStatus.APPROVED, Applications.readyForDecision(Votes.fastTrackApproved())));
	}

	private static List<Object> events(Object... after) {
		List<Object> events = new ArrayList<>(List.of(Applications.drafted()));
		events.addAll(List.of(after));
		return events;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("waiting")
	void an_application_still_waiting_at_closure_ends_NOT_FUNDED(ApplicationStatus waitingAs, List<Object> history) {
		this.fixture.given(history)
			.when(this.end)
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationNotFunded(Applications.APPLICATION, Applications.ACTION_FUND, waitingAs,
					"Fonds geschlossen / fund closed"));
	}

	@Test
	void while_the_fund_is_open_nothing_ends() {
		this.funds.with(Funds.actionFundTerms());
		this.fixture.given(Applications.readyForDecision()).when(this.end).expectNoEvents();
	}

	@Test
	void a_draft_stays_a_draft_and_can_no_longer_be_submitted() {
		this.fixture.given(Applications.drafted()).when(this.end).expectNoEvents();
		this.fixture.given(Applications.drafted())
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void decided_applications_stay_as_they_are() {
		this.fixture
			.given(Applications.readyForDecision(Votes.fastTrackApproved(),
					new ApprovedFundsReserved(Applications.APPLICATION, Votes.fastTrackApproved().approvedAmount())))
			.when(this.end)
			.expectNoEvents();
		this.fixture.given(events(Applications.submitted(1), Applications.rejected(1))).when(this.end).expectNoEvents();
		this.fixture.given(events(Applications.withdrawn(ApplicationStatus.DRAFT))).when(this.end).expectNoEvents();
	}

	@Test
	void ending_twice_records_it_once() {
		this.fixture
			.given(Applications.readyForDecision(new ApplicationNotFunded(Applications.APPLICATION,
					Applications.ACTION_FUND, ApplicationStatus.READY_FOR_DECISION, ApplicationNotFunded.FUND_CLOSED)))
			.when(this.end)
			.expectNoEvents();
	}

	@Test
	void the_open_vote_ends_with_it_no_vote_can_be_cast_afterwards() {
		this.fixture
			.given(Applications.readyForDecision(Votes.opened(Votes.board(7)),
					new ApplicationNotFunded(Applications.APPLICATION, Applications.ACTION_FUND,
							ApplicationStatus.IN_VOTING, ApplicationNotFunded.FUND_CLOSED)))
			.when(Votes.cast(1, VoteChoice.YES))
			.expectException(refusedWith(ErrorCode.NOT_ELIGIBLE_TO_VOTE))
			.expectNoEvents();
	}

	@Test
	void a_circular_vote_ended_by_the_closure_does_not_close_at_its_deadline() {
		this.fixture.givenCurrentTime(Votes.NOW)
			.andGiven(Applications.readyForDecision())
			.andGivenCommands(Votes.openCircular(Votes.CLOSES_AT), Votes.cast(1, VoteChoice.NO), this.end)
			.whenTimeAdvancesTo(Votes.CLOSES_AT)
			.expectTriggeredDeadlines(1)
			.expectNoEvents();
	}

	@Test
	void a_not_funded_application_cannot_be_withdrawn() {
		this.fixture
			.given(Applications.readyForDecision(new ApplicationNotFunded(Applications.APPLICATION,
					Applications.ACTION_FUND, ApplicationStatus.READY_FOR_DECISION, ApplicationNotFunded.FUND_CLOSED)))
			.when(Applications.withdraw(Applications.OWNER, "zu spät"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
