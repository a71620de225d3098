package de.pfd.grants.command.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import de.pfd.grants.command.fund.Funds;
import de.pfd.grants.shared.application.Applicant;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.CostItem;
import de.pfd.grants.shared.application.IncomeItem;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.error.RuleViolation.FieldViolation;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.money.Money;

class ApplicationRulesTest {

	private static Money euros(String amount) {
		return Money.euros(amount);
	}

	private static ContentBuilder content() {
		return Applications.content();
	}

	private static List<String> fields(List<FieldViolation> violations) {
		return violations.stream().map(FieldViolation::field).toList();
	}

	private static List<String> fields(Optional<FieldViolation> violation) {
		return violation.stream().map(FieldViolation::field).toList();
	}

	private static ApplicationContent period(LocalDate start, LocalDate end) {
		return content().startDate(start).endDate(end).build();
	}

	// required fields

	@Test
	void a_complete_application_lacks_nothing() {
		assertThat(ApplicationRules.requiredFields(Applications.completeContent())).isEmpty();
	}

	@Test
	void an_empty_application_lacks_every_required_field_in_form_order() {
		assertThat(fields(ApplicationRules.requiredFields(Applications.emptyContent()))).containsExactly("title",
				"summary", "actionField", "startDate", "endDate", "requestedAmount", "applicant", "costs");
	}

	@Test
	void each_missing_field_is_reported_as_required() {
		assertThat(ApplicationRules.requiredFields(content().summary(null).build()))
			.containsExactly(new FieldViolation("summary", ApplicationRules.REQUIRED));
	}

	@Test
	void blank_texts_count_as_missing() {
		ApplicationContent blank = content().title("")
			.summary(" \t ")
			.applicant(new Applicant("  ", LegalForm.REGISTERED_ASSOCIATION, "\n", "", " ", null))
			.build();
		assertThat(fields(ApplicationRules.requiredFields(blank))).containsExactly("title", "summary",
				"applicant.organisation", "applicant.contactName", "applicant.email", "applicant.address");
	}

	@Test
	void an_applicant_with_nothing_filled_in_lacks_each_of_its_required_fields() {
		ApplicationContent content = content().applicant(new Applicant(null, null, null, null, null, null)).build();
		assertThat(fields(ApplicationRules.requiredFields(content))).containsExactly("applicant.organisation",
				"applicant.legalForm", "applicant.contactName", "applicant.email", "applicant.address");
	}

	@Test
	void an_application_without_cost_items_lacks_costs() {
		assertThat(fields(ApplicationRules.requiredFields(content().costs(List.of()).build())))
			.containsExactly("costs");
		assertThat(fields(ApplicationRules.requiredFields(content().costs(null).build()))).containsExactly("costs");
	}

	@Test
	void description_target_groups_participants_income_and_youth_confirmation_are_optional() {
		ApplicationContent content = content().description(null)
			.targetGroups(null)
			.expectedParticipants(null)
			.income(null)
			.applicant(Applications.applicant(LegalForm.REGISTERED_ASSOCIATION, null))
			.build();
		assertThat(ApplicationRules.requiredFields(content)).isEmpty();
	}

	// period within the fund year

	@Test
	void a_period_inside_the_fund_year_is_fine() {
		assertThat(ApplicationRules.periodWithinFundYear(Applications.completeContent(), 2019)).isEmpty();
	}

