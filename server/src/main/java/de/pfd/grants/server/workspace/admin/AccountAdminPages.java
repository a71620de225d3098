package de.pfd.grants.server.workspace.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.account.AccountController;
import de.pfd.grants.server.account.AccountUseCases;
import de.pfd.grants.server.account.AccountUseCases.AccountView;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.security.Role;
import de.pfd.grants.server.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The accounts of the partnership and invitations by e-mail, for its administrators only
 * (as {@code /api/accounts}: other staff get 403). The same use case as the API, the
 * input checked by its request record.
 */
@Controller
@Hidden
class AccountAdminPages {

	private static final Map<String, String> FIELDS = Map.of("email", "invite-email", "displayName", "invite-name",
			"role", "invite-role", "administrator", "invite-admin");

	/** The invitation as typed. */
	record InvitationForm(String email, String name, String role, String administrator) {

		static final InvitationForm EMPTY = new InvitationForm(null, null, "STAFF", null);

	}

	private final AccountUseCases accounts;

	private final AdminForms forms;

	AccountAdminPages(AccountUseCases accounts, AdminForms forms) {
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/verwaltung/konten")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String accounts(@AuthenticationPrincipal GrantsUser user, Model model) {
		AdminForms.none(model);
		return page(user, InvitationForm.EMPTY, model);
	}

	@PostMapping("/verwaltung/konten")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String invite(@AuthenticationPrincipal GrantsUser user, @RequestParam(required = false) String email,
			@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(required = false) String administrator, Model model, HttpServletResponse response) {
		AdminForms.Problems problems = this.forms.problems();
		Role chosen = role == null ? null
				: List.of(Role.values()).stream().filter(r -> r.name().equals(role)).findFirst().orElse(null);
		boolean admin = administrator != null;
		String address = email == null ? null : email.strip();
		String displayName = name == null ? null : name.strip();
		this.forms.validate(problems, new AccountController.InvitationRequest(address, displayName, chosen, admin),
				FIELDS, "invite-email");
		if (problems.isEmpty()) {
			try {
				this.accounts.invite(user, address, displayName, chosen, admin);
				return "redirect:/verwaltung/konten?eingeladen";
			}
			catch (ApiException refused) {
				this.forms.refused(problems, refused, FIELDS, "invite-email");
			}
		}
		this.forms.show(problems, model, response);
		return page(user, new InvitationForm(email, name, role, administrator), model);
	}

	private String page(GrantsUser user, InvitationForm form, Model model) {
		model.addAttribute("accounts",
				this.accounts.accounts(user)
					.stream()
					.sorted(Comparator.comparing(AccountView::role).thenComparing(AccountView::username))
					.toList());
		model.addAttribute("invitation", form);
		model.addAttribute("roles", List.of(Role.STAFF, Role.AUDITOR, Role.MEMBER));
		return "verwaltung/konten";
	}

}
