package de.pfd.grants.server.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import de.pfd.grants.server.grant.GrantController;
import de.pfd.grants.server.grant.GrantNoticePdf;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.voting.VotingUseCases;
import de.pfd.grants.server.web.Bilingual;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.error.ErrorCode;
import de.pfd.grants.shared.error.RuleViolation;
import de.pfd.grants.shared.grant.Receipt;
import de.pfd.grants.shared.grant.ReceiptTotals;
import de.pfd.grants.shared.money.Money;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

/**
 * The money of an approved grant on the application's page: the grant notice as PDF and
 * its confirmation, payout requests, the proof of use with its sums (also live, as an
 * htmx fragment computed by the same code as the settlement), and the refund claims. Thin
 * adapters over the use cases of the API; a refusal shows the page again (HTTP 422) with
 * the problem at its field and in the summary on top, the values as typed.
 */
@Controller
@Hidden
class GrantPages {

	private static final Pattern ROW_FIELD = Pattern.compile("(receipts|income)-(\\d+)-(\\w+)");

	private static final Pattern RECEIPT = Pattern.compile("receipts\\[(\\d+)\\](?:\\.(\\w+))?");

	private final ApplicationUseCases applications;

	private final GrantUseCases grants;

	private final VotingUseCases voting;

	private final GrantNoticePdf noticePdf;

	private final PortalModel portal;

	private final MessageSource messages;

	private final Validator validator;

	GrantPages(ApplicationUseCases applications, GrantUseCases grants, VotingUseCases voting, GrantNoticePdf noticePdf,
			PortalModel portal, MessageSource messages, Validator validator) {
		this.validator = validator;
		this.applications = applications;
		this.grants = grants;
		this.voting = voting;
		this.noticePdf = noticePdf;
		this.portal = portal;
		this.messages = messages;
	}

