package de.pfd.grants.server.portal;

import java.util.LinkedHashMap;
import java.util.Map;

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
import de.pfd.grants.server.application.WithdrawalRequest;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Withdrawing an application in the browser: a page that says what it means and asks for
 * an optional reason, then the same use case as {@code POST
 * /api/applications/{id}/withdrawal}. The reason is checked by the API's own request
 * ({@link WithdrawalRequest}); whether the application may still be withdrawn is the
 * domain's decision (a refusal is shown on this page).
 */
@Controller
@Hidden
class WithdrawalPages {

	private static final String PAGE = "antraege/zurueckziehen";

	private final ApplicationUseCases applications;

	private final Validator validator;

	WithdrawalPages(ApplicationUseCases applications, Validator validator) {
		this.applications = applications;
		this.validator = validator;
	}

	@GetMapping("/antraege/{id}/zurueckziehen")
	@PreAuthorize("hasRole('APPLICANT')")
	String confirm(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return page(this.applications.detail(user, id), null, Map.of(), model);
	}

	@PostMapping("/antraege/{id}/zurueckziehen")
	@PreAuthorize("hasRole('APPLICANT')")
	String withdraw(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		String given = reason == null || reason.isBlank() ? null : reason;
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<WithdrawalRequest> violation : this.validator.validate(new WithdrawalRequest(given))) {
			errors.put(violation.getPropertyPath().toString(), violation.getMessage());
		}
		if (errors.isEmpty()) {
			try {
				this.applications.withdraw(user, id, given);
				return "redirect:/antraege/" + id + "?zurueckgezogen";
			}
			catch (RuntimeException refused) {
				errors.putAll(ApplicationFormPages.problems(refused));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return page(application, reason, errors, model);
	}

	private String page(ApplicationDetail application, String reason, Map<String, String> errors, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("summary", ApplicationFormPages.summary(errors, null));
		return PAGE;
	}

}
