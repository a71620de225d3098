package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationAccepted;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationId;
import de.pfd.grants.shared.application.ApplicationRejectedAsIneligible;
import de.pfd.grants.shared.application.ApplicationReturnedForRevision;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSubmitted;
import de.pfd.grants.shared.application.ApplicationWithdrawn;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.application.FundTerms;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.PerformFormalCheckCommand;
import de.pfd.grants.shared.application.SubmitApplicationCommand;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.application.WithdrawApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.fund.FundId;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.partnership.PartnershipId;

class ApplicationTest {

	private FixtureConfiguration<Application> fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AggregateTestFixture<>(Application.class);
	}

	// create

	@Test
	void creating_a_complete_draft_emits_application_drafted() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted());
	}

	@Test
	void an_empty_draft_may_be_created() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), Applications.emptyContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDrafted(Applications.APPLICATION, Applications.PARTNERSHIP,
					Applications.ACTION_FUND, Applications.OWNER, Applications.emptyContent()));
	}

	@Test
	void a_draft_that_does_not_add_up_and_lacks_fields_may_be_created() {
		ApplicationContent incomplete = Applications.content()
			.title(null)
			.applicant(null)
			.requestedAmount(Applications.euros("4999.99"))
			.build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), incomplete))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted(incomplete));
	}

	@Test
	void a_draft_in_the_youth_fund_without_the_youth_confirmation_may_be_created() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.youthFund2019(), Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDrafted(Applications.APPLICATION, Applications.PARTNERSHIP,
					Applications.YOUTH_FUND, Applications.OWNER, Applications.completeContent()));
	}

	@Test
	void creating_a_draft_in_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.closedActionFund2019(), Applications.completeContent()))
			.expectException(RuleViolationException.class)
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void a_draft_ending_before_it_starts_is_refused_with_INVALID_INPUT_naming_the_end_date() {
		ApplicationContent content = Applications.content()
			.startDate(LocalDate.of(2019, 9, 30))
			.endDate(LocalDate.of(2019, 9, 29))
			.build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), content))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "endDate"))
			.expectExceptionMessage(Matchers.containsString("endDate must not be before the start date"))
			.expectNoEvents();
	}

	@Test
	void a_draft_starting_before_the_fund_year_is_refused_with_INVALID_INPUT_naming_the_start_date() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.content().startDate(LocalDate.of(2018, 12, 31)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "startDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_ending_after_the_fund_year_is_refused_with_INVALID_INPUT_naming_the_end_date() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.content().endDate(LocalDate.of(2020, 1, 1)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "endDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_with_only_a_start_date_outside_the_fund_year_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.emptyContentBuilder().startDate(LocalDate.of(2020, 3, 1)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "startDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_exactly_the_cap_may_be_created() {
		ApplicationContent content = Applications.content().requestedAmount(Applications.euros("5000.00")).build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), content))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted(content));
	}

	@Test
	void a_draft_requesting_more_than_the_cap_is_refused_with_INVALID_INPUT_naming_the_requested_amount() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.content().requestedAmount(Applications.euros("5000.01")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("per-project cap of 5000.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_more_than_the_youth_fund_cap_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.youthFund2019(),
					Applications.content().requestedAmount(Applications.euros("2500.01")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_nothing_is_refused_with_INVALID_INPUT_naming_the_requested_amount() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.content().requestedAmount(Money.ZERO).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("requestedAmount must be positive"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_a_negative_amount_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(),
					Applications.content().requestedAmount(Applications.euros("-1000.00")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_draft_with_several_problems_names_each_field() {
		ApplicationContent content = Applications.content()
			.startDate(LocalDate.of(2018, 6, 1))
			.requestedAmount(Applications.euros("6000"))
			.build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.actionFund2019(), content))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "startDate", "requestedAmount"))
			.expectNoEvents();
	}

	// update

	@Test
	void the_owner_updating_a_draft_emits_application_draft_updated() {
		ApplicationContent revised = Applications.content().title("Demokratie-Werkstatt 2.0").build();
		this.fixture.given(Applications.drafted())
			.when(Applications.update(revised))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDraftUpdated(Applications.APPLICATION, revised));
	}

	@Test
	void a_draft_may_be_updated_to_an_incomplete_one() {
		this.fixture.given(Applications.drafted())
			.when(Applications.update(Applications.emptyContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDraftUpdated(Applications.APPLICATION, Applications.emptyContent()));
	}

	@Test
	void an_application_returned_for_revision_may_be_updated() {
		ApplicationContent revised = Applications.content().summary("Revised summary").build();
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1))
			.when(Applications.update(revised))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDraftUpdated(Applications.APPLICATION, revised));
	}

	@Test
	void an_update_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted())
			.when(new UpdateApplicationCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT,
					Applications.actionFund2019(), Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectExceptionMessage("application not found")
			.expectNoEvents();
	}

	@Test
	void updating_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("an application in status SUBMITTED cannot be changed")
			.expectNoEvents();
	}

	@Test
	void updating_an_application_ready_for_decision_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1))
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void updating_a_withdrawn_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.withdrawn(ApplicationStatus.DRAFT))
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void updating_an_application_with_another_fund_is_refused_with_INVALID_INPUT_naming_the_fund() {
		this.fixture.given(Applications.drafted())
			.when(new UpdateApplicationCommand(Applications.APPLICATION, Applications.OWNER,
					Applications.youthFund2019(), Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "fundId"))
			.expectNoEvents();
	}

	@Test
	void an_update_with_a_period_outside_the_fund_year_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.drafted())
			.when(Applications.update(Applications.content().endDate(LocalDate.of(2020, 1, 1)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "endDate"))
			.expectNoEvents();
	}

	@Test
	void an_update_requesting_more_than_the_cap_is_refused_with_INVALID_INPUT() {
		this.fixture.given(Applications.drafted())
			.when(Applications.update(Applications.content().requestedAmount(Applications.euros("5000.01")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectNoEvents();
	}

	// submit

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
			.expectExceptionMessage(Matchers.startsWith("the application cannot be submitted: title is required"))
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
	void submitting_to_the_youth_fund_without_the_youth_confirmation_is_refused_with_SUBMISSION_INVALID() {
		this.fixture.given(Applications.draftedInYouthFund(Applications.completeContent()))
			.when(Applications.submit(Applications.youthFund2019()))
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "applicant.youthConfirmed"))
			.expectNoEvents();
	}

	@Test
	void submitting_to_the_youth_fund_with_the_youth_confirmation_denied_is_refused_with_SUBMISSION_INVALID() {
		ApplicationContent content = Applications.content()
			.applicant(Applications.applicant(LegalForm.REGISTERED_ASSOCIATION, false))
			.build();
		this.fixture.given(Applications.draftedInYouthFund(content))
			.when(Applications.submit(Applications.youthFund2019()))
			.expectException(refusedWith(ErrorCode.SUBMISSION_INVALID, "applicant.youthConfirmed"))
			.expectNoEvents();
	}

	@Test
	void submitting_to_the_youth_fund_with_the_youth_confirmation_emits_application_submitted() {
		ApplicationContent content = Applications.content()
			.applicant(Applications.applicant(LegalForm.REGISTERED_ASSOCIATION, true))
			.build();
		this.fixture.given(Applications.draftedInYouthFund(content))
			.when(Applications.submit(Applications.youthFund2019()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.YOUTH_FUND, 1, content));
	}

	@Test
	void an_informal_youth_group_may_submit_to_the_youth_fund_without_the_youth_confirmation() {
		ApplicationContent content = Applications.content()
			.applicant(Applications.applicant(LegalForm.INFORMAL_YOUTH_GROUP, null))
			.build();
		this.fixture.given(Applications.draftedInYouthFund(content))
			.when(Applications.submit(Applications.youthFund2019()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationSubmitted(Applications.APPLICATION, Applications.YOUTH_FUND, 1, content));
	}

	@Test
	void submitting_to_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.fixture.given(Applications.drafted())
			.when(Applications.submit(Applications.closedActionFund2019()))
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void submitting_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted())
			.when(new SubmitApplicationCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT,
					Applications.actionFund2019()))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void submitting_again_by_another_applicant_while_submitted_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(new SubmitApplicationCommand(Applications.APPLICATION, Applications.OTHER_APPLICANT,
					Applications.actionFund2019()))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	@Test
	void submitting_with_another_fund_is_refused_with_INVALID_INPUT_naming_the_fund() {
		this.fixture.given(Applications.drafted())
			.when(Applications.submit(Applications.youthFund2019()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "fundId"))
			.expectNoEvents();
	}

	@Test
	void submitting_an_application_ready_for_decision_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1))
			.when(Applications.submit())
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("an application in status READY_FOR_DECISION cannot be submitted")
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

	// formal check

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
			.expectExceptionMessage("an application in status DRAFT cannot be checked")
			.expectNoEvents();
	}

	@Test
	void checking_an_application_ready_for_decision_again_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1))
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

	// withdraw

	@Test
	void withdrawing_a_draft_emits_application_withdrawn_from_DRAFT_with_the_stripped_reason() {
		this.fixture.given(Applications.drafted())
			.when(Applications.withdraw(Applications.OWNER, "  project cancelled "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.ACTION_FUND,
					ApplicationStatus.DRAFT, "project cancelled"));
	}

	@Test
	void withdrawing_a_submitted_application_emits_application_withdrawn_from_SUBMITTED() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.withdrawn(ApplicationStatus.SUBMITTED));
	}

	@Test
	void withdrawing_an_application_ready_for_decision_emits_application_withdrawn_from_READY_FOR_DECISION() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.accepted(1))
			.when(Applications.withdraw(Applications.OWNER, " "))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.withdrawn(ApplicationStatus.READY_FOR_DECISION));
	}

	@Test
	void withdrawing_an_application_returned_for_revision_emits_application_withdrawn() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.returned(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(Applications.withdrawn(ApplicationStatus.RETURNED_FOR_REVISION));
	}

	@Test
	void withdrawing_from_the_youth_fund_names_the_youth_fund() {
		ApplicationContent content = Applications.content()
			.applicant(Applications.applicant(LegalForm.INFORMAL_YOUTH_GROUP, null))
			.build();
		this.fixture.given(Applications.draftedInYouthFund(content))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectEvents(new ApplicationWithdrawn(Applications.APPLICATION, Applications.YOUTH_FUND,
					ApplicationStatus.DRAFT, null));
	}

	@Test
	void withdrawing_twice_is_refused_with_WRONG_STATUS() {
		this.fixture
			.given(Applications.drafted(), Applications.submitted(1),
					Applications.withdrawn(ApplicationStatus.SUBMITTED))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage("an application in status WITHDRAWN cannot be withdrawn")
			.expectNoEvents();
	}

	@Test
	void withdrawing_a_rejected_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1), Applications.rejected(1))
			.when(Applications.withdraw(Applications.OWNER, null))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectNoEvents();
	}

	@Test
	void withdrawing_by_another_applicant_is_refused_with_NOT_FOUND() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.withdraw(Applications.OTHER_APPLICANT, null))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectNoEvents();
	}

	/** Builders for the application's content, commands and events. */
	static final class Applications {

		static final PartnershipId PARTNERSHIP = new PartnershipId("kreis-mettmann");

		static final FundId ACTION_FUND = FundId.of(PARTNERSHIP, FundType.ACTION_FUND, 2019);

		static final FundId YOUTH_FUND = FundId.of(PARTNERSHIP, FundType.YOUTH_FUND, 2019);

		static final ApplicationId APPLICATION = new ApplicationId("application-1");

		static final String OWNER = "applicant-1";

		static final String OTHER_APPLICANT = "applicant-2";

		private Applications() {
		}

		static Money euros(String amount) {
			return Money.euros(amount);
		}

		// fund terms

		/** The action fund 2019 of Kreis Mettmann: cap 5,000.00, open. */
		static FundTerms actionFund2019() {
			return new FundTerms(ACTION_FUND, FundType.ACTION_FUND, 2019, euros("5000.00"), true);
		}

		static FundTerms closedActionFund2019() {
			return new FundTerms(ACTION_FUND, FundType.ACTION_FUND, 2019, euros("5000.00"), false);
		}

		/** The youth fund 2019 of Kreis Mettmann: cap 2,500.00, open. */
		static FundTerms youthFund2019() {
			return new FundTerms(YOUTH_FUND, FundType.YOUTH_FUND, 2019, euros("2500.00"), true);
		}

		// content

		static Applicant applicant(LegalForm legalForm, Boolean youthConfirmed) {
			return new Applicant("Demokratie leben e.V.", legalForm, "Erika Muster", "erika@example.org",
					"Hauptstr. 1, 40822 Mettmann", youthConfirmed);
		}

		/**
		 * A complete application that adds up: costs 1,200.00 - own funds 200.00 =
		 * 1,000.00 requested; no youth confirmation.
		 */
		static ApplicationContent completeContent() {
			return content().build();
		}

		/** A builder starting from {@link #completeContent()}. */
		static ContentBuilder content() {
			return new ContentBuilder().title("Demokratie-Werkstatt")
				.summary("Workshops for young people on local democracy")
				.description("Four workshops in the youth centre, with a final town-hall visit")
				.actionField(ActionField.DEMOCRACY_PROMOTION)
				.targetGroups(List.of(TargetGroup.YOUTH))
				.expectedParticipants(40)
				.startDate(LocalDate.of(2019, 5, 1))
				.endDate(LocalDate.of(2019, 9, 30))
				.applicant(applicant(LegalForm.REGISTERED_ASSOCIATION, null))
				.costs(List.of(new CostItem(CostCategory.FEES, "Honorar Referentin", euros("1200.00"))))
				.income(List.of(new IncomeItem(IncomeSource.OWN_FUNDS, "Eigenmittel", euros("200.00"))))
				.requestedAmount(euros("1000.00"));
		}

		/** A draft with nothing filled in. */
		static ApplicationContent emptyContent() {
			return emptyContentBuilder().build();
		}

		static ContentBuilder emptyContentBuilder() {
			return new ContentBuilder();
		}

		// commands

		static CreateApplicationCommand create(FundTerms fund, ApplicationContent content) {
			return new CreateApplicationCommand(APPLICATION, PARTNERSHIP, OWNER, fund, content);
		}

		static UpdateApplicationCommand update(ApplicationContent content) {
			return new UpdateApplicationCommand(APPLICATION, OWNER, actionFund2019(), content);
		}

		static SubmitApplicationCommand submit() {
			return submit(actionFund2019());
		}

		static SubmitApplicationCommand submit(FundTerms fund) {
			return new SubmitApplicationCommand(APPLICATION, OWNER, fund);
		}

		static PerformFormalCheckCommand check(FormalCheckOutcome outcome, String note) {
			return new PerformFormalCheckCommand(APPLICATION, outcome, note);
		}

		static WithdrawApplicationCommand withdraw(String requestedBy, String reason) {
			return new WithdrawApplicationCommand(APPLICATION, requestedBy, reason);
		}

		// events (of the action fund unless said otherwise)

		static ApplicationDrafted drafted() {
			return drafted(completeContent());
		}

		static ApplicationDrafted drafted(ApplicationContent content) {
			return new ApplicationDrafted(APPLICATION, PARTNERSHIP, ACTION_FUND, OWNER, content);
		}

		static ApplicationDrafted draftedInYouthFund(ApplicationContent content) {
			return new ApplicationDrafted(APPLICATION, PARTNERSHIP, YOUTH_FUND, OWNER, content);
		}

		static ApplicationSubmitted submitted(int version) {
			return submitted(version, completeContent());
		}

		static ApplicationSubmitted submitted(int version, ApplicationContent content) {
			return new ApplicationSubmitted(APPLICATION, ACTION_FUND, version, content);
		}

		static ApplicationAccepted accepted(int version) {
			return new ApplicationAccepted(APPLICATION, version, null);
		}

		static ApplicationReturnedForRevision returned(int version) {
			return new ApplicationReturnedForRevision(APPLICATION, version, "please add the venue");
		}

		static ApplicationRejectedAsIneligible rejected(int version) {
			return new ApplicationRejectedAsIneligible(APPLICATION, version, "not eligible");
		}

		static ApplicationWithdrawn withdrawn(ApplicationStatus previousStatus) {
			return new ApplicationWithdrawn(APPLICATION, ACTION_FUND, previousStatus, null);
		}

	}

	/** Builds an {@link ApplicationContent}; every field starts out empty. */
	static final class ContentBuilder {

		private String title;

		private String summary;

		private String description;

		private ActionField actionField;

		private List<TargetGroup> targetGroups;

		private Integer expectedParticipants;

		private LocalDate startDate;

		private LocalDate endDate;

		private Applicant applicant;

		private List<CostItem> costs;

		private List<IncomeItem> income;

		private Money requestedAmount;

		ContentBuilder title(String title) {
			this.title = title;
			return this;
		}

		ContentBuilder summary(String summary) {
			this.summary = summary;
			return this;
		}

		ContentBuilder description(String description) {
			this.description = description;
			return this;
		}

		ContentBuilder actionField(ActionField actionField) {
			this.actionField = actionField;
			return this;
		}

		ContentBuilder targetGroups(List<TargetGroup> targetGroups) {
			this.targetGroups = targetGroups;
			return this;
		}

		ContentBuilder expectedParticipants(Integer expectedParticipants) {
			this.expectedParticipants = expectedParticipants;
			return this;
		}

		ContentBuilder startDate(LocalDate startDate) {
			this.startDate = startDate;
			return this;
		}

		ContentBuilder endDate(LocalDate endDate) {
			this.endDate = endDate;
			return this;
		}

		ContentBuilder applicant(Applicant applicant) {
			this.applicant = applicant;
			return this;
		}

		ContentBuilder costs(List<CostItem> costs) {
			this.costs = costs;
			return this;
		}

		ContentBuilder income(List<IncomeItem> income) {
			this.income = income;
			return this;
		}

		ContentBuilder requestedAmount(Money requestedAmount) {
			this.requestedAmount = requestedAmount;
			return this;
		}

		ApplicationContent build() {
			return new ApplicationContent(this.title, this.summary, this.description, this.actionField,
					this.targetGroups, this.expectedParticipants, this.startDate, this.endDate, this.applicant,
					this.costs, this.income, this.requestedAmount);
		}

	}

}
