package de.pfd.grants.server.workspace.admin;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.body.DecisionBodyController;
import de.pfd.grants.server.body.DecisionBodyUseCases;
import de.pfd.grants.server.organisation.OrganisationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.body.DecisionBodyView;
import de.pfd.grants.shared.organisation.OrganisationView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The decision bodies (steering board, youth forum) for staff: members added (an account
 * of the partnership, voting or advisory) and removed, the voting rules changed. The same
 * use cases as {@code /api/decision-bodies}, checked by its request records.
 */
@Controller
@Hidden
class BodyAdminPages {

	private static final String LIST = "verwaltung/gremien";

	private static final String DETAIL = "verwaltung/gremium";

	private static final Map<String, String> MEMBER_FIELDS = Map.of("username", "member-username", "organisation",
			"member-organisation", "voting", "member-voting", "organisationIds", "member-organisationId");

	private static final Map<String, String> RULES_FIELDS = Map.of("quorumPercent", "rules-quorum", "circularDays",
			"rules-days");

	/** The forms of a body's page as typed. */
	record BodyForms(String username, String organisation, String organisationId, String voting, String quorum,
			String days) {
	}

	private final DecisionBodyUseCases bodies;

	private final OrganisationUseCases organisations;

	private final AdminForms forms;

	BodyAdminPages(DecisionBodyUseCases bodies, OrganisationUseCases organisations, AdminForms forms) {
		this.bodies = bodies;
		this.organisations = organisations;
		this.forms = forms;
	}

	@GetMapping("/verwaltung/gremien")
	String list(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("bodies", this.bodies.bodies(user));
		return LIST;
	}

	@GetMapping("/verwaltung/gremien/{id}")
	String body(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		AdminForms.none(model);
		return page(user, id, null, model);
	}

	@PostMapping("/verwaltung/gremien/{id}/mitglieder")
	String addMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String username, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) String organisationId, @RequestParam(required = false) String voting,
			Model model, HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		// by id: what conflicts of interest are found by (none chosen: the account's own)
		List<String> organisationIds = organisationId == null || organisationId.isBlank() ? null
				: List.of(organisationId.strip());
		String name = username == null || username.isBlank() ? null : username.strip();
		String represents = organisation == null || organisation.isBlank() ? null : organisation.strip();
		Boolean votes = "false".equals(voting) ? Boolean.FALSE : Boolean.TRUE;
		this.forms.validate(problems,
				new DecisionBodyController.MemberRequest(name, represents, organisationIds, votes), MEMBER_FIELDS,
				"member-username");
		if (problems.isEmpty()) {
			try {
				this.bodies.addMember(user, id, name, represents, organisationIds, votes);
				return "redirect:/verwaltung/gremien/" + id + "?hinzugefuegt#mitglieder";
			}
			catch (ApiException refused) {
				this.forms.refused(problems, refused, MEMBER_FIELDS, "member-username");
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, MEMBER_FIELDS, "member-username");
			}
		}
		this.forms.show(problems, model, response);
		return page(user, id, new BodyForms(username, organisation, organisationId, voting, null, null), model);
	}

	@PostMapping("/verwaltung/gremien/{id}/mitglieder/{username}/entfernen")
	String removeMember(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@PathVariable String username, Model model, HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		try {
			this.bodies.removeMember(user, id, username);
			return "redirect:/verwaltung/gremien/" + id + "?entfernt#mitglieder";
		}
		catch (CommandExecutionException refused) {
			this.forms.refused(problems, refused, Map.of(), "member-username");
		}
		this.forms.show(problems, model, response);
		return page(user, id, null, model);
	}

	@PostMapping("/verwaltung/gremien/{id}/regeln")
	String rules(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String quorum, @RequestParam(required = false) String days, Model model,
			HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		Integer percent = this.forms.number(problems, "rules-quorum", quorum);
		Integer circular = this.forms.number(problems, "rules-days", days);
		this.forms.validate(problems, new DecisionBodyController.RulesRequest(percent, circular), RULES_FIELDS,
				"rules-quorum");
		if (problems.isEmpty()) {
			try {
				this.bodies.changeRules(user, id, percent, circular);
				return "redirect:/verwaltung/gremien/" + id + "?regeln#regeln";
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, RULES_FIELDS, "rules-quorum");
			}
		}
		this.forms.show(problems, model, response);
		return page(user, id, new BodyForms(null, null, null, null, quorum, days), model);
	}

	private String page(GrantsUser user, String id, BodyForms typed, Model model) {
		DecisionBodyView body = this.bodies.bodies(user)
			.stream()
			.filter(b -> b.id().value().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("Gremium / body"));
		model.addAttribute("body", body);
		BodyForms form = typed != null ? typed : new BodyForms(null, null, null, "true", null, null);
		if (form.quorum() == null && form.days() == null) {
			form = new BodyForms(form.username(), form.organisation(), form.organisationId(), form.voting(),
					String.valueOf(body.rules().quorumPercent()),
					String.valueOf(body.rules().circularDuration().toDays()));
		}
		model.addAttribute("form", form);
		model.addAttribute("organisations",
				this.organisations.list(user)
					.stream()
					.filter(o -> o.mergedInto() == null)
					.sorted(java.util.Comparator.comparing((OrganisationView o) -> o.name() == null ? "" : o.name()))
					.toList());
		return DETAIL;
	}

}
