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

import de.pfd.grants.server.application.ApplicationRequest;
import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.organisation.OrganisationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ActionField;
import de.pfd.grants.shared.application.ApplicationContent;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.application.Declaration;
import de.pfd.grants.shared.application.IncomeSource;
import de.pfd.grants.shared.application.LegalForm;
import de.pfd.grants.shared.application.TargetGroup;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundStatus;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

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

	private final Validator validator;

	private final OrganisationUseCases organisations;

	ApplicationFormPages(ApplicationUseCases applications, FundUseCases funds, OrganisationUseCases organisations,
			PortalModel portal, MessageSource messages, Validator validator) {
		this.validator = validator;
		this.applications = applications;
		this.organisations = organisations;
		this.funds = funds;
		this.portal = portal;
		this.messages = messages;
	}

	@GetMapping("/antraege/neu")
	@PreAuthorize("hasRole('APPLICANT')")
	String newForm(@AuthenticationPrincipal GrantsUser user, Model model) {
		return step(user, null, new ApplicationForm(), FormStep.FONDS, Map.of(), model);
	}

	/**
	 * Step 1 creates the draft (then on to step 2); a form with every field (no
	 * {@code schritt}) creates it with all of them.
	 */
	@PostMapping("/antraege/neu")
	@PreAuthorize("hasRole('APPLICANT')")
	String create(@AuthenticationPrincipal GrantsUser user, @ModelAttribute("form") ApplicationForm form,
			@RequestParam(required = false) String zeile, @RequestParam(required = false) String schritt, Model model,
			HttpServletResponse response) {
		if (zeile != null) {
			form.padRows("kosten".equals(zeile) ? 1 : 0, "einnahmen".equals(zeile) ? 1 : 0);
			return step(user, null, form, FormStep.KOSTEN, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ApplicationContent content = form.content(errors);
		if (form.getFundId() == null || form.getFundId().isBlank()) {
			errors.put("fundId", "form.error.fund");
		}
		resolve(errors);
		limits(form.getFundId(), content, errors);
		if (errors.isEmpty()) {
			try {
				ApplicationDetail created = this.applications.create(user, form.getFundId(), null, content, null);
				String id = created.id().value();
				return schritt == null ? "redirect:/antraege/" + id + "?gespeichert"
						: "redirect:/antraege/" + id + "/bearbeiten?schritt=" + FormStep.PROJEKT.getSlug();
			}
			catch (RuntimeException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return step(user, null, form, schritt == null ? firstWithError(errors) : FormStep.FONDS, errors, model);
	}

	/** A step of the form ({@code ?schritt=projekt}); without one the first. */
	@GetMapping("/antraege/{id}/bearbeiten")
	@PreAuthorize("hasRole('APPLICANT')")
	String editForm(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String schritt, Model model) {
		ApplicationDetail application = this.applications.detail(user, id);
		return step(user, application, ApplicationForm.of(application), FormStep.of(schritt).orElse(FormStep.FONDS),
				Map.of(), model);
	}

	/**
	 * Saves a step: its fields are merged into the stored draft (the other steps' fields
	 * stay), then on to the next step ({@code aktion=weiter}), back ({@code zurueck}) or
	 * the same step again. A form with every field (no {@code schritt}) replaces them
	 * all.
	 */
	@PostMapping("/antraege/{id}/bearbeiten")
	@PreAuthorize("hasRole('APPLICANT')")
	String update(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@ModelAttribute("form") ApplicationForm posted, @RequestParam(required = false) String zeile,
			@RequestParam(required = false) String schritt, @RequestParam(required = false) String aktion, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		FormStep step = FormStep.of(schritt).orElse(null);
		ApplicationForm form = posted;
		if (step != null) {
			form = ApplicationForm.of(application);
			form.take(step, posted);
		}
		if (zeile != null) {
			form.padRows("kosten".equals(zeile) ? 1 : 0, "einnahmen".equals(zeile) ? 1 : 0);
			return step(user, application, form, FormStep.KOSTEN, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		ApplicationContent content = form.content(errors);
		if (step == FormStep.ERKLAERUNGEN && "weiter".equals(aktion) && !form.declaresAll()) {
			errors.put("declarations", "form.error.declarations");
		}
		resolve(errors);
		limits(application.fundId().value(), content, errors);
		if (errors.isEmpty()) {
			try {
				if (step == null || (step != FormStep.FONDS && step != FormStep.PRUEFEN)) {
					this.applications.update(user, id, null, null, content);
				}
				if (step == null) {
					return "redirect:/antraege/" + id + "?gespeichert";
				}
				FormStep target = "weiter".equals(aktion) ? step.next()
						: "zurueck".equals(aktion) ? step.previous() : step;
				return "redirect:/antraege/" + id + "/bearbeiten?schritt=" + target.getSlug()
						+ (target == step ? "&gespeichert" + ("summen".equals(aktion) ? "#summen" : "") : "");
			}
			catch (RuntimeException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return step(user, application, form, step == null ? firstWithError(errors) : step, errors, model);
	}

	/**
	 * The sums of the cost and financing plan as typed (htmx, on the plan step): computed
	 * by the application's own rules, nothing saved.
	 */
	@PostMapping("/antraege/{id}/summen")
	@PreAuthorize("hasRole('APPLICANT')")
	String sums(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@ModelAttribute("form") ApplicationForm posted, Model model) {
		this.applications.detail(user, id);
		sums(posted, model);
		return FORM + " :: summen";
	}

	/**
	 * Submits the saved draft; what the rules refuse is listed on the review page, each
	 * problem linked to its step and field. The web form asks for every declaration.
	 */
	@PostMapping("/antraege/{id}/einreichen")
	@PreAuthorize("hasRole('APPLICANT')")
	String submit(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		ApplicationForm form = ApplicationForm.of(application);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!form.declaresAll()) {
			errors.put("declarations", "form.error.declarations");
			resolve(errors);
		}
		else {
			try {
				this.applications.submit(user, id);
				return "redirect:/antraege/" + id + "?eingereicht";
			}
			catch (RuntimeException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return step(user, application, form, FormStep.PRUEFEN, errors, model);
	}

	private static FormStep firstWithError(Map<String, String> errors) {
		return errors.keySet().stream().map(FormStep::asking).min(Enum::compareTo).orElse(FormStep.FONDS);
	}

	private String step(GrantsUser user, ApplicationDetail application, ApplicationForm form, FormStep shownStep,
			Map<String, String> errors, Model model) {
		// a draft not yet saved has nothing to review
		FormStep step = (application == null && shownStep == FormStep.PRUEFEN) ? FormStep.FONDS : shownStep;
		if (step == FormStep.KOSTEN) {
			form.padRows(0, 0);
		}
		model.addAttribute("form", form);
		model.addAttribute("app", application);
		model.addAttribute("step", step);
		model.addAttribute("steps", FormStep.values());
		model.addAttribute("stepCount", FormStep.count());
		model.addAttribute("errors", errors);
		String page = application == null ? null : "/antraege/" + application.id().value() + "/bearbeiten";
		model.addAttribute("summary", summary(errors, page));
		sums(form, model);
		model.addAttribute("newOrganisation",
				application == null && this.organisations.list(user).isEmpty() ? Boolean.TRUE : Boolean.FALSE);
		model.addAttribute("openFunds",
				this.funds.funds(user).stream().filter(f -> f.status() == FundStatus.OPEN).toList());
		if (application != null) {
			model.addAttribute("fund", this.portal.fundsById(user).get(application.fundId().value()));
		}
		model.addAttribute("actionFields", ActionField.values());
		model.addAttribute("targetGroupValues", TargetGroup.values());
		model.addAttribute("legalForms", LegalForm.values());
		model.addAttribute("costCategories", CostCategory.values());
		model.addAttribute("incomeSources", IncomeSource.values());
		model.addAttribute("declarationValues", Declaration.values());
		model.addAttribute("offerThreshold", OFFERS_FROM);
		return FORM;
	}

	/** From this amount on, a cost item needs three written offers. */
	static final Money OFFERS_FROM = Money.euros("1000.00");

	private static void sums(ApplicationForm form, Model model) {
		ApplicationContent shown = form.content(new LinkedHashMap<>());
		model.addAttribute("totalCosts", shown.totalCosts());
		model.addAttribute("totalIncome", shown.totalIncome());
		model.addAttribute("requested", shown.totalCosts().minus(shown.totalIncome()));
		model.addAttribute("coFinancing", shown.coFinancingPercent());
	}

	/**
	 * The problems of a refusal by field (as the API names them) with the German half of
	 * the message; a refusal without a field goes to the form as a whole.
	 */
	static Map<String, String> problems(RuntimeException refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refused instanceof ApiException api) {
			errors.put(api.field() == null ? "form" : api.field(), Bilingual.local(api.getMessage()));
			return errors;
		}
		if (refused instanceof CommandExecutionException command) {
			RuleViolation violation = command.getDetails()
				.filter(RuleViolation.class::isInstance)
				.map(RuleViolation.class::cast)
				.orElseThrow(() -> refused);
			if (violation.fields().isEmpty()) {
				errors.put("form", Bilingual.local(violation.message()));
			}
			violation.fields().forEach(f -> errors.putIfAbsent(f.field(), Bilingual.local(f.message())));
			return errors;
		}
		throw refused;
	}

	/**
	 * A line of the error summary: the id of the field on the form, the key of its label
	 * (a row number for the plans' rows) and the message.
	 */
	record ErrorItem(String anchor, String labelKey, int row, String message, String href) {

		ErrorItem(String anchor, String labelKey, int row, String message, FormStep step, String page) {
			this(anchor, labelKey, row, message,
					page == null ? "#" + anchor : page + "?schritt=" + step.getSlug() + "#" + anchor);
		}

	}

	private static final java.util.regex.Pattern ROW = java.util.regex.Pattern
		.compile("(costs|income)\\[(\\d+)\\]\\.(\\w+)");

	static List<ErrorItem> summary(Map<String, String> errors, String page) {
		return errors.entrySet().stream().map(e -> {
			FormStep step = FormStep.asking(e.getKey());
			String field = e.getKey().startsWith("applicant.") ? e.getKey().substring("applicant.".length())
					: e.getKey();
			java.util.regex.Matcher row = ROW.matcher(field);
			if (row.matches()) {
				String part = row.group(3).equals("amount") ? "amount"
						: row.group(3).equals("description") ? "description" : "kind";
				return new ErrorItem(row.group(1) + "-" + row.group(2) + "-" + part,
						"form.field." + row.group(1) + "." + part, Integer.parseInt(row.group(2)) + 1, e.getValue(),
						step, page);
			}
			return switch (field) {
				case "costs" -> new ErrorItem("costs-0-kind", "form.field.costs", 0, e.getValue(), step, page);
				case "income" -> new ErrorItem("income-0-kind", "form.field.income", 0, e.getValue(), step, page);
				case "form" -> new ErrorItem("fehler", "form.field.form", 0, e.getValue(), step, page);
				case "declarations" ->
					new ErrorItem("declarations", "form.field.declarations", 0, e.getValue(), step, page);
				default -> new ErrorItem(field, "form.field." + field, 0, e.getValue(), step, page);
			};
		}).toList();
	}

	/**
	 * The API's limits (lengths, numbers of rows and participants): the draft is checked
	 * as the request it would be sent as, so the form lets through nothing the API
	 * refuses. Only when the form itself found nothing.
	 */
	private void limits(String fundId, ApplicationContent content, Map<String, String> errors) {
		if (errors.isEmpty()) {
			this.validator.validate(ApplicationRequest.of(fundId, content))
				.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
		}
	}

	/** The form's own refusals are message keys: their text in the page's language. */
	private void resolve(Map<String, String> errors) {
		errors.replaceAll((field, key) -> this.messages.getMessage(key, null, LocaleContextHolder.getLocale()));
	}

}
