package de.pfd.grants.server.account;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.pfd.grants.server.organisation.OrganisationUseCases;
import de.pfd.grants.server.security.AccessTokens;
import de.pfd.grants.server.security.ClientAddress;
import de.pfd.grants.server.security.GrantsUser;
import de.pfd.grants.server.web.ApiException;
import de.pfd.grants.server.web.Bilingual;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Mein Konto": the signed-in user's address (a change is confirmed from the new
 * mailbox), password, the organisations they act for and their personal access tokens
 * (made here with the session, shown once; revoked here). Thin: the rules are in
 * {@link AccountUseCases}, {@link OrganisationUseCases} and {@link AccessTokens}, the
 * same the API uses. Every form is a POST with the CSRF token; a refusal shows the page
 * again (422) with the message at its field and in the summary, the values kept (never a
 * password).
 */
@Controller
class OwnAccountPages {

	private static final String PAGE = "konto/konto";

	/** The use cases' field names → the ids of the page's fields, per form. */
	private static final Map<String, Map<String, String>> FIELDS = Map.of("email",
			Map.of("email", "newEmail", "currentPassword", "emailPassword"), "password",
			Map.of("currentPassword", "currentPassword", "newPassword", "newPassword", "password", "newPassword"),
			"token", Map.of("name", "tokenName", "expiresInDays", "tokenDays"));

	/** The first field of each form: where a refusal without a field is shown. */
	private static final Map<String, String> FIRST = Map.of("email", "newEmail", "password", "currentPassword", "token",
			"tokenName");

	private final AccountUseCases accounts;

	private final OrganisationUseCases organisations;

	private final AccessTokens tokens;

	OwnAccountPages(AccountUseCases accounts, OrganisationUseCases organisations, AccessTokens tokens) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.tokens = tokens;
	}

	/** What the forms show back after a refusal (never a password). */
	record Entered(String newEmail, String tokenName, String tokenDays) {

		static final Entered NONE = new Entered("", "", "90");

	}

	@GetMapping("/konto")
	String page(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(name = "email-gesendet", required = false) String emailSent,
			@RequestParam(name = "widerrufen", required = false) String revoked, Model model) {
		model.addAttribute("emailSent", emailSent != null);
		model.addAttribute("revoked", revoked != null);
		return page(user, Entered.NONE, model);
	}

	@PostMapping("/konto/email")
	String changeEmail(@AuthenticationPrincipal GrantsUser user, @RequestParam(required = false) String newEmail,
			@RequestParam(required = false) String currentPassword, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.accounts.requestEmailChange(user, newEmail, currentPassword, ClientAddress.of(request).value());
		}
		catch (ApiException ex) {
			return refused(user, "email", ex, new Entered(newEmail, "", "90"), model, response);
		}
		return "redirect:/konto?email-gesendet";
	}

	/** A new password ends every session of the account, this one too: sign in again. */
	@PostMapping("/konto/passwort-aendern")
	String changePassword(@AuthenticationPrincipal GrantsUser user,
			@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
			Model model, Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		try {
			this.accounts.changePassword(user, currentPassword, newPassword);
		}
		catch (ApiException ex) {
			return refused(user, "password", ex, Entered.NONE, model, response);
		}
		// the other sessions are ended by the change; this one would be saved again at
		// the
		// end of this request
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		return "redirect:/login?passwort-geaendert";
	}

	/** A new token: its secret is shown on this answer only (not kept, not cached). */
	@PostMapping("/konto/tokens")
	String createToken(@AuthenticationPrincipal GrantsUser user, @RequestParam(required = false) String tokenName,
			@RequestParam(required = false) String tokenDays, Model model, HttpServletResponse response) {
		Entered entered = new Entered(tokenName, "", tokenDays);
		try {
			AccessTokens.Created created = this.tokens.create(user.username(),
					tokenName == null ? null : tokenName.strip(), days(tokenDays));
			response.setHeader("Cache-Control", "no-store");
			model.addAttribute("created", created);
			return page(user, Entered.NONE, model);
		}
		catch (ApiException ex) {
			return refused(user, "token", ex, entered, model, response);
		}
	}

	@PostMapping("/konto/tokens/{id}/widerruf")
	String revokeToken(@AuthenticationPrincipal GrantsUser user, @PathVariable String id, Model model,
			HttpServletResponse response) {
		if (!this.tokens.revoke(user.username(), id)) {
			// another account's token, or one revoked already: not there
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("status", HttpStatus.NOT_FOUND.value());
			return "error";
		}
		return "redirect:/konto?widerrufen";
	}

	private String page(GrantsUser user, Entered entered, Model model) {
		model.addAttribute("account", this.accounts.me(user));
		model.addAttribute("organisations", this.organisations.own(user));
		model.addAttribute("tokens", this.tokens.list(user.username()));
		model.addAttribute("entered", entered);
		model.addAttribute("days", List.of(30, 90, 180, 365));
		return PAGE;
	}

	private String refused(GrantsUser user, String form, ApiException ex, Entered entered, Model model,
			HttpServletResponse response) {
		response.setStatus(ex.status() == HttpStatus.TOO_MANY_REQUESTS ? ex.status().value()
				: HttpStatus.UNPROCESSABLE_ENTITY.value());
		String field = ex.field() == null ? null : FIELDS.get(form).get(ex.field());
		model.addAttribute("errorForm", form);
		model.addAttribute("errorField", field == null ? FIRST.get(form) : field);
		model.addAttribute("error", Bilingual.local(ex.getMessage()));
		model.addAttribute("emailSent", false);
		model.addAttribute("revoked", false);
		return page(user, entered, model);
	}

	/** The days chosen; anything else is refused by the token's rule (0). */
	private static int days(String typed) {
		try {
			return typed == null ? 0 : Integer.parseInt(typed.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
