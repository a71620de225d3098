package de.pfd.grants.command.voting;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.application.Application;
import de.pfd.grants.command.application.Applications;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.voting.ApplicationDecided;
import de.pfd.grants.shared.voting.ApplicationDecided.DecidedBy;
import de.pfd.grants.shared.voting.DecisionOutcome;

/**
 * The lead office decides small requests alone, up to the fast-track limit in the terms
 * of the application's fund (the standard action fund: 1,000.00; the request: 1,000.00).
 */
class FastTrackTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, Votes.rosters());

	private void theFastTrackLimitIs(Money limit) {
		this.funds.with(Funds.withFastTrackLimit(Funds.actionFundTerms(), limit));
	}

	@Test
	void a_request_up_to_the_fast_track_limit_is_approved_by_the_lead_office_without_tally() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(
					new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND, DecisionOutcome.APPROVED,
							DecidedBy.LEAD_OFFICE, Votes.REQUESTED, null, null, null, 1, 0, null, true, false));
	}

	@Test
	void the_fast_track_may_approve_a_reduced_amount_with_conditions() {
		theFastTrackLimitIs(Votes.euros("1500.00"));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, Votes.euros("750.00"), " no catering ", " small grant "))
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.APPROVED, DecidedBy.LEAD_OFFICE, Votes.euros("750.00"), "no catering",
					"small grant", null, 1, 0, null, true, false));
	}

	@Test
	void the_fast_track_approving_more_than_requested_is_refused_with_INVALID_AMOUNT() {
		theFastTrackLimitIs(Votes.euros("1500.00"));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, Votes.euros("1200.00"), null, null))
			.expectException(refusedWith(ErrorCode.INVALID_AMOUNT, "approvedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_request_above_the_fast_track_limit_of_the_fund_is_refused_with_FAST_TRACK_LIMIT_EXCEEDED() {
		theFastTrackLimitIs(Votes.euros("999.99"));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectExceptionMessage(Matchers.containsString("999.99 EUR"))
			.expectNoEvents();
	}

	@Test
	void a_fund_without_fast_track_limit_refuses_the_fast_track_with_FAST_TRACK_LIMIT_EXCEEDED() {
		theFastTrackLimitIs(null);
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectExceptionMessage(Matchers.containsString("(none)"))
			.expectNoEvents();
	}

	@Test
	void the_limit_is_the_one_of_the_application_s_own_fund() {
		// the youth fund's limit is 500.00; the request is 1,000.00
		this.fixture
			.given(Applications.draftedInYouthFund(Applications.completeContent()), Applications.submitted(1),
					Applications.accepted(1))
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectExceptionMessage(Matchers.containsString("500.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void a_rejection_above_the_fast_track_limit_is_refused_too() {
		theFastTrackLimitIs(Votes.euros("500.00"));
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(false, null, null, "out of scope"))
			.expectException(refusedWith(ErrorCode.FAST_TRACK_LIMIT_EXCEEDED))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_rejection_with_a_reason_emits_a_rejection_by_the_lead_office() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(false, Votes.euros("500.00"), "ignored", "  no local relevance "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDecided(Applications.APPLICATION, Applications.ACTION_FUND,
					DecisionOutcome.REJECTED, DecidedBy.LEAD_OFFICE, null, null, "no local relevance", null, 1, 0));
	}

	@Test
	void the_fast_track_rejection_without_a_note_is_refused_with_INVALID_INPUT_naming_the_note() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(false, null, null, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectExceptionMessage("a rejection needs a reason")
			.expectNoEvents();
	}

	@Test
	void the_fast_track_rejection_with_a_blank_note_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.readyForDecision())
			.when(Votes.fastTrack(false, null, null, "   "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_during_an_open_vote_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7))))
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void the_fast_track_on_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Votes.fastTrack(true, null, null, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void an_application_without_decision_may_be_decided_on_the_fast_track() {
		this.fixture.given(Applications.readyForDecision(Votes.opened(Votes.board(7)), Votes.noDecision()))
			.when(Votes.fastTrack(true, null, null, null))
			.expectEvents(Votes.fastTrackApproved());
	}

}