	/** The notice as the API gives it: for whoever may read the application. */
	@GetMapping("/antraege/{id}/bescheid.pdf")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id) {
		return this.noticePdf.download(this.grants.notice(user, id));
	}

	@PostMapping("/antraege/{id}/bescheid/bestaetigen")
	@PreAuthorize("hasRole('APPLICANT')")
	String confirmNotice(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		try {
			this.voting.confirmNotice(user, application.id().value());
			return "redirect:/antraege/" + application.id().value() + "?bestaetigt#bescheid";
		}
		catch (CommandExecutionException refused) {
			Map<String, String> errors = new LinkedHashMap<>();
			errors.put("bescheid-bestaetigen", local(refused));
			return refused(user, application, errors, model, response);
		}
	}

	@PostMapping("/antraege/{id}/auszahlung")
	@PreAuthorize("hasRole('APPLICANT')")
	String requestPayout(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(name = "betrag", required = false) String amount,
			@RequestParam(name = "zweck", required = false) String purpose,
			@RequestParam(name = "schluessel", required = false) String idempotencyKey, Model model,
			HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal euros = amount == null || amount.isBlank() ? null : GermanMoney.parse(amount);
		if (amount == null || amount.isBlank()) {
			errors.put("payout-amount", text("form.error.amount.missing"));
		}
		else if (euros == null || euros.signum() <= 0) {
			errors.put("payout-amount", text("grant.error.amount"));
		}
		String why = purpose == null || purpose.isBlank() ? null : purpose.strip();
		if (errors.isEmpty()) {
			// the limits are the API's own (its request record)
			this.validator.validate(new GrantController.PayoutRequestBody(euros, why))
				.forEach(v -> errors.putIfAbsent(
						"purpose".equals(v.getPropertyPath().toString()) ? "payout-purpose" : "payout-amount",
						v.getMessage()));
		}
		if (errors.isEmpty()) {
			try {
				this.grants.requestPayout(user, application.id().value(), Money.of(euros), why, idempotencyKey);
				return "redirect:/antraege/" + application.id().value() + "?abgerufen#auszahlung";
			}
			catch (CommandExecutionException refused) {
				RuleViolation violation = violation(refused);
				if (violation.code() == ErrorCode.PAYOUT_REQUEST_EXCEEDS_APPROVAL) {
					errors.put("payout-amount", text("grant.error.payout.exceeds",
							GermanMoney.format(PortalModel.openForRequest(application.grant()))));
				}
				else {
					errors.put("payout-amount", Bilingual.local(violation.message()));
				}
			}
		}
		model.addAttribute("payoutAmount", amount);
		model.addAttribute("payoutPurpose", purpose);
		return refused(user, this.applications.detail(user, id), errors, model, response);
	}

	@PostMapping("/antraege/{id}/verwendungsnachweis")
	@PreAuthorize("hasRole('APPLICANT')")
	String submitProof(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@ModelAttribute("proof") ProofOfUseForm form, @RequestParam(required = false) String zeile,
			@RequestParam(required = false) String summen, Model model, HttpServletResponse response) {
		ApplicationDetail application = this.applications.detail(user, id);
		if (zeile != null || summen != null) {
			// a row more, or the sums: nothing is sent yet
			if (zeile != null) {
				form.addRow(!"einnahme".equals(zeile));
			}
			else {
				form.padRows(0, 0);
			}
			model.addAttribute("proofOpen", true);
			return this.portal.applicationPage(user, application, model);
		}
		Map<String, String> keys = new LinkedHashMap<>();
		List<ProofOfUseForm.Origin> origins = new ArrayList<>();
		List<Receipt> receipts = form.receipts(keys, origins);
		if (form.getReport() == null || form.getReport().isBlank()) {
			keys.put("proof-report", "grant.error.report");
		}
		if (receipts.isEmpty() && keys.keySet().stream().noneMatch(k -> k.startsWith("receipts-"))) {
			keys.put("receipts-0-date", "grant.error.receipts");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		keys.forEach((field, key) -> errors.put(field, text(key)));
		if (errors.isEmpty()) {
			// the limits (report, descriptions, number of lines) are the API's own
			this.validator
				.validate(new GrantController.ProofOfUseBody(form.getReport(),
						receipts.stream()
							.map(r -> new GrantController.ReceiptBody(r.date(), r.description(), r.category(),
									r.amount().amount()))
							.toList()))
				.forEach(v -> errors.putIfAbsent(field(v.getPropertyPath().toString(), origins), v.getMessage()));
		}
		if (errors.isEmpty()) {
			try {
				this.grants.submitProofOfUse(user, application.id().value(), form.getReport(), receipts);
				return "redirect:/antraege/" + application.id().value() + "?nachweis#verwendung";
			}
			catch (CommandExecutionException refused) {
				RuleViolation violation = violation(refused);
				if (violation.fields().isEmpty()) {
					errors.put("proof-report", Bilingual.local(violation.message()));
				}
				violation.fields()
					.forEach(f -> errors.putIfAbsent(field(f.field(), origins), Bilingual.local(f.message())));
			}
		}
		form.padRows(0, 0);
		model.addAttribute("proofOpen", true);
		return refused(user, application, errors, model, response);
	}

	/**
	 * The sums of the statement as typed so far (an htmx fragment): the same computation
	 * as the settlement's; what cannot be read yet is left out.
	 */
	@PostMapping("/antraege/{id}/verwendungsnachweis/summen")
	@PreAuthorize("hasRole('APPLICANT')")
	String totals(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@ModelAttribute("proof") ProofOfUseForm form, Model model) {
		this.applications.detail(user, id);
		model.addAttribute("totals", ReceiptTotals.of(form.receipts(null, null)));
		return "antraege/verwendung :: summen";
	}

	/** The field on the page for a field of the use case's refusal. */
	private static String field(String refused, List<ProofOfUseForm.Origin> origins) {
		if ("report".equals(refused)) {
			return "proof-report";
		}
		Matcher m = RECEIPT.matcher(refused);
		if (m.matches()) {
			int line = Integer.parseInt(m.group(1));
			if (line < origins.size()) {
				ProofOfUseForm.Origin origin = origins.get(line);
				String part = m.group(2) == null ? "amount" : m.group(2);
				return origin.table() + "-" + origin.row() + "-" + part;
			}
		}
		return "receipts-0-date";
	}

	private String refused(GrantsUser user, ApplicationDetail application, Map<String, String> errors, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		model.addAttribute("errors", errors);
		model.addAttribute("summary", summary(errors));
		return this.portal.applicationPage(user, application, model);
	}

	/** The summary's lines: the field's id on this page, its label, its row. */
	static List<ApplicationFormPages.ErrorItem> summary(Map<String, String> errors) {
		return errors.entrySet().stream().map(e -> {
			Matcher row = ROW_FIELD.matcher(e.getKey());
			if (row.matches()) {
				return new ApplicationFormPages.ErrorItem(e.getKey(),
						"grant.field." + row.group(1) + "." + row.group(3), Integer.parseInt(row.group(2)) + 1,
						e.getValue(), "#" + e.getKey());
			}
			return new ApplicationFormPages.ErrorItem(e.getKey(), "grant.field." + e.getKey(), 0, e.getValue(),
					"#" + e.getKey());
		}).toList();
	}

	private static RuleViolation violation(CommandExecutionException refused) {
		return refused.getDetails()
			.filter(RuleViolation.class::isInstance)
			.map(RuleViolation.class::cast)
			.orElseThrow(() -> refused);
	}

	private static String local(CommandExecutionException refused) {
		return Bilingual.local(violation(refused).message());
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
