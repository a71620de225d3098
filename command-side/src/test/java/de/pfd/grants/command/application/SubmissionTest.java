package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.util.List;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;

/**
 * Submitting an application for the formal check: it must be complete and consistent,
 * checked against the terms of its fund as they are at the submission.
 */
class SubmissionTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	private ResultValidator<Application> submittingToTheYouthFund(ApplicationContent content) {
		return this.fixture.given(Applications.draftedInYouthFund(content)).when(Applications.submit());
	}

	@Test
	void submitting_a_complete_draft_emits_application_submitted_as_version_1() {
		this.fixture.given(Applications.drafted())
			.when(Applications.submit())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.submitted(1));
	}

	@Test
	void the_submitted_version_carries_the_updated_content() {
		ApplicationContent revised = Applications.content().title("Demokratie-Werkstatt 2.0").build();
		this.fixture
			.given(Applications.drafted(Applications.emptyContent()),
					new ApplicationDraftUpdated(Applications.APPLICATION, revised))
			.when(Applications.submit())
			.expectEvents(Applications.submitted(1, revised));
	}

	@Test
	void resubmitting_after_a_return_emits_version_2_with_the_revised_content() {
		ApplicationContent revised = Applications.content()
			.costs(List.of(new CostItem(CostCategory.FEES, "Honorar Referentin", Applications.euros("1200.00")),
					new CostItem(CostCategory.RENT, "Raummiete", Applications.euros("300.00"))))
			.requestedAmount(Applications.euros("1300.00"))
			.build();
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1),
					new ApplicationDraftUpdated(Applications.APPLICATION, revised))
			.when(Applications.submit())
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.submitted(2, revised));
	}

	@Test
	void submitting_again_while_submitted_emits_nothing_and_succeeds() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.submit())
			.expectSuccessfulHandlerExecution()
			.expectNoEvents();
	}

	@Test
	void submitting_an_empty_draft_is_refused_with_SUBMISSION_INVALID_listing_every_missing_field() {
		this.fixture.given(Applications.drafted(Applications.emptyContent()))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "title", "summary", "actionField", "startDate",
					"endDate", "requestedAmount", "applicant", "costs"))
			.expectExceptionMessage(Matchers.startsWith(
					"Antrag kann nicht eingereicht werden / the application cannot be submitted: title Pflichtangabe / is required"))
			.expectNoEvents();
	}

	@Test
	void submitting_without_title_and_applicant_email_is_refused_with_SUBMISSION_INVALID_naming_both() {
		ApplicationContent incomplete = Applications.content()
			.title("  ")
			.applicant(new Applicant("Demokratie leben e.V.", LegalForm.REGISTERED_ASSOCIATION, "Erika Muster", null,
					"Hauptstr. 1, 40822 Mettmann", null))
			.build();
		this.fixture.given(Applications.drafted(incomplete))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "title", "applicant.email"))
			.expectNoEvents();
	}

	@Test
	void submitting_a_cost_plan_that_does_not_add_up_is_refused_with_SUBMISSION_INVALID() {
		this.fixture
			.given(Applications.drafted(Applications.content().requestedAmount(Applications.euros("1000.01")).build()))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("1200.00 EUR minus income 200.00 EUR = 1000.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void submitting_a_request_above_the_cap_is_refused_with_SUBMISSION_INVALID() {
		// a cost plan that adds up, but to more than the action fund's cap of 5,000
		ApplicationContent aboveCap = Applications.content()
			.costs(List.of(new CostItem(CostCategory.FEES, "Honorare", Applications.euros("5200.01"))))
			.requestedAmount(Applications.euros("5000.01"))
			.build();
		this.fixture.given(Applications.drafted(aboveCap))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("cap"))
			.expectNoEvents();
	}

	@Test
	void a_submission_is_checked_against_the_terms_of_the_fund_as_they_are_now() {
		// the draft was within the cap of 5,000.00 when it was made
		this.funds.with(Funds.withCap(Funds.actionFundTerms(), Applications.euros("999.99")));
		this.fixture.given(Applications.drafted())
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("per-project cap of 999.99 EUR"))
			.expectNoEvents();
	}

	@Test
	void submitting_to_the_youth_fund_without_the_youth_confirmation_is_refused_with_SUBMISSION_INVALID() {
		submittingToTheYouthFund(Applications.completeContent())
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "applicant.youthConfirmed"))
			.expectNoEvents();
	}

	@Test
	void submitting_to_the_youth_fund_with_the_youth_confirmation_denied_is_refused_with_SUBMISSION_INVALID() {
		ApplicationContent content = Applications.contentBy(LegalForm.REGISTERED_ASSOCIATION, false);
		submittingToTheYouthFund(content)
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "applicant.youthConfirmed"))
			.expectNoEvents();
	}

	@Test
	void submitting_to_the_youth_fund_with_the_youth_confirmation_emits_application_submitted() {
		ApplicationContent content = Applications.contentBy(LegalForm.REGISTERED_ASSOCIATION, true);
		submittingToTheYouthFund(content).expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.YOUTH_FUND, 1, content));
	}

	@Test
	void an_informal_youth_group_may_submit_to_the_youth_fund_without_the_youth_confirmation() {
		ApplicationContent content = Applications.contentBy(LegalForm.INFORMAL_YOUTH_GROUP, null);
		submittingToTheYouthFund(content).expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.YOUTH_FUND, 1, content));
	}

	@Test
	void submitting_to_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.funds.with(Funds.closed(Funds.actionFundTerms()));
		this.fixture.given(Applications.drafted())
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectExceptionMessage("the fund is closed for applications")
			.expectNoEvents();
	}

	@Test
	void submitting_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted())
			.when(new SubmitApplicationCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void submitting_again_by_another_applicant_while_submitted_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(new SubmitApplicationCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void submitting_an_application_ready_for_decision_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision())
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht eingereicht werden / an application in status READY_FOR_DECISION cannot be submitted")
			.expectNoEvents();
	}

	@Test
	void submitting_a_rejected_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.rejected(1))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void submitting_a_withdrawn_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.withdrawn(ApplicationStatus.DRAFT))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

}
