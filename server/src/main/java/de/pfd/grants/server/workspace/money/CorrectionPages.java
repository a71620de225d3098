package de.pfd.grants.server.workspace.money;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.grant.GrantController;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Corrections of one grant for staff: cancelling the project with a reason (the grant
 * releases the unpaid money and claims back what was paid), and every correction made so
 * far with its reason: reversed payouts and refunds, corrected reviews, returned proofs,
 * the cancellation.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class CorrectionPages {

	private static final String VIEW = "geld/korrektur";

	private final MoneyModel money;

	private final GrantUseCases grants;

	CorrectionPages(MoneyModel money, GrantUseCases grants) {
		this.money = money;
		this.grants = grants;
	}

	@GetMapping("/bearbeitung/{id}/korrektur")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.money.application(user, id);
		figures(application, model);
		return this.money.page(VIEW, application, model);
	}

	@PostMapping("/bearbeitung/{id}/korrektur")
	String cancel(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "grund", required = false) String reason, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		String why = MoneyModel.optional(reason);
		if (why == null) {
			errors.put("cancel-reason", this.money.text("money.error.reason"));
		}
		else {
			this.money.validate(new GrantController.CancellationBody(why), Map.of("reason", "cancel-reason"), errors);
		}
		if (errors.isEmpty()) {
			try {
				this.grants.cancel(user, application.id().value(), why);
				return "redirect:/bearbeitung/" + application.id().value() + "/korrektur?abgebrochen";
			}
			catch (CommandExecutionException refused) {
				errors.put("cancel-reason", this.money.refusal(refused));
			}
		}
		model.addAttribute("cancelReason", reason);
		ApplicationDetail fresh = this.money.application(user, id);
		figures(fresh, model);
		return this.money.refused(VIEW, fresh, errors, model, response);
	}

	/**
	 * The corrections so far, oldest first: the reversals (with the booking they reverse)
	 * and the steps of the history that corrected the grant (their note says why).
	 */
	private static void figures(ApplicationDetail application, Model model) {
		ApplicationDetail.Grant grant = application.grant();
		List<ApplicationDetail.Payment> payments = grant == null || grant.payments() == null ? List.of()
				: grant.payments();
		model.addAttribute("reversals", payments.stream().filter(p -> p.reverses() != null).toList());
		model.addAttribute("corrections",
				application.history().stream().map(Correction::of).flatMap(java.util.Optional::stream).toList());
	}

}
