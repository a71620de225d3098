package de.pfd.grants.server.workspace.inbox;

import java.math.BigDecimal;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.application.FormalCheckRequest;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.portal.GermanMoney;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.FormalCheckOutcome;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * The office's pages: the inbox ("Aufgaben"), the list of all applications ("Anträge"),
 * one application as the office works on it, the formal check and the lead office's
 * fast-track decision. Thin adapters over {@link InboxUseCases}, {@link CaseworkUseCases}
 * and the use cases of the API ({@code formalCheck}, {@code fastTrack}), which check what
 * the user may see and decide; a refusal shows the form again (HTTP 422) with the problem
 * at its field and in the summary on top, the values as typed.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class InboxPages {

	private final InboxUseCases inbox;

	private final CaseworkUseCases casework;

	private final ApplicationUseCases applications;

	private final VotingUseCases voting;

	private final FundUseCases funds;

	private final MessageSource messages;

	private final Validator validator;

	InboxPages(InboxUseCases inbox, CaseworkUseCases casework, ApplicationUseCases applications, VotingUseCases voting,
			FundUseCases funds, MessageSource messages, Validator validator) {
		this.inbox = inbox;
		this.casework = casework;
		this.applications = applications;
		this.voting = voting;
		this.funds = funds;
		this.messages = messages;
		this.validator = validator;
	}

	@GetMapping("/aufgaben")
	String inbox(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("inbox", this.inbox.inbox(user));
		model.addAttribute("funds", fundsById(user));
		return "bearbeitung/aufgaben";
	}

	@GetMapping("/bearbeitung")
	String list(@AuthenticationPrincipal GrantsUser user, @RequestParam(name = "fonds", required = false) String fund,
			@RequestParam(required = false) String status,
			@RequestParam(name = "seite", defaultValue = "1") String page, Model model) {
		ApplicationStatus chosen = Arrays.stream(ApplicationStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		Map<String, FundBudget> byId = fundsById(user);
		// a fund that is not one of the partnership's filters to nothing, not to all
		String fundId = fund == null || fund.isBlank() ? null : fund;
		CaseworkUseCases.Page rows = fundId != null && !byId.containsKey(fundId)
				? new CaseworkUseCases.Page(List.of(), 1, 1, 0)
				: this.casework.list(user, fundId, chosen, number(page));
		model.addAttribute("rows", rows);
		model.addAttribute("funds", byId);
		model.addAttribute("fundFilter", fundId);
		model.addAttribute("statusFilter", chosen);
		model.addAttribute("statuses", ApplicationStatus.values());
		return "bearbeitung/liste";
	}

	@GetMapping("/bearbeitung/{id}")
	String application(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		model.addAttribute("c", this.casework.application(user, id));
		return "bearbeitung/antrag";
	}

	@GetMapping("/bearbeitung/{id}/formalpruefung")
	String formalCheck(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return formalCheckPage(user, id, null, null, Map.of(), model);
	}

	@PostMapping("/bearbeitung/{id}/formalpruefung")
	String formalCheck(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note, Model model,
			HttpServletResponse response) {
		// 404 before anything else for what the user may not see
		ApplicationDetail application = this.applications.detail(user, id);
		FormalCheckOutcome chosen = Arrays.stream(FormalCheckOutcome.values())
			.filter(o -> o.name().equals(outcome))
			.findFirst()
			.orElse(null);
		String given = note == null || note.isBlank() ? null : note;
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<FormalCheckRequest> violation : this.validator
			.validate(new FormalCheckRequest(chosen, given))) {
			String field = violation.getPropertyPath().toString();
			errors.put(field, field.equals("outcome") ? text("casework.formal.error.outcome") : violation.getMessage());
		}
		if (errors.isEmpty()) {
			try {
				this.applications.formalCheck(user, application.id().value(), chosen, given);
				return "redirect:/bearbeitung/" + application.id().value() + "?geprueft=" + chosen.name();
			}
			catch (ApiException | CommandExecutionException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return formalCheckPage(user, id, chosen, note, errors, model);
	}

	private String formalCheckPage(GrantsUser user, String id, FormalCheckOutcome outcome, String note,
			Map<String, String> errors, Model model) {
		model.addAttribute("facts", this.casework.formalCheckFacts(user, id));
		model.addAttribute("outcome", outcome);
		model.addAttribute("note", note);
		model.addAttribute("outcomes", FormalCheckOutcome.values());
		model.addAttribute("offersFrom", CaseworkUseCases.OFFERS_FROM);
		return form("bearbeitung/formalpruefung", errors, model);
	}

	/** The fast track's form as typed. */
	record FastTrackForm(String outcome, String amount, String conditions, String note, boolean earlyStart) {
	}

	@GetMapping("/bearbeitung/{id}/schnellverfahren")
	String fastTrack(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.applications.detail(user, id);
		return fastTrackPage(
				user, application, new FastTrackForm("APPROVED",
						GermanMoney.format(application.content().requestedAmount()), null, null, false),
				Map.of(), model);
	}

	@PostMapping("/bearbeitung/{id}/schnellverfahren")
	String fastTrack(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String conditions, @RequestParam(required = false) String note,
			@RequestParam(required = false) String earlyStart, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		FastTrackForm form = new FastTrackForm(outcome, amount, conditions, note, earlyStart != null);
		Map<String, String> errors = new LinkedHashMap<>();
		boolean approve = "APPROVED".equals(outcome);
		if (!approve && !"REJECTED".equals(outcome)) {
			errors.put("outcome", text("casework.fast.error.outcome"));
		}
		Money approved = null;
		if (approve && amount != null && !amount.isBlank()) {
			BigDecimal euros = GermanMoney.parse(amount);
			if (euros == null || euros.signum() <= 0) {
				errors.put("amount", text("casework.fast.error.amount"));
			}
			else {
				approved = Money.of(euros);
			}
		}
		if (errors.isEmpty()) {
			try {
				this.voting.fastTrack(user, application.id().value(), approve, approved, blankToNull(conditions),
						blankToNull(note), earlyStart != null);
				return "redirect:/bearbeitung/" + application.id().value() + "?entschieden";
			}
			catch (ApiException | CommandExecutionException refused) {
				errors.putAll(problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return fastTrackPage(user, application, form, errors, model);
	}

	private String fastTrackPage(GrantsUser user, ApplicationDetail application, FastTrackForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("fund", fundsById(user).get(application.fundId().value()));
		model.addAttribute("form", form);
		return form("bearbeitung/schnellverfahren", errors, model);
	}

	/** A line of the error summary (the fragment {@code antraege/fehler :: summary}). */
	record Problem(String href, String labelKey, int row, String message) {
	}

	private String form(String view, Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("summary",
				errors.entrySet()
					.stream()
					.map(e -> new Problem("#" + anchor(e.getKey()), "casework.field." + e.getKey(), 0, e.getValue()))
					.toList());
		return view;
	}

	/** The element a field's problem links to (a group of radios: its fieldset). */
	private static String anchor(String field) {
		return "form".equals(field) ? "fehler" : field;
	}

	/**
	 * A refusal of a use case by field ({@code form} for the whole): a known field or
	 * code in the page's language from the bundle, anything else as the domain says it.
	 */
	private Map<String, String> problems(RuntimeException refused) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (refused instanceof ApiException api) {
			errors.put(api.field() == null ? "form" : api.field(), Bilingual.local(api.getMessage()));
			return errors;
		}
		RuleViolation violation = ((CommandExecutionException) refused).getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refused);
		String known = this.messages.getMessage("casework.error.code." + violation.code(), null, null,
				LocaleContextHolder.getLocale());
		if (violation.fields().isEmpty()) {
			errors.put("form", known != null ? known : Bilingual.local(violation.message()));
		}
		violation.fields().forEach(f -> {
			String field = this.messages.getMessage("casework.error.field." + f.field(), null, null,
					LocaleContextHolder.getLocale());
			errors.putIfAbsent(fieldOnForm(f.field()),
					field != null ? field : known != null ? known : Bilingual.local(f.message()));
		});
		return errors;
	}

	/** The domain's fields as the forms name them. */
	private static String fieldOnForm(String field) {
		return switch (field) {
			case "note", "conditions", "amount", "outcome" -> field;
			case "approvedAmount" -> "amount";
			default -> "form";
		};
	}

	private Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private static int number(String page) {
		try {
			return Integer.parseInt(page);
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
