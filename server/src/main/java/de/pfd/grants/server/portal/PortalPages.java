package de.pfd.grants.server.portal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.pfd.grants.server.application.ApplicationUseCases;
import de.pfd.grants.server.fund.FundUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.shared.application.ApplicationStatus;
import de.pfd.grants.shared.application.ApplicationSummary;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The portal's pages: the start page (for visitors the funds and the money still
 * available, for the signed-in their way in), "Meine Anträge" and the page of one
 * application. A second adapter over the same use cases as the REST API: what a user may
 * see is decided there (an application they may not see is 404 here too, see
 * {@link PortalModel.Refusals}).
 */
@Controller
@Hidden
class PortalPages {

	private final FundUseCases funds;

	private final ApplicationUseCases applications;

	private final PortalModel portal;

	private final boolean demo;

	PortalPages(FundUseCases funds, ApplicationUseCases applications, PortalModel portal, Environment environment) {
		this.demo = environment.matchesProfiles("demo");
		this.funds = funds;
		this.applications = applications;
		this.portal = portal;
	}

	@GetMapping("/")
	String start(@AuthenticationPrincipal GrantsUser user, Model model) {
		if (user == null) {
			model.addAttribute("partnerships", this.funds.openFundsOfEveryPartnership());
			return "visitor";
		}
		model.addAttribute("user", user);
		// the demo sends no mail: staff read it on a page of its own
		model.addAttribute("demoOutbox", this.demo && user.role() == Role.STAFF);
		return "start";
	}

	/** One query for the whole list: the summaries carry their grant's progress. */
	@GetMapping("/antraege")
	String applications(@AuthenticationPrincipal GrantsUser user, Model model) {
		List<Row> rows = this.applications.list(user, null, null).stream().map(application -> {
			ApplicationSummary.GrantProgress grant = application.grantProgress();
			boolean running = application.status() == ApplicationStatus.APPROVED
					|| application.status() == ApplicationStatus.REFUND_DUE;
			return new Row(application, NextStep.of(application), running && grant != null ? grant.spendBy() : null,
					running && grant != null ? grant.proofOfUseDueOn() : null);
		}).toList();
		model.addAttribute("rows", rows);
		model.addAttribute("funds", this.portal.fundsById(user));
		return "antraege/liste";
	}

	/** A line of "Meine Anträge": the application, its next step and its deadlines. */
	record Row(ApplicationSummary application, String nextStep, LocalDate spendBy, LocalDate proofOfUseDueOn) {
	}

	@GetMapping("/antraege/{id}")
	String application(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		return this.portal.applicationPage(user, this.applications.detail(user, id), model);
	}

}
