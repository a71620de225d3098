package de.pfd.grants.server.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.application.ApplicationDetail;
import de.pfd.grants.shared.application.ApplicationSummary;
import de.pfd.grants.shared.fund.FundBudget;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's pages: the start page (for visitors the funds and the money still
 * available, for the signed-in their way in), "Meine Anträge" and the page of one
 * application. A second adapter over the same use cases as the REST API: what a user may
 * see is decided there (an application they may not see is 404 here too).
 */
@Controller
@Hidden
class PortalPages {

	private final FundUseCases funds;

	private final ApplicationUseCases applications;

	PortalPages(FundUseCases funds, ApplicationUseCases applications) {
		this.funds = funds;
		this.applications = applications;
	}

	@GetMapping("/")
	String start(@AuthenticationPrincipal GrantsUser user, Model model) {
		if (user == null) {
			model.addAttribute("partnerships", this.funds.openFundsOfEveryPartnership());
			return "visitor";
		}
		model.addAttribute("user", user);
		return "start";
	}

	@GetMapping("/antraege")
	String applications(@AuthenticationPrincipal GrantsUser user, Model model) {
		List<Row> rows = new ArrayList<>();
		for (ApplicationSummary application : this.applications.list(user, null, null)) {
			if (NextStep.hasGrantDeadlines(application.status())) {
				ApplicationDetail detail = this.applications.detail(user, application.id().value());
				ApplicationDetail.Grant grant = detail.grant();
				rows.add(new Row(application, NextStep.of(detail), grant == null ? null : grant.spendBy(),
						grant == null ? null : grant.proofOfUseDueOn()));
			}
			else {
				rows.add(new Row(application, NextStep.of(application.status()), null, null));
			}
		}
		model.addAttribute("rows", rows);
		model.addAttribute("funds", fundsById(user));
		return "antraege/liste";
	}

	/** A line of "Meine Anträge": the application, its next step and its deadlines. */
	record Row(ApplicationSummary application, String nextStep, LocalDate spendBy, LocalDate proofOfUseDueOn) {
	}

	@GetMapping("/antraege/{id}")
	String application(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		ApplicationDetail application = this.applications.detail(user, id);
		// not "application": Thymeleaf reserves that name for the servlet context
		model.addAttribute("app", application);
		model.addAttribute("next", NextStep.of(application));
		model.addAttribute("fund", fundsById(user).get(application.fundId().value()));
		return "antraege/antrag";
	}

	/** A refusal of a use case as a page: 404 for what the user may not see. */
	@ExceptionHandler(ApiException.class)
	String refused(ApiException refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal.status().value());
		model.addAttribute("status", refusal.status().value());
		return "error";
	}

	private Map<String, FundBudget> fundsById(GrantsUser user) {
		Map<String, FundBudget> byId = new LinkedHashMap<>();
		this.funds.funds(user).forEach(fund -> byId.put(fund.id().value(), fund));
		return byId;
	}

}
