package de.pfd.grants.command.application;

import static de.pfd.grants.command.common.Refusals.refusedWith;

import java.time.LocalDate;

import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import de.pfd.grants.command.body.FixedRosters;
import de.pfd.grants.command.common.RuleViolationException;
import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.command.fund.RecordingFundLedger;
import de.pfd.grants.command.organisation.KnownOrganisations;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDraftUpdated;
import de.pfd.grants.shared.application.ApplicationDrafted;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.CreateApplicationCommand;
import de.pfd.grants.shared.application.UpdateApplicationCommand;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.money.Money;
import de.pfd.grants.shared.organisation.OrganisationId;
import de.pfd.grants.shared.partnership.PartnershipId;

/**
 * Drafting an application and changing the draft: checked against the terms of its fund
 * as the fund knows them now (the action fund 2019: cap 5,000.00; the youth fund: cap
 * 2,500.00).
 */
class DraftingTest {

	private final RecordingFundLedger funds = RecordingFundLedger.ofTheStandardFunds();

	private final FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters());

	// create

	@Test
	void creating_a_complete_draft_emits_application_drafted() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted());
	}

	@Test
	void a_draft_filed_for_an_organisation_by_id_names_it_in_the_event() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateApplicationCommand(Applications.APPLICATION, Applications.PARTNERSHIP, Applications.OWNER,
					Applications.ACTION_FUND, Applications.completeContent(), KnownOrganisations.APPLICANT))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.draftedFor(KnownOrganisations.APPLICANT));
	}

	@Test
	void a_draft_for_an_unknown_organisation_is_refused_naming_organisationId() {
		this.fixture.givenNoPriorActivity()
			.when(new CreateApplicationCommand(Applications.APPLICATION, Applications.PARTNERSHIP, Applications.OWNER,
					Applications.ACTION_FUND, Applications.completeContent(), new OrganisationId("unknown")))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "organisationId"))
			.expectNoEvents();
	}

	@Test
	void a_draft_for_another_partnerships_organisation_is_refused_as_unknown() {
		OrganisationId elsewhere = new OrganisationId("org-ratingen");
		FixtureConfiguration<Application> fixture = Applications.fixture(this.funds, new FixedRosters(),
				KnownOrganisations.standard().with(elsewhere, new PartnershipId("pfd-ratingen")));
		fixture.givenNoPriorActivity()
			.when(new CreateApplicationCommand(Applications.APPLICATION, Applications.PARTNERSHIP, Applications.OWNER,
					Applications.ACTION_FUND, Applications.completeContent(), elsewhere))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "organisationId"))
			.expectNoEvents();
	}

	@Test
	void an_empty_draft_may_be_created() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.emptyContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted(Applications.emptyContent()));
	}

	@Test
	void a_draft_that_does_not_add_up_and_lacks_fields_may_be_created() {
		ApplicationContent incomplete = Applications.content()
			.title(null)
			.applicant(null)
			.requestedAmount(Applications.euros("4999.99"))
			.build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(incomplete))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted(incomplete));
	}

	@Test
	void a_draft_in_the_youth_fund_without_the_youth_confirmation_may_be_created() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.YOUTH_FUND, Applications.completeContent()))
			.expectSuccessfulHandlerExecution()
			.expectEvents(new ApplicationDrafted(Applications.APPLICATION, Applications.PARTNERSHIP,
					Applications.YOUTH_FUND, Applications.OWNER, Applications.completeContent()));
	}

	@Test
	void creating_a_draft_in_a_closed_fund_is_refused_with_FUND_CLOSED() {
		this.funds.with(Funds.closed(Funds.actionFundTerms()));
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.completeContent()))
			.expectException(RuleViolationException.class)
			.expectException(refusedWith(ErrorCode.FUND_CLOSED))
			.expectNoEvents();
	}

	@Test
	void a_fund_of_another_partnership_is_refused_with_INVALID_INPUT_naming_the_fund() {
		this.funds.with(Funds.ofPartnership(Funds.actionFundTerms(), Funds.OTHER_PARTNERSHIP));
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "fundId"))
			.expectExceptionMessage("Unbekannter Fonds / unknown fund")
			.expectNoEvents();
	}

	@Test
	void a_draft_ending_before_it_starts_is_refused_with_INVALID_INPUT_naming_the_end_date() {
		ApplicationContent content = Applications.content()
			.startDate(LocalDate.of(2019, 9, 30))
			.endDate(LocalDate.of(2019, 9, 29))
			.build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(content))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "endDate"))
			.expectExceptionMessage(Matchers
				.containsString("endDate darf nicht vor dem Beginn liegen / must not be before the start date"))
			.expectNoEvents();
	}

	@Test
	void a_draft_starting_before_the_fund_year_is_refused_with_INVALID_INPUT_naming_the_start_date() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.content().startDate(LocalDate.of(2018, 12, 31)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "startDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_ending_after_the_fund_year_is_refused_with_INVALID_INPUT_naming_the_end_date() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.content().endDate(LocalDate.of(2020, 1, 1)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "endDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_with_only_a_start_date_outside_the_fund_year_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.emptyContentBuilder().startDate(LocalDate.of(2020, 3, 1)).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "startDate"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_exactly_the_cap_may_be_created() {
		ApplicationContent content = Applications.content().requestedAmount(Applications.euros("5000.00")).build();
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(content))
			.expectSuccessfulHandlerExecution()
			.expectEvents(Applications.drafted(content));
	}

	@Test
	void a_draft_requesting_more_than_the_cap_is_refused_with_INVALID_INPUT_naming_the_requested_amount() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.content().requestedAmount(Applications.euros("5000.01")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("per-project cap of 5000.00 EUR"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_more_than_the_youth_fund_cap_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.YOUTH_FUND,
					Applications.content().requestedAmount(Applications.euros("2500.01")).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_nothing_is_refused_with_INVALID_INPUT_naming_the_requested_amount() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.content().requestedAmount(Money.ZERO).build()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectExceptionMessage(
					Matchers.containsString("requestedAmount muss größer als 0 sein / must be positive"))
			.expectNoEvents();
	}

	@Test
	void a_draft_requesting_a_negative_amount_is_refused_with_INVALID_INPUT() {
		this.fixture.givenNoPriorActivity()
			.when(Applications.create(Applications.content().requestedAmount(Applications.euros("-1000.00")).build()))
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
			.when(Applications.create(content))
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
					Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.NOT_FOUND))
			.expectExceptionMessage("application not found")
			.expectNoEvents();
	}

	@Test
	void updating_a_submitted_application_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.drafted(), Applications.submitted(1))
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.WRONG_STATUS))
			.expectExceptionMessage(
					"Der Antrag kann in seinem jetzigen Stand nicht geändert werden / an application in status SUBMITTED cannot be changed")
			.expectNoEvents();
	}

	@Test
	void updating_an_application_ready_for_decision_is_refused_with_WRONG_STATUS() {
		this.fixture.given(Applications.readyForDecision())
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
	void an_update_is_checked_against_the_terms_of_the_fund_as_they_are_now() {
		// the cap was 5,000.00 when the draft was made
		this.funds.with(Funds.withCap(Funds.actionFundTerms(), Applications.euros("999.99")));
		this.fixture.given(Applications.drafted())
			.when(Applications.update(Applications.completeContent()))
			.expectException(refusedWith(ErrorCode.INVALID_INPUT, "requestedAmount"))
			.expectExceptionMessage(Matchers.containsString("per-project cap of 999.99 EUR"))
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

}
