package de.pfd.grants.server.workspace.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.organisation.OrganisationController;
import de.pfd.grants.server.organisation.OrganisationUseCases;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.shared.organisation.OrganisationView;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The organisations of the partnership (staff): the list, one organisation, and merging a
 * duplicate into the organisation that survives (chosen, then confirmed). The same use
 * cases as {@code /api/organisations}; a refusal (into itself, into a merged one) is
 * shown at the choice (422).
 */
@Controller
@Hidden
class OrganisationAdminPages {

	private static final Map<String, String> MERGE_FIELDS = Map.of("into", "into");

	private final OrganisationUseCases organisations;

	private final AdminForms forms;

	OrganisationAdminPages(OrganisationUseCases organisations, AdminForms forms) {
		this.organisations = organisations;
		this.forms = forms;
	}

	@GetMapping("/verwaltung/organisationen")
	String list(@AuthenticationPrincipal GrantsUser user, Model model) {
		model.addAttribute("organisations", sorted(this.organisations.list(user)));
		return "verwaltung/organisationen";
	}

	@GetMapping("/verwaltung/organisationen/{id}")
	String detail(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model) {
		AdminForms.none(model);
		return page(user, id, null, model);
	}

	/**
	 * The merge: first the confirmation (what happens, nothing changed yet), then with
	 * {@code bestaetigt} the merge itself.
	 */
	@PostMapping("/verwaltung/organisationen/{id}/zusammenfuehren")
	String merge(@AuthenticationPrincipal GrantsUser user, @PathVariable String id,
			@RequestParam(required = false) String into, @RequestParam(required = false) String bestaetigt, Model model,
			HttpServletResponse response) {
		OrganisationView duplicate = this.organisations.detail(user, id);
		AdminForms.Problems problems = this.forms.problems();
		String target = into == null || into.isBlank() ? null : into.strip();
		this.forms.validate(problems, new OrganisationController.MergeRequest(target), MERGE_FIELDS, "into");
		if (problems.isEmpty() && bestaetigt == null) {
			try {
				OrganisationView survivor = this.organisations.detail(user, target);
				AdminForms.none(model);
				model.addAttribute("duplicate", duplicate);
				model.addAttribute("survivor", survivor);
				return "verwaltung/organisation-zusammenfuehren";
			}
			catch (ApiException unknown) {
				if (unknown.status() != HttpStatus.NOT_FOUND) {
					throw unknown;
				}
				problems.add("into", this.forms.text("admin.organisation.unknown"));
			}
		}
		else if (problems.isEmpty()) {
			try {
				OrganisationView survivor = this.organisations.merge(user, duplicate.id().value(), target);
				return "redirect:/verwaltung/organisationen/" + survivor.id().value() + "?zusammengefuehrt="
						+ duplicate.id().value();
			}
			catch (ApiException refused) {
				this.forms.refused(problems, refused, MERGE_FIELDS, "into");
			}
			catch (CommandExecutionException refused) {
				this.forms.refused(problems, refused, MERGE_FIELDS, "into");
			}
		}
		this.forms.show(problems, model, response);
		return page(user, id, into, model);
	}

	private String page(GrantsUser user, String id, String into, Model model) {
		OrganisationView organisation = this.organisations.detail(user, id);
		List<OrganisationView> all = this.organisations.list(user);
		model.addAttribute("organisation", organisation);
		Map<String, String> names = new java.util.HashMap<>();
		all.forEach(o -> names.put(o.id().value(), o.name()));
		// the duplicates merged into it are no longer listed: their names as they were
		organisation.mergedIds()
			.forEach(merged -> names.put(merged.value(), this.organisations.detail(user, merged.value()).name()));
		if (organisation.mergedInto() != null) {
			names.putIfAbsent(organisation.mergedInto().value(),
					this.organisations.detail(user, organisation.mergedInto().value()).name());
		}
		model.addAttribute("names", names);
		// a duplicate merges into one that stands for itself
		model.addAttribute("candidates",
				sorted(all.stream().filter(o -> o.mergedInto() == null && !o.id().equals(organisation.id())).toList()));
		model.addAttribute("into", into);
		return "verwaltung/organisation";
	}

	private static List<OrganisationView> sorted(List<OrganisationView> organisations) {
		return organisations.stream()
			.sorted(Comparator.comparing((OrganisationView o) -> o.name() == null ? "" : o.name().toLowerCase())
				.thenComparing(o -> o.id().value()))
			.toList();
	}

}
