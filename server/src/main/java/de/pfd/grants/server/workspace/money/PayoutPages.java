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
 * The payouts of one application for staff: the applicant's payout requests, certifying a
 * payout (amount, value date, bank reference; the API's {@code PayoutBody} checks the
 * input), releasing a certified one (four eyes: the grant refuses the person who
 * certified it), and reversing a payout with a reason.
 */
@Controller
@Hidden
@PreAuthorize("hasRole('STAFF')")
class PayoutPages {

	private static final String VIEW = "geld/auszahlungen";

	private static final Map<String, String> CERTIFY_FIELDS = Map.of("amount", "payout-amount", "paidOn",
			"payout-paidOn", "reference", "payout-reference");

	private final MoneyModel money;

	private final GrantUseCases grants;

	PayoutPages(MoneyModel money, GrantUseCases grants) {
		this.money = money;
		this.grants = grants;
	}

	@GetMapping("/bearbeitung/{id}/auszahlungen")
	String page(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return page(this.money.application(user, id), model);
	}

	@PostMapping("/bearbeitung/{id}/auszahlungen")
	String certify(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "wertstellung", required = false) String paidOn,
			@RequestParam(name = "referenz", required = false) String reference,
			@RequestParam(name = "schluessel", required = false) String idempotencyKey, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal euros = this.money.amount(amount, "payout-amount", errors);
		LocalDate day = this.money.day(paidOn, "payout-paidOn", errors);
		String ref = MoneyModel.optional(reference);
		if (errors.isEmpty()) {
			// the limits are the API's own (its request record)
			this.money.validate(new GrantController.PayoutBody(euros, day, ref), CERTIFY_FIELDS, errors);
		}
		if (errors.isEmpty()) {
			try {
				GrantUseCases.PayoutAnswer answer = this.grants.recordPayout(user, application.id().value(),
						Money.of(euros), day, ref, MoneyModel.optional(idempotencyKey));
				boolean pending = answer.application()
					.grant()
					.pendingPayouts()
					.stream()
					.anyMatch(p -> p.payoutId().equals(answer.payoutId()));
				return "redirect:/bearbeitung/" + application.id().value() + "/auszahlungen?"
						+ (pending ? "bestaetigt" : "ausgezahlt");
			}
			catch (CommandExecutionException refused) {
				errors.putAll(this.money.refusedAt(refused, CERTIFY_FIELDS, "payout-amount"));
			}
		}
		model.addAttribute("payoutAmount", amount);
		model.addAttribute("payoutPaidOn", paidOn);
		model.addAttribute("payoutReference", reference);
		return refused(user, id, errors, model, response);
	}

	@PostMapping("/bearbeitung/{id}/auszahlungen/{payoutId}/freigabe")
	String release(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, @PathVariable String payoutId,
			Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		try {
			this.grants.releasePayout(user, application.id().value(), payoutId);
			return "redirect:/bearbeitung/" + application.id().value() + "/auszahlungen?freigegeben";
		}
		catch (CommandExecutionException refused) {
			int row = MoneyModel.row(pendingIds(application), payoutId);
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put(row < 0 ? "pending" : "release-" + row, this.money.refusal(refused));
			return refused(user, id, errors, model, response);
		}
	}

	@PostMapping("/bearbeitung/{id}/auszahlungen/{payoutId}/storno")
	String reverse(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, @PathVariable String payoutId,
			@RequestParam(name = "grund", required = false) String reason, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		int row = MoneyModel.row(payoutIds(application), payoutId);
		String field = row < 0 ? "payouts" : "reversal-" + row;
		Map<String, String> errors = this.money.reversal(user, application, false, payoutId, reason, field);
		if (errors.isEmpty()) {
			return "redirect:/bearbeitung/" + application.id().value() + "/auszahlungen?storniert";
		}
		model.addAttribute("reversalRow", row);
		model.addAttribute("reversalReason", reason);
		return refused(user, id, errors, model, response);
	}

	private String refused(GrantsUser user, String id, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.money.application(user, id);
		figures(application, model);
		return this.money.refused(VIEW, application, errors, model, response);
	}

	private String page(ApplicationDetail application, Model model) {
		figures(application, model);
		return this.money.page(VIEW, application, model);
	}

	/**
	 * The page's figures: the requests, the payouts with their reversals, what is
	 * certified and waiting, and a fresh idempotency key (a double click certifies once).
	 */
	private static void figures(ApplicationDetail application, Model model) {
		model.addAttribute("payoutKey", UUID.randomUUID().toString());
		ApplicationDetail.Grant grant = application.grant();
		if (grant == null) {
			return;
		}
		List<ApplicationDetail.Payment> payments = grant.payments() == null ? List.of() : grant.payments();
		model.addAttribute("requests", payments.stream().filter(p -> "REQUEST".equals(p.kind())).toList());
		model.addAttribute("payouts", payments.stream().filter(p -> "PAYOUT".equals(p.kind())).toList());
		model.addAttribute("reversals", reversals(payments, "PAYOUT_REVERSAL"));
		Money pending = grant.pendingPayouts()
			.stream()
			.map(ApplicationDetail.PendingPayout::amount)
			.reduce(Money.ZERO, Money::plus);
		model.addAttribute("pendingTotal", pending);
		// what the requests still cover; the grant decides each payout itself
		Money open = grant.requestedPayouts().minus(grant.paid()).minus(pending);
		model.addAttribute("openForPayout", open.isNegative() ? Money.ZERO : open);
	}

	/** The reversals of a kind by the id of the booking they reverse. */
	static Map<String, ApplicationDetail.Payment> reversals(List<ApplicationDetail.Payment> payments, String kind) {
		Map<String, ApplicationDetail.Payment> byOriginal = new LinkedHashMap<>();
		payments.stream()
			.filter(p -> kind.equals(p.kind()) && p.reverses() != null)
			.forEach(p -> byOriginal.put(p.reverses(), p));
		return byOriginal;
	}

	private static List<String> pendingIds(ApplicationDetail application) {
		return application.grant() == null ? List.of()
				: application.grant().pendingPayouts().stream().map(ApplicationDetail.PendingPayout::payoutId).toList();
	}

	private static List<String> payoutIds(ApplicationDetail application) {
		return application.grant() == null || application.grant().payments() == null ? List.of()
				: application.grant()
					.payments()
					.stream()
					.filter(p -> "PAYOUT".equals(p.kind()))
					.map(ApplicationDetail.Payment::id)
					.toList();
	}

}
