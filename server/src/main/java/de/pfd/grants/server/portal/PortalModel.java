package de.pfd.grants.server.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import de.pfd.grants.server.document.DocumentUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.document.DocumentKind;
import de.pfd.grants.shared.fund.FundBudget;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the portal's pages share: the funds of the user's partnership by id (for their
 * names), the model of an application's page (with its documents), and a refusal of a use
 * case shown as a page (404 for what the user may not see) rather than the API's problem
 * JSON.
 */
@Component
class PortalModel {

	private final FundUseCases funds;

	private final DocumentUseCases documents;

	PortalModel(FundUseCases funds, DocumentUseCases documents) {
		this.funds = funds;
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

	@ControllerAdvice(assignableTypes = { PortalPages.class, ApplicationFormPages.class, DocumentPages.class })
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Refusals {

		@ExceptionHandler(ApiException.class)
		String refused(ApiException refusal, HttpServletResponse response, Model model) {
			response.setStatus(refusal.status().value());
			model.addAttribute("status", refusal.status().value());
			return "error";
		}

	}

}
