package de.pfd.grants.server.workspace.money;

import java.math.BigDecimal;
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

import de.pfd.grants.server.document.DocumentUseCases;
import de.pfd.grants.server.grant.GrantController;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.grant.ReceiptTotals;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The review of a proof of use for staff: the narrative report, the receipts with their
 * sums and the uploaded documents beside the approved cost plan; accepting it with the
 * eligible amount (the grant settles: final grant, refund claim, money released) or
 * returning it with a note; correcting an accepted review with a reason. The API's
 * {@code ReviewBody} and {@code CorrectionBody} check the input.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class ProofReviewPages {

	private static final String VIEW = "geld/verwendungsnachweis";

	private static final Map<String, String> REVIEW_FIELDS = Map.of("eligibleAmount", "review-amount", "note",
			"review-note", "outcome", "review-outcome");

	private static final Map<String, String> CORRECTION_FIELDS = Map.of("eligibleAmount", "correction-amount", "reason",
			"correction-reason");

	private final MoneyModel money;

	private final GrantUseCases grants;

	private final DocumentUseCases documents;

	ProofReviewPages(MoneyModel money, GrantUseCases grants, DocumentUseCases documents) {
		this.money = money;
		this.grants = grants;
		this.documents = documents;
	}

	@GetMapping("/bearbeitung/{id}/verwendungsnachweis")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.money.application(user, id);
		figures(user, application, model);
		return this.money.page(VIEW, application, model);
	}

	@PostMapping("/bearbeitung/{id}/verwendungsnachweis")
	String review(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "ergebnis", required = false) String outcome,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "vermerk", required = false) String note, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		GrantController.ReviewBody.Outcome result = "ACCEPTED".equals(outcome)
				? GrantController.ReviewBody.Outcome.ACCEPTED
				: "RETURNED".equals(outcome) ? GrantController.ReviewBody.Outcome.RETURNED : null;
		BigDecimal euros = null;
		String why = MoneyModel.optional(note);
		if (result == null) {
			errors.put("review-outcome", this.money.text("money.error.outcome"));
		}
		else if (result == GrantController.ReviewBody.Outcome.ACCEPTED) {
			euros = this.money.amountOrZero(amount, "review-amount", errors);
		}
		else if (why == null) {
			errors.put("review-note", this.money.text("money.error.note"));
		}
		if (errors.isEmpty()) {
			this.money.validate(new GrantController.ReviewBody(result, euros, why), REVIEW_FIELDS, errors);
		}
		if (errors.isEmpty()) {
			try {
				boolean accept = result == GrantController.ReviewBody.Outcome.ACCEPTED;
				this.grants.reviewProofOfUse(user, application.id().value(), accept,
						euros == null ? null : Money.of(euros), why);
				return "redirect:/bearbeitung/" + application.id().value() + "/verwendungsnachweis?"
						+ (accept ? "angenommen" : "zurueckgegeben");
			}
			catch (CommandExecutionException refused) {
				errors.putAll(this.money.refusedAt(refused, REVIEW_FIELDS, "review-outcome"));
			}
		}
		model.addAttribute("reviewOutcome", outcome);
		model.addAttribute("reviewAmount", amount);
		model.addAttribute("reviewNote", note);
		return refused(user, id, errors, model, response);
	}

	@PostMapping("/bearbeitung/{id}/verwendungsnachweis/korrektur")
	String correct(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "grund", required = false) String reason, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal euros = this.money.amountOrZero(amount, "correction-amount", errors);
		String why = MoneyModel.optional(reason);
		if (why == null) {
			errors.put("correction-reason", this.money.text("money.error.reason"));
		}
		if (errors.isEmpty()) {
			this.money.validate(new GrantController.CorrectionBody(euros, why), CORRECTION_FIELDS, errors);
		}
		if (errors.isEmpty()) {
			try {
				this.grants.correctReview(user, application.id().value(), Money.of(euros), why);
				return "redirect:/bearbeitung/" + application.id().value() + "/verwendungsnachweis?korrigiert";
			}
			catch (CommandExecutionException refused) {
				errors.putAll(this.money.refusedAt(refused, CORRECTION_FIELDS, "correction-amount"));
			}
		}
		model.addAttribute("correctionAmount", amount);
		model.addAttribute("correctionReason", reason);
		return refused(user, id, errors, model, response);
	}

	private String refused(GrantsUser user, String id, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		figures(user, application, model);
		return this.money.refused(VIEW, application, errors, model, response);
	}

	/**
	 * The statement's sums, the plan beside it, the documents, and what the settlement
	 * released: the approved money the final grant does not use goes back to the fund.
	 */
	private void figures(GrantsUser user, ApplicationDetail application, Model model) {
		model.addAttribute("documents", this.documents.list(user, application.id().value()));
		ApplicationDetail.Grant grant = application.grant();
		if (grant == null) {
			return;
		}
		List<de.pfd.grants.shared.grant.Receipt> receipts = grant.receipts() == null ? List.of() : grant.receipts();
		model.addAttribute("totals", ReceiptTotals.of(receipts));
		model.addAttribute("plan", PlanAgainstActual.of(application.content(), receipts));
		if (grant.finalGrant() != null && grant.approvedAmount() != null) {
			Money released = grant.approvedAmount().minus(grant.finalGrant());
			model.addAttribute("released", released.isNegative() ? Money.ZERO : released);
		}
	}

}
