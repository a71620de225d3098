package de.pfd.grants.server.workspace.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The refunds of one application for staff: its refund claims (due day, interest,
 * outstanding), booking money received with its bank reference (the API's
 * {@code RefundBody} checks the input; the fund books it), and reversing a wrong booking
 * with a reason.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class RefundPages {

	private static final String VIEW = "geld/rueckzahlungen";

	private static final Map<String, String> REFUND_FIELDS = Map.of("amount", "refund-amount", "receivedOn",
			"refund-receivedOn", "reference", "refund-reference");

	private final MoneyModel money;

	private final GrantUseCases grants;

	RefundPages(MoneyModel money, GrantUseCases grants) {
		this.money = money;
		this.grants = grants;
	}

	@GetMapping("/bearbeitung/{id}/rueckzahlungen")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.money.application(user, id);
		figures(user, application, model);
		return this.money.page(VIEW, application, model);
	}

	@PostMapping("/bearbeitung/{id}/rueckzahlungen")
	String book(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "eingang", required = false) String receivedOn,
			@RequestParam(name = "referenz", required = false) String reference,
			@RequestParam(name = "schluessel", required = false) String idempotencyKey, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal euros = this.money.amount(amount, "refund-amount", errors);
		LocalDate day = this.money.day(receivedOn, "refund-receivedOn", errors);
		String ref = MoneyModel.optional(reference);
		if (errors.isEmpty()) {
			this.money.validate(new GrantController.RefundBody(euros, day, ref), REFUND_FIELDS, errors);
		}
		if (errors.isEmpty()) {
			try {
				this.grants.recordRefund(user, application.id().value(), Money.of(euros), day, ref,
						MoneyModel.optional(idempotencyKey));
				return "redirect:/bearbeitung/" + application.id().value() + "/rueckzahlungen?gebucht";
			}
			catch (CommandExecutionException refused) {
				errors.putAll(this.money.refusedAt(refused, REFUND_FIELDS, "refund-amount"));
			}
		}
		model.addAttribute("refundAmount", amount);
		model.addAttribute("refundReceivedOn", receivedOn);
		model.addAttribute("refundReference", reference);
		return refused(user, id, errors, model, response);
	}

	@PostMapping("/bearbeitung/{id}/rueckzahlungen/{refundId}/storno")
	String reverse(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, @PathVariable String refundId,
			@RequestParam(name = "grund", required = false) String reason, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		int row = MoneyModel.row(refundIds(application), refundId);
		String field = row < 0 ? "refunds" : "reversal-" + row;
		Map<String, String> errors = this.money.reversal(user, application, true, refundId, reason, field);
		if (errors.isEmpty()) {
			return "redirect:/bearbeitung/" + application.id().value() + "/rueckzahlungen?storniert";
		}
		model.addAttribute("reversalRow", row);
		model.addAttribute("reversalReason", reason);
		return refused(user, id, errors, model, response);
	}

	private String refused(GrantsUser user, String id, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		figures(user, application, model);
		return this.money.refused(VIEW, application, errors, model, response);
	}

	/** The claims, the refunds with their reversals, a fresh idempotency key. */
	private void figures(GrantsUser user, ApplicationDetail application, Model model) {
		model.addAttribute("refundKey", UUID.randomUUID().toString());
		ApplicationDetail.Grant grant = application.grant();
		if (grant == null) {
			model.addAttribute("claims", List.of());
			return;
		}
		model.addAttribute("claims", this.grants.refundClaims(user, application));
		List<ApplicationDetail.Payment> payments = grant.payments() == null ? List.of() : grant.payments();
		model.addAttribute("refunds", payments.stream().filter(p -> "REFUND".equals(p.kind())).toList());
		model.addAttribute("reversals", PayoutPages.reversals(payments, "REFUND_REVERSAL"));
	}

	private static List<String> refundIds(ApplicationDetail application) {
		return application.grant() == null || application.grant().payments() == null ? List.of()
				: application.grant()
					.payments()
					.stream()
					.filter(p -> "REFUND".equals(p.kind()))
					.map(ApplicationDetail.Payment::id)
					.toList();
	}

}
