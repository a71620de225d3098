package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.error.ErrorCode;

/** The lead office's formal check of a submitted application. */
class FormalCheckTest {

	private final FixtureConfiguration<Application> fixture = Applications
		.fixture(RecordingFundLedger.ofTheStandardFunds(), new FixedRosters());

	@Test
	void accepting_a_submitted_application_emits_application_accepted_with_its_version() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationAccepted(Applications.APPLICATION, 1, null));
	}

	@Test
	void accepting_a_resubmitted_application_names_version_2_and_keeps_the_stripped_note() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1),
					Applications.submitted(2))
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, "  complete now  "))
			.expectEvents(new ApplicationAccepted(Applications.APPLICATION, 2, "complete now"));
	}

	@Test
	void accepting_with_a_blank_note_records_no_note() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, " \t "))
			.expectEvents(new ApplicationAccepted(Applications.APPLICATION, 1, null));
	}

	@Test
	void returning_with_a_note_emits_application_returned_for_revision() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.RETURNED, " please add the venue "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationReturnedForRevision(Applications.APPLICATION, 1, "please add the venue"));
	}

	@Test
	void returning_without_a_note_is_refused_with_INVALID_INPUT_naming_the_note() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.RETURNED, null))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectExceptionMessage("returning an application needs a note on what to revise")
			.expectNoEvents();
	}

	@Test
	void returning_with_a_blank_note_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.RETURNED, "   "))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectNoEvents();
	}

	@Test
	void rejecting_with_a_reason_emits_application_rejected_as_ineligible() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.REJECTED, "project lies outside the district"))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationRejectedAsIneligible(Applications.APPLICATION, 1,
					"project lies outside the district"));
	}

	@Test
	void rejecting_without_a_reason_is_refused_with_INVALID_INPUT_naming_the_note() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.check(FormalCheckOutcome.REJECTED, ""))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "note"))
			.expectExceptionMessage("rejecting an application needs a reason")
			.expectNoEvents();
	}

	@Test
	void checking_a_draft_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted())
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht geprüft werden / an application in status DRAFT cannot be checked")
			.expectNoEvents();
	}

	@Test
	void checking_an_application_ready_for_decision_again_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision())
			.when(Applications.check(FormalCheckOutcome.REJECTED, "changed my mind"))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void checking_an_application_returned_for_revision_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1))
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void checking_a_withdrawn_application_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1),
					Applications.withdrawn(ApplicationStatus.SUBMITTED))
			.when(Applications.check(FormalCheckOutcome.ACCEPTED, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
