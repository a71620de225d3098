package de.pfd.grants.server.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundStatus;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application form in the browser: a new draft, changes to a draft (or to an
 * application returned for revision), and the submission. Every save goes through the
 * same use cases as the API; a refusal shows the form again (HTTP 422) with every problem
 * in a summary on top and at its field, the values as typed, and nothing saved.
 */
@Controller
@Hidden
class ApplicationFormPages {

	private static final String FORM = "antraege/formular";

	private final ApplicationUseCases applications;

	private final FundUseCases funds;

	private final PortalModel portal;

	private final MessageSource messages;

	ApplicationFormPages(ApplicationUseCases applications, FundUseCases funds, PortalModel portal,
			MessageSource messages) {
		this.applications = applications;
		this.funds = funds;
		this.portal = portal;
		this.messages = messages;
	}

	@GetMapping("/antraege/neu")
	@PreAuthorize("hasRole('APPLICANT')")
	String newForm(@AuthenticationPrincipal GrantsUser user, Model model) {
		ApplicationForm form = new ApplicationForm();
		form.padRows(0, 0);
		return form(user, null, form, Map.of(), model);
	}

	@PostMapping("/antraege/neu")
	@PreAuthorize("hasRole('APPLICANT')")
	String create(@AuthenticationPrincipal GrantsUser user, @ModelAttribute("form") ApplicationForm form,
			@RequestParam(required = false) String zeile, Model model, HttpServletResponse response) {
		if (zeile != null) {
			return moreRows(user, null, form, zeile, model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ApplicationContent content = form.content(errors);
		if (form.getFundId() == null || form.getFundId().isBlank()) {
			errors.put("fundId", "form.error.fund");
		}
		resolve(errors);
		if (errors.isEmpty()) {
			try {
				ApplicationDetail created = this.applications.create(user, form.getFundId(), null, content, null);
				return "redirect:/antraege/" + created.id().value() + "?gespeichert";
			}
			catch (RuntimeException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		form.padRows(0, 0);
		return form(user, null, form, errors, model);
	}

	@GetMapping("/antraege/{id}/bearbeiten")
	@PreAuthorize("hasRole('APPLICANT')")
	String editForm(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.applications.detail(user, id);
		ApplicationForm form = ApplicationForm.of(application);
		form.padRows(0, 0);
		return form(user, application, form, Map.of(), model);
	}

	@PostMapping("/antraege/{id}/bearbeiten")
	@PreAuthorize("hasRole('APPLICANT')")
	String update(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@ModelAttribute("form") ApplicationForm form, @RequestParam(required = false) String zeile, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		if (zeile != null) {
			return moreRows(user, application, form, zeile, model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ApplicationContent content = form.content(errors);
		resolve(errors);
		if (errors.isEmpty()) {
			try {
				this.applications.update(user, id, null, null, content);
				return "redirect:/antraege/" + id + "?gespeichert";
			}
			catch (RuntimeException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		form.padRows(0, 0);
		return form(user, application, form, errors, model);
	}

	/**
	 * Submits the saved draft; what the rules refuse is listed on the application page.
	 */
	@PostMapping("/antraege/{id}/einreichen")
	@PreAuthorize("hasRole('APPLICANT')")
	String submit(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		try {
			this.applications.submit(user, id);
			return "redirect:/antraege/" + id + "?eingereicht";
		}
		catch (RuntimeException refused) {
			Map<String, String> errors = problems(refused);
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			model.addAttribute("errors", errors);
			model.addAttribute("summary", summary(errors));
			return this.portal.applicationPage(user, this.applications.detail(user, id), model);
		}
	}

	/** A row more for the cost or the financing plan: nothing is saved yet. */
	private String moreRows(GrantsUser user, ApplicationDetail application, ApplicationForm form, String which,
			Model model) {
		form.padRows("kosten".equals(which) ? 1 : 0, "einnahmen".equals(which) ? 1 : 0);
		return form(user, application, form, Map.of(), model);
	}

	private String form(GrantsUser user, ApplicationDetail application, ApplicationForm form,
			Map<String, String> errors, Model model) {
		Map<String, String> none = new LinkedHashMap<>();
		ApplicationContent shown = form.content(none);
		model.addAttribute("form", form);
		model.addAttribute("app", application);
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary(errors));
		model.addAttribute("totalCosts", shown.totalCosts());
		model.addAttribute("totalIncome", shown.totalIncome());
		model.addAttribute("requested", shown.totalCosts().minus(shown.totalIncome()));
		model.addAttribute("openFunds",
				this.funds.funds(user).stream().filter(f -> f.status() == FundStatus.OPEN).toList());
		model.addAttribute("actionFields", ActionField.values());
		model.addAttribute("targetGroupValues", TargetGroup.values());
		model.addAttribute("legalForms", LegalForm.values());
		model.addAttribute("costCategories", CostCategory.values());
		model.addAttribute("incomeSources", IncomeSource.values());
		return FORM;
	}

	/**
	 * The problems of a refusal by field (as the API names them) with the German half of
	 * the message; a refusal without a field goes to the form as a whole.
	 */
	static Map<String, String> problems(RuntimeException refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refused instanceof ApiException api) {
			errors.put(api.field() == null ? "form" : api.field(), Bilingual.german(api.getMessage()));
			return errors;
		}
		if (refused instanceof CommandExecutionException command) {
			RuleViolation violation = command.getDetails()
				.filter(RuleViolation.class::isInstance)
				.map(RuleViolation.class::cast)
				.orElseThrow(() -> refused);
			if (violation.fields().isEmpty()) {
				errors.put("form", Bilingual.german(violation.message()));
			}
			violation.fields().forEach(f -> errors.putIfAbsent(f.field(), Bilingual.german(f.message())));
			return errors;
		}
		throw refused;
	}

	/**
	 * A line of the error summary: the id of the field on the form, the key of its label
	 * (a row number for the plans' rows) and the message.
	 */
	record ErrorItem(String anchor, String labelKey, int row, String message) {
	}

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern
		.compile("(costs|income)\\[(\\d+)\\]\\.(\\w+)");

	static List<ErrorItem> summary(Map<String, String> errors) {
		return errors.entrySet().stream().map(e -> {
			String field = e.getKey().startsWith("applicant.") ? e.getKey().substring("applicant.".length())
					: e.getKey();
			java.util.regex.Matcher row = ROW.matcher(field);
			if (row.matches()) {
				String part = row.group(3).equals("amount") ? "amount"
						: row.group(3).equals("description") ? "description" : "kind";
				return new ErrorItem(row.group(1) + "-" + row.group(2) + "-" + part,
						"form.field." + row.group(1) + "." + part, Integer.parseInt(row.group(2)) + 1, e.getValue());
			}
			return switch (field) {
				case "costs" -> new ErrorItem("costs-0-kind", "form.field.costs", 0, e.getValue());
				case "income" -> new ErrorItem("income-0-kind", "form.field.income", 0, e.getValue());
				case "form" -> new ErrorItem("fehler", "form.field.form", 0, e.getValue());
				default -> new ErrorItem(field, "form.field." + field, 0, e.getValue());
			};
		}).toList();
	}

	/** The form's own refusals are message keys: their text in the page's language. */
	private void resolve(Map<String, String> errors) {
		errors.replaceAll((field, key) -> this.messages.getMessage(key, null, LocaleContextHolder.getLocale()));
	}

}
