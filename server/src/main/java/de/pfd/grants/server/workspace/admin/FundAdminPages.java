package de.pfd.grants.server.workspace.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.fund.BudgetAdjustmentRequest;
import de.pfd.grants.server.fund.CallRoundRequest;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.fund.OpenFundRequest;
import de.pfd.grants.server.fund.WaitlistPolicyRequest;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.fund.FundType;
import de.pfd.grants.shared.fund.WaitlistPolicy;
import de.pfd.grants.shared.fund.WaitlistPolicySetting;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The funds of the partnership (staff): open one, adjust its budget with a reason, add
 * call rounds, set the waiting-list policy, close it after a confirmation that says what
 * lapses. The same use cases as {@code /api/funds}, the input checked by the API's
 * request records; a refusal shows the page again (422) with the problem at its field.
 */
@Controller
@Hidden
class FundAdminPages {

	private static final String LIST = "verwaltung/fonds";

	private static final String DETAIL = "verwaltung/fonds-detail";

	private static final Map<String, String> OPEN_FIELDS = Map.of("type", "type", "year", "year", "budget", "budget",
			"perProjectCap", "perProjectCap", "fastTrackLimit", "fastTrackLimit", "spendWithinWeeks",
			"spendWithinWeeks", "proofOfUseDueWeeks", "proofOfUseDueWeeks", "receiptToleranceDays",
			"receiptToleranceDays");

	private static final Map<String, String> ADJUST_FIELDS = Map.of("amount", "adjust-amount", "reason",
			"adjust-reason", "change", "adjust-amount");

	private static final Map<String, String> ROUND_FIELDS = Map.of("name", "round-name", "submissionDeadline",
			"round-deadline", "budgetSharePercent", "round-share");

	private static final Map<String, String> POLICY_FIELDS = Map.of("policy", "policy");

	/** The open-fund form as typed. */
	record OpenFundForm(String type, String year, String budget, String perProjectCap, String fastTrackLimit,
			String spendWithinWeeks, String proofOfUseDueWeeks, String receiptToleranceDays) {

		static final OpenFundForm EMPTY = new OpenFundForm(null, null, null, null, null, null, null, null);

	}

	/** The forms of a fund's page as typed. */
	record FundForms(String amount, String reason, String roundName, String roundDeadline, String roundShare,
			String policy) {

		static final FundForms EMPTY = new FundForms(null, null, null, null, null, null);

	}

	private final FundUseCases funds;

	private final AdminForms forms;

	FundAdminPages(FundUseCases funds, AdminForms forms) {
		this.funds = funds;
		this.forms = forms;
	}

	@GetMapping("/verwaltung/fonds")
	String list(@AuthenticationPrincipal GrantsUser user, Model model) {
		AdminForms.none(model);
		return list(user, OpenFundForm.EMPTY, model);
	}