	@Test
	void a_period_from_1_january_to_31_december_is_fine() {
		assertThat(ApplicationRules.periodWithinFundYear(period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)),
				2019))
			.isEmpty();
	}

	@Test
	void a_project_of_one_day_is_fine() {
		assertThat(
				ApplicationRules.periodWithinFundYear(period(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 1)), 2019))
			.isEmpty();
	}

	@Test
	void ending_on_1_january_of_the_next_year_is_refused_for_the_end_date() {
		List<FieldViolation> problems = ApplicationRules
			.periodWithinFundYear(period(LocalDate.of(2019, 5, 1), LocalDate.of(2020, 1, 1)), 2019);
		assertThat(fields(problems)).containsExactly("endDate");
		assertThat(problems.get(0).message()).contains("2019").contains("31 December");
	}

	@Test
	void starting_on_31_december_of_the_year_before_is_refused_for_the_start_date() {
		assertThat(fields(ApplicationRules
			.periodWithinFundYear(period(LocalDate.of(2018, 12, 31), LocalDate.of(2019, 9, 30)), 2019)))
			.containsExactly("startDate");
	}

	@Test
	void a_period_wholly_in_the_next_year_is_refused_for_both_dates() {
		assertThat(fields(ApplicationRules
			.periodWithinFundYear(period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 1)), 2019)))
			.containsExactly("startDate", "endDate");
	}

	@Test
	void an_end_before_the_start_is_refused_for_the_end_date() {
		List<FieldViolation> problems = ApplicationRules
			.periodWithinFundYear(period(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 5, 1)), 2019);
		assertThat(problems).containsExactly(
				new FieldViolation("endDate", "darf nicht vor dem Beginn liegen / must not be before the start date"));
	}

	@Test
	void missing_dates_are_not_this_rules_concern() {
		assertThat(ApplicationRules.periodWithinFundYear(period(null, null), 2019)).isEmpty();
		assertThat(ApplicationRules.periodWithinFundYear(period(LocalDate.of(2019, 5, 1), null), 2019)).isEmpty();
		assertThat(ApplicationRules.periodWithinFundYear(period(null, LocalDate.of(2019, 9, 30)), 2019)).isEmpty();
	}

	@Test
	void a_single_date_outside_the_year_is_refused_even_without_the_other() {
		assertThat(fields(ApplicationRules.periodWithinFundYear(period(LocalDate.of(2018, 5, 1), null), 2019)))
			.containsExactly("startDate");
		assertThat(fields(ApplicationRules.periodWithinFundYear(period(null, LocalDate.of(2020, 5, 1)), 2019)))
			.containsExactly("endDate");
	}

	// cost plan adds up

	@Test
	void costs_minus_income_equal_to_the_request_add_up() {
		assertThat(ApplicationRules.costPlanAddsUp(Applications.completeContent())).isEmpty();
	}

	@Test
	void a_request_one_cent_above_costs_minus_income_does_not_add_up() {
		Optional<FieldViolation> problem = ApplicationRules
			.costPlanAddsUp(content().requestedAmount(euros("1000.01")).build());
		assertThat(fields(problem)).containsExactly("requestedAmount");
		assertThat(problem.get().message())
			.endsWith("/ must equal total costs 1200.00 EUR minus income 200.00 EUR = 1000.00 EUR")
			.startsWith("muss Gesamtkosten minus Einnahmen sein");
	}

	@Test
	void a_request_one_cent_below_costs_minus_income_does_not_add_up() {
		assertThat(fields(ApplicationRules.costPlanAddsUp(content().requestedAmount(euros("999.99")).build())))
			.containsExactly("requestedAmount");
	}

	@Test
	void several_cost_items_and_income_items_add_up_to_the_cent() {
		ContentBuilder content = content()
			.costs(List.of(new CostItem(CostCategory.FEES, "Honorare", euros("1000.10")),
					new CostItem(CostCategory.RENT, "Raummiete", euros("250.45")),
					new CostItem(CostCategory.MATERIAL, "Material", euros("99.99"))))
			.income(List.of(new IncomeItem(IncomeSource.OWN_FUNDS, "Eigenmittel", euros("100.05")),
					new IncomeItem(IncomeSource.PARTICIPANT_FEES, "Teilnahmebeiträge", euros("250.49"))));
		// 1,350.54 - 350.54 = 1,000.00
		assertThat(ApplicationRules.costPlanAddsUp(content.requestedAmount(euros("1000.00")).build())).isEmpty();
		assertThat(fields(ApplicationRules.costPlanAddsUp(content.requestedAmount(euros("1000.01")).build())))
			.containsExactly("requestedAmount");
		assertThat(fields(ApplicationRules.costPlanAddsUp(content.requestedAmount(euros("999.99")).build())))
			.containsExactly("requestedAmount");
	}

	@Test
	void without_income_the_request_is_the_total_costs() {
		ContentBuilder content = content().income(List.of());
		assertThat(ApplicationRules.costPlanAddsUp(content.requestedAmount(euros("1200.00")).build())).isEmpty();
		assertThat(fields(ApplicationRules.costPlanAddsUp(content.requestedAmount(euros("1000.00")).build())))
			.containsExactly("requestedAmount");
	}

	@Test
	void a_missing_request_or_missing_costs_are_left_to_the_required_fields() {
		assertThat(ApplicationRules.costPlanAddsUp(content().requestedAmount(null).build())).isEmpty();
		assertThat(ApplicationRules.costPlanAddsUp(content().costs(List.of()).build())).isEmpty();
	}

	// requested within the cap

	@Test
	void a_request_below_the_cap_is_fine() {
		assertThat(ApplicationRules.requestedWithinCap(Applications.completeContent(), euros("5000.00"))).isEmpty();
	}

	@Test
	void a_request_of_exactly_the_cap_is_fine() {
		assertThat(ApplicationRules.requestedWithinCap(content().requestedAmount(euros("5000.00")).build(),
				euros("5000.00")))
			.isEmpty();
	}

	@Test
	void a_request_one_cent_above_the_cap_is_refused() {
		Optional<FieldViolation> problem = ApplicationRules
			.requestedWithinCap(content().requestedAmount(euros("2500.01")).build(), euros("2500.00"));
		assertThat(fields(problem)).containsExactly("requestedAmount");
		assertThat(problem.get().message()).isEqualTo(
				"übersteigt die Höchstgrenze je Projekt von 2500.00 EUR / exceeds the fund's per-project cap of 2500.00 EUR");
	}

	@Test
	void a_request_of_zero_is_refused_as_not_positive() {
		assertThat(ApplicationRules.requestedWithinCap(content().requestedAmount(Money.ZERO).build(), euros("5000")))
			.contains(new FieldViolation("requestedAmount", "muss größer als 0 sein / must be positive"));
	}

	@Test
	void a_negative_request_is_refused_as_not_positive() {
		assertThat(
				ApplicationRules.requestedWithinCap(content().requestedAmount(euros("-0.01")).build(), euros("5000")))
			.contains(new FieldViolation("requestedAmount", "muss größer als 0 sein / must be positive"));
	}

	@Test
	void a_request_of_one_cent_is_fine() {
		assertThat(ApplicationRules.requestedWithinCap(content().requestedAmount(euros("0.01")).build(), euros("5000")))
			.isEmpty();
	}

	@Test
	void without_a_cap_any_positive_request_is_fine_but_zero_is_not() {
		assertThat(ApplicationRules.requestedWithinCap(content().requestedAmount(euros("100000")).build(), null))
			.isEmpty();
		assertThat(fields(ApplicationRules.requestedWithinCap(content().requestedAmount(Money.ZERO).build(), null)))
			.containsExactly("requestedAmount");
	}

	@Test
	void a_missing_request_is_left_to_the_required_fields() {
		assertThat(ApplicationRules.requestedWithinCap(content().requestedAmount(null).build(), euros("5000")))
			.isEmpty();
	}

	// youth fund applicant is young

	@Test
	void the_action_fund_does_not_ask_for_the_youth_confirmation() {
		assertThat(ApplicationRules.youthFundApplicantIsYoung(Applications.completeContent(), FundType.ACTION_FUND))
			.isEmpty();
		assertThat(ApplicationRules.youthFundApplicantIsYoung(content().applicant(null).build(), FundType.ACTION_FUND))
			.isEmpty();
	}

	@Test
	void the_youth_fund_refuses_an_applicant_without_the_youth_confirmation() {
		assertThat(
				fields(ApplicationRules.youthFundApplicantIsYoung(Applications.completeContent(), FundType.YOUTH_FUND)))
			.containsExactly("applicant.youthConfirmed");
	}

	@Test
	void the_youth_fund_refuses_an_applicant_who_denies_being_young() {
		ApplicationContent content = content()
			.applicant(Applications.applicant(LegalForm.REGISTERED_ASSOCIATION, false))
			.build();
		assertThat(fields(ApplicationRules.youthFundApplicantIsYoung(content, FundType.YOUTH_FUND)))
			.containsExactly("applicant.youthConfirmed");
	}

	@Test
	void the_youth_fund_refuses_an_application_without_an_applicant() {
		assertThat(fields(
				ApplicationRules.youthFundApplicantIsYoung(content().applicant(null).build(), FundType.YOUTH_FUND)))
			.containsExactly("applicant.youthConfirmed");
	}

	@Test
	void the_youth_fund_accepts_an_applicant_who_confirms_being_young() {
		ApplicationContent content = content().applicant(Applications.applicant(LegalForm.PRIVATE_PERSON, true))
			.build();
		assertThat(ApplicationRules.youthFundApplicantIsYoung(content, FundType.YOUTH_FUND)).isEmpty();
	}

	@Test
	void the_youth_fund_accepts_an_informal_youth_group_without_the_confirmation() {
		ApplicationContent content = content().applicant(Applications.applicant(LegalForm.INFORMAL_YOUTH_GROUP, null))
			.build();
		assertThat(ApplicationRules.youthFundApplicantIsYoung(content, FundType.YOUTH_FUND)).isEmpty();
	}

	// draft problems vs submission problems

	@Test
	void a_complete_application_has_neither_draft_nor_submission_problems() {
		assertThat(ApplicationRules.draftProblems(Applications.completeContent(), Funds.actionFundTerms())).isEmpty();
		assertThat(ApplicationRules.submissionProblems(Applications.completeContent(), Funds.actionFundTerms()))
			.isEmpty();
	}

	@Test
	void missing_fields_are_a_submission_problem_only() {
		assertThat(ApplicationRules.draftProblems(Applications.emptyContent(), Funds.actionFundTerms())).isEmpty();
		assertThat(fields(ApplicationRules.submissionProblems(Applications.emptyContent(), Funds.actionFundTerms())))
			.containsExactly("title", "summary", "actionField", "startDate", "endDate", "requestedAmount", "applicant",
					"costs");
	}

	@Test
	void a_cost_plan_that_does_not_add_up_is_a_submission_problem_only() {
		ApplicationContent content = content().requestedAmount(euros("1100.00")).build();
		assertThat(ApplicationRules.draftProblems(content, Funds.actionFundTerms())).isEmpty();
		assertThat(fields(ApplicationRules.submissionProblems(content, Funds.actionFundTerms())))
			.containsExactly("requestedAmount");
	}

	@Test
	void a_missing_youth_confirmation_is_a_submission_problem_only() {
		assertThat(ApplicationRules.draftProblems(Applications.completeContent(), Funds.youthFundTerms())).isEmpty();
		assertThat(fields(ApplicationRules.submissionProblems(Applications.completeContent(), Funds.youthFundTerms())))
			.containsExactly("applicant.youthConfirmed");
	}

	@Test
	void a_period_outside_the_fund_year_is_a_draft_and_a_submission_problem() {
		ApplicationContent content = content().endDate(LocalDate.of(2020, 1, 1)).build();
		assertThat(fields(ApplicationRules.draftProblems(content, Funds.actionFundTerms()))).containsExactly("endDate");
		assertThat(fields(ApplicationRules.submissionProblems(content, Funds.actionFundTerms())))
			.containsExactly("endDate");
	}

	@Test
	void a_request_above_the_cap_is_a_draft_and_a_submission_problem() {
		// adds up, but above the youth fund's cap of 2,500
		ApplicationContent content = content()
			.costs(List.of(new CostItem(CostCategory.FEES, "Honorare", euros("2700.01"))))
			.requestedAmount(euros("2500.01"))
			.applicant(Applications.applicant(LegalForm.INFORMAL_YOUTH_GROUP, null))
			.build();
		assertThat(fields(ApplicationRules.draftProblems(content, Funds.youthFundTerms())))
			.containsExactly("requestedAmount");
		assertThat(fields(ApplicationRules.submissionProblems(content, Funds.youthFundTerms())))
			.containsExactly("requestedAmount");
		assertThat(ApplicationRules.submissionProblems(content, Funds.actionFundTerms())).isEmpty();
	}

	@Test
	void submission_problems_list_missing_fields_then_draft_problems_then_cost_plan_then_youth() {
		ApplicationContent content = content().title(null)
			.endDate(LocalDate.of(2020, 1, 1))
			.requestedAmount(euros("999.00"))
			.build();
		assertThat(fields(ApplicationRules.submissionProblems(content, Funds.youthFundTerms())))
			.containsExactly("title", "endDate", "requestedAmount", "applicant.youthConfirmed");
	}

}
