package de.pfd.grants.server.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import de.pfd.grants.server.document.DocumentUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.grant.GrantUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.CostCategory;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.fund.FundBudget;
import de.pfd.grants.shared.grant.ReceiptTotals;
import de.pfd.grants.shared.money.Money;

/**
 * What the portal's pages share: the funds of the user's partnership by id (for their
 * names), the model of an application's page (with its documents), and a refusal of a use
 * case shown as a page (404 for what the user may not see) rather than the API's problem
 * JSON.
 */
@Component
class PortalModel {

	private final FundUseCases funds;

	private final GrantUseCases grants;

	private final DocumentUseCases documents;

	PortalModel(FundUseCases funds, GrantUseCases grants, DocumentUseCases documents) {
		this.funds = funds;
		this.grants = grants;
		this.documents = documents;
	}

	Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

	/**
	 * The page of one application (not "application": Thymeleaf reserves that name for
	 * the servlet context).
	 */
	String applicationPage(GrantsUser user, ApplicationDetail application, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("next", NextStep.of(application));
		model.addAttribute("fund", fundsById(user).get(application.fundId().value()));
		model.addAttribute("revisionNote", revisionNote(application));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		grantModel(user, application, model);
		// its documents (antraege/unterlagen.html): not for members of the deciding body
		if (user.role() != Role.MEMBER) {
			model.addAttribute("documents", this.documents.list(user, application.id().value()));
			model.addAttribute("documentKinds", DocumentKind.values());
			model.addAttribute("maxFileMegabytes", this.documents.maxFileBytes() / (1024 * 1024));
			model.addAttribute("documentsRemovable",
					user.role() == Role.STAFF || user.role() == Role.APPLICANT && application.status().isEditable());
		}
		return "antraege/antrag";
	}

	/** The note of the latest return, while the application waits for its revision. */
	private static String revisionNote(ApplicationDetail application) {
		if (application.status() != ApplicationStatus.RETURNED_FOR_REVISION) {
			return null;
		}
		return application.history()
			.stream()
			.filter(step -> step.status() == ApplicationStatus.RETURNED_FOR_REVISION)
			.reduce((first, second) -> second)
			.map(ApplicationDetail.StatusChange::note)
			.orElse(null);
	}

	/**
	 * The money sections' model: what may still be requested, a fresh idempotency key for
	 * the payout request (a double click requests once), the proof-of-use form (as typed,
	 * or empty) with its sums, and the application's refund claims.
	 */
	private void grantModel(GrantsUser user, ApplicationDetail application, Model model) {
		ApplicationDetail.Grant grant = application.grant();
		if (grant == null) {
			return;
		}
		model.addAttribute("openForRequest", openForRequest(grant));
		model.addAttribute("payoutKey", UUID.randomUUID().toString());
		model.addAttribute("costCategories", CostCategory.values());
		if (!model.containsAttribute("proof")) {
			ProofOfUseForm proof = new ProofOfUseForm();
			proof.padRows(0, 0);
			model.addAttribute("proof", proof);
		}
		ProofOfUseForm proof = (ProofOfUseForm) model.getAttribute("proof");
		model.addAttribute("totals", ReceiptTotals.of(proof.receipts(null, null)));
		if (grant.proofOfUseSubmittedAt() != null && grant.receipts() != null) {
			model.addAttribute("submittedTotals", ReceiptTotals.of(grant.receipts()));
		}
		boolean claim = grant.refundClaim() != null && grant.refundClaim().isPositive();
		model.addAttribute("refundClaims", claim ? this.grants.refundClaims(user, application) : List.of());
	}

	/**
	 * What may still be requested, as the page shows it (the grant decides each request
	 * itself): the approved amount minus what was requested.
	 */
	static Money openForRequest(ApplicationDetail.Grant grant) {
		return grant.approvedAmount().minus(grant.requestedPayouts());
	}

}