	@PostMapping("/verwaltung/fonds")
	String open(@AuthenticationPrincipal GrantsUser user, @ModelAttribute("open") OpenFundForm form, Model model,
			HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		FundType type = form.type() == null ? null
				: List.of(FundType.values())
					.stream()
					.filter(t -> t.name().equals(form.type()))
					.findFirst()
					.orElse(null);
		Integer year = this.forms.number(problems, "year", form.year());
		BigDecimal budget = this.forms.money(problems, "budget", form.budget(), false);
		BigDecimal cap = this.forms.money(problems, "perProjectCap", form.perProjectCap(), false);
		BigDecimal fastTrack = this.forms.money(problems, "fastTrackLimit", form.fastTrackLimit(), false);
		Integer spend = this.forms.number(problems, "spendWithinWeeks", form.spendWithinWeeks());
		Integer proof = this.forms.number(problems, "proofOfUseDueWeeks", form.proofOfUseDueWeeks());
		Integer tolerance = this.forms.number(problems, "receiptToleranceDays", form.receiptToleranceDays());
		OpenFundRequest request = new OpenFundRequest(null, type, year, budget, cap, fastTrack, spend, proof,
				tolerance);
		this.forms.validate(problems, request, OPEN_FIELDS, "type");
		if (problems.isEmpty()) {
			try {
				FundBudget opened = this.funds.open(user, null, type, year, Money.of(budget), money(cap),
						money(fastTrack), spend, proof, tolerance);
				return "redirect:/verwaltung/fonds/" + opened.id().value() + "?eroeffnet";
			}
			catch (ApiException refused) {
				if (refused.code() == ErrorCode.FUND_ALREADY_EXISTS) {
					problems.add("year", this.forms.text("admin.fund.exists", this.forms.text("fund." + type),
							String.valueOf(year)));
				}
				else {
					this.forms.refused(problems, refused, OPEN_FIELDS, "type");
				}
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, OPEN_FIELDS, "type");
			}
		}
		this.forms.show(problems, model, response);
		return list(user, form, model);
	}

	@GetMapping("/verwaltung/fonds/{id}")
	String fund(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		AdminForms.none(model);
		return fund(user, id, FundForms.EMPTY, model);
	}

	@PostMapping("/verwaltung/fonds/{id}/budget")
	String adjust(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String reason,
			@RequestParam(name = "schluessel", required = false) String idempotencyKey, Model model,
			HttpServletResponse response) {
		FundBudget fund = this.funds.fund(user, id, null);
		AdminForms.Problems problems = this.forms.problems();
		BigDecimal change = this.forms.money(problems, "adjust-amount", amount, true);
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		this.forms.validate(problems, new BudgetAdjustmentRequest(change, why), ADJUST_FIELDS, "adjust-amount");
		if (problems.isEmpty()) {
			try {
				this.funds.adjustBudget(user, fund.id().value(), Money.of(change), why, idempotencyKey);
				return "redirect:/verwaltung/fonds/" + fund.id().value() + "?angepasst#budget";
			}
			catch (CommandExecutionException refused) {
				if (code(refused) == ErrorCode.BUDGET_BELOW_RESERVED) {
					problems.add("adjust-amount", this.forms.text("admin.fund.belowReserved",
							de.pfd.grants.server.portal.GermanMoney.format(fund.reserved())));
				}
				else {
					this.forms.refused(problems, refused, ADJUST_FIELDS, "adjust-amount");
				}
			}
			catch (ApiException refused) {
				this.forms.refused(problems, refused, ADJUST_FIELDS, "adjust-amount");
			}
		}
		this.forms.show(problems, model, response);
		return fund(user, id, new FundForms(amount, reason, null, null, null, null), model);
	}

	@PostMapping("/verwaltung/fonds/{id}/runden")
	String addRound(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String name, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) String share, Model model, HttpServletResponse response) {
		FundBudget fund = this.funds.fund(user, id, null);
		AdminForms.Problems problems = this.forms.problems();
		LocalDate day = this.forms.day(problems, "round-deadline", deadline);
		Integer percent = this.forms.number(problems, "round-share", share);
		String roundName = name == null || name.isBlank() ? null : name.strip();
		this.forms.validate(problems, new CallRoundRequest(roundName, day, percent), ROUND_FIELDS, "round-name");
		if (problems.isEmpty()) {
			try {
				this.funds.addRound(user, fund.id().value(), roundName, day, percent);
				return "redirect:/verwaltung/fonds/" + fund.id().value() + "?runde#runden";
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, ROUND_FIELDS, "round-name");
			}
		}
		this.forms.show(problems, model, response);
		return fund(user, id, new FundForms(null, null, name, deadline, share, null), model);
	}

	@PostMapping("/verwaltung/fonds/{id}/warteliste")
	String setPolicy(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String policy, Model model, HttpServletResponse response) {
		FundBudget fund = this.funds.fund(user, id, null);
		AdminForms.Problems problems = this.forms.problems();
		WaitlistPolicy chosen = policy == null ? null
				: List.of(WaitlistPolicy.values())
					.stream()
					.filter(p -> p.name().equals(policy))
					.findFirst()
					.orElse(null);
		this.forms.validate(problems, new WaitlistPolicyRequest(chosen), POLICY_FIELDS, "policy");
		if (problems.isEmpty()) {
			try {
				this.funds.setWaitlistPolicy(user, fund.id().value(), chosen);
				return "redirect:/verwaltung/fonds/" + fund.id().value() + "?warteliste#warteliste";
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, POLICY_FIELDS, "policy");
			}
		}
		this.forms.show(problems, model, response);
		return fund(user, id, new FundForms(null, null, null, null, null, policy), model);
	}

	/** The confirmation: what lapses, and that nothing more can be reserved. */
	@GetMapping("/verwaltung/fonds/{id}/abschluss")
	String confirmClose(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		AdminForms.none(model);
		model.addAttribute("fund", this.funds.fund(user, id, null));
		return "verwaltung/fonds-abschluss";
	}

	@PostMapping("/verwaltung/fonds/{id}/abschluss")
	String close(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		FundBudget fund = this.funds.fund(user, id, null);
		AdminForms.Problems problems = this.forms.problems();
		try {
			this.funds.close(user, fund.id().value());
			return "redirect:/verwaltung/fonds/" + fund.id().value() + "?abgeschlossen";
		}
		catch (CommandExecutionException refused) {
			this.forms.refused(problems, refused, Map.of(), "abschliessen");
		}
		this.forms.show(problems, model, response);
		model.addAttribute("fund", this.funds.fund(user, id, null));
		return "verwaltung/fonds-abschluss";
	}

	private String list(GrantsUser user, OpenFundForm form, Model model) {
		model.addAttribute("funds",
				this.funds.funds(user)
					.stream()
					.sorted(Comparator.comparingInt(FundBudget::year).reversed().thenComparing(FundBudget::type))
					.toList());
		model.addAttribute("open", form);
		model.addAttribute("fundTypes", FundType.values());
		return LIST;
	}

	private String fund(GrantsUser user, String id, FundForms form, Model model) {
		FundBudget fund = this.funds.fund(user, id, null);
		List<WaitlistPolicySetting> policies = this.funds.waitlistPolicy(user, fund.id().value());
		WaitlistPolicy current = policies.isEmpty() ? WaitlistPolicy.DEFAULT
				: policies.get(policies.size() - 1).policy();
		model.addAttribute("fund", fund);
		model.addAttribute("rounds", this.funds.rounds(user, fund.id().value()));
		model.addAttribute("policies", policies);
		model.addAttribute("currentPolicy", current);
		model.addAttribute("policyChoice", form.policy() == null ? current.name() : form.policy());
		model.addAttribute("waitlistPolicies", WaitlistPolicy.values());
		model.addAttribute("form", form);
		// a double click adjusts once
		model.addAttribute("adjustKey", UUID.randomUUID().toString());
		return DETAIL;
	}

	private static ErrorCode code(CommandExecutionException refused) {
		return refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.map(RuleViolation::code)
			.orElse(null);
	}

	private static Money money(BigDecimal amount) {
		return amount == null ? null : Money.of(amount);
	}

}
