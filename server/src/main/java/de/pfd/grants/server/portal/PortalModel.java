package de.pfd.grants.server.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.fund.FundBudget;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the portal's pages share: the funds of the user's partnership by id (for their
 * names), the model of an application's page, and a refusal of a use case shown as a page
 * (404 for what the user may not see) rather than the API's problem JSON.
 */
@Component
class PortalModel {

	private final FundUseCases funds;

	PortalModel(FundUseCases funds) {
		this.funds = funds;
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

	/** Every page controller of the portal (this package). */
	@ControllerAdvice(basePackageClasses = PortalModel.class)
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
